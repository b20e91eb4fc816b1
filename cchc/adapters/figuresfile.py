"""Actual figures (số liệu thực tế): read YAML, CSV and xlsx files into :class:`Figure` objects.

This module only reads and checks; scoring lives in :mod:`cchc.core.scoring`.

Formats
-------
**CSV** (UTF-8, BOM tolerated; ``;`` is accepted as the separator when the header uses it). The
header is the contract, exactly::

    agency,indicator,numerator,denominator,value,period,source,note

Blank lines and lines starting with ``#`` are skipped.

**xlsx**: the first sheet that has the same header row within its first 20 rows; rows below it
are read like CSV rows (Excel row numbers are reported).

**Folders** are searched recursively. ``reports/<year>/`` also holds progress reports, so there a
YAML file counts only with ``kind: figures`` and a CSV/xlsx file only when its header names both
``agency`` and ``indicator`` (a misspelt figures header is still reported).

**YAML**::

    kind: figures
    year: 2024                 # optional; the default period, and every period must fall in it
    province: Hải Dương        # optional; must be the registry's province
    illustrative: true         # số liệu minh họa: the score command says so in its output
    source: "Báo cáo …"        # default source of every row
    fractions: false           # true: bare percent values are fractions (0.955 = 95.5 %)
    figures:
      - {agency: Sở Nội vụ, indicator: on_time_dossiers, numerator: 1180, denominator: 1200}
      - {agency: Sở Nội vụ, indicator: satisfaction, value: "95,5 %", period: 2024-Q4}

Row rules
---------
* ``agency``: a name or alias in the registry (case- and diacritic-insensitive); collectives are
  not agencies. ``indicator``: an indicator id or a QĐ 766 metric code (``ON_TIME`` …), or
  ``<indicator>.<input>`` to give one input per row (``on_time_dossiers.settled`` with the count in
  ``value``); rows for the same agency, indicator and period are merged.
* A ratio is given by ``numerator`` and ``denominator`` (counts: non-negative integers, ``1.234`` and
  ``1,234`` read as thousands) and/or by ``value`` in percent; when both are given they must agree to
  within half a point. A quantity (minutes of waiting) is given by ``value`` only.
* Percentages: ``95.5``, ``"95,5"``, ``"95,5%"`` and ``"95,5 %"`` all mean 95.5 %. A fraction such as
  ``0.955`` is read as 95.5 % only where that is unambiguous: an xlsx cell formatted as a percentage,
  or a YAML file that declares ``fractions: true``. Elsewhere a bare value above 0 and at most 1
  written with decimals (``0.955``, ``1.0``) is rejected as ambiguous; an integer ``1`` means 1 %.
* ``period``: ``2024``, ``2024-Q1`` … ``2024-Q4`` or ``2024-05``; default: the file's ``year``, else
  the year being scored.
* ``value: không phát sinh`` (case and diacritics ignored): nothing arose that year (no petitions, no
  procedures of that kind), so the criterion does not apply to the agency and leaves its maximum. It
  stands alone: no numerator or denominator beside it.

Problem codes
-------------
==== ========================================================================
F501 the file is not a figures file (YAML shape, ``kind``, a row that is not a mapping)
F502 CSV/xlsx header is not the contract, a row has the wrong number of fields, or a broken CSV row
     (a quote never closed); an xlsx that cannot be read
F503 unknown agency (closest names suggested)
F504 unknown indicator or input (closest names suggested)
F505 not a number (``abc``)
F506 a count that is negative or not whole
F507 numerator greater than denominator
F508 a value out of range (120 %, negative minutes, a count of 16 digits or more)
F509 an ambiguous fraction (``0.955`` without ``fractions: true``)
F510 a bad or missing period
F511 a row without agency, indicator or figures (or only half a ratio); a file named on the command
     line with a header but no rows
F512 figures that do not fit the indicator (value disagrees with the counts, counts for a quantity)
F513 the same figure given twice
F514 a collective ("Các sở, ban, ngành") where one agency is needed
F516 a period outside the file's ``year``
F517 the file's province is not the registry's
F518 a folder with no figure files (warning)
F519 an unknown key (warning)
F520 a file type that is not YAML, CSV or xlsx
==== ========================================================================
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import Any

from cchc.adapters import formats
from cchc.adapters.csvrows import CsvSyntaxError, csv_rows
from cchc.core.figures import Appraisal, Figure, FigureSet
from cchc.core.i18n import tr
from cchc.core.problems import ERROR, WARNING, CchcError, Problem, UnreadableInput
from cchc.core.text import fold, nfc
from cchc.indicators import get_indicator, suggest_indicator
from cchc.indicators.base import Indicator, Quantity, format_number

HEADER = tuple(formats.FIGURE_ROW.fields)  # the CSV/xlsx contract: agency,indicator,numerator,denominator,value,period,source,note
_COLUMNS = range(1, len(HEADER) + 1)
FIGURE_SUFFIXES = (".yaml", ".yml", ".csv", ".xlsx")
_HEADER_SEARCH_ROWS = 20
_AGREEMENT = Decimal("0.5")  # percentage points a given value may differ from its counts
# Counts of dossiers, procedures or staff reach millions; a number of 16 digits or more is a typing
# accident (F508), and one of over 4,300 digits is one Python refuses to turn into an int or print.
_COUNT_DIGITS = 16
_TOO_LARGE = Decimal(10) ** (_COUNT_DIGITS - 1)
_PERIOD = re.compile(r"^(\d{4})(?:-(?:[Qq]([1-4])|(\d{1,2})))?$")
_GROUPED = re.compile(r"^\d{1,3}(?:([.,\u00a0 ])\d{3})(?:\1\d{3})*$")
_YAML_ROW_KEYS = frozenset(HEADER)
NOT_ARISING = "khong phat sinh"  # folded "không phát sinh": nothing arose, the criterion does not apply
_YAML_TOP_KEYS = frozenset(formats.FIGURES.fields)
_APPRAISAL_KEYS = frozenset(formats.APPRAISAL_ROW.fields)


def load_figures(paths: list[Path], registry: Any, year: int | None = None) -> tuple[FigureSet, list[Problem]]:
    """Read figure files and folders (searched recursively) against an agency registry.

    ``year`` is the default period of rows and files that name none. Returns every figure that
    could be read and every problem found; a file that cannot be read at all raises
    :class:`~cchc.core.problems.UnreadableInput`.
    """
    reader = _Reader(registry, year)
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if _is_figure_file(p))
            if not files:
                reader.problems.append(
                    Problem(
                        str(path),
                        None,
                        None,
                        "F518",
                        tr("thư mục không có tệp số liệu (.yaml, .csv, .xlsx)", "no figure files (.yaml, .csv, .xlsx) in this folder"),
                        WARNING,
                    )
                )
            for file in files:
                reader.read_file(file, in_folder=True)
        else:
            reader.read_file(path, in_folder=False)
    return reader.finish()


def check_rows(rows: list[tuple[int, list[Any]]], registry: Any, year: int, where: str) -> tuple[FigureSet, list[Problem]]:
    """Check rows that did not come from a file of their own (a returned form): values in the order
    of ``HEADER``, numbered as the caller counts them; a problem's column is the field's place in
    ``HEADER`` (1-based)."""
    reader = _Reader(registry, year)
    context = _FileContext(where, str(year), year, "")
    for line, values in rows:
        reader._table_row(context, values, None, line, strict_width=False)
    return reader.finish()


def _is_figure_file(path: Path) -> bool:
    return path.is_file() and path.suffix.lower() in FIGURE_SUFFIXES and not path.name.startswith((".", "~$"))


_SLOTS = ("numerator", "denominator", "value")  # the fields a figure's number comes from
_FILLED = itemgetter(1)  # (name, text) pairs whose text is not empty
_COLUMN = {name: column for column, name in zip(_COLUMNS, HEADER, strict=True)}  # CSV/xlsx: field -> its column


@dataclass(slots=True)
class _Row:
    """One figures row: its fields by name and where it sits. A field is located (:meth:`place`) only
    when a problem names it: a national file has 70,000 rows, and nearly all of them are fine."""

    fields: dict[str, Any]  # CSV/xlsx: the non-empty fields, stripped; YAML: the known keys as written
    line: int | None
    col: int | None
    percent: list[bool] | None = None  # xlsx: which columns are formatted as a percentage
    mapping: Any = None  # YAML: the row mapping, whose keys know their own line and column
    fraction: bool = False  # YAML "fractions: true": a bare percent in any field is a fraction

    def place(self, name: str) -> tuple[int | None, int | None]:
        """Line and column of a field: its YAML key's, or the row's line and the field's column."""
        if self.mapping is not None:
            return self.mapping.pos(name) if hasattr(self.mapping, "pos") else (self.line, self.col)
        return self.line, _COLUMN[name]

    def is_fraction(self, name: str) -> bool:
        """A bare percent in this field is a fraction: xlsx "%" format, or YAML "fractions: true"."""
        if self.mapping is not None:
            return self.fraction
        return self.percent is not None and self.percent[_COLUMN[name] - 1]


# One field of a row, (row, field name): a plain tuple, as a figure keeps two or three of them; its
# line and column are looked up only when a problem names it.
_Cell = tuple[_Row, str]


@dataclass(slots=True)
class _FileContext:
    path: str
    period: str | None
    year: int | None
    source: str
    periods: dict[str, str] = field(default_factory=dict)  # a period as written -> its one spelling, once found good here


@dataclass(slots=True)
class _Pending:
    """Slots of one (agency, indicator, period) being filled by one or more rows.

    A CSV/xlsx row that gives every slot a later row could fill (a ratio's numerator and
    denominator, a quantity's value) is checked at once and its cells dropped (``cells`` None,
    ``complete`` the verdict): a later row for the same figure can only be a duplicate, and a
    national file's 70,000 rows are not all held until the end.
    """

    figure: Figure
    indicator: Indicator
    cells: dict[str, _Cell] | None  # slot (numerator, denominator, value) -> the field that gave it
    by_input: bool  # a slot was given by an "<indicator>.<input>" row
    complete: bool = False  # the verdict of a figure checked on its own row (cells None)


class _Reader:
    def __init__(self, registry: Any, year: int | None):
        self.registry = registry
        self.year = year
        self.problems: list[Problem] = []
        self.pending: dict[tuple[str, str, str], _Pending] = {}
        self.illustrative = False
        self.paths: list[str] = []
        self.appraisals: list[Appraisal] = []
        self._agencies: dict[str, Any] = {}
        # A field's text as written -> what it was found to be, for texts that were fine (and a
        # period's in _FileContext.periods): a national file repeats each agency 21 times and each
        # indicator 3,321 times, and _plain_row reads a row with three dictionary lookups.
        self._agency_hits: dict[str, Any] = {}
        self._target_hits: dict[str, tuple[Indicator, str | None]] = {}

    # -- files -------------------------------------------------------------------------------
    def read_file(self, path: Path, in_folder: bool) -> None:
        suffix = path.suffix.lower()
        shown = str(path)
        if suffix in (".yaml", ".yml"):
            self._read_yaml(path, in_folder)
        elif suffix == ".csv":
            self._read_csv(path, in_folder)
        elif suffix == ".xlsx":
            self._read_xlsx(path, in_folder)
        else:
            self.problems.append(
                Problem(
                    shown,
                    None,
                    None,
                    "F520",
                    tr(
                        f"không đọc được loại tệp '{suffix or path.name}'; dùng .yaml, .csv hoặc .xlsx",
                        f"cannot read '{suffix or path.name}' files; use .yaml, .csv or .xlsx",
                    ),
                )
            )

    def _read_yaml(self, path: Path, in_folder: bool) -> None:
        from cchc.adapters.yamlio import load_yaml

        shown = str(path)
        data, problems = load_yaml(path)
        if in_folder and not (isinstance(data, dict) and data.get("kind") == "figures"):
            return  # reports/<year>/ also holds progress reports and other kinds
        self.problems.extend(problems)
        if not isinstance(data, dict) or data.get("kind") != "figures":
            self._problem(shown, data, "kind", "F501", tr("tệp số liệu YAML phải có 'kind: figures'", "a YAML figures file needs 'kind: figures'"))
            return
        self.paths.append(shown)
        for key in data:
            if key not in _YAML_TOP_KEYS:
                self._unknown_key(shown, data, key)
        year = data.get("year")
        if year is not None and (not isinstance(year, int) or isinstance(year, bool) or not 1900 <= year <= 2200):
            self._problem(shown, data, "year", "F510", tr(f"'year' phải là một năm, không phải '{year}'", f"'year' must be a year, not '{year}'"))
            year = None
        province = data.get("province")
        registry_province = getattr(self.registry, "province", None)
        if isinstance(province, str) and registry_province and fold(province) != fold(registry_province):
            self._problem(
                shown,
                data,
                "province",
                "F517",
                tr(
                    f"tệp ghi tỉnh '{province}' nhưng danh mục cơ quan là của '{registry_province}'",
                    f"the file is for '{province}' but the agency registry is for '{registry_province}'",
                ),
            )
            return
        if data.get("illustrative") is True:
            self.illustrative = True
        rows = data.get("figures")
        if not isinstance(rows, list):
            self._problem(shown, data, "figures", "F501", tr("'figures' phải là danh sách các dòng số liệu", "'figures' must be a list of rows"))
            return
        context = _FileContext(shown, str(year) if year is not None else None, year, str(data.get("source") or ""))
        fractions = data.get("fractions") is True
        for index, row in enumerate(rows):
            line, col = rows.pos(index) if hasattr(rows, "pos") else (None, None)
            if not isinstance(row, dict):
                self.problems.append(Problem(shown, line, col, "F501", tr("mỗi dòng số liệu phải là một ánh xạ (agency: …, indicator: …)", "each figure row must be a mapping (agency: …, indicator: …)")))
                continue
            fields = {}
            for key, value in row.items():
                if key not in _YAML_ROW_KEYS:
                    self._unknown_key(shown, row, key)
                    continue
                fields[key] = value
            self._row(context, _Row(fields, line, col, mapping=row, fraction=fractions))
        appraisals = data.get("appraisals", [])
        if not isinstance(appraisals, list):
            self._problem(shown, data, "appraisals", "F501", tr("'appraisals' phải là danh sách", "'appraisals' must be a list"))
            return
        for index, row in enumerate(appraisals):
            self._appraisal_row(context, appraisals, index, row)

    def _appraisal_row(self, context: _FileContext, rows: Any, index: int, row: Any) -> None:
        """``{agency, criterion, self_points, appraised_points, evidence}``, or ``{agency, criterion, count}``
        for a deduction or bonus rule (ids are checked against the methodology when scoring)."""
        path = context.path
        line, col = rows.pos(index) if hasattr(rows, "pos") else (None, None)
        if not isinstance(row, dict) or not row.get("agency") or not row.get("criterion"):
            self.problems.append(Problem(path, line, col, "F521", tr("mỗi dòng 'appraisals' cần 'agency' và 'criterion'", "each 'appraisals' row needs 'agency' and 'criterion'")))
            return
        for key in row:
            if key not in _APPRAISAL_KEYS:
                self._unknown_key(path, row, key)

        at = _Row(row, line, col, mapping=row)
        agency = self._agency(path, at)
        numbers: dict[str, Decimal | None] = {}
        for key in ("self_points", "appraised_points", "count"):
            value = row.get(key)
            ok = value is None or isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value) and value >= 0
            if key == "count" and ok and value is not None and value != int(value):
                ok = False
            if not ok:
                self._bad(path, (at, key), "F521", tr(f"'{key}' phải là một số không âm", f"'{key}' must be a number, not negative"))
                return
            numbers[key] = None if value is None else Decimal(str(value))
        if all(v is None for v in numbers.values()):
            self.problems.append(Problem(path, line, col, "F521", tr("dòng 'appraisals' cần 'self_points', 'appraised_points' hoặc 'count'", "an 'appraisals' row needs 'self_points', 'appraised_points' or 'count'")))
            return
        period = self._period(context, at)
        if agency is None or period is None:
            return
        count = numbers["count"]
        self.appraisals.append(
            Appraisal(
                agency.id,
                nfc(str(row["criterion"]).strip()),
                period,
                numbers["self_points"],
                numbers["appraised_points"],
                None if count is None else int(count),
                nfc(str(row.get("evidence") or "").strip()),
                path,
                line,
            )
        )

    def _read_csv(self, path: Path, in_folder: bool) -> None:
        from cchc.adapters.yamlio import read_text

        shown = str(path)
        text = nfc(read_text(path, "CSV"))
        lines = text.splitlines(keepends=True)
        first = next((ln for ln in lines if ln.strip() and not ln.lstrip().startswith("#")), "")
        delimiter = ";" if first.count(";") > first.count(",") else ","
        header_line = None
        rows = 0
        context = _FileContext(shown, None, None, "")
        try:
            for line, raw in csv_rows(lines, delimiter):
                if not "".join(raw).strip() or raw[0].lstrip().startswith("#"):
                    continue
                if header_line is None:
                    if not _is_header(raw):
                        if not in_folder or _looks_like_header(raw):
                            self.problems.append(_header_problem(shown, line))
                        return
                    header_line = line
                    self.paths.append(shown)
                    continue
                rows += 1
                if not self._plain_row(context, raw, line):
                    self._table_row(context, raw, None, line, strict_width=True)
        except CsvSyntaxError as exc:
            self.problems.append(Problem(shown, exc.line, 1, "F502", exc.message))
            return
        if header_line is None and not in_folder:
            self.problems.append(_header_problem(shown, 1))
        elif header_line is not None and not rows and not in_folder:
            self.problems.append(_no_rows_problem(shown, header_line))

    def _read_xlsx(self, path: Path, in_folder: bool) -> None:
        from cchc.adapters.xlsxread import iter_rows_safely, open_workbook

        shown = str(path)
        if not path.is_file():
            raise UnreadableInput(Problem(shown, None, None, "F502", tr("không tìm thấy tệp", "file not found")))
        workbook = open_workbook(path, "F502")
        near_miss = None
        try:
            context = _FileContext(shown, None, None, "")
            for sheet in workbook.worksheets:
                header_line = None
                for number, row in enumerate(iter_rows_safely(sheet, path, "F502"), start=1):
                    values = [nfc(cell.value) if isinstance(cell.value, str) else cell.value for cell in row]
                    if header_line is None:
                        if number > _HEADER_SEARCH_ROWS:
                            break
                        texts = ["" if v is None else str(v) for v in values]
                        if _is_header(texts):
                            header_line = number
                            self.paths.append(shown)
                        elif near_miss is None and _looks_like_header(texts):
                            near_miss = number
                        continue
                    if all(_blank(v) for v in values):
                        continue
                    percent = [isinstance(getattr(cell, "number_format", None), str) and "%" in cell.number_format for cell in row]
                    self._table_row(context, values, percent, number, strict_width=False)
                if header_line is not None:
                    return
        finally:
            workbook.close()
        if not in_folder or near_miss is not None:
            self.problems.append(_header_problem(shown, near_miss))

    # -- rows --------------------------------------------------------------------------------
    def _table_row(self, context: _FileContext, raw: list[Any], percent: list[bool] | None, line: int, strict_width: bool) -> None:
        """One CSV/xlsx data row; xlsx rows may stop early (empty trailing cells are not stored).
        ``percent`` says which xlsx cells are formatted as a percentage (None: none is)."""
        values = raw
        while not strict_width and len(values) > len(HEADER) and _blank(values[-1]):
            values = values[:-1]  # xlsx rows may carry empty cells past the table; a CSV row's fields all count
        if len(values) > len(HEADER) or (strict_width and len(values) != len(HEADER)):
            hint = ""
            if len(values) > len(HEADER) and any(isinstance(v, str) and v.strip().isdigit() for v in values):
                hint = tr(
                    ' — số thập phân có dấu phẩy phải đặt trong dấu ngoặc kép ("95,5") hoặc dùng dấu chấm (95.5)',
                    ' — a decimal comma must be quoted ("95,5") or written with a point (95.5)',
                )
            self.problems.append(
                Problem(
                    context.path,
                    line,
                    1,
                    "F502",
                    tr(
                        f"dòng có {len(values)} cột, tiêu đề có {len(HEADER)}{hint}",
                        f"the row has {len(values)} fields, the header has {len(HEADER)}{hint}",
                    ),
                )
            )
            return
        if strict_width:  # CSV: every field is text; the non-empty ones, stripped, by name (built in C)
            fields = dict(filter(_FILLED, zip(HEADER, map(str.strip, values), strict=True)))
        else:  # xlsx cells and form values: text, numbers, dates or None (an xlsx row may stop early)
            fields = {name: value.strip() if value.__class__ is str else value for name, value in zip(HEADER, values, strict=False) if not _blank(value)}
        self._row(context, _Row(fields, line, 1, percent))

    def _plain_row(self, context: _FileContext, raw: list[str], line: int) -> bool:
        """Read a CSV row written as nearly every row of a national file is, straight into its figure:
        an agency, indicator and period already found good in this file, a ratio's numerator and
        denominator in plain digits (numerator ≤ denominator), no value, a figure not given before.
        Any other row returns False and takes the checking path (:meth:`_table_row`), which reads
        these rows to the same figure; tests/test_figures.py holds the two paths to one result."""
        if len(raw) != len(HEADER):
            return False
        agency_text, indicator_text, numerator, denominator, value, period_text, source, note = raw
        agency = self._agency_hits.get(agency_text.strip())
        target = self._target_hits.get(indicator_text.strip())
        period = context.periods.get(period_text.strip())
        if agency is None or target is None or period is None or target[1] is not None or value.strip():
            return False
        indicator = target[0]
        kinds = _SLOT_KINDS[indicator.id]
        numerator, denominator = numerator.strip(), denominator.strip()
        if not (_plain_count(numerator) and _plain_count(denominator) and kinds.get("numerator") == kinds.get("denominator") == "count"):
            return False
        num, den = int(numerator), int(denominator)
        key = (agency.id, indicator.id, period)
        if num > den or key in self.pending:
            return False
        level = getattr(agency, "level", None)
        figure = Figure(agency.id, indicator.id, period, num, den, None, False, level, source.strip() or context.source, note.strip(), context.path, line)
        self.pending[key] = _Pending(figure, indicator, None, False, True)
        return True

    def _row(self, context: _FileContext, row: _Row) -> None:
        path, fields = context.path, row.fields
        if "agency" not in fields or "indicator" not in fields:
            required = "agency" if "agency" not in fields else "indicator"
            self.problems.append(Problem(path, row.line, row.col, "F511", tr(f"dòng thiếu '{required}'", f"the row has no '{required}'")))
            return
        agency = self._agency(path, row)
        target = self._indicator(path, row)
        period = self._period(context, row)
        if agency is None or target is None or period is None:
            return
        indicator, input_name = target
        key = (agency.id, indicator.id, period)
        pending = self.pending.get(key)
        if pending is None:
            # Positional, with the numbers left empty until finish() checks them: keyword arguments to
            # a class cost a dict per call (Python 3.11), and this runs for each of 70,000 rows.
            figure = Figure(
                agency.id,
                indicator.id,
                period,
                None,  # numerator
                None,  # denominator
                None,  # value
                False,  # not_applicable
                getattr(agency, "level", None),
                _text(fields, "source") or context.source,
                _text(fields, "note"),
                path,
                row.line,
            )
            pending = self.pending[key] = _Pending(figure, indicator, {}, False)
        elif input_name is None:
            first = pending.figure
            self.problems.append(
                Problem(
                    path,
                    row.line,
                    row.col,
                    "F513",
                    tr(
                        f"số liệu '{indicator.id}' của '{agency.name}' kỳ {period} đã có ở {first.path}:{first.line}",
                        f"figure '{indicator.id}' for '{agency.name}' in {period} already given at {first.path}:{first.line}",
                    ),
                )
            )
            return
        if input_name is not None:
            self._input_row(pending, input_name, row, context)
        else:
            self._figure_row(pending, row, context)

    def _figure_row(self, pending: _Pending, row: _Row, context: _FileContext) -> None:
        indicator, fields = pending.indicator, row.fields
        counts = "numerator" in fields or "denominator" in fields
        if not counts and "value" not in fields:
            self.problems.append(
                Problem(
                    context.path,
                    row.line,
                    row.col,
                    "F511",
                    tr("dòng không có số liệu: cần numerator và denominator, hoặc value", "the row has no figures: give numerator and denominator, or value"),
                )
            )
            return
        if counts and "numerator" not in _SLOT_KINDS[indicator.id]:  # a quantity (isinstance on an ABC is slow)
            cell = (row, "numerator" if "numerator" in fields else "denominator")
            self._bad(context.path, cell, "F512", tr(f"'{indicator.id}' chỉ nhận 'value' (không dùng numerator/denominator)", f"'{indicator.id}' takes 'value' only (no numerator/denominator)"))
            return
        cells = pending.cells
        assert cells is not None  # a figure row is always the first row of its figure
        for name in _SLOTS:
            if name in fields:
                cells[name] = (row, name)
        full = ("numerator" in cells and "denominator" in cells) if "numerator" in _SLOT_KINDS[indicator.id] else "value" in cells
        if full and row.mapping is None:  # a YAML row's duplicates name the line of its key, so it keeps its cells
            pending.complete = self._complete(pending)
            pending.cells = None

    def _input_row(self, pending: _Pending, input_name: str, row: _Row, context: _FileContext) -> None:
        indicator, fields = pending.indicator, row.fields
        slot = "value" if isinstance(indicator, Quantity) else ("numerator" if input_name == indicator.inputs[0].name else "denominator")
        if "value" not in fields or "numerator" in fields or "denominator" in fields:
            self.problems.append(
                Problem(
                    context.path,
                    row.line,
                    row.col,
                    "F511",
                    tr(
                        f"dòng '{indicator.id}.{input_name}' ghi số liệu ở cột 'value' (và để trống numerator, denominator)",
                        f"a '{indicator.id}.{input_name}' row puts its figure in 'value' (numerator and denominator empty)",
                    ),
                )
            )
            return
        cell = (row, "value")
        if pending.cells is None or slot in pending.cells:
            first = pending.figure.line if pending.cells is None else _line(pending.cells[slot])
            self._bad(
                context.path,
                cell,
                "F513",
                tr(
                    f"'{indicator.id}.{input_name}' đã có ở dòng {first}",
                    f"'{indicator.id}.{input_name}' already given at line {first}",
                ),
            )
            return
        pending.by_input = True
        pending.cells[slot] = cell

    # -- lookups -----------------------------------------------------------------------------
    def _agency(self, path: str, row: _Row) -> Any:
        name = str(row.fields["agency"]).strip()
        if name in self._agencies:
            hit = self._agencies[name]
        else:
            try:
                hit = self.registry.find(name)
            except CchcError as exc:
                hit = exc
            self._agencies[name] = hit
        if isinstance(hit, CchcError):
            problem = hit.problem
            self._bad(path, (row, "agency"), "F503", problem.message if isinstance(problem, Problem) else problem)
            return None
        if getattr(hit, "is_collective", False):
            self._bad(
                path,
                (row, "agency"),
                "F514",
                tr(
                    f"'{name}' là một nhóm cơ quan; số liệu phải ghi cho từng cơ quan",
                    f"'{name}' is a group of agencies; give figures for each agency",
                ),
            )
            return None
        if row.fields["agency"].__class__ is str:
            self._agency_hits[row.fields["agency"]] = hit
        return hit

    def _indicator(self, path: str, row: _Row) -> tuple[Indicator, str | None] | None:
        name = str(row.fields["indicator"]).strip()
        indicator, input_name = _split_target(name)
        if indicator is None:
            base = name.partition(".")[0]
            hint = suggest_indicator(base)
            self._bad(
                path,
                (row, "indicator"),
                "F504",
                tr(
                    f"không có chỉ số '{base}'" + (f"; có phải: {_quoted(hint)}?" if hint else "; xem danh sách trong docs/plan-format.md"),
                    f"unknown indicator '{base}'" + (f"; did you mean {_quoted(hint)}?" if hint else "; see the list in docs/plan-format.md"),
                ),
            )
            return None
        if not input_name:
            found: tuple[Indicator, str | None] = (indicator, None)
            if row.fields["indicator"].__class__ is str:
                self._target_hits[row.fields["indicator"]] = found
            return found
        names = [item.name for item in indicator.inputs]
        if input_name not in names:
            self._bad(
                path,
                (row, "indicator"),
                "F504",
                tr(
                    f"chỉ số '{indicator.id}' không có đầu vào '{input_name}'; dùng: {_quoted(names)}",
                    f"indicator '{indicator.id}' has no input '{input_name}'; use {_quoted(names)}",
                ),
            )
            return None
        if row.fields["indicator"].__class__ is str:
            self._target_hits[row.fields["indicator"]] = (indicator, input_name)
        return indicator, input_name

    def _period(self, context: _FileContext, row: _Row) -> str | None:
        if "period" not in row.fields:
            if context.period is not None:
                return context.period
            if self.year is not None:
                return str(self.year)
            self.problems.append(Problem(context.path, row.line, row.col, "F510", tr("dòng thiếu 'period' (2024, 2024-Q1, 2024-05)", "the row has no 'period' (2024, 2024-Q1, 2024-05)")))
            return None
        value = row.fields["period"]
        period = None
        if isinstance(value, str):
            period = _period_of(value)
        elif isinstance(value, dt.datetime | dt.date) and getattr(value, "day", 1) == 1:
            period = f"{value.year:04d}-{value.month:02d}"  # Excel turns "2024-05" into 1 May 2024
        elif isinstance(value, int) and not isinstance(value, bool):
            period = _period_of(str(value))
        if period is None:
            self._bad(context.path, (row, "period"), "F510", tr(f"kỳ '{value}' không hợp lệ; dùng 2024, 2024-Q1 hoặc 2024-05", f"bad period '{value}'; use 2024, 2024-Q1 or 2024-05"))
            return None
        if context.year is not None and int(period[:4]) != context.year:
            self._bad(context.path, (row, "period"), "F516", tr(f"kỳ {period} nằm ngoài năm {context.year} của tệp", f"period {period} is outside the file's year {context.year}"))
            return None
        if value.__class__ is str:
            context.periods[value] = period
        return period

    # -- checks on the merged figures -------------------------------------------------------
    def finish(self) -> tuple[FigureSet, list[Problem]]:
        figures = FigureSet(illustrative=self.illustrative, paths=self.paths, appraisals=self.appraisals)
        for pending in self.pending.values():
            if pending.complete if pending.cells is None else self._complete(pending):
                figures.add(pending.figure)
        self.problems.sort(key=lambda p: (p.path, p.line or 0, p.col or 0))
        return figures, self.problems

    def _complete(self, pending: _Pending) -> bool:
        indicator, figure, cells = pending.indicator, pending.figure, pending.cells
        if not cells:
            return False
        path = figure.path
        written = _value(cells["value"]) if "value" in cells else None
        if isinstance(written, str) and fold(written) == NOT_ARISING:
            if len(cells) > 1:
                self._bad(
                    path,
                    cells["value"],
                    "F512",
                    tr(
                        f"'không phát sinh' đứng một mình: bỏ tử số/mẫu số của '{indicator.id}'",
                        f"'không phát sinh' (nothing arose) stands alone: drop the numerator/denominator of '{indicator.id}'",
                    ),
                )
                return False
            figure.not_applicable = True
            return True
        numbers: dict[str, Decimal | int] = {}
        ok = True
        kinds = _SLOT_KINDS[indicator.id]
        for slot, cell in cells.items():
            raw = cell[0].fields[cell[1]]
            if raw.__class__ is str and _plain_count(raw) and kinds[slot] == "count":
                numbers[slot] = int(raw)  # plain digits, as nearly every count is written: nothing more to check
                continue
            number = self._number(path, slot, cell, kinds[slot], indicator)
            if number is None:
                ok = False
            else:
                numbers[slot] = number
        if not ok:
            return False
        num, den, value = numbers.get("numerator"), numbers.get("denominator"), numbers.get("value")
        if num is not None and den is not None:
            if num > den:
                self._bad(
                    path,
                    cells["numerator"],
                    "F507",
                    tr(
                        f"tử số ({_show(num)}) lớn hơn mẫu số ({_show(den)}) của '{indicator.id}'",
                        f"numerator ({_show(num)}) is greater than denominator ({_show(den)}) for '{indicator.id}'",
                    ),
                )
                return False
            if value is not None and den > 0 and abs(Decimal(num * 100) / den - value) > _AGREEMENT:
                self._bad(
                    path,
                    cells["value"],
                    "F512",
                    tr(
                        f"'value' {_show(value)} % không khớp tử số/mẫu số ({_show(Decimal(num * 100) / den)} %)",
                        f"'value' {_show(value)}% disagrees with numerator/denominator ({_show(Decimal(num * 100) / den)}%)",
                    ),
                )
                return False
        elif (num is None) != (den is None) and not pending.by_input:
            only = "numerator" if num is not None else "denominator"
            missing = "denominator" if num is not None else "numerator"
            self._bad(
                path,
                cells[only],
                "F511",
                tr(f"có '{only}' nhưng thiếu '{missing}'", f"'{only}' is given but '{missing}' is missing"),
            )
            return False
        figure.numerator = num if num.__class__ is int else _plain_number(num)
        figure.denominator = den if den.__class__ is int else _plain_number(den)
        figure.value = None if value is None else float(value)
        return True

    def _number(self, path: str, slot: str, cell: _Cell, kind: str, indicator: Indicator) -> Decimal | int | None:
        raw = _value(cell)
        written_percent = False
        if isinstance(raw, bool):
            number = None
        elif isinstance(raw, int):
            number = Decimal(raw)
        elif isinstance(raw, float):
            number = Decimal(repr(raw)) if math.isfinite(raw) else None  # .nan/.inf in YAML, NaN in a crafted xlsx
        else:
            text = str(raw).strip().replace("\u00a0", " ")
            if text.endswith("%"):
                written_percent = True
                text = text[:-1].strip()
            number = _parse_decimal(text, grouping=kind in ("count", "number"))
        if number is None:
            self._bad(path, cell, "F505", tr(f"'{slot}' phải là một số, không phải '{raw}'", f"'{slot}' must be a number, not '{raw}'"))
            return None
        if abs(number) >= _TOO_LARGE:  # before anything prints it: Python will not print an int of over 4,300 digits
            digits = number.adjusted() + 1
            self._bad(path, cell, "F508", tr(f"'{slot}' quá lớn ({digits} chữ số); kiểm tra lại số đã nhập", f"'{slot}' is too large ({digits} digits); check the number typed"))
            return None
        if written_percent and kind != "percent":
            self._bad(path, cell, "F505", tr(f"'{slot}' là số lượng, không ghi dấu %", f"'{slot}' is an amount; write it without %"))
            return None
        if kind == "count":
            if number < 0 or number != number.to_integral_value():
                self._bad(path, cell, "F506", tr(f"'{slot}' phải là số nguyên không âm, không phải {_show(number)}", f"'{slot}' must be a whole number of at least 0, not {_show(number)}"))
                return None
            return number
        if kind == "number":
            if number < 0:
                self._bad(path, cell, "F506", tr(f"'{slot}' không được âm ({_show(number)})", f"'{slot}' must not be negative ({_show(number)})"))
                return None
            return number
        if kind == "percent" and not written_percent:
            if cell[0].is_fraction(cell[1]):
                number *= 100
            elif isinstance(raw, float) or (isinstance(raw, str) and re.search(r"[.,]", str(raw))):
                if 0 < abs(number) <= 1:
                    self._bad(
                        path,
                        cell,
                        "F509",
                        tr(
                            f"'{slot}' {raw} không rõ là {_show(number)} % hay {_show(number * 100)} %; "
                            f"hãy ghi {_show(number * 100)} hoặc {_show(number * 100)}% (tệp YAML có thể khai 'fractions: true')",
                            f"'{slot}' {raw} is ambiguous: {_show(number)}% or {_show(number * 100)}%? "
                            f"write {_show(number * 100)} or {_show(number * 100)}% (a YAML file may declare 'fractions: true')",
                        ),
                    )
                    return None
        low, high = indicator.value_range
        unit = " %" if kind == "percent" else (" phút" if kind == "minutes" else "")
        unit_en = "%" if kind == "percent" else (" minutes" if kind == "minutes" else "")
        if (low is not None and number < Decimal(str(low))) or (high is not None and number > Decimal(str(high))):
            span_vi = f"{_show(low)}–{_show(high)}{unit}" if high is not None else f"≥ {_show(low)}{unit}"
            span_en = f"{_show(low)}–{_show(high)}{unit_en}" if high is not None else f"≥ {_show(low)}{unit_en}"
            self._bad(
                path,
                cell,
                "F508",
                tr(
                    f"'{slot}' {_show(number)}{unit} nằm ngoài khoảng {span_vi} của '{indicator.id}'",
                    f"'{slot}' {_show(number)}{unit_en} is outside {span_en} for '{indicator.id}'",
                ),
            )
            return None
        return number

    # -- reporting ---------------------------------------------------------------------------
    def _bad(self, path: str, cell: _Cell, code: str, message: str) -> None:
        row, name = cell
        self.problems.append(Problem(path, *row.place(name), code, message))

    def _problem(self, path: str, container: Any, key: str, code: str, message: str, severity: str = ERROR) -> None:
        line, col = container.pos(key) if isinstance(container, dict) and hasattr(container, "pos") else (1, 1)
        self.problems.append(Problem(path, line, col, code, message, severity))

    def _unknown_key(self, path: str, container: Any, key: Any) -> None:
        self._problem(path, container, key, "F519", tr(f"khóa '{key}' không được dùng, bị bỏ qua", f"unknown key '{key}' ignored"), WARNING)


@lru_cache(maxsize=4096)
def _split_target(name: str) -> tuple[Indicator | None, str]:
    """``on_time_dossiers.settled`` -> (the indicator, ``settled``); a file repeats a few names thousands of times."""
    base, _, input_name = name.partition(".")
    return get_indicator(base), input_name


class _SlotKinds(dict):
    """Indicator id -> the kind of number (count, percent …) each of its slots holds, worked out
    the first time it is asked: a file asks for every figure."""

    def __missing__(self, indicator_id: str) -> dict[str, str]:
        indicator = get_indicator(indicator_id)
        assert indicator is not None
        numerator, denominator, _ = indicator.parts
        kinds = self[indicator_id] = {"value": indicator.value_kind}
        if numerator is not None and denominator is not None:
            kinds.update(numerator=numerator.kind, denominator=denominator.kind)
        return kinds


_SLOT_KINDS = _SlotKinds()


@lru_cache(maxsize=4096)
def _period_of(text: str) -> str | None:
    """``2024``, ``2024-Q1``/``2024-q1``, ``2024-5``/``2024-05`` in their one spelling, else ``None``."""
    match = _PERIOD.match(text.strip())
    if not match:
        return None
    year, quarter, month = match.groups()
    if quarter:
        return f"{year}-Q{quarter}"
    if month:
        return f"{year}-{int(month):02d}" if 1 <= int(month) <= 12 else None
    return year


def _is_header(values: list[Any]) -> bool:
    cells = [str(v).strip().lstrip("\ufeff").lower() for v in values]
    while cells and not cells[-1]:
        cells.pop()
    return tuple(cells) == HEADER


def _looks_like_header(values: list[Any]) -> bool:
    """A header meant for figures but misspelt: it names both agency and indicator."""
    cells = {str(v).strip().lstrip("\ufeff").lower() for v in values}
    return {"agency", "indicator"} <= cells


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _no_rows_problem(path: str, line: int | None) -> Problem:
    return Problem(
        path,
        line,
        None if line is None else 1,
        "F511",
        tr("tệp chỉ có dòng tiêu đề, không có dòng số liệu nào", "the file has a header row but no figure rows"),
    )


def _header_problem(path: str, line: int | None) -> Problem:
    return Problem(
        path,
        line,
        None if line is None else 1,
        "F502",
        tr(f"dòng tiêu đề phải đúng là: {','.join(HEADER)}", f"the header row must be exactly: {','.join(HEADER)}"),
    )


def _parse_decimal(text: str, grouping: bool) -> Decimal | None:
    """``95,5`` and ``95.5`` are 95.5; for amounts ``1.234``/``1,234``/``1 234`` are 1234."""
    if not text:
        return None
    sign = ""
    if text[0] in "+-":
        sign, text = text[0], text[1:].strip()
    if grouping and _GROUPED.match(text):
        text = re.sub(r"[.,\u00a0 ]", "", text)
    elif text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if not re.fullmatch(r"\d+(\.\d+)?|\.\d+", text):
        return None
    try:
        return Decimal(sign + text)
    except InvalidOperation:
        return None


def _plain_count(text: str) -> bool:
    """Digits only, as nearly every count is written, and not too many of them: ``int(text)`` is it."""
    return text.isdigit() and text.isascii() and len(text) < _COUNT_DIGITS


def _plain_number(number: Decimal | int | None) -> int | float | None:
    if number is None or number.__class__ is int:
        return number
    return int(number) if number == number.to_integral_value() else float(number)


def _show(number: Any) -> str:
    if number is None:
        return ""
    return format_number(Decimal(str(number)) if not isinstance(number, Decimal) else number, ",", decimals=4)


def _quoted(names: list[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)


def _value(cell: _Cell) -> Any:
    row, name = cell
    return row.fields[name]


def _line(cell: _Cell) -> int | None:
    row, name = cell
    return row.place(name)[0]


def _text(fields: dict[str, Any], name: str) -> str:
    return str(fields[name]).strip() if name in fields else ""
