"""What ``cchc validate`` checks, for every kind of file, as one list of problems."""

from __future__ import annotations

from pathlib import Path

from cchc.problems import Problem
from cchc.workspace import Workspace, load_paths, yaml_files


def _check_other_kinds(kind: str, path: Path, data: object, ws: Workspace) -> list[Problem]:
    """Methodology, figures and progress files are checked by the modules that read them."""
    if kind == "methodology":
        from cchc.scoring import check_methodology_data

        return check_methodology_data(data, str(path))
    return []


def validate_paths(paths: list[Path]) -> tuple[list[Problem], bool, int]:
    """Problems under ``paths`` sorted by file and line, whether any file was unreadable, file count."""
    ws = load_paths(paths, check_extra=_check_other_kinds)
    problems = sorted(ws.problems, key=lambda p: (p.path, p.line or 0, p.col or 0, p.code))
    return problems, ws.unreadable, len(yaml_files(paths))
