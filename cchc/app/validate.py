"""What ``cchc validate`` checks, for every kind of file, as one list of problems."""

from __future__ import annotations

from pathlib import Path

from cchc.adapters.workspace import TABLE_SUFFIXES, Workspace, load_paths, yaml_files
from cchc.core.problems import ERROR, WARNING, Problem


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
    problems = list(ws.problems)
    unreadable = ws.unreadable
    tables = table_files(paths)
    for path in tables:
        found, broken = _check_table(path, context.workspace(ws), named=path in paths)
        problems.extend(found)
        unreadable = unreadable or broken
    problems = capped(sorted(problems, key=lambda p: (p.path, p.line or 0, p.col or 0, p.code)))
    return problems, unreadable, len(yaml_files(paths)) + len(tables)


MAX_PER_FILE = 50


def table_files(paths: list[Path]) -> list[Path]:
    """CSV and xlsx files named or found (recursively) under ``paths``; Excel's lock files skipped."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in TABLE_SUFFIXES and p.is_file() and not p.name.startswith((".", "~$"))))
        elif path.suffix.lower() in TABLE_SUFFIXES:
            out.append(path)
    return out


def capped(problems: list[Problem]) -> list[Problem]:
    """At most MAX_PER_FILE problems per file, then one line saying how many more (a 50 MB file of
    bad rows must not print 200,000 lines)."""
    from cchc.core.i18n import tr

    kept: list[Problem] = []
    counts: dict[str, int] = {}
    hidden_errors: set[str] = set()  # files with an error among the problems not shown
    for problem in problems:
        counts[problem.path] = counts.get(problem.path, 0) + 1
        if counts[problem.path] <= MAX_PER_FILE:
            kept.append(problem)
        elif problem.severity == ERROR:
            hidden_errors.add(problem.path)
    for path, count in counts.items():
        if count > MAX_PER_FILE:
            more = count - MAX_PER_FILE
            severity = ERROR if path in hidden_errors else WARNING  # hidden warnings do not fail the run
            kept.append(Problem(path, None, None, "E001", tr(f"… và {more} vấn đề khác trong tệp này (chỉ in {MAX_PER_FILE} vấn đề đầu)", f"… and {more} more problems in this file (only the first {MAX_PER_FILE} are shown)"), severity))
    return kept


def _check_table(path: Path, ws: Workspace, named: bool) -> tuple[list[Problem], bool]:
    """A CSV/xlsx file is figures or progress by its header row; it is checked by that reader."""
    from cchc.adapters.progressfile import load_progress
    from cchc.core.i18n import tr
    from cchc.core.problems import CchcError, UnreadableInput

    try:
        kind = sniff_table(path)
        if kind == "progress":
            registries = {plan.id: ws.registry_of(plan) for plan in ws.plans}
            return load_progress([path], ws.plans, registries)[1], False
        if kind == "figures":
            return _check_figures(path, None, ws), False
    except UnreadableInput as exc:
        return [exc.problem if isinstance(exc.problem, Problem) else Problem(str(path), None, None, "Y005", str(exc.problem))], True
    except CchcError as exc:
        return [exc.problem if isinstance(exc.problem, Problem) else Problem(str(path), None, None, "E000", str(exc.problem))], False
    if not named:
        return [], False  # someone else's spreadsheet in a reports folder: not cchc's to judge
    from cchc.adapters.figuresfile import HEADER
    from cchc.adapters.progressfile import CSV_HEADER

    return [Problem(str(path), 1, 1, "E002", tr(f"không phải bảng số liệu hay bảng tiến độ: dòng tiêu đề phải là '{','.join(HEADER)}' hoặc '{','.join(CSV_HEADER)}'", f"neither a figures nor a progress table: the header row must be '{','.join(HEADER)}' or '{','.join(CSV_HEADER)}'"))], False


def sniff_table(path: Path) -> str | None:
    """'figures' or 'progress' from the first header-like row (within 20 rows), else None."""
    from cchc.adapters.csvrows import CsvSyntaxError, csv_rows
    from cchc.adapters.xlsxread import read_sheet_rows
    from cchc.adapters.yamlio import read_text

    if path.suffix.lower() == ".csv":
        text = read_text(path, "CSV")
        rows = []
        try:
            for _, cells in csv_rows(text.splitlines(keepends=True)[:40]):
                rows.append(cells)
                if len(rows) >= 20:
                    break
        except CsvSyntaxError:
            pass
        if rows and len(rows[0]) == 1 and ";" in rows[0][0]:
            rows = [rows[0][0].split(";")]
    else:
        rows = [values for _, values in read_sheet_rows(path)[:20]]
    for values in rows:
        cells = {str(v).strip().lstrip("\ufeff").lower() for v in values if v is not None}
        if {"agency", "indicator"} <= cells:
            return "figures"
        if {"plan", "activity"} <= cells or {"activity", "status"} <= cells:
            return "progress"
    return None


def _check_figures(path: Path, data: object, ws: Workspace) -> list[Problem]:
    """Figures resolve against their province's registry: the file's ``province``, else its folder
    (``data`` is the loaded YAML, None for a CSV/xlsx table)."""
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
