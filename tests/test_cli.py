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
    assert "Cách dùng:" in result.stdout and "Usage" not in result.stdout
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


@pytest.mark.parametrize(
    ("args", "vietnamese", "english"),
    [
        (("score",), "Thiếu tham số 'YEAR'", "Missing argument 'YEAR'"),
        (("validate", "--format", "x"), "không thuộc các giá trị", "is not one of"),
        (("overdue", "--nope"), "Không có tùy chọn", "No such option"),
    ],
)
def test_click_messages_follow_the_language(args, vietnamese, english):
    vi = run_cli(*args)
    en = run_cli("--lang", "en", *args)
    assert vi.exit_code == en.exit_code == 2
    assert vietnamese in vi.stderr and "Error" not in vi.stderr and "Usage" not in vi.stderr
    assert english in en.stderr


def test_a_closed_pipe_ends_quietly_with_success():
    """`cchc overdue | head -1`: the reader leaves early; no error, no data-problem exit code."""
    for args in (["overdue", "--as-of", "2024-12-31"], ["overdue", "--as-of", "2024-12-31", "--format", "csv"], ["score", "2024"]):
        proc = subprocess.Popen([sys.executable, "-m", "cchc", *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.readline()
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait() == 0 and err == b"", (args, err)


def test_plans_option_must_be_a_folder():
    result = run_cli("plans", "--plans", "README.md", cwd=ROOT)
    assert result.exit_code == 2 and "không phải thư mục" in result.stderr
