"""Shared helpers: run the CLI in-process like a user would, with the exit code and both streams."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CASES = ROOT / "tests" / "cases"


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_cli(*args: str, cwd: Path | None = None) -> Result:
    """Invoke ``cchc`` through the same wrapper as the console script (exit codes, one-line errors)."""
    from cchc.cli import cli, run_safely

    runner = CliRunner()
    with runner.isolation() as (out, err, _):
        import os

        old = os.getcwd()
        if cwd is not None:
            os.chdir(cwd)
        try:
            code = run_safely(cli, list(args))
        finally:
            os.chdir(old)
        return Result(code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8"))


@pytest.fixture
def cli_run():
    return run_cli


def header_row(ws) -> int:  # noqa: ANN001 - an openpyxl worksheet
    """A cchc sheet's table header row: the row the panes are frozen below."""
    return int(ws.freeze_panes[1:]) - 1


def table(ws) -> list[list]:  # noqa: ANN001
    """Header and data rows of a cchc sheet (the title block left out), up to the blank row before the notes."""
    rows = []
    for row in ws.iter_rows(min_row=header_row(ws), values_only=True):
        if all(v is None for v in row):
            break
        rows.append(list(row))
    return rows
