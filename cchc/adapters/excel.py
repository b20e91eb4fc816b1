"""Excel workbooks for review meetings: the overdue list, scorecards, and one workbook per meeting.

Adapter: report objects (:mod:`cchc.core.overdue`) and the score JSON contract (``cchc score --format
json``) in, an ``.xlsx`` file out. Nothing is printed except a progress bar on large writes, and
only when stderr is a terminal.

Layout, the same on every sheet (README, "Excel workbooks"), made to be printed and read on paper:

* an official title block — issuing body and office on the left, the optional national heading on
  the right, the place-and-date line, the title, the sheet caption, "Kèm theo Báo cáo số …", the
  as-of date, the data source in words and "Số liệu minh họa" when sample data is used — then a
  blank row and the table; an optional signature block (Người lập biểu / Thủ trưởng cơ quan) below;
* Times New Roman (Nghị định 30/2020): 13 bold for the title, 12 for the rest, thin borders;
* the header row is bold, frozen (the title block scrolled out of the frozen pane), filtered and
  repeated on every printed page;
* A4 landscape at a fixed print scale of at least 80 % (about 10 pt on paper): columns are sized
  from their text in points, wrapped columns shrink before the scale does, and rows are as tall as
  their wrapped text; sheets that cannot fit are designed with fewer columns;
* numbers are numbers: percentages are fractions shown ``0.0%``, points ``0.00``, counts ``#,##0``,
  dates real dates shown ``dd/mm/yyyy``; a target's comparison sign, a rank's "of N" and a
  quantity's unit live in the number format, so those cells still sort and filter as numbers;
* colour only where it carries meaning, always with something that survives a black-and-white
  printer: overdue counts and states bold dark red, the selected agency bold with "●" on a light
  fill, subtotal and total rows bold, bands filled with their colour beside their name;
* "Trang &P/&N" centred in the footer; page breaks between scorecards and before charts.

How a file is written: openpyxl (write-only mode) lays out the package — cell formats, column
widths, panes, filters, print setup, page breaks, charts and properties — with empty sheets; the
rows are then streamed into each sheet as XML (text as inline strings, so never a formula) while
the package is copied into a temporary file beside the target. The temporary file replaces the
target only once complete, so a failure never leaves half a workbook and never destroys the
previous one. Streaming keeps memory flat, and it is needed for speed: without lxml, openpyxl's own
per-cell serialiser took about 50 s for 100,000 formatted rows, against about 6 s streamed
(bench/bench_export.py).

Every output is marked (creator ``cchc``, keyword ``cchc-output``); an existing file is replaced
only with ``force`` or when its own properties carry that mark.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import sys
import unicodedata
import zipfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple, Protocol
from xml.etree import ElementTree
from xml.sax.saxutils import escape

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.legend import Legend
from openpyxl.chart.marker import DataPoint
from openpyxl.chart.shapes import GraphicalProperties
from openpyxl.chart.text import RichText, Text
from openpyxl.chart.title import Title
from openpyxl.drawing.text import CharacterProperties, Paragraph, ParagraphProperties, RegularTextRun
from openpyxl.drawing.text import Font as DrawingFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.utils.indexed_list import IndexedList
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.pagebreak import Break
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
    plan_label,
)
from cchc.core.overdue import group_recurring, period_words
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

# A4 landscape, in points, inside the margins below (left/right 0.4", top 0.6", bottom 0.7")
MARGINS = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.7, header=0.3, footer=0.3)
PRINT_WIDTH = 841.9 - 72 * (0.4 + 0.4)
PRINT_HEIGHT = 595.3 - 72 * (0.6 + 0.7)
MIN_SCALE = 80  # below this a 12 pt table prints under ~9.6 pt: design fewer columns instead
UNIT_POINTS = 6.0  # one Excel column-width unit: a digit of the default font, Times New Roman 12
CELL_PADDING = 5.0  # points of a column's width that text never uses
LINE_SPACING = 1.16  # line height / font size of Times New Roman (Liberation Serif)
CHART_HEIGHT_CM = 15.0
CHART_WIDTH_CM = 25.0
SPACER_ROW = 15.0  # points: the rows a chart is anchored over

ALERT_TEXT = "9C0006"  # Excel's own dark red of "light red fill with dark red text"
HEADER_FILL = "DDEBF7"
SELECTED_FILL = "FFF2CC"
SELECTED_MARK = "● "  # survives a black-and-white printer, unlike the fill
WARNING_TEXT = "C00000"
BAR_FILL = "9DC3E6"
BAR_SELECTED = "1F3864"  # dark against the light bars, in colour and in grey
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


class Alert(NamedTuple):
    """A value that needs attention (an overdue count, "Quá hạn"): bold dark red."""

    value: Any


class Row(NamedTuple):
    """A table row with a role: "selected" (the agency asked for), "subtotal", "total", or
    "section" (one text across the table, e.g. the agency a scorecard is about)."""

    values: Sequence[Any]
    mark: str = ""
    break_after: bool = False  # a page break after this row


@dataclass(frozen=True)
class Column:
    """A table column; ``kind`` picks alignment, number format and width cap (see ``_KINDS``)."""

    header: str
    kind: str = "text"


@dataclass
class Table:
    """Rows under a header. ``rows`` is called twice (to measure, then to write), so it never
    holds the whole table in memory; ``total`` is a bold row below the table, outside the filter;
    ``notes`` are lines below it."""

    columns: Sequence[Column]
    rows: Callable[[], Iterable[Sequence[Any] | Row]]
    total: Sequence[Any] | None = None
    notes: Sequence[str] = ()
    filter: bool = True
    repeat_header: bool = True
    signature: bool = True  # the heading's signature block goes below this table


@dataclass
class Sheet:
    name: str
    caption: str
    table: Table | None = None


@dataclass(frozen=True)
class Heading:
    """The title block every sheet of a workbook starts with (Nghị định 30/2020 layout)."""

    title: str
    issuer: str = ""  # the body above the office: "UBND tỉnh Hải Dương"
    office: str = ""  # the office that issues the workbook: "Sở Nội vụ"
    national: bool = False  # "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập - Tự do - Hạnh phúc"
    place: str = ""
    dated: dt.date | None = None  # the place-and-date line
    as_of: dt.date | None = None
    scope: str = ""  # whom the workbook is about (an agency), after the date
    attached_to: str = ""  # "Báo cáo số 123/BC-SNV ngày 20/12/2024"
    source: str = ""
    illustrative: bool = False
    signers: tuple[str, str] | None = None  # (prepared by, head of office); None: no signature block


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


_BLOCK = _Look(horizontal="center", vertical="center", wrap=True, border=False)
_ISSUER = replace(_BLOCK)
_OFFICE = replace(_BLOCK, bold=True)
_NATIONAL = replace(_BLOCK, bold=True)
_PLACE_DATE = replace(_BLOCK, italic=True)
_TITLE = replace(_BLOCK, size=TITLE_SIZE, bold=True)
_CAPTION = replace(_BLOCK, bold=True)
_NOTE = replace(_BLOCK, italic=True)
_WARNING = replace(_BLOCK, bold=True, italic=True, colour=WARNING_TEXT)
_FOOTNOTE = _Look(italic=True, wrap=True, border=False)
_SECTION = _Look(size=TITLE_SIZE, bold=True, vertical="center", wrap=True, border=False)
_HEADER = _Look(bold=True, fill=HEADER_FILL, horizontal="center", vertical="center", wrap=True)

# kind -> (look of its cells, width cap in points)
_KINDS: dict[str, tuple[_Look, float]] = {
    "text": (_Look(wrap=True), 190),
    "long": (_Look(wrap=True), 330),
    "code": (_Look(horizontal="center", wrap=True), 90),
    "count": (_Look(horizontal="right", number_format=COUNT), 70),
    "percent": (_Look(horizontal="right", number_format=PERCENT), 70),
    "points": (_Look(horizontal="right", number_format=POINTS), 70),
    "number": (_Look(horizontal="right"), 95),
    "date": (_Look(horizontal="center", number_format=DATE), 70),
    "band": (_Look(horizontal="center", wrap=True), 75),
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


def _marked(look: _Look, mark: str) -> _Look:
    if mark == "selected":
        return replace(look, bold=True, fill=SELECTED_FILL)
    if mark in ("subtotal", "total"):
        return replace(look, bold=True)
    return look


# -- measuring text in points ------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _em(character: str) -> float:
    """Advance width of a character in Times New Roman, in ems (diacritics add nothing)."""
    base = unicodedata.normalize("NFD", character)[:1] or character
    if base == " ":
        return 0.25
    if base in "il.,;:'|!íìỉĩị":
        return 0.28
    if base in "fjrt()[]-/\"":
        return 0.34
    if base in "%@":
        return 0.85
    if base in "mw":
        return 0.75
    if base in "MW":
        return 0.92
    if base.isdigit():
        return 0.5
    if base.isupper():
        return 0.70
    if base.isalpha():
        return 0.47
    return 0.5


class _CharWidths(dict):
    """Character -> :func:`_em`, filled as characters are met: measuring runs over every character
    of every cell (100,000 overdue duties), and a dictionary lookup mapped in C is far cheaper than a
    Python call per character."""

    def __missing__(self, character: str) -> float:
        width = self[character] = _em(character)
        return width


class _WordWidths(dict):
    """Word -> its width in ems, filled as words are met: wrapping measures every word of every cell,
    and a plan's words repeat."""

    def __missing__(self, word: str) -> float:
        width = self[word] = sum(map(_CHAR_WIDTHS.__getitem__, word))
        return width


_CHAR_WIDTHS = _CharWidths()
_WORD_WIDTHS = _WordWidths()


def _text_points(text: str, size: float = TEXT_SIZE, bold: bool = False) -> float:
    return sum(map(_CHAR_WIDTHS.__getitem__, text)) * size * (1.06 if bold else 1.0)


def _wrapped_lines(text: str, width: float, size: float = TEXT_SIZE, bold: bool = False) -> int:
    """Lines ``text`` takes when wrapped at word boundaries in ``width`` points."""
    usable = max(width - CELL_PADDING, size)
    lines = 0
    space = _text_points(" ", size, bold)
    scale = 1.06 if bold else 1.0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split(" "):
            need = _WORD_WIDTHS[word] * size * scale  # _text_points(word, size, bold)
            if used and used + space + need > usable:
                lines += 1
                used = 0.0
            if need > usable:  # a word longer than the line is broken
                lines += int(need // usable)
                need %= usable
            used += (space if used else 0) + need
    return lines


def _line_height(lines: int, size: float) -> float:
    return round(lines * size * LINE_SPACING + 1.5, 1)


def _value_text(value: Any, number_format: str = "General") -> str:
    """The text a cell shows, near enough to size its column."""
    if isinstance(value, Cell):
        value, number_format = value.value, value.number_format
    elif isinstance(value, Alert):
        value = value.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    literal = "".join(re.findall(r'"([^"]*)"', number_format))
    if isinstance(value, dt.date):
        return "00/00/0000"
    if "%" in number_format.replace(literal, ""):
        return f"{value * 100:.1f}%" + literal
    if isinstance(value, int):
        return f"{value:,}" + literal
    return f"{value:,.2f}" + literal


def _value_points(value: Any, number_format: str, bold: bool = False) -> float:
    text = _value_text(value, number_format)
    width = max(map(_text_points, text.split("\n"))) if "\n" in text else _text_points(text)
    return width * (1.06 if bold else 1.0)


def _longest_word(text: str) -> float:
    return max(map(_WORD_WIDTHS.__getitem__, text.split()), default=0.0) * TEXT_SIZE * 1.0  # as _text_points


# -- laying out a workbook ---------------------------------------------------------------------


class _Line(NamedTuple):
    """One row of the title block: a line across the sheet, or a left and a right block."""

    text: str
    look: _Look
    right: str | None = None
    right_look: _Look = _BLOCK


class _Layout:
    """One sheet placed in the workbook: where its table starts and how each cell is styled."""

    def __init__(self, book: _Book, sheet: Sheet, heading: Heading):
        self.book = book
        self.sheet = sheet
        self.heading = heading
        self.ws = book.workbook.create_sheet(sheet.name)
        table = sheet.table
        self.width = len(table.columns) if table else CHART_SHEET_COLUMNS
        self.widths = [8.43 * UNIT_POINTS] * self.width  # Excel's default column width, until measured
        self.lines = _heading_lines(heading, sheet.caption)
        self.header_row = len(self.lines) + 2  # below the title block and a blank row
        self.first_row = self.header_row + 1
        self.row_count = 0
        self.scale = 100
        self.breaks: list[int] = []
        self.sections: list[int] = []
        self.spacers = 0  # blank rows a chart is drawn over, after everything else
        self._cache: dict[tuple, int] = {}
        if table is not None:
            self._measure(table)
        self._split = _split_column(self.widths)
        self._set_up_page()

    @property
    def last_row(self) -> int:
        return self.first_row + self.row_count - 1

    @property
    def after_table(self) -> int:
        """The first row after the table (and its total row)."""
        table = self.sheet.table
        if table is None:
            return len(self.lines) + 2
        return self.last_row + 1 + (table.total is not None)

    def _signature_rows(self) -> list[tuple[str, str, _Look, float]]:
        signers = self.heading.signers
        if signers is None or self.sheet.table is None or not self.sheet.table.signature:
            return []
        prepared, head = signers
        return [
            ("", "", _NOTE, 12),
            (tr("NGƯỜI LẬP BIỂU", "PREPARED BY"), tr("THỦ TRƯỞNG CƠ QUAN", "HEAD OF OFFICE"), _OFFICE, 18),
            (tr("(Ký, ghi rõ họ tên)", "(signature, full name)"), tr("(Ký, ghi rõ họ tên, đóng dấu)", "(signature, full name, seal)"), _NOTE, 18),
            ("", "", _NOTE, 60),
            (prepared, head, _OFFICE, 18),
        ]

    @property
    def notes_row(self) -> int:
        """Notes start after a blank row below the table."""
        return self.after_table + 1

    @property
    def signature_row(self) -> int:
        notes = len(self.sheet.table.notes) if self.sheet.table else 0
        return self.notes_row + notes if notes else self.after_table

    @property
    def spacer_row(self) -> int:
        return self.signature_row + len(self._signature_rows())

    @property
    def dimension(self) -> bytes:
        """The used range, which readers such as pandas take the sheet's size from."""
        last = max(self.spacer_row + self.spacers - 1, len(self.lines))
        return f'<dimension ref="A1:{get_column_letter(self.width)}{last}"/>'.encode()

    def style_of(self, index: int, value: Any, mark: str = "") -> int:
        """The cell format of ``value`` in column ``index`` of a row marked ``mark``."""
        if isinstance(value, str):
            if value.startswith(FORMULA_STARTS):
                variant: Any = "quote"
            elif self.sheet.table.columns[index].kind == "band" and _band_fill(value):
                variant = ("band", _band_fill(value))
            else:
                variant = None
        elif isinstance(value, Cell):
            variant = ("format", value.number_format)
        elif isinstance(value, Alert):
            variant = "alert"
        else:
            variant = None
        key = (index, mark, variant)
        found = self._cache.get(key)
        if found is None:
            look = _marked(_KINDS[self.sheet.table.columns[index].kind][0], mark)
            if variant == "quote":
                look = replace(look, quote=True)
            elif variant == "alert":
                look = replace(look, bold=True, colour=ALERT_TEXT)
            elif variant is not None and variant[0] == "band":
                look = replace(look, fill=variant[1])
            elif variant is not None:
                look = replace(look, number_format=variant[1])
            found = self._cache[key] = self.book.style_id(look)
        return found

    def _measure(self, table: Table) -> None:
        """Count the rows, size the columns and register every cell format before anything is saved."""
        count = len(table.columns)
        formats = [_KINDS[c.kind][0].number_format for c in table.columns]
        longest = [0.0] * count
        words = [0.0] * count
        volume = [0.0] * count  # all the text of a column, in points: what its width is shared by
        rows = 0
        for row in _rows(table):
            values, mark, break_after = row
            rows += 1
            if mark == "section":
                self.sections.append(self.first_row + rows - 1)
            else:
                for index, value in enumerate(values):
                    if value is None:
                        self.style_of(index, value, mark)
                        continue
                    longest[index] = max(longest[index], _value_points(value, formats[index], bool(mark)))
                    volume[index] += _value_points(value, formats[index]) if isinstance(value, str) else 0
                    if isinstance(value, str):
                        words[index] = max(words[index], _longest_word(value))
                    self.style_of(index, value, mark)
            if break_after:
                self.breaks.append(self.first_row + rows - 1)
        if table.total is not None:
            for index, value in enumerate(table.total):
                if value is not None:
                    longest[index] = max(longest[index], _value_points(value, formats[index], True))
                self.style_of(index, value, "total")
        self.row_count = rows
        natural, minimum, flexible = [], [], []
        for index, column in enumerate(table.columns):
            look, cap = _KINDS[column.kind]
            header = max(_longest_word(column.header) * 1.06, 24.0)
            need = max(longest[index] * (1.0 if look.wrap else 1.1), header) + CELL_PADDING + 4  # a number never wraps: "###"
            natural.append(min(cap, need) if look.wrap else need)
            floor = {"text": 70.0, "long": 160.0}.get(column.kind, 0.0)  # names and activities stay readable
            minimum.append(min(natural[-1], max(header, floor, min(words[index], 110.0)) + CELL_PADDING + 4) if look.wrap else need)
            flexible.append(look.wrap)
        self.widths = _fit_widths(natural, minimum, volume, flexible)
        self.scale = max(10, min(100, math.floor(PRINT_WIDTH / sum(self.widths) * 100)))
        if self.breaks:  # pages by design (a scorecard each): the tallest page fits, down to MIN_SCALE
            tallest = max(self._block_heights(table))
            self.scale = min(self.scale, max(MIN_SCALE, math.floor(PRINT_HEIGHT / tallest * 100)))
        for index, width in enumerate(self.widths):
            self.ws.column_dimensions[get_column_letter(index + 1)].width = round(width / UNIT_POINTS, 2)
        self._header_style = self.book.style_id(_HEADER)
        self._section_style = self.book.style_id(_SECTION)

    def _set_up_page(self) -> None:
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.scale = self.scale
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=False)
        ws.print_options.horizontalCentered = True
        ws.page_margins = MARGINS
        ws.oddFooter.center.text = tr("Trang &P/&N", "Page &P/&N")
        ws.oddFooter.center.font = f"{FONT_NAME},Regular"
        ws.oddFooter.center.size = FOOTER_SIZE
        last_column = get_column_letter(self.width)
        split = get_column_letter(self._split)
        right = get_column_letter(min(self._split + 1, self.width))
        for row, line in enumerate(self.lines, start=1):
            if line.right is None:
                ws.merged_cells.add(f"A{row}:{last_column}{row}")
            else:
                ws.merged_cells.add(f"A{row}:{split}{row}")
                ws.merged_cells.add(f"{right}{row}:{last_column}{row}")
        self._line_styles = {}
        for line in self.lines:
            for look in (line.look, line.right_look):
                self._line_styles[look] = self.book.style_id(look)
        table = self.sheet.table
        if table is None:
            return
        for row in self.sections:
            ws.merged_cells.add(f"A{row}:{last_column}{row}")
        for index, _ in enumerate(table.notes):
            row = self.notes_row + index
            ws.merged_cells.add(f"A{row}:{last_column}{row}")
        self._footnote_style = self.book.style_id(_FOOTNOTE)
        for _, _, look, _ in self._signature_rows():
            self._line_styles.setdefault(look, self.book.style_id(look))
        for index, _ in enumerate(self._signature_rows()):
            row = self.signature_row + index
            ws.merged_cells.add(f"A{row}:{split}{row}")
            ws.merged_cells.add(f"{right}{row}:{last_column}{row}")
        for row in self.breaks:
            ws.row_breaks.append(Break(id=row))
        ws.freeze_panes = f"A{self.first_row}"
        ws.sheet_view.pane.ySplit = 1  # only the header is frozen: the title block is scrolled out
        ws.sheet_view.topLeftCell = f"A{self.header_row}"
        if table.repeat_header:
            ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        if table.filter:
            ws.auto_filter.ref = f"A{self.header_row}:{last_column}{max(self.header_row, self.last_row)}"

    def add_page_break(self, row: int) -> None:
        self.ws.row_breaks.append(Break(id=row))

    def chunks(self, advance: Callable[[int], None]) -> Iterator[bytes]:
        """The sheet's rows as XML, a few hundred rows per chunk."""
        letters = [get_column_letter(i + 1) for i in range(self.width)]
        total_width = sum(self.widths)
        left_width = sum(self.widths[: self._split])
        head: list[str] = []
        for row, line in enumerate(self.lines, start=1):
            if line.right is None:
                height = _line_height(_wrapped_lines(line.text, total_width, line.look.size, line.look.bold), line.look.size)
                cells = _cell_xml(f"A{row}", line.text, self._line_styles[line.look])
            else:
                lines = max(
                    _wrapped_lines(line.text, left_width, line.look.size, line.look.bold),
                    _wrapped_lines(line.right, total_width - left_width, line.right_look.size, line.right_look.bold),
                )
                height = _line_height(lines, max(line.look.size, line.right_look.size))
                cells = _cell_xml(f"A{row}", line.text, self._line_styles[line.look]) + _cell_xml(
                    f"{letters[min(self._split, self.width - 1)]}{row}", line.right, self._line_styles[line.right_look]
                )
            head.append(f'<row r="{row}" ht="{height}" customHeight="1">{cells}</row>')
        table = self.sheet.table
        if table is None:
            yield "".join(head).encode()
            yield self._spacer_xml().encode()
            return
        r = self.header_row
        header_lines = max(_wrapped_lines(c.header, w, TEXT_SIZE, True) for c, w in zip(table.columns, self.widths, strict=True))
        head.append(
            f'<row r="{r}" ht="{_line_height(header_lines, TEXT_SIZE)}" customHeight="1">'
            + "".join(_cell_xml(f"{letters[i]}{r}", c.header, self._header_style) for i, c in enumerate(table.columns))
            + "</row>"
        )
        yield "".join(head).encode()
        buffer: list[str] = []
        for r, (values, mark, _) in enumerate(_rows(table), start=self.first_row):
            buffer.append(self._row_xml(r, values, mark, letters))
            if len(buffer) == 500:
                yield "".join(buffer).encode()
                advance(len(buffer))
                buffer.clear()
        if table.total is not None:
            buffer.append(self._row_xml(self.last_row + 1, table.total, "total", letters))
        for index, note in enumerate(table.notes):
            r = self.notes_row + index
            height = _line_height(_wrapped_lines(note, total_width), TEXT_SIZE)
            buffer.append(f'<row r="{r}" ht="{height}" customHeight="1">{_cell_xml(f"A{r}", note, self._footnote_style)}</row>')
        for index, (left, right, look, height) in enumerate(self._signature_rows()):
            r = self.signature_row + index
            style = self._line_styles[look]
            buffer.append(
                f'<row r="{r}" ht="{height}" customHeight="1">'
                + _cell_xml(f"A{r}", left, style)
                + _cell_xml(f"{letters[min(self._split, self.width - 1)]}{r}", right, style)
                + "</row>"
            )
        buffer.append(self._spacer_xml())
        yield "".join(buffer).encode()
        advance(self.row_count)

    def _height(self, values: Sequence[Any], mark: str) -> float:
        """A row's height in points: as many lines as its most wrapped cell."""
        if mark == "section":
            return _line_height(_wrapped_lines(values[0], sum(self.widths), TITLE_SIZE, True), TITLE_SIZE) + 6
        lines = 1
        bold = bool(mark)
        for value, width in zip(values, self.widths, strict=False):
            if isinstance(value, str) and _text_points(value, TEXT_SIZE, bold) > width - CELL_PADDING:
                lines = max(lines, _wrapped_lines(value, width, TEXT_SIZE, bold))
        return _line_height(lines, TEXT_SIZE)

    def _block_heights(self, table: Table) -> list[float]:
        """The height of each run of rows between page breaks, with the repeated header."""
        header = _line_height(max(_wrapped_lines(c.header, w, TEXT_SIZE, True) for c, w in zip(table.columns, self.widths, strict=True)), TEXT_SIZE)
        blocks = [header]
        for values, mark, break_after in _rows(table):
            blocks[-1] += self._height(values, mark)
            if break_after:
                blocks.append(header)
        return blocks

    def _row_xml(self, r: int, values: Sequence[Any], mark: str, letters: Sequence[str]) -> str:
        height = self._height(values, mark)
        if mark == "section":
            return f'<row r="{r}" ht="{height}" customHeight="1">{_cell_xml(f"A{r}", values[0], self._section_style)}</row>'
        return (
            f'<row r="{r}" ht="{height}" customHeight="1">'
            + "".join(_cell_xml(f"{letters[i]}{r}", v, self.style_of(i, v, mark)) for i, v in enumerate(values))
            + "</row>"
        )

    def _spacer_xml(self) -> str:
        first = self.spacer_row
        return "".join(f'<row r="{first + i}" ht="{SPACER_ROW}" customHeight="1"/>' for i in range(self.spacers))


def _rows(table: Table) -> Iterator[tuple[Sequence[Any], str, bool]]:
    for row in table.rows():
        yield (row.values, row.mark, row.break_after) if isinstance(row, Row) else (row, "", False)


def _fit_widths(natural: list[float], minimum: list[float], volume: list[float], flexible: list[bool]) -> list[float]:
    """Column widths in points. A table narrower than the page widens its wrapped columns to the
    page width; a wider one is set for a 90 % print scale, its wrapped columns sharing the width left by the
    others in proportion to how much text each holds (so rows come out as short as they can),
    none narrower than its longest word nor wider than its text."""
    spare = PRINT_WIDTH - sum(natural)
    if spare >= 0:  # the table spans the page, as official tables do: the text columns take the rest
        text = sum(volume[i] for i, f in enumerate(flexible) if f)
        if text <= 0:
            return [round(w, 1) for w in natural]
        return [round(w + (spare * volume[i] / text if flexible[i] else 0), 1) for i, w in enumerate(natural)]
    budget = PRINT_WIDTH / 0.9 - sum(n for n, f in zip(natural, flexible, strict=True) if not f)
    wrapped = [i for i, f in enumerate(flexible) if f]
    if not wrapped or sum(minimum[i] for i in wrapped) >= budget:
        return [round(minimum[i] if flexible[i] else natural[i], 1) for i in range(len(natural))]
    low, high = 0.0, max(natural) / min((volume[i] for i in wrapped if volume[i] > 0), default=1.0) + 1.0

    def widths(factor: float) -> dict[int, float]:
        return {i: min(natural[i], max(minimum[i], factor * volume[i])) for i in wrapped}

    for _ in range(50):  # bisection on the share of width per point of text
        middle = (low + high) / 2
        if sum(widths(middle).values()) > budget:
            high = middle
        else:
            low = middle
    shared = widths(low)
    return [round(shared.get(i, natural[i]), 1) for i in range(len(natural))]


def _split_column(widths: Sequence[float]) -> int:
    """How many columns the left block of the title (and of the signature) spans: about 40 %."""
    total = sum(widths)
    running = 0.0
    for index, width in enumerate(widths, start=1):
        running += width
        if running >= total * 0.4:
            return max(1, min(index, len(widths) - 1))
    return max(1, len(widths) - 1)


class _Book:
    """A workbook under construction: openpyxl holds the layout, rows are streamed at save time."""

    def __init__(self, heading: Heading):
        self.heading = heading
        self.workbook = Workbook(write_only=True)
        # the default font sets the unit of column widths: Times New Roman 12 makes it the same
        # (a 12 pt digit) in Excel and in LibreOffice, whatever fonts the computer has
        self.workbook._fonts = IndexedList([Font(name=FONT_NAME, size=TEXT_SIZE, family=1)])
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


def _vi_long_date(day: dt.date) -> str:
    """"ngày 05 tháng 01 năm 2025": a leading zero for days below 10 and for January and February."""
    d = f"{day.day:02d}" if day.day < 10 else str(day.day)
    m = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {d} tháng {m} năm {day.year}"


def _heading_lines(heading: Heading, caption: str) -> list[_Line]:
    lines: list[_Line] = []
    national = (tr("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIETNAM"), tr("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"))
    if heading.issuer or heading.office or heading.national:
        if heading.office or heading.national:
            lines.append(_Line(heading.issuer.upper(), _ISSUER if heading.office else _OFFICE, national[0] if heading.national else "", _NATIONAL))
            lines.append(_Line(heading.office.upper(), _OFFICE, national[1] if heading.national else "", _NATIONAL))
        else:
            lines.append(_Line(heading.issuer.upper(), _OFFICE))
    if heading.place and heading.dated is not None:
        dated = tr(f"{heading.place}, {_vi_long_date(heading.dated)}", f"{heading.place}, {heading.dated:%d/%m/%Y}")
        lines.append(_Line("", _BLOCK, dated, _PLACE_DATE))
    lines.append(_Line(heading.title.upper(), _TITLE))
    if caption and fold(caption) != fold(heading.title):
        lines.append(_Line(caption, _CAPTION))
    if heading.attached_to:
        lines.append(_Line(tr(f"(Kèm theo {heading.attached_to})", f"(Attached to {heading.attached_to})"), _NOTE))
    if heading.as_of is not None:
        date = tr(f"Tính đến ngày {heading.as_of:%d/%m/%Y}", f"As of {heading.as_of:%d/%m/%Y}")
        lines.append(_Line(f"{date} — {heading.scope}" if heading.scope else date, _NOTE))
    elif heading.scope:
        lines.append(_Line(heading.scope, _NOTE))
    if heading.source:
        lines.append(_Line(tr("Nguồn số liệu: ", "Data source: ") + heading.source, _NOTE))
    if heading.illustrative:
        warning = tr("Số liệu minh họa — không phải số liệu chính thức", "Illustrative data (số liệu minh họa) — not official figures")
        lines.append(_Line(warning, _WARNING))
    return lines


def _cell_xml(ref: str, value: Any, style: int) -> str:
    """One cell: text as an inline string (never a formula), numbers and dates as numbers."""
    if isinstance(value, Cell | Alert):
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


def _nothing_counted(part: Mapping) -> str:
    """A value-less part: "không phát sinh" when its figure says so, else 0 of 0."""
    return tr("Không phát sinh", "Nothing arose") if part.get("not_arising") else "0/0"


def _status_label(status: str) -> str:
    return _label(SCORE_STATUS_LABELS, status)


def _reported_label(reported: str | None) -> str:
    return _label(REPORTED_LABELS, reported)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


# -- overdue sheets ----------------------------------------------------------------------------


def plans_in_words(plans: Iterable[Any]) -> str:
    """The plans a workbook draws on, as a reader names them (never file names)."""
    return ", ".join(dict.fromkeys(plan_label(p) for p in plans))


def _number_cell(number: str) -> int | str:
    """The activity's number in its plan: a number when it is one ("12"), else as written ("3.1")."""
    return int(number) if number.isdigit() and len(number) < 10 else number


def _lead_cell(duty: Any, by_agency: bool) -> str:
    """The lead as the plan writes it (with ``by_agency``: the agency itself, or the collective it
    owes the duty through), and who carries the duty now when the agency has merged."""
    if by_agency and duty.via:
        return duty.via
    name = duty.owner_name or tr("(không ghi cơ quan chủ trì)", "(no lead agency)")
    return f"{name} ({tr('nay', 'now')}: {duty.now_name})" if duty.now_name else name


def _duty_sheet(name: str, caption: str, statuses: Sequence[Any], as_of: dt.date, by_agency: bool, upcoming: bool = False) -> Sheet:
    """Overdue (or upcoming) duties, one row per duty: a recurring duty's missed occurrences are one
    row with their number and periods. Optional columns appear only when used."""
    from cchc.core.overdue import DutyGroup

    groups = [DutyGroup((s,)) for s in statuses] if upcoming else group_recurring(statuses)
    with_province = len({g.duty.plan.province for g in groups}) > 1
    with_plan = len({g.duty.plan.id for g in groups}) > 1
    lead = tr("Chủ trì (theo kế hoạch)", "Lead (as planned)") if by_agency else tr("Cơ quan chủ trì", "Lead agency")
    columns = [Column(tr("STT", "No."), "count"), Column(lead, "text")]
    if with_province:
        columns.append(Column(tr("Tỉnh", "Province"), "text"))
    if with_plan:
        columns.append(Column(tr("Kế hoạch", "Plan"), "code"))
    columns += [
        Column(tr("Số TT", "No. in plan"), "code"),
        Column(tr("Nội dung", "Activity"), "long"),
        Column(tr("Sản phẩm", "Product"), "text"),
    ]
    if upcoming:
        columns += [Column(tr("Kỳ", "Period"), "code"), Column(tr("Hạn", "Due"), "date"), Column(tr("Còn (ngày)", "Days left"), "count")]
    else:
        columns += [
            Column(tr("Kỳ chưa hoàn thành", "Periods not done"), "code"),
            Column(tr("Số lần", "Times"), "count"),
            Column(tr("Quá hạn (ngày)", "Days overdue"), "count"),
        ]
    columns.append(Column(tr("Báo cáo", "Reported"), "text"))

    def rows() -> Iterator[list]:
        for number, group in enumerate(groups, start=1):
            duty = group.duty
            row: list[Any] = [number, _lead_cell(duty, by_agency)]
            if with_province:
                row.append(duty.plan.province)
            if with_plan:
                row.append(plan_label(duty.plan))
            row += [_number_cell(duty.activity.number), duty.activity.text, "; ".join(duty.activity.products)]
            if upcoming:
                row += [period_words(duty.occurrence.key), duty.occurrence.due, (duty.occurrence.due - as_of).days]
            else:
                row += [group.periods, group.count, group.days_late]
            row.append(_reported_label(group.reported))
            yield row

    notes = () if upcoming else (tr(
        "Mỗi dòng là một nhiệm vụ; nhiệm vụ định kỳ gộp các kỳ chưa hoàn thành vào một dòng (cột Số lần); "
        "Quá hạn (ngày): tính từ hạn của kỳ sớm nhất.",
        "One row per duty; a recurring duty's missed periods are one row (Times); days overdue count from the earliest missed due date.",
    ),)
    return Sheet(name, caption, Table(columns, rows, notes=notes))


def _overdue_summary_columns() -> list[Column]:
    return [
        Column(tr("Phải hoàn thành", "Due"), "count"),
        Column(tr("Đúng hạn", "On time"), "count"),
        Column(tr("Trễ hạn", "Late"), "count"),
        Column(tr("Quá hạn", "Overdue"), "count"),
        Column(tr("Tỷ lệ đúng hạn", "On-time rate"), "percent"),
    ]


def _alert(count: int | None) -> Any:
    return Alert(count) if count else count


def _counts(due: int, on_time: int, late: int, overdue: int) -> list[Any]:
    return [due, on_time, late, _alert(overdue), _ratio(on_time, due)]


def _summary_sheet(report: Any) -> Sheet:
    with_now = any(g.now_name for g in report.groups)
    with_province = len({g.province for g in report.groups}) > 1
    columns = [Column(tr("STT", "No."), "count"), Column(tr("Cơ quan chủ trì", "Lead agency"), "text")]
    if with_province:
        columns.append(Column(tr("Tỉnh", "Province"), "text"))
    if with_now:
        columns.append(Column(tr("Cơ quan kế thừa", "Carried by now"), "text"))
    columns += _overdue_summary_columns()

    def rows() -> Iterator[list]:
        for number, group in enumerate(report.groups, start=1):
            names = [group.name or tr("(không ghi cơ quan chủ trì)", "(no lead agency)")]
            names += [group.province] if with_province else []
            names += [group.now_name] if with_now else []
            yield [number, *names, *_counts(group.due, group.done_on_time, group.done_late, group.overdue)]

    sums = [sum(getattr(g, key) for g in report.groups) for key in ("due", "done_on_time", "done_late", "overdue")]
    blanks = [None] * (with_province + with_now)
    total = [None, tr("Tổng cộng", "Total"), *blanks, *_counts(*sums)]
    return Sheet(
        tr("Tổng hợp", "Summary"),
        tr("Tổng hợp theo cơ quan chủ trì", "Summary by lead agency"),
        Table(columns, rows, total=total),
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
    by_agency = report.agency is not None
    sheets = [_duty_sheet(tr("Quá hạn", "Overdue"), caption, report.overdue_rows(), report.as_of, by_agency)]
    if report.within is not None:
        sheets.append(
            _duty_sheet(
                tr("Sắp đến hạn", "Due soon"),
                tr(f"Sắp đến hạn trong {report.within} ngày tới", f"Due in the next {report.within} days"),
                report.upcoming,
                report.as_of,
                by_agency,
                upcoming=True,
            )
        )
    return sheets


def write_overdue_workbook(report: Any, path: Path, force: bool = False, *, issuer: str | None = None, source: str | None = None) -> None:
    """The overdue list (sheet "Quá hạn", plus "Sắp đến hạn" with ``--within``) and the summary per agency.

    ``issuer`` and ``source`` default to the plans the report draws on (named by title, not file).
    """
    path = Path(path)
    check_target(path, force)
    plans = _plans_of(report)
    if source is None:
        source = plans_in_words(plans) + tr("; báo cáo tiến độ của các cơ quan", "; progress reports of the agencies") if plans else ""
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


def _rank_cell(agency: Mapping) -> Cell | int | None:
    rank = agency["rank"]
    return None if rank is None else Cell(rank, f'0" / {agency["rank_of"]}"')


def _group_title(agency: Mapping) -> str:
    """Whom the agency is ranked with, as ``cchc score`` names it: its block, or its kind."""
    return agency["block_title"] if agency["rank_group"].startswith("block:") else _kind_label(agency["kind"])


def _rank_words(agency: Mapping) -> str:
    if agency["rank"] is None:
        return tr("chưa xếp hạng (không có số liệu)", "not ranked (no figures)")
    return f"{agency['rank']}/{agency['rank_of']} ({_group_title(agency)})"


def _is_selected(agency: Mapping, selected: Mapping | None) -> bool:
    return selected is not None and agency["agency"] == selected["agency"]


def _scorecard_sheet(agencies: Sequence[Mapping]) -> Sheet:
    """One block per agency — a title row, each area's subtotal above its criteria, then the total,
    the band and the rank — and a page break between agencies."""
    columns = [
        Column(tr("Mã", "Code"), "code"),
        Column(tr("Tiêu chí", "Criterion"), "long"),
        Column(tr("Chỉ tiêu", "Target"), "number"),
        Column(tr("Thực tế", "Actual"), "number"),
        Column(tr("Điểm", "Points"), "points"),
        Column(tr("Tối đa", "Max"), "points"),
        Column(tr("Đánh giá", "Mark"), "text"),
    ]

    def rows() -> Iterator[Row]:
        for number, agency in enumerate(agencies, start=1):
            yield Row([f"{agency['agency']} — {_group_title(agency)}"], "section")
            by_area: dict[str, list[Mapping]] = {}
            for criterion in agency["criteria"]:
                by_area.setdefault(criterion["area"], []).append(criterion)
            for area in agency["areas"]:
                yield Row([area["id"], area["title"], None, None, area["points"], area["max"], None], "subtotal")
                for criterion in by_area.get(area["id"], []):
                    unit = criterion["unit"]
                    value = criterion["value"]
                    if value is None:
                        actual: Any = "0/0" if criterion.get("vacuous") else None  # nothing to count (points per the methodology)
                    else:
                        actual = Cell(_quantity(value, unit), _unit_format(unit))
                    status = _status_label(criterion["status"])
                    yield Row([
                        criterion["id"],
                        criterion["title"],
                        _target_cell(criterion["target"], unit),
                        actual,
                        criterion["points"],
                        criterion["max"],
                        Alert(status) if criterion["status"] == "not_met" else status,
                    ])
                    for part in criterion.get("parts", ()):  # a composite's parts: weight × min(1, value / threshold)
                        threshold = {"op": ">=", "value": part["threshold"]}
                        yield Row([
                            f"{criterion['id']}/{part['id']}",
                            f"– {part['title']}",
                            _target_cell(threshold, "%"),
                            _nothing_counted(part) if part["value"] is None and part.get("vacuous") else Cell(_quantity(part["value"], "%"), _unit_format("%")),
                            part["points"],
                            part["max"],
                            _status_label(part["status"]),
                        ])
            last = number == len(agencies)
            yield Row([None, tr("Tổng điểm", "Total"), None, None, agency["total"], agency["max"], None], "total")
            yield Row([None, tr("Xếp loại", "Band"), None, None, None, None, agency["band"] or "—"], "total")
            yield Row([None, f"{tr('Hạng', 'Rank')}: {_rank_words(agency)}", None, None, None, None, None], "total", break_after=not last)

    return Sheet(
        tr("Phiếu điểm", "Scorecards"),
        tr("Phiếu điểm theo tiêu chí", "Scorecards by criterion"),
        Table(columns, rows, filter=False),
    )


def _area_ids(agencies: Sequence[Mapping]) -> list[str]:
    return list(dict.fromkeys(area["id"] for agency in agencies for area in agency["areas"]))


def _ranking_sheet(agencies: Sequence[Mapping], selected: Mapping | None) -> Sheet:
    area_ids = _area_ids(agencies)
    maxima = {a["max"] for a in agencies}
    top = tr(f"Tổng điểm (tối đa {next(iter(maxima)):g})", f"Total (of {next(iter(maxima)):g})") if len(maxima) == 1 else tr("Tổng điểm", "Total")
    columns = [
        Column(tr("Hạng", "Rank"), "number"),
        Column(tr("Cơ quan", "Agency"), "text"),
        Column(tr("Khối", "Group"), "text"),
        *(Column(tr(f"Lĩnh vực {a}", f"Area {a}"), "points") for a in area_ids),
        Column(top, "points"),
        *([] if len(maxima) == 1 else [Column(tr("Tối đa", "Max"), "points"), Column(tr("Tỷ lệ điểm (%)", "Share of points (%)"), "points")]),
        Column(tr("Xếp loại", "Band"), "band"),
    ]

    def rows() -> Iterator[Row]:
        for agency in agencies:
            points = {area["id"]: area["points"] for area in agency["areas"]}
            chosen = _is_selected(agency, selected)
            yield Row(
                [
                    _rank_cell(agency),
                    (SELECTED_MARK if chosen else "") + agency["agency"],
                    _group_title(agency),
                    *(points.get(a) for a in area_ids),
                    agency["total"],
                    *([] if len(maxima) == 1 else [agency["max"], agency["percent"]]),  # bands and ranks use the share
                    agency["band"],
                ],
                "selected" if chosen else "",
            )

    notes = [tr("Hạng: thứ hạng trong khối / số cơ quan được xếp hạng trong khối.", "Rank: place within the group / agencies ranked in the group.")]
    if selected is not None:
        notes.append(tr(f"{SELECTED_MARK}{selected['agency']}: cơ quan được chọn.", f"{SELECTED_MARK}{selected['agency']}: the selected agency."))
    return Sheet(tr("Xếp hạng", "Ranking"), tr("Xếp hạng Chỉ số CCHC", "PAR Index ranking"), Table(columns, rows, notes=notes))


def _text_properties(size: float = 11, bold: bool = False) -> RichText:
    props = CharacterProperties(latin=DrawingFont(typeface=FONT_NAME), sz=int(size * 100), b=bold)
    return RichText(p=[Paragraph(pPr=ParagraphProperties(defRPr=props), endParaRPr=props)])


def _chart_title(text: str) -> Title:
    props = CharacterProperties(latin=DrawingFont(typeface=FONT_NAME), sz=1300, b=True)
    paragraph = Paragraph(pPr=ParagraphProperties(defRPr=props), r=[RegularTextRun(rPr=props, t=text)])
    return Title(tx=Text(rich=RichText(p=[paragraph])), overlay=False)


def _bar_chart(kind: str, title: str, maximum: float) -> BarChart:
    """A bar chart set in Times New Roman with value labels and a whole-number value axis."""
    chart = BarChart()
    chart.type = kind
    chart.title = _chart_title(title)
    chart.legend = None
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = maximum
    chart.y_axis.majorUnit = 10 if maximum > 30 else 2 if maximum > 10 else 1
    chart.y_axis.number_format = "0"
    chart.y_axis.txPr = _text_properties(11)
    chart.x_axis.txPr = _text_properties(11)
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.dataLabels = DataLabelList(showVal=True, showSerName=False, showCatName=False, showLegendKey=False, showPercent=False)
    chart.dataLabels.txPr = _text_properties(11, bold=True)
    chart.width, chart.height = CHART_WIDTH_CM, CHART_HEIGHT_CM
    return chart


def _paint(series: Any, colour: str, highlight: int | None = None) -> None:
    series.graphicalProperties = GraphicalProperties(solidFill=colour)
    series.graphicalProperties.line.solidFill = "404040"
    if highlight is not None:
        point = DataPoint(idx=highlight)
        point.graphicalProperties = GraphicalProperties(solidFill=BAR_SELECTED)
        series.dPt = [point]


def _ranking_charts(ranking: _Layout, agencies: Sequence[Mapping], selected: Mapping | None) -> list[BarChart]:
    """One horizontal bar chart of totals per group of agencies ranked together, best on top; the
    selected agency's bar dark (its name carries "●"). A group with fewer than two ranked agencies
    gets no chart: one bar compares nothing. Unranked agencies (no figures) get no bar."""
    total_column = 3 + len(_area_ids(agencies)) + 1
    charts = []
    start = 0
    while start < len(agencies):
        end = start
        while end < len(agencies) and agencies[end]["rank_group"] == agencies[start]["rank_group"] and agencies[end]["rank"] is not None:
            end += 1
        if end - start < 2:
            start = max(end, start + 1)
            continue
        members = agencies[start:end]
        chart = _bar_chart("bar", f"{tr('Tổng điểm', 'Total points')} — {_group_title(agencies[start])}", max(a["max"] for a in members))
        first, last = ranking.first_row + start, ranking.first_row + end - 1
        chart.add_data(Reference(ranking.ws, min_col=total_column, min_row=first, max_row=last), titles_from_data=False)
        chart.set_categories(Reference(ranking.ws, min_col=2, min_row=first, max_row=last))
        chart.x_axis.scaling.orientation = "maxMin"  # rank 1 at the top
        chart.y_axis.crosses = "max"  # the value axis below the bars
        chart.gapWidth = 40
        highlight = next((i for i, a in enumerate(members) if _is_selected(a, selected)), None)
        _paint(chart.series[0], BAR_FILL, highlight)
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

    caption = tr(f"Biểu đồ — điểm theo lĩnh vực của {agency['agency']}", f"Charts — points per area, {agency['agency']}")
    return Sheet(tr("Biểu đồ", "Charts"), caption, Table(columns, rows, filter=False, repeat_header=False, signature=False))


def _area_chart(layout: _Layout, agency: Mapping) -> BarChart:
    """The agency's points per area against the maximum, as clustered columns (dark: points)."""
    chart = _bar_chart("col", f"{tr('Điểm theo lĩnh vực', 'Points per area')} — {agency['agency']}", max(a["max"] for a in agency["areas"]))
    chart.grouping = "clustered"
    data = Reference(layout.ws, min_col=3, max_col=4, min_row=layout.header_row, max_row=layout.last_row)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(layout.ws, min_col=1, min_row=layout.first_row, max_row=layout.last_row))
    _paint(chart.series[0], BAR_SELECTED)
    _paint(chart.series[1], "D9D9D9")
    chart.legend = Legend(legendPos="b")
    chart.legend.txPr = _text_properties(11)
    return chart


def _place_charts(layout: _Layout, charts: Sequence[BarChart]) -> None:
    """Each chart on a page of its own, drawn over blank rows with a page break before it."""
    row = layout.spacer_row
    for chart in charts:
        if row > 1:
            layout.add_page_break(row - 1)
        rows = math.ceil(chart.height / 2.54 * 72 / SPACER_ROW) + 1
        layout.ws.add_chart(chart, f"A{row}")
        row += rows
        layout.spacers += rows


def _add_score_sheets(book: _Book, agencies: Sequence[Mapping], scorecards: Sequence[Mapping], selected: Mapping | None) -> None:
    """Scorecards, ranking and the charts sheet (area chart for ``selected``, then the ranking charts)."""
    book.add(_scorecard_sheet(scorecards))
    ranking = book.add(_ranking_sheet(agencies, selected))
    charts_sheet = book.add(_areas_sheet(selected) if selected else Sheet(tr("Biểu đồ", "Charts"), tr("Biểu đồ tổng điểm theo khối", "Total points by group")))
    charts = [_area_chart(charts_sheet, selected)] if selected else []
    charts += _ranking_charts(ranking, agencies, selected)
    _place_charts(charts_sheet, charts)


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
    heading: Heading | None = None,
) -> None:
    """Scorecards (per agency, per criterion), the ranking and its charts from the score JSON contract.

    The area chart is drawn when the result holds one agency (``cchc score --agency``).
    """
    path = Path(path)
    check_target(path, force)
    agencies = result["agencies"]
    heading = heading or Heading(title="")
    heading = replace(
        heading,
        title=heading.title or tr(f"Kết quả Chỉ số cải cách hành chính năm {result['year']}", f"PAR Index results {result['year']}"),
        issuer=heading.issuer or issuer,
        scope=heading.scope or (agencies[0]["agency"] if len(agencies) == 1 else ""),
        source=heading.source or (_score_source(result) if source is None else source),
        illustrative=heading.illustrative or illustrative or result["illustrative"],
    )
    book = _Book(heading)
    one = agencies[0] if len(agencies) == 1 else None
    _add_score_sheets(book, agencies, agencies, one)
    book.save(path)


def _score_source(result: Mapping) -> str:
    place = f"{result['province']}, " if result["province"] else ""
    return tr(
        f"số liệu thực tế {place}năm {result['year']}; phương pháp {result['methodology']}",
        f"actual figures {place}{result['year']}; methodology {result['methodology']}",
    )


# -- the meeting workbook ----------------------------------------------------------------------


@dataclass(frozen=True)
class AgencyLine:
    """One real agency in the meeting summary: its duties due in the year (collective duties
    counted for each member), its overdue occurrences of any year as of the date, and its score."""

    name: str
    group: str
    now: str | None
    due: int
    on_time: int
    late: int
    not_done: int
    overdue: int
    total: float | None = None
    band: str | None = None
    rank: int | None = None
    rank_of: int | None = None
    selected: bool = False


def _meeting_summary_sheet(lines: Sequence[AgencyLine], year: int, as_of: dt.date, notes: Sequence[str]) -> Sheet:
    """Per real agency: its duties of the year and its score side by side, its group, a total row."""
    with_now = any(line.now for line in lines)
    columns = [Column(tr("STT", "No."), "count"), Column(tr("Cơ quan", "Agency"), "text"), Column(tr("Khối", "Group"), "text")]
    if with_now:
        columns.append(Column(tr("Cơ quan kế thừa", "Carried by now"), "text"))
    columns += [
        Column(tr(f"Phải hoàn thành năm {year}", f"Due in {year}"), "count"),
        Column(tr("Đúng hạn", "On time"), "count"),
        Column(tr("Trễ hạn", "Late"), "count"),
        Column(tr("Chưa hoàn thành", "Not done"), "count"),
        Column(tr("Tỷ lệ đúng hạn", "On-time rate"), "percent"),
        Column(tr(f"Quá hạn đến {as_of:%d/%m/%Y} (mọi năm)", f"Overdue at {as_of:%d/%m/%Y} (any year)"), "count"),
        Column(tr("Điểm", "Points"), "points"),
        Column(tr("Xếp loại", "Band"), "band"),
        Column(tr("Hạng trong khối", "Rank in group"), "number"),
    ]

    def rows() -> Iterator[Row]:
        for number, line in enumerate(lines, start=1):
            rank = None if line.rank is None else Cell(line.rank, f'0" / {line.rank_of}"')
            yield Row(
                [
                    number,
                    (SELECTED_MARK if line.selected else "") + line.name,
                    line.group,
                    *([line.now] if with_now else []),
                    line.due or None,
                    line.on_time if line.due else None,
                    line.late if line.due else None,
                    _alert(line.not_done) if line.due else None,
                    _ratio(line.on_time, line.due),
                    _alert(line.overdue),
                    line.total,
                    line.band,
                    rank,
                ],
                "selected" if line.selected else "",
            )

    due, on_time = sum(x.due for x in lines), sum(x.on_time for x in lines)
    total = [
        None, tr("Tổng cộng", "Total"), None, *([None] if with_now else []),
        due, on_time, sum(x.late for x in lines), sum(x.not_done for x in lines), _ratio(on_time, due), sum(x.overdue for x in lines),
        None, None, None,
    ]
    return Sheet(
        tr("Tổng hợp", "Summary"),
        tr("Tổng hợp theo cơ quan: nhiệm vụ và điểm", "Summary by agency: duties and points"),
        Table(columns, rows, total=total, notes=notes),
    )


def _plan_sheet(plans: Sequence[Any], statuses: Mapping[tuple[str, str], StatusCounts], agency: str | None) -> Sheet:
    with_plan = len(plans) > 1
    columns = [Column(tr("STT", "No."), "count")]
    if with_plan:
        columns.append(Column(tr("Kế hoạch", "Plan"), "code"))
    columns += [
        Column(tr("Số TT", "No. in plan"), "code"),
        Column(tr("Nội dung", "Activity"), "long"),
        Column(tr("Cơ quan chủ trì", "Lead"), "text"),
        Column(tr("Cơ quan phối hợp", "Co-operating"), "text"),
        Column(tr("Sản phẩm", "Product"), "text"),
        Column(tr("Thời hạn", "Deadline"), "code"),
        Column(tr("Phải hoàn thành", "Due"), "count"),
        Column(tr("Quá hạn", "Overdue"), "count"),
        Column(tr("Tình trạng", "Status"), "text"),
    ]

    def rows() -> Iterator[list]:
        number = 0
        for plan in plans:
            for activity in plan.activities:
                status = statuses.get((plan.id, activity.id))
                if agency is not None and status is None:
                    continue  # not the selected agency's
                number += 1
                scheduled = status is not None and status.state in DUTY_STATE_LABELS  # not standing work
                state = _activity_label(status.state) if status else None
                yield [
                    number,
                    *([plan_label(plan)] if with_plan else []),
                    _number_cell(activity.number),
                    activity.text,
                    "; ".join(activity.lead),
                    "; ".join(activity.coop),
                    "; ".join(activity.products),
                    activity.deadline,
                    status.due if scheduled else None,
                    _alert(status.overdue) if scheduled else None,
                    Alert(state) if status is not None and status.state == "overdue" else state,
                ]

    caption = tr("Kế hoạch và tình trạng thực hiện từng nhiệm vụ", "The plan and the status of each activity")
    if agency is not None:
        caption = tr(
            f"Nhiệm vụ do {agency} chủ trì (kể cả với tư cách thành viên) và tình trạng thực hiện",
            f"Activities {agency} leads (also as a member of a collective) and their status",
        )
    return Sheet(tr("Kế hoạch", "Plan"), caption, Table(columns, rows))


def write_meeting_workbook(
    path: Path,
    *,
    heading: Heading,
    year: int,
    summary: Sequence[AgencyLine],
    summary_notes: Sequence[str],
    overdue_report: Any,
    score_result: Mapping,
    plans: Sequence[Any],
    statuses: Mapping[tuple[str, str], StatusCounts],
    selected_agency: str | None = None,
    force: bool = False,
) -> None:
    """One workbook for a review meeting.

    Sheets: "Tổng hợp" (``summary``: per real agency, duties of ``year`` and its score), "Quá hạn"
    (``overdue_report``'s rows, one per duty — the selected agency's report when one is selected),
    "Phiếu điểm" (every criterion; only the selected agency's when one is selected), "Xếp hạng",
    "Biểu đồ" (the selected agency's points per area, and totals for each ranking group) and
    "Kế hoạch" (``plans`` with ``statuses``, keyed by (plan id, activity id); only the selected
    agency's activities when one is selected).
    """
    path = Path(path)
    check_target(path, force)
    agencies = score_result["agencies"]
    selected = _find_agency(agencies, selected_agency)
    book = _Book(heading)
    book.add(_meeting_summary_sheet(summary, year, heading.as_of or dt.date(year, 12, 31), summary_notes))
    for sheet in _overdue_sheets(overdue_report, tr("Danh sách nhiệm vụ quá hạn", "Overdue activities")):
        book.add(sheet)
    _add_score_sheets(book, agencies, [selected] if selected else agencies, selected)
    book.add(_plan_sheet(plans, statuses, selected_agency))
    book.save(path)
