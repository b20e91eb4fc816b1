"""The layers stay layers (docs/architecture.md): core and indicators are pure, adapters read and
write files, the application layer runs jobs, and only the CLI layer (cli.py, commands/) talks to
people. Imports are read from the source, function-level ones included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "cchc"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return {name for name in found if name == "cchc" or name.startswith("cchc.")}


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
GRAPH = {name: {m for m in _imports(path) if m in MODULES and m != name} for name, path in MODULES.items()}


def layer(module: str) -> str:
    parts = module.split(".")
    if module in ("cchc.cli", "cchc.__main__") or (len(parts) > 1 and parts[1] == "commands"):
        return "cli"
    if module == "cchc":
        return "package"
    return parts[1]  # core, indicators, adapters, app


ALLOWED = {
    "core": {"core", "indicators", "package"},
    "indicators": {"core", "indicators", "package"},
    "adapters": {"core", "indicators", "adapters", "package"},
    "app": {"core", "indicators", "adapters", "app", "package"},
    "cli": {"core", "indicators", "adapters", "app", "cli", "package"},
    "package": {"cli"},  # __main__ runs the CLI
}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_imports_only_lower_layers(module):
    own = layer(module)
    assert own in ALLOWED, f"{module} is in no known layer"
    wrong = sorted(m for m in GRAPH[module] if layer(m) not in ALLOWED[own])
    assert wrong == [], f"{module} ({own}) imports {wrong}"


def test_no_command_imports_another():
    for module, imported in GRAPH.items():
        if layer(module) == "cli" and module.startswith("cchc.commands.") and not module.split(".")[-1].startswith("_"):
            others = [m for m in imported if m.startswith("cchc.commands.") and not m.split(".")[-1].startswith("_")]
            assert others == [], f"{module} imports {others}"


def test_no_import_cycles():
    """Depth-first search over every import, lazy ones included."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                cycle = stack[stack.index(nxt):] + [nxt]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module)
