"""Forms out, filled forms back in: `cchc indicators`, `cchc form progress|figures`, `cchc collect`.

Every test works on copies of the bundled plans/ and reports/ in tmp_path and fills the forms with
openpyxl as a person would in Excel: typing into the yellow cells and saving.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from cchc.core.periods import BadPeriod, window
from cchc.indicators import INDICATORS
from cchc.indicators.base import Quantity
from tests.conftest import ROOT, run_cli

SHEET = "Biểu mẫu"
NOI_VU = "Sở Nội vụ"


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "plans", tmp_path / "plans")
    shutil.copytree(ROOT / "reports", tmp_path / "reports")
    return tmp_path


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def columns(sheet) -> tuple[int, dict[str, int]]:
    """The header row and each header's column number."""
    for row in sheet.iter_rows(min_row=1, max_row=30):
        if row[0].value == "STT":
            return row[0].row, {c.value: c.column for c in row if c.value}
    raise AssertionError("no header row")


def data_rows(sheet) -> list[int]:
    header, cols = columns(sheet)
    return [r for r in range(header + 1, sheet.max_row + 1) if sheet.cell(r, cols["STT"]).value is not None]


def set_saved(path: Path, when: str) -> None:
    """Pretend the file was saved at ``when`` (what Excel records in docProps/core.xml)."""
    with zipfile.ZipFile(path) as package:
        items = [(info, package.read(info)) for info in package.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for info, data in items:
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", lambda m: m.group(1) + when.encode(), data)
            package.writestr(info, data)


def progress_form(ws: Path, name: str = "tien-do.xlsx", period: str = "2024-Q4") -> Path:
    path = ws / name
    result = run_cli("form", "progress", "--period", period, "--agency", NOI_VU, "--province", "Hải Dương", "--plans", str(ws / "plans"), "-o", str(path))
    assert result.exit_code == 0, result.output
    return path


def fill_done(form: Path, out: Path, day: dt.date = dt.date(2024, 12, 10)) -> None:
    book = openpyxl.load_workbook(form)
    sheet = book[SHEET]
    _, cols = columns(sheet)
    for r in data_rows(sheet):
        sheet.cell(r, cols["Tình trạng"]).value = "Đã hoàn thành"
        sheet.cell(r, cols["Ngày hoàn thành"]).value = day
        sheet.cell(r, cols["Sản phẩm/văn bản"]).value = "Báo cáo số 15/BC-SNV"
    book.save(out)


def overdue_count(ws: Path) -> int:
    result = run_cli("overdue", "--as-of", "2024-12-31", "--agency", NOI_VU, "--province", "Hải Dương", "--plans", str(ws / "plans"), "--format", "json")
    assert result.exit_code == 0, result.output
    return sum(group["overdue"] for group in json.loads(result.stdout)["summary"])


# -- indicators ---------------------------------------------------------------------------------


def test_every_indicator_says_what_its_numerator_and_denominator_count():
    for indicator in INDICATORS.values():
        numerator, denominator, value = indicator.parts
        given = [value] if isinstance(indicator, Quantity) else [numerator, denominator]
        for part in given:
            assert part is not None and part.meaning_vi and part.meaning_en, f"{indicator.id}: {part}"


def test_indicators_json_lists_every_indicator_with_numerator_and_denominator():
    result = run_cli("indicators", "--format", "json")
    assert result.exit_code == 0, result.output
    listed = {row["id"]: row for row in json.loads(result.stdout)}
    assert set(listed) == set(INDICATORS)
    on_time = listed["on_time_dossiers"]
    assert {"id", "title", "area", "unit", "direction", "default_target", "numerator", "denominator"} <= set(on_time)
    assert on_time["numerator"].startswith("Số hồ sơ TTHC đã trả kết quả đúng hạn")
    assert on_time["denominator"].startswith("Tổng số hồ sơ TTHC đã giải quyết")
    assert listed["waiting_time"]["numerator"] is None and "phút" in listed["waiting_time"]["value"]


def test_indicators_in_english():
    result = run_cli("--lang", "en", "indicators", "--format", "csv")
    assert result.exit_code == 0
    assert "Dossiers whose result was delivered on or before the due date" in result.stdout


# -- reporting windows ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "key, calendar, start, end",
    [
        ("2024-Q1", False, "2023-12-15", "2024-03-14"),
        ("2024-Q2", False, "2024-03-15", "2024-06-14"),
        ("2024-H1", False, "2023-12-15", "2024-06-14"),
        ("2024-Q3", False, "2024-06-15", "2024-09-14"),
        ("2024-Q4", False, "2024-09-15", "2024-12-14"),
        ("2024", False, "2023-12-15", "2024-12-14"),
        ("2024-Y", False, "2023-12-15", "2024-12-14"),
        ("2024-05", False, "2024-04-15", "2024-05-14"),
        ("2024-01", False, "2023-12-15", "2024-01-14"),
        ("2024-Q4", True, "2024-10-01", "2024-12-31"),
        ("2024-02", True, "2024-02-01", "2024-02-29"),
        ("2024", True, "2024-01-01", "2024-12-31"),
    ],
)
def test_reporting_windows_cut_off_on_the_14th(key, calendar, start, end):
    span = window(key, calendar)
    assert (span.start.isoformat(), span.end.isoformat()) == (start, end)


@pytest.mark.parametrize("key", ["2024-Q5", "2024-13", "Q4/2024", ""])
def test_bad_period_keys(key):
    with pytest.raises(BadPeriod):
        window(key)


# -- the progress form ---------------------------------------------------------------------------


def test_progress_form_has_the_columns_a_drop_down_locked_cells_and_names_what_it_is(ws):
    book = openpyxl.load_workbook(progress_form(ws))
    sheet = book[SHEET]
    header, cols = columns(sheet)
    assert {"Mã", "Nội dung", "Hạn", "Tình trạng", "Ngày hoàn thành", "Sản phẩm/văn bản", "Ghi chú"} <= set(cols)
    (row,) = data_rows(sheet)
    assert sheet.cell(row, cols["Mã"]).value == "II.a2.4"  # led by "Các cơ quan, đơn vị, địa phương", of which Sở Nội vụ is a member
    assert sheet.cell(row, cols["Hạn"]).value.date() == dt.date(2024, 9, 15)
    assert sheet.protection.sheet
    assert sheet.cell(row, cols["Mã"]).protection.locked and sheet.cell(row, cols["Nội dung"]).protection.locked
    assert not sheet.cell(row, cols["Tình trạng"]).protection.locked
    kinds = {v.type: v for v in sheet.data_validations.dataValidation}
    assert kinds["list"].formula1 == '"Đã hoàn thành,Đang thực hiện,Chưa thực hiện"'
    assert "date" in kinds
    meta = book["cchc"]
    assert meta.sheet_state == "veryHidden"
    values = {r[0].value: r[1].value for r in meta.iter_rows()}
    assert (values["agency"], values["province"], values["period"]) == (NOI_VU, "Hải Dương", "2024-Q4")
    assert re.fullmatch(r"[0-9a-f]{12} kiem-soat-tthc-2024\.yaml", values["plan:hai-duong-kiem-soat-tthc-2024"])
    assert "Quý IV năm 2024 (15/09/2024 – 14/12/2024)" in " ".join(str(c.value) for c in sheet["A"][:header])


def test_filled_progress_form_lowers_the_overdue_count_and_collecting_twice_changes_nothing(ws):
    before = overdue_count(ws)
    filled = ws / "tra-ve.xlsx"
    fill_done(progress_form(ws), filled)
    result = run_cli("collect", str(filled), "--plans", str(ws / "plans"))
    assert result.exit_code == 0, result.output
    assert "+ hai-duong-kiem-soat-tthc-2024/II.a2.4 (2024-09-15): hoàn thành 10/12/2024" in result.stdout
    assert overdue_count(ws) == before - 1
    collected = ws / "reports" / "progress" / "hai-duong" / "collected-so-noi-vu-2024-Q4.yaml"
    assert "completed: 2024-12-10" in collected.read_text(encoding="utf-8")
    assert run_cli("validate", str(ws / "plans"), str(ws / "reports")).exit_code == 0
    files = snapshot(ws / "reports")
    again = run_cli("collect", str(filled), "--plans", str(ws / "plans"))
    assert again.exit_code == 0 and "không thay đổi" in again.stdout
    assert snapshot(ws / "reports") == files


def test_a_form_whose_code_was_altered_is_refused_and_nothing_is_written(ws):
    filled = ws / "sua-ma.xlsx"
    fill_done(progress_form(ws), filled)
    book = openpyxl.load_workbook(filled)
    sheet = book[SHEET]
    _, cols = columns(sheet)
    (row,) = data_rows(sheet)
    sheet.cell(row, cols["Mã"]).value = "II.a2.5"
    book.save(filled)
    files = snapshot(ws / "reports")
    result = run_cli("collect", str(filled), "--plans", str(ws / "plans"))
    assert result.exit_code == 1
    cell = f"{openpyxl.utils.get_column_letter(cols['Mã'])}{row}"
    assert f"sua-ma.xlsx!{cell}: B803" in result.stderr and "'II.a2.4'" in result.stderr
    assert snapshot(ws / "reports") == files


def test_every_error_of_every_form_is_listed_and_no_form_is_collected(ws):
    good = ws / "dung.xlsx"
    fill_done(progress_form(ws), good)
    bad = ws / "sai.xlsx"
    fill_done(progress_form(ws, "tien-do-2.xlsx"), bad, day=dt.date(2019, 5, 1))
    figures = ws / "so-lieu.xlsx"
    assert run_cli("form", "figures", "2024", "--agency", NOI_VU, "--plans", str(ws / "plans"), "-o", str(figures)).exit_code == 0
    book = openpyxl.load_workbook(figures)
    sheet = book[SHEET]
    _, cols = columns(sheet)
    first, second = data_rows(sheet)[:2]
    sheet.cell(first, cols["Tử số"]).value = 12
    sheet.cell(first, cols["Mẫu số"]).value = 10
    sheet.cell(second, cols["Tử số"]).value = "9,5"
    sheet.cell(second, cols["Mẫu số"]).value = 10
    book.save(figures)
    files = snapshot(ws / "reports")
    result = run_cli("collect", str(good), str(bad), str(figures), "--plans", str(ws / "plans"))
    assert result.exit_code == 1
    assert "B807" in result.stderr  # two forms for the same agency and period
    assert re.search(r"sai\.xlsx!H\d+: B806", result.stderr)  # completed before the plan started
    assert re.search(rf"so-lieu\.xlsx!F{first}: F507", result.stderr)  # numerator above denominator
    assert re.search(rf"so-lieu\.xlsx!F{second}: F506", result.stderr)  # 9,5 dossiers
    assert snapshot(ws / "reports") == files


def test_an_older_form_does_not_replace_a_newer_report_without_replace(ws):
    form = progress_form(ws)
    newer, older = ws / "moi.xlsx", ws / "cu.xlsx"
    fill_done(form, newer, day=dt.date(2024, 12, 10))
    fill_done(form, older, day=dt.date(2024, 12, 1))
    set_saved(newer, "2024-12-20T09:00:00Z")
    set_saved(older, "2024-12-18T09:00:00Z")
    assert run_cli("collect", str(newer), "--plans", str(ws / "plans")).exit_code == 0
    files = snapshot(ws / "reports")
    refused = run_cli("collect", str(older), "--plans", str(ws / "plans"))
    assert refused.exit_code == 1
    assert "B808" in refused.stderr and "hoàn thành 10/12/2024 → hoàn thành 01/12/2024" in refused.stderr
    assert snapshot(ws / "reports") == files
    taken = run_cli("collect", str(older), "--replace", "--plans", str(ws / "plans"))
    assert taken.exit_code == 0, taken.output
    assert "completed: 2024-12-01" in (ws / "reports" / "progress" / "hai-duong" / "collected-so-noi-vu-2024-Q4.yaml").read_text(encoding="utf-8")


def test_form_all_writes_one_form_per_agency(ws):
    folder = ws / "bieu-mau"
    result = run_cli("form", "figures", "2024", "--all", "--province", "Hải Dương", "--plans", str(ws / "plans"), "-o", str(folder))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in folder.iterdir())
    assert "so-lieu-so-noi-vu-2024.xlsx" in names and "so-lieu-ubnd-huyen-gia-loc-2024.xlsx" in names
    again = run_cli("form", "figures", "2024", "--all", "--province", "Hải Dương", "--plans", str(ws / "plans"), "-o", str(folder))
    assert again.exit_code == 2 and "--force" in again.stderr


def test_a_workbook_that_is_not_a_form_is_refused(ws):
    other = ws / "khac.xlsx"
    openpyxl.Workbook().save(other)
    result = run_cli("collect", str(other), "--plans", str(ws / "plans"))
    assert result.exit_code == 1 and "khac.xlsx: B801" in result.stderr


# -- the figures form -----------------------------------------------------------------------------


def test_a_figures_form_with_9_of_10_on_every_row_is_what_score_uses(ws):
    form = ws / "so-lieu.xlsx"
    result = run_cli("form", "figures", "2024", "--agency", NOI_VU, "--plans", str(ws / "plans"), "-o", str(form))
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(form)
    sheet = book[SHEET]
    _, cols = columns(sheet)
    assert {"Mã chỉ tiêu", "Chỉ tiêu", "Tử số", "Mẫu số", "Giá trị", "Nguồn", "Ghi chú"} <= set(cols)
    asked = {}
    for r in data_rows(sheet):
        ident = sheet.cell(r, cols["Mã chỉ tiêu"]).value
        asked[ident] = r
        if sheet.cell(r, cols["Tử số"]).protection.locked:  # a quantity: minutes of waiting
            sheet.cell(r, cols["Giá trị"]).value = "9,5"
        else:
            assert sheet.cell(r, cols["Ý nghĩa tử số"]).value == INDICATORS[ident].parts[0].meaning_vi
            sheet.cell(r, cols["Tử số"]).value = 9
            sheet.cell(r, cols["Mẫu số"]).value = 10
    assert "plan_completion_on_time" not in asked  # computed from progress reports
    book.save(form)
    refused = run_cli("collect", str(form), "--plans", str(ws / "plans"))
    assert refused.exit_code == 1 and "B808" in refused.stderr and "figures.yaml:41 đã ghi 3/6, biểu mẫu ghi 9/10" in refused.stderr
    taken = run_cli("collect", str(form), "--replace", "--plans", str(ws / "plans"))
    assert taken.exit_code == 0, taken.output
    assert run_cli("validate", str(ws / "plans"), str(ws / "reports")).exit_code == 0
    scored = run_cli("score", "2024", "--agency", NOI_VU, "--plans", str(ws / "plans"), "--format", "json")
    assert scored.exit_code == 0, scored.output
    criteria = {c["indicator"]: c for c in json.loads(scored.stdout)["agencies"][0]["criteria"]}
    for ident in asked:
        expected = 9.5 if isinstance(INDICATORS[ident], Quantity) else 90.0
        assert criteria[ident]["value"] == expected, ident
    assert "# - {agency: Sở Nội vụ, indicator: agencies_inspected, numerator: 3, denominator: 6}" in (ws / "reports" / "2024" / "hai-duong" / "figures.yaml").read_text(encoding="utf-8")
