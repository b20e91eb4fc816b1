"""The collect job: filled forms in, progress reports and figures under ``reports/`` out — all or nothing.

Each form is checked whole before anything is written:

* it is a cchc form (its very hidden ``cchc`` sheet), for an agency of a loaded province;
* it is made again from today's plans (:mod:`cchc.app.forms`) and every fixed cell — header, codes,
  texts, due dates — must be what that form holds; a plan that changed since the form was made is
  fine as long as the form's rows are still the same (a warning says so), else the form is refused;
* what the agency filled is read by the same row checks as progress and figure files
  (:func:`cchc.adapters.progressfile.check_rows`, :func:`cchc.adapters.figuresfile.check_rows`):
  statuses, real dates, numbers (``95,5`` as well as ``95.5``), numerator ≤ denominator; and a
  completion date must lie between the plan's first day and today.

Where collected data goes (files cchc owns; ``cchc validate``, ``overdue`` and ``score`` read them):

* progress: ``<reports>/progress/<province>/collected-<agency id>-<period>[-lich].yaml`` (``kind: progress``);
* figures: ``<reports>/<year>/<province>/collected-<agency id>.yaml`` (``kind: figures``).

Each file records the form it came from and when that form was saved. Collecting the same form
again writes nothing. A form saved earlier than the one already collected for the same agency and
period is refused (the newer report stays) unless ``replace``. A figure or a progress entry of the
same agency already given in another file (hand-written, or another period's form) with other
values is refused, listing both, unless ``replace``: then that row is commented out in its file
(one-line rows only) with a note saying which form replaced it. Figures of the same value already
in another file are left there and not repeated.

Problem codes (every one an error unless said otherwise):

==== ===========================================================================================
B801 not a cchc form, or a form of an unknown kind or version
B802 the form's province or agency is not in the loaded registries
B803 a fixed cell was changed (header, code, text, due date), or rows were added or removed
B804 a row of the form no longer matches the plans (the plan changed since the form was made)
B805 a row with notes but no status, or a completion date on a row that is not done
B806 a completion date before the plan starts or after today
B807 two forms for the same agency and period in one run
B808 a newer report, or other values in another file, are already on disk (use --replace)
B809 (warning) the plan files changed since the form was made, but its rows still match
B810 --replace cannot take out a row written over several lines, or in a CSV/xlsx file
R603 / F5xx the row checks of progress and figure files (status, date, number, numerator ≤ denominator …)
==== ===========================================================================================
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cchc.adapters.forms import FilledForm, cell_ref, clean_text, read_form
from cchc.app import forms as formjobs
from cchc.app.inputs import Inputs, Run
from cchc.core.i18n import speaking, tr
from cchc.core.problems import ERROR, WARNING, CchcError, Problem, UnreadableInput
from cchc.core.text import fold, nfc

_SAVED = re.compile(r"lưu lúc (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})")
_FLOW_ROW = re.compile(r"^\s*-\s*\{.*\}\s*$")
_STATUS_WORDS = {fold(label): status for status, label in formjobs.STATUS_LABELS.items()}


@dataclass
class Change:
    """What one form changed for its agency (lines to print)."""

    agency: str
    form: str
    target: Path
    lines: list[str] = field(default_factory=list)
    unchanged: bool = False


@dataclass
class CollectResult:
    changes: list[Change]
    warnings: list[Problem]
    written: list[Path]


@dataclass
class _Parsed:
    """One checked form, ready to merge."""

    filled: FilledForm
    kind: str
    agency: Any
    registry: Any
    slug: str
    target: Path
    saved: dt.datetime | None
    rows: list[dict[str, Any]]  # progress entries or figure rows, by field
    header: str  # the collected file's opening lines (kind, source …)
    year: int | None = None
    keys: dict[tuple, int] = field(default_factory=dict)  # row key -> sheet row


def _at(path: Path, row: int, col: int, code: str, message: str, severity: str = ERROR) -> Problem:
    return Problem(f"{path}!{cell_ref(row, col)}", None, None, code, message, severity)


def collect(inputs: Inputs, paths: list[Path], reports: Path | None = None, replace: bool = False, run: Run | None = None) -> CollectResult:
    """Check every form, then write every collected file in one batch; raise listing every error."""
    run = run or Run(inputs)
    root = reports if reports is not None else inputs.reports
    problems: list[Problem] = []
    parsed: list[_Parsed] = []
    cache: dict[Any, Any] = {}  # what every form of the run shares: plans cut to a window, the files already on disk
    for path in paths:
        try:
            filled = read_form(path, "B801")
        except UnreadableInput as exc:
            problems.append(exc.problem if isinstance(exc.problem, Problem) else Problem(str(path), None, None, "B801", str(exc)))
            continue
        found = _check_form(run, filled, root, problems, cache)
        if found is not None:
            parsed.append(found)
    targets: dict[Path, _Parsed] = {}
    for item in parsed:
        first = targets.get(item.target)
        if first is not None:
            problems.append(Problem(str(item.filled.path), None, None, "B807", tr(f"'{first.filled.path}' cũng là biểu mẫu của {item.agency.name} cho kỳ này; mỗi lần thu chỉ một biểu mẫu cho một cơ quan, một kỳ", f"'{first.filled.path}' is also {item.agency.name}'s form for this period; collect one form per agency and period at a time")))
        else:
            targets[item.target] = item
    errors = [p for p in problems if p.severity == ERROR]
    files: dict[Path, str] = {}
    changes: list[Change] = []
    if not errors:
        edits: dict[Path, dict[int, str]] = {}
        for item in targets.values():
            change = _merge(run, item, root, replace, files, edits, problems, cache)
            changes.append(change)
        for path, lines in edits.items():
            files[path] = _comment_out(path, lines)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        raise CchcError("\n".join(p.format() for p in errors))
    if files:
        from cchc.adapters.outputs import write_files_atomically

        write_files_atomically(files)
    return CollectResult(changes, [p for p in problems if p.severity == WARNING], sorted(files))


# -- checking one form ------------------------------------------------------------------------


def _check_form(run: Run, filled: FilledForm, root: Path, problems: list[Problem], cache: dict[Any, Any]) -> _Parsed | None:
    meta = filled.meta
    path = filled.path
    kind = meta.get("form")
    if kind not in ("progress", "figures") or meta.get("version") != formjobs.FORM_VERSION:
        problems.append(Problem(str(path), None, None, "B801", tr(f"biểu mẫu loại '{kind}' phiên bản '{meta.get('version')}' không thu được bằng bản cchc này; hãy lập biểu mẫu mới", f"a '{kind}' form of version '{meta.get('version')}' cannot be collected by this cchc; make a new form")))
        return None
    ws = run.workspace
    slug = meta.get("province_slug", "")
    registry = next((r for p, r in ws.registries.items() if Path(p).parent.name == slug), None)
    agency = registry.by_id.get(meta.get("agency_id", "")) if registry is not None else None
    if registry is None or agency is None or agency.is_collective:
        problems.append(Problem(str(path), None, None, "B802", tr(f"biểu mẫu của '{meta.get('agency')}' ({meta.get('province')}) nhưng danh mục cơ quan đã nạp không có cơ quan này; kiểm tra --plans/--province", f"the form is for '{meta.get('agency')}' ({meta.get('province')}) but no loaded registry has that agency; check --plans/--province")))
        return None
    with speaking(meta.get("lang") or "vi"):
        try:
            if kind == "progress":
                from cchc.core.periods import window

                span = window(meta.get("period", ""), meta.get("calendar") == "1")
                key = ("window", slug, span)
                if key not in cache:
                    cache[key] = formjobs.due_in(run.plans_of(registry), span)
                expected = formjobs.progress_form(run, registry, slug, cache[key], agency, span)
            else:
                year = int(meta.get("year", ""))
                expected = formjobs.figures_form(run, registry, slug, run.plans_of(registry), run.methodology(year, slug), agency, year)
        except (ValueError, CchcError) as exc:
            problems.append(Problem(str(path), None, None, "B801", tr(f"không dựng lại được biểu mẫu: {exc}", f"cannot make the form again: {exc}")))
            return None
    before = len([p for p in problems if p.severity == ERROR])
    _check_fixed(filled, expected.form, problems)
    if len([p for p in problems if p.severity == ERROR]) > before:
        return None
    changed = [key for key, value in meta.items() if key.startswith("plan:") and expected.form.meta.get(key) != value]
    if changed or meta.get("registry") != expected.form.meta.get("registry"):
        names = ", ".join(k[5:] for k in changed) or tr("danh mục cơ quan", "agency registry")
        problems.append(Problem(str(path), None, None, "B809", tr(f"kế hoạch đã thay đổi sau khi lập biểu mẫu ({names}) nhưng các dòng của biểu mẫu vẫn đúng", f"the plans changed since the form was made ({names}) but the form's rows still match"), WARNING))
    saved = filled.saved.replace(microsecond=0) if filled.saved else None
    source = tr(f"Biểu mẫu {path.name} của {agency.name}", f"Form {path.name} from {agency.name}") + (f", lưu lúc {saved.isoformat()}" if saved else "")
    if kind == "progress":
        return _progress_rows(run, filled, agency, registry, slug, span, root, saved, source, problems)
    return _figure_rows(filled, agency, registry, slug, year, root, saved, source, problems)


def _same(found: Any, wanted: Any) -> bool:
    if isinstance(wanted, dt.date):
        return isinstance(found, dt.date) and (found.date() if isinstance(found, dt.datetime) else found) == wanted
    if isinstance(wanted, str):
        return isinstance(found, str) and nfc(found).strip() == nfc(clean_text(wanted)).strip()
    if wanted is None:
        return found in (None, "")
    return found == wanted


def _shown(value: Any) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value:%d/%m/%Y}"
    text = "" if value is None else str(value)
    return text if len(text) <= 60 else text[:59] + "…"


def _check_fixed(filled: FilledForm, form: Any, problems: list[Problem]) -> None:
    path = filled.path
    headers = [c.header for c in form.columns]
    if filled.headers != headers:
        problems.append(_at(path, filled.header_row, 0, "B803", tr(f"dòng tiêu đề đã bị sửa; phải là: {' | '.join(headers)}", f"the header row was changed; it must be: {' | '.join(headers)}")))
        return
    first = filled.header_row + 1
    rows = dict(filled.rows)
    wanted_keys = {first + r: key for r, key in enumerate(form.row_keys)}
    if filled.row_keys != wanted_keys:
        gone = sorted(set(filled.row_keys.values()) - set(wanted_keys.values()))
        problems.append(Problem(str(path), None, None, "B804", tr(f"các dòng của biểu mẫu không còn khớp kế hoạch hiện nay ({len(gone)} dòng đã đổi, vd. {gone[0] if gone else '-'}); hãy lập biểu mẫu mới và điền lại", f"the form's rows no longer match today's plans ({len(gone)} rows changed, e.g. {gone[0] if gone else '-'}); make a new form and fill it again")))
        return
    for number in rows:
        if number - first >= len(form.rows):
            problems.append(_at(path, number, 0, "B803", tr("dòng thêm ngoài biểu mẫu; không thêm dòng", "a row added below the form; do not add rows")))
    for r, expected in enumerate(form.rows):
        number = first + r
        values = rows.get(number, [None] * len(headers))
        for c, column in enumerate(form.columns):
            fixed = not column.editable or (r, c) in form.fixed_cells
            if fixed and not _same(values[c], expected[c]):
                problems.append(_at(path, number, c, "B803", tr(f"ô '{column.header}' đã bị sửa: biểu mẫu ghi '{_shown(expected[c])}', nay là '{_shown(values[c])}'; chỉ điền các ô màu vàng", f"the '{column.header}' cell was changed: the form says '{_shown(expected[c])}', it now holds '{_shown(values[c])}'; fill only the yellow cells")))


def _located(path: Path, problem: Problem, columns: dict[int, int]) -> Problem:
    """A row checker's problem (line = sheet row, col = its own field number) at the form's cell."""
    if problem.line is None:
        return problem
    col = columns.get(problem.col or 0, 0)
    return _at(path, problem.line, col, problem.code, problem.message, problem.severity)


def _progress_rows(run: Run, filled: FilledForm, agency: Any, registry: Any, slug: str, span: Any, root: Path, saved: dt.datetime | None, source: str, problems: list[Problem]) -> _Parsed | None:
    from cchc.adapters.progressfile import CSV_HEADER, check_rows

    path = filled.path
    status_col, date_col, evidence_col, note_col = 6, 7, 8, 9
    fields = {"status": status_col, "completed": date_col, "evidence": evidence_col, "note": note_col}
    rows = []
    for number, values in filled.rows:
        key = filled.row_keys.get(number)
        if key is None:
            continue
        plan_id, activity_id, occurrence = key.split("|")
        status, completed, evidence, note = (values[c] for c in (status_col, date_col, evidence_col, note_col))
        if all(v in (None, "") for v in (status, completed, evidence, note)):
            continue
        if status in (None, ""):
            problems.append(_at(path, number, status_col, "B805", tr("dòng có ghi chép nhưng chưa chọn Tình trạng", "the row has entries but no status")))
            continue
        word = _STATUS_WORDS.get(fold(str(status)), status)
        if completed not in (None, "") and word != "done":
            problems.append(_at(path, number, date_col, "B805", tr("Ngày hoàn thành chỉ ghi khi Tình trạng là Đã hoàn thành", "a completion date goes only with the status Đã hoàn thành (done)")))
            continue
        values_by_field = {"plan": plan_id, "activity": activity_id, "occurrence": occurrence, "status": word, "completed": completed, "evidence": evidence, "link": "", "agency": agency.name, "note": note}
        cols = {name: fields.get(name, 0) + 1 for name in CSV_HEADER}
        rows.append((str(path), number, values_by_field, cols))
    registries = {plan.id: registry for plan in run.plans_of(registry)}
    entries, found = check_rows(rows, run.plans_of(registry), registries)
    problems.extend(_located(path, p, {c: c - 1 for c in range(1, 11)}) for p in found)
    plans = {plan.id: plan for plan in run.plans_of(registry)}
    today = run.inputs.today
    out, keys = [], {}
    for entry in entries:
        if entry.completed is not None:
            start = dt.date(plans[entry.plan_id].period[0], 1, 1)
            if not start <= entry.completed <= today:
                problems.append(_at(path, entry.line or 0, date_col, "B806", tr(f"ngày hoàn thành {entry.completed:%d/%m/%Y} nằm ngoài khoảng từ ngày bắt đầu kế hoạch ({start:%d/%m/%Y}) đến hôm nay ({today:%d/%m/%Y})", f"completion date {entry.completed:%d/%m/%Y} is outside the plan's start ({start:%d/%m/%Y}) to today ({today:%d/%m/%Y})")))
                continue
        row = {"plan": entry.plan_id, "activity": entry.activity_id, "occurrence": entry.occurrence, "status": entry.status, "completed": entry.completed, "agency": agency.name, "evidence": entry.evidence, "note": entry.note}
        out.append(row)
        keys[(entry.plan_id, entry.activity_id, entry.occurrence)] = entry.line or 0
    name = f"collected-{agency.id}-{span.key}{'-lich' if span.calendar else ''}.yaml"
    target = root / "progress" / slug / name
    header = "\n".join(
        [
            tr("# Báo cáo tiến độ thu từ biểu mẫu bằng `cchc collect`; đừng sửa tay — thu lại biểu mẫu đã sửa.", "# Progress collected from a form by `cchc collect`; do not edit by hand — collect a corrected form."),
            "kind: progress",
            f"source: {_q(source + ', ' + tr('kỳ', 'period') + ' ' + span.label())}",
            *([f"as_of: {saved.date().isoformat()}"] if saved else []),
        ]
    )
    return _Parsed(filled, "progress", agency, registry, slug, target, saved, out, header, keys=keys)


def _figure_rows(filled: FilledForm, agency: Any, registry: Any, slug: str, year: int, root: Path, saved: dt.datetime | None, source: str, problems: list[Problem]) -> _Parsed | None:
    from cchc.adapters.figuresfile import check_rows
    from cchc.app.forms import DENOMINATOR, NUMERATOR, VALUE

    path = filled.path
    source_col, note_col = 9, 10
    rows = []
    for number, values in filled.rows:
        key = filled.row_keys.get(number)
        if key is None or all(values[c] in (None, "") for c in (NUMERATOR, DENOMINATOR, VALUE)):
            continue
        rows.append((number, [agency.name, key, values[NUMERATOR], values[DENOMINATOR], values[VALUE], str(year), values[source_col], values[note_col]]))
    figures, found = check_rows(rows, registry, year, str(path))
    columns = {3: NUMERATOR, 4: DENOMINATOR, 5: VALUE, 7: source_col, 8: note_col, 1: 0, 2: 1, 6: 0}
    problems.extend(_located(path, p, columns) for p in found)
    out, keys = [], {}
    for figure in sorted(figures.figures, key=lambda f: f.line or 0):
        out.append({"agency": agency.name, "indicator": figure.indicator, "numerator": figure.numerator, "denominator": figure.denominator, "value": figure.value, "source": figure.source, "note": figure.note})
        keys[(figure.indicator,)] = figure.line or 0
    target = root / str(year) / slug / f"collected-{agency.id}.yaml"
    header = "\n".join(
        [
            tr("# Số liệu thu từ biểu mẫu bằng `cchc collect`; đừng sửa tay — thu lại biểu mẫu đã sửa.", "# Figures collected from a form by `cchc collect`; do not edit by hand — collect a corrected form."),
            "kind: figures",
            f"year: {year}",
            f"province: {_q(registry.province)}",
            f"source: {_q(source)}",
        ]
    )
    return _Parsed(filled, "figures", agency, registry, slug, target, saved, out, header, year=year, keys=keys)


# -- merging ----------------------------------------------------------------------------------


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def _yaml_row(row: dict[str, Any]) -> str:
    parts = []
    for key, value in row.items():
        if value in (None, ""):
            continue
        if isinstance(value, dt.date):
            parts.append(f"{key}: {value.isoformat()}")
        elif isinstance(value, int | float) and not isinstance(value, bool):
            parts.append(f"{key}: {_number(value)}")
        else:
            parts.append(f"{key}: {_q(str(value))}")
    return "  - {" + ", ".join(parts) + "}"


def _document(item: _Parsed, rows: list[dict[str, Any]]) -> str:
    listing = "figures" if item.kind == "figures" else "entries"
    body = "\n".join(_yaml_row(r) for r in rows)
    return f"{item.header}\n{listing}:" + (f"\n{body}\n" if rows else " []\n")


def _row_key(item: _Parsed, row: dict[str, Any]) -> tuple:
    return (row["indicator"],) if item.kind == "figures" else (row["plan"], row["activity"], row["occurrence"])


def _describe(item: _Parsed, row: dict[str, Any] | None) -> str:
    if row is None:
        return tr("(không có)", "(none)")
    if item.kind == "figures":
        if row.get("numerator") is not None and row.get("denominator") is not None:
            shown = f"{_number(row['numerator'])}/{_number(row['denominator'])}"
        else:
            shown = _number(row.get("value"))
        return shown
    from cchc.core.labels import REPORTED_LABELS, label

    done = f" {row['completed']:%d/%m/%Y}" if row.get("completed") else ""
    return f"{label(REPORTED_LABELS, row['status'])}{done}"


def _name(item: _Parsed, key: tuple) -> str:
    return key[0] if item.kind == "figures" else f"{key[0]}/{key[1]} ({key[2]})"


def _existing(run: Run, item: _Parsed, root: Path, cache: dict[Any, Any]) -> tuple[list[dict[str, Any]], dt.datetime | None, list[tuple[tuple, dict[str, Any], str, int | None]]]:
    """The rows already collected in the target, when its form was saved, and the same agency's
    rows in other files: (key, row, path, line)."""
    own: list[dict[str, Any]] = []
    saved = None
    if item.target.is_file():
        found = _SAVED.search(item.target.read_text(encoding="utf-8"))
        saved = dt.datetime.fromisoformat(found.group(1)) if found else None
    others: list[tuple[tuple, dict[str, Any], str, int | None]] = []
    if item.kind == "figures":
        from cchc.adapters.figuresfile import load_figures

        folder = item.target.parent
        if folder.is_dir():
            if ("figures", folder) not in cache:
                figures, problems = load_figures([folder], item.registry, item.year)
                _existing_problems(problems)
                cache[("figures", folder)] = figures.figures
            for f in cache[("figures", folder)]:
                if f.agency_id != item.agency.id:
                    continue
                row = {"indicator": f.indicator, "numerator": f.numerator, "denominator": f.denominator, "value": f.value, "period": f.period}
                if Path(f.path) == item.target:
                    own.append(row)
                elif f.year == item.year:
                    others.append(((f.indicator,), row, f.path, f.line))
    else:
        from cchc.adapters.progressfile import load_progress, progress_files

        if root.is_dir():
            if ("progress", root) not in cache:
                ws = run.workspace
                registries = {plan.id: ws.registry_of(plan) for plan in ws.plans}
                book, problems = load_progress(progress_files(root), ws.plans, registries, skip_other_plans=True)
                _existing_problems(problems)
                cache[("progress", root)] = book.entries
            for e in cache[("progress", root)]:
                if e.agency_id != item.agency.id:
                    continue
                row = {"plan": e.plan_id, "activity": e.activity_id, "occurrence": e.occurrence, "status": e.status, "completed": e.completed}
                if Path(e.path) == item.target:
                    own.append(row)
                else:
                    others.append(((e.plan_id, e.activity_id, e.occurrence), row, e.path, e.line))
    return own, saved, others


def _existing_problems(problems: list[Problem]) -> None:
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        hint = tr("sửa các tệp đang có trong reports/ trước khi thu (cchc validate)", "fix the files already in reports/ before collecting (cchc validate)")
        raise CchcError("\n".join([*(p.format() for p in errors), hint]))


def _values(item: _Parsed, row: dict[str, Any]) -> tuple:
    if item.kind == "figures":
        return tuple(None if row.get(k) is None else float(row[k]) for k in ("numerator", "denominator", "value"))
    return (row["status"], row.get("completed"))


def _merge(run: Run, item: _Parsed, root: Path, replace: bool, files: dict[Path, str], edits: dict[Path, dict[int, str]], problems: list[Problem], cache: dict[Any, Any]) -> Change:
    path = item.filled.path
    change = Change(item.agency.name, str(path), item.target)
    column = 6 if item.kind == "progress" else 5  # Tình trạng / Tử số: where a clash is pointed at
    own, saved_before, others = _existing(run, item, root, cache)
    rows = []
    for row in item.rows:
        key = _row_key(item, row)
        clash = [(r, p, line) for k, r, p, line in others if _same_key(key, k)]
        if item.kind == "figures":
            same = [c for c in clash if c[0].get("period") == str(item.year) and _values(item, c[0]) == _values(item, row)]
            if same and len(clash) == 1:
                change.lines.append(tr(f"= {_name(item, key)}: {_describe(item, row)} đã có ở {same[0][1]}:{same[0][2]}, giữ nguyên", f"= {_name(item, key)}: {_describe(item, row)} already in {same[0][1]}:{same[0][2]}, left there"))
                continue
        else:
            clash = [c for c in clash if _values(item, c[0]) != _values(item, row)]
        for other, where, line in clash:
            period = f" ({other['period']})" if item.kind == "figures" and other.get("period") != str(item.year) else ""
            if not replace:
                problems.append(_at(path, item.keys.get(key, 0), column, "B808", tr(f"{_name(item, key)}: {where}:{line} đã ghi {_describe(item, other)}{period}, biểu mẫu ghi {_describe(item, row)}; thêm --replace để lấy số của biểu mẫu", f"{_name(item, key)}: {where}:{line} already says {_describe(item, other)}{period}, the form says {_describe(item, row)}; pass --replace to take the form's values")))
                continue
            note = tr(f"# thay bằng biểu mẫu {path.name} (cchc collect --replace):", f"# replaced by form {path.name} (cchc collect --replace):")
            if not _can_comment_out(Path(where), line):
                problems.append(_at(path, item.keys.get(key, 0), column, "B810", tr(f"không tự bỏ được dòng {where}:{line} (dòng nhiều dòng hoặc tệp CSV/xlsx); hãy xóa tay rồi thu lại", f"cannot take out {where}:{line} by itself (a row over several lines, or a CSV/xlsx file); delete it by hand and collect again")))
                continue
            edits.setdefault(Path(where), {})[line or 0] = note
            change.lines.append(tr(f"~ {_name(item, key)}: {_describe(item, other)}{period} ở {where}:{line} → {_describe(item, row)}", f"~ {_name(item, key)}: {_describe(item, other)}{period} in {where}:{line} → {_describe(item, row)}"))
        rows.append(row)
    document = _document(item, rows)
    if item.target.is_file() and item.target.read_text(encoding="utf-8") == document:
        change.unchanged = not change.lines
        return change
    before = {_row_key(item, r): r for r in own}
    after = {_row_key(item, r): r for r in rows}
    diff = []
    replaced = {line.split(":")[0] for line in change.lines}
    for key in sorted(set(before) | set(after), key=str):
        old, new = before.get(key), after.get(key)
        if old is None:
            if f"~ {_name(item, key)}" not in replaced:
                diff.append(f"+ {_name(item, key)}: {_describe(item, new)}")
        elif new is None:
            diff.append(f"- {_name(item, key)}: {_describe(item, old)}")
        elif _values(item, old) != _values(item, new):
            diff.append(f"~ {_name(item, key)}: {_describe(item, old)} → {_describe(item, new)}")
    newer = saved_before is not None and (item.saved is None or saved_before > item.saved)
    if item.target.is_file() and diff and (newer or saved_before is None) and not replace:
        when = saved_before.isoformat() if saved_before else tr("không rõ", "unknown")
        problems.append(Problem(str(path), None, None, "B808", tr(f"{item.target} đã có báo cáo mới hơn (biểu mẫu lưu lúc {when}) khác biểu mẫu này: {'; '.join(diff)}; thêm --replace để lấy số của biểu mẫu này", f"{item.target} already holds a newer report (form saved {when}) that differs: {'; '.join(diff)}; pass --replace to take this form's values")))
        return change
    files[item.target] = document
    change.lines = diff + change.lines
    change.unchanged = not change.lines
    return change


def _same_key(key: tuple, other: tuple) -> bool:
    """Equal keys; a progress entry without an occurrence is about the only one its activity has."""
    return key == other or (len(key) == 3 and key[:2] == other[:2] and other[2] is None)


def _can_comment_out(path: Path, line: int | None) -> bool:
    if line is None or path.suffix not in (".yaml", ".yml") or not path.is_file():
        return False
    lines = path.read_text(encoding="utf-8").splitlines()
    return 0 < line <= len(lines) and bool(_FLOW_ROW.match(lines[line - 1]))


def _comment_out(path: Path, notes: dict[int, str]) -> str:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for line, note in sorted(notes.items(), reverse=True):
        original = lines[line - 1]
        indent = original[: len(original) - len(original.lstrip())]
        lines[line - 1] = f"{indent}{note}\n{indent}# {original.lstrip()}"
    return "".join(lines)
