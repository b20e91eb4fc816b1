"""`cchc validate` on example files: the good ones pass, each bad one gives exactly one clear line."""

from __future__ import annotations

import json

import pytest
import yaml

from tests.conftest import CASES, DATA, ROOT, run_cli

VALIDATE = DATA / "validate"
CASE_LIST = yaml.safe_load((CASES / "validate.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASE_LIST, ids=[c["file"] for c in CASE_LIST])
def test_bad_file_gives_one_clear_line(case):
    path = VALIDATE / "bad" / case["file"]
    result = run_cli("validate", str(path))
    lines = result.stdout.splitlines()
    assert len(lines) == 1, result.output
    where = f"{path}:{case['line']}:{case['col']}: " if "line" in case else f"{path}:"
    assert lines[0].startswith(where), lines[0]
    assert f" {case['code']}" in lines[0]
    if "says" in case:
        assert case["says"] in lines[0]
    assert result.exit_code == case["exit"]
    assert "Traceback" not in result.output
    if "strict_exit" in case:
        assert run_cli("validate", "--strict", str(path)).exit_code == case["strict_exit"]


def test_every_bad_file_has_a_case():
    files = {p.name for p in (VALIDATE / "bad").iterdir()}
    assert files == {c["file"] for c in CASE_LIST}


def test_good_examples_pass():
    result = run_cli("validate", str(VALIDATE / "good"), str(VALIDATE / "agencies.yaml"))
    assert result.stdout == ""
    assert result.exit_code == 0, result.output


def test_bundled_plans_validate():
    """No errors and no warnings: the demo prints nothing about the bundled data. Activities whose
    document names no lead say so with `lead: []` and a note, which P212 respects."""
    result = run_cli("validate", "--strict", str(ROOT / "plans"), str(ROOT / "reports"))
    assert result.exit_code == 0 and result.stdout == "", result.output


def test_json_and_github_formats():
    path = VALIDATE / "bad" / "unknown-agency.yaml"
    data = json.loads(run_cli("validate", "--format", "json", str(path)).stdout)
    assert [(p["code"], p["line"], p["col"], p["severity"]) for p in data] == [("P202", 12, 16, "error")]
    github = run_cli("--lang", "en", "validate", "--format", "github", str(path)).stdout
    assert github.startswith(f"::error file={path},line=12,col=16,title=P202::unknown agency 'Sở Nôi vụ'")


def test_english_messages():
    result = run_cli("--lang", "en", "validate", str(VALIDATE / "bad" / "percent-120.yaml"))
    assert "percentage 120% is outside 0–100%" in result.stdout


def test_missing_path_is_a_usage_error():
    result = run_cli("validate", str(VALIDATE / "nope.yaml"))
    assert result.exit_code == 2
    assert "nope.yaml" in result.stdout


def test_input_files_are_never_modified(tmp_path):
    before = {p: p.read_bytes() for p in (VALIDATE / "bad").iterdir()}
    for path in before:
        run_cli("validate", str(path))
    assert {p: p.read_bytes() for p in before} == before


def test_figures_files_are_validated_against_their_province(tmp_path):
    bad = tmp_path / "figures.yaml"
    bad.write_text(
        "kind: figures\nyear: 2024\nprovince: Hải Dương\nfigures:\n"
        "  - {agency: Sở Nội vụ, indicator: on_time_dossiers, numerator: 5, denominator: 3}\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(bad), cwd=ROOT)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"{bad}:5:") and " F507 " in result.stdout
    nowhere = tmp_path / "nowhere.yaml"
    nowhere.write_text("kind: figures\nfigures: []\n", encoding="utf-8")
    assert " F517 " in run_cli("validate", str(nowhere), cwd=ROOT).stdout


def test_bundled_reports_validate():
    result = run_cli("validate", "reports", cwd=ROOT)
    assert result.exit_code == 0, result.output


def test_validate_checks_figures_tables(tmp_path):
    """CSV files are checked too: a bad number at file.csv:LINE, and a decimal comma that shifts the
    row is an error, not a shifted row."""
    folder = tmp_path / "reports" / "2024" / "hai-duong"
    folder.mkdir(parents=True)
    table = folder / "figures.csv"
    table.write_text(
        "agency,indicator,numerator,denominator,value,period,source,note\n"
        "Sở Nội vụ,on_time_dossiers,12x,100,,2024,,\n"
        "Sở Tư pháp,satisfaction,,,95,5,2024,,\n",
        encoding="utf-8",
    )
    result = run_cli("validate", "--plans", str(ROOT / "plans"), str(tmp_path / "reports"))
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith(f"{table}:2:3: F505") and "12x" in lines[0]
    assert lines[1].startswith(f"{table}:3:1: F502") and '"95,5"' in lines[1]


def test_registry_loops_are_errors(tmp_path):
    registry = tmp_path / "agencies.yaml"
    registry.write_text(
        "kind: agencies\nprovince: Thử\nagencies:\n"
        "  - {id: a, name: Sở A, kind: department, level: tinh, successor: {agency: b, date: 2025-03-01}}\n"
        "  - {id: b, name: Sở B, kind: department, level: tinh, successor: {agency: Sở A, date: 2025-03-01}}\n"
        "collectives:\n  - {id: c1, name: Nhóm 1, includes: [c2]}\n  - {id: c2, name: Nhóm 2, includes: [c1]}\n",
        encoding="utf-8",
    )
    result = run_cli("validate", str(registry))
    codes = [line.split(": ")[1].split()[0] for line in result.stdout.strip().splitlines()]
    assert result.exit_code == 1 and codes == ["A305", "A305", "A306", "A306"]


def test_at_most_fifty_problems_per_file(tmp_path):
    folder = tmp_path / "reports" / "2024" / "hai-duong"
    folder.mkdir(parents=True)
    rows = "".join(f"Sở Nội vụ,on_time_dossiers,x{i},100,,2024,,\n" for i in range(500))
    (folder / "figures.csv").write_text("agency,indicator,numerator,denominator,value,period,source,note\n" + rows, encoding="utf-8")
    result = run_cli("validate", "--plans", str(ROOT / "plans"), str(folder))
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 51 and "E001" in lines[-1] and "450" in lines[-1]


def test_warnings_beyond_the_fifty_shown_do_not_fail_the_run(tmp_path):
    """E001 is an error only when an error is among the problems it stands for."""
    plan = (ROOT / "plans" / "hai-duong" / "khung-2021-2025.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "plans" / "hai-duong"
    folder.mkdir(parents=True)
    (folder / "agencies.yaml").write_text((ROOT / "plans" / "hai-duong" / "agencies.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    lines = plan.splitlines(keepends=True)
    period = next(i for i, line in enumerate(lines) if line.startswith("period:"))
    lines[period] = "period: 2023\n"  # every deadline of another year is now outside the period: a P206 warning each
    (folder / "khung.yaml").write_text("".join(lines), encoding="utf-8")
    result = run_cli("validate", str(tmp_path / "plans"))
    more = [line for line in result.stdout.splitlines() if "E001" in line]
    assert len(more) == 1 and "(cảnh báo)" in more[0] and result.exit_code == 0, result.output
    assert run_cli("validate", "--strict", str(tmp_path / "plans")).exit_code == 1
