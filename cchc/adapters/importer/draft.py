"""A draft agency registry for a province (or central body) that has none yet.

Every agency name the imported plan uses becomes an entry with a *guessed* kind and level (from how
the name begins: "Sở …" is a department, "UBND huyện …" a district committee …); names that stand
for several agencies ("Các sở, ban, ngành", "UBND cấp xã") become collectives. Every entry is marked
for review in its notes: the draft makes the plan validate, it does not replace a checked registry.
"""

from __future__ import annotations

import re

from cchc.adapters.importer.draftplan import DraftPlan
from cchc.core.text import fold

REVIEW = "Bản nháp do cchc import tạo: loại và cấp được đoán từ tên, cần rà soát"

# (folded start of the name, kind, level); the first that matches wins.
_KINDS: tuple[tuple[str, str, str], ...] = (
    (r"(uy ban nhan dan|ubnd) (tinh|thanh pho) ?$", "provincial-committee", "tinh"),
    (r"van phong (uy ban nhan dan|ubnd) (tinh|thanh pho)", "committee-office", "tinh"),
    (r"(uy ban nhan dan|ubnd) (huyen|thi xa|thanh pho|quan)\b", "district-committee", "huyen"),
    (r"(uy ban nhan dan|ubnd) (xa|phuong|thi tran|dac khu)\b", "commune-committee", "xa"),
    (r"(uy ban nhan dan|ubnd) tinh\b", "provincial-committee", "tinh"),
    (r"(so|ban quan ly|thanh tra tinh|thanh tra thanh pho)\b", "department", "tinh"),
    (r"(bo|cuc|tong cuc|van phong chinh phu|chinh phu|thu tuong|vu)\b", "central-agency", "tinh"),
    (r"(cong an|bao hiem xa hoi|kho bac|ngan hang|cuc thue|chi cuc|bo chi huy|vien kiem sat|toa an)\b", "central-agency", "tinh"),
    (r"(tinh uy|thanh uy|huyen uy|ban tuyen giao|ban to chuc|ban dan van|ban noi chinh|dang uy)\b", "party-body", "tinh"),
    (r"(uy ban mat tran|mat tran|hoi |doan |lien doan|lien minh)", "mass-organisation", "tinh"),
    (r"(trung tam|bao |dai |truong |benh vien|vien )", "public-service-unit", "tinh"),
)
# Names that stand for several agencies, and the kinds a collective of them covers.
_COLLECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (r"\bcac so\b|\bso, ban, nganh\b|\bso, nganh\b", ("department", "committee-office")),
    (r"\bcac huyen\b|\bcap huyen\b", ("district-committee",)),
    (r"\bcac xa\b|\bcap xa\b", ("commune-committee",)),
    (r"\bcac (co quan|don vi|dia phuong)\b|\bcac cq\b|\bcqhcnn\b|\bcac bo\b|\bco lien quan\b|\bcac cap\b", ()),
)


def draft_registry(plan: DraftPlan) -> dict:
    """The registry file (as a YAML-ready dict) for every agency name ``plan`` uses."""
    names: list[str] = []
    for activity in plan.all_activities():
        for name in (*activity.lead, *activity.coop):
            if fold(name) not in {fold(n) for n in names}:
                names.append(name)
    agencies: list[dict] = []
    collectives: list[dict] = []
    ids: set[str] = set()
    for name in names:
        entry_id = _unique(_slug(name), ids)
        folded = fold(name)
        collective = next((kinds for pattern, kinds in _COLLECTIVES if re.search(pattern, folded)), None)
        if collective is not None or folded.startswith("cac "):
            entry = {"id": entry_id, "name": name, "notes": [REVIEW + "; tập thể: thành viên theo loại cơ quan, cần bổ sung nếu thiếu"]}
            if collective:
                entry["kinds"] = list(collective)
            collectives.append(entry)
            continue
        kind, level = next(((k, lv) for pattern, k, lv in _KINDS if re.match(pattern, folded)), ("other", "tinh"))
        agencies.append({"id": entry_id, "name": name, "kind": kind, "level": level, "notes": [REVIEW]})
    draft: dict = {
        "kind": "agencies",
        "province": plan.province,
        "notes": [
            f"{REVIEW}. Danh mục gồm mọi tên cơ quan có trong kế hoạch {plan.id} như văn bản ghi; "
            "gộp các tên chỉ cùng một cơ quan bằng aliases, sửa kind/level, rồi xóa ghi chú này."
        ],
        "agencies": agencies,
    }
    if collectives:
        draft["collectives"] = collectives
    return draft


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:60].strip("-") or "co-quan"


def _unique(wanted: str, ids: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in ids:
        candidate = f"{wanted}-{n}"
        n += 1
    ids.add(candidate)
    return candidate
