"""Open any cchc YAML file and tell what it is (its top-level ``kind:``)."""

from __future__ import annotations

from pathlib import Path

from cchc.adapters.yamlio import YMap, load_yaml
from cchc.core.i18n import tr
from cchc.core.problems import CchcError, Problem

KINDS = ("plan", "agencies", "methodology", "figures", "progress", "portal-snapshot")


def load_document(path: str | Path) -> tuple[str, YMap, list[Problem]]:
    """Parse ``path`` and return (kind, data, non-fatal problems); raises for unusable files."""
    data, problems = load_yaml(path)
    shown = str(path)
    if not isinstance(data, YMap):
        raise CchcError(
            Problem(shown, 1, 1, "S102", tr("tệp phải là một ánh xạ YAML (khóa: giá trị) ở cấp cao nhất", "the file must be a YAML mapping (key: value) at the top level"))
        )
    kind = data.get("kind")
    if kind not in KINDS:
        line, col = data.pos("kind")
        wanted = ", ".join(KINDS)
        if kind is None:
            message = tr(f"thiếu khóa 'kind' ở đầu tệp; ghi một trong: {wanted}", f"missing top-level 'kind'; write one of: {wanted}")
        else:
            message = tr(f"kind '{kind}' không hợp lệ; ghi một trong: {wanted}", f"unknown kind '{kind}'; use one of: {wanted}")
        raise CchcError(Problem(shown, line, col, "S101", message))
    return kind, data, problems
