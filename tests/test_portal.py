"""`cchc portal import` / `cchc portal trend`: dated snapshots of the national portal's QĐ 766 table.

Case files (tests/cases/portal/import/): ``rows-2026-08.json`` holds the real group totals of 19 Phú
Thọ units for month 8/2026 (source in the file and in ../README.md); ``rows-2026-09-illustrative.csv``
is a second date with made-up numbers (số liệu minh họa) under the portal's Vietnamese headers;
``plans/phu-tho/agencies.yaml`` names only 6 of the units, so the others must be kept as unmatched.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from cchc.core.portal import Snapshot, Unit, name_candidates, trend
from tests.conftest import ROOT, run_cli

CASES = ROOT / "tests" / "cases" / "portal" / "import"
AUGUST = CASES / "rows-2026-08.json"
SEPTEMBER = CASES / "rows-2026-09-illustrative.csv"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    shutil.copytree(CASES / "plans", tmp_path / "plans")
    return tmp_path


def _import(ws: Path, source: Path, date: str, *extra: str):  # noqa: ANN202
    return run_cli("portal", "import", str(source), "--province", "Phú Thọ", "--date", date, "--plans", str(ws / "plans"), *extra)


def _trend(ws: Path, *extra: str) -> dict:
    result = run_cli("portal", "trend", "--province", "phu-tho", "--plans", str(ws / "plans"), "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_import_keeps_every_unit_and_reports_the_unmatched(workspace: Path) -> None:
    result = _import(workspace, AUGUST, "2026-08-31")
    assert result.exit_code == 0, result.stderr
    snapshot = workspace / "reports" / "portal" / "phu-tho" / "2026-08-31.yaml"
    text = snapshot.read_text(encoding="utf-8")
    assert text.count("  - {name:") == 19  # every row, matched or not
    assert '{name: "Sở Công Thương - Tỉnh Phú Thọ", agency: "so-cong-thuong"' in text  # suffix understood
    assert '{name: "UBND Phường Việt Trì", agency: "phuong-viet-tri"' in text  # case-insensitive
    assert '{name: "UBND Phường Nông Trang", agency: null' in text
    assert "19 đơn vị: 6 khớp danh mục, 13 chưa khớp" in result.stdout
    assert result.stderr.count("G803") == 13
    assert f"{AUGUST}[7]: G803" in result.stderr  # the JSON row is named
    assert run_cli("validate", str(workspace / "reports")).exit_code == 0


def test_reimporting_the_same_date_changes_nothing(workspace: Path) -> None:
    assert _import(workspace, AUGUST, "2026-08-31").exit_code == 0
    snapshot = workspace / "reports" / "portal" / "phu-tho" / "2026-08-31.yaml"
    before = (snapshot.read_bytes(), snapshot.stat().st_mtime_ns)
    again = _import(workspace, AUGUST, "31/08/2026")
    assert again.exit_code == 0
    assert "không ghi lại" in again.stdout
    assert (snapshot.read_bytes(), snapshot.stat().st_mtime_ns) == before


def test_other_figures_for_a_stored_date_need_force(workspace: Path) -> None:
    assert _import(workspace, AUGUST, "2026-08-31").exit_code == 0
    refused = _import(workspace, SEPTEMBER, "2026-08-31")
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    replaced = _import(workspace, SEPTEMBER, "2026-08-31", "--force")
    assert replaced.exit_code == 0
    assert "Đã thay" in replaced.stdout


def test_two_snapshots_give_per_unit_deltas(workspace: Path) -> None:
    assert _import(workspace, AUGUST, "2026-08-31").exit_code == 0
    assert _import(workspace, SEPTEMBER, "2026-09-30").exit_code == 0
    data = _trend(workspace)
    assert data["province"] == "Phú Thọ"
    assert data["dates"] == ["2026-08-31", "2026-09-30"]
    units = {u["name"]: u for u in data["units"]}
    trade = units["Sở Công Thương - Tỉnh Phú Thọ"]
    assert trade["agency"] == "Sở Công Thương"
    assert trade["first"] == {"date": "2026-08-31", "total": 63.25, "rank": 1}
    assert trade["last"] == {"date": "2026-09-30", "total": 61.0, "rank": 1}
    assert trade["delta"] == -2.25
    education = units["Sở Giáo dục và Đào tạo - Tỉnh Phú Thọ"]
    assert education["delta"] == 3.66
    assert {g["key"]: g["delta"] for g in education["groups"]}["TTTT"] == 2.0  # 0 → 2
    assert units["Văn phòng UBND Tỉnh - Tỉnh Phú Thọ"]["delta"] == 12.04  # 15.96 → 28
    # an unmatched unit is followed by its name across dates, but has no kind and so no rank
    nong_trang = units["UBND Phường Nông Trang"]
    assert (nong_trang["agency"], nong_trang["delta"], nong_trang["last"]["rank"]) == (None, -0.75, None)
    # a unit in one snapshot only has no change, not a change of 0
    lam_thao = units["UBND xã Lâm Thao - Tỉnh Phú Thọ"]
    assert (lam_thao["snapshots"], lam_thao["delta"], lam_thao["rank_change"]) == (1, None, None)
    assert data["province_total"] == [{"date": "2026-08-31", "total": 59.91}, {"date": "2026-09-30", "total": 62.5}]
    assert "UBND Phường Nông Trang" in data["unmatched"]


def test_trend_ranks_change_within_a_kind(workspace: Path) -> None:
    assert _import(workspace, AUGUST, "2026-08-31").exit_code == 0
    assert _import(workspace, SEPTEMBER, "2026-09-30").exit_code == 0
    units = {u["agency_id"]: u for u in _trend(workspace)["units"] if u["agency_id"]}
    # communes: Việt Trì 62.88 > Lâm Thao 57.03 in August; only Việt Trì in September
    assert (units["phuong-viet-tri"]["first"]["rank"], units["phuong-viet-tri"]["last"]["rank"]) == (1, 1)
    assert units["xa-lam-thao"]["first"]["rank"] == 2


def test_trend_date_range_and_outputs(workspace: Path) -> None:
    assert _import(workspace, AUGUST, "2026-08-31").exit_code == 0
    assert _import(workspace, SEPTEMBER, "2026-09-30").exit_code == 0
    only_august = _trend(workspace, "--to", "2026-09-01")
    assert only_august["dates"] == ["2026-08-31"]
    assert all(u["delta"] is None for u in only_august["units"])
    book = workspace / "trend.xlsx"
    result = run_cli("portal", "trend", "--province", "phu-tho", "--plans", str(workspace / "plans"), "--format", "csv", "--xlsx", str(book))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("name,agency,agency_id,first_date,first_total,last_date,last_total,delta")
    from openpyxl import load_workbook

    workbook = load_workbook(book)
    charts = workbook.worksheets[1]._charts
    assert [type(c).__name__ for c in charts] == ["LineChart", "LineChart"]  # the province total, the movers
    table = run_cli("portal", "trend", "--province", "phu-tho", "--plans", str(workspace / "plans"))
    assert table.exit_code == 0 and "-2,25" in table.stdout


def test_no_snapshots_yet_is_one_line(workspace: Path) -> None:
    result = run_cli("portal", "trend", "--province", "phu-tho", "--plans", str(workspace / "plans"))
    assert result.exit_code == 1
    assert "cchc portal import" in result.stderr


@pytest.mark.parametrize(
    ("name", "content", "code", "exit_code"),
    [
        ("bad-score.json", '[{"TEN": "Sở Công Thương", "CKMB": "abc", "TONG_SCORE": 50}]', "G802", 1),
        ("over-100.json", '[{"TEN": "Sở Công Thương", "TONG_SCORE": "120"}]', "G802", 1),
        ("no-name.csv", "STT,Điểm số\n1,50\n", "G801", 1),
        ("broken.json", '[{"TEN": ', "G801", 2),
        ("twice.json", '[{"TEN": "Sở Công Thương", "TONG_SCORE": 50}, {"TEN": "Sở Công Thương - Tỉnh Phú Thọ", "TONG_SCORE": 51}]', "G804", 1),
    ],
)
def test_bad_tables_are_refused_with_a_code(workspace: Path, name: str, content: str, code: str, exit_code: int) -> None:
    source = workspace / name
    source.write_text(content, encoding="utf-8")
    result = _import(workspace, source, "2026-08-31")
    assert result.exit_code == exit_code
    assert code in result.stderr
    assert "Traceback" not in result.stderr
    assert not (workspace / "reports").exists()  # nothing written


def test_xlsx_download_with_vietnamese_headers(workspace: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["BẢNG ĐIỂM BỘ CHỈ SỐ 766 — SỐ LIỆU MINH HỌA"])
    sheet.append(["STT", "Tên đơn vị", "Công khai, minh bạch", "Tiến độ giải quyết", "Tổng điểm"])
    sheet.append([1, "Sở Công Thương - Tỉnh Phú Thọ", 8, 13.5, 70.25])
    path = workspace / "bang-diem.xlsx"
    book.save(path)
    assert _import(workspace, path, "2026-10-31").exit_code == 0
    text = (workspace / "reports" / "portal" / "phu-tho" / "2026-10-31.yaml").read_text(encoding="utf-8")
    assert 'agency: "so-cong-thuong", CKMB: 8, TDGQ: 13.5, CLGQ: null' in text
    assert "total: 70.25" in text


def test_name_candidates_drop_the_province_suffix() -> None:
    assert name_candidates("Sở Tư pháp - Tỉnh Đắk Lắk") == ["Sở Tư pháp - Tỉnh Đắk Lắk", "Sở Tư pháp"]
    assert name_candidates("UBND Phường Hồng Bàng - Thành phố Hải Phòng") == ["UBND Phường Hồng Bàng - Thành phố Hải Phòng", "UBND Phường Hồng Bàng"]
    assert name_candidates("Sở Tư pháp") == ["Sở Tư pháp"]


def test_movers_are_the_largest_changes_either_way() -> None:
    def snap(day: int, totals: dict[str, str]) -> Snapshot:
        units = [Unit(name, {}, Decimal(total), agency_id=name, kind="department") for name, total in totals.items()]
        return Snapshot("X", dt.date(2026, 1, day), units)

    result = trend([snap(1, {"a": "50", "b": "60", "c": "70"}), snap(2, {"a": "55", "b": "48", "c": "70"})])
    assert [m.name for m in result.movers()] == ["b", "a"]  # -12, +5; c did not move
    assert {m.name: m.rank_change for m in result.movements} == {"a": 1, "b": -1, "c": 0}
