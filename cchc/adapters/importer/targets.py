"""Find the numeric targets (chỉ tiêu) written inside a sentence and bind them to indicators.

"Tỷ lệ thanh toán trực tuyến … (Đạt tỷ lệ tối thiểu 45%)" becomes
``{indicator: online_payment_transactions, op: ">=", value: 45}``. The indicator is chosen by the
words of the clause around the percentage; a percentage no indicator explains is returned separately
so the importer can report it for a person to bind by hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc.core.text import fold

# The work of the civil servants who draft policy and law ("xây dựng chính sách, pháp luật", "pháp chế").
_LAWMAKING = ("xay dung chinh sach, phap luat", "xay dung phap luat", "cong tac phap che")

# (indicator, groups of words): every group must have one of its words in the clause. First match wins,
# so the more specific indicators come first.
_INDICATORS: tuple[tuple[str, tuple[tuple[str, ...], ...]], ...] = (
    ("satisfaction_land_construction_investment", (("hai long",), ("dat dai", "xay dung", "dau tu"))),
    ("complaints_handled_on_time", (("phan anh",), ("dung han", "xu ly"))),
    ("satisfaction", (("hai long",),)),
    ("official_email_use", (("thu dien tu cong vu",),)),
    # the civil servants who draft policy and law (Bắc Ninh KH 141/KH-UBND 2025, II.1–II.5): a sub-population of
    # every cadre, so before staff_trained; talent first, its goal also names "chuyên ngành luật"
    ("lawmaking_staff_from_talent", (_LAWMAKING, ("thu hut", "nguoi co tai nang"))),
    ("lawmaking_staff_law_degree", (_LAWMAKING, ("dai hoc luat", "chuyen nganh luat"))),
    ("lawmaking_staff_assigned", (_LAWMAKING, ("bo tri cong chuc", "bo tri can bo", "bo tri nguoi"))),
    ("lawmaking_staff_trained", (_LAWMAKING, ("tap huan", "boi duong", "dao tao"))),
    ("job_position_schemes_approved", (("de an vi tri viec lam",), ("phe duyet",))),
    ("staff_trained", (("cbccvv", "can bo, cong chuc, vien chuc"), ("dao tao",), ("vi tri viec lam",))),
    ("self_financing_units", (("tu bao dam chi thuong xuyen",),)),
    ("online_payment_transactions", (("thanh toan truc tuyen",), ("giao dich",))),
    ("online_payment_procedures", (("thanh toan truc tuyen",), ("nghia vu tai chinh",))),
    ("electronic_certified_copies", (("chung thuc ban sao dien tu",),)),
    ("data_reuse", (("tai su dung",),)),
    ("digitised_results", (("so hoa",),)),
    ("internal_electronic_transfer", (("luan chuyen",), ("dien tu",))),
    ("work_files_online", (("ho so cong viec",),)),
    ("systems_connected", (("he thong thong tin",), ("lgsp", "nen tang tich hop", "chia se du lieu"))),
    ("electronic_documents", (("van ban dien tu", "gui nhan bang van ban dien tu"),)),
    ("full_online_services", (("toan trinh", "muc do 4"),)),
    ("online_dossiers", (("ho so",), ("truc tuyen",))),
    ("procedures_simplified", (("don gian hoa", "cat giam"),)),
    ("procedures_published_on_time", (("cong bo", "cong khai", "niem yet"),)),
    ("on_time_dossiers", (("dung han", "truoc han", "tra truoc"),)),
    ("agencies_inspected", (("kiem tra",), ("co quan, don vi", "don vi truc thuoc"))),
    ("public_service_units_reduction", (("don vi su nghiep",), ("giam",))),
    ("payroll_reduction", (("bien che",), ("giam",))),
    ("public_investment_disbursement", (("giai ngan",),)),
    ("waiting_time", (("thoi gian cho",),)),
)

_PERCENT = r"(\d{1,3}(?:[.,]\d+)?)\s*%"
_RANGE = re.compile(r"từ\s+" + _PERCENT + r"\s*(?:đến|-|–)\s*" + _PERCENT, re.I)
_SPAN = re.compile(r"(\d{1,3}(?:[.,]\d+)?)\s*%?\s*(?:-|–)\s*" + _PERCENT)
_LEVEL_TRIPLE = re.compile(r"\(\s*" + _PERCENT + r"\s*,?\s*" + _PERCENT + r"\s*,?\s*" + _PERCENT + r"\s*\)")
_SINGLE = re.compile(_PERCENT)
_AT_MOST = re.compile(r"(?:không quá|tối đa|dưới)\s*$", re.I)
_CLAUSES = re.compile(r";|\n|(?<=\.)\s+(?=[A-ZĐ\-])|(?<=\))\s*-\s+")
_YEAR = re.compile(r"(?:đến|hết|trong)\s+năm\s+(\d{4})", re.I)
_LEVELS = (("tinh", "cap tinh"), ("huyen", "cap huyen"), ("xa", "cap xa"))
# A share of agencies names its level by the agencies it counts ("100% các Sở, ngành …", "100% các xã, phường …"),
# read so for these indicators only: elsewhere the words name who acts, not the level a target is for.
_AGENCY_LEVELS = (("tinh", "cac so, nganh"), ("xa", "cac xa, phuong"))
_LEVEL_BY_AGENCIES = ("lawmaking_staff_assigned",)
_BASELINE = re.compile(r"so với năm\s+(\d{4})", re.I)
_GROWTH = re.compile(r"mỗi năm tăng(?:\s+tối thiểu|\s+ít nhất)?\s*" + _PERCENT, re.I)


@dataclass(slots=True)
class Found:
    targets: list[dict] = field(default_factory=list)
    unbound: list[str] = field(default_factory=list)  # clauses with a percentage but no indicator


# Goals about something no indicator measures, although their words look like one (every word of an entry
# present): "80% dịch vụ công … trên nhiều phương tiện truy cập" is about access channels, not full online
# services; "Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình đạt 80%" (Bắc Ninh KH 144/KH-UBND, Phụ lục II.8)
# counts dossiers, not procedures (full_online_services), and only the fully online ones (not online_dossiers).
_NOT_AN_INDICATOR = (("nhieu phuong tien",), ("ty le ho so", "toan trinh"))


def _has(words: str, phrase: str) -> bool:
    """``phrase`` as whole words of ``words`` ("số hóa" is not inside "chữ ký số hoặc")."""
    return re.search(rf"(?<![\w]){re.escape(phrase)}(?![\w])", words) is not None


def indicator_for(clause: str) -> str | None:
    words = fold(clause)
    if any(all(_has(words, w) for w in entry) for entry in _NOT_AN_INDICATOR):
        return None
    for indicator, groups in _INDICATORS:
        if all(any(_has(words, w) for w in group) for group in groups):
            return indicator
    return None


def extract_targets(text: str, owner_id: str, years: tuple[int, int] | None = None) -> Found:
    """Targets of ``text`` with ids ``t-<owner_id>-<indicator>[-level][-year]`` (deterministic).

    ``years`` is the plan period: a target that grows each year ("mỗi năm tăng tối thiểu 20%") becomes
    one target per year of it.
    """
    found = Found()
    seen: set[str] = set()
    seen_values: set[tuple] = set()
    growth = _GROWTH.search(text)
    for clause in (c.strip(" -") for c in _CLAUSES.split(text)):
        if not _SINGLE.search(clause) or (growth and growth.group(0) in clause and years):  # "(tỷ lệ %)": no goal
            continue
        for piece in _pieces(clause):
            indicator = indicator_for(piece) or indicator_for(clause) or indicator_for(text)
            if indicator is None:
                found.unbound.append(piece)
                continue
            for target in _piece_targets(piece, indicator, growth, years):
                key = tuple(sorted(target.items()))
                if key in seen_values:  # the same goal repeated (in the task text and in its product)
                    continue
                seen_values.add(key)
                base = f"t-{owner_id}-{indicator}" + "".join(f"-{target[k]}" for k in ("level", "year") if k in target)
                target_id = base
                n = 2
                while target_id in seen:
                    target_id = f"{base}-{n}"
                    n += 1
                seen.add(target_id)
                found.targets.append({"id": target_id, **target, "text": clause})
    return found


def _pieces(clause: str) -> list[str]:
    """Comma-separated parts that carry a percentage ("80% TTHC …, tỷ lệ giao dịch … 30%")."""
    if _LEVEL_TRIPLE.search(clause) or _RANGE.search(clause):
        return [clause]
    parts = [p.strip() for p in clause.split(",")]
    with_percent = [p for p in parts if _SINGLE.search(p)]
    return with_percent if len(with_percent) > 1 else [clause]


def _number(text: str) -> float | int:
    value = float(text.replace(",", "."))
    return int(value) if value.is_integer() else value


def _piece_targets(piece: str, indicator: str, growth: re.Match | None, years: tuple[int, int] | None) -> list[dict]:
    year_match = _YEAR.search(piece)
    common: dict = {}
    if year_match:
        common["year"] = int(year_match.group(1))
    baseline = _BASELINE.search(piece)
    if baseline:
        common["baseline_year"] = int(baseline.group(1))
    triple = _LEVEL_TRIPLE.search(piece)
    if triple and all(key in fold(piece) for key in ("tinh", "huyen", "xa")):
        values = [_number(v) for v in triple.groups()]
        if growth and years:
            step = _number(growth.group(1))
            return [
                {"indicator": indicator, "op": ">=", "value": min(100, v + step * (year - years[0])), "unit": "%", "level": level, "year": year}
                for year in range(years[0], years[1] + 1)
                for v, (level, _) in zip(values, _LEVELS, strict=True)
            ]
        return [
            {"indicator": indicator, "op": ">=", "value": v, "unit": "%", "level": level, **common}
            for v, (level, _) in zip(values, _LEVELS, strict=True)
        ]
    ranged = _RANGE.search(piece) or _SPAN.search(piece)
    if ranged:
        return [{"indicator": indicator, "op": "range", "value": _number(ranged.group(1)), "max": _number(ranged.group(2)), "unit": "%", **common}]
    parts = list(_SINGLE.finditer(piece))
    levels = [_level(_segment(piece, m, parts), indicator) for m in parts]
    if len(parts) > 1 and all(levels) and len(set(levels)) == len(levels):
        return [_single(piece, m, indicator, common, level) for m, level in zip(parts, levels, strict=True)]
    # Several percentages of one sentence ("cung cấp 100% … và được tích hợp 80% …"): the first is its goal.
    return [_single(piece, parts[0], indicator, common, _level(piece, indicator))]


def _level(words: str, indicator: str) -> str | None:
    """The one administrative level a phrase names ("… tại cấp huyện"; "các xã, phường" for a share of
    agencies), if exactly one."""
    folded = fold(words)
    keys = _LEVELS + _AGENCY_LEVELS if indicator in _LEVEL_BY_AGENCIES else _LEVELS
    named = {level for level, key in keys if key in folded}
    return named.pop() if len(named) == 1 else None


def _segment(piece: str, match: re.Match, parts: list[re.Match]) -> str:
    """The words that belong to one percentage: up to the next percentage."""
    index = parts.index(match)
    end = parts[index + 1].start() if index + 1 < len(parts) else len(piece)
    return piece[match.start() : end]


def _single(piece: str, match: re.Match, indicator: str, common: dict, level: str | None) -> dict:
    op = "<=" if _AT_MOST.search(piece[: match.start()]) else ">="
    target = {"indicator": indicator, "op": op, "value": _number(match.group(1)), "unit": "%"}
    if level:
        target["level"] = level
    return {**target, **common}
