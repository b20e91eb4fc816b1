"""Benchmark: ``cchc import`` on a synthetic 5,000-row xlsx in the 8-column framework layout.

Run: ``python bench/bench_import.py [ROWS]``. Builds the workbook in a temporary folder (with a
registry beside the output, so agency splitting is measured too), runs the real command in a
subprocess with the progress bar on, and prints the timings. Target: under 15 s for 5,000 rows.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 5_000
TARGET_SECONDS = 15.0
HEADER = ["STT", "1. MỤC TIÊU", "2. NHIỆM VỤ", "3. HOẠT ĐỘNG", "4. SẢN PHẨM", "5. CƠ QUAN CHỦ TRÌ", "6. CƠ QUAN PHỐI HỢP", "7. THỜI GIAN HOÀN THÀNH", "8. KINH PHÍ"]
AREAS = ["I", "II", "III", "IV", "V", "VI", "VII"]
LEADS = ["Sở Nội vụ", "Sở Tư pháp", "Văn phòng UBND tỉnh", "Sở Tài chính"]
COOPS = ["Các sở, ban, ngành, UBND các huyện, thị xã, thành phố", "Sở Nội vụ; Văn phòng UBND tỉnh", ""]
DEADLINES = ["Năm 2022", "Hàng năm", "Quý IV/2023", "Thường xuyên", "Năm 2021-2025"]
REGISTRY = """kind: agencies
province: Thử nghiệm
agencies:
  - {id: so-noi-vu, name: Sở Nội vụ, kind: department, level: tinh}
  - {id: so-tu-phap, name: Sở Tư pháp, kind: department, level: tinh}
  - {id: so-tai-chinh, name: Sở Tài chính, kind: department, level: tinh}
  - {id: van-phong-ubnd-tinh, name: Văn phòng UBND tỉnh, kind: committee-office, level: tinh}
collectives:
  - {id: cac-so-ban-nganh, name: "Các sở, ban, ngành", kinds: [department]}
  - {id: ubnd-cac-huyen, name: "UBND các huyện, thị xã, thành phố", kinds: [district-committee]}
"""


def build(path: Path, rows: int) -> None:
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(HEADER)
    per_area = rows // len(AREAS) + 1
    n = 0
    for area in AREAS:
        sheet.append([area, f"Lĩnh vực {area}"])
        for i in range(per_area):
            if n >= rows:
                break
            n += 1
            objective = f"1.{i // 50 + 1}. Mục tiêu {i // 50 + 1}: Phấn đấu 100% hồ sơ được giải quyết đúng hạn" if i % 50 == 0 else ""
            task = f"2.{i // 10 + 1}. Nhiệm vụ {i // 10 + 1}: Rà soát và hoàn thiện văn bản" if i % 10 == 0 else ""
            sheet.append(
                [
                    n,
                    objective,
                    task,
                    f"3.{i + 1}. Hoạt động {i + 1}: Thực hiện nhiệm vụ số {n}",
                    "Kế hoạch; Báo cáo",
                    LEADS[n % len(LEADS)],
                    COOPS[n % len(COOPS)],
                    DEADLINES[n % len(DEADLINES)],
                    f"{(n % 90 + 10) * 1_000_000:,} đồng".replace(",", ".") if n % 7 == 0 else "",
                ]
            )
    workbook.save(path)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "synthetic.xlsx"
        started = time.perf_counter()
        build(source, ROWS)
        built = time.perf_counter() - started
        source_size = source.stat().st_size
        (folder / "plans").mkdir()
        (folder / "plans" / "agencies.yaml").write_text(REGISTRY, encoding="utf-8")
        output = folder / "plans" / "synthetic.yaml"
        command = [sys.executable, "-m", "cchc", "import", str(source), "-o", str(output), "--title", "Kế hoạch thử", "--period", "2021-2025", "--progress"]
        started = time.perf_counter()
        run = subprocess.run(command, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - started
        if run.returncode != 0:
            print(run.stderr)
            raise SystemExit(run.returncode)
        summary = run.stderr.strip().splitlines()[-1]
        size = output.stat().st_size
    print(f"rows: {ROWS}")
    print(f"xlsx built in {built:.2f} s ({source_size / 1024:.0f} KiB)")
    print(f"cchc import: {elapsed:.2f} s ({ROWS / elapsed:,.0f} rows/s), YAML {size / 1024:.0f} KiB")
    print(summary)
    print(f"target < {TARGET_SECONDS:.0f} s: {'OK' if elapsed < TARGET_SECONDS else 'TOO SLOW'}")


if __name__ == "__main__":
    main()
