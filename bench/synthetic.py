"""Generate a large synthetic province (registry + plans + progress) for the benchmarks."""

from __future__ import annotations

import csv
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


INDICATOR_ROWS = [
    ("on_time_dossiers", True), ("online_payment_procedures", True), ("online_payment_transactions", True),
    ("digitised_results", True), ("online_dossiers", True), ("internal_electronic_transfer", True),
    ("full_online_services", True), ("data_reuse", True), ("electronic_documents", True), ("work_files_online", True),
    ("procedures_published_on_time", True), ("complaints_handled_on_time", True), ("electronic_certified_copies", True),
    ("satisfaction", False), ("waiting_time", False),
]


def write_nation(root: Path, provinces: int = 34, communes: int = 3500, activities: int = 100_000, seed: int = 11) -> None:
    """A national-scale data set: ``provinces`` folders, communes spread over them, plans of 2,000
    activities, progress reports for a third of the duties and 2024 figures for every commune."""
    rng = random.Random(seed)
    dump = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    per_province = activities // provinces
    for p in range(provinces):
        slug = f"tinh-{p:02d}"
        folder = root / "plans" / slug
        folder.mkdir(parents=True, exist_ok=True)
        count = communes // provinces + (1 if p < communes % provinces else 0)
        reg = registry(0)
        reg["province"] = f"Tỉnh Số {p:02d}"
        reg["agencies"] += [{"id": f"xa-{i}", "name": f"UBND xã Số {i}", "kind": "commune-committee", "level": "xa"} for i in range(count)]
        reg["collectives"].append({"id": "ubnd-cap-xa", "name": "UBND cấp xã", "kinds": ["commune-committee"]})
        (folder / "agencies.yaml").write_text(yaml.dump(reg, Dumper=dump, allow_unicode=True, sort_keys=False), encoding="utf-8")
        leads = [a["name"] for a in reg["agencies"] if a["kind"] != "commune-committee"] + ["Các sở, ban, ngành", "UBND cấp xã"]
        remaining = per_province + (activities - per_province * provinces if p == provinces - 1 else 0)
        index = 0
        while remaining > 0:
            size = min(2000, remaining)
            document = plan(index, size, rng, leads)
            document["id"] = f"{slug}-{index:02d}"
            document["province"] = reg["province"]
            (folder / f"plan-{index:02d}.yaml").write_text(yaml.dump(document, Dumper=dump, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
            remaining -= size
            index += 1
        figures = root / "reports" / "2024" / slug
        figures.mkdir(parents=True, exist_ok=True)
        with (figures / "figures.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["agency", "indicator", "numerator", "denominator", "value", "period", "source", "note"])
            for agency in reg["agencies"]:
                for indicator, ratio in INDICATOR_ROWS:
                    if ratio:
                        total = rng.randint(50, 5000)
                        writer.writerow([agency["name"], indicator, rng.randint(int(total * 0.7), total), total, "", 2024, "synthetic", ""])
                    else:
                        value = rng.uniform(5, 25) if indicator == "waiting_time" else rng.uniform(70, 99)
                        writer.writerow([agency["name"], indicator, "", "", f"{value:.1f}", 2024, "synthetic", ""])
