"""The meeting workbook as the head of office prints it (issue 15), on the bundled Hải Dương data.

`cchc export 2024 --agency "Sở Nội vụ"` is written once; its sheets are read back with openpyxl and,
when LibreOffice is installed, rendered to PDF to measure what reaches paper: page count and the
size of the printed text (a word's box is about 1.3 × its font size in LibreOffice's PDF).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import ROOT, header_row, run_cli, table

AGENCY = "Sở Nội vụ"


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("hop") / "hop-2024.xlsx"
    result = run_cli("export", "2024", "--agency", AGENCY, "-o", str(out), "--national-heading", "--signature", cwd=ROOT)
    assert result.exit_code == 0, result.output
    return out



def by_header(rows: list[list]) -> list[dict]:
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def overdue_json(*args: str) -> dict:
    result = run_cli("overdue", "--as-of", "2024-12-31", "--province", "Hải Dương", "--format", "json", *args, cwd=ROOT)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_no_printed_sheet_scales_below_80_percent(workbook):
    wb = load_workbook(workbook)
    scales = {ws.title: int(ws.page_setup.scale) for ws in wb}
    assert all(scale >= 80 for scale in scales.values()), scales
    assert not any(ws.sheet_properties.pageSetUpPr.fitToPage for ws in wb)  # never shrunk further when printed


def test_no_duty_appears_more_than_twice_in_the_overdue_sheet(workbook):
    rows = by_header(table(load_workbook(workbook)["Quá hạn"]))
    duties = Counter((r["Kế hoạch"], r["Số TT"], r["Nội dung"]) for r in rows)
    assert max(duties.values()) <= 2  # once, or twice when owed both directly and through a collective
    assert any(r["Số lần"] > 1 for r in rows)  # recurring duties are folded, with how many periods
    assert all(r["Kỳ chưa hoàn thành"][:1] in "NTQ6" for r in rows)  # "Năm 2021, 2023", "Tháng 8/2021", "Quý I/2024"


def test_summary_has_one_row_per_real_agency_and_agrees_with_the_other_sheets_and_the_terminal(workbook):
    from cchc.app import Inputs, Run

    registry, _ = Run(Inputs(plans=ROOT / "plans", province="Hải Dương")).registry(2024)
    wb = load_workbook(workbook)
    rows = by_header(table(wb["Tổng hợp"]))
    agencies = rows[:-1]
    assert rows[-1]["Cơ quan"] == "Tổng cộng"
    overdue_header = next(h for h in rows[0] if h.startswith("Quá hạn đến"))
    for row in agencies:  # no group rows: every name is one agency of the registry
        entry = registry.lookup(row["Cơ quan"].removeprefix("● "))
        assert entry is not None and not entry.is_collective, row["Cơ quan"]
        successor = registry.successor_of(entry)
        assert row["Cơ quan kế thừa"] == (successor.name if successor else None), row["Cơ quan"]
    assert rows[-1][overdue_header] == sum(r[overdue_header] or 0 for r in agencies)
    mine = next(r for r in agencies if r["Cơ quan"] == f"● {AGENCY}")
    assert mine["Khối"] and mine["Hạng trong khối"] is not None
    duties = by_header(table(wb["Quá hạn"]))
    assert mine[overdue_header] == sum(r["Số lần"] for r in duties)  # the detail of the same agency
    terminal = overdue_json("--agency", AGENCY)["summary"]
    assert mine[overdue_header] == sum(g["overdue"] for g in terminal)
    this_year = overdue_json("--agency", AGENCY, "--year", "2024", "--within", "0")
    due_that_day = len(this_year["upcoming"])  # due on 31/12 itself: not overdue yet, not done on time either
    assert mine["Phải hoàn thành năm 2024"] == sum(g["due"] for g in this_year["summary"]) + due_that_day
    assert mine["Chưa hoàn thành"] == sum(g["overdue"] for g in this_year["summary"]) + due_that_day
    card = table(wb["Phiếu điểm"])
    completion = next(r for r in card if r[0] == "I.1")  # Tỷ lệ nhiệm vụ trong kế hoạch hoàn thành đúng hạn
    assert mine["Tỷ lệ đúng hạn"] == pytest.approx(completion[3])
    members = overdue_json("--by-member")["summary"]
    for row in agencies:
        name = row["Cơ quan"].removeprefix("● ")
        assert row[overdue_header] == next((g["overdue"] for g in members if g["agency"] == name), 0), name


def test_scorecard_sheet_has_total_band_and_rank_rows(workbook):
    card = table(load_workbook(workbook)["Phiếu điểm"])
    labels = [r[1] for r in card]
    assert labels.count("Tổng điểm") == 1 and labels.count("Xếp loại") == 1
    assert [label for label in labels if label and label.startswith("Hạng: ")] == ["Hạng: 2/18 (Khối sở, ban, ngành)"]
    areas = [r for r in card if r[0] and re.fullmatch(r"[IVX]+", str(r[0]))]
    total = next(r for r in card if r[1] == "Tổng điểm")
    assert len(areas) == 8 and sum(r[4] for r in areas) == pytest.approx(total[4])


def test_no_title_block_shows_a_file_path(workbook):
    for ws in load_workbook(workbook):
        for row in ws.iter_rows(max_row=header_row(ws) if ws.freeze_panes else 12, values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert not re.search(r"\.(ya?ml|csv|xlsx|txt)\b|plans/|reports/|/work/", value), (ws.title, value)
    first = load_workbook(workbook)["Tổng hợp"]
    values = {c.value for row in first.iter_rows(max_row=4) for c in row if c.value}
    assert {"UBND TỈNH HẢI DƯƠNG", "SỞ NỘI VỤ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"} <= values
    assert "Hải Dương, ngày 31 tháng 12 năm 2024" in values
    signature = {c.value for row in first.iter_rows(min_row=first.max_row - 5) for c in row if c.value}
    assert {"NGƯỜI LẬP BIỂU", "THỦ TRƯỞNG CƠ QUAN"} <= signature


def test_attached_to_and_date_options(tmp_path):
    out = tmp_path / "hop.xlsx"
    result = run_cli(
        "export", "2024", "-o", str(out), "--province", "Hải Dương", "--date", "20/01/2025",
        "--attached-to", "Báo cáo số 12/BC-SNV ngày 20/01/2025", "--office", "Văn phòng UBND tỉnh", cwd=ROOT,
    )
    assert result.exit_code == 0, result.output
    ws = load_workbook(out)["Quá hạn"]
    values = {c.value for row in ws.iter_rows(max_row=header_row(ws)) for c in row if c.value}
    assert {"VĂN PHÒNG UBND TỈNH", "Hải Dương, ngày 20 tháng 01 năm 2025", "(Kèm theo Báo cáo số 12/BC-SNV ngày 20/01/2025)"} <= values
    bad = run_cli("export", "2024", "-o", str(tmp_path / "x.xlsx"), "--date", "31/02/2025", cwd=ROOT)
    assert bad.exit_code == 2 and "--date" in bad.stderr and "Traceback" not in bad.output


def test_csv_written_to_a_file_starts_with_a_utf8_bom(tmp_path):
    out = tmp_path / "x.csv"
    result = run_cli("overdue", "--as-of", "2024-12-31", "--province", "Hải Dương", "--format", "csv", "-o", str(out), cwd=ROOT)
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel then reads the Vietnamese as UTF-8
    assert "Sở Nội vụ" in data.decode("utf-8-sig")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_rendered_pages_are_legible(workbook, tmp_path):
    """LibreOffice's PDF: every page within A4 landscape, body text at 9 pt or more, a bounded page count."""
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(workbook)], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / (workbook.stem + ".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout if shutil.which("pdfinfo") else ""
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1)) if info else None
    if pages is not None:
        assert 8 <= pages <= 40, pages  # summary 3, overdue 2, scorecard 2, ranking 2, charts 4, plan ≤ 25
        assert re.search(r"Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)", info)  # A4 landscape
    if shutil.which("pdftotext") is None:
        return
    words = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    heights = [float(b) - float(a) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', words)]
    small = [h for h in heights if h < 9 * 1.3]
    assert len(small) < 0.02 * len(heights), f"{len(small)} of {len(heights)} words under 9 pt"


def test_terminal_overdue_fits_120_columns_with_recurring_duties_folded():
    from rich.console import Console

    from cchc.app import Inputs, overdue
    from cchc.commands.overdue import print_report

    inputs = Inputs(plans=ROOT / "plans", province="Hải Dương", as_of=dt.date(2024, 12, 31))
    console = Console(width=120, record=True, no_color=True, file=open("/dev/null", "w"))  # noqa: SIM115
    print_report(console, overdue(inputs, agency=AGENCY))
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 120
    assert "Năm 2021–2023" in text and "Khung KH CCHC 2021 - 2025" in text  # periods in words, plans by title
    assert "hai-duong-khung-2021-2025" not in text
