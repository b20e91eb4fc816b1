"""The command line as a whole: help for every command, lazy imports, version, errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

from cchc.cli import COMMANDS
from tests.conftest import ROOT, run_cli


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_has_help(name):
    result = run_cli(name, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.stdout
    from cchc.cli import cli

    command = cli.get_command(None, name)
    assert command.help and command.help.strip()


def test_help_lists_commands_in_both_languages():
    assert "Kiểm tra" in run_cli("--help").stdout
    assert "Check plan" in run_cli("--lang", "en", "--help").stdout


def test_help_and_version_do_not_import_heavy_modules():
    code = (
        "import sys\n"
        "from cchc.cli import cli\n"
        "from cchc.cli import run_safely\n"
        "run_safely(cli, ['--help'])\n"
        "run_safely(cli, ['--version'])\n"
        "heavy = [m for m in ('openpyxl', 'rich', 'yaml', 'cchc.adapters.workspace') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert "HEAVY []" in out


def test_console_script_runs_as_module():
    out = subprocess.run([sys.executable, "-m", "cchc", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0 and "cchc" in out.stdout


def test_unknown_command_is_a_usage_error():
    result = run_cli("frobnicate")
    assert result.exit_code == 2
    assert "Traceback" not in result.output
