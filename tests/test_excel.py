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
from tests.conftest import DATA

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
    pairs, book = fixture_inputs()
    arguments = {
        "year": 2024,
        "as_of": AS_OF,
        "overdue_report": overdue_report(pairs, book, AS_OF),
        "agency_report": overdue_report(pairs, book, AS_OF, agency) if agency else None,
        "score_result": score_result(),
        "plans": [plan for plan, _ in pairs],
        "statuses": activity_statuses(pairs, book, AS_OF),
        "selected_agency": agency,
        "issuer": "Ủy ban nhân dân tỉnh Mẫu",
        "source": "báo cáo của các cơ quan",
        "illustrative": True,
    }
    write_meeting_workbook(path, **{**arguments, **overrides})


def header_row(ws) -> int:
    """The table's header row: the row the panes are frozen below."""
    return int(ws.freeze_panes[1:]) - 1


def table(ws) -> list[list]:
    """Header and data rows (the title block left out)."""
    return [list(row) for row in ws.iter_rows(min_row=header_row(ws), values_only=True)]


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
        "Cơ quan thực hiện hiện nay",
        "Kế hoạch",
        "Số TT",
        "Mã",
        "Nội dung",
        "Sản phẩm",
        "Kỳ",
        "Hạn",
        "Số ngày quá hạn",
        "Tình trạng báo cáo",
    ]
    assert [(r[1], r[5], r[8], r[9].date(), r[10]) for r in rows[1:]] == [
        ("Các sở, ban, ngành", "a2", "2023-06", dt.date(2023, 6, 30), 366),
        ("Sở Nội vụ", "a1", "2024", dt.date(2024, 3, 31), 91),
        ("Sở Thông tin và Truyền thông", "a7", "2024-Q1", dt.date(2024, 3, 31), 91),
    ]
    assert rows[3][2] == "Sở Khoa học và Công nghệ" and rows[3][11] == "Đang thực hiện"
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
    write_overdue_workbook(fixture_report(), path)
    wb = load_workbook(path)
    ws = wb["Quá hạn"]
    first = header_row(ws) + 1
    due = ws.cell(first, column(ws, "Hạn"))
    assert isinstance(due.value, dt.datetime) and due.is_date and due.number_format == "dd/mm/yyyy"
    days = ws.cell(first, column(ws, "Số ngày quá hạn"))
    assert days.data_type == "n" and days.value == 366 and days.number_format == "#,##0"
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
        assert ws.print_title_rows == f"${h}:${h}"
    ws = load_workbook(path)["Quá hạn"]
    assert ws.auto_filter.ref == f"A{header_row(ws)}:L{header_row(ws) + 3}"
    summary = load_workbook(path)["Tổng hợp"]
    assert (
        summary.auto_filter.ref == f"A{header_row(summary)}:H{header_row(summary) + 3}"
    )  # the total row is outside


def test_print_setup_a4_landscape_fit_to_width_page_numbers(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(), path)
    for ws in load_workbook(path):
        assert ws.page_setup.orientation == "landscape"
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert (int(ws.page_setup.fitToWidth), int(ws.page_setup.fitToHeight)) == (1, 0)
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.print_options.horizontalCentered
        assert ws.oddFooter.center.text == "Trang &P/&N"


def test_overdue_rows_are_filled_red_by_a_conditional_format(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(), path)
    wb = load_workbook(path)
    ws = wb["Quá hạn"]
    first = header_row(ws) + 1
    (rule_range,) = list(ws.conditional_formatting)
    assert str(rule_range.sqref) == f"A{first}:L{first + 2}"
    (rule,) = rule_range.rules
    assert rule.type == "expression" and rule.formula == [f"$K{first}>0"]  # the days-overdue column
    assert rule.dxf.fill.fgColor.rgb == RED
    summary = wb["Tổng hợp"]
    (rule_range,) = list(summary.conditional_formatting)
    assert rule_range.rules[0].formula == [f"$G{header_row(summary) + 1}>0"]  # the overdue count


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
    assert table(ws)[0][2] == "Với tư cách thành viên của"
    assert [r[2] for r in table(ws)[1:]] == ["Các sở, ban, ngành", None]


def test_column_widths_fit_the_text_with_caps_and_long_text_wraps(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(), path)
    ws = load_workbook(path)["Quá hạn"]
    agency = ws.column_dimensions["B"].width
    assert agency == pytest.approx(len("Sở Thông tin và Truyền thông") * 1.1 + 2, abs=0.1)
    assert ws.column_dimensions["J"].width == 12  # dd/mm/yyyy
    assert ws.cell(header_row(ws) + 1, column(ws, "Nội dung")).alignment.wrap_text
    long_text = "Rà soát " * 100
    report = fixture_report()
    report.groups[0].rows[0].duty.activity.text = long_text
    try:
        write_overdue_workbook(report, path)
    finally:
        report.groups[0].rows[0].duty.activity.text = "Rà soát quy chế"
    ws = load_workbook(path)["Quá hạn"]
    assert ws.column_dimensions["G"].width == 60  # capped
    assert ws.cell(header_row(ws) + 1, 7).value == long_text


def test_upcoming_sheet_with_within(tmp_path):
    path = tmp_path / "qua-han.xlsx"
    write_overdue_workbook(fixture_report(within=31), path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Quá hạn", "Sắp đến hạn", "Tổng hợp"]
    rows = table(wb["Sắp đến hạn"])
    assert rows[0][-2] == "Còn (ngày)"
    assert [(r[4], r[-2]) for r in rows[1:]] == [("a6", 31)]
    assert not list(wb["Sắp đến hạn"].conditional_formatting)  # not late: no red


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
    assert peak < 12_000_000, (
        f"peak {peak / 1e6:.1f} MB"
    )  # flat (~5 MB at any size); in memory, 10,000 rows take 26 MB
    ws = load_workbook(path, read_only=True)["Quá hạn"]
    assert (
        ws.max_row == 5 + 1 + 1 + 10_000
    )  # title block (issuer, title, date, source, sample), blank, header
    assert ws.max_column == 12  # with "carried by now", without "as a member of"


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
    assert rows[0] == [
        "Hạng",
        "Cơ quan",
        "Khối",
        "Lĩnh vực I",
        "Lĩnh vực II",
        "Tổng điểm",
        "Tối đa",
        "Tỷ lệ điểm (%)",
        "Xếp loại",
    ]
    assert [r[:3] + r[5:] for r in rows[1:]] == [
        [1, "Sở Nội vụ", "Sở, ban, ngành", 91.5, 100, 91.5, "Xuất sắc"],
        [2, "Sở Tư pháp", "Sở, ban, ngành", 72, 100, 72, "Khá"],
        [1, "UBND huyện An", "Khối huyện", 45, 100, 45, "Yếu"],  # ranked as a block: the block's title
    ]
    first = header_row(ranking) + 1
    assert ranking.cell(first, 1).number_format == '0" / 2"'  # rank 1 of 2, still a number
    assert ranking.cell(first, 6).number_format == "0.00"
    charts = wb["Biểu đồ"]._charts
    assert len(charts) == 2  # one ranking chart per group; no area chart without a single agency


def test_scorecard_cells_keep_numbers_with_unit_and_target_formats(tmp_path):
    path = tmp_path / "diem.xlsx"
    write_score_workbook(score_result(), path)
    ws = load_workbook(path)["Phiếu điểm"]
    rows = table(ws)
    assert rows[0] == [
        "Cơ quan",
        "Lĩnh vực",
        "Mã tiêu chí",
        "Tiêu chí",
        "Thực tế",
        "Chỉ tiêu",
        "Điểm",
        "Tối đa",
        "Đánh giá",
    ]
    first = header_row(ws) + 1
    actual, target = ws.cell(first, 5), ws.cell(first, 6)
    assert (actual.value, actual.number_format) == (pytest.approx(0.955), "0.0%")
    assert (target.value, target.number_format) == (pytest.approx(0.95), '"≥ "0.0%')
    minutes, limit = ws.cell(first + 1, 5), ws.cell(first + 1, 6)
    assert (minutes.value, minutes.number_format) == (17.5, '#,##0.0" phút"')
    assert (limit.value, limit.number_format) == (15, '"≤ "#,##0.0" phút"')
    window = ws.cell(first + 3, 6)
    assert (window.value, window.number_format) == (5, '#,##0.0" phút – 15"')  # range 5–15 minutes
    assert [r[4] for r in rows[1:]][2:] == [None, "0/0"]  # no data; met over nothing to measure
    assert [r[8] for r in rows[1:]] == ["Đạt", "Không đạt", "Không có số liệu", "Đạt"]
    assert rows[1][3] == get_indicator("on_time_dossiers").title("vi")


def test_band_colours(tmp_path):
    path = tmp_path / "diem.xlsx"
    write_score_workbook(score_result(), path)
    ws = load_workbook(path)["Xếp hạng"]
    band = column(ws, "Xếp loại")
    fills = {
        ws.cell(r, band).value: ws.cell(r, band).fill.fgColor.rgb
        for r in range(header_row(ws) + 1, ws.max_row + 1)
    }
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
    assert len(ws._charts) == 2


def test_meeting_workbook_sheets_and_summary(tmp_path):
    path = tmp_path / "hop.xlsx"
    write_meeting(path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Tổng hợp", "Quá hạn", "Phiếu điểm", "Xếp hạng", "Biểu đồ", "Kế hoạch"]
    summary = table(wb["Tổng hợp"])
    assert summary[0] == [
        "STT",
        "Cơ quan",
        "Cơ quan thực hiện hiện nay",
        "Phải hoàn thành",
        "Đúng hạn",
        "Trễ hạn",
        "Quá hạn",
        "Tỷ lệ đúng hạn",
        "Điểm",
        "Xếp loại",
        "Hạng",
    ]
    assert [r[1:2] + r[3:7] + r[8:] for r in summary[1:]] == [
        ["Các sở, ban, ngành", 1, 0, 0, 1, None, None, None],
        ["Sở Nội vụ", 2, 1, 0, 1, 91.5, "Xuất sắc", 1],
        ["Sở Thông tin và Truyền thông", 2, 0, 1, 1, None, None, None],
        ["Sở Tư pháp", None, None, None, None, 72, "Khá", 2],
        ["UBND huyện An", None, None, None, None, 45, "Yếu", 1],
    ]
    ws = wb["Tổng hợp"]
    (rule_range,) = list(ws.conditional_formatting)
    assert rule_range.rules[0].formula == [f"$G{header_row(ws) + 1}>0"]
    assert ws.cell(header_row(ws) + 2, 10).fill.fgColor.rgb == "0063BE7B"
    assert [ws.cell(r, 1).value for r in range(1, 3)] == [
        "ỦY BAN NHÂN DÂN TỈNH MẪU",
        "KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH NĂM 2024",
    ]
    assert len(table(wb["Phiếu điểm"])) == 1 + 4  # every agency's criteria
    for sheet in wb:
        assert sheet.page_setup.orientation == "landscape" and sheet.oddFooter.center.text == "Trang &P/&N"


def test_meeting_plan_sheet_shows_each_activity_status(tmp_path):
    path = tmp_path / "hop.xlsx"
    write_meeting(path)
    ws = load_workbook(path)["Kế hoạch"]
    rows = table(ws)
    assert rows[0][10:] == ["Phải hoàn thành", "Đúng hạn", "Trễ hạn", "Quá hạn", "Tình trạng"]
    by_id = {r[4]: r[10:] for r in rows[1:]}
    assert by_id == {
        "a1": [2, 1, 0, 1, "Quá hạn"],
        "a2": [1, 0, 0, 1, "Quá hạn"],
        "a3": [1, 0, 1, 0, "Hoàn thành trễ hạn"],
        "a4": [None, None, None, None, "Thường xuyên"],
        "a5": [None, None, None, None, "Chờ sự kiện"],
        "a6": [0, 0, 0, 0, "Chưa đến hạn"],
        "a7": [1, 0, 0, 1, "Quá hạn"],
    }
    assert rows[1][5] == "Báo cáo CCHC quý I" and rows[1][9] == "Quý I hàng năm"
    (rule_range,) = list(ws.conditional_formatting)
    assert rule_range.rules[0].formula == [f"$N{header_row(ws) + 1}>0"]


def test_meeting_with_selected_agency(tmp_path):
    path = tmp_path / "hop.xlsx"
    write_meeting(path, agency="Sở Nội vụ")
    wb = load_workbook(path)
    overdue = table(wb["Quá hạn"])
    assert {r[1] for r in overdue[1:]} == {"Sở Nội vụ"}
    assert [(r[5], r[2]) for r in overdue[1:]] == [("a2", "Các sở, ban, ngành"), ("a1", None)]
    assert {r[0] for r in table(wb["Phiếu điểm"])[1:]} == {"Sở Nội vụ"}
    assert len(table(wb["Tổng hợp"])) == 1 + 5  # the summary stays province-wide
    charts = wb["Biểu đồ"]
    assert charts["A3"].value == "Biểu đồ — điểm theo lĩnh vực của Sở Nội vụ"
    assert [r[0] for r in table(charts)] == ["Lĩnh vực", "I", "II"]


def test_meeting_charts_reference_the_tables(tmp_path):
    path = tmp_path / "hop.xlsx"
    write_meeting(path, agency="Sở Nội vụ")
    with zipfile.ZipFile(path) as package:
        charts = sorted(n for n in package.namelist() if n.startswith("xl/charts/chart"))
        xml = [package.read(n).decode() for n in charts]
    assert len(xml) == 3
    area, departments, districts = xml
    h = 9  # issuer, title, caption, date, source, sample line, blank -> header on row 8, data from 9
    assert '<barDir val="col" />' in area and '<grouping val="clustered" />' in area
    assert (
        area.count("<ser>") == 2 and f"'Biểu đồ'!C{h - 1}<" in area and f"'Biểu đồ'!D{h - 1}<" in area
    )  # series names
    assert f"'Biểu đồ'!$A${h}:$A${h + 1}" in area and f"'Biểu đồ'!$D${h}:$D${h + 1}" in area
    assert '<barDir val="bar" />' in departments and f"'Xếp hạng'!$F${h}:$F${h + 1}" in departments
    assert f"'Xếp hạng'!$B${h}:$B${h + 1}" in departments and "Sở, ban, ngành" in departments
    assert f"'Xếp hạng'!$F${h + 2}<" in districts and "Khối huyện" in districts


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
    text_column = next(c.column for c in ws[header_row(ws)] if c.value == "Nội dung")
    width = ws.column_dimensions[ws.cell(first, text_column).column_letter].width
    for row in range(first, ws.max_row + 1):
        text = ws.cell(row, text_column).value or ""
        lines = -(-len(text) * 1.1 // (width - 1))
        height = ws.row_dimensions[row].height
        if lines > 1:
            assert height is not None and height >= lines * 12, (row, text, height)
