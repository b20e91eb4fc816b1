"""The bad-input corpus (tests/corpus/cases.yaml): every bad file gives one clear line and a documented
exit code — never a traceback, a hang, a silent skip or a modified input.

Binary and huge files are built at test time (tests/corpus/build.py). Bombs and huge files run in a
subprocess with a timeout and a memory cap, so a regression fails the test instead of the machine.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, Result, run_cli

CORPUS = ROOT / "tests" / "corpus"
MANIFEST = yaml.safe_load((CORPUS / "cases.yaml").read_text(encoding="utf-8"))
COMMANDS: dict[str, dict] = MANIFEST["commands"]
CASES: list[dict] = MANIFEST["cases"]
KINDS = ("plan", "agencies", "methodology", "figures", "progress", "import")
IN_PROCESS_SECONDS = 5  # a case run in-process must finish well within this
ISOLATED_TIMEOUT = 60
MEMORY_CAP = 2 * 1024**3  # address space of an isolated run


def _load_build():
    spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


build = _load_build()


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Path]]:
    files = build.build_all(tmp_path_factory.mktemp("corpus"))
    yield files
    for path in files.values():  # pytest keeps old temporary folders: do not keep 70 MB in each
        if path.stat().st_size > 10 * 1024 * 1024:
            path.unlink()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _fixture_hashes(*folders: Path) -> dict[str, str]:
    return {str(p): _sha256(p) for folder in folders for p in sorted(folder.rglob("*")) if p.is_file()}


_ISOLATED = """
import json, os, sys
sys.path.insert(0, sys.argv[3])
from tests.conftest import run_cli
result = run_cli(*json.loads(sys.argv[1]), cwd=sys.argv[2])
print(json.dumps({"exit_code": result.exit_code, "stdout": result.stdout, "stderr": result.stderr}))
"""


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))
    except (ImportError, ValueError, OSError):
        pass


def run_isolated(args: list[str], cwd: Path) -> Result:
    """run_cli in a fresh interpreter, with a timeout and a memory cap (Linux/macOS)."""
    completed = subprocess.run(
        [sys.executable, "-c", _ISOLATED, json.dumps(args), str(cwd), str(ROOT)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=ISOLATED_TIMEOUT,
        preexec_fn=_limit_memory if sys.platform != "win32" else None,  # noqa: PLW1509 - no threads here
        cwd=ROOT,
    )
    assert completed.returncode == 0, f"the run crashed (return code {completed.returncode}):\n{completed.stderr[-3000:]}"
    data = json.loads(completed.stdout.strip().splitlines()[-1])
    return Result(data["exit_code"], data["stdout"], data["stderr"])


def case_path(case: dict, built: dict[str, Path]) -> Path:
    return built[case["file"]] if case.get("build") else CORPUS / case["file"]


def run_case(case: dict, built: dict[str, Path], out: Path) -> tuple[Result, float, Path]:
    path = case_path(case, built)
    command = COMMANDS[case["command"]]
    args = [arg.format(file=path, out=out) for arg in command["args"]]
    cwd = ROOT / command["cwd"]
    started = time.perf_counter()
    result = run_isolated(args, cwd) if case.get("isolate") else run_cli(*args, cwd=cwd)
    return result, time.perf_counter() - started, path


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_bad_input_gives_one_clear_line(case: dict, built: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "out" / "plan.yaml"
    out.parent.mkdir()
    path = case_path(case, built)
    fixtures = _fixture_hashes(CORPUS / "support", ROOT / "tests" / "data" / "overdue")
    before = _sha256(path)

    result, elapsed, path = run_case(case, built, out)
    output = result.stdout + result.stderr

    assert "Traceback" not in output, output[-3000:]
    assert result.exit_code == case["exit"], output[-3000:]
    if not case.get("isolate"):
        assert elapsed < IN_PROCESS_SECONDS, f"took {elapsed:.1f}s"
    problems = [line for line in output.splitlines() if line.startswith(f"{path}:")]
    assert len(problems) == case.get("problems", 1), output[-3000:]
    where = f"{path}:" if case["line"] is None else f"{path}:{case['line']}:" + (f"{case['col']}:" if "col" in case else "")
    first = problems[0]
    assert first.startswith(where), f"{first[:300]!r} does not start with {where!r}"
    if case["line"] is None:
        assert first.startswith(f"{path}: "), first[:300]
    assert f" {case['code']} " in first, first[:300]
    assert case["says"] in first, first[:300]
    assert len(first) < 1500, "a problem line must stay readable"
    # one clear line: nothing else but the problem lines (validate adds its one-line summary on stderr)
    others = [line for line in output.splitlines() if line.strip() and line not in problems]
    if case["command"] == "validate":
        assert result.stdout.splitlines() == problems and len(others) == 1, output[-3000:]
    else:
        assert others == [], others
    # never resolve an XML entity, never write a partial output, never touch the inputs
    assert build.SECRET not in output
    if case["command"] == "import":
        assert list(out.parent.iterdir()) == [], "a failed import wrote a file"
    assert _sha256(path) == before, "the input file was modified"
    assert _fixture_hashes(CORPUS / "support", ROOT / "tests" / "data" / "overdue") == fixtures


def test_the_manifest_covers_the_corpus() -> None:
    files = {f"{p.parent.name}/{p.name}" for kind in KINDS for p in (CORPUS / kind).iterdir()}
    declared = {c["file"] for c in CASES if not c.get("build")}
    assert files == declared, (files - declared, declared - files)
    assert {c["file"] for c in CASES if c.get("build")} == set(build.BUILDERS)
    assert len({c["file"] for c in CASES}) == len(CASES), "a file has two cases"
    assert all(c["command"] in COMMANDS and c["exit"] in (1, 2) and "line" in c for c in CASES)
    assert len(CASES) >= 45 and {c["file"].split("/")[0] for c in CASES} == set(KINDS)


def test_built_files_are_deterministic(tmp_path: Path) -> None:
    for relpath, make in build.BUILDERS.items():
        if relpath.endswith((".xlsx", ".docx")) and "bomb" not in relpath:
            target = tmp_path / relpath
            target.parent.mkdir(parents=True, exist_ok=True)
            make(target)
            first = target.read_bytes()
            make(target)
            assert target.read_bytes() == first, relpath


def test_openpyxl_parses_with_defusedxml() -> None:
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML is True


def test_xlsx_is_refused_when_openpyxl_runs_without_defusedxml(built: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import openpyxl

    from cchc.adapters.xlsxread import open_workbook
    from cchc.core.problems import UnreadableInput

    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(UnreadableInput) as caught:
        open_workbook(built["figures/div0.xlsx"])
    assert caught.value.problem.code == "X703"


def test_docx_reader_uses_defusedxml() -> None:
    from defusedxml import ElementTree

    from cchc.adapters.importer import sources

    assert sources.ElementTree is ElementTree


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure-python"])
def test_yaml_limits_hold_with_either_parser(libyaml: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Control characters are located in characters (libyaml counts bytes), deep nesting is refused."""
    import yaml as pyyaml

    from cchc.adapters import yamlio
    from cchc.core.problems import CchcError

    if not libyaml:

        class PureLoader(pyyaml.SafeLoader):
            pass

        monkeypatch.setattr(yamlio, "_Loader", PureLoader)
    cases = {
        "kind: plan\ntitle: Kế hoạch cải cách\x07\n": (2, 25, "U+0007"),
        "kind: plan\nnotes: " + "[" * 5000 + "]" * 5000 + "\n": (2, 107, "100"),
        "kind: plan\nnotes:\n" + "- " * 5000 + "x\n": (3, 199, "100"),
    }
    for text, (line, col, says) in cases.items():
        with pytest.raises(CchcError) as caught:
            yamlio.parse_yaml(text, "f.yaml")
        problem = caught.value.problem
        assert (problem.line, problem.col, problem.code) == (line, col, "Y001") and says in problem.message
