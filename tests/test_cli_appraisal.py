"""Self-assessment and appraisal, deductions and bonus, end to end through ``cchc score``.

The case files under tests/cases/appraisal/ are an example methodology (10 points: an indicator
criterion worth 4 and an appraisal criterion worth 6; late reports, overdue plan duties and recognised
initiatives as capped deductions and bonus) and illustrative figures (số liệu minh họa) for four
Hải Dương departments; overdue duties come from the bundled progress reports.
"""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, run_cli

CASE = ROOT / "tests" / "cases" / "appraisal"


def score(*args: str):
    return run_cli("score", "2024", "--methodology", str(CASE / "methodology.yaml"), "--figures", str(CASE / "figures.yaml"), "--province", "hai-duong", *args)


@pytest.fixture(scope="module")
def board():
    result = score("--format", "json")
    assert result.exit_code == 0, result.output
    return {a["agency"]: a for a in json.loads(result.stdout)["agencies"]}


def appraisal(agency):
    return next(c for c in agency["criteria"] if c["kind"] == "appraisal")


def test_the_total_uses_the_appraised_points_and_self_total_the_agencys_own(board):
    noi_vu = board["Sở Nội vụ"]
    assert (appraisal(noi_vu)["self_points"], appraisal(noi_vu)["appraised_points"], appraisal(noi_vu)["points"]) == (6, 5, 5)
    assert appraisal(noi_vu)["evidence"] == "Báo cáo số 12/BC-SNV ngày 10/12/2024 (minh họa)"
    # 4 (inspections) + 5 appraised - 1 overdue duties (12 × 0.25 capped at 1) + 1 initiative (2 × 1 capped at 1)
    assert (noi_vu["total"], noi_vu["self_total"], noi_vu["percent"]) == (9, 10, 90)
    assert [(d["id"], d["count"], d["points"], d["uncapped"]) for d in noi_vu["deductions"]] == [("nhiem-vu-qua-han", 12, 1, 3)]
    assert [(b["id"], b["count"], b["points"], b["uncapped"]) for b in noi_vu["bonus"]] == [("sang-kien", 2, 1, 2)]
    assert noi_vu["bonus"][0]["source"].endswith("figures.yaml:14")


def test_without_an_appraisal_the_self_points_count_and_it_is_said(board):
    xay_dung = board["Sở Xây dựng"]
    assert appraisal(xay_dung)["appraised_points"] is None
    assert appraisal(xay_dung)["points"] == 4.5
    assert xay_dung["awaiting_appraisal"] == ["I.2"]
    result = score("--agency", "Sở Xây dựng")
    assert "Chưa thẩm định (I.2): tổng điểm và xếp hạng dùng điểm tự chấm." in result.stdout
    assert "tự chấm 4,50 (chưa thẩm định)" in result.stdout


def test_deductions_are_capped_and_the_total_never_goes_below_zero(board):
    y_te = board["Sở Y tế"]
    assert [(d["id"], d["points"], d["uncapped"]) for d in y_te["deductions"]] == [("bao-cao-tre-han", 1.5, 2.5), ("nhiem-vu-qua-han", 0.75, 0.75)]
    assert y_te["total"] == 0  # 1 appraised point less 2.25 deducted
    assert y_te["self_total"] == 0.75  # 3 self-assessed points less 2.25
    assert y_te["rank"] == 4
    assert [a["agency"] for a in sorted(board.values(), key=lambda a: a["rank"])] == ["Sở Nội vụ", "Sở Tư pháp", "Sở Xây dựng", "Sở Y tế"]


def test_a_criterion_without_evidence_is_flagged(board):
    assert board["Sở Y tế"]["without_evidence"] == ["I.2"]
    assert board["Sở Tư pháp"]["without_evidence"] == []
    result = score("--agency", "Sở Y tế")
    assert "I.2 Chất lượng báo cáo CCHC: thiếu tài liệu kiểm chứng" in result.stdout
    assert "tự chấm 3,00 → thẩm định 1,00 (-2,00)" in result.stdout
    assert "Điểm trừ: Báo cáo CCHC gửi chậm — 5 × 0,50 = -1,50, tối đa 1,50" in result.stdout
    assert "Tổng điểm tự chấm: 0,75" in result.stdout


def test_the_ranking_shows_the_deductions_and_bonus_column():
    result = score()
    assert result.exit_code == 0, result.output
    assert "Trừ/thưởng" in result.stdout
    assert "-2,25" in result.stdout


def test_an_appraisal_row_naming_no_rule_is_a_warning():
    result = score()
    assert "figures.yaml:19:1: M418" in result.output and "'khong-co'" in result.output


def test_an_appraisal_criterion_takes_no_indicator_and_a_rule_needs_points_within_its_cap(tmp_path):
    text = (CASE / "methodology.yaml").read_text(encoding="utf-8")
    broken = text.replace("{id: I.2, kind: appraisal,", "{id: I.2, kind: appraisal, indicator: satisfaction,").replace("points_each: 1, cap: 1", "points_each: 2, cap: 1")
    path = tmp_path / "methodology.yaml"
    path.write_text(broken, encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.exit_code == 1
    assert "M417" in result.output and "M416" in result.output


def test_bad_appraisal_rows_name_the_line(tmp_path):
    text = (CASE / "figures.yaml").read_text(encoding="utf-8").replace("self_points: 3, appraised_points: 1", "self_points: -3, appraised_points: 1")
    path = tmp_path / "figures.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_cli("score", "2024", "--methodology", str(CASE / "methodology.yaml"), "--figures", str(path), "--province", "hai-duong")
    assert result.exit_code == 1
    assert "F521" in result.output and "'self_points'" in result.output


def test_the_bundled_example_shows_a_deduction_and_a_bonus_under_the_total():
    result = run_cli("score", "2024", "--agency", "Sở Giao thông vận tải", cwd=ROOT)
    assert result.exit_code == 0, result.output
    assert "Điểm trừ: Báo cáo CCHC gửi chậm — 2 × 0,50 = -1,00" in result.stdout
    bonus = run_cli("score", "2024", "--agency", "Sở Văn hóa, Thể thao và Du lịch", "--format", "json", cwd=ROOT)
    (agency,) = json.loads(bonus.stdout)["agencies"]
    assert [(b["id"], b["count"], b["points"]) for b in agency["bonus"]] == [("sang-kien", 1, 1)]
