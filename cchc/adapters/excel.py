"""Excel workbooks for review meetings: the overdue list, scorecards, and one workbook per meeting.

Adapter: report objects (:mod:`cchc.core.overdue`) and the score JSON contract (``cchc score --format
json``) in, an ``.xlsx`` file out. Nothing is printed except a progress bar on large writes, and
only when stderr is a terminal.

Layout, the same on every sheet (README, "Excel workbooks"):

* a title block — issuing body, title, sheet caption, the as-of date, the data source and
  "Số liệu minh họa" when sample data is used — then a blank row and the table;
* Times New Roman (Nghị định 30/2020): 13 bold for the title, 12 for the rest, thin borders;
* the header row is bold, frozen, filtered and repeated on every printed page;
* column widths estimated from the longest value (capped), long text wrapped;
* numbers are numbers: percentages are fractions shown ``0.0%``, points ``0.00``, counts ``#,##0``,
  dates real dates shown ``dd/mm/yyyy``; a target's comparison sign, a rank's "of N" and a
  quantity's unit live in the number format, so those cells still sort and filter as numbers;
* overdue rows are filled light red by a conditional format on the overdue count or days column;
  bands (Xuất sắc … Yếu) are filled with their colour;
* A4 landscape, fit to one page wide, "Trang &P/&N" centred in the footer.

How a file is written: openpyxl (write-only mode) lays out the package — cell formats, column
widths, panes, filters, conditional formats, print setup, charts and properties — with empty
sheets; the rows are then streamed into each sheet as XML (text as inline strings, so never a
formula) while the package is copied into a temporary file beside the target. The temporary file
replaces the target only once complete, so a failure never leaves half a workbook and never destroys
the previous one. Streaming keeps memory flat, and it is needed for speed: without lxml, openpyxl's
own per-cell serialiser took about 50 s for 100,000 formatted rows, against about 6 s streamed
(bench/bench_export.py).

Every output is marked (creator ``cchc``, keyword ``cchc-output``); an existing file is replaced
only with ``force`` or when its own properties carry that mark.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, Protocol
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from cchc.adapters.outputs import check_output, write_atomic
from cchc.core.i18n import tr
from cchc.core.labels import (
    AGENCY_KIND_LABELS,
    DUTY_STATE_LABELS,
    REPORTED_LABELS,
    SCHEDULE_KIND_LABELS,
    SCORE_STATUS_LABELS,
    label,
)
from cchc.core.text import fold

FONT_NAME = "Times New Roman"
TITLE_SIZE = 13
TEXT_SIZE = 12
FOOTER_SIZE = 11

PERCENT = "0.0%"  # stored as a fraction: 0.955 shows 95.5% (95,5% in a Vietnamese Excel)
POINTS = "0.00"
COUNT = "#,##0"
DECIMAL = "#,##0.0"
DATE = "dd/mm/yyyy"

OUTPUT_CREATOR = "cchc"
OUTPUT_MARK = "cchc-output"
PROGRESS_FROM_ROWS = 5_000
CHART_SHEET_COLUMNS = 12  # title width of a sheet that holds only charts
EXCEL_TEXT_LIMIT = 32_767  # characters in one cell

OVERDUE_FILL = "FFC7CE"  # Excel's own "light red fill with dark red text"
OVERDUE_TEXT = "9C0006"
HEADER_FILL = "DDEBF7"
WARNING_TEXT = "C00000"
BAND_FILLS = {  # by folded band name, Vietnamese or English
    "xuat sac": "63BE7B",
    "excellent": "63BE7B",
    "tot": "C6EFCE",
    "good": "C6EFCE",
    "kha": "FFEB9C",
    "fair": "FFEB9C",
    "trung binh": "FCD5B4",
    "average": "FCD5B4",
    "yeu": "FFC7CE",
    "poor": "FFC7CE",
    "weak": "FFC7CE",
}
FORMULA_STARTS = ("=", "+", "-", "@")  # text Excel would read as a formula when typed

_CORE_NS = {
    "dc": "http://purl.org/dc/elements/1.1/",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
}
_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>\s*</sheetData>")
_EXCEL_EPOCH = dt.date(1899, 12, 30)


# -- what a sheet holds ------------------------------------------------------------------------


class Cell(NamedTuple):
    """A number with its own format, for columns that mix units (percent beside minutes)."""

    value: Any
    number_format: str


@dataclass(frozen=True)
class Column:
    """A table column; ``kind`` picks alignment, number format and width cap (see ``_KINDS``)."""

    header: str
    kind: str = "text"


@dataclass
class Table:
    """Rows under a header. ``rows`` is called twice (to measure, then to write), so it never
    holds the whole table in memory; ``alert`` is the index of a column whose value > 0 marks the
    row overdue; ``total`` is a bold row below the table, outside the filter."""

    columns: Sequence[Column]
    rows: Callable[[], Iterable[Sequence[Any]]]
    alert: int | None = None
    total: Sequence[Any] | None = None


@dataclass
class Sheet:
    name: str
    caption: str
    table: Table | None = None


@dataclass(frozen=True)
class Heading:
    """The title block every sheet of a workbook starts with."""

    title: str
    issuer: str = ""
    as_of: dt.date | None = None
    scope: str = ""  # whom the workbook is about (an agency), after the date
    source: str = ""
    illustrative: bool = False


class StatusCounts(Protocol):
    """How far one plan activity has got as of a date (``state``: an overdue-state key, or the
    schedule kind of standing work: continuous, conditional, unspecified, unreadable)."""

    state: str
    due: int
    done_on_time: int
    done_late: int
    overdue: int


# -- cell formats ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Look:
    """Everything that styles one cell; each distinct look becomes one cell format in the file."""

    size: int = TEXT_SIZE
    bold: bool = False
    italic: bool = False
    colour: str | None = None
    fill: str | None = None
    horizontal: str = "left"
    vertical: str = "top"
    wrap: bool = False
    border: bool = True
    number_format: str = "General"
    quote: bool = False  # Excel's "text, not formula" flag, kept when a user edits the cell


_ISSUER = _Look(bold=True, border=False, vertical="center")
_TITLE = _Look(size=TITLE_SIZE, bold=True, horizontal="center", vertical="center", wrap=True, border=False)
_CAPTION = _Look(bold=True, horizontal="center", vertical="center", wrap=True, border=False)
_NOTE = _Look(italic=True, horizontal="center", vertical="center", wrap=True, border=False)
_WARNING = _Look(
    bold=True,
    italic=True,
    colour=WARNING_TEXT,
    horizontal="center",
    vertical="center",
    wrap=True,
    border=False,
)
_HEADER = _Look(bold=True, fill=HEADER_FILL, horizontal="center", vertical="center", wrap=True)

# kind -> (look of its cells, width cap in characters)
_KINDS: dict[str, tuple[_Look, int]] = {
    "text": (_Look(wrap=True), 36),
    "long": (_Look(wrap=True), 60),
    "code": (_Look(horizontal="center", wrap=True), 16),
    "count": (_Look(horizontal="right", number_format=COUNT), 14),
    "percent": (_Look(horizontal="right", number_format=PERCENT), 12),
    "points": (_Look(horizontal="right", number_format=POINTS), 12),
    "number": (_Look(horizontal="right"), 18),
    "date": (_Look(horizontal="center", number_format=DATE), 12),
    "band": (_Look(horizontal="center"), 14),
}
_THIN = Side(style="thin", color="808080")


def _apply(cell: Any, look: _Look) -> None:
    """The one place a look becomes openpyxl styles (every sheet's cells go through here)."""
    cell.font = Font(name=FONT_NAME, size=look.size, bold=look.bold, italic=look.italic, color=look.colour)
    if look.fill:
        cell.fill = PatternFill("solid", start_color=look.fill, end_color=look.fill)
    cell.alignment = Alignment(horizontal=look.horizontal, vertical=look.vertical, wrap_text=look.wrap)
    if look.border:
        cell.border = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
    cell.number_format = look.number_format
    if look.quote:
        cell.quotePrefix = True


def _band_fill(band: str) -> str | None:
    return BAND_FILLS.get(fold(band))


# -- laying out a workbook ---------------------------------------------------------------------


class _Layout:
    """One sheet placed in the workbook: where its table starts and how each cell is styled."""

    def __init__(self, book: _Book, sheet: Sheet, heading: Heading):
        self.book = book
        self.sheet = sheet
        self.ws = book.workbook.create_sheet(sheet.name)
        self.lines = _heading_lines(heading, sheet.caption)
        table = sheet.table
        self.width = len(table.columns) if table else CHART_SHEET_COLUMNS
        self.text_width = 8.43 * self.width  # Excel's default column width, until measured
        self.header_row = len(self.lines) + 2  # below the title block and a blank row
        self.first_row = self.header_row + 1
        self.row_count = 0
        if table is not None:
            self._plain = [book.style_id(_KINDS[c.kind][0]) for c in table.columns]
            self._special: dict[tuple, int] = {}
            self._measure(table)
        self._set_up_page()

    @property
    def last_row(self) -> int:
        return self.first_row + self.row_count - 1

    @property
    def dimension(self) -> bytes:
        """The used range, which readers such as pandas take the sheet's size from."""
        table = self.sheet.table
        last = (self.last_row + (table.total is not None)) if table else len(self.lines)
        return f'<dimension ref="A1:{get_column_letter(self.width)}{last}"/>'.encode()

    def style_of(self, index: int, value: Any) -> int:
        """The cell format of ``value`` in column ``index``: plain, or a band/formula-text/format variant."""
        if isinstance(value, str):
            fill = _band_fill(value) if self.sheet.table.columns[index].kind == "band" else None
            if value.startswith(FORMULA_STARTS):
                key: tuple = (index, "quote")
            elif fill:
                key = (index, "band", fill)
            else:
                return self._plain[index]
        elif isinstance(value, Cell):
            key = (index, "format", value.number_format)
        else:
            return self._plain[index]
        found = self._special.get(key)
        if found is None:
            base = _KINDS[self.sheet.table.columns[index].kind][0]
            if key[1] == "quote":
                variant = replace(base, quote=True)
            elif key[1] == "band":
                variant = replace(base, fill=key[2])
            else:
                variant = replace(base, number_format=key[2])
            found = self._special[key] = self.book.style_id(variant)
        return found

    def _measure(self, table: Table) -> None:
        """Count the rows, size the columns and register every cell format before anything is saved."""
        longest = [0] * len(table.columns)
        widths: list[float] = []
        rows = 0
        for row in table.rows():
            rows += 1
            for index, value in enumerate(row):
                if value is None:
                    continue
                width = _display_width(value)
                if width > longest[index]:
                    longest[index] = width
                if isinstance(value, str | Cell):
                    self.style_of(index, value)
        if table.total is not None:
            self._total = [self.book.style_id(replace(_KINDS[c.kind][0], bold=True)) for c in table.columns]
            for index, value in enumerate(table.total):
                if value is not None:
                    longest[index] = max(longest[index], _display_width(value))
        self.row_count = rows
        for index, column in enumerate(table.columns):
            cap = _KINDS[column.kind][1]
            words = column.header.split()
            header_need = max(max((len(w) for w in words), default=0), math.ceil(len(column.header) / 2))
            width = round(min(cap, max(6, longest[index] * 1.1, header_need) + 2), 1)
            self.ws.column_dimensions[get_column_letter(index + 1)].width = width
            widths.append(width)
        self.widths = widths
        self.text_width = sum(widths)
        self._header_style = self.book.style_id(_HEADER)

    def _set_up_page(self) -> None:
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.print_options.horizontalCentered = True
        ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.7, header=0.3, footer=0.3)
        ws.oddFooter.center.text = tr("Trang &P/&N", "Page &P/&N")
        ws.oddFooter.center.font = f"{FONT_NAME},Regular"
        ws.oddFooter.center.size = FOOTER_SIZE
        self._line_styles = {look: self.book.style_id(look) for look, _ in self.lines}
        last_column = get_column_letter(self.width)
        for row, (look, _) in enumerate(self.lines, start=1):
            if look.wrap:  # centred and wrapped across the table's width
                ws.merged_cells.add(f"A{row}:{last_column}{row}")
        table = self.sheet.table
        if table is None:
            return
        ws.freeze_panes = f"A{self.first_row}"
        ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        ws.auto_filter.ref = f"A{self.header_row}:{last_column}{max(self.header_row, self.last_row)}"
        if table.alert is not None and self.row_count:
            alert = get_column_letter(table.alert + 1)
            ws.conditional_formatting.add(
                f"A{self.first_row}:{last_column}{self.last_row}",
                FormulaRule(
                    formula=[f"${alert}{self.first_row}>0"],
                    fill=PatternFill("solid", start_color=OVERDUE_FILL, end_color=OVERDUE_FILL),
                    font=Font(color=OVERDUE_TEXT),
                ),
            )

    def chunks(self, advance: Callable[[int], None]) -> Iterator[bytes]:
        """The sheet's rows as XML, a few hundred rows per chunk."""
        letters = [get_column_letter(i + 1) for i in range(self.width)]
        head: list[str] = []
        for row, (look, text) in enumerate(self.lines, start=1):
            height = (
                f' ht="{_wrapped_height(text, look, self.text_width)}" customHeight="1"' if look.wrap else ""
            )
            head.append(f'<row r="{row}"{height}>{_cell_xml(f"A{row}", text, self._line_styles[look])}</row>')
        table = self.sheet.table
        if table is None:
            yield "".join(head).encode()
            return
        r = self.header_row
        head.append(
            f'<row r="{r}"{_row_height([c.header for c in table.columns], self.widths)}>'
            + "".join(
                _cell_xml(f"{letters[i]}{r}", c.header, self._header_style)
                for i, c in enumerate(table.columns)
            )
            + "</row>"
        )
        yield "".join(head).encode()
        buffer: list[str] = []
        style_of = self.style_of
        widths = self.widths
        for r, row in enumerate(table.rows(), start=self.first_row):
            buffer.append(
                f'<row r="{r}"{_row_height(row, widths)}>'
                + "".join(_cell_xml(f"{letters[i]}{r}", v, style_of(i, v)) for i, v in enumerate(row))
                + "</row>"
            )
            if len(buffer) == 500:
                yield "".join(buffer).encode()
                advance(len(buffer))
                buffer.clear()
        if table.total is not None:
            r = self.last_row + 1
            buffer.append(
                f'<row r="{r}">'
                + "".join(_cell_xml(f"{letters[i]}{r}", v, self._total[i]) for i, v in enumerate(table.total))
                + "</row>"
            )
        yield "".join(buffer).encode()
        advance(len(buffer))


class _Book:
    """A workbook under construction: openpyxl holds the layout, rows are streamed at save time."""

    def __init__(self, heading: Heading):
        self.heading = heading
        self.workbook = Workbook(write_only=True)
        props = self.workbook.properties
        props.creator = props.lastModifiedBy = OUTPUT_CREATOR
        props.keywords = OUTPUT_MARK
        props.title = heading.title
        props.description = tr(
            "Tạo bởi cchc; có thể ghi đè bằng lần xuất sau.",
            "Written by cchc; the next export may replace it.",
        )
        self.layouts: list[_Layout] = []
        self._styles: dict[_Look, int] = {}

    def style_id(self, look: _Look) -> int:
        """The workbook's cell-format index for ``look`` (formats belong to the workbook; any sheet mints them)."""
        found = self._styles.get(look)
        if found is None:
            cell = WriteOnlyCell(self.workbook.worksheets[-1])
            _apply(cell, look)
            found = self._styles[look] = cell.style_id
        return found

    def add(self, sheet: Sheet) -> _Layout:
        layout = _Layout(self, sheet, self.heading)
        self.layouts.append(layout)
        return layout

    def save(self, path: Path) -> None:
        frame = BytesIO()
        self.workbook.save(frame)
        total = sum(layout.row_count for layout in self.layouts)
        with _progress(total) as advance:
            write_atomic(path, lambda out: self._assemble(frame, out, advance))

    def _assemble(self, frame: BytesIO, out: BinaryIO, advance: Callable[[int], None]) -> None:
        with zipfile.ZipFile(frame) as package, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as result:
            entries = _sheet_entries(package)
            streamed = {entries[layout.ws.title]: layout for layout in self.layouts}
            for info in package.infolist():
                data = package.read(info)
                layout = streamed.get(info.filename)
                if layout is None:
                    result.writestr(info, data)
                    continue
                found = _SHEET_DATA.search(data)
                if found is None:
                    raise RuntimeError(f"no empty sheetData in {info.filename}")
                streamed_info = zipfile.ZipInfo(info.filename, date_time=info.date_time)
                streamed_info.compress_type = zipfile.ZIP_DEFLATED
                with result.open(streamed_info, "w", force_zip64=True) as entry:
                    head = data[: found.start()].replace(b"<sheetViews", layout.dimension + b"<sheetViews", 1)
                    entry.write(head + b"<sheetData>")
                    for chunk in layout.chunks(advance):
                        entry.write(chunk)
                    entry.write(b"</sheetData>" + data[found.end() :])


def _heading_lines(heading: Heading, caption: str) -> list[tuple[_Look, str]]:
    lines = []
    if heading.issuer:
        lines.append((_ISSUER, heading.issuer.upper()))
    lines.append((_TITLE, heading.title.upper()))
    if caption and fold(caption) != fold(heading.title):
        lines.append((_CAPTION, caption))
    if heading.as_of is not None:
        date = tr(f"Tính đến ngày {heading.as_of:%d/%m/%Y}", f"As of {heading.as_of:%d/%m/%Y}")
        lines.append((_NOTE, f"{date} — {heading.scope}" if heading.scope else date))
    elif heading.scope:
        lines.append((_NOTE, heading.scope))
    if heading.source:
        lines.append((_NOTE, tr("Nguồn số liệu: ", "Data source: ") + heading.source))
    if heading.illustrative:
        lines.append(
            (
                _WARNING,
                tr(
                    "Số liệu minh họa — không phải số liệu chính thức",
                    "Illustrative data (số liệu minh họa) — not official figures",
                ),
            )
        )
    return lines


def _wrapped_height(text: str, look: _Look, width: float) -> float:
    """Row height in points for ``text`` wrapped in a merged row ``width`` characters wide.

    Excel does not grow merged rows to fit, so the lines are estimated: capitals in Times New Roman
    are about 1.6 default-character widths, lower case about 1.1.
    """
    per_character = 1.6 if text.isupper() else 1.1
    lines = max(1, math.ceil(len(text) * per_character / max(width, 1)))
    return round(lines * look.size * 1.35 + 2, 1)


def _row_height(values: Sequence[Any], widths: Sequence[float]) -> str:
    """A row height that shows every line of wrapped text.

    Neither Excel nor LibreOffice grows a row to fit wrapped text when it opens a file, so long
    activity texts would be cut off on screen and on paper; the lines are estimated as for titles.
    """
    lines = 1
    for value, width in zip(values, widths, strict=False):
        if isinstance(value, str) and len(value) * 1.1 > width - 1:
            wrapped = sum(max(1, math.ceil(len(part) * 1.1 / max(width - 1, 1))) for part in value.split("\n"))
            lines = max(lines, wrapped)
    return f' ht="{round(lines * TEXT_SIZE * 1.3 + 3, 1)}" customHeight="1"' if lines > 1 else ""


def _display_width(value: Any) -> int:
    if isinstance(value, str):
        return max(map(len, value.split("\n"))) if "\n" in value else len(value)
    if isinstance(value, Cell):
        return _display_width(value.value) + 6
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, int):
        return len(f"{value:,}")
    if isinstance(value, float):
        return len(f"{value:,.2f}")
    return len(str(value))


def _cell_xml(ref: str, value: Any, style: int) -> str:
    """One cell: text as an inline string (never a formula), numbers and dates as numbers."""
    if isinstance(value, Cell):
        value = value.value
    if value is None or value == "":
        return f'<c r="{ref}" s="{style}"/>'
    if isinstance(value, str):
        text = escape(ILLEGAL_CHARACTERS_RE.sub("", value[:EXCEL_TEXT_LIMIT]))
        return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
    if isinstance(value, bool):
        raise TypeError(f"no cell format for a boolean ({ref})")
    if isinstance(value, dt.datetime):
        raise TypeError(f"dates only, not times ({ref})")
    if isinstance(value, dt.date):
        return f'<c r="{ref}" s="{style}"><v>{(value - _EXCEL_EPOCH).days}</v></c>'
    if isinstance(value, int):
        return f'<c r="{ref}" s="{style}"><v>{value}</v></c>'
    number = float(value)
    if not math.isfinite(number):
        return f'<c r="{ref}" s="{style}"/>'
    return f'<c r="{ref}" s="{style}"><v>{number!r}</v></c>'


def _sheet_entries(package: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name -> its XML part, read from the package's workbook part and relationships."""
    rel_ns = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rels = ElementTree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    workbook = ElementTree.fromstring(package.read("xl/workbook.xml"))
    out = {}
    for sheet in workbook.iter(f"{main}sheet"):
        target = targets[sheet.get(rel_ns)]
        out[sheet.get("name")] = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
    return out


@contextmanager
def _progress(total: int) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr for large writes, only when stderr is a terminal."""
    if total < PROGRESS_FROM_ROWS or not sys.stderr.isatty():
        yield lambda _n: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(tr("Đang ghi Excel", "Writing Excel"), total=total)
        yield lambda n: bar.advance(task, n)


# -- writing safely ----------------------------------------------------------------------------


def check_target(path: Path, force: bool, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse, before any work, a target that is not an .xlsx path or is someone else's file."""
    check_output(path, (".xlsx",), force, inputs, owned=is_cchc_output)


def is_cchc_output(path: Path) -> bool:
    """True when the file's own properties (docProps/core.xml) say cchc wrote it — not its name."""
    from defusedxml.ElementTree import fromstring

    try:
        with zipfile.ZipFile(path) as package:
            info = package.getinfo("docProps/core.xml")
            if info.file_size > 1_000_000:
                return False
            core = fromstring(package.read(info))
    except (OSError, KeyError, ValueError, SyntaxError, zipfile.BadZipFile):
        return False
    creator = core.findtext("dc:creator", namespaces=_CORE_NS)
    keywords = core.findtext("cp:keywords", namespaces=_CORE_NS) or ""
    return creator == OUTPUT_CREATOR and OUTPUT_MARK in keywords.replace(",", " ").split()


# -- labels ------------------------------------------------------------------------------------


def _label(table: Mapping, key: Any) -> str:
    """Capitalised for a cell of its own."""
    text = label(table, key)
    return text[:1].upper() + text[1:]


def _activity_label(state: str) -> str:
    return _label(DUTY_STATE_LABELS if state in DUTY_STATE_LABELS else SCHEDULE_KIND_LABELS, state)


def _kind_label(kind: str) -> str:
    return _label(AGENCY_KIND_LABELS, kind)


def _status_label(status: str) -> str:
    return _label(SCORE_STATUS_LABELS, status)


def _reported_label(reported: str | None) -> str:
    return _label(REPORTED_LABELS, reported)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# -- overdue sheets ----------------------------------------------------------------------------


def _duty_sheet(
    name: str, caption: str, statuses: Callable[[], Iterable[Any]], as_of: dt.date, upcoming: bool = False
) -> Sheet:
    """Overdue (or upcoming) duties, one row each; optional columns appear only when used."""
    with_now = any(s.duty.now_name for s in statuses())
    with_via = any(s.duty.via for s in statuses())
    with_province = len({s.duty.plan.province for s in statuses()}) > 1
    columns = [Column(tr("STT", "No."), "count"), Column(tr("Cơ quan chủ trì", "Lead agency"), "text")]
    if with_province:
        columns.append(Column(tr("Tỉnh", "Province"), "text"))
    if with_now:
        columns.append(Column(tr("Cơ quan thực hiện hiện nay", "Carried by now"), "text"))
    if with_via:
        columns.append(Column(tr("Với tư cách thành viên của", "As a member of"), "text"))
    columns += [
        Column(tr("Kế hoạch", "Plan"), "code"),
        Column(tr("Số TT", "No. in plan"), "code"),
        Column(tr("Mã", "Id"), "code"),
        Column(tr("Nội dung", "Activity"), "long"),
        Column(tr("Sản phẩm", "Product"), "text"),
        Column(tr("Kỳ", "Occurrence"), "code"),
        Column(tr("Hạn", "Due"), "date"),
        Column(tr("Còn (ngày)", "Days left") if upcoming else tr("Số ngày quá hạn", "Days overdue"), "count"),
        Column(tr("Tình trạng báo cáo", "Reported"), "text"),
    ]
    no_lead = tr("(không ghi cơ quan chủ trì)", "(no lead agency)")

    def rows() -> Iterator[list]:
        for number, status in enumerate(statuses(), start=1):
            duty = status.duty
            activity = duty.activity
            row: list[Any] = [number, duty.owner_name or no_lead]
            if with_province:
                row.append(duty.plan.province)
            if with_now:
                row.append(duty.now_name)
            if with_via:
                row.append(duty.via)
            days = (duty.occurrence.due - as_of).days if upcoming else status.days_late
            row += [
                duty.plan.id,
                activity.number,
                activity.id,
                activity.text,
                "; ".join(activity.products),
                duty.occurrence.key,
                duty.occurrence.due,
                days,
                _reported_label(status.reported),
            ]
            yield row

    return Sheet(name, caption, Table(columns, rows, alert=None if upcoming else len(columns) - 2))


def _overdue_summary_columns() -> list[Column]:
    return [
        Column(tr("Phải hoàn thành", "Due"), "count"),
        Column(tr("Đúng hạn", "On time"), "count"),
        Column(tr("Trễ hạn", "Late"), "count"),
        Column(tr("Quá hạn", "Overdue"), "count"),
        Column(tr("Tỷ lệ đúng hạn", "On-time rate"), "percent"),
    ]


def _counts(due: int, on_time: int, late: int, overdue: int) -> list[Any]:
    return [due, on_time, late, overdue, _ratio(on_time, due)]


def _summary_sheet(report: Any) -> Sheet:
    with_now = any(g.now_name for g in report.groups)
    with_province = len({g.province for g in report.groups}) > 1
    columns = [Column(tr("STT", "No."), "count"), Column(tr("Cơ quan chủ trì", "Lead agency"), "text")]
    if with_province:
        columns.append(Column(tr("Tỉnh", "Province"), "text"))
    if with_now:
        columns.append(Column(tr("Cơ quan thực hiện hiện nay", "Carried by now"), "text"))
    columns += _overdue_summary_columns()

    def rows() -> Iterator[list]:
        for number, group in enumerate(report.groups, start=1):
            names = [group.name or tr("(không ghi cơ quan chủ trì)", "(no lead agency)")]
            names += [group.province] if with_province else []
            names += [group.now_name] if with_now else []
            yield [number, *names, *_counts(group.due, group.done_on_time, group.done_late, group.overdue)]

    sums = [
        sum(getattr(g, key) for g in report.groups) for key in ("due", "done_on_time", "done_late", "overdue")
    ]
    blanks = [None] * (with_province + with_now)
    total = [None, tr("Tổng cộng", "Total"), *blanks, *_counts(*sums)]
    return Sheet(
        tr("Tổng hợp", "Summary"),
        tr("Tổng hợp theo cơ quan chủ trì", "Summary by lead agency"),
        Table(columns, rows, alert=len(columns) - 2, total=total),
    )


def _plans_of(report: Any) -> list[Any]:
    found: dict[str, Any] = {}
    for status in [*report.overdue_rows(), *report.upcoming]:
        found.setdefault(status.duty.plan.id, status.duty.plan)
    for item in report.standing:
        found.setdefault(item.plan.id, item.plan)
    return list(found.values())


def _issuer_of(plans: Iterable[Any]) -> str:
    issuers = list(dict.fromkeys(p.issuer for p in plans if p.issuer))
    return issuers[0] if len(issuers) == 1 else ""


def _overdue_sheets(report: Any, caption: str) -> list[Sheet]:
    sheets = [_duty_sheet(tr("Quá hạn", "Overdue"), caption, report.overdue_rows, report.as_of)]
    if report.within is not None:
        sheets.append(
            _duty_sheet(
                tr("Sắp đến hạn", "Due soon"),
                tr(f"Sắp đến hạn trong {report.within} ngày tới", f"Due in the next {report.within} days"),
                lambda: report.upcoming,
                report.as_of,
                upcoming=True,
            )
        )
    return sheets


def write_overdue_workbook(
    report: Any, path: Path, force: bool = False, *, issuer: str | None = None, source: str | None = None
) -> None:
    """The overdue list (sheet "Quá hạn", plus "Sắp đến hạn" with ``--within``) and the summary per agency.

    ``issuer`` and ``source`` default to the plans the report draws on.
    """
    path = Path(path)
    check_target(path, force)
    plans = _plans_of(report)
    if source is None:
        source = (
            tr("kế hoạch ", "plans ")
            + ", ".join(p.id for p in plans)
            + tr("; báo cáo tiến độ", "; progress reports")
            if plans
            else ""
        )
    title = tr("Danh sách nhiệm vụ quá hạn", "Overdue activities")
    heading = Heading(
        title=title,
        issuer=_issuer_of(plans) if issuer is None else issuer,
        as_of=report.as_of,
        scope=report.agency or "",
        source=source,
        illustrative=report.illustrative,
    )
    book = _Book(heading)
    for sheet in [*_overdue_sheets(report, title), _summary_sheet(report)]:
        book.add(sheet)
    book.save(path)


# -- score sheets ------------------------------------------------------------------------------

_OPS = {">=": "≥ ", "<=": "≤ ", "=": "= "}


def _unit_format(unit: str, prefix: str = "", suffix: str = "") -> str:
    """A number format for ``unit`` with literal text around the number (one literal each side)."""
    code = {"%": PERCENT, "count": COUNT, "VND": COUNT, "points": POINTS}.get(unit, DECIMAL)
    text = {"minutes": tr(" phút", " min"), "VND": " đ"}.get(unit, "") + suffix
    return (f'"{prefix}"' if prefix else "") + code + (f'"{text}"' if text else "")


def _quantity(value: float | None, unit: str) -> float | None:
    return None if value is None else value / 100 if unit == "%" else value


def _target_cell(target: Mapping, unit: str) -> Cell:
    """The target as a number; its comparison sign ("≥ ") or a range's upper bound is in the format."""
    value = _quantity(target["value"], unit)
    if target["op"] == "range":
        upper = f"{target['max']:g}%" if unit == "%" else f"{target['max']:g}"
        return Cell(value, _unit_format(unit, suffix=f" – {upper}"))
    return Cell(value, _unit_format(unit, prefix=_OPS[target["op"]]))


def _scorecard_sheet(agencies: Sequence[Mapping]) -> Sheet:
    columns = [
        Column(tr("Cơ quan", "Agency"), "text"),
        Column(tr("Lĩnh vực", "Area"), "code"),
        Column(tr("Mã tiêu chí", "Criterion"), "code"),
        Column(tr("Tiêu chí", "Criterion title"), "long"),
        Column(tr("Thực tế", "Actual"), "number"),
        Column(tr("Chỉ tiêu", "Target"), "number"),
        Column(tr("Điểm", "Points"), "points"),
        Column(tr("Tối đa", "Max"), "points"),
        Column(tr("Đánh giá", "Mark"), "text"),
    ]

    def rows() -> Iterator[list]:
        for agency in agencies:
            for criterion in agency["criteria"]:
                unit = criterion["unit"]
                value = criterion["value"]
                if value is None:
                    actual: Any = "0/0" if criterion["vacuous"] else None
                else:
                    actual = Cell(_quantity(value, unit), _unit_format(unit))
                yield [
                    agency["agency"],
                    criterion["area"],
                    criterion["id"],
                    criterion["title"],
                    actual,
                    _target_cell(criterion["target"], unit),
                    criterion["points"],
                    criterion["max"],
                    _status_label(criterion["status"]),
                ]

    return Sheet(
        tr("Phiếu điểm", "Scorecards"),
        tr("Phiếu điểm theo tiêu chí", "Scorecards by criterion"),
        Table(columns, rows),
    )


def _area_ids(agencies: Sequence[Mapping]) -> list[str]:
    return list(dict.fromkeys(area["id"] for agency in agencies for area in agency["areas"]))


def _rank_cell(agency: Mapping) -> Cell | int | None:
    rank = agency["rank"]
    return None if rank is None else Cell(rank, f'0" / {agency["rank_of"]}"')


def _group_title(agency: Mapping) -> str:
    """Whom the agency is ranked with, as ``cchc score`` names it: its block, or its kind."""
    return agency["block_title"] if agency["rank_group"].startswith("block:") else _kind_label(agency["kind"])


def _ranking_sheet(agencies: Sequence[Mapping]) -> Sheet:
    area_ids = _area_ids(agencies)
    columns = [
        Column(tr("Hạng", "Rank"), "number"),
        Column(tr("Cơ quan", "Agency"), "text"),
        Column(tr("Khối", "Group"), "text"),
        *(Column(tr(f"Lĩnh vực {a}", f"Area {a}"), "points") for a in area_ids),
        Column(tr("Tổng điểm", "Total"), "points"),
        Column(tr("Tối đa", "Max"), "points"),  # the points that apply to the agency
        Column(tr("Tỷ lệ điểm (%)", "Share of points (%)"), "points"),  # what bands and ranks use
        Column(tr("Xếp loại", "Band"), "band"),
    ]

    def rows() -> Iterator[list]:
        for agency in agencies:
            points = {area["id"]: area["points"] for area in agency["areas"]}
            yield [
                _rank_cell(agency),
                agency["agency"],
                _group_title(agency),
                *(points.get(a) for a in area_ids),
                agency["total"],
                agency["max"],
                agency["percent"],
                agency["band"],
            ]

    return Sheet(
        tr("Xếp hạng", "Ranking"), tr("Xếp hạng Chỉ số CCHC", "PAR Index ranking"), Table(columns, rows)
    )


def _ranking_charts(ranking: _Layout, agencies: Sequence[Mapping]) -> list[BarChart]:
    """One horizontal bar chart of totals per group of agencies ranked together, best on top.

    The ranking lists each group's agencies together, unranked ones (no figures) last; those get no bar.
    """
    total_column = len(ranking.sheet.table.columns) - 3  # followed by max, share and band
    charts = []
    start = 0
    while start < len(agencies):
        end = start
        while (
            end < len(agencies)
            and agencies[end]["rank_group"] == agencies[start]["rank_group"]
            and agencies[end]["rank"] is not None
        ):
            end += 1
        if end == start:  # unranked
            start += 1
            continue
        chart = BarChart()
        chart.type = "bar"
        chart.title = f"{tr('Tổng điểm', 'Total points')} — {_group_title(agencies[start])}"
        chart.legend = None
        first, last = ranking.first_row + start, ranking.first_row + end - 1
        chart.add_data(
            Reference(ranking.ws, min_col=total_column, min_row=first, max_row=last), titles_from_data=False
        )
        chart.set_categories(Reference(ranking.ws, min_col=2, min_row=first, max_row=last))
        chart.x_axis.scaling.orientation = "maxMin"  # rank 1 at the top
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = max(a["max"] for a in agencies[start:end])
        chart.x_axis.delete = chart.y_axis.delete = False
        chart.width = 24
        chart.height = min(60.0, max(7.5, 2.5 + 0.6 * (end - start)))
        charts.append(chart)
        start = end
    return charts


def _areas_sheet(agency: Mapping) -> Sheet:
    columns = [
        Column(tr("Lĩnh vực", "Area"), "code"),
        Column(tr("Tên lĩnh vực", "Area title"), "text"),
        Column(tr("Điểm", "Points"), "points"),
        Column(tr("Tối đa", "Max"), "points"),
    ]

    def rows() -> Iterator[list]:
        for area in agency["areas"]:
            yield [area["id"], area["title"], area["points"], area["max"]]

    caption = tr(
        f"Biểu đồ — điểm theo lĩnh vực của {agency['agency']}",
        f"Charts — points per area, {agency['agency']}",
    )
    return Sheet(tr("Biểu đồ", "Charts"), caption, Table(columns, rows))


def _area_chart(layout: _Layout, agency: Mapping) -> BarChart:
    """The agency's points per area against the maximum, as clustered columns."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = f"{tr('Điểm theo lĩnh vực', 'Points per area')} — {agency['agency']}"
    points = len(layout.sheet.table.columns) - 1
    data = Reference(
        layout.ws, min_col=points, max_col=points + 1, min_row=layout.header_row, max_row=layout.last_row
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(layout.ws, min_col=1, min_row=layout.first_row, max_row=layout.last_row))
    chart.y_axis.scaling.min = 0
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.width, chart.height = 20, 9
    return chart


def _add_score_sheets(
    book: _Book, agencies: Sequence[Mapping], scorecards: Sequence[Mapping], selected: Mapping | None
) -> None:
    """Scorecards, ranking and the charts sheet (area chart for ``selected``, then the ranking charts)."""
    book.add(_scorecard_sheet(scorecards))
    ranking = book.add(_ranking_sheet(agencies))
    charts = book.add(
        _areas_sheet(selected) if selected else Sheet(tr("Biểu đồ", "Charts"), tr("Biểu đồ", "Charts"))
    )
    row = charts.header_row
    if selected:
        charts.ws.add_chart(
            _area_chart(charts, selected), f"{get_column_letter(len(charts.sheet.table.columns) + 2)}{row}"
        )
        row = max(charts.last_row, row + 19) + 2
    for chart in _ranking_charts(ranking, agencies):
        charts.ws.add_chart(chart, f"A{row}")
        row += math.ceil(chart.height / 0.53) + 2


def _find_agency(agencies: Sequence[Mapping], name: str | None) -> Mapping | None:
    if name is None:
        return None
    return next((a for a in agencies if fold(a["agency"]) == fold(name)), None)


def write_score_workbook(
    result: Mapping,
    path: Path,
    force: bool = False,
    illustrative: bool = False,
    *,
    issuer: str = "",
    source: str | None = None,
) -> None:
    """Scorecards (per agency, per criterion), the ranking and its charts from the score JSON contract.

    The area chart is drawn when the result holds one agency (``cchc score --agency``).
    """
    path = Path(path)
    check_target(path, force)
    agencies = result["agencies"]
    heading = Heading(
        title=tr(
            f"Kết quả Chỉ số cải cách hành chính năm {result['year']}", f"PAR Index results {result['year']}"
        ),
        issuer=issuer,
        scope=agencies[0]["agency"] if len(agencies) == 1 else "",
        source=_score_source(result) if source is None else source,
        illustrative=illustrative or result["illustrative"],
    )
    book = _Book(heading)
    _add_score_sheets(book, agencies, agencies, agencies[0] if len(agencies) == 1 else None)
    book.save(path)


def _score_source(result: Mapping) -> str:
    place = f"{result['province']}, " if result["province"] else ""
    return tr(
        f"số liệu thực tế {place}năm {result['year']}; phương pháp {result['methodology']}",
        f"actual figures {place}{result['year']}; methodology {result['methodology']}",
    )


# -- the meeting workbook ----------------------------------------------------------------------


def _meeting_summary_sheet(report: Any, agencies: Sequence[Mapping]) -> Sheet:
    """Per agency: duties due, on time, late, overdue, and its score, band and rank."""
    scores = {fold(a["agency"]): a for a in agencies}
    groups = {fold(g.name): g for g in report.groups}
    names = list(dict.fromkeys([*(g.name for g in report.groups), *(a["agency"] for a in agencies)]))
    with_now = any(g.now_name for g in report.groups)
    columns = [Column(tr("STT", "No."), "count"), Column(tr("Cơ quan", "Agency"), "text")]
    if with_now:
        columns.append(Column(tr("Cơ quan thực hiện hiện nay", "Carried by now"), "text"))
    columns += _overdue_summary_columns()
    columns += [
        Column(tr("Điểm", "Points"), "points"),
        Column(tr("Xếp loại", "Band"), "band"),
        Column(tr("Hạng", "Rank"), "number"),
    ]
    overdue_column = len(columns) - 5

    def rows() -> Iterator[list]:
        for number, name in enumerate(names, start=1):
            group = groups.get(fold(name))
            score = scores.get(fold(name))
            counts = (
                _counts(group.due, group.done_on_time, group.done_late, group.overdue)
                if group
                else [None] * 5
            )
            now = [group.now_name if group else None] if with_now else []
            points = [score["total"], score["band"], _rank_cell(score)] if score else [None] * 3
            yield [
                number,
                name or tr("(không ghi cơ quan chủ trì)", "(no lead agency)"),
                *now,
                *counts,
                *points,
            ]

    return Sheet(
        tr("Tổng hợp", "Summary"),
        tr("Tổng hợp theo cơ quan", "Summary by agency"),
        Table(columns, rows, alert=overdue_column),
    )


def _plan_sheet(plans: Sequence[Any], statuses: Mapping[tuple[str, str], StatusCounts]) -> Sheet:
    columns = [
        Column(tr("STT", "No."), "count"),
        Column(tr("Kế hoạch", "Plan"), "code"),
        Column(tr("Lĩnh vực", "Area"), "code"),
        Column(tr("Số TT", "No. in plan"), "code"),
        Column(tr("Mã", "Id"), "code"),
        Column(tr("Nội dung", "Activity"), "long"),
        Column(tr("Cơ quan chủ trì", "Lead"), "text"),
        Column(tr("Cơ quan phối hợp", "Co-operating"), "text"),
        Column(tr("Sản phẩm", "Product"), "text"),
        Column(tr("Thời hạn", "Deadline"), "text"),
        *_overdue_summary_columns()[:4],
        Column(tr("Tình trạng", "Status"), "text"),
    ]

    def rows() -> Iterator[list]:
        number = 0
        for plan in plans:
            for activity in plan.activities:
                number += 1
                status = statuses.get((plan.id, activity.id))
                scheduled = status is not None and status.state in DUTY_STATE_LABELS  # not standing work
                counts = (
                    [status.due, status.done_on_time, status.done_late, status.overdue]
                    if scheduled
                    else [None] * 4
                )
                yield [
                    number,
                    plan.id,
                    activity.area_id,
                    activity.number,
                    activity.id,
                    activity.text,
                    "; ".join(activity.lead),
                    "; ".join(activity.coop),
                    "; ".join(activity.products),
                    activity.deadline,
                    *counts,
                    _activity_label(status.state) if status else None,
                ]

    return Sheet(
        tr("Kế hoạch", "Plan"),
        tr("Kế hoạch và tình trạng thực hiện từng nhiệm vụ", "The plan and the status of each activity"),
        Table(columns, rows, alert=len(columns) - 2),
    )


def write_meeting_workbook(
    path: Path,
    *,
    year: int,
    as_of: dt.date,
    overdue_report: Any,
    score_result: Mapping,
    plans: Sequence[Any],
    statuses: Mapping[tuple[str, str], StatusCounts],
    agency_report: Any = None,
    selected_agency: str | None = None,
    issuer: str = "",
    title: str = "",
    source: str = "",
    illustrative: bool = False,
    force: bool = False,
) -> None:
    """One workbook for a review meeting.

    Sheets: "Tổng hợp" (per agency: due, on time, late, overdue, points, band, rank), "Quá hạn"
    (``agency_report``'s rows when given — the selected agency's own and collective duties — else
    ``overdue_report``'s), "Phiếu điểm" (every criterion; only the selected agency's when one is
    selected), "Xếp hạng", "Biểu đồ" (the selected agency's points per area against the maximum, and
    totals by agency for each ranking group) and "Kế hoạch" (``plans`` with ``statuses``, keyed by
    (plan id, activity id)). ``overdue_report`` is the province-wide report the summary counts come from.
    """
    path = Path(path)
    check_target(path, force)
    agencies = score_result["agencies"]
    selected = _find_agency(agencies, selected_agency)
    heading = Heading(
        title=title
        or tr(f"Kết quả thực hiện cải cách hành chính năm {year}", f"Administrative reform results {year}"),
        issuer=issuer,
        as_of=as_of,
        scope=selected["agency"] if selected else (selected_agency or ""),
        source=source,
        illustrative=illustrative,
    )
    book = _Book(heading)
    book.add(_meeting_summary_sheet(overdue_report, agencies))
    for sheet in _overdue_sheets(
        agency_report or overdue_report, tr("Danh sách nhiệm vụ quá hạn", "Overdue activities")
    ):
        book.add(sheet)
    _add_score_sheets(book, agencies, [selected] if selected else agencies, selected)
    book.add(_plan_sheet(plans, statuses))
    book.save(path)
