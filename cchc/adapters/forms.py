"""Excel forms sent to agencies and read back when they return filled in.

Adapter: a :class:`Form` (title block, columns, rows, which cells a person fills, and the metadata
that identifies the form) in, ``.xlsx`` bytes out; a filled ``.xlsx`` in, a :class:`FilledForm`
(metadata, header, every row's values, when the file was saved) out. What the rows mean — duties,
indicators — is the application's business (:mod:`cchc.app.forms`, :mod:`cchc.app.collect`).

How a form looks and what protects it:

* the title block names the form, the agency, the province, the period and the plans; a note says
  which columns to fill; the header row is frozen and printed on every page (A4 landscape);
* cells a person fills are unlocked and tinted; every other cell is locked, and the sheet is
  protected **without a password** (Excel: Review → Unprotect Sheet) — the lock prevents slips,
  not tampering: on return every fixed cell is compared with what the form was made with;
* the status column offers a drop-down, date columns accept only dates in the plan's years, number
  columns only numbers ≥ 0 (and a numerator not above its denominator);
* the metadata (agency, province, period, plan files with a content hash, one key per row) sits in a
  *very hidden* sheet ``cchc`` that Excel does not list, and the workbook structure is protected so
  sheets cannot be added, removed or unhidden by mistake.

Text from plans is written as text, never as a formula. Dates are real dates shown ``dd/mm/yyyy``.
"""

from __future__ import annotations

import datetime as dt
from copy import copy
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Any

from cchc.core.i18n import tr
from cchc.core.problems import Problem, UnreadableInput
from cchc.core.text import nfc

META_SHEET = "cchc"
FORM_MARK = "cchc-form"  # keyword in the file's properties (not cchc-output: a filled form is never replaced without --force)
FILL_COLOUR = "FFF2CC"  # the cells to fill: light yellow
FIRST_COLUMN = "STT"
_HEADER_SEARCH_ROWS = 30


@dataclass(frozen=True)
class FormColumn:
    """``kind``: text, long (wide text), code, date, count (a number ≥ 0), status (drop-down)."""

    header: str
    kind: str = "text"
    width: float = 14
    editable: bool = False


@dataclass
class Form:
    title: str
    heading: list[str]  # lines under the title: agency, province, period, plans
    instructions: list[str]
    columns: list[FormColumn]
    rows: list[list[Any]]
    meta: dict[str, str]
    row_keys: list[str]  # one per row, stored in the metadata sheet
    statuses: tuple[str, ...] = ()  # the drop-down of the status column
    dates: tuple[dt.date, dt.date] | None = None  # what a date cell accepts
    fixed_cells: set[tuple[int, int]] = field(default_factory=set)  # (row index, column index) locked although the column is editable
    numerator_column: int | None = None  # index of a count column that must not exceed the next one


@dataclass
class FilledForm:
    path: Path
    meta: dict[str, str]
    row_keys: dict[int, str]  # sheet row number -> key
    header_row: int
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # sheet row number, values (one per header)
    saved: dt.datetime | None


def form_bytes(form: Form) -> bytes:
    """The form as an .xlsx file."""
    from openpyxl import Workbook
    from openpyxl.cell import Cell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.workbook.protection import WorkbookProtection
    from openpyxl.worksheet.datavalidation import DataValidation

    from cchc.adapters.excel import DATE, FONT_NAME, HEADER_FILL, TEXT_SIZE, TITLE_SIZE

    book = Workbook()
    sheet = book.active
    sheet.title = tr("Biểu mẫu", "Form")
    width = len(form.columns)
    last = get_column_letter(width)
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    text_font = Font(name=FONT_NAME, size=TEXT_SIZE)
    fill = PatternFill("solid", start_color=FILL_COLOUR, end_color=FILL_COLOUR)

    def put(cell: Any, value: Any) -> None:
        if isinstance(value, str):
            cell.value = clean_text(value)
            cell.data_type = "s"  # plan text starting with "=" stays text
        else:
            cell.value = value

    row = 1
    title = sheet.cell(row, 1)
    put(title, form.title)
    title.font = Font(name=FONT_NAME, size=TITLE_SIZE, bold=True)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.merge_cells(f"A{row}:{last}{row}")
    for line in form.heading:
        row += 1
        cell = sheet.cell(row, 1)
        put(cell, line)
        cell.font = Font(name=FONT_NAME, size=TEXT_SIZE, bold=True)
        sheet.merge_cells(f"A{row}:{last}{row}")
    for line in form.instructions:
        row += 1
        cell = sheet.cell(row, 1)
        put(cell, line)
        cell.font = Font(name=FONT_NAME, size=TEXT_SIZE, italic=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.merge_cells(f"A{row}:{last}{row}")
        sheet.row_dimensions[row].height = 16 * (1 + len(line) // 160)
    header_row = row + 2
    for index, column in enumerate(form.columns, start=1):
        cell = sheet.cell(header_row, index)
        put(cell, column.header)
        cell.font = Font(name=FONT_NAME, size=TEXT_SIZE, bold=True)
        cell.fill = PatternFill("solid", start_color=HEADER_FILL, end_color=HEADER_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    first_data = header_row + 1
    aligned = {
        "date": Alignment(horizontal="center", vertical="top"),
        "code": Alignment(horizontal="center", vertical="top", wrap_text=True),
        "count": Alignment(horizontal="right", vertical="top"),
        "status": Alignment(horizontal="center", vertical="top", wrap_text=True),
    }
    default_alignment = Alignment(vertical="top", wrap_text=True)
    unlocked = Protection(locked=False)
    looks: dict[tuple[int, bool], Any] = {}  # (column, to fill) -> a styled cell's style array, copied to every cell alike (fast)

    def look(c: int, to_fill: bool) -> Any:
        found = looks.get((c, to_fill))
        if found is None:
            column = form.columns[c]
            proto = Cell(sheet)  # a detached cell, styled once
            proto.font = text_font
            proto.border = border
            proto.alignment = aligned.get(column.kind, default_alignment)
            if column.kind == "date":
                proto.number_format = DATE
            if to_fill:
                proto.protection = unlocked
                proto.fill = fill
            found = looks[(c, to_fill)] = copy(proto._style)
        return found

    for r, values in enumerate(form.rows):
        number = first_data + r
        for c, column in enumerate(form.columns):
            cell = sheet.cell(number, c + 1)
            value = values[c] if c < len(values) else None
            if value is not None:
                put(cell, value)
            cell._style = copy(look(c, column.editable and (r, c) not in form.fixed_cells))

    def validation(kind: str, col: int, **options: Any) -> None:
        check = DataValidation(type=kind, allow_blank=True, showErrorMessage=True, errorTitle=tr("Giá trị không hợp lệ", "Invalid value"), **options)
        letter = get_column_letter(col + 1)
        runs: list[list[int]] = []
        for r in range(len(form.rows)):
            if (r, col) in form.fixed_cells:
                continue
            if runs and runs[-1][1] == r - 1:
                runs[-1][1] = r
            else:
                runs.append([r, r])
        for low, high in runs:
            check.add(f"{letter}{first_data + low}:{letter}{first_data + high}")
        if runs:
            sheet.add_data_validation(check)

    for c, column in enumerate(form.columns):
        if not column.editable:
            continue
        if column.kind == "status" and form.statuses:
            validation("list", c, formula1='"' + ",".join(form.statuses) + '"', error=tr("Chọn một tình trạng trong danh sách.", "Pick a status from the list."))
        elif column.kind == "date" and form.dates:
            low, high = form.dates
            validation(
                "date",
                c,
                operator="between",
                formula1=f"DATE({low.year},{low.month},{low.day})",
                formula2=f"DATE({high.year},{high.month},{high.day})",
                error=tr(f"Ghi một ngày từ {low:%d/%m/%Y} đến {high:%d/%m/%Y} (ngày/tháng/năm).", f"Enter a date from {low:%d/%m/%Y} to {high:%d/%m/%Y}."),
            )
        elif column.kind == "count":
            if c == form.numerator_column:
                own, other = get_column_letter(c + 1), get_column_letter(c + 2)
                validation(
                    "custom",
                    c,
                    formula1=f"AND(ISNUMBER({own}{first_data}),{own}{first_data}>=0,OR(NOT(ISNUMBER({other}{first_data})),{own}{first_data}<={other}{first_data}))",
                    error=tr("Tử số là một số ≥ 0 và không lớn hơn mẫu số.", "The numerator is a number ≥ 0, not above the denominator."),
                )
            else:
                validation("decimal", c, operator="greaterThanOrEqual", formula1="0", error=tr("Ghi một số ≥ 0.", "Enter a number ≥ 0."))
    sheet.freeze_panes = sheet.cell(first_data, 1)
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddFooter.center.text = tr("Trang &P/&N", "Page &P/&N")
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # people may widen columns and rows
    sheet.protection.formatRows = False

    meta = book.create_sheet(META_SHEET)
    entries = [*form.meta.items(), ("header_row", str(header_row)), *((f"row:{first_data + r}", key) for r, key in enumerate(form.row_keys))]
    for r, (key, value) in enumerate(entries, start=1):
        put(meta.cell(r, 1), key)
        put(meta.cell(r, 2), value)
    meta.sheet_state = "veryHidden"
    meta.protection.sheet = True
    book.security = WorkbookProtection(lockStructure=True)
    book.properties.creator = "cchc"
    book.properties.keywords = FORM_MARK
    book.properties.title = form.title
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def read_form(path: Path, code: str) -> FilledForm:
    """Read a returned form; an .xlsx that cchc did not make is an :class:`UnreadableInput` with ``code``."""
    from cchc.adapters.xlsxread import iter_rows_safely, open_workbook

    if not path.is_file():
        raise UnreadableInput(Problem(str(path), None, None, code, tr("không tìm thấy tệp", "file not found")))
    book = open_workbook(path)
    try:
        if META_SHEET not in book.sheetnames:
            raise UnreadableInput(Problem(str(path), None, None, code, tr("không phải biểu mẫu do cchc lập (thiếu phần nhận dạng); hãy dùng biểu mẫu được gửi, không chép sang tệp khác", "not a form made by cchc (its identification is missing); fill the form you were sent, do not copy it into another file")))
        meta: dict[str, str] = {}
        row_keys: dict[int, str] = {}
        for values in iter_rows_safely(book[META_SHEET], path, code, values_only=True):
            if not values or values[0] is None:
                continue
            key, value = str(values[0]), "" if len(values) < 2 or values[1] is None else nfc(str(values[1]))
            if key.startswith("row:") and key[4:].isdigit():
                row_keys[int(key[4:])] = value
            else:
                meta[key] = value
        sheet = next(ws for ws in book.worksheets if ws.title != META_SHEET)
        rows = [(n, [nfc(v) if isinstance(v, str) else v for v in values]) for n, values in enumerate(iter_rows_safely(sheet, path, code, values_only=True), start=1)]
        saved = book.properties.modified
    finally:
        book.close()
    header_at = next((n for n, values in rows[:_HEADER_SEARCH_ROWS] if values and isinstance(values[0], str) and values[0].strip() == FIRST_COLUMN), None)
    if header_at is None:
        raise UnreadableInput(Problem(f"{path}!A1", None, None, code, tr(f"không tìm thấy dòng tiêu đề (ô đầu là '{FIRST_COLUMN}')", f"no header row (its first cell is '{FIRST_COLUMN}')")))
    headers = [("" if v is None else str(v).strip()) for v in rows[header_at - 1][1]]
    while headers and not headers[-1]:
        headers.pop()
    data = [(n, (values + [None] * len(headers))[: len(headers)]) for n, values in rows[header_at:] if any(v not in (None, "") for v in values)]
    return FilledForm(path, meta, row_keys, header_at, headers, data, saved)


def clean_text(text: str) -> str:
    """Text as a cell holds it: characters XML cannot carry dropped, cut at Excel's limit."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from cchc.adapters.excel import EXCEL_TEXT_LIMIT

    return ILLEGAL_CHARACTERS_RE.sub("", text[:EXCEL_TEXT_LIMIT])


def cell_ref(row: int, column: int) -> str:
    """``B8`` for row 8, column index 1 (0-based)."""
    from openpyxl.utils import get_column_letter

    return f"{get_column_letter(column + 1)}{row}"
