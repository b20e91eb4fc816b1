"""Composite criteria (a sum of parts), end to end through ``cchc score`` and ``cchc validate``.

tests/cases/composite/ holds an example methodology whose criterion PAY is written like the portal's
ONLINE_PAYMENT, illustrative figures (số liệu minh họa) with the expected points worked out by hand in
the file, and five real province rows of the portal's ONLINE_SERVICE (source in the file).
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
import yaml

from cchc.adapters.methodologyfile import load_methodology
from cchc.core.figures import Figure, FigureSet
from cchc.core.scoring import TargetBook, score_agency
from tests.conftest import CASES, ROOT, run_cli
from tests.test_scoring import SO_NOI_VU

CASE = CASES / "composite"
PLANS = ROOT / "tests" / "data" / "overdue" / "plans"


def score(*args: str):
    return run_cli("score", "2024", "--plans", str(PLANS), "--methodology", str(CASE / "methodology.yaml"), "--figures", str(CASE / "figures.yaml"), *args)


@pytest.fixture(scope="module")
def board():
    result = score("--format", "json")
    assert result.exit_code == 0, result.output
    return {a["agency"]: next(c for c in a["criteria"] if c["id"] == "PAY") | {"total": a["total"], "missing": a["missing"]} for a in json.loads(result.stdout)["agencies"]}


def test_each_part_is_rounded_then_added(board):
    pay = board["Sở Nội vụ"]
    assert [(p["id"], p["value"], p["points"], p["max"]) for p in pay["parts"]] == [("A", 88.81, 5.33, 6), ("B", 34.29, 0.86, 2), ("C", 20, 0.5, 2.5)]
    assert pay["points"] == 6.69 and board["Sở Nội vụ"]["total"] == 15.69  # unrounded parts would give 6.68
    assert pay["trace"]["rule"] == "A 5,33 + B 0,86 + C 0,5 = 6,69"
    assert pay["parts"][1]["trace"]["rule"] == "2 × (34,29 / 80, tối đa 1) = 0,86"
    assert pay["parts"][1]["trace"]["methodology"].endswith("methodology.yaml#PAY/B")
    assert pay["parts"][1]["trace"]["figure"]["line"] == 16


def test_the_criterion_never_exceeds_its_max(board):
    pay = board["Sở Tư pháp"]
    assert [p["points"] for p in pay["parts"]] == [6, 2, 2.5] and pay["points"] == 10
    assert pay["trace"]["rule"] == "A 6 + B 2 + C 2,5 = 10,5, tối đa 10 → 10"


def test_zero_of_zero_parts_score_what_each_part_says(board):
    pay = board["Sở Thông tin và Truyền thông"]  # A 0/0 (zero, inherited), B 0/4, C 0/0 (full)
    assert [(p["points"], p["vacuous"]) for p in pay["parts"]] == [(0, True), (0, False), (2.5, True)]
    assert pay["points"] == 2.5
    office = board["Văn phòng UBND tỉnh"]  # C "không phát sinh": nothing to measure, C's rule (full)
    assert [p["points"] for p in office["parts"]] == [3, 1.25, 2.5] and office["points"] == 6.75
    assert [p["not_arising"] for p in office["parts"]] == [False, False, True]
    assert [p["not_arising"] for p in pay["parts"]] == [False, False, False]  # 0 of 0 is not "không phát sinh"


def test_a_part_where_nothing_arose_says_so_rather_than_0_of_0(tmp_path):
    """The scorecard (terminal and Excel) shows "không phát sinh" for such a part, "0/0" for a zero count."""
    import openpyxl

    office = score("--agency", "Văn phòng UBND tỉnh")
    assert office.exit_code == 0, office.output
    part_c = next(line for line in office.stdout.splitlines() if line.strip().startswith("C."))
    assert "không phát sinh" in part_c and "0/0" not in part_c
    workbook = tmp_path / "diem.xlsx"
    assert score("--xlsx", str(workbook)).exit_code == 0
    cells = [c.value for row in openpyxl.load_workbook(workbook).worksheets[0].iter_rows() for c in row]
    assert "Không phát sinh" in cells and "0/0" in cells


def test_a_part_without_figures_makes_the_criterion_no_data_and_names_the_part(board):
    pay = board["Sở Khoa học và Công nghệ"]
    assert pay["status"] == "no_data" and pay["points"] == 0  # missing: zero, said as such
    assert [p["status"] for p in pay["parts"]] == ["not_met", "no_data", "not_met"]
    assert pay["trace"]["rule"] == "thiếu số liệu phần B: 0 điểm"
    assert board["Sở Khoa học và Công nghệ"]["missing"] == ["on_time_dossiers", "online_payment_procedures"]


def test_the_scorecard_shows_each_part_in_vietnamese_and_english():
    vi = score("--agency", "Sở Khoa học và Công nghệ", "--explain")
    assert vi.exit_code == 0, vi.output
    assert "tổng các phần" in vi.stdout and "A. Tỷ lệ hồ sơ thanh toán trực tuyến" in vi.stdout
    assert "thiếu số liệu phần B (không có số liệu) (online_payment_procedures)" in vi.stdout
    assert "PAY/A: 6 × (50 / 100, tối đa 1) = 3" in vi.stdout
    en = run_cli("--lang", "en", "score", "2024", "--plans", str(PLANS), "--methodology", str(CASE / "methodology.yaml"), "--figures", str(CASE / "figures.yaml"), "--agency", "Sở Nội vụ", "--explain")
    assert en.exit_code == 0, en.output
    assert "sum of parts" in en.stdout and "A. Dossiers paid online" in en.stdout
    assert "PAY: A 5.33 + B 0.86 + C 0.5 = 6.69" in en.stdout


def test_a_figures_form_asks_for_every_part(tmp_path):
    from cchc.app.forms import indicator_rows

    rows = [i.id for i in indicator_rows(load_methodology(CASE / "methodology.yaml"), "department")]
    assert rows == ["on_time_dossiers", "online_payment_transactions", "online_payment_procedures", "fee_data_synced_procedures"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("weight: 6}", "weight: 0}"),  # a weight must be above 0
        ("weight: 6}", "weight: 4}"),  # 4 + 2 + 2.5 is short of 10
        ("weight: 6}", "weight: 11}"),  # above the criterion's max
        ("indicator: online_payment_transactions,", "indicator: waiting_time,"),  # not a ratio
        ("kind: composite\n", "kind: composite\n            mode: linear\n"),  # a composite has no mode
        ("            kind: composite\n", ""),  # parts on an indicator criterion (and no indicator: M401)
    ],
)
def test_bad_composites_are_m419(tmp_path, old, new):
    text = (CASE / "methodology.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "methodology.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.exit_code == 1 and "M419" in result.output, result.output


def test_an_unknown_part_indicator_is_m403_with_a_suggestion(tmp_path):
    path = tmp_path / "methodology.yaml"
    path.write_text((CASE / "methodology.yaml").read_text(encoding="utf-8").replace("indicator: fee_data_synced_procedures", "indicator: fee_data_synced_procedure"), encoding="utf-8")
    result = run_cli("validate", str(path))
    assert result.exit_code == 1 and "M403" in result.output and "fee_data_synced_procedures" in result.output


ROWS = yaml.safe_load((CASE / "province-rows.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("row", ROWS, ids=[r["file"] for r in ROWS])
def test_qd766_online_service_equals_the_portal_on_its_province_rows(row):
    figures = [
        Figure("so-noi-vu", "online_service_procedures", "2026", numerator=row["partialCount"] + row["fullCount"], denominator=row["authorityCount"]),
        Figure("so-noi-vu", "online_services_with_dossiers", "2026", numerator=row["onlineDossierCount"], denominator=row["onlineServiceTotal"]),
        Figure("so-noi-vu", "online_dossiers", "2026", numerator=row["channelOnlineSum"], denominator=row["channelTotalSum"]),
    ]
    score = score_agency(SO_NOI_VU, load_methodology("qd766").blocks[0], FigureSet(figures).for_agency("so-noi-vu"), 2026, TargetBook())
    (result,) = [c for c in score.criteria if c.criterion.id == "ONLINE_SERVICE"]
    assert result.points == Decimal(str(row["points"]))
