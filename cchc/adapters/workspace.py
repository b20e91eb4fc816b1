"""Load a folder of plans with the agency registries they resolve against.

A plan finds its registry through its ``registry:`` key or, by default, the ``agencies.yaml`` in
its own folder or a parent folder. Commands that answer questions (overdue, score, export) load a
workspace strictly: a plan with errors stops them, so a broken plan never yields a wrong answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cchc.adapters.documents import load_document
from cchc.adapters.gcpause import no_gc_pauses
from cchc.adapters.registryfile import registry_from_data
from cchc.core.agencies import Registry
from cchc.core.i18n import tr
from cchc.core.problems import ERROR, CchcError, Problem, UnreadableInput
from cchc.core.text import fold

if TYPE_CHECKING:
    from cchc.core.model import Plan

YAML_SUFFIXES = (".yaml", ".yml")
TABLE_SUFFIXES = (".csv", ".xlsx")  # figures and progress tables, checked by their own readers


@dataclass
class Workspace:
    plans: list[Plan] = field(default_factory=list)
    registries: dict[str, Registry] = field(default_factory=dict)  # keyed by registry file path
    plan_registry: dict[str, str] = field(default_factory=dict)  # plan id -> registry path
    documents: dict[str, list[tuple[Path, object]]] = field(default_factory=dict)  # other kinds
    problems: list[Problem] = field(default_factory=list)
    unreadable: bool = False
    partial: bool = False  # only one province's folder was loaded

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    def registry_of(self, plan: Plan) -> Registry | None:
        key = self.plan_registry.get(plan.id)
        return self.registries.get(key) if key else None

    def registry_for(self, province: str) -> Registry:
        """The registry of a province, by name ("Hải Dương", "hai duong") or folder slug ("hai-duong")."""
        wanted = fold(province).replace("-", " ")
        for path, registry in self.registries.items():
            if fold(registry.province) == wanted or Path(path).parent.name.replace("-", " ") == wanted:
                return registry
        known = ", ".join(sorted(r.province for r in self.registries.values())) or "-"
        raise CchcError(tr(f"không có danh mục cơ quan cho tỉnh '{province}' (có: {known})", f"no agency registry for province '{province}' (known: {known})"), 2)

    def plan(self, plan_id: str) -> Plan:
        for plan in self.plans:
            if plan.id == plan_id or Path(plan.path).stem == plan_id:
                return plan
        known = ", ".join(p.id for p in self.plans)
        raise CchcError(tr(f"không có kế hoạch '{plan_id}'; các kế hoạch: {known}", f"no plan '{plan_id}'; plans: {known}"), 2)


def yaml_files(paths: list[Path]) -> list[Path]:
    """The YAML files named or found (recursively) under ``paths``, in a stable order."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix in YAML_SUFFIXES and p.is_file()))
        elif path.suffix.lower() not in TABLE_SUFFIXES:
            out.append(path)  # a named file is read as YAML whatever its name, unless it is a table
    return out


def _registry_path(plan_path: Path, declared: str | None) -> Path | None:
    if declared:
        return (plan_path.parent / declared).resolve()
    for folder in [plan_path.parent, *plan_path.parent.parents][:3]:
        candidate = folder / "agencies.yaml"
        if candidate.is_file():
            return candidate.resolve()
    return None


def load_paths(paths: list[Path], check_extra=None) -> Workspace:  # noqa: ANN001
    """Load and check every YAML file under ``paths``; problems are collected, not raised.

    ``check_extra(kind, path, data, workspace)`` validates kinds this module does not own
    (methodology, figures, progress) and returns their problems.
    """
    with no_gc_pauses():
        return _load_paths(paths, check_extra)


def _load_paths(paths: list[Path], check_extra=None) -> Workspace:  # noqa: ANN001
    ws = Workspace()
    loaded: list[tuple[str, Path, object, list[Problem]]] = []
    for path in yaml_files(paths):
        try:
            kind, data, problems = load_document(path)
        except UnreadableInput as exc:
            ws.unreadable = True
            ws.problems.append(_as_problem(exc, path))
            continue
        except CchcError as exc:
            ws.problems.append(_as_problem(exc, path))
            continue
        loaded.append((kind, path, data, problems))
    for kind, path, data, problems in loaded:
        if kind == "agencies":
            registry, found = registry_from_data(data, str(path), problems)
            ws.registries[str(path.resolve())] = registry
            ws.problems.extend(found)
    for kind, path, data, problems in loaded:
        if kind == "plan":
            _load_plan(ws, path, data, problems)
    for kind, path, data, problems in loaded:
        if kind not in ("plan", "agencies"):
            ws.documents.setdefault(kind, []).append((path, data))
            ws.problems.extend(problems)
            if check_extra is not None:
                ws.problems.extend(check_extra(kind, path, data, ws))
    return ws


def _load_plan(ws: Workspace, path: Path, data, problems: list[Problem]) -> None:  # noqa: ANN001
    # Imported when there is a plan: a registry alone (a nation's communes) needs no plan model.
    from cchc.adapters.planfile import check_plan, read_plan

    plan, found = read_plan(data, str(path), problems)
    ws.problems.extend(found)
    if plan is None:
        return
    registry_path = _registry_path(path, plan.registry)
    registry = None
    if registry_path is None or not registry_path.is_file():
        line, col = data.pos("registry")
        ws.problems.append(Problem(str(path), line, col, "P210", tr("không tìm thấy danh mục cơ quan (agencies.yaml cạnh kế hoạch, hoặc khóa 'registry')", "no agency registry found (agencies.yaml beside the plan, or a 'registry' key)")))
    else:
        key = str(registry_path)
        if key not in ws.registries:
            try:
                kind, reg_data, reg_problems = load_document(registry_path)
                registry, reg_found = registry_from_data(reg_data, key, reg_problems)
                ws.registries[key] = registry
            except CchcError as exc:
                ws.problems.append(_as_problem(exc, registry_path))
        registry = ws.registries.get(key)
        if registry is not None:
            ws.plan_registry[plan.id] = key
    if any(p.id == plan.id for p in ws.plans):
        ws.problems.append(Problem(str(path), *data.pos("id"), "P201", tr(f"mã kế hoạch '{plan.id}' đã được dùng bởi kế hoạch khác", f"plan id '{plan.id}' is already used by another plan")))
    ws.problems.extend(check_plan(plan, registry))
    ws.plans.append(plan)


def _as_problem(exc: CchcError, path: Path) -> Problem:
    if isinstance(exc.problem, Problem):
        return exc.problem
    return Problem(str(path), None, None, "E000", str(exc.problem))


def province_folder(plans_dir: Path, province: str | None) -> Path | None:
    """``plans/hai-duong`` for "Hải Dương", "hai duong" or "hai-duong", when that folder exists."""
    if not province:
        return None
    candidate = plans_dir / fold(province).replace(" ", "-")
    return candidate if (candidate / "agencies.yaml").is_file() else None


def load_workspace(plans_dir: Path, province: str | None = None) -> Workspace:
    """Load every plan and registry under ``plans_dir`` (only the province's folder when it has one);
    stop with one line per error if any."""
    if not plans_dir.exists():
        raise CchcError(tr(f"không có thư mục kế hoạch '{plans_dir}'", f"no plans folder '{plans_dir}'"), 2)
    folder = province_folder(plans_dir, province)
    ws = load_paths([folder or plans_dir])
    ws.partial = folder is not None
    errors = ws.errors()
    if errors:
        lines = "\n".join(p.format() for p in errors[:20])
        more = len(errors) - 20
        if more > 0:
            lines += tr(f"\n… và {more} lỗi khác", f"\n… and {more} more")
        hint = tr("chạy 'cchc validate' để xem và sửa", "run 'cchc validate' to see and fix them")
        raise CchcError(f"{lines}\n{hint}", 2 if ws.unreadable else 1)
    return ws
