"""The application layer: one function per job, usable from Python as well as from the CLI.

See docs/api.md. Every job takes an :class:`Inputs` (what to read) and returns data; nothing here
prints. The CLI (cchc.commands) only parses options, calls these and renders the result.

The names below are imported on first use, so a command loads only the jobs it runs.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOMES = {
    "Inputs": "cchc.app.inputs",
    "Run": "cchc.app.inputs",
    "ScoreResult": "cchc.app.scorecard",
    "find_agencies": "cchc.app.browse",
    "find_item": "cchc.app.browse",
    "list_plans": "cchc.app.browse",
    "meeting_workbook": "cchc.app.export",
    "overdue": "cchc.app.overdue_report",
    "plans_and_progress": "cchc.app.overdue_report",
    "score": "cchc.app.scorecard",
    "validate_paths": "cchc.app.validate",
}

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'cchc.app' has no attribute {name!r}")
    return getattr(import_module(home), name)
