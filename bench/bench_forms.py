"""Benchmark: forms for ~120 agencies and communes, and collecting 120 filled forms (targets: under 10 s each).

Run: ``python bench/bench_forms.py [AGENCIES]``. Not a unit test. It writes a synthetic province
(bench/synthetic.py: departments, the committee office and ``AGENCIES - 11`` district committees, 4
plans of 500 activities) in a temporary folder, then times through the real CLI, in-process:

1. ``cchc form progress --period 2024 --all`` (one form per agency that owes something in 2024);
2. filling every form as a person would (openpyxl: status, date, document number) — not timed;
3. ``cchc collect`` of all of them in one run, then again (nothing changes).
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import openpyxl  # noqa: E402
from synthetic import write_province  # noqa: E402

from tests.conftest import run_cli  # noqa: E402


def timed(*args: str) -> tuple[float, float]:
    """Wall time and CPU time of this process (the host is shared: wall time drifts with its load)."""
    start, cpu = time.perf_counter(), time.process_time()
    result = run_cli(*args)
    elapsed = time.perf_counter() - start, time.process_time() - cpu
    if result.exit_code != 0:
        raise SystemExit(f"cchc {' '.join(args)} failed ({result.exit_code}): {result.output[-2000:]}")
    return elapsed


def fill(path: Path) -> None:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    header = next(row[0].row for row in sheet.iter_rows(max_row=30) if row[0].value == "STT")
    columns = {c.value: c.column for c in sheet[header] if c.value}
    for r in range(header + 1, sheet.max_row + 1):
        if sheet.cell(r, 1).value is None:
            continue
        sheet.cell(r, columns["Tình trạng"]).value = "Đã hoàn thành"
        sheet.cell(r, columns["Ngày hoàn thành"]).value = dt.date(2024, 12, 10)
        sheet.cell(r, columns["Sản phẩm/văn bản"]).value = f"Báo cáo số {r}/BC"
    book.save(path)


def main(agencies: int = 120) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        plans = root / "plans" / "tong-hop"
        write_province(plans, plans=4, activities=500, districts=agencies - 11)
        forms = root / "forms"
        made = timed("form", "progress", "--period", "2024", "--all", "--plans", str(root / "plans"), "-o", str(forms))
        files = sorted(forms.glob("*.xlsx"))
        rows = 0
        for path in files:
            fill(path)
            rows += openpyxl.load_workbook(path, read_only=True).worksheets[0].max_row
        collected = timed("collect", *map(str, files), "--plans", str(root / "plans"))
        again = timed("collect", *map(str, files), "--plans", str(root / "plans"))
        print(f"agencies in the registry     {agencies:>8}")
        print(f"progress forms written       {len(files):>8}")
        print(f"sheet rows in all forms      {rows:>8}")
        print("                              wall (s)  CPU (s)")
        print(f"form progress --all           {made[0]:>8.2f} {made[1]:>8.2f}")
        print(f"collect {len(files)} forms             {collected[0]:>8.2f} {collected[1]:>8.2f}")
        print(f"collect again, no change      {again[0]:>8.2f} {again[1]:>8.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 120)
