"""The Excel writer (cchc/excel.py): every workbook is opened with openpyxl and checked cell by cell.

Inputs: the overdue fixture (tests/data/overdue, as of 30/06/2024 — see tests/test_overdue.py for the
hand computation: a2 366 days overdue, a1 and a7 91 days) and a score result written by hand in the
JSON contract of ``cchc score --format json``.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

import cchc.adapters.excel as excel
from cchc.adapters.excel import (
    is_cchc_output,
    write_meeting_workbook,
    write_overdue_workbook,
    write_score_workbook,
)
from cchc.app.inputs import Inputs
from cchc.app.overdue_report import plans_and_progress
from cchc.core.i18n import set_lang
from cchc.core.overdue import activity_statuses, overdue_report
from cchc.core.problems import CchcError
from cchc.indicators import get_indicator
from tests.conftest import DATA, header_row, table

FIXTURE = DATA / "overdue"
AS_OF = dt.date(2024, 6, 30)
RED = "00FFC7CE"

FORMULA_PLAN = """\
kind: plan
id: cong-thuc-2024
province: Tỉnh Mẫu
title: Kế hoạch có ô trông như công thức
period: 2024
areas:
  - id: I
    title: Chỉ đạo, điều hành
    activities:
      - {id: a1, number: "=1+1", text: "=1+1", lead: [Sở Nội vụ], products: ["+84 báo cáo"], deadline: Quý I/2024}
      - {id: a2, number: "-1", text: "-SUM(A1:A9)", lead: [Sở Nội vụ], products: ["@ban chỉ đạo"], deadline: Quý I/2024}
"""


def fixture_inputs(plans_dir: Path = FIXTURE / "plans", progress: Path = FIXTURE / "reports"):
    return plans_and_progress(Inputs(plans=plans_dir, progress=progress))


def fixture_report(agency: str | None = None, within: int | None = None):
    pairs, book = fixture_inputs()
    return overdue_report(pairs, book, AS_OF, agency, within)


def score_result() -> dict:
    """Two departments and a district committee, in the score JSON contract."""

    def criterion(ident, indicator, unit, area, value, target, points, maximum, status):
        title = get_indicator(indicator).title("vi")
        return {
            "id": ident,
            "title": title,
            "indicator": indicator,
            "unit": unit,
            "area": area,
            "value": value,
            "target": target,
            "points": points,
            "max": maximum,
            "status": status,
            "vacuous": value is None and status == "met",  # 0/0 scored full points
        }

    def areas(first, second):
        return [
            {"id": "I", "title": "Chỉ đạo, điều hành", "points": first, "max": 60.0},
            {"id": "II", "title": "Cải cách thể chế", "points": second, "max": 40.0},
        ]

    group = {"block": "so", "block_title": "Khối sở, ban, ngành", "rank_group": "kind:department"}

    return {
        "year": 2024,
        "methodology": "thu-nghiem",
        "province": "Tỉnh Mẫu",
        "illustrative": True,
        "agencies": [
            {
                "agency": "Sở Nội vụ",
                "agency_id": "so-noi-vu",
                "kind": "department",
                **group,
                "total": 91.5,
                "max": 100.0,
                "percent": 91.5,
                "band": "Xuất sắc",
                "rank": 1,
                "rank_of": 2,
                "areas": areas(60.0, 31.5),
                "criteria": [
                    criterion(
                        "I.1",
                        "on_time_dossiers",
                        "%",
                        "I",
                        95.5,
                        {"op": ">=", "value": 95, "max": None, "source": "plan"},
                        60.0,
                        60.0,
                        "met",
                    ),
                    criterion(
                        "II.1",
                        "waiting_time",
                        "minutes",
                        "II",
                        17.5,
                        {"op": "<=", "value": 15, "max": None, "source": "default"},
                        31.5,
                        40.0,
                        "not_met",
                    ),
                ],
                "missing": [],
            },
            {
                "agency": "Sở Tư pháp",
                "agency_id": "so-tu-phap",
                "kind": "department",
                **group,
                "total": 72.0,
                "max": 100.0,
                "percent": 72.0,
                "band": "Khá",
                "rank": 2,
                "rank_of": 2,
                "areas": areas(42.0, 30.0),
                "criteria": [
                    criterion(
                        "I.1",
                        "on_time_dossiers",
                        "%",
                        "I",
                        None,
                        {"op": ">=", "value": 95, "max": None, "source": "plan"},
                        0.0,
                        60.0,
                        "no_data",
                    ),
                    criterion(
                        "II.1",
                        "waiting_time",
                        "minutes",
                        "II",
                        None,
                        {"op": "range", "value": 5, "max": 15, "source": "default"},
                        30.0,
                        40.0,
                        "met",
                    ),
                ],
                "missing": ["on_time_dossiers"],
            },
            {
                "agency": "UBND huyện An",
                "agency_id": "ubnd-huyen-a",
                "kind": "district-committee",
                "block": "huyen",
                "block_title": "Khối huyện",
                "rank_group": "block:huyen",
                "total": 45.0,
                "max": 100.0,
                "percent": 45.0,
                "band": "Yếu",
                "rank": 1,
                "rank_of": 1,
                "areas": areas(45.0, 0.0),
                "criteria": [],
                "missing": [],
            },
        ],
    }


def write_meeting(path: Path, agency: str | None = None, **overrides) -> None:
    from cchc.adapters.excel import Heading
    from cchc.app.export import agency_lines

    pairs, book = fixture_inputs()
    result = score_result()
    registry = pairs[0][1]
    selected = registry.find(agency).id if agency else None
    summary, notes = agency_lines(pairs, book, registry, result, 2024, AS_OF, selected)
    arguments = {
        "heading": Heading(
            title="Kết quả thực hiện cải cách hành chính năm 2024",
            issuer="Ủy ban nhân dân tỉnh Mẫu",
            office="Sở Nội vụ",
            as_of=AS_OF,
            scope=agency or "",
            source="báo cáo của các cơ quan",
            illustrative=True,
        ),
        "year": 2024,
        "summary": summary,
        "summary_notes": notes,
        "overdue_report": overdue_report(pairs, book, AS_OF, agency),
        "score_result": result,
        "plans": [plan for plan, _ in pairs],
        "statuses": activity_statuses(pairs, book, AS_OF, agency),
        "selected_agency": agency,
    }
    write_meeting_workbook(path, **{**arguments, **overrides})



def column(ws, header: str) -> int:
    return [c.value for c in ws[header_row(ws)]].index(header) + 1


@pytest.fixture
def english():
    set_lang("en")
    yield
    set_lang("vi")


# -- the overdue workbook ------------------------------------------------------------------------


def test_overdue_workbook_sheets_and_values(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(), path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Quá hạn", "Tổng hợp"]
    rows = table(wb["Quá hạn"])
    assert rows[0] == [
        "STT",
        "Cơ quan chủ trì",
        "Số TT",
        "Nội dung",
        "Sản phẩm",
        "Kỳ chưa hoàn thành",
        "Số lần",
        "Quá hạn (ngày)",
        "Báo cáo",
    ]
    assert [(r[1], r[2], r[5], r[6], r[7]) for r in rows[1:]] == [
        ("Các sở, ban, ngành", 2, "Tháng 6/2023", 1, 366),
        ("Sở Nội vụ", 1, "Năm 2024", 1, 91),
        ("Sở Thông tin và Truyền thông (nay: Sở Khoa học và Công nghệ)", 7, "Quý I/2024", 1, 91),
    ]
    assert rows[3][8] == "Đang thực hiện"
    summary = table(wb["Tổng hợp"])
    assert summary[0][3:] == ["Phải hoàn thành", "Đúng hạn", "Trễ hạn", "Quá hạn", "Tỷ lệ đúng hạn"]
    assert [r[1:7] for r in summary[1:]] == [
        ["Các sở, ban, ngành", None, 1, 0, 0, 1],
        ["Sở Nội vụ", None, 2, 1, 0, 1],
        ["Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ", 2, 0, 1, 1],
        ["Tổng cộng", None, 5, 1, 1, 3],
    ]
    assert [r[7] for r in summary[1:]] == [0, 0.5, 0, 0.2]


def test_numbers_and_dates_are_stored_as_numbers_with_formats(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(within=31), path)
    wb = load_workbook(path)
    ws = wb["Quá hạn"]
    first = header_row(ws) + 1
    days = ws.cell(first, column(ws, "Quá hạn (ngày)"))
    assert days.data_type == "n" and days.value == 366 and days.number_format == "#,##0"
    assert ws.cell(first, 1).data_type == "n" and ws.cell(first, column(ws, "Số TT")).value == 2  # numbers, not text
    soon = wb["Sắp đến hạn"]
    due = soon.cell(header_row(soon) + 1, column(soon, "Hạn"))
    assert isinstance(due.value, dt.datetime) and due.is_date and due.number_format == "dd/mm/yyyy"
    summary = wb["Tổng hợp"]
    rate = summary.cell(header_row(summary) + 2, column(summary, "Tỷ lệ đúng hạn"))
    assert rate.data_type == "n" and rate.value == 0.5 and rate.number_format == "0.0%"


def test_fonts_are_times_new_roman_title_13_table_12_header_bold(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(), path)
    ws = load_workbook(path)["Quá hạn"]
    cells = [c for row in ws.iter_rows() for c in row if c.value is not None]
    assert {c.font.name for c in cells} == {"Times New Roman"}
    assert ws["A1"].value == "DANH SÁCH NHIỆM VỤ QUÁ HẠN" and ws["A1"].font.size == 13 and ws["A1"].font.b
    header = ws[header_row(ws)]
    assert all(c.font.b and c.font.size == 12 for c in header)
    assert {
        c.font.size for row in ws.iter_rows(min_row=header_row(ws) + 1) for c in row if c.value is not None
    } == {12}


def test_header_is_frozen_filtered_and_printed_on_every_page(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(), path)
    for ws in load_workbook(path):
        h = header_row(ws)
        assert ws.freeze_panes == f"A{h + 1}"
        assert ws.sheet_view.pane.ySplit == 1 and ws.sheet_view.topLeftCell == f"A{h}"  # only the header frozen
        assert ws.print_title_rows == f"${h}:${h}"
    ws = load_workbook(path)["Quá hạn"]
    assert ws.auto_filter.ref == f"A{header_row(ws)}:I{header_row(ws) + 3}"
    summary = load_workbook(path)["Tổng hợp"]
    assert summary.auto_filter.ref == f"A{header_row(summary)}:H{header_row(summary) + 3}"  # the total row is outside


def test_print_setup_a4_landscape_legible_scale_page_numbers(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(), path)
    for ws in load_workbook(path):
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage is False  # a fixed scale, never shrunk to fit
        assert 80 <= int(ws.page_setup.scale) <= 100
        assert ws.print_options.horizontalCentered
        assert ws.oddFooter.center.text == "Trang &P/&N"


def test_overdue_counts_are_bold_dark_red_and_rows_are_not_filled(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(), path)
    wb = load_workbook(path)
    for ws in wb:
        assert not list(ws.conditional_formatting)  # colour only where it carries meaning
    summary = wb["Tổng hợp"]
    overdue = column(summary, "Quá hạn")
    cell = summary.cell(header_row(summary) + 1, overdue)
    assert cell.value == 1 and cell.font.b and cell.font.color.rgb == "009C0006"  # bold survives grey printing
    assert summary.cell(header_row(summary) + 1, 2).fill.fgColor.rgb == "00000000"


def test_title_block_names_issuer_date_source_and_sample_data(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(
        fixture_report(), path, issuer="Ủy ban nhân dân tỉnh Mẫu", source="báo cáo tháng 6"
    )
    ws = load_workbook(path)["Tổng hợp"]
    block = [ws.cell(r, 1).value for r in range(1, header_row(ws) - 1)]
    assert block == [
        "ỦY BAN NHÂN DÂN TỈNH MẪU",
        "DANH SÁCH NHIỆM VỤ QUÁ HẠN",
        "Tổng hợp theo cơ quan chủ trì",
        "Tính đến ngày 30/06/2024",
        "Nguồn số liệu: báo cáo tháng 6",
        "Số liệu minh họa — không phải số liệu chính thức",
    ]
    assert ws.cell(header_row(ws) - 1, 1).value is None  # a blank row before the table
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {f"A{r}:H{r}" for r in range(2, 7)} <= merged
    assert ws.row_dimensions[2].height > 0 and ws["A2"].alignment.wrap_text


def test_title_block_without_sample_data_and_with_agency(tmp_path):
    pairs, book = fixture_inputs()
    book.illustrative = False
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(overdue_report(pairs, book, AS_OF, "Sở Nội vụ"), path)
    ws = load_workbook(path)["Quá hạn"]
    block = [ws.cell(r, 1).value for r in range(1, header_row(ws))]
    assert "Tính đến ngày 30/06/2024 — Sở Nội vụ" in block
    assert not any("minh họa" in (line or "") for line in block)
    assert table(ws)[0][1] == "Chủ trì (theo kế hoạch)"
    assert [r[1] for r in table(ws)[1:]] == ["Các sở, ban, ngành", "Sở Nội vụ"]  # the lead as the plan writes it


def test_column_widths_fit_the_page_with_caps_and_long_text_wraps(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(), path)
    ws = load_workbook(path)["Quá hạn"]
    widths = [ws.column_dimensions[get_column_letter(c)].width for c in range(1, 10)]
    assert sum(widths) * excel.UNIT_POINTS == pytest.approx(excel.PRINT_WIDTH, abs=2)  # spans the page
    assert ws.cell(header_row(ws) + 1, column(ws, "Nội dung")).alignment.wrap_text
    long_text = "Rà soát " * 100
    report = fixture_report()
    report.groups[0].rows[0].duty.activity.text = long_text
    try:
        write_overdue_workbook(report, path)
    finally:
        report.groups[0].rows[0].duty.activity.text = "Rà soát quy chế"
    ws = load_workbook(path)["Quá hạn"]
    text = column(ws, "Nội dung")
    assert ws.column_dimensions[get_column_letter(text)].width * excel.UNIT_POINTS <= 330 + 1  # capped
    assert ws.cell(header_row(ws) + 1, text).value == long_text
    assert ws.row_dimensions[header_row(ws) + 1].height >= 10 * 12  # 800 characters: many lines


def test_upcoming_sheet_with_within(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(within=31), path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Quá hạn", "Sắp đến hạn", "Tổng hợp"]
    rows = table(wb["Sắp đến hạn"])
    assert rows[0][-4:] == ["Kỳ", "Hạn", "Còn (ngày)", "Báo cáo"]
    assert [(r[2], r[-4], r[-2]) for r in rows[1:]] == [(6, "Tháng 7/2024", 31)]


def test_english_headers_and_sheet_names(tmp_path, english):
    path = tmp_path / "overdue.xlsx"
    write_overdue_workbook(fixture_report(), path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Overdue", "Summary"]
    assert table(wb["Overdue"])[0][:2] == ["No.", "Lead agency"]
    assert wb["Overdue"].oddFooter.center.text == "Page &P/&N"


# -- safety --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["=1+1", "-SUM(A1:A9)", "+84 báo cáo", "@ban chỉ đạo"])
def test_text_that_looks_like_a_formula_from_a_plan_is_stored_as_text(tmp_path, text):
    plans = tmp_path / "plans" / "mau"
    plans.mkdir(parents=True)
    (plans / "agencies.yaml").write_bytes((FIXTURE / "plans" / "mau" / "agencies.yaml").read_bytes())
    (plans / "plan.yaml").write_text(FORMULA_PLAN, encoding="utf-8")
    (tmp_path / "reports").mkdir()
    pairs, book = plans_and_progress(Inputs(plans=tmp_path / "plans", progress=tmp_path / "reports"))
    path = tmp_path / "cong-thuc.xlsx"
    write_overdue_workbook(overdue_report(pairs, book, AS_OF), path)
    ws = load_workbook(path)["Quá hạn"]
    cells = [c for row in ws.iter_rows(min_row=header_row(ws) + 1) for c in row if c.value == text]
    assert cells, f"{text!r} not written"
    for cell in cells:
        assert cell.data_type == "s" and isinstance(cell.value, str)
        assert cell.quotePrefix  # Excel keeps it text even when a user edits the cell
    with zipfile.ZipFile(path) as package:
        sheet = package.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet


def test_formula_like_names_in_a_score_result_are_text(tmp_path):
    result = score_result()
    result["agencies"][0]["agency"] = '=HYPERLINK("http://x")'
    path = tmp_path / "diem.xlsx"
    write_score_workbook(result, path)
    ws = load_workbook(path)["Xếp hạng"]
    cell = ws.cell(header_row(ws) + 1, 2)
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_a_failure_mid_write_keeps_the_old_file_and_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(), path)
    before = path.read_bytes()

    def broken(self, advance):
        yield b"<row r='7'>"
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(excel._Layout, "chunks", broken)
    with pytest.raises(CchcError) as failure:
        write_overdue_workbook(fixture_report(within=10), path)
    assert failure.value.exit_code == 2 and "No space left on device" in str(failure.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["qua-han.xlsx"]


def test_a_bug_mid_write_also_leaves_no_temporary(tmp_path, monkeypatch):
    path = tmp_path / "moi.xlsx"

    def broken(self, advance):
        raise RuntimeError("bug")
        yield b""

    monkeypatch.setattr(excel._Layout, "chunks", broken)
    with pytest.raises(RuntimeError):
        write_overdue_workbook(fixture_report(), path)
    assert list(tmp_path.iterdir()) == []


def test_someone_elses_file_is_replaced_only_with_force(tmp_path):
    path = tmp_path / "bao-cao.xlsx"
    theirs = Workbook()
    theirs.active["A1"] = "số liệu của phòng"
    theirs.save(path)
    before = path.read_bytes()
    with pytest.raises(CchcError) as refused:
        write_overdue_workbook(fixture_report(), path)
    assert refused.value.exit_code == 2 and "--force" in str(refused.value) and "\n" not in str(refused.value)
    assert path.read_bytes() == before
    write_overdue_workbook(fixture_report(), path, force=True)
    assert is_cchc_output(path)


def test_own_previous_output_is_replaced_without_force_whatever_its_name(tmp_path):
    ours = tmp_path / "bat-ky-ten-nao.xlsx"
    write_overdue_workbook(fixture_report(), ours)
    write_overdue_workbook(fixture_report(within=31), ours)
    assert load_workbook(ours).sheetnames == ["Quá hạn", "Sắp đến hạn", "Tổng hợp"]
    props = load_workbook(ours).properties
    assert (props.creator, props.keywords) == ("cchc", "cchc-output")


@pytest.mark.parametrize(
    "content",
    [b"not a zip", b""],
    ids=["text", "empty"],
)
def test_a_non_workbook_with_our_name_is_not_ours(tmp_path, content):
    path = tmp_path / "cchc-output.xlsx"
    path.write_bytes(content)
    assert not is_cchc_output(path)
    with pytest.raises(CchcError):
        write_overdue_workbook(fixture_report(), path)
    assert path.read_bytes() == content


def test_a_workbook_claiming_cchc_only_as_creator_is_not_ours(tmp_path):
    path = tmp_path / "gia.xlsx"
    theirs = Workbook()
    theirs.properties.creator = "cchc"
    theirs.save(path)
    assert not is_cchc_output(path)


@pytest.mark.parametrize("name", ["out.xls", "out.csv", "out"])
def test_only_xlsx_targets(tmp_path, name):
    with pytest.raises(CchcError) as refused:
        write_overdue_workbook(fixture_report(), tmp_path / name)
    assert refused.value.exit_code == 2 and ".xlsx" in str(refused.value)


def test_missing_folder_is_a_usage_error(tmp_path):
    with pytest.raises(CchcError) as refused:
        write_overdue_workbook(fixture_report(), tmp_path / "khong-co" / "out.xlsx")
    assert refused.value.exit_code == 2


# -- large outputs -------------------------------------------------------------------------------


def synthetic(rows: int):
    from bench.bench_export import synthetic_report

    return synthetic_report(rows)


def test_large_list_is_streamed_in_bounded_memory(tmp_path):
    report = synthetic(10_000)
    path = tmp_path / "lon.xlsx"
    tracemalloc.start()
    try:
        write_overdue_workbook(report, path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 12_000_000, f"peak {peak / 1e6:.1f} MB"  # flat (~5 MB at any size); in memory, 10,000 rows take 26 MB
    ws = load_workbook(path, read_only=True)["Quá hạn"]
    # title block (issuer, title, date, source, sample), blank, header, rows, blank, note
    assert ws.max_row == 5 + 1 + 1 + 10_000 + 2
    assert ws.max_column == 9  # who carries a merged agency's duty now is in the lead's cell


def test_progress_bar_only_on_a_terminal(tmp_path, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(excel, "PROGRESS_FROM_ROWS", 100)
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    write_overdue_workbook(synthetic(1_000), tmp_path / "a.xlsx")
    assert "Đang ghi Excel" in terminal.getvalue()
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    write_overdue_workbook(synthetic(1_000), tmp_path / "b.xlsx")
    assert piped.getvalue() == ""


# -- scores and the meeting workbook ---------------------------------------------------------------


def test_score_workbook_scorecards_ranking_and_charts(tmp_path):
    path = tmp_path / "diem.xlsx"
    write_score_workbook(score_result(), path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Phiếu điểm", "Xếp hạng", "Biểu đồ"]
    ranking = wb["Xếp hạng"]
    rows = table(ranking)
    assert rows[0] == ["Hạng", "Cơ quan", "Khối", "Lĩnh vực I", "Lĩnh vực II", "Tổng điểm (tối đa 100)", "Xếp loại"]
    assert [r[:3] + r[5:] for r in rows[1:]] == [
        [1, "Sở Nội vụ", "Sở, ban, ngành", 91.5, "Xuất sắc"],
        [2, "Sở Tư pháp", "Sở, ban, ngành", 72, "Khá"],
        [1, "UBND huyện An", "Khối huyện", 45, "Yếu"],  # ranked as a block: the block's title
    ]
    first = header_row(ranking) + 1
    assert ranking.cell(first, 1).number_format == '0" / 2"'  # rank 1 of 2, still a number
    assert ranking.cell(first, 6).number_format == "0.00"
    charts = wb["Biểu đồ"]._charts
    assert len(charts) == 1  # the departments; one district alone gets no single-bar chart


def test_scorecards_have_area_subtotals_total_band_and_rank_and_a_page_each(tmp_path):
    path = tmp_path / "diem.xlsx"
    write_score_workbook(score_result(), path)
    ws = load_workbook(path)["Phiếu điểm"]
    rows = table(ws)
    assert rows[0] == ["Mã", "Tiêu chí", "Chỉ tiêu", "Thực tế", "Điểm", "Tối đa", "Đánh giá"]
    first_card = rows[1:11]
    assert [r[:2] for r in first_card] == [
        ["Sở Nội vụ — Sở, ban, ngành", None],
        ["I", "Chỉ đạo, điều hành"],
        ["I.1", get_indicator("on_time_dossiers").title("vi")],
        ["II", "Cải cách thể chế"],
        ["II.1", get_indicator("waiting_time").title("vi")],
        [None, "Tổng điểm"],
        [None, "Xếp loại"],
        [None, "Hạng: 1/2 (Sở, ban, ngành)"],
        ["Sở Tư pháp — Sở, ban, ngành", None],
        ["I", "Chỉ đạo, điều hành"],
    ]
    assert [r[4:6] for r in first_card[1:6:2]] == [[60, 60], [31.5, 40], [91.5, 100]]
    assert first_card[6][6] == "Xuất sắc"
    h = header_row(ws)
    assert [b.id for b in ws.row_breaks.brk] == [h + 8, h + 16]  # after each card but the last
    assert ws.cell(h + 6, 2).font.b  # the total row is bold


def test_scorecard_cells_keep_numbers_with_unit_and_target_formats(tmp_path):
    path = tmp_path / "diem.xlsx"
    write_score_workbook(score_result(), path)
    ws = load_workbook(path)["Phiếu điểm"]
    h = header_row(ws)
    cells = {ws.cell(r, 1).value + "/" + str(r > h + 8): r for r in range(h + 1, h + 24) if ws.cell(r, 1).value in ("I.1", "II.1")}
    first, second = cells["I.1/False"], cells["II.1/False"]
    target, actual = ws.cell(first, 3), ws.cell(first, 4)
    assert (actual.value, actual.number_format) == (pytest.approx(0.955), "0.0%")
    assert (target.value, target.number_format) == (pytest.approx(0.95), '"≥ "0.0%')
    limit, minutes = ws.cell(second, 3), ws.cell(second, 4)
    assert (minutes.value, minutes.number_format) == (17.5, '#,##0.0" phút"')
    assert (limit.value, limit.number_format) == (15, '"≤ "#,##0.0" phút"')
    assert ws.cell(second, 7).value == "Không đạt" and ws.cell(second, 7).font.b  # not met: bold, not only red
    window = ws.cell(cells["II.1/True"], 3)
    assert (window.value, window.number_format) == (5, '#,##0.0" phút – 15"')  # range 5–15 minutes
    assert ws.cell(cells["I.1/True"], 4).value is None and ws.cell(cells["II.1/True"], 4).value == "0/0"
    assert ws.cell(cells["I.1/True"], 7).value == "Không có số liệu"


def test_band_colours(tmp_path):
    path = tmp_path / "diem.xlsx"
    write_score_workbook(score_result(), path)
    ws = load_workbook(path)["Xếp hạng"]
    band = column(ws, "Xếp loại")
    last = header_row(ws) + len(table(ws)) - 1
    fills = {ws.cell(r, band).value: ws.cell(r, band).fill.fgColor.rgb for r in range(header_row(ws) + 1, last + 1)}
    assert fills == {"Xuất sắc": "0063BE7B", "Khá": "00FFEB9C", "Yếu": "00FFC7CE"}


def test_single_agency_score_workbook_has_the_area_chart(tmp_path):
    result = score_result()
    result["agencies"] = result["agencies"][:1]
    path = tmp_path / "snv.xlsx"
    write_score_workbook(result, path)
    ws = load_workbook(path)["Biểu đồ"]
    assert table(ws) == [
        ["Lĩnh vực", "Tên lĩnh vực", "Điểm", "Tối đa"],
        ["I", "Chỉ đạo, điều hành", 60, 60],
        ["II", "Cải cách thể chế", 31.5, 40],
    ]
    assert len(ws._charts) == 1  # its areas; a ranking of one is no chart
    assert [b.id for b in ws.row_breaks.brk] == [header_row(ws) + 2]  # the chart on a page of its own


def test_meeting_workbook_sheets_and_summary(tmp_path):
    path = tmp_path / "hop.xlsx"
    write_meeting(path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Tổng hợp", "Quá hạn", "Phiếu điểm", "Xếp hạng", "Biểu đồ", "Kế hoạch"]
    summary = table(wb["Tổng hợp"])
    assert summary[0] == [
        "STT",
        "Cơ quan",
        "Khối",
        "Cơ quan kế thừa",
        "Phải hoàn thành năm 2024",
        "Đúng hạn",
        "Trễ hạn",
        "Chưa hoàn thành",
        "Tỷ lệ đúng hạn",
        "Quá hạn đến 30/06/2024 (mọi năm)",
        "Điểm",
        "Xếp loại",
        "Hạng trong khối",
    ]
    # one row per real agency: the collective's duty counted for each member, no group rows
    assert [r[1:3] + r[4:] for r in summary[1:]] == [
        ["Sở Nội vụ", "Sở, ban, ngành", 1, 0, 0, 1, 0, 2, 91.5, "Xuất sắc", 1],
        ["Sở Tư pháp", "Sở, ban, ngành", None, None, None, None, None, 0, 72, "Khá", 2],
        ["UBND huyện An", "Khối huyện", None, None, None, None, None, 0, 45, "Yếu", 1],
        ["Sở Thông tin và Truyền thông", "Sở, ban, ngành", 1, 0, 0, 1, 0, 2, None, None, None],
        ["Sở Khoa học và Công nghệ", "Sở, ban, ngành", None, None, None, None, None, 1, None, None, None],
        ["Văn phòng UBND tỉnh", "Văn phòng UBND tỉnh", None, None, None, None, None, 1, None, None, None],
        ["Tổng cộng", None, 2, 0, 0, 2, 0, 6, None, None, None],
    ]
    assert summary[4][3] == "Sở Khoa học và Công nghệ"
    ws = wb["Tổng hợp"]
    assert ws.cell(header_row(ws) + 1, 12).fill.fgColor.rgb == "0063BE7B"
    assert [ws.cell(r, 1).value for r in range(1, 3)] == ["ỦY BAN NHÂN DÂN TỈNH MẪU", "SỞ NỘI VỤ"]
    notes = [ws.cell(r, 1).value for r in range(header_row(ws) + len(summary) + 1, ws.max_row + 1)]
    assert any(n and "được tính cho từng cơ quan thành viên" in n for n in notes)
    for sheet in wb:
        assert sheet.page_setup.orientation == "landscape" and sheet.oddFooter.center.text == "Trang &P/&N"


def test_meeting_plan_sheet_shows_each_activity_status(tmp_path):
    path = tmp_path / "hop.xlsx"
    write_meeting(path)
    ws = load_workbook(path)["Kế hoạch"]
    rows = table(ws)
    assert rows[0] == ["STT", "Số TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm", "Thời hạn", "Phải hoàn thành", "Quá hạn", "Tình trạng"]
    by_number = {r[1]: r[7:] for r in rows[1:]}
    assert by_number == {
        1: [2, 1, "Quá hạn"],
        2: [1, 1, "Quá hạn"],
        3: [1, 0, "Hoàn thành trễ hạn"],
        4: [None, None, "Thường xuyên"],
        5: [None, None, "Chờ sự kiện"],
        6: [0, 0, "Chưa đến hạn"],
        7: [1, 1, "Quá hạn"],
    }
    assert rows[1][2] == "Báo cáo CCHC quý I" and rows[1][6] == "Quý I hàng năm"
    state = ws.cell(header_row(ws) + 1, 10)
    assert state.font.b and state.font.color.rgb == "009C0006"


def test_meeting_with_selected_agency(tmp_path):
    path = tmp_path / "hop.xlsx"
    write_meeting(path, agency="Sở Nội vụ")
    wb = load_workbook(path)
    overdue = table(wb["Quá hạn"])
    assert [(r[1], r[2]) for r in overdue[1:]] == [("Các sở, ban, ngành", 2), ("Sở Nội vụ", 1)]
    assert table(wb["Phiếu điểm"])[1][0] == "Sở Nội vụ — Sở, ban, ngành"
    assert not any(r[0] and r[0].startswith("Sở Tư pháp") for r in table(wb["Phiếu điểm"]))
    summary = wb["Tổng hợp"]
    rows = table(summary)
    assert len(rows) == 1 + 6 + 1  # the summary stays province-wide, the agency marked
    assert rows[1][1] == "● Sở Nội vụ"
    marked = summary.cell(header_row(summary) + 1, 2)
    assert marked.font.b and marked.fill.fgColor.rgb == "00FFF2CC"
    assert table(wb["Xếp hạng"])[1][1] == "● Sở Nội vụ"
    assert [r[1] for r in table(wb["Kế hoạch"])[1:]] == [1, 2, 4, 6]  # only its activities
    charts = wb["Biểu đồ"]
    assert "Biểu đồ — điểm theo lĩnh vực của Sở Nội vụ" in [charts.cell(r, 1).value for r in range(1, 8)]
    assert [r[0] for r in table(charts)] == ["Lĩnh vực", "I", "II"]


def test_meeting_charts_reference_the_tables_and_highlight_the_agency(tmp_path):
    path = tmp_path / "hop.xlsx"
    write_meeting(path, agency="Sở Nội vụ")
    wb = load_workbook(path)
    h = header_row(wb["Biểu đồ"]) + 1
    r = header_row(wb["Xếp hạng"]) + 1
    with zipfile.ZipFile(path) as package:
        charts = sorted(n for n in package.namelist() if n.startswith("xl/charts/chart"))
        xml = [package.read(n).decode() for n in charts]
    assert len(xml) == 2  # the agency's areas; the departments (one district alone: no chart)
    area, departments = xml
    assert '<barDir val="col" />' in area and '<grouping val="clustered" />' in area
    assert area.count("<ser>") == 2 and f"'Biểu đồ'!$A${h}:$A${h + 1}" in area and f"'Biểu đồ'!$D${h}:$D${h + 1}" in area
    assert '<barDir val="bar" />' in departments and f"'Xếp hạng'!$F${r}:$F${r + 1}" in departments
    assert f"'Xếp hạng'!$B${r}:$B${r + 1}" in departments and "Sở, ban, ngành" in departments
    for chart in xml:
        assert 'typeface="Times New Roman"' in chart and '<showVal val="1" />' in chart
        assert 'formatCode="0"' in chart  # a whole-number axis, not 0.00 … 100.00
    assert "<dPt><idx val=\"0\" />" in departments  # Sở Nội vụ's bar, drawn dark


def test_meeting_workbook_respects_force_rules(tmp_path):
    path = tmp_path / "hop.xlsx"
    Workbook().save(path)
    with pytest.raises(CchcError):
        write_meeting(path)
    write_meeting(path, force=True)
    write_meeting(path)  # our own output now
    assert is_cchc_output(path)


def test_rows_with_long_wrapped_text_are_tall_enough(tmp_path):
    """Neither Excel nor LibreOffice grows rows on open, so long activity texts need a set height."""
    from tests.conftest import ROOT, run_cli

    out = tmp_path / "qua-han.xlsx"
    result = run_cli("overdue", "--as-of", "2024-12-31", "--province", "hai-duong", "--xlsx", str(out), "--format", "csv", cwd=ROOT)
    assert result.exit_code == 0, result.output
    ws = load_workbook(out)["Quá hạn"]
    first = header_row(ws) + 1
    text_column = column(ws, "Nội dung")
    points = ws.column_dimensions[get_column_letter(text_column)].width * excel.UNIT_POINTS
    for row in range(first, first + len(table(ws)) - 1):
        text = ws.cell(row, text_column).value or ""
        lines = -(-len(text) * 5.0 // (points - 5))  # Times New Roman 12: at least 5 pt a character
        height = ws.row_dimensions[row].height
        if lines > 1:
            assert height is not None and height >= lines * 12, (row, text, height)


def test_a_composite_criterion_lists_its_parts_under_it(tmp_path):
    """ONLINE_PAYMENT on the portal: 6 × A + 2 × min(1, B / 80 %) + 2.5 × C, each part on its own line."""
    result = score_result()
    card = result["agencies"][0]
    composite = dict(card["criteria"][0], id="I.2", points=6.25, max=10.0)
    composite["parts"] = [
        {"id": "A", "title": "Hồ sơ thanh toán trực tuyến", "value": 84.21, "threshold": 100.0, "points": 5.05, "max": 6.0, "status": "not_met", "vacuous": False},
        {"id": "B", "title": "Thủ tục có hồ sơ thanh toán trực tuyến", "value": None, "threshold": 80.0, "points": 0.0, "max": 2.0, "status": "met", "vacuous": True},
    ]
    card["criteria"].insert(1, composite)
    path = tmp_path / "diem.xlsx"
    write_score_workbook(result, path)
    rows = table(load_workbook(path)["Phiếu điểm"])
    codes = [r[0] for r in rows[1:8]]
    assert codes[:5] == ["Sở Nội vụ — Sở, ban, ngành", "I", "I.1", "I.2", "I.2/A"] and codes[5] == "I.2/B"
    part_a = rows[5]
    assert part_a[1] == "– Hồ sơ thanh toán trực tuyến" and part_a[3] == pytest.approx(0.8421) and part_a[4:6] == [5.05, 6]
    assert rows[6][3] == "0/0"


@pytest.mark.parametrize("text", ["Rà soát, đánh giá thủ tục hành chính", "WWW iii 100% Sở Nội vụ", "", "  hai  dấu cách "])
def test_text_is_measured_as_the_sum_of_its_characters(text):
    """The width tables (per character, per word) give what summing _em over the characters gives:
    the columns and row heights of every workbook rest on it."""
    expected = sum(excel._em(c) for c in text) * excel.TEXT_SIZE
    assert excel._text_points(text) == expected
    assert excel._text_points(text, bold=True) == expected * 1.06
    longest = max((sum(excel._em(c) for c in w) * excel.TEXT_SIZE for w in text.split()), default=0.0)
    assert excel._longest_word(text) == longest
