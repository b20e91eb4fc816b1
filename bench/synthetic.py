"""Generate a large synthetic province (registry + plans + progress) for the benchmarks."""

from __future__ import annotations

import random
from pathlib import Path

import yaml

DEADLINES = [
    "Năm 2021", "Quý IV/2022", "Tháng 7/2023", "Chậm nhất ngày 15/9/2024", "Quý I hàng năm", "Hàng năm",
    "Tháng 12 hàng năm", "Thường xuyên", "Khi có quy định mới", "Quý II, III/2022", "Năm 2022-2025",
    "Từ tháng 11 năm đánh giá đến hết tháng 01 năm kế tiếp", "6 tháng đầu năm 2024", "",
]
DEPARTMENTS = ["Nội vụ", "Tư pháp", "Tài chính", "Xây dựng", "Y tế", "Công Thương", "Giáo dục và Đào tạo", "Khoa học và Công nghệ", "Nông nghiệp và Môi trường", "Văn hóa, Thể thao và Du lịch"]


def registry(districts: int) -> dict:
    agencies = [
        {"id": f"so-{i}", "name": f"Sở {name}", "kind": "department", "level": "tinh"} for i, name in enumerate(DEPARTMENTS)
    ]
    agencies.append({"id": "vp-ubnd", "name": "Văn phòng UBND tỉnh", "aliases": ["VP UBND tỉnh"], "kind": "committee-office", "level": "tinh"})
    agencies += [{"id": f"huyen-{i}", "name": f"UBND huyện Số {i}", "kind": "district-committee", "level": "huyen"} for i in range(districts)]
    return {
        "kind": "agencies",
        "province": "Tỉnh Tổng Hợp",
        "agencies": agencies,
        "collectives": [
            {"id": "cac-so-ban-nganh", "name": "Các sở, ban, ngành", "kinds": ["department", "committee-office"]},
            {"id": "ubnd-cap-huyen", "name": "UBND các huyện, thị xã, thành phố", "kinds": ["district-committee"]},
        ],
    }


def plan(index: int, activities: int, rng: random.Random, leads: list[str]) -> dict:
    areas = []
    per_area = activities // 8
    n = 0
    for area_no, roman in enumerate(["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]):
        acts = []
        for _ in range(per_area if area_no < 7 else activities - 7 * per_area):
            n += 1
            acts.append(
                {
                    "id": f"a{n}",
                    "number": str(n),
                    "text": f"Hoạt động {n}: Rà soát, đơn giản hóa thủ tục hành chính lĩnh vực số {n % 97} của kế hoạch {index}",
                    "products": ["Báo cáo kết quả", "Quyết định phê duyệt"],
                    "lead": [rng.choice(leads)],
                    "coop": ["Các sở, ban, ngành"],
                    "deadline": rng.choice(DEADLINES),
                    "budget": "Theo dự toán được giao",
                }
            )
        areas.append(
            {
                "id": roman,
                "title": f"Lĩnh vực {roman}",
                "targets": [{"id": f"t{roman}", "indicator": "on_time_dossiers", "value": 95, "text": "≥ 95% hồ sơ đúng hạn"}],
                "activities": acts,
            }
        )
    return {"kind": "plan", "id": f"tong-hop-{index:03d}", "province": "Tỉnh Tổng Hợp", "title": f"Kế hoạch tổng hợp số {index}", "period": "2021-2025", "areas": areas}


def write_province(root: Path, plans: int, activities: int, districts: int = 12, seed: int = 7) -> list[Path]:
    """Write the registry and ``plans`` plan files of ``activities`` each under ``root``; returns the plan paths."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    reg = registry(districts)
    leads = [a["name"] for a in reg["agencies"]] + ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố"]
    dump = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    (root / "agencies.yaml").write_text(yaml.dump(reg, Dumper=dump, allow_unicode=True, sort_keys=False), encoding="utf-8")
    paths = []
    for i in range(plans):
        path = root / f"plan-{i:03d}.yaml"
        path.write_text(yaml.dump(plan(i, activities, rng, leads), Dumper=dump, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
        paths.append(path)
    return paths
