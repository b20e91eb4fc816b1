"""The goals of a real 2026–2030 plan for the law- and policy-making civil servants (Bắc Ninh KH 141/KH-UBND,
tests/cases/targets_lawmaking.yaml) bind to the indicators that measure them when a plan is imported, each
once, with its level; sentences close to them in words do not."""

from __future__ import annotations

import pytest
import yaml

from cchc.adapters.importer.targets import extract_targets
from tests.conftest import CASES

CASE = yaml.safe_load((CASES / "targets_lawmaking.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("goal", CASE["goals"], ids=lambda goal: goal["item"])
def test_each_goal_of_the_plan_is_one_target(goal: dict) -> None:
    found = extract_targets(goal["quote"], "x", tuple(CASE["period"]))
    assert found.unbound == []
    assert [{key: t[key] for key in ("indicator", "op", "value", "level") if key in t} for t in found.targets] == [goal["target"]]


@pytest.mark.parametrize("case", CASE["near_misses"], ids=lambda case: case["text"][:40])
def test_near_misses_bind_elsewhere(case: dict) -> None:
    found = extract_targets(case["text"], "x")
    assert [t["indicator"] for t in found.targets] == ([] if case["indicator"] is None else [case["indicator"]])
    assert found.unbound == ([case["text"]] if case["indicator"] is None else [])
    assert [t.get("level") for t in found.targets] == [case.get("level")] * len(found.targets)
