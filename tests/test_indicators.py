"""Indicators, driven by one case file per indicator in tests/cases/indicators/.

Each case gives a figure (numerator / denominator / value, or null for "no figure"), optionally a
target, a level and plan targets, and expects the measured value, the status and the points under
scoring modes. Unless a case says otherwise, a criterion is worth 10 points and the modes are set as:

* ``ratio_to_threshold``: threshold 100 % (a case may set ``threshold``);
* ``tiers``: higher is better 100 %: 10, 95 %: 5, 90 %: 2; lower is better ≤ 10: 10, ≤ 15: 5, ≤ 20: 2;
* ``linear``, ``all_or_nothing``, ``lower_is_better``, ``baseline_reduction``: against the case's
  target (its ``target``, else the plan targets for its level, else the indicator's default).
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

import cchc.indicators as registry
from cchc.core.scoring import Criterion, PlanTarget, TargetBook, Tier, criterion_points
from cchc.indicators import ALIASES, INDICATORS, get_indicator, indicator_ids, suggest_indicator
from cchc.indicators.base import Goal, Quantity, Reduction
from tests.conftest import CASES, ROOT

CASE_DIR = CASES / "indicators"
CASE_FILES = sorted(CASE_DIR.glob("*.yaml"))
HIGH_TIERS = (Tier(Decimal(10), min=Fraction(100)), Tier(Decimal(5), min=Fraction(95)), Tier(Decimal(2), min=Fraction(90)))
LOW_TIERS = (Tier(Decimal(10), max=Fraction(10)), Tier(Decimal(5), max=Fraction(15)), Tier(Decimal(2), max=Fraction(20)))


def _cases():
    for path in CASE_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            yield pytest.param(data["indicator"], case, id=f"{path.stem}: {case['name']}")


def _goal(raw: dict | None) -> Goal | None:
    if raw is None:
        return None
    return Goal(raw.get("op", ">="), raw["value"], raw.get("max"), raw.get("baseline_year"))


def _figure(raw: dict | None):
    if raw is None:
        return None
    return SimpleNamespace(numerator=raw.get("numerator"), denominator=raw.get("denominator"), value=raw.get("value"))


def _book(case: dict, indicator: str) -> TargetBook:
    return TargetBook(PlanTarget(indicator, _goal(t), level=t.get("level")) for t in case.get("plan_targets", []))


def _criterion(indicator, mode: str, case: dict) -> Criterion:
    tiers = LOW_TIERS if indicator.direction == "lower" else HIGH_TIERS
    return Criterion(
        id="C",
        indicator=indicator.id,
        area=indicator.area,
        max=Decimal(str(case.get("max", 10))),
        mode=mode,
        threshold=Fraction(str(case.get("threshold", 100))) if mode == "ratio_to_threshold" else None,
        target=_goal(case.get("target")),
        tiers=tiers if mode == "tiers" else (),
    )


@pytest.mark.parametrize(("indicator_id", "case"), list(_cases()))
def test_indicator_case(indicator_id, case):
    indicator = INDICATORS[indicator_id]
    book = _book(case, indicator_id)
    level = case.get("level")
    probe = _criterion(indicator, "linear" if indicator.direction == "higher" else "lower_is_better", case)
    goal, _ = book.goal_for(probe, level)
    if "target_value" in case:
        assert goal.value == case["target_value"]
    evaluation = indicator.evaluate(_figure(case["figure"]), goal)
    assert evaluation.status == case["status"]
    assert evaluation.vacuous == case.get("vacuous", False)
    if case["value"] is None:
        assert evaluation.value is None
    else:
        assert evaluation.value == pytest.approx(case["value"], abs=1e-9)
    assert evaluation.reason_vi and evaluation.reason_en
    assert "\n" not in evaluation.reason_vi + evaluation.reason_en
    for mode, expected in case["points"].items():
        criterion = _criterion(indicator, mode, case)
        mode_goal, _ = book.goal_for(criterion, level)
        points = criterion_points(criterion, indicator.evaluate(_figure(case["figure"]), mode_goal), mode_goal)
        if expected is None:
            assert points is None, mode
        else:
            assert points == Decimal(str(expected)), f"{mode}: {points} != {expected}"


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case_file_names_a_registered_indicator_and_its_default(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["indicator"] == path.stem
    indicator = INDICATORS[data["indicator"]]
    assert indicator.default_target == _goal(data["default_target"])


def test_every_indicator_has_a_case_file():
    assert {p.stem for p in CASE_FILES} == set(INDICATORS)


def test_every_indicator_module_is_registered():
    modules = {p.stem for p in Path(registry.__file__).parent.glob("*.py")} - {"__init__", "base"}
    assert modules == {m.__name__.rsplit(".", 1)[1] for m in registry.MODULES}
    for module in registry.MODULES:
        assert module.INDICATOR.id == module.__name__.rsplit(".", 1)[1]


def test_every_indicator_id_of_the_plan_format_is_registered():
    table = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
    ids = re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.M)
    assert len(ids) >= 23
    assert set(ids) <= set(INDICATORS)


def test_declarations_are_complete():
    for indicator in INDICATORS.values():
        assert indicator.title_vi and indicator.title_en
        assert indicator.inputs
        if isinstance(indicator, Quantity):
            assert indicator.direction == "lower" and indicator.unit == "minutes"
        else:
            assert indicator.unit == "%" and len(indicator.inputs) == 2


def test_qd766_codes_are_aliases():
    codes = {
        "PUBLISH_ON_TIME", "PUBLIC_UPDATE_ON_TIME", "PUBLIC_CONTENT_FULL", "DOSSIER_SYNC", "ON_TIME", "ONLINE_SERVICE",
        "ONLINE_PAYMENT", "ORIGINAL_RESULT_AVAILABLE", "SO_HOA_GIAY_TO_GIAI_QUYET", "REUSED_DIGITIZED_DATA",
        "SYNCED_WITH_DVCQG_PERSONAL_STORAGE", "CITIZEN_DATA_CONNECTED_DOSSIER", "CITIZEN_DATA_CONNECTED_FORMALITY",
        "ELECTRONIC_CERTIFIED_COPY", "DOSSIER_RECEIVING_SATISFACTION", "PETITION_PROCESSING_ON_TIME", "PETITION_HANDLING_SATISFACTION",
    }
    assert set(ALIASES) == codes
    assert len({ALIASES[c] for c in codes}) == len(codes)  # one indicator per portal metric


def test_get_indicator_by_id_alias_and_case():
    assert get_indicator("on_time_dossiers").id == "on_time_dossiers"
    assert get_indicator(" ON_TIME_DOSSIERS ").id == "on_time_dossiers"
    assert get_indicator("ON_TIME").id == "on_time_dossiers"
    assert get_indicator("on_time").id == "on_time_dossiers"
    assert get_indicator("nope") is None
    assert indicator_ids()[0] == "on_time_dossiers"
    assert "on_time_dossiers" in suggest_indicator("on_time_dosiers")


def test_reasons_are_worded_in_both_languages():
    indicator = INDICATORS["on_time_dossiers"]
    evaluation = indicator.evaluate(SimpleNamespace(numerator=191, denominator=200, value=None), Goal(">=", 95))
    assert evaluation.reason_vi == "95,5 % (191/200), chỉ tiêu ≥ 95 %: đạt"
    assert evaluation.reason_en == "95.5% (191/200), target ≥ 95%: met"
    assert evaluation.reason("en") == evaluation.reason_en
    missing = indicator.evaluate(SimpleNamespace(numerator=5, denominator=None, value=None))
    assert missing.reason_vi == "thiếu số liệu: tổng số hồ sơ đã giải quyết"
    reduction = INDICATORS["payroll_reduction"].evaluate(SimpleNamespace(numerator=12, denominator=100, value=None))
    assert reduction.reason_vi == "giảm 12 % (12/100), chỉ tiêu ≥ 10 % so với năm 2021: đạt"
    waiting = INDICATORS["waiting_time"].evaluate(SimpleNamespace(numerator=None, denominator=None, value=16.5))
    assert waiting.reason_en == "16.5 minutes, target ≤ 15 minutes: not met"


def test_goal_forms():
    assert Goal("range", 95, 100).met_by(Fraction(100))
    assert not Goal("range", 95, 100).met_by(Fraction(9499, 100))
    assert Goal("=", 100).met_by(Fraction(100)) and not Goal("=", 100).met_by(Fraction(99))
    assert Goal("range", 95, 100).text("%", "vi") == "95–100 %"
    with pytest.raises(ValueError):
        Goal("range", 95)
    with pytest.raises(ValueError):
        Goal("~", 95)


def test_shapes():
    assert isinstance(INDICATORS["payroll_reduction"], Reduction)
    assert INDICATORS["payroll_reduction"].value_range == (-100, 100)
    assert INDICATORS["waiting_time"].value_range == (0, None)
    assert INDICATORS["full_online_services"].aggregate == "latest"
    assert INDICATORS["on_time_dossiers"].aggregate == "sum"


def test_importing_indicators_is_cheap():
    import subprocess
    import sys

    code = "import sys, cchc.indicators; print([m for m in ('openpyxl', 'rich', 'yaml') if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert out.strip() == "[]"
