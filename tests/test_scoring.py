"""Scoring: the QĐ 766 methodology to the cent, modes, missing data, bands, ranks, comparisons, checks."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace

import pytest

from cchc.adapters.methodologyfile import (
    builtin_methodologies,
    check_methodology,
    check_methodology_data,
    load_methodology,
    parse_methodology,
)
from cchc.adapters.yamlio import parse_yaml
from cchc.core.agencies import Agency
from cchc.core.figures import Figure, FigureSet
from cchc.core.model import Plan, Target
from cchc.core.problems import CchcError
from cchc.core.scoring import (
    DEFAULT_BANDS,
    Band,
    Block,
    PlanTarget,
    TargetBook,
    compare,
    criterion_points,
    rank,
    round_points,
    score_agency,
    score_all,
    to_json,
    year_figure,
)
from cchc.indicators import INDICATORS
from cchc.indicators.base import Goal
from tests.conftest import ROOT

SO_NOI_VU = Agency("so-noi-vu", "Sở Nội vụ", "department", "tinh")


def _fig(agency: str, indicator: str, num=None, den=None, value=None, period="2024") -> Figure:
    return Figure(agency, indicator, period, numerator=num, denominator=den, value=value)


def _qd766_points(code: str, **figure) -> Decimal:
    methodology = load_methodology("qd766")
    criterion = next(c for a in methodology.blocks[0].areas for c in a.criteria if c.id == code)
    goal, _ = TargetBook().goal_for(criterion, None)
    evaluation = INDICATORS[criterion.indicator].evaluate(SimpleNamespace(**{"numerator": None, "denominator": None, "value": None, **figure}), goal)
    return criterion_points(criterion, evaluation, goal)


# -- QĐ 766 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "figure", "points"),
    [
        ("PUBLIC_UPDATE_ON_TIME", {"value": 96.34}, "3.85"),
        ("DOSSIER_RECEIVING_SATISFACTION", {"value": 88.57}, "5.90"),
        ("REUSED_DIGITIZED_DATA", {"value": 18.63}, "0.47"),
        ("ORIGINAL_RESULT_AVAILABLE", {"value": 64.25}, "3.86"),
        ("ELECTRONIC_CERTIFIED_COPY", {"numerator": 0, "denominator": 0}, "2"),
        ("DOSSIER_RECEIVING_SATISFACTION", {"value": 90}, "6"),  # at the 90 % threshold: full points
        ("REUSED_DIGITIZED_DATA", {"value": 80}, "2"),  # at the 80 % threshold
        ("ON_TIME", {"numerator": 1927, "denominator": 2000}, "19.27"),
    ],
)
def test_qd766_reproduces_the_portal_to_the_cent(code, figure, points):
    assert _qd766_points(code, **figure) == Decimal(points)


def test_qd766_structure():
    methodology = load_methodology("qd766")
    assert "qd766" in builtin_methodologies()
    (block,) = methodology.blocks
    assert block.total == 100 and not block.kinds
    groups = {area.id: sum(c.max for c in area.criteria) for area in block.areas}
    assert list(groups.values()) == [18, 20, 12, 10, 22, 18]
    criteria = {c.id: c for a in block.areas for c in a.criteria}
    assert {code: int(c.max) for code, c in criteria.items()} == {
        "PUBLISH_ON_TIME": 6, "PUBLIC_UPDATE_ON_TIME": 4, "PUBLIC_CONTENT_FULL": 2, "DOSSIER_SYNC": 6, "ON_TIME": 20,
        "ONLINE_SERVICE": 12, "ONLINE_PAYMENT": 10, "ORIGINAL_RESULT_AVAILABLE": 6, "SO_HOA_GIAY_TO_GIAI_QUYET": 4,
        "REUSED_DIGITIZED_DATA": 2, "SYNCED_WITH_DVCQG_PERSONAL_STORAGE": 4, "CITIZEN_DATA_CONNECTED_DOSSIER": 2,
        "CITIZEN_DATA_CONNECTED_FORMALITY": 2, "ELECTRONIC_CERTIFIED_COPY": 2, "DOSSIER_RECEIVING_SATISFACTION": 6,
        "PETITION_PROCESSING_ON_TIME": 6, "PETITION_HANDLING_SATISFACTION": 6,
    }
    composite = {code: c for code, c in criteria.items() if c.kind == "composite"}
    assert set(composite) == {"ONLINE_SERVICE", "ONLINE_PAYMENT"}  # sums of parts on the portal
    assert [(p.indicator, p.max, p.threshold) for p in composite["ONLINE_PAYMENT"].parts] == [
        ("online_payment_transactions", 6, 100), ("online_payment_procedures", 2, 80), ("fee_data_synced_procedures", Decimal("2.5"), 100),
    ]
    assert [(p.indicator, p.max, p.threshold) for p in composite["ONLINE_SERVICE"].parts] == [
        ("online_service_procedures", 2, 80), ("online_services_with_dossiers", 4, 100), ("online_dossiers", 6, 50),
    ]
    single = {code: c for code, c in criteria.items() if code not in composite}
    assert all(c.mode == "ratio_to_threshold" for c in single.values())
    thresholds = {code: c.threshold for code, c in single.items() if c.threshold != 100}
    assert thresholds == {"DOSSIER_RECEIVING_SATISFACTION": 90, "REUSED_DIGITIZED_DATA": 80}
    assert all(c.indicator == INDICATORS[c.indicator].id for c in single.values())


def test_qd766_total_is_the_sum_of_rounded_metric_points():
    methodology = load_methodology("qd766")
    figures = FigureSet([_fig("so-noi-vu", code, value=v) for code, v in (
        ("procedures_updated_on_time", 96.34), ("satisfaction", 88.57), ("data_reuse", 18.63), ("electronic_results", 64.25),
    )] + [_fig("so-noi-vu", "electronic_certified_copies", 0, 0)])
    score = score_agency(SO_NOI_VU, methodology.blocks[0], figures.for_agency("so-noi-vu"), 2024, TargetBook())
    assert score.total == Decimal("16.08")  # 3.85 + 5.90 + 0.47 + 3.86 + 2, the rest missing (0)
    assert {a.id: a.points for a in score.areas}["so-hoa"] == Decimal("6.33")
    assert len(score.criteria) == 17 and len(score.missing) == 16  # 11 metrics, and 3 parts of each composite


def test_round_points_is_exact_half_up():
    assert round_points(Fraction("3.855")) == Decimal("3.86")
    assert round_points(Fraction("0.46575")) == Decimal("0.47")
    assert round_points(Fraction("3.8549999")) == Decimal("3.85")
    assert round_points(Fraction(2, 3)) == Decimal("0.67")
    assert 3.855 * 100 // 1 == 385  # the float would have rounded down


# -- methodologies as data ------------------------------------------------------------------

BLOCK_YAML = """\
kind: methodology
id: test
title: Thử
missing: {missing}
blocks:
  - id: so
    title: Khối sở
    kinds: [department]
    rank_by: {rank_by}
    total: 100
    areas:
      - id: I
        title: Một
        criteria:
          - {{id: T, indicator: on_time_dossiers, max: 50, mode: tiers, tiers: [{{min: 100, points: 50}}, {{min: 95, points: 30}}, {{min: 90, points: 10}}]}}
      - id: II
        title: Hai
        criteria:
          - {{id: A, indicator: agencies_inspected, max: 25, mode: all_or_nothing}}
          - {{id: L, indicator: online_dossiers, max: 25, mode: linear, target: {{value: 50}}}}
  - id: huyen
    title: Khối huyện
    kinds: [district-committee]
    total: 100
    areas:
      - id: I
        title: Một
        criteria:
          - {{id: W, indicator: waiting_time, max: 60, mode: lower_is_better}}
          - {{id: R, indicator: payroll_reduction, max: 40, mode: baseline_reduction}}
"""


def _methodology(missing: str = "zero", rank_by: str = "kind"):
    data, _ = parse_yaml(BLOCK_YAML.format(missing=missing, rank_by=rank_by), "m.yaml")
    methodology, problems = parse_methodology(data, "m.yaml")
    assert methodology is not None, problems
    return methodology


@pytest.mark.parametrize(
    ("value", "points"),
    [(100, 50), (99.99, 30), (95, 30), (94.99, 10), (90, 10), (89.99, 0)],
)
def test_tiers(value, points):
    block = _methodology().blocks[0]
    figures = FigureSet([_fig("so-noi-vu", "on_time_dossiers", value=value)])
    score = score_agency(SO_NOI_VU, block, figures.for_agency("so-noi-vu"), 2024, TargetBook())
    assert score.criteria[0].points == points


@pytest.mark.parametrize(("inspected", "points", "status"), [(6, 25, "met"), (5, 0, "not_met")])
def test_all_or_nothing_against_the_plan_target(inspected, points, status):
    block = _methodology().blocks[0]
    figures = FigureSet([_fig("so-noi-vu", "agencies_inspected", inspected, 20)])
    book = TargetBook([PlanTarget("agencies_inspected", Goal(">=", 30))])
    result = score_agency(SO_NOI_VU, block, figures.for_agency("so-noi-vu"), 2024, book).criteria[1]
    assert (result.points, result.status, result.target_source) == (points, status, "plan:")


def test_lower_is_better_and_baseline_reduction():
    block = _methodology().blocks[1]
    district = Agency("h", "UBND huyện Bình Giang", "district-committee", "huyen")
    figures = FigureSet([_fig("h", "waiting_time", value=20), _fig("h", "payroll_reduction", 6, 120)])
    score = score_agency(district, block, figures.for_agency("h"), 2024, TargetBook())
    assert [c.points for c in score.criteria] == [Decimal(45), Decimal(20)]  # 60 × 15/20; 40 × 5 %/10 %
    assert score.total == 65


def test_missing_zero_counts_nothing():
    block = _methodology("zero").blocks[0]
    figures = FigureSet([_fig("so-noi-vu", "on_time_dossiers", value=100), _fig("so-noi-vu", "online_dossiers", 60, 100)])
    score = score_agency(SO_NOI_VU, block, figures.for_agency("so-noi-vu"), 2024, TargetBook())
    assert score.total == 75 and score.missing == ["agencies_inspected"]
    assert [a.max for a in score.areas] == [50, 50]
    assert score.criteria[1].points == 0


def test_missing_exclude_rescales():
    block = _methodology("exclude").blocks[0]
    figures = FigureSet([_fig("so-noi-vu", "on_time_dossiers", value=100), _fig("so-noi-vu", "online_dossiers", 30, 100)])
    score = score_agency(SO_NOI_VU, block, figures.for_agency("so-noi-vu"), 2024, TargetBook())
    assert score.criteria[1].points is None
    assert [a.max for a in score.areas] == [50, 25]
    assert score.total == Decimal("86.67")  # (50 + 15) / 75 × 100
    assert to_json(SimpleNamespace(year=2024, methodology=SimpleNamespace(id="t", path=""), province="", methodology_reason="", illustrative=False, scores=[score], unscored=[]))["agencies"][0]["criteria"][1]["points"] is None


NOT_APPLICABLE_YAML = """\
kind: methodology
id: na
title: Không áp dụng
nothing_to_measure: zero
blocks:
  - id: so
    title: Khối sở
    kinds: [department, committee-office]
    rank_by: block
    total: 100
    missing: {missing}
    areas:
      - id: I
        title: Một
        criteria:
          - {{id: D, indicator: on_time_dossiers, max: 40, mode: linear, target: {{value: 100}}}}
          - {{id: P, indicator: complaints_handled_on_time, max: 20, mode: linear, target: {{value: 100}}, nothing_to_measure: full}}
      - id: III
        title: Thủ tục hành chính
        not_applicable: {{kinds: [committee-office], agencies: [thanh tra tinh]}}
        criteria:
          - {{id: S, indicator: online_dossiers, max: 40, mode: linear, target: {{value: 100}}}}
"""


def _not_applicable(missing: str = "zero"):
    data, _ = parse_yaml(NOT_APPLICABLE_YAML.format(missing=missing), "na.yaml")
    methodology, problems = parse_methodology(data, "na.yaml")
    assert methodology is not None and problems == [], problems
    return methodology.blocks[0]


def test_zero_of_zero_scores_what_the_criterion_says():
    block = _not_applicable()
    figures = FigureSet([_fig("so-noi-vu", "on_time_dossiers", 0, 0), _fig("so-noi-vu", "complaints_handled_on_time", 0, 0), _fig("so-noi-vu", "online_dossiers", 0, 0)])
    score = score_agency(SO_NOI_VU, block, figures.for_agency("so-noi-vu"), 2024, TargetBook())
    assert [(c.criterion.id, c.points, c.status) for c in score.criteria] == [("D", 0, "not_met"), ("P", 20, "met"), ("S", 0, "not_met")]
    assert "0/0" in score.criteria[0].evaluation.reason_vi and "0 điểm" in score.criteria[0].evaluation.reason_vi


@pytest.mark.parametrize("missing", ["zero", "exclude"])
def test_not_applicable_leaves_the_max_and_bands_and_ranks_use_the_percentage(missing):
    block = _not_applicable(missing)
    office = Agency("vp", "Văn phòng UBND tỉnh", "committee-office", "tinh")  # by kind
    inspectorate = Agency("tt", "Thanh tra tỉnh", "department", "tinh")  # by name, diacritics ignored
    rows = [("on_time_dossiers", 90, 100), ("complaints_handled_on_time", 10, 10), ("online_dossiers", 10, 10)]
    figures = FigureSet([_fig(a, i, n, d) for a in ("vp", "tt", "so-noi-vu") for i, n, d in rows])
    scores = [score_agency(a, block, figures.for_agency(a.id), 2024, TargetBook()) for a in (office, inspectorate, SO_NOI_VU)]
    office_score, inspectorate_score, home = scores
    assert (office_score.total, office_score.max, office_score.percent) == (56, 60, Decimal("93.33"))
    assert inspectorate_score.percent == office_score.percent
    assert office_score.criteria[2].status == "not_applicable" and office_score.criteria[2].points is None
    assert (home.total, home.max, home.percent) == (96, 100, 96)
    assert office_score.band.name == "Xuất sắc"  # 93.33 % of the points that apply, though only 56 points
    rank(scores)
    assert [(s.agency_id, s.rank) for s in scores] == [("so-noi-vu", 1), ("tt", 2), ("vp", 2)]
    data = to_json(SimpleNamespace(year=2024, methodology=SimpleNamespace(id="na", path=""), province="", methodology_reason="", illustrative=False, scores=scores, unscored=[]))
    assert [(a["max"], a["percent"]) for a in data["agencies"]] == [(100, 96), (60, 93.33), (60, 93.33)]


def test_a_figure_saying_nothing_arose_is_not_applicable():
    block = _not_applicable()
    arose = Figure("so-noi-vu", "complaints_handled_on_time", "2024", not_applicable=True)
    figures = FigureSet([_fig("so-noi-vu", "on_time_dossiers", 100, 100), arose, _fig("so-noi-vu", "online_dossiers", 5, 10)])
    score = score_agency(SO_NOI_VU, block, figures.for_agency("so-noi-vu"), 2024, TargetBook())
    assert (score.total, score.max, score.percent) == (60, 80, 75)
    assert score.missing == []  # not applicable is not "no data"


def test_everything_not_applicable_has_no_total():
    block = _not_applicable()
    only_procedures = replace(block, areas=block.areas[1:])
    score = score_agency(Agency("tt", "Thanh tra tỉnh", "department", "tinh"), only_procedures, {}, 2024, TargetBook())
    assert (score.total, score.max, score.percent, score.band) == (None, 0, None, None)


def test_missing_exclude_without_any_figure_has_no_total():
    block = _methodology("exclude").blocks[0]
    score = score_agency(SO_NOI_VU, block, {}, 2024, TargetBook())
    assert (score.total, score.band) == (None, None)
    rank([score])
    assert score.rank is None


@pytest.mark.parametrize(
    ("total", "band"),
    [("100", "Xuất sắc"), ("90", "Xuất sắc"), ("89.99", "Tốt"), ("80", "Tốt"), ("79.99", "Khá"), ("70", "Khá"), ("50", "Trung bình"), ("49.99", "Yếu"), ("0", "Yếu")],
)
def test_default_bands(total, band):
    block = Block("b", "b", "", (), Decimal(100), ())
    assert block.bands == DEFAULT_BANDS
    assert block.band_for(Decimal(total)).name == band


def test_bands_per_block():
    data, _ = parse_yaml(BLOCK_YAML.format(missing="zero", rank_by="kind").replace(
        "    total: 100\n    areas:\n      - id: I\n        title: Một\n        criteria:\n          - {id: W",
        "    total: 100\n    bands: [{name: Tốt, name_en: Good, min: 60}, {name: Chưa tốt, min: 0}]\n    areas:\n      - id: I\n        title: Một\n        criteria:\n          - {id: W",
    ), "m.yaml")
    methodology, problems = parse_methodology(data, "m.yaml")
    assert not problems
    departments, districts = methodology.blocks
    assert departments.band_for(Decimal(65)).name == "Trung bình"
    assert districts.band_for(Decimal(65)) == Band("Tốt", "Good", Decimal(60))
    assert districts.band_for(Decimal(59)).label("en") == "Chưa tốt"


def _scored(agency_id: str, kind: str, total: str, methodology=None):
    block = (methodology or _methodology()).block_for(kind)
    score = score_agency(Agency(agency_id, agency_id, kind, "tinh"), block, {}, 2024, TargetBook())
    score.total = Decimal(total)
    score.share = Fraction(total) / Fraction(block.total)  # ranks use the share of the applicable points
    return score


def test_rank_shares_ties_within_a_kind():
    scores = [_scored("a", "department", "85"), _scored("b", "department", "90"), _scored("c", "department", "85"), _scored("d", "department", "70")]
    rank(scores)
    assert [(s.agency_id, s.rank, s.rank_of) for s in scores] == [("b", 1, 4), ("a", 2, 4), ("c", 2, 4), ("d", 4, 4)]


def test_rank_by_kind_or_by_block():
    assert _methodology("zero", "kind").block_for("committee-office") is None
    data, _ = parse_yaml(BLOCK_YAML.format(missing="zero", rank_by="block").replace("kinds: [department]", "kinds: [department, committee-office]"), "m.yaml")
    by_block, _ = parse_methodology(data, "m.yaml")
    scores = [_scored("vp", "committee-office", "80", by_block), _scored("s", "department", "90", by_block)]
    rank(scores)
    assert [(s.agency_id, s.rank) for s in scores] == [("s", 1), ("vp", 2)]
    kind_data, _ = parse_yaml(BLOCK_YAML.format(missing="zero", rank_by="kind").replace("kinds: [department]", "kinds: [department, committee-office]"), "m.yaml")
    kind_method, _ = parse_methodology(kind_data, "m.yaml")
    scores = [_scored("vp", "committee-office", "80", kind_method), _scored("s", "department", "90", kind_method)]
    rank(scores)
    assert [(s.agency_id, s.rank, s.rank_of) for s in scores] == [("vp", 1, 1), ("s", 1, 1)]


def test_score_all_and_compare():
    methodology = _methodology()
    agencies = [
        Agency("a", "Sở A", "department", "tinh"),
        Agency("b", "Sở B", "department", "tinh"),
        Agency("c", "Sở C", "department", "tinh"),
        Agency("x", "Công an tỉnh", "central-agency", "tinh"),
    ]
    now = FigureSet([_fig("a", "on_time_dossiers", value=100), _fig("b", "on_time_dossiers", value=95), _fig("x", "on_time_dossiers", value=99)])
    before = FigureSet([_fig("a", "on_time_dossiers", value=90, period="2023"), _fig("b", "on_time_dossiers", value=100, period="2023")])
    board = score_all(agencies, methodology, now, 2024, TargetBook())
    assert [s.agency_id for s in board.scores] == ["a", "b"]
    assert [a.id for a in board.unscored] == ["c"] and [a.id for a in board.uncovered] == ["x"]
    compare(board, score_all(agencies, methodology, before, 2023, TargetBook()))
    a, b = board.scores
    assert (a.previous.total_change, a.previous.rank_change, a.previous.area_changes) == (Decimal(40), 1, {"I": Decimal(40), "II": Decimal(0)})
    assert (b.previous.total_change, b.previous.rank_change) == (Decimal(-20), -1)
    data = to_json(board)
    assert data["agencies"][0]["compare"] == {"year": 2023, "total": 10.0, "rank": 2, "total_change": 40.0, "rank_change": 1, "areas": [{"id": "I", "change": 40.0}, {"id": "II", "change": 0.0}]}
    assert data["unscored"] == ["Sở C"]


def test_json_contract():
    board = score_all([SO_NOI_VU], _methodology(), FigureSet([_fig("so-noi-vu", "on_time_dossiers", 1950, 2000)]), 2024, TargetBook())
    data = to_json(board)
    assert {"year", "methodology", "agencies"} <= set(data)
    agency = data["agencies"][0]
    assert {"agency", "kind", "total", "max", "band", "rank", "areas", "criteria", "missing"} <= set(agency)
    assert agency["areas"][0] == {"id": "I", "title": "Một", "points": 30.0, "max": 50.0}
    criterion = agency["criteria"][0]
    assert {"id", "indicator", "area", "value", "target", "points", "max", "status"} <= set(criterion)
    assert (criterion["value"], criterion["status"], criterion["target"]["value"], criterion["unit"]) == (97.5, "met", 95, "%")
    assert criterion["title"] == INDICATORS["on_time_dossiers"].title_vi
    assert agency["missing"] == ["agencies_inspected", "online_dossiers"]


# -- targets and figures for a year -------------------------------------------------------


def _plan(pid: str, period: tuple[int, int], *targets: Target) -> Plan:
    return Plan(pid, "Hải Dương", pid, period, targets=list(targets))


def test_target_resolution_order():
    plans = [
        _plan("khung", (2021, 2025), Target("t1", "work_files_online", 90), Target("t2", "work_files_online", 80, level="huyen"), Target("t0", "work_files_online", 99, year=2022)),
        _plan("kh-2024", (2024, 2024), Target("t3", "work_files_online", 85, year=2024), Target("t4", "work_files_online", 75, level="huyen", year=2024)),
        _plan("old", (2019, 2020), Target("t5", "work_files_online", 10)),
    ]
    book = TargetBook.from_plans(plans, 2024)
    assert book.resolve("work_files_online", "huyen").source == "kh-2024#t4"  # level + year + one-year plan
    assert book.resolve("work_files_online", "tinh").source == "kh-2024#t3"
    assert TargetBook.from_plans(plans[:1], 2024).resolve("work_files_online", "xa").source == "khung#t1"
    assert TargetBook.from_plans(plans[:1], 2022).resolve("work_files_online", None).goal.value == 99
    assert book.resolve("on_time_dossiers", "tinh") is None
    methodology = _methodology()
    linear = methodology.blocks[0].areas[1].criteria[1]  # target fixed at 50 by the methodology
    assert TargetBook([PlanTarget("online_dossiers", Goal(">=", 70))]).goal_for(linear, None) == (Goal(">=", 50), "methodology")
    tiers = methodology.blocks[0].areas[0].criteria[0]
    assert TargetBook().goal_for(tiers, None) == (INDICATORS["on_time_dossiers"].default_target, "default")


def test_year_figure():
    on_time = INDICATORS["on_time_dossiers"]
    quarters = [_fig("a", "on_time_dossiers", 90, 100, period=f"2024-Q{q}") for q in range(1, 5)]
    summed = year_figure(quarters, 2024, on_time)
    assert (summed.numerator, summed.denominator, summed.period, summed.note) == (360, 400, "2024", "2024-Q1+2024-Q2+2024-Q3+2024-Q4")
    annual = _fig("a", "on_time_dossiers", 1, 2)
    assert year_figure([*quarters, annual], 2024, on_time) is annual
    months = [_fig("a", "on_time_dossiers", 1, 1, period="2024-01")]
    assert year_figure([*months, *quarters], 2024, on_time).denominator == 400  # quarters, not months too
    stock = INDICATORS["full_online_services"]
    snapshots = [_fig("a", "full_online_services", n, 100, period=f"2024-Q{q}") for q, n in ((1, 50), (4, 80), (2, 60))]
    assert year_figure(snapshots, 2024, stock).numerator == 80
    rates = [_fig("a", "satisfaction", value=v, period=p) for p, v in (("2024-Q1", 80), ("2024-Q2", 90))]
    assert year_figure(rates, 2024, INDICATORS["satisfaction"]).value == 90
    assert year_figure([_fig("a", "satisfaction", value=80, period="2023")], 2024, INDICATORS["satisfaction"]) is None


# -- methodology checks ---------------------------------------------------------------------


def _problems(text: str):
    data, _ = parse_yaml(text, "m.yaml")
    return check_methodology_data(data, "m.yaml")


def _broken(old: str, new: str):
    return _problems(BLOCK_YAML.format(missing="zero", rank_by="kind").replace(old, new, 1))


@pytest.mark.parametrize(
    ("old", "new", "code", "line"),
    [
        ("max: 25, mode: all_or_nothing", "max: 20, mode: all_or_nothing", "M402", 10),
        ("indicator: agencies_inspected", "indicator: agencies_inspectd", "M403", 19),
        ("mode: all_or_nothing", "mode: half", "M404", 19),
        ("indicator: waiting_time, max: 60, mode: lower_is_better", "indicator: waiting_time, max: 60, mode: linear", "M405", 29),
        ("indicator: payroll_reduction, max: 40, mode: baseline_reduction", "indicator: satisfaction, max: 40, mode: baseline_reduction", "M405", 30),
        ("{min: 100, points: 50}", "{min: 100, points: 60}", "M406", 15),
        ("kinds: [department]", "kinds: [departments]", "M409", 8),
        ("kinds: [district-committee]", "kinds: [department]", "M409", 23),
        ("target: {value: 50}", "target: {op: '>>', value: 50}", "M410", 20),
        ("missing: zero", "missing: sometimes", "M411", 4),
        ("id: A,", "id: T,", "M408", 19),
        ("rank_by: kind", "rank_by: kind\n    colour: red", "M413", 10),
    ],
)
def test_methodology_problems(old, new, code, line):
    problems = _broken(old, new)
    assert any(p.code == code and p.line == line for p in problems), [p.format() for p in problems]


def test_one_mistake_one_problem():
    """An unknown indicator is reported once (with a suggestion), not again as points that do not add up."""
    (problem,) = _broken("indicator: agencies_inspected", "indicator: agencies_inspectd")
    assert problem.code == "M403" and "agencies_inspected" in problem.message
    assert [p.code for p in _broken("mode: all_or_nothing", "mode: half")] == ["M404"]


def test_bands_must_decrease():
    text = BLOCK_YAML.format(missing="zero", rank_by="kind").replace("missing: zero\n", "missing: zero\nbands: [{name: A, min: 50}, {name: B, min: 80}]\n")
    assert any(p.code == "M407" for p in _problems(text))


def test_not_a_methodology():
    assert [p.code for p in _problems("kind: plan\nid: x\n")] == ["M401"]
    assert [p.code for p in _problems("- a\n")] == ["M401"]


def test_load_methodology_errors(tmp_path: Path):
    with pytest.raises(CchcError) as unknown:
        load_methodology("qd999")
    assert unknown.value.exit_code == 2 and "qd766" in str(unknown.value)
    broken = tmp_path / "m.yaml"
    broken.write_text(BLOCK_YAML.format(missing="zero", rank_by="kind").replace("max: 25, mode: all", "max: 20, mode: all"), encoding="utf-8")
    with pytest.raises(CchcError) as bad:
        load_methodology(broken)
    assert bad.value.exit_code == 1 and "M402" in str(bad.value)
    assert [p.code for p in check_methodology(broken)] == ["M402"]


def test_hai_duong_example_methodology_is_valid_and_marked():
    path = ROOT / "plans" / "hai-duong" / "methodology-2024.yaml"
    assert check_methodology(path) == []
    methodology = load_methodology(path)
    assert methodology.example
    assert "EXAMPLE" in path.read_text(encoding="utf-8")
    assert [b.id for b in methodology.blocks] == ["so-ban-nganh", "huyen"]
    for block in methodology.blocks:
        assert block.total == 100
        assert [a.id for a in block.areas] == ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"]
        assert {c.mode for a in block.areas for c in a.criteria} == {"linear", "tiers", "all_or_nothing", "lower_is_better", "baseline_reduction"}
    assert methodology.block_for("committee-office").id == "so-ban-nganh"
    assert methodology.block_for("central-agency") is None


PERCENT_GROUPS_YAML = """\
kind: methodology
id: groups
title: Nhóm theo tỷ lệ
bands_in: percent
bands:
  - {{name: Nhóm A, min: 90}}
  - {{name: Nhóm B, min: 80}}
  - {{name: Nhóm C, min: {lowest}}}
blocks:
  - id: so
    title: Khối sở
    kinds: [department]
    total: 80
    areas:
      - id: I
        title: Một
        criteria:
          - {{id: D, indicator: on_time_dossiers, max: 80, mode: linear, target: {{value: 100}}}}
"""


@pytest.mark.parametrize(("settled_on_time", "group"), [(90, "Nhóm A"), (89, "Nhóm B"), (80, "Nhóm B"), (79, "Nhóm C")])
def test_percentage_groups_whatever_the_blocks_total(settled_on_time, group):
    data, _ = parse_yaml(PERCENT_GROUPS_YAML.format(lowest=0), "g.yaml")
    methodology, problems = parse_methodology(data, "g.yaml")
    assert methodology is not None and problems == [], problems
    figures = FigureSet([_fig("so-noi-vu", "on_time_dossiers", settled_on_time, 100)])
    score = score_agency(SO_NOI_VU, methodology.blocks[0], figures.for_agency("so-noi-vu"), 2024, TargetBook())
    assert score.total == Decimal(settled_on_time) * Decimal("0.8")  # out of 80 points
    assert score.band.name == group  # 72 of 80 points is 90 %: group A


def test_percentage_groups_are_checked_against_100():
    data, _ = parse_yaml(PERCENT_GROUPS_YAML.replace("min: 90", "min: 120").format(lowest=0), "g.yaml")
    _, problems = parse_methodology(data, "g.yaml")
    assert [p.code for p in problems] == ["M407"] and "100" in problems[0].message
