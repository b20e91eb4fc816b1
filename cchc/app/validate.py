"""What ``cchc validate`` checks, for every kind of file, as one list of problems."""

from __future__ import annotations

from pathlib import Path

from cchc.adapters.workspace import Workspace, load_paths, yaml_files
from cchc.core.problems import Problem


class _Context:
    """Plans that progress and figure files are checked against: those validated, else ``plans_dir``."""

    def __init__(self, plans_dir: Path):
        self.plans_dir = plans_dir
        self._fallback: Workspace | None = None

    def workspace(self, ws: Workspace) -> Workspace:
        if ws.plans or not self.plans_dir.exists():
            return ws
        if self._fallback is None:
            self._fallback = load_paths([self.plans_dir])
        return self._fallback


def validate_paths(paths: list[Path], plans_dir: Path = Path("plans")) -> tuple[list[Problem], bool, int]:
    """Problems under ``paths`` sorted by file and line, whether any file was unreadable, file count."""
    context = _Context(plans_dir)

    def check_other_kinds(kind: str, path: Path, data: object, ws: Workspace) -> list[Problem]:
        """Methodology and progress files are checked by the modules that read them."""
        if kind == "methodology":
            from cchc.adapters.methodologyfile import check_methodology_data

            return check_methodology_data(data, str(path))
        if kind == "figures":
            return _check_figures(path, data, context.workspace(ws))
        if kind == "progress":
            from cchc.adapters.progressfile import load_progress

            plans_ws = context.workspace(ws)
            registries = {plan.id: plans_ws.registry_of(plan) for plan in plans_ws.plans}
            return load_progress([path], plans_ws.plans, registries)[1]
        return []

    ws = load_paths(paths, check_extra=check_other_kinds)
    problems = sorted(ws.problems, key=lambda p: (p.path, p.line or 0, p.col or 0, p.code))
    return problems, ws.unreadable, len(yaml_files(paths))


def _check_figures(path: Path, data: object, ws: Workspace) -> list[Problem]:
    """Figures resolve against their province's registry: the file's ``province``, else its folder."""
    from cchc.adapters.figuresfile import load_figures
    from cchc.core.i18n import tr
    from cchc.core.problems import CchcError

    province = data.get("province") if isinstance(data, dict) else None
    candidates = [province] if province else [part for part in reversed(path.resolve().parts)]
    for name in candidates:
        try:
            registry = ws.registry_for(str(name))
        except CchcError:
            continue
        year = data.get("year") if isinstance(data, dict) else None
        return load_figures([path], registry, year)[1]
    return [Problem(str(path), 1, 1, "F517", tr("không biết tệp số liệu thuộc tỉnh nào; ghi 'province:' hoặc đặt tệp trong reports/<năm>/<tỉnh>/", "cannot tell which province the figures are for; add 'province:' or put the file under reports/<year>/<province>/"))]
