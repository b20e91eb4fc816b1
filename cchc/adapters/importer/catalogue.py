"""The layouts ``cchc import`` knows, each declaring how it recognises a document and how it reads it.

A layout is a small object with a ``name`` (stable, shown in reports and JSON), a Vietnamese and an
English ``label``, ``detect(source)`` and ``parse(source, splitter, progress)``. :data:`LAYOUTS` is the
explicit list, tried in order: the first layout whose ``detect`` says yes reads the document. To
support a new layout, write a class here (or in its own module) and add it to the list; nothing else
changes. ``parse`` returns an :class:`~cchc.adapters.importer.ImportResult` whose draft still carries
agency cells as written: the pipeline resolves agencies and finds targets afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from cchc.adapters.importer import ImportResult
from cchc.adapters.importer.agencies import AgencySplitter
from cchc.adapters.importer.cells import clean_cell
from cchc.adapters.importer.draftplan import DraftPlan
from cchc.adapters.importer.layouts import (
    CELLS_PER_LINE,
    FRAMEWORK,
    TASK_LIST,
    Header,
    is_cells_per_line,
    read_header,
)
from cchc.adapters.importer.official import Heading, furniture, is_official, read_heading
from cchc.adapters.importer.preamble import read_preamble
from cchc.adapters.importer.sources import Row, Source
from cchc.adapters.importer.tables import parse_rows

Advance = Callable[[int], None]  # told how many more rows are done

CONTROL_PLAN = "control-plan"
NARRATIVE = "narrative"
OFFICIAL = "official"


class Layout(Protocol):
    name: str
    label: tuple[str, str]  # Vietnamese, English

    def detect(self, source: Source) -> bool: ...

    def parse(self, source: Source, splitter: AgencySplitter, advance: Advance | None) -> ImportResult: ...


def first_header(rows: list[Row]) -> Header | None:
    """The first plan-table header of the rows (annex lists are not plan tables)."""
    for row in rows:
        header = read_header([clean_cell(c) for c in row.cells])
        if header is not None and header.layout in (FRAMEWORK, TASK_LIST):
            return header
    return None


def _is_header(cells: list[str]) -> bool:
    return read_header([clean_cell(c) for c in cells]) is not None


def _table_result(rows: list[Row], splitter: AgencySplitter, advance: Advance | None, name: str) -> tuple[ImportResult, list[str]]:
    parsed = parse_rows(rows, splitter, advance)
    draft = DraftPlan(areas=parsed.areas, annexes=parsed.annexes)
    return ImportResult(draft, list(parsed.report), name, parsed.layout, len(rows)), parsed.preamble


@dataclass(frozen=True)
class CellsPerLine:
    """The 8-column framework exported one cell per line (Hà Tĩnh 2022)."""

    name: str = CELLS_PER_LINE
    label: tuple[str, str] = ("khung 8 cột, mỗi ô một dòng", "8-column framework, one cell per line")

    def detect(self, source: Source) -> bool:
        return source.lines is not None and is_cells_per_line(source.lines)

    def parse(self, source: Source, splitter: AgencySplitter, advance: Advance | None) -> ImportResult:
        from pathlib import Path

        from cchc.adapters.importer.cells_per_line import parse_cells_per_line

        result = parse_cells_per_line(source.lines or [], Path(source.path).name)
        result.layout = self.name
        result.table = FRAMEWORK
        result.rows = len(source.lines or [])
        if advance:
            advance(result.rows)
        return result


@dataclass(frozen=True)
class Official:
    """A whole administrative document (Nghị định 30/2020): heading, title block, table, signature."""

    name: str = OFFICIAL
    label: tuple[str, str] = ("văn bản hành chính (Nghị định 30/2020)", "administrative document (Decree 30/2020)")

    def detect(self, source: Source) -> bool:
        return is_official(source.rows, motto_only=source.lines is not None) and first_header(source.rows) is not None

    def parse(self, source: Source, splitter: AgencySplitter, advance: Advance | None) -> ImportResult:
        rows, notes = furniture(source.rows, _is_header)
        start = next(i for i, row in enumerate(rows) if _is_header(row.cells))
        heading: Heading = read_heading(rows[:start])
        result, _ = _table_result(rows, splitter, advance, self.name)
        heading.fill(result.draft)
        result.report[:0] = [*notes, *heading.notes]
        result.rows = len(source.rows)
        return result


@dataclass(frozen=True)
class Table:
    """A plan table whose header row names its columns; the loose text above it is the preamble."""

    name: str
    label: tuple[str, str]
    header_layout: str
    with_coop: bool | None = None  # None: either

    def detect(self, source: Source) -> bool:
        header = first_header(source.rows)
        if header is None or header.layout != self.header_layout:
            return False
        return self.with_coop is None or ("coop" in header.roles) == self.with_coop

    def parse(self, source: Source, splitter: AgencySplitter, advance: Advance | None) -> ImportResult:
        rows, notes = furniture(source.rows, _is_header)
        result, preamble = _table_result(rows, splitter, advance, self.name)
        preamble_notes = read_preamble(preamble, result.draft)
        result.report[:0] = notes
        result.report.extend(preamble_notes)
        result.rows = len(source.rows)
        return result


@dataclass(frozen=True)
class Narrative:
    """A plan written as prose: sections, numbered headings, bullets and "Đơn vị chủ trì: …" lines."""

    name: str = NARRATIVE
    label: tuple[str, str] = ("kế hoạch viết dạng văn bản (mục, gạch đầu dòng, đơn vị chủ trì)", "plan written as prose (sections, bullets, lead lines)")

    def detect(self, source: Source) -> bool:
        from cchc.adapters.importer.narrative import is_narrative

        return first_header(source.rows) is None and is_official(source.rows) and is_narrative(source.rows)

    def parse(self, source: Source, splitter: AgencySplitter, advance: Advance | None) -> ImportResult:
        from cchc.adapters.importer.narrative import parse_narrative

        rows, notes = furniture(source.rows, _is_header)
        result = parse_narrative(rows, splitter)
        result.report[:0] = notes
        result.layout = self.name
        result.rows = len(source.rows)
        if advance:
            advance(result.rows)
        return result


@dataclass(frozen=True)
class Unrecognised:
    """Last in the list: reads the rows as a table anyway, so the report says what is missing."""

    name: str = "unknown"
    label: tuple[str, str] = ("không nhận ra bố cục", "layout not recognised")

    def detect(self, source: Source) -> bool:
        return True

    def parse(self, source: Source, splitter: AgencySplitter, advance: Advance | None) -> ImportResult:
        result, _ = _table_result(source.rows, splitter, advance, self.name)
        return result


LAYOUTS: tuple[Layout, ...] = (
    CellsPerLine(),
    Official(),
    Table(FRAMEWORK, ("khung 8 cột (mục tiêu, nhiệm vụ, hoạt động)", "8-column framework (objective, task, activity)"), FRAMEWORK),
    Table(CONTROL_PLAN, ("bảng 6 cột (nội dung, chủ trì, phối hợp, thời hạn, sản phẩm)", "6-column table (content, lead, co-op, deadline, product)"), TASK_LIST, with_coop=True),
    Table(TASK_LIST, ("danh sách nhiệm vụ 5 cột (không có cột phối hợp)", "5-column task list (no co-op column)"), TASK_LIST, with_coop=False),
    Narrative(),
    Unrecognised(),
)


def layout_named(name: str) -> Layout:
    return next(layout for layout in LAYOUTS if layout.name == name)
