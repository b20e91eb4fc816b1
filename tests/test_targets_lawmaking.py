"""The goals of a real 2026–2030 plan for the law- and policy-making civil servants (Bắc Ninh KH 141/KH-UBND,
tests/cases/targets_lawmaking.yaml) bind to the indicators that measure them when a plan is imported, each
once, with its level; sentences close to them in words do not."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
import yaml

from cchc.adapters.importer.targets import extract_targets
from tests.conftest import CASES, ROOT, run_cli

CASE = yaml.safe_load((CASES / "targets_lawmaking.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("goal", CASE["goals"], ids=lambda goal: goal["item"])
def test_each_goal_of_the_plan_is_one_target(goal: dict) -> None:
    found = extract_targets(goal["quote"], "x", tuple(CASE["period"]))
    assert found.unbound == []
    assert [{key: t[key] for key in ("indicator", "op", "value", "level") if key in t} for t in found.targets] == [goal["target"]]


def test_the_goals_are_quoted_verbatim_from_the_plan_text() -> None:
    text = (ROOT / "plans" / "sources" / "bac-ninh-141-kh-ubnd-2025.txt").read_text(encoding="utf-8")
    assert all(f"{goal['item'][-1]}. {goal['quote']}" in text for goal in CASE["goals"])


@pytest.mark.parametrize("case", CASE["near_misses"], ids=lambda case: case["text"][:40])
def test_near_misses_bind_elsewhere(case: dict) -> None:
    found = extract_targets(case["text"], "x")
    assert [t["indicator"] for t in found.targets] == ([] if case["indicator"] is None else [case["indicator"]])
    assert found.unbound == ([case["text"]] if case["indicator"] is None else [])
    assert [t.get("level") for t in found.targets] == [case.get("level")] * len(found.targets)


def test_a_table_of_the_goals_imports_and_validates(tmp_path: Path) -> None:
    """End to end: the goals typed as the activities of a table (one row each) become targets of a plan file that
    ``cchc validate`` accepts, the commune goal at level xa."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"])
    sheet.append(["II", "Cải cách thể chế"])
    for number, goal in enumerate(CASE["goals"], start=1):
        sheet.append([number, goal["quote"], "Sở Tư pháp", "Sở Nội vụ", "Năm 2026 - 2030", "Báo cáo"])
    workbook.save(tmp_path / "ke-hoach.xlsx")
    out = tmp_path / "bac-ninh" / "ke-hoach-141.yaml"
    result = run_cli("import", str(tmp_path / "ke-hoach.xlsx"), "-o", str(out), "--province", "Bắc Ninh", "--title", "Kế hoạch 141/KH-UBND", "--period", "2026-2030")
    assert result.exit_code == 0, result.output
    activities = yaml.safe_load(out.read_text(encoding="utf-8"))["areas"][0]["activities"]
    held = [[{key: t[key] for key in ("indicator", "op", "value", "level") if key in t} for t in a.get("targets", ())] for a in activities]
    assert held == [[goal["target"]] for goal in CASE["goals"]]
    checked = run_cli("validate", str(out))
    assert checked.exit_code == 0, checked.output
