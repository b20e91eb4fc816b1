"""Every input is a parameter: results never depend on the working directory."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import ROOT, run_cli


def _json(*args: str, cwd: Path = ROOT) -> dict:
    """The scorecard's JSON without provenance (paths of the files read, which differ by design)."""
    result = run_cli(*args, "--format", "json", cwd=cwd)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    data.pop("methodology_reason", None)
    for agency in data["agencies"]:
        for criterion in agency["criteria"]:
            criterion.pop("trace", None)
    return data


def _scattered(tmp_path: Path) -> tuple[Path, Path, Path]:
    """The bundled plans, figures and progress reports copied to three unrelated folders."""
    plans = tmp_path / "a" / "ke-hoach"
    figures = tmp_path / "b" / "so-lieu"
    progress = tmp_path / "c" / "tien-do"
    shutil.copytree(ROOT / "plans", plans)
    shutil.copytree(ROOT / "reports" / "2024" / "hai-duong", figures)
    shutil.copytree(ROOT / "reports" / "progress", progress)
    return plans, figures, progress


def test_scorecard_is_the_same_from_any_folder(tmp_path):
    here = _json("score", "2024", "--agency", "Sở Nội vụ")
    plans, figures, progress = _scattered(tmp_path)
    there = _json("score", "2024", "--agency", "Sở Nội vụ", "--plans", str(plans), "--figures", str(figures), "--progress", str(progress), "--province", "Hải Dương", cwd=Path("/"))
    assert there == here
    assert there["agencies"][0]["total"] == 94.64


def test_progress_elsewhere_reaches_plan_completion_in_the_workbook(tmp_path):
    """--progress feeds criterion I.1 (plan completion) as well as the overdue sheets."""
    plans, figures, progress = _scattered(tmp_path)
    out = tmp_path / "giao-ban.xlsx"
    result = run_cli("export", "2024", "-o", str(out), "--agency", "Sở Nội vụ", "--plans", str(plans), "--figures", str(figures), "--progress", str(progress), "--province", "Hải Dương", cwd=Path("/"))
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out)["Phiếu điểm"]
    texts = [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]
    completion = next(row for row in texts if any(isinstance(c, str) and c.startswith("Tỷ lệ nhiệm vụ trong kế hoạch") for c in row))
    assert "Không có số liệu" not in completion


def test_defaults_derive_from_the_plans_folder_not_the_working_directory(tmp_path):
    """A workspace elsewhere reads its own reports/ beside its plans/, not the current folder's."""
    plans, figures, progress = _scattered(tmp_path)
    reports = plans.parent / "reports"
    shutil.copytree(figures, reports / "2024" / "hai-duong")
    shutil.copytree(progress, reports / "progress")
    from_root = _json("score", "2024", "--agency", "Sở Nội vụ", "--plans", str(plans), "--province", "Hải Dương", cwd=Path("/"))
    assert from_root == _json("score", "2024", "--agency", "Sở Nội vụ")
