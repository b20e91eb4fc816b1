"""Progress reports: what each agency reports done, per activity and occurrence.

Three forms carry the same rows (documented in docs/plan-format.md, "Progress reports"):

* YAML, ``kind: progress`` with ``entries:``;
* CSV with the header ``plan,activity,occurrence,status,completed,evidence,link,agency,note``;
* an xlsx sheet with that header row.

Rows are checked against the plans: an unknown plan, activity or occurrence, an impossible date or
an unknown status is an error naming the file and line (or row), never a silently ignored row.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cchc.adapters.csvrows import CsvSyntaxError, csv_rows
from cchc.core.agencies import Registry
from cchc.core.i18n import tr
from cchc.core.model import Activity, Plan
from cchc.core.problems import Problem, UnreadableInput
from cchc.core.progress import ProgressBook, ProgressEntry
from cchc.core.schedules import schedule_of
from cchc.core.text import fold, nfc, suggest

CSV_HEADER = ("plan", "activity", "occurrence", "status", "completed", "evidence", "link", "agency", "note")
_STATUS_WORDS = {
    fold(word): status
    for status, words in {
        "done": ("done", "hoàn thành", "đã hoàn thành", "xong"),
        "in_progress": ("in_progress", "in progress", "đang thực hiện", "đang triển khai"),
        "not_started": ("not_started", "not started", "chưa thực hiện", "chưa triển khai"),
    }.items()
    for word in words
}


# --- reading ------------------------------------------------------------------------------------


@dataclass
class _RawRow:
    values: dict[str, object]
    path: str
    line: int | None
    cols: dict[str, int] | None = None


def progress_files(root: Path) -> list[Path]:
    """Progress files under ``root``: YAML with kind: progress, CSV/xlsx with the progress header."""
    if root.is_file():
        return [root]
    found = []
    for path in sorted(root.rglob("*")):
        if path.suffix in (".yaml", ".yml"):
            try:
                with path.open("rb") as handle:  # the head only: a huge file is refused when it is read
                    head = handle.read(16000).decode("utf-8-sig", errors="replace")[:4000]
            except OSError:
                continue
            if any(line.strip() == "kind: progress" for line in head.splitlines()):
                found.append(path)
        elif path.suffix == ".csv":
            try:
                with path.open(encoding="utf-8-sig", errors="replace") as handle:
                    first = handle.readline(4000)
            except OSError:
                continue
            if [c.strip().lower() for c in first.split(",")][:4] == list(CSV_HEADER[:4]):
                found.append(path)
        elif path.suffix == ".xlsx" and "progress" in path.stem.lower() and path.is_file():
            found.append(path)
    return found


def load_progress(paths: list[Path], plans: list[Plan], registries: dict[str, Registry], skip_other_plans: bool = False) -> tuple[ProgressBook, list[Problem]]:
    """Read and check every progress file; ``registries`` maps plan id -> its registry.

    ``skip_other_plans`` is for a one-province view of a shared reports folder: rows about plans that
    were not loaded are left out instead of reported (``cchc validate`` still checks them).
    """
    rows: list[_RawRow] = []
    problems: list[Problem] = []
    illustrative_rows: set[int] = set()  # id() of rows from a file marked illustrative
    for path in paths:
        if path.suffix in (".yaml", ".yml"):
            file_rows, file_problems, flag = _yaml_rows(path)
            if flag:
                illustrative_rows.update(id(row) for row in file_rows)
        elif path.suffix == ".csv":
            file_rows, file_problems = _csv_rows(path)
        elif path.suffix == ".xlsx":
            file_rows, file_problems = _xlsx_rows(path)
        else:
            raise UnreadableInput(Problem(str(path), None, None, "R601", tr("không nhận dạng được tệp tiến độ (cần .yaml, .csv, .xlsx)", "not a progress file (.yaml, .csv or .xlsx expected)")))
        rows.extend(file_rows)
        problems.extend(file_problems)
    plan_by_id = {p.id: p for p in plans}
    activities = {p.id: {a.id: a for a in p.activities} for p in plans}
    entries = []
    illustrative = False  # only when an illustrative row is about a loaded plan: another province's samples do not taint this one
    for row in rows:
        if skip_other_plans and _text(row.values.get("plan")) not in plan_by_id:
            continue
        entry = _entry(row, plan_by_id, activities, registries, problems)
        if entry is not None:
            entries.append(entry)
            illustrative = illustrative or id(row) in illustrative_rows
    return ProgressBook(entries, illustrative), problems


def check_rows(rows: list[tuple[str, int, dict[str, object], dict[str, int]]], plans: list[Plan], registries: dict[str, Registry]) -> tuple[list[ProgressEntry], list[Problem]]:
    """Check rows that did not come from a file of their own (a returned form): each is
    (where, row number, values by field of ``CSV_HEADER``, column of each field); problems name them."""
    plan_by_id = {p.id: p for p in plans}
    activities = {p.id: {a.id: a for a in p.activities} for p in plans}
    problems: list[Problem] = []
    entries = [e for e in (_entry(_RawRow(values, where, line, cols), plan_by_id, activities, registries, problems) for where, line, values, cols in rows) if e is not None]
    return entries, problems


def _yaml_rows(path: Path) -> tuple[list[_RawRow], list[Problem], bool]:
    from cchc.adapters.documents import load_document
    from cchc.adapters.formats import PROGRESS
    from cchc.adapters.schema import Checker

    _, data, problems = load_document(path)
    ck = Checker(str(path))
    ck.problems.extend(problems)
    if not PROGRESS.check(data, ck, None, None, ""):
        return [], ck.problems, False
    default_plan = data.get("plan")
    rows = []
    for raw in data["entries"]:
        values = {k: raw.get(k) for k in CSV_HEADER}
        values["plan"] = values["plan"] or default_plan
        evidence = raw.get("evidence")
        if isinstance(evidence, dict):
            values["evidence"], values["link"] = evidence.get("document", ""), evidence.get("link", values["link"])
        rows.append(_RawRow(values, str(path), raw.line, {k: raw.pos(k)[1] for k in raw}))
    return rows, ck.problems, bool(data.get("illustrative", False))


def _csv_rows(path: Path) -> tuple[list[_RawRow], list[Problem]]:
    from cchc.adapters.yamlio import read_text

    text = nfc(read_text(path, "CSV"))
    shown = str(path)
    rows: list[_RawRow] = []
    problems: list[Problem] = []
    width = None
    try:
        for number, cells in csv_rows(text.splitlines(keepends=True)):
            if width is None:
                header = [h.strip().lower() for h in cells]
                if header[: len(CSV_HEADER)] != list(CSV_HEADER):
                    return [], [Problem(shown, number, 1, "R602", tr(f"dòng tiêu đề phải là: {','.join(CSV_HEADER)}", f"the header row must be: {','.join(CSV_HEADER)}"))]
                width = len(header)
                continue
            if not any(c.strip() for c in cells):
                continue
            extra = [c for c in cells[width:] if c.strip()]
            if extra:  # a shifted row: its values would land in the wrong columns
                problems.append(Problem(shown, number, width + 1, "R602", tr(f"dòng có {len(cells)} cột, tiêu đề có {width}; thừa '{extra[0].strip()}'", f"the row has {len(cells)} fields, the header has {width}; extra '{extra[0].strip()}'")))
                continue
            values = {k: (cells[i].strip() if i < len(cells) else "") for i, k in enumerate(CSV_HEADER)}
            rows.append(_RawRow(values, shown, number))
    except CsvSyntaxError as exc:
        return rows, [*problems, Problem(shown, exc.line, 1, "R602", exc.message)]
    if width is None:
        return [], [Problem(shown, 1, 1, "R602", tr(f"tệp rỗng; dòng tiêu đề phải là: {','.join(CSV_HEADER)}", f"empty file; the header row must be: {','.join(CSV_HEADER)}"))]
    return rows, problems


def _xlsx_rows(path: Path) -> tuple[list[_RawRow], list[Problem]]:
    from cchc.adapters.xlsxread import read_sheet_rows

    rows_in = read_sheet_rows(path)
    filled = [(number, cells) for number, cells in rows_in if any(c not in (None, "") for c in cells)]
    if not filled:
        return [], [Problem(str(path), 1, 1, "R602", tr("trang tính rỗng", "the sheet is empty"))]
    # the header may sit under a title row or two, as in figure workbooks
    start = next((i for i, (_, cells) in enumerate(rows_in[:20]) if [str(c or "").strip().lower() for c in cells][: len(CSV_HEADER)] == list(CSV_HEADER)), None)
    if start is None:
        return [], [Problem(str(path), filled[0][0], 1, "R602", tr(f"dòng tiêu đề phải là: {','.join(CSV_HEADER)}", f"the header row must be: {','.join(CSV_HEADER)}"))]
    rows = []
    for number, cells in rows_in[start + 1 :]:
        if not any(c not in (None, "") for c in cells):
            continue
        values = {k: (cells[i] if i < len(cells) else None) for i, k in enumerate(CSV_HEADER)}
        rows.append(_RawRow(values, str(path), number))
    return rows, []


def _entry(row: _RawRow, plans: dict[str, Plan], activities: dict[str, dict[str, Activity]], registries: dict[str, Registry], problems: list[Problem]) -> ProgressEntry | None:
    def fail(field: str, vi: str, en: str) -> None:
        col = (row.cols or {}).get(field) or (CSV_HEADER.index(field) + 1)
        problems.append(Problem(row.path, row.line, col, "R603", tr(vi, en)))

    v = row.values
    for field in ("plan", "activity", "status"):
        if not _text(v.get(field)):
            fail(field, f"thiếu '{field}' (ô trống; một ô gộp chỉ giữ giá trị ở dòng đầu — hãy ghi ở từng dòng)", f"'{field}' is empty (a merged cell keeps its value in the first row only — write it on every row)")
            return None
    plan_id = _text(v.get("plan"))
    plan = plans.get(plan_id)
    if plan is None:
        close = suggest(plan_id, {p: p for p in plans})
        hint = tr(f"; có phải '{close[0]}'?", f"; did you mean '{close[0]}'?") if close else ""
        fail("plan", f"không có kế hoạch '{plan_id}'{hint}", f"no plan '{plan_id}'{hint}")
        return None
    activity_id = _text(v.get("activity"))
    activity = activities[plan_id].get(activity_id)
    if activity is None:
        close = suggest(activity_id, {a.id: a.id for a in plan.activities})
        hint = tr(f"; có phải '{close[0]}'?", f"; did you mean '{close[0]}'?") if close else ""
        fail("activity", f"kế hoạch '{plan_id}' không có nhiệm vụ '{activity_id}'{hint}", f"plan '{plan_id}' has no activity '{activity_id}'{hint}")
        return None
    occurrence = _text(v.get("occurrence")) or None
    schedule = schedule_of(activity, plan.period)
    keys = [o.key for o in schedule.occurrences]
    if occurrence is not None and occurrence not in keys:
        shown = ", ".join(keys[:8]) or tr("(không có — nhiệm vụ thường xuyên/chờ sự kiện)", "(none — continuous or waiting on an event)")
        fail("occurrence", f"'{occurrence}' không phải một lần thực hiện của '{activity_id}'; các lần: {shown}", f"'{occurrence}' is not an occurrence of '{activity_id}'; occurrences: {shown}")
        return None
    if occurrence is None and len(keys) > 1:
        fail("occurrence", f"'{activity_id}' có {len(keys)} lần thực hiện; ghi rõ lần nào (ví dụ {keys[0]})", f"'{activity_id}' has {len(keys)} occurrences; say which one (e.g. {keys[0]})")
        return None
    status = _STATUS_WORDS.get(fold(_text(v.get("status"))))
    if status is None:
        fail("status", f"trạng thái '{_text(v.get('status'))}' không hợp lệ; dùng: done / in_progress / not_started (hoặc: hoàn thành / đang thực hiện / chưa thực hiện)", f"unknown status '{_text(v.get('status'))}'; use done / in_progress / not_started")
        return None
    completed_raw = v.get("completed")
    completed = None
    if completed_raw not in (None, ""):
        completed = _date(completed_raw)
        if completed is None:
            fail("completed", f"ngày hoàn thành '{completed_raw}' không có thật; viết YYYY-MM-DD hoặc DD/MM/YYYY", f"completion date '{completed_raw}' is not a real date; write YYYY-MM-DD or DD/MM/YYYY")
            return None
    if status == "done" and completed is None:
        fail("completed", "đã hoàn thành thì cần ngày hoàn thành", "a done entry needs its completion date")
        return None
    agency_id = None
    agency_name = _text(v.get("agency"))
    if agency_name:
        registry = registries.get(plan.id)
        hit = registry.lookup(agency_name) if registry else None
        if hit is None:
            from cchc.core.agencies import unknown_agency_message

            fail("agency", unknown_agency_message(agency_name, registry.suggest(agency_name) if registry else []), unknown_agency_message(agency_name, registry.suggest(agency_name) if registry else []))
            return None
        agency_id = hit.id
    return ProgressEntry(plan.id, activity.id, occurrence, status, completed, _text(v.get("evidence")), _text(v.get("link")), agency_id, _text(v.get("note")), row.path, row.line)


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value: object) -> dt.date | None:
    """ISO dates, Vietnamese day-first dates and spreadsheet dates; None for impossible ones."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.replace("-", "/").replace(".", "/").split("/")
    if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
        try:
            return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
        except ValueError:
            return None
    return None
