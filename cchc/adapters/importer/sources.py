"""Read a source document into rows of cell texts, whatever its format.

Every format becomes the same thing — a list of :class:`Row` (source line or row number, raw cells) —
so the layout parsers never care whether the plan came from Excel, Word or extracted text. Paragraphs
outside tables become one-cell rows: they hold the document's title, number and date.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from defusedxml import ElementTree

from cchc.adapters.importer import WARNING, ImportNote
from cchc.adapters.xlsxread import check_zip, iter_rows_safely, open_workbook, unreadable, xml_attack
from cchc.adapters.yamlio import read_text
from cchc.core.i18n import tr
from cchc.core.problems import Problem, UnreadableInput

TEXT_SUFFIXES = (".txt", ".tsv", ".text")
SUFFIXES = (".xlsx", ".docx", *TEXT_SUFFIXES)
MAX_ZIP_PART_BYTES = 200 * 1024 * 1024  # a document part larger than this is a zip bomb, not a plan

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_DOC_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


@dataclass(slots=True)
class Row:
    line: int  # 1-based line (text), row (xlsx) or block (docx) number in the source
    cells: list[str]


@dataclass(slots=True)
class Source:
    path: str
    rows: list[Row]
    lines: list[str] | None = None  # raw text lines, for layouts that are not tab-separated
    notes: list[ImportNote] = field(default_factory=list)  # noticed while reading (formulas without values …)


def read_source(path: str | Path) -> Source:
    """Read ``path`` by its suffix; anything unreadable is an UnreadableInput (exit code 2)."""
    shown = str(path)
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise UnreadableInput(
            Problem(
                shown,
                None,
                None,
                "I001",
                tr(
                    f"không đọc được loại tệp '{suffix or '(không có đuôi)'}'; dùng .xlsx, .docx, .txt hoặc .tsv",
                    f"cannot read '{suffix or '(no suffix)'}' files; use .xlsx, .docx, .txt or .tsv",
                ),
            )
        )
    if suffix in TEXT_SUFFIXES:
        return _read_text(shown)
    if not Path(path).is_file():
        raise UnreadableInput(Problem(shown, None, None, "I001", tr("không tìm thấy tệp", "file not found")))
    check_zip(Path(path), "Excel .xlsx" if suffix == ".xlsx" else "Word .docx")  # not a zip, or a zip bomb
    try:
        return _read_xlsx(shown) if suffix == ".xlsx" else _read_docx(shown)
    except (zipfile.BadZipFile, KeyError, ElementTree.ParseError, OSError, ValueError) as exc:
        if xml_attack(exc):  # defusedxml refused a DTD/entity declaration (XXE, billion laughs)
            raise unreadable(shown, exc, "I001") from None
        raise UnreadableInput(
            Problem(shown, None, None, "I001", tr(f"tệp hỏng hoặc không đúng định dạng ({exc})", f"damaged or not a valid file ({exc})"))
        ) from None


def _read_text(path: str) -> Source:
    text = read_text(path, what="text")
    if not text.strip():
        raise UnreadableInput(Problem(path, None, None, "I001", tr("tệp rỗng: không có gì để nhập", "empty file: nothing to import")))
    lines = [line.rstrip("\r") for line in text.split("\n")]
    if len(lines) > 1 and not lines[-1]:
        lines.pop()  # the newline that ends the last line does not start another one
    return Source(path, [Row(number, line.split("\t")) for number, line in enumerate(lines, 1)], lines=lines)


def _read_xlsx(path: str) -> Source:
    """Values as last computed by Excel (formulas are never evaluated), merged cells filled in."""
    workbook = open_workbook(Path(path), "I001")
    try:
        sheet = workbook.worksheets[0]
        values = [list(row) for row in iter_rows_safely(sheet, Path(path), "I001", values_only=True)]
    finally:
        workbook.close()
    merges, formulas = _sheet_structure(path)
    notes: list[ImportNote] = []
    for row_idx, col_idx in sorted(formulas):
        if row_idx <= len(values) and col_idx <= len(values[row_idx - 1]) and values[row_idx - 1][col_idx - 1] is None:
            notes.append(
                ImportNote(
                    row_idx,
                    WARNING,
                    tr(
                        f"ô {_cell_name(row_idx, col_idx)} là công thức chưa có giá trị tính sẵn; để trống (cchc không tính công thức)",
                        f"cell {_cell_name(row_idx, col_idx)} is a formula with no saved value; left empty (cchc never evaluates formulas)",
                    ),
                )
            )
    for (top, left), (bottom, right) in merges:
        if top > len(values) or left > len(values[top - 1]):
            continue
        value = values[top - 1][left - 1]
        for r in range(top, min(bottom, len(values)) + 1):
            row = values[r - 1]
            row.extend([None] * (right - len(row)))
            for c in range(left, right + 1):
                row[c - 1] = value
    rows = [Row(number, [_cell_text(v) for v in row]) for number, row in enumerate(values, 1)]
    return Source(path, rows, notes=notes)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")  # type: ignore[union-attr]
    return str(value)


def _cell_name(row: int, col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{row}"


def _xml(archive: zipfile.ZipFile, name: str):  # noqa: ANN202 - an ElementTree element
    if archive.getinfo(name).file_size > MAX_ZIP_PART_BYTES:
        raise ValueError(f"{name} is too large")
    return ElementTree.fromstring(archive.read(name))


def _sheet_structure(path: str) -> tuple[list[tuple[tuple[int, int], tuple[int, int]]], set[tuple[int, int]]]:
    """Merged ranges and formula cells of the first sheet, read from the sheet XML.

    openpyxl's read-only mode reports neither, and loading the whole workbook in normal mode to get
    them costs several times more on large plans.
    """
    with zipfile.ZipFile(path) as archive:
        workbook = _xml(archive, "xl/workbook.xml")
        first = workbook.find(f"{_SHEET_NS}sheets/{_SHEET_NS}sheet")
        rels = _xml(archive, "xl/_rels/workbook.xml.rels")
        target = next(r.get("Target") for r in rels.iter(f"{_REL_NS}Relationship") if r.get("Id") == first.get(_DOC_REL))
        name = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        sheet = _xml(archive, name)
    merges = []
    for merge in sheet.iter(f"{_SHEET_NS}mergeCell"):
        start, _, end = merge.get("ref", "").partition(":")
        merges.append((_coordinates(start), _coordinates(end or start)))
    formulas = {_coordinates(c.get("r")) for c in sheet.iter(f"{_SHEET_NS}c") if c.find(f"{_SHEET_NS}f") is not None and c.get("r")}
    return merges, formulas


def _coordinates(ref: str) -> tuple[int, int]:
    """'B12' -> (12, 2)."""
    letters = "".join(ch for ch in ref if ch.isalpha())
    col = 0
    for ch in letters.upper():
        col = col * 26 + ord(ch) - 64
    return int(ref[len(letters) :]), col


def _read_docx(path: str) -> Source:
    """Body paragraphs and table rows of word/document.xml, in document order."""
    with zipfile.ZipFile(path) as archive:
        document = _xml(archive, "word/document.xml")
    body = document.find(f"{_W}body")
    rows: list[Row] = []
    for block in body if body is not None else []:
        if block.tag == f"{_W}p":
            rows.append(Row(len(rows) + 1, [_paragraph_text(block)]))
        elif block.tag == f"{_W}tbl":
            for cells in _table_rows(block):
                rows.append(Row(len(rows) + 1, cells))
    return Source(path, rows)


def _paragraph_text(paragraph) -> str:  # noqa: ANN001
    parts = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            parts.append(node.text)
        elif node.tag == f"{_W}tab":
            parts.append(" ")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append("\n")
    return "".join(parts)


def _table_rows(table) -> list[list[str]]:  # noqa: ANN001
    """Cells per row on the table grid: a cell spanning columns fills them, a vertical merge repeats the cell above."""
    grid_rows: list[list[str]] = []
    for tr_node in table.findall(f"{_W}tr"):
        row: list[str] = []
        for tc in tr_node.findall(f"{_W}tc"):
            props = tc.find(f"{_W}tcPr")
            span = 1
            continued = False
            if props is not None:
                grid_span = props.find(f"{_W}gridSpan")
                if grid_span is not None:
                    span = max(1, int(grid_span.get(f"{_W}val", "1")))
                v_merge = props.find(f"{_W}vMerge")
                continued = v_merge is not None and v_merge.get(f"{_W}val", "continue") == "continue"
            text = "\n".join(_paragraph_text(p) for p in tc.iter(f"{_W}p"))
            col = len(row)
            if continued and grid_rows and col < len(grid_rows[-1]):
                text = grid_rows[-1][col]
            row.extend([text] * span)
        grid_rows.append(row)
    return grid_rows
