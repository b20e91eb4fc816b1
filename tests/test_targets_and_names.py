"""Complete, unambiguous targets (P211, P212, the stricter target wins) and partial agency names."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from cchc.core.scoring import Goal, PlanTarget, TargetBook
from tests.conftest import ROOT, run_cli

PLANS = ROOT / "plans"


def _targets(plan_path: Path) -> list[dict]:
    found: list[dict] = []

    def walk(node: dict) -> None:
        found.extend(node.get("targets", ()))
        for key in ("objectives", "tasks", "activities"):
            for child in node.get(key, ()):
                walk(child)

    for area in yaml.safe_load(plan_path.read_text(encoding="utf-8"))["areas"]:
        walk(area)
    return found


def test_procedure_control_plan_holds_its_targets_as_the_seed_says() -> None:
    targets = {t["id"]: t for t in _targets(PLANS / "hai-duong" / "kiem-soat-tthc-2024.yaml")}
    assert len(targets) >= 18
    # "rà soát … ít nhất 50%" of internal procedures is reviewing, not simplifying (≥ 20 %)
    assert [t["value"] for t in targets.values() if t["indicator"] == "procedures_simplified"] == [20]
    assert targets["t-II.a2.4-internal_procedures_reviewed"]["value"] == 50
    assert targets["t-III.a8-dossiers_synced"]["value"] == 100
    assert targets["t-III.a10-electronic_results"]["value"] == 100
    assert targets["t-II.a2.3-procedures_updated_on_time"]["value"] == 100
    assert targets["t-II.a3.1-procedures_at_one_stop"]["indicator"] == "procedures_at_one_stop"


def test_hung_yen_goals_are_held_and_the_rest_noted() -> None:
    """Every numeric goal of the seed is a target bound to an indicator that measures it, except the
    30 villages (a count no indicator holds), which stays as text with a note saying why."""
    plan_path = PLANS / "hung-yen" / "nhiem-vu-2021-2025.yaml"
    targets = _targets(plan_path)
    assert len(targets) >= 6
    held = {(t["indicator"], t["value"], t.get("unit", "%"), t.get("level"), t.get("year")) for t in targets}
    assert held == {
        ("public_service_units_reduction", 62, "count", None, 2021),
        ("payroll_reduction", 2000, "count", None, 2021),
        ("job_position_schemes_approved", 100, "%", "tinh", 2021),
        ("job_position_schemes_approved", 100, "%", "huyen", 2021),
        ("staff_trained", 100, "%", None, None),  # not training_plan_completion: people, not the plan's places
        ("self_financing_units", 20, "%", None, 2025),
        ("official_email_use", 100, "%", None, None),
        ("online_services_on_national_portal", 100, "%", None, 2025),  # not full_online_services
    }
    notes = [n for area in yaml.safe_load(plan_path.read_text(encoding="utf-8"))["areas"] for a in area.get("activities", ()) for n in a.get("notes", ()) if n.startswith("Sửa tay")]
    assert any("30 thôn" in note and "giữ dạng văn bản" in note for note in notes)
    for indicator in ("job_position_schemes_approved", "staff_trained", "self_financing_units", "official_email_use", "online_services_on_national_portal"):
        assert any(indicator in note for note in notes), indicator


def test_the_stricter_of_two_equal_targets_wins_whatever_the_order() -> None:
    low = PlanTarget("procedures_simplified", Goal(">=", 20.0), None, 2024, 1, "p#low")
    high = PlanTarget("procedures_simplified", Goal(">=", 50.0), None, 2024, 1, "p#high")
    assert TargetBook([low, high]).resolve("procedures_simplified", None) is high
    assert TargetBook([high, low]).resolve("procedures_simplified", None) is high
    short = PlanTarget("waiting_time", Goal("<=", 15.0), None, 2024, 1, "p#short")
    long = PlanTarget("waiting_time", Goal("<=", 30.0), None, 2024, 1, "p#long")
    assert TargetBook([long, short]).resolve("waiting_time", None) is short


def test_duplicate_targets_and_activities_without_lead_are_warnings(tmp_path: Path) -> None:
    folder = tmp_path / "hai-duong"
    shutil.copytree(PLANS / "hai-duong", folder)
    plan = folder / "kiem-soat-tthc-2024.yaml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("indicator: internal_procedures_reviewed", "indicator: procedures_simplified", 1)
    text = text.replace("    lead:\n    - Sở Thông tin và Truyền thông\n    coop:\n    - Văn phòng UBND tỉnh\n    deadline: Thường xuyên trong năm 2024.", "    coop:\n    - Văn phòng UBND tỉnh\n    deadline: Thường xuyên trong năm 2024.", 1)
    plan.write_text(text, encoding="utf-8")
    result = run_cli("validate", str(plan))
    assert result.exit_code == 0, result.output
    assert "P211" in result.output and "chặt hơn" in result.output and "thứ tự trong tệp" in result.output
    assert "P212" in result.output and "III.a8" in result.output


def test_partial_agency_names_are_found() -> None:
    for query, name in (("Tứ Kỳ", "UBND huyện Tứ Kỳ"), ("gia loc", "UBND huyện Gia Lộc")):
        result = run_cli("agencies", query, "--plans", str(PLANS), "--format", "json")
        assert result.exit_code == 0, result.output
        assert [row["name"] for row in yaml.safe_load(result.stdout)] == [name]


def test_a_partial_name_of_several_agencies_lists_them() -> None:
    result = run_cli("agencies", "huyện", "--province", "Hải Dương", "--plans", str(PLANS))
    assert result.exit_code != 0 and "UBND huyện Gia Lộc" in result.stderr and "Traceback" not in result.output


def test_overdue_for_an_agency_needs_no_province_when_the_name_is_unambiguous() -> None:
    result = run_cli("overdue", "--agency", "UBND huyện Gia Lộc", "--plans", str(PLANS), "--format", "json")
    assert result.exit_code == 0, result.output
    assert "Gia Lộc" in result.stdout
    unknown = run_cli("overdue", "--agency", "UBND huyện Không Có", "--plans", str(PLANS))
    assert unknown.exit_code != 0 and "Không Có" in unknown.stderr
