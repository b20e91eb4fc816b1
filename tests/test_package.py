"""The package as users get it: a wheel installed (not editable) into a fresh virtual environment,
the published pre-commit hook run by pre-commit itself, and the GitHub workflows' own steps.

The editable checkout hides mistakes a user meets at once (a module imported only by the test
runner, a data file left out of the wheel), so these tests never import cchc from the checkout:
everything runs as a subprocess of the installed ``cchc``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

SOURCE_FILES = ("pyproject.toml", "README.md", "LICENSE")


def _run(args: list[str], cwd: Path, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def _clean_env(**extra: str) -> dict:
    """The user's environment: no virtualenv of ours, no PYTHONPATH pointing at the checkout."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", **extra)
    return env


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a clean copy of the sources (an in-tree build/ could carry stale files)."""
    src = tmp_path_factory.mktemp("src")
    for name in SOURCE_FILES:
        shutil.copy2(ROOT / name, src / name)
    shutil.copytree(ROOT / "cchc", src / "cchc", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    out = tmp_path_factory.mktemp("dist")
    done = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(src)], src, _clean_env())
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("cchc-*.whl")
    return built


@pytest.fixture(scope="session")
def user_venv(tmp_path_factory, wheel) -> Path:
    """A fresh virtual environment with the wheel installed as ``pip install`` gives it to users."""
    home = tmp_path_factory.mktemp("venv")
    venv.create(home, with_pip=True)
    done = _run([str(home / "bin" / "python"), "-m", "pip", "install", "-q", str(wheel)], home, _clean_env())
    assert done.returncode == 0, done.stderr
    return home


def test_wheel_carries_its_data_and_nothing_else(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "cchc/data/methodologies/qd766.yaml" in names
    assert "cchc/data/units/units-2025.csv" in names and "cchc/data/units/SOURCES.md" in names
    assert any(n.startswith("cchc/indicators/") and n.endswith(".py") for n in names)
    assert any(n.endswith("licenses/LICENSE") for n in names)
    stray = [n for n in names if n.split("/")[0] in ("tests", "bench", "tools", "scripts", "plans", "reports") or "__pycache__" in n or n.endswith(".pyc")]
    assert stray == []


def test_installed_cchc_runs_the_main_job(user_venv, tmp_path):
    """From a folder outside the checkout, the installed console script does every job end to end."""
    cchc = str(user_venv / "bin" / "cchc")
    work = tmp_path / "office"
    shutil.copytree(ROOT / "plans", work / "plans")
    shutil.copytree(ROOT / "reports", work / "reports")
    env = _clean_env()

    def ok(*args: str) -> str:
        done = _run([cchc, *args], work, env)
        assert done.returncode == 0, f"cchc {' '.join(args)}: {done.stderr}"
        assert "Traceback" not in done.stderr
        return done.stdout

    ok("validate", "plans/", "reports/")
    card = ok("score", "2024", "--agency", "Sở Nội vụ")
    assert "Sở Nội vụ" in card and "Tổng" in card
    assert "Sở Nội vụ" in ok("overdue", "--as-of", "2024-12-31", "--province", "Hải Dương", "--agency", "Sở Nội vụ")
    ok("export", "2024", "-o", "giao-ban.xlsx", "--agency", "Sở Nội vụ")
    assert zipfile.is_zipfile(work / "giao-ban.xlsx")
    assert "qd766" in ok("score", "2024", "--methodology", "qd766", "--format", "json")
    assert '"Xã Cẩm Xuyên"' in ok("units", "--from", "cam xuyen", "--format", "json")  # the bundled master data
    # help must not need anything the wheel lacks
    assert "validate" in ok("--help")


def _git(args: list[str], cwd: Path) -> None:
    env = _clean_env(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    done = _run(["git", *args], cwd, env)
    assert done.returncode == 0, done.stderr


def _hook_repository(where: Path) -> Path:
    """This project as a git repository holding what pre-commit installs (works from any checkout,
    an unpacked sdist included)."""
    for name in (*SOURCE_FILES, ".pre-commit-hooks.yaml"):
        where.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, where / name)
    shutil.copytree(ROOT / "cchc", where / "cchc", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    _git(["init", "-q"], where)
    _git(["add", "-A"], where)
    _git(["commit", "-q", "-m", "hook"], where)
    return where


def test_pre_commit_hook_passes_good_plans_and_names_the_broken_line(tmp_path):
    """``pre-commit try-repo`` installs this repository's hook as a user's pre-commit would."""
    office = tmp_path / "office"
    (office / "plans").mkdir(parents=True)
    shutil.copytree(ROOT / "plans" / "hai-duong", office / "plans" / "hai-duong")
    _git(["init", "-q"], office)
    _git(["add", "-A"], office)
    _git(["commit", "-q", "-m", "plans"], office)
    hook_repo = _hook_repository(tmp_path / "hook")
    pre_commit = [sys.executable, "-m", "pre_commit"]
    env = _clean_env(PRE_COMMIT_HOME=str(tmp_path / "cache"))

    good = _run([*pre_commit, "try-repo", str(hook_repo), "cchc-validate", "--all-files"], office, env)
    assert good.returncode == 0, good.stdout + good.stderr
    assert "Passed" in good.stdout

    broken = office / "plans" / "hai-duong" / "hong.yaml"
    broken.write_text("kind: plan\nid: hong\nprovince: Hải Dương\ntitle: Kế hoạch hỏng\nperiod: 2024\nareas:\n  - id: I\n    title: Lĩnh vực\n    activities:\n      - id: a1\n        text: Việc\n        lead: [Sở Nôi vụ]\n", encoding="utf-8")
    _git(["add", "-A"], office)
    bad = _run([*pre_commit, "try-repo", str(hook_repo), "cchc-validate", "--all-files"], office, env)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "plans/hai-duong/hong.yaml:12:" in bad.stdout and "P202" in bad.stdout
    assert "Traceback" not in bad.stdout


WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_well_formed(path):
    """What actionlint would catch first: a trigger, jobs with a runner, and steps that use a pinned
    action or run a command (actionlint itself downloads a binary, which CI cannot)."""
    flow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert flow.get("name") and (flow.get("on") or flow.get(True)), "a workflow needs a name and a trigger"
    assert flow["jobs"], "a workflow needs jobs"
    for job_id, job in flow["jobs"].items():
        assert "runs-on" in job, f"{job_id}: runs-on"
        for step in job["steps"]:
            assert ("uses" in step) != ("run" in step), f"{job_id}: a step either uses an action or runs a command"
            if "uses" in step:
                action, _, version = step["uses"].partition("@")
                assert action.startswith("actions/") and version.startswith("v"), f"{job_id}: pin {step['uses']} to a release"
        matrix = job.get("strategy", {}).get("matrix", {})
        for version in matrix.get("python-version", []):
            assert isinstance(version, str), f"{job_id}: quote Python versions ('3.10' is not 3.1)"


def test_validate_workflow_steps_run_in_a_clean_environment(user_venv, tmp_path):
    """The steps of the plans workflow, as GitHub runs them, with ``pip`` and ``cchc`` from a fresh venv."""
    flow = yaml.safe_load((ROOT / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8"))
    (job,) = flow["jobs"].values()
    commands = [step["run"] for step in job["steps"] if "run" in step]
    assert any(c.startswith("cchc validate") for c in commands)
    work = tmp_path / "repo"
    shutil.copytree(ROOT / "plans", work / "plans")
    shutil.copytree(ROOT / "reports", work / "reports")
    env = _clean_env(PATH=f"{user_venv / 'bin'}{os.pathsep}{os.environ['PATH']}")
    for command in commands:
        if command.startswith("pip install"):
            continue  # the wheel is already installed in user_venv, as `pip install .` would
        done = _run(["bash", "-c", command], work, env)
        assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
        assert "::error" not in done.stdout
