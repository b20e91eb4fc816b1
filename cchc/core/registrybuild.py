"""Build a province's agency registry as it is since 1 July 2025 (``cchc registry init``).

Pure: the province, its commune-level units and the pre-2025 registries of the provinces it was
formed from (plain data, as read from their YAML) in; the new registry as plain data (the
``kind: agencies`` format of docs/plan-format.md) out. What it holds:

* provincial bodies: UBND, HĐND, Văn phòng UBND, Thanh tra;
* the departments every province has under Nghị định 150/2025/NĐ-CP (Điều 8), and the optional ones
  of Điều 9, each marked for review in its notes;
* the People's Committee of every commune-level unit (kind ``commune-committee``, level ``xa``);
* the collectives plans name ("Các sở, ban, ngành", "UBND các xã, phường", "UBND cấp xã" …);
* the pre-2025 agencies of a bundled registry: a registry of the same province is carried over
  whole (an entry with the same name becomes one entry, keeping its id, aliases and notes), so plans
  written for it still validate; a registry of a province that was merged into this one gives
  one entry per agency, qualified by the old province's name ("Sở Nội vụ tỉnh Hải Dương"), with a
  successor chain to who carries its duties now.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from cchc.core.text import exact_key, fold
from cchc.core.units import Unit

REORGANISED = dt.date(2025, 7, 1)  # two-level local government; provinces merged
ND150 = (
    "Nghị định số 150/2025/NĐ-CP ngày 12/6/2025 của Chính phủ quy định tổ chức các cơ quan chuyên môn thuộc "
    "Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương và Ủy ban nhân dân xã, phường, đặc khu "
    "(Điều 8: 12 cơ quan tổ chức thống nhất — 10 sở, Thanh tra tỉnh, Văn phòng UBND; Điều 9: sở đặc thù; "
    "không quá 14 sở, Hà Nội và Thành phố Hồ Chí Minh không quá 15). Nguồn đã đọc: "
    "https://pbgdpl.laocai.gov.vn/phap-luat-khac/quy-dinh-to-chuc-cac-co-quan-chuyen-mon-thuoc-uy-ban-nhan-dan-tinh-thanh-pho-truc-thuoc-trung-uo-1394662 ; "
    "https://luatvietnam.vn/linh-vuc-khac/7-diem-dang-chu-y-tai-nghi-dinh-150-2025-nd-cp-ve-to-chuc-so-phong-cap-tinh-cap-xa-883-102553-article.html"
)
# The 10 departments of Điều 8 (the other two common bodies, Thanh tra and Văn phòng UBND, are
# provincial bodies below): id, name, abbreviations.
COMMON_DEPARTMENTS = (
    ("so-noi-vu", "Sở Nội vụ", ("SNV", "Sở NV")),
    ("so-tu-phap", "Sở Tư pháp", ("STP",)),
    ("so-tai-chinh", "Sở Tài chính", ("STC",)),
    ("so-cong-thuong", "Sở Công Thương", ("SCT", "Sở Công thương")),
    ("so-nong-nghiep-va-moi-truong", "Sở Nông nghiệp và Môi trường", ("Sở NN&MT", "Sở NNMT", "Sở Nông nghiệp - Môi trường")),
    ("so-xay-dung", "Sở Xây dựng", ("SXD",)),
    ("so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ", ("Sở KH&CN", "Sở KHCN", "SKHCN")),
    ("so-van-hoa-the-thao-va-du-lich", "Sở Văn hóa, Thể thao và Du lịch", ("Sở VHTTDL", "Sở VH,TT&DL", "Sở Văn hoá, Thể thao và Du lịch")),
    ("so-giao-duc-va-dao-tao", "Sở Giáo dục và Đào tạo", ("Sở GD&ĐT", "Sở GDĐT", "SGDĐT")),
    ("so-y-te", "Sở Y tế", ("SYT",)),
)
# Điều 9: organised only where the conditions hold; only Hà Nội and Hồ Chí Minh may have the last.
OPTIONAL_DEPARTMENTS = (
    ("so-dan-toc-va-ton-giao", "Sở Dân tộc và Tôn giáo", ("Sở DT&TG", "Sở DTTG"), None),
    ("so-ngoai-vu", "Sở Ngoại vụ", ("SNgV",), None),
    ("so-du-lich", "Sở Du lịch", (), None),
    ("so-quy-hoach-kien-truc", "Sở Quy hoạch - Kiến trúc", ("Sở QH-KT", "Sở Quy hoạch và Kiến trúc"), ("01", "79")),
)
REVIEW = "CẦN RÀ SOÁT: sở đặc thù (Điều 9 Nghị định 150/2025/NĐ-CP), chỉ có ở tỉnh đủ điều kiện; xóa mục này nếu tỉnh không thành lập sở này."
KIND_ORDER = ("provincial-committee", "other", "committee-office", "department", "commune-committee")


@dataclass(frozen=True)
class Predecessor:
    """A bundled registry of a pre-2025 province (its plain data) and the units formed from it."""

    province: str  # the old province's name as its registry writes it
    data: dict


def slug(text: str) -> str:
    """ASCII id part: "Phường Thành Sen" -> "phuong-thanh-sen"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def build_registry(province: Unit, communes: list[Unit], predecessors: list[Predecessor]) -> dict[str, Any]:
    """The registry of ``province`` as plain data, ready to be written as YAML."""
    builder = _Builder(province, communes)
    builder.add_provincial_bodies()
    builder.add_departments()
    builder.add_communes()
    builder.add_collectives()
    for old in predecessors:
        if fold(old.province) == fold(province.name):
            builder.carry_over(old)
        else:
            builder.link_merged(old)
    return builder.result()


class _Builder:
    def __init__(self, province: Unit, communes: list[Unit]):
        self.province = province
        self.communes = communes
        self.word = "thành phố" if province.kind == "thanh-pho" else "tỉnh"
        self.agencies: list[dict] = []
        self.collectives: list[dict] = []
        self.owner: dict[str, str] = {}  # exact name key -> id
        self.by_id: dict[str, dict] = {}
        self.dropped: list[str] = []
        self.notes = [
            f"Danh mục cơ quan {self.word} {province.name} theo chính quyền địa phương hai cấp (từ 01/7/2025), tạo bởi `cchc registry init`.",
            f"UBND cấp xã: {len(communes)} đơn vị ({_breakdown(communes)}), theo danh mục đơn vị hành chính có hiệu lực từ 01/7/2025 kèm theo cchc (cchc/data/units/SOURCES.md: Nghị quyết 202/2025/QH15, các Nghị quyết 1654–1687/NQ-UBTVQH15, Quyết định 19/2025/QĐ-TTg).",
            f"Các sở: {ND150}.",
            "Các sở đặc thù (Điều 9) được đưa vào để rà soát, mỗi mục có ghi chú 'CẦN RÀ SOÁT'; ban quản lý khu kinh tế, khu công nghiệp và cơ quan ngành dọc không thuộc phạm vi Nghị định 150 nên không được đưa vào: thêm khi kế hoạch nêu tên.",
        ]

    # -- names and ids ----------------------------------------------------------------------------

    def _claim(self, entry_id: str, names: list[str]) -> list[str]:
        """The names not yet taken by another entry (recorded for ``entry_id``); the others are dropped."""
        kept = []
        for name in names:
            key = exact_key(name)
            owner = self.owner.get(key)
            if owner is None:
                self.owner[key] = entry_id
                kept.append(name)
            elif owner != entry_id:
                self.dropped.append(name)
        return kept

    def _unique_id(self, wanted: str, code: str = "") -> str:
        if wanted not in self.by_id:
            return wanted
        candidate = f"{wanted}-{code}" if code else wanted
        number = 2
        while candidate in self.by_id:
            candidate, number = f"{wanted}-{number}", number + 1
        return candidate

    def _agency(self, entry_id: str, name: str, aliases: list[str], kind: str, level: str, **extra: Any) -> dict:
        entry_id = self._unique_id(entry_id, extra.pop("code", ""))
        names = self._claim(entry_id, [name, *aliases])
        if not names or names[0] != name:
            raise ValueError(f"name {name!r} is taken")  # callers qualify names before adding
        entry = {"id": entry_id, "name": name, "aliases": names[1:], "kind": kind, "level": level}
        entry.update({k: v for k, v in extra.items() if v})
        self.agencies.append(entry)
        self.by_id[entry_id] = entry
        return entry

    def _collective(self, entry_id: str, name: str, aliases: list[str], **extra: Any) -> dict:
        names = self._claim(entry_id, [name, *aliases])
        entry = {"id": entry_id, "name": name, "aliases": names[1:], **{k: v for k, v in extra.items() if v}}
        self.collectives.append(entry)
        self.by_id[entry_id] = entry
        return entry

    def _free(self, name: str) -> bool:
        return exact_key(name) not in self.owner

    # -- the province as it is now ----------------------------------------------------------------

    def add_provincial_bodies(self) -> None:
        word, name = self.word, self.province.name
        committee = ["Ủy ban nhân dân", "Uỷ ban nhân dân"]
        self._agency("ubnd-tinh", f"UBND {word}", [f"{c} {word}" for c in committee] + [f"UBND {word} {name}"] + [f"{c} {word} {name}" for c in committee], "provincial-committee", "tinh")
        self._agency("hdnd-tinh", f"Hội đồng nhân dân {word}", [f"HĐND {word}", f"HĐND {word} {name}", f"Hội đồng nhân dân {word} {name}", f"Thường trực HĐND {word}", f"Thường trực Hội đồng nhân dân {word}"], "other", "tinh")
        self._agency(
            "van-phong-ubnd-tinh",
            f"Văn phòng UBND {word}",
            [f"Văn phòng {c} {word}" for c in committee] + [f"VP UBND {word}", f"VPUBND {word}", "Văn phòng UBND", "VP UBND", f"Văn phòng UBND {word} {name}"],
            "committee-office",
            "tinh",
            notes=["Cơ quan chuyên môn thuộc UBND (Điều 8 Nghị định 150/2025/NĐ-CP); được tính trong khối \"sở, ban, ngành\" khi chấm Chỉ số CCHC"],
        )
        self._agency("thanh-tra-tinh", f"Thanh tra {word}", [f"Thanh tra {word} {name}", "TTr tỉnh" if word == "tỉnh" else "TTr thành phố"], "department", "tinh", notes=["Cơ quan chuyên môn thuộc UBND (Điều 8 Nghị định 150/2025/NĐ-CP)"])

    def add_departments(self) -> None:
        for entry_id, name, abbreviations in COMMON_DEPARTMENTS:
            self._agency(entry_id, name, list(abbreviations), "department", "tinh")
        for entry_id, name, abbreviations, only in OPTIONAL_DEPARTMENTS:
            if only is None or self.province.code in only:
                self._agency(entry_id, name, list(abbreviations), "department", "tinh", notes=[REVIEW])

    def add_communes(self) -> None:
        for unit in self.communes:
            word = unit.committee.removeprefix("UBND ")
            rearranged = list(unit.formed_from) != [unit.name]
            notes = [f"Mã đơn vị hành chính {unit.code}; hình thành từ: {', '.join(unit.formed_from)} ({', '.join(unit.formed_from_district)})"] if rearranged else [f"Mã đơn vị hành chính {unit.code}; không sắp xếp năm 2025"]
            self._agency(
                f"ubnd-{slug(unit.kind)}-{slug(unit.bare_name)}",
                unit.committee,
                [f"Ủy ban nhân dân {word}", f"Uỷ ban nhân dân {word}"],
                "commune-committee",
                "xa",
                code=unit.code,
                established=REORGANISED if rearranged else None,
                notes=notes,
            )

    def add_collectives(self) -> None:
        word = self.word
        self._collective("cac-so-ban-nganh", "Các sở, ban, ngành", ["Các Sở, ban, ngành", "Các sở, ngành", "Các sở, ban, ngành liên quan", f"Các sở, ban, ngành cấp {word}", "Sở, ban, ngành"], kinds=["department", "committee-office"])
        specialised = [a["id"] for a in self.agencies if a["kind"] in ("department", "committee-office")]  # listed: a later "ban" is not one
        self._collective("cac-co-quan-chuyen-mon", f"Các cơ quan chuyên môn thuộc UBND {word}", [f"Các cơ quan chuyên môn thuộc Ủy ban nhân dân {word}", "Các cơ quan chuyên môn"], members=specialised)
        has_special = any(u.kind == "dac-khu" for u in self.communes)
        self._collective("ubnd-cac-xa-phuong", "UBND các xã, phường", ["Ủy ban nhân dân các xã, phường", "Uỷ ban nhân dân các xã, phường", "UBND các xã, phường, đặc khu" if has_special else "UBND xã, phường"], kinds=["commune-committee"])
        self._collective("ubnd-cap-xa", "UBND cấp xã", ["Ủy ban nhân dân cấp xã", "Uỷ ban nhân dân cấp xã"], kinds=["commune-committee"])
        self._collective("ubnd-cac-cap", "UBND các cấp", ["Ủy ban nhân dân các cấp"], members=["ubnd-tinh"], includes=["ubnd-cap-xa"])
        self._collective("cac-co-quan-don-vi-dia-phuong", "Các cơ quan, đơn vị, địa phương", ["Các cơ quan, đơn vị, địa phương trên địa bàn"], includes=["cac-so-ban-nganh", "ubnd-cap-xa"])
        self._collective("cac-cqhcnn", "Các cơ quan hành chính nhà nước", ["Các CQHCNN", "CQHCNN", "Các cơ quan HCNN"], includes=["cac-so-ban-nganh", "ubnd-cap-xa"])

    # -- pre-2025 registries ----------------------------------------------------------------------

    def _entry_with_names(self, names: list[str]) -> dict | None:
        for name in names:
            owner = self.owner.get(exact_key(name))
            if owner is not None:
                return self.by_id[owner]
        return None

    def carry_over(self, old: Predecessor) -> None:
        """The same province's earlier registry: one entry per agency, old ids and names kept."""
        for note in old.data.get("notes", []):
            if note not in self.notes:
                self.notes.append(note)
        raws = [*old.data.get("agencies", []), *old.data.get("collectives", [])]
        targets: dict[str, dict | None] = {}  # old id -> the new entry it is (None: copied)
        destination: dict[str, str] = {}  # old id -> its id in the result
        taken: set[str] = set()
        for raw in raws:
            same = self._entry_with_names([raw["name"], *raw.get("aliases", [])])
            if same is not None and same["id"] not in taken and ("kind" in raw) == ("kind" in same):
                taken.add(same["id"])
                if raw["id"] != same["id"] and raw["id"] not in self.by_id:
                    self._rename(same["id"], raw["id"])  # the old id stays valid for what refers to it
                targets[raw["id"]], destination[raw["id"]] = same, same["id"]
            else:
                targets[raw["id"]], destination[raw["id"]] = None, self._unique_id(raw["id"])
                self.by_id[destination[raw["id"]]] = {}  # reserved
        for raw in raws:
            entry = _plain(raw)
            for key in ("members", "includes"):
                if key in entry:
                    entry[key] = [destination.get(v, v) for v in entry[key]]
            if entry.get("member_of"):
                entry["member_of"] = [destination.get(v, v) for v in entry["member_of"]]
            if entry.get("successor"):
                entry["successor"]["agency"] = destination.get(entry["successor"]["agency"], entry["successor"]["agency"])
            same = targets[raw["id"]]
            if same is not None:
                self._merge_into(same, entry)
                continue
            entry["id"] = destination[raw["id"]]
            kept = self._claim(entry["id"], [raw["name"], *raw.get("aliases", [])])
            if not kept or kept[0] != raw["name"]:
                entry["name"] = self._qualified_free(raw["name"], old.province)
                self._claim(entry["id"], [entry["name"]])
            entry["aliases"] = [n for n in kept if n != entry["name"]]
            (self.agencies if "kind" in raw else self.collectives).append(entry)
            self.by_id[entry["id"]] = entry

    def _rename(self, current: str, wanted: str) -> None:
        entry = self.by_id.pop(current)
        entry["id"] = wanted
        self.by_id[wanted] = entry
        for key, owner in list(self.owner.items()):
            if owner == current:
                self.owner[key] = wanted
        for other in [*self.agencies, *self.collectives]:
            for key in ("members", "includes", "member_of"):
                if key in other:
                    other[key] = [wanted if v == current else v for v in other[key]]
            if other.get("successor") and other["successor"]["agency"] == current:
                other["successor"]["agency"] = wanted

    def _merge_into(self, entry: dict, raw: dict) -> None:
        """An old entry that is the same body as a new one: its names, notes and links join the new one."""
        names = [n for n in [raw["name"], *raw.get("aliases", [])] if exact_key(n) != exact_key(entry["name"])]
        entry["aliases"] = entry.get("aliases", []) + self._claim(entry["id"], names)
        for key in ("kinds", "members", "includes", "member_of", "notes"):
            values = [*entry.get(key, []), *(v for v in raw.get(key, []) if v not in entry.get(key, []) and v != entry["id"])]
            if values:
                entry[key] = values
        for key in ("successor", "established"):
            if key in raw and key not in entry:
                entry[key] = raw[key]

    def _qualified_free(self, name: str, place: str) -> str:
        for candidate in (_qualified(name, place), f"{name} (tỉnh {place})", f"{name} (tỉnh {place}, trước 01/7/2025)"):
            if self._free(candidate):
                return candidate
        raise ValueError(f"no free name for {name!r}")

    def link_merged(self, old: Predecessor) -> None:
        """A province merged into this one: its agencies, qualified, each with a successor here."""
        prefix = slug(old.province)
        raws = list(old.data.get("agencies", []))
        old_ids = {raw["id"] for raw in raws}
        stand_ins = {raw["id"] for raw in raws if fold(self.province.name) in fold(raw["name"])}  # "UBND thành phố Hải Phòng"
        new_ids: dict[str, str] = {}
        for raw in raws:
            if raw["id"] in stand_ins:
                continue
            new_ids[raw["id"]] = self._unique_id(f"{prefix}.{raw['id']}")
        for raw in raws:
            if raw["id"] in stand_ins:
                target = self._now_of(raw)
                if target is not None:
                    target["aliases"] = target.get("aliases", []) + self._claim(target["id"], [n for n in [raw["name"], *raw.get("aliases", [])] if exact_key(n) != exact_key(target["name"])])
                continue
            name = self._qualified_free(raw["name"], old.province)
            aliases = [a for a in raw.get("aliases", []) if fold(old.province) in fold(a)]
            successor = raw.get("successor")
            notes = [f"Cơ quan của tỉnh {old.province} trước 01/7/2025 (danh mục cũ: mã '{raw['id']}')."]
            if successor and successor.get("agency") in old_ids and successor["agency"] not in stand_ins:
                link = {"agency": new_ids[successor["agency"]], "date": _plain(successor["date"])}
                if successor.get("note"):
                    link["note"] = successor["note"]
            else:
                target = self._now_of(raw) if not successor or successor.get("agency") in stand_ins else None
                link = {"agency": target["id"], "date": REORGANISED, "note": f"Từ 01/7/2025 tỉnh {old.province} nhập vào {self.word} {self.province.name}; {target['name']} kế thừa nhiệm vụ"} if target else None
                if target is None:
                    notes.append(f"Chưa xác định cơ quan kế thừa sau khi tỉnh {old.province} nhập vào {self.word} {self.province.name}: cần rà soát.")
            if raw["kind"] == "district-committee":
                notes.append(self._district_note(raw["name"]))
            self._agency(new_ids[raw["id"]], name, aliases, raw["kind"], raw["level"], successor=link, notes=notes)
        self.notes.append(
            f"Tỉnh {old.province} nhập vào {self.word} {self.province.name} từ 01/7/2025: các cơ quan trong danh mục cũ của tỉnh {old.province} được ghi lại với tên kèm \"tỉnh {old.province}\" và mã '{prefix}.…', mỗi cơ quan trỏ tới cơ quan kế thừa nhiệm vụ (sở cùng lĩnh vực, UBND, HĐND của {self.word} {self.province.name}); các tập thể của danh mục cũ không được chép."
        )

    def _now_of(self, raw: dict) -> dict | None:
        """Who carries an old agency's duties in this province: the same body, by kind or by name."""
        kind = raw["kind"]
        if kind == "provincial-committee":
            return self.by_id["ubnd-tinh"]
        if kind == "committee-office":
            return self.by_id["van-phong-ubnd-tinh"]
        if kind == "district-committee":
            return self.by_id["ubnd-tinh"]
        if fold(raw["name"]).startswith("hoi dong nhan dan"):
            return self.by_id["hdnd-tinh"]
        if fold(raw["name"]) == "thanh tra tinh":
            return self.by_id["thanh-tra-tinh"]
        if kind == "department":
            return self._entry_with_names([raw["name"]])
        return None

    def _district_note(self, committee: str) -> str:
        district = fold(committee.removeprefix("UBND ").strip())
        formed = [u.committee for u in self.communes if any(fold(d) == district for d in u.formed_from_district)]
        if not formed:
            return "Cấp huyện kết thúc hoạt động từ 01/7/2025."
        return f"Cấp huyện kết thúc hoạt động từ 01/7/2025; địa bàn nay thuộc (toàn bộ hoặc một phần) {len(formed)} đơn vị cấp xã: {', '.join(formed)}."

    # -- the result -------------------------------------------------------------------------------

    def result(self) -> dict[str, Any]:
        # districts of the same province: say which new communes took their territory
        for entry in self.agencies:
            if entry["kind"] == "district-committee" and not any(str(n).startswith("Cấp huyện kết thúc") for n in entry.get("notes", [])):
                entry.setdefault("notes", []).append(self._district_note(entry["name"]))
        notes = list(self.notes)
        if self.dropped:
            notes.append("Tên khác bị bỏ vì đã thuộc một cơ quan khác: " + "; ".join(dict.fromkeys(self.dropped)))
        order = {kind: i for i, kind in enumerate(KIND_ORDER)}
        agencies = sorted(self.agencies, key=lambda e: order.get(e["kind"], len(order)))  # stable within a kind
        return {"kind": "agencies", "province": self.province.name, "notes": notes, "agencies": [_ordered(e) for e in agencies], "collectives": [_ordered(e) for e in self.collectives]}


AGENCY_KEYS = ("id", "name", "aliases", "kind", "level", "member_of", "kinds", "members", "includes", "established", "successor", "notes")


def _ordered(entry: dict) -> dict:
    out = {k: entry[k] for k in AGENCY_KEYS if k in entry and entry[k] not in (None, [])}
    out.update({k: v for k, v in entry.items() if k not in out and k not in AGENCY_KEYS and v not in (None, [])})
    return out


def _plain(value: Any) -> Any:
    """Loaded YAML containers as plain dicts and lists (the writer knows only those)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _qualified(name: str, place: str) -> str:
    """"Sở Nội vụ" -> "Sở Nội vụ tỉnh Hải Dương"; "UBND tỉnh" -> "UBND tỉnh Hải Dương"."""
    if fold(place) in fold(name):
        return name
    if fold(name).endswith(" tinh"):
        return f"{name} {place}"
    return f"{name} tỉnh {place}"


def _breakdown(communes: list[Unit]) -> str:
    words = {"xa": "xã", "phuong": "phường", "dac-khu": "đặc khu"}
    counts = {kind: sum(1 for u in communes if u.kind == kind) for kind in words}
    return ", ".join(f"{n} {words[k]}" for k, n in counts.items() if n)
