"""`cchc overdue --xlsx` and `cchc export` end to end, through the real CLI wrapper.

Known numbers: the overdue fixture (tests/data/overdue, as of 30/06/2024; tests/test_overdue.py) and
tests/data/export/figures-2024.yaml scored with qd766 (hand computation in that file): Sở Nội vụ
31.00 Yếu rank 2/2, Sở Tư pháp 100.00 Xuất sắc 1/2, UBND huyện An 20.00 Yếu 1/1.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from openpyxl import Workbook, load_workbook

from cchc.app.export import default_as_of
from tests.conftest import DATA, ROOT, header_row, run_cli, table

FIXTURE = DATA / "overdue"
FIGURES = DATA / "export" / "figures-2024.yaml"


def export_fixture(out, *args: str):
    return run_cli(
        "export",
        "2024",
        "-o",
        str(out),
        "--province",
        "Tỉnh Mẫu",
        "--figures",
        str(FIGURES),
        "--as-of",
        "2024-06-30",
        *args,
        cwd=FIXTURE,
    )



# -- cchc overdue --xlsx -------------------------------------------------------------------------


def test_overdue_xlsx_writes_the_list_and_summary(tmp_path):
    out = tmp_path / "qua-han.xlsx"
    result = run_cli("overdue", "--as-of", "2024-06-30", "--xlsx", str(out), cwd=FIXTURE)
    assert result.exit_code == 0, result.output
    assert f"Đã ghi {out}" in result.stderr
    wb = load_workbook(out)
    assert wb.sheetnames == ["Quá hạn", "Tổng hợp"]
    assert [(r[2], r[7]) for r in table(wb["Quá hạn"])[1:]] == [(2, 366), (1, 91), (7, 91)]


def test_overdue_xlsx_replaces_its_own_output_but_not_someone_elses(tmp_path):
    out = tmp_path / "qua-han.xlsx"
    assert run_cli("overdue", "--as-of", "2024-06-30", "--xlsx", str(out), cwd=FIXTURE).exit_code == 0
    assert run_cli("overdue", "--as-of", "2024-08-01", "--xlsx", str(out), cwd=FIXTURE).exit_code == 0
    theirs = tmp_path / "cua-phong.xlsx"
    Workbook().save(theirs)
    before = theirs.read_bytes()
    refused = run_cli("overdue", "--as-of", "2024-06-30", "--xlsx", str(theirs), cwd=FIXTURE)
    assert refused.exit_code == 2
    assert "--force" in refused.stderr and "Traceback" not in refused.output
    assert theirs.read_bytes() == before
    assert (
        run_cli("overdue", "--as-of", "2024-06-30", "--xlsx", str(theirs), "--force", cwd=FIXTURE).exit_code
        == 0
    )
    assert load_workbook(theirs).properties.creator == "cchc"


def test_overdue_xlsx_over_several_provinces_has_a_province_column(tmp_path):
    out = tmp_path / "ca-nuoc.xlsx"
    result = run_cli("overdue", "--as-of", "2024-12-31", "--xlsx", str(out), cwd=ROOT)
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    for name in ("Quá hạn", "Tổng hợp"):
        rows = table(wb[name])
        assert rows[0][2] == "Tỉnh"
        assert {r[2] for r in rows[1:] if r[0] is not None} == {"Hải Dương", "Hưng Yên", "Hà Tĩnh"}
    assert wb["Quá hạn"]["A1"].value == "DANH SÁCH NHIỆM VỤ QUÁ HẠN"  # plans of different issuers: none named


def test_formula_like_plan_text_stays_text_end_to_end(tmp_path):
    from tests.test_excel import FORMULA_PLAN

    plans = tmp_path / "plans" / "mau"
    plans.mkdir(parents=True)
    (plans / "agencies.yaml").write_bytes((FIXTURE / "plans" / "mau" / "agencies.yaml").read_bytes())
    (plans / "plan.yaml").write_text(FORMULA_PLAN, encoding="utf-8")
    result = run_cli("overdue", "--as-of", "2024-06-30", "--xlsx", "out.xlsx", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    ws = load_workbook(tmp_path / "out.xlsx")["Quá hạn"]
    values = {
        c.value: c.data_type
        for row in ws.iter_rows(min_row=header_row(ws) + 1)
        for c in row
        if isinstance(c.value, str)
    }
    for text in ("=1+1", "-SUM(A1:A9)", "+84 báo cáo", "@ban chỉ đạo"):
        assert values[text] == "s"


# -- cchc export -----------------------------------------------------------------------------------


def test_export_meeting_workbook_with_known_numbers(tmp_path):
    out = tmp_path / "hop.xlsx"
    result = export_fixture(out)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Đã ghi {out}"
    wb = load_workbook(out)
    assert wb.sheetnames == ["Tổng hợp", "Quá hạn", "Phiếu điểm", "Xếp hạng", "Biểu đồ", "Kế hoạch"]
    summary = {r[1]: r[4:] for r in table(wb["Tổng hợp"])[1:]}
    assert summary == {  # due in 2024, on time, late, not done, rate, overdue any year, points, band, rank
        "Sở Tư pháp": [None, None, None, None, None, 0, 100, "Xuất sắc", 1],
        "Sở Nội vụ": [1, 0, 0, 1, 0, 2, 31, "Yếu", 2],
        "UBND huyện An": [None, None, None, None, None, 0, 20, "Yếu", 1],
        "Sở Thông tin và Truyền thông": [1, 0, 0, 1, 0, 2, None, None, None],
        "Sở Khoa học và Công nghệ": [None, None, None, None, None, 1, None, None, None],
        "Văn phòng UBND tỉnh": [None, None, None, None, None, 1, None, None, None],
        "Tổng cộng": [2, 0, 0, 2, 0, 6, None, None, None],
    }
    ranking = table(wb["Xếp hạng"])
    assert [(r[0], r[1]) for r in ranking[1:]] == [(1, "Sở Tư pháp"), (2, "Sở Nội vụ"), (1, "UBND huyện An")]
    ws = wb["Tổng hợp"]
    block = [ws.cell(r, 1).value for r in range(1, header_row(ws))] + [ws.cell(r, 5).value for r in range(1, header_row(ws))]
    assert "KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH NĂM 2024" in block and "Tính đến ngày 30/06/2024" in block
    assert "SỞ NỘI VỤ" in block and "Tỉnh Mẫu, ngày 30 tháng 6 năm 2024" in block
    assert any(line and line.startswith("Nguồn số liệu: KH mẫu 2023-2024; báo cáo tiến độ") for line in block)
    assert "Số liệu minh họa — không phải số liệu chính thức" in block
    assert len(wb["Biểu đồ"]._charts) == 1  # the departments; a district alone gets no single-bar chart
    plan = {r[1]: r[-1] for r in table(wb["Kế hoạch"])[1:]}
    assert plan[1] == "Quá hạn" and plan[4] == "Thường xuyên"


def test_export_selected_agency(tmp_path):
    out = tmp_path / "hop.xlsx"
    result = export_fixture(out, "--agency", "so noi vu")
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    assert [(r[1], r[2]) for r in table(wb["Quá hạn"])[1:]] == [("Các sở, ban, ngành", 2), ("Sở Nội vụ", 1)]
    scorecard = table(wb["Phiếu điểm"])[1:]
    criteria = [r for r in scorecard if r[6] in ("Đạt", "Không đạt", "Không có số liệu") and "/" not in str(r[0])]  # not a composite's parts
    assert scorecard[0][0] == "Sở Nội vụ — Sở, ban, ngành" and len(criteria) == 17  # every qd766 metric
    assert sum(r[4] for r in criteria) == pytest.approx(31)
    assert [r[4] for r in scorecard if r[1] == "Tổng điểm"] == [31]
    charts = wb["Biểu đồ"]
    assert len(charts._charts) == 2  # points per area, then the departments' totals
    areas = table(charts)[1:]
    assert [a[:2] for a in areas][:2] == [
        ["cong-khai", "Công khai, minh bạch"],
        ["tien-do", "Tiến độ giải quyết"],
    ]
    assert len(areas) == 6 and sum(a[2] for a in areas) == pytest.approx(31) and sum(a[3] for a in areas) == 100


def test_export_selected_agency_without_figures_still_gets_its_scorecard(tmp_path):
    out = tmp_path / "hop.xlsx"
    result = export_fixture(out, "--agency", "Văn phòng UBND tỉnh")
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    marks = {r[6] for r in table(wb["Phiếu điểm"])[1:] if r[0] and "." not in r[0] and r[0] != r[0].lower()}
    assert "Không có số liệu" in {r[6] for r in table(wb["Phiếu điểm"])[1:]} and "Đạt" not in marks
    assert table(wb["Xếp hạng"])[-1][:2] == [None, "● Văn phòng UBND tỉnh"]  # listed and marked, not ranked
    assert len(wb["Biểu đồ"]._charts) == 2  # its areas and the departments; no bar for it


def test_export_on_bundled_data_matches_cchc_score(tmp_path):
    out = tmp_path / "hop-2024.xlsx"
    result = run_cli("export", "2024", "-o", str(out), cwd=ROOT)
    assert result.exit_code == 0, result.output
    scores = json.loads(run_cli("score", "2024", "--format", "json", cwd=ROOT).stdout)
    wb = load_workbook(out)
    header, *ranking = table(wb["Xếp hạng"])
    total, band = header.index("Tổng điểm"), header.index("Xếp loại")
    share = header.index("Tỷ lệ điểm (%)")  # maxima differ (Thanh tra tỉnh skips area III): max and share shown
    assert [(r[1], r[total], r[share], r[band]) for r in ranking] == [
        (a["agency"], a["total"], a["percent"], a["band"]) for a in scores["agencies"]
    ]
    ws = wb["Tổng hợp"]
    assert (ws["A1"].value, ws["A2"].value) == ("UBND TỈNH HẢI DƯƠNG", "SỞ NỘI VỤ")  # from the registry
    assert ws["A6"].value == "Tính đến ngày 31/12/2024"  # the default as-of for a past year
    assert len(table(wb["Kế hoạch"])) > 100


def test_export_in_english(tmp_path):
    out = tmp_path / "meeting.xlsx"
    result = run_cli(
        "--lang",
        "en",
        "export",
        "2024",
        "-o",
        str(out),
        "--province",
        "Tỉnh Mẫu",
        "--figures",
        str(FIGURES),
        cwd=FIXTURE,
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == f"Wrote {out}"
    assert load_workbook(out).sheetnames == ["Summary", "Overdue", "Scorecards", "Ranking", "Charts", "Plan"]


def test_export_refuses_someone_elses_file_and_keeps_it(tmp_path):
    out = tmp_path / "hop.xlsx"
    Workbook().save(out)
    before = out.read_bytes()
    refused = export_fixture(out)
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert out.read_bytes() == before
    assert export_fixture(out, "--force").exit_code == 0
    assert export_fixture(out).exit_code == 0  # our own output now


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["-o", "out.csv"], 2, ".xlsx"),
        (["--as-of", "2024-13-01"], 2, "--as-of"),
        (["--agency", "Sở Không Có"], None, "Sở Không Có"),
        (["--plans", "khong-co"], 2, "khong-co"),
        (["--figures", "khong-co.yaml"], None, "khong-co.yaml"),
    ],
    ids=["not-xlsx", "bad-date", "unknown-agency", "no-plans", "no-figures"],
)
def test_export_errors_are_one_clear_line(tmp_path, args, code, says):
    out = ["-o", str(tmp_path / "hop.xlsx")] if "-o" not in args else []
    result = run_cli(
        "export", "2024", *out, "--province", "Tỉnh Mẫu", "--figures", str(FIGURES), *args, cwd=FIXTURE
    )
    assert result.exit_code in ((1, 2) if code is None else (code,)), result.output
    assert says in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "hop.xlsx").exists()


def test_export_year_without_plans(tmp_path):
    result = run_cli(
        "export",
        "2022",
        "-o",
        str(tmp_path / "hop.xlsx"),
        "--province",
        "Tỉnh Mẫu",
        "--figures",
        str(FIGURES),
        cwd=FIXTURE,
    )
    assert result.exit_code == 1
    assert "không có kế hoạch nào của Tỉnh Mẫu cho năm 2022" in result.stderr


@pytest.mark.parametrize(
    ("year", "today", "expected"),
    [
        (2024, dt.date(2025, 3, 1), dt.date(2024, 12, 31)),
        (2026, dt.date(2026, 5, 1), dt.date(2026, 5, 1)),
        (2026, dt.date(2026, 12, 31), dt.date(2026, 12, 31)),
    ],
)
def test_default_as_of(year, today, expected):
    assert default_as_of(year, today) == expected
