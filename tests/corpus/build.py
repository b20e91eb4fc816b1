"""Build the corpus files that are binary or too big to commit, deterministically, into a folder.

``python tests/corpus/build.py OUT`` writes ``OUT/<kind>/<case>.<ext>`` for every builder below;
tests/test_corpus.py calls :func:`build_all` once per session into a temporary folder. Spreadsheets
and Word files are written with fixed timestamps, so the bytes are the same on every run.

Every builder makes one bad input; tests/corpus/cases.yaml says what cchc must answer.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

FIXED_TIME = (2024, 1, 1, 0, 0, 0)
FIGURES_HEADER = ["agency", "indicator", "numerator", "denominator", "value", "period", "source", "note"]
PROGRESS_HEADER = ["plan", "activity", "occurrence", "status", "completed", "evidence", "link", "agency", "note"]
# What an XXE entity would pull in if it were ever resolved; no output may contain it.
SECRET = "CORPUS-SECRET-XXE-7f3a"
MIB = 1024 * 1024

BUILDERS: dict[str, Callable[[Path], None]] = {}


def builder(relpath: str) -> Callable[[Callable[[Path], None]], Callable[[Path], None]]:
    def register(func: Callable[[Path], None]) -> Callable[[Path], None]:
        BUILDERS[relpath] = func
        return func

    return register


def build_all(out: Path) -> dict[str, Path]:
    """Build every file under ``out``; returns corpus path (``kind/case.ext``) -> built file."""
    built = {}
    out.mkdir(parents=True, exist_ok=True)
    (out / "support").mkdir(exist_ok=True)
    (out / "support" / "agencies.yaml").write_bytes((Path(__file__).parent / "support" / "agencies.yaml").read_bytes())
    (out / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    for relpath, func in BUILDERS.items():
        target = out / relpath
        target.parent.mkdir(parents=True, exist_ok=True)
        func(target)
        built[relpath] = target
    return built


# -- zip helpers --------------------------------------------------------------------------------


def _deterministic(data: bytes) -> bytes:
    """Rewrite a zip with fixed timestamps and permissions; openpyxl stamps the current time both on
    the zip members and in docProps/core.xml's "modified" date, whatever the workbook says."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>2024-01-01T00:00:00Z\g<2>", content)
            target.writestr(fixed, content)
    return out.getvalue()


def _write_zip(path: Path, members: dict[str, str | bytes]) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, content.encode("utf-8") if isinstance(content, str) else content)


def _openpyxl_xlsx(path: Path, rows: list[list[object]], *, formats: dict[str, str] | None = None, merges: list[str] | None = None) -> None:
    """An ordinary workbook written by openpyxl (cell formats by coordinate, merged ranges)."""
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.properties.created = workbook.properties.modified = dt.datetime(2024, 1, 1)
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    for ref, number_format in (formats or {}).items():
        sheet[ref].number_format = number_format
    for ref in merges or []:
        sheet.merge_cells(ref)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(_deterministic(buffer.getvalue()))


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>"
)


def _cell(ref: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    if text.startswith("&") and text.endswith(";") and text.count("&") == 1:  # an entity reference, kept raw
        text = str(value)
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _sheet_xml(rows: list[list[object]], *, doctype: str = "", dimension: str | None = None) -> str:
    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(_cell(f"{chr(65 + c)}{r}", v) for c, v in enumerate(row))
        body.append(f'<row r="{r}">{cells}</row>')
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{doctype}'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"{dim}<sheetData>{''.join(body)}</sheetData></worksheet>"
    )


def _raw_xlsx(path: Path, sheet_xml: str) -> None:
    """A minimal hand-written workbook, for sheet XML that no spreadsheet program would write."""
    _write_zip(
        path,
        {
            "[Content_Types].xml": _CONTENT_TYPES,
            "_rels/.rels": _RELS,
            "xl/workbook.xml": _WORKBOOK,
            "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
            "xl/worksheets/sheet1.xml": sheet_xml,
        },
    )


def _zip_bomb(path: Path, member: str, inflated: int, extra: dict[str, str] | None = None) -> None:
    """A valid-looking package whose ``member`` inflates to ``inflated`` bytes of blanks."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, content in (extra or {}).items():
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
        info = zipfile.ZipInfo(member, FIXED_TIME)
        info.compress_type = zipfile.ZIP_DEFLATED
        chunk = b" " * (4 * MIB)
        with archive.open(info, "w", force_zip64=True) as handle:
            for _ in range(inflated // len(chunk)):
                handle.write(chunk)


_XXE_DOCTYPE = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "{url}">]>'
_LAUGHS_DOCTYPE = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">'
    '<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">'
    '<!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">'
    '<!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">'
    '<!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">'
    '<!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">'
    '<!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>'
)


def _secret_url(path: Path) -> str:
    return (path.parents[1] / "secret.txt").resolve().as_uri()


# -- big YAML and text ----------------------------------------------------------------------------


@builder("plan/huge.yaml")
def huge_yaml(path: Path) -> None:
    """70 MB of valid YAML: above the 64 MiB limit of cchc/yamlio.py."""
    line = "  - Ghi chú lặp lại để làm tệp thật lớn, vẫn là YAML hợp lệ\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("kind: plan\nnotes:\n")
        block = line * 10_000
        for _ in range(70 * MIB // len(block.encode("utf-8")) + 1):
            handle.write(block)


@builder("plan/long-line.yaml")
def long_line_yaml(path: Path) -> None:
    """A 5 MB line (an unknown agency name pasted from a whole document) in a valid plan."""
    name = "Sở " + "Nội vụ và " * 500_000
    path.write_text(
        "kind: plan\nid: corpus\nprovince: Tỉnh Mẫu\ntitle: Kế hoạch mẫu\nperiod: 2024\nregistry: ../support/agencies.yaml\n"
        "areas:\n  - id: I\n    title: Cải cách thể chế\n    activities:\n"
        f"      - {{id: a1, text: Rà soát, lead: [\"{name}\"], deadline: Quý I/2024}}\n",
        encoding="utf-8",
    )


@builder("plan/deep-flow-100k.yaml")
def deep_flow(path: Path) -> None:
    """100,000 nested flow lists: libyaml's composer would overflow the C stack (a segfault, no message)."""
    path.write_text("kind: plan\nnotes: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")


@builder("plan/deep-block-100k.yaml")
def deep_block(path: Path) -> None:
    """100,000 nested block lists on one line ("- - - …"), the same crash without a single bracket."""
    path.write_text("kind: plan\nnotes:\n" + "- " * 100_000 + "x\n", encoding="utf-8")


@builder("plan/deep-block-cr.yaml")
def deep_block_cr(path: Path) -> None:
    """The same with old Mac line ends (CR only), which YAML also reads as line breaks."""
    path.write_bytes(b"kind: plan\rnotes:\r" + b"- " * 100_000 + b"x\r")


@builder("figures/long-line.csv")
def long_line_csv(path: Path) -> None:
    """A 2 MB cell in the value column."""
    path.write_text(",".join(FIGURES_HEADER) + "\nSở Nội vụ,satisfaction,,," + "9" * 2_000_000 + ",2024,,\n", encoding="utf-8")


@builder("progress/long-line.csv")
def long_line_progress(path: Path) -> None:
    """A 2 MB activity id."""
    path.write_text(",".join(PROGRESS_HEADER) + "\nmau-2023-2024," + "a" * 2_000_000 + ",,done,2024-01-15,,,,\n", encoding="utf-8")


@builder("figures/huge.csv")
def huge_csv(path: Path) -> None:
    """A header, then a sparse hole to 65 MiB (no disk used), then a row: above the shared size limit."""
    with path.open("wb") as handle:
        handle.write((",".join(FIGURES_HEADER) + "\n").encode("utf-8"))
        handle.seek(65 * MIB)
        handle.write("\nSở Nội vụ,on_time_dossiers,1180,1200,,2024,,\n".encode())


# -- figures workbooks ------------------------------------------------------------------------------


@builder("figures/not-a-zip.xlsx")
def figures_not_a_zip(path: Path) -> None:
    path.write_text(",".join(FIGURES_HEADER) + "\nSở Nội vụ,satisfaction,,,95,2024,,\n", encoding="utf-8")  # a CSV renamed .xlsx


@builder("figures/zip-bomb.xlsx")
def figures_zip_bomb(path: Path) -> None:
    """A ~200 KB file whose sheet inflates to 204 MiB (limit: 200 MiB in cchc/xlsxread.py)."""
    _zip_bomb(path, "xl/worksheets/sheet1.xml", 204 * MIB, {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS, "xl/workbook.xml": _WORKBOOK, "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS})


@builder("figures/ratio-bomb.xlsx")
def figures_ratio_bomb(path: Path) -> None:
    """Below the absolute limit (24 MiB) but compressed 1000:1 — no real workbook does that."""
    _zip_bomb(path, "xl/worksheets/sheet1.xml", 24 * MIB, {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS, "xl/workbook.xml": _WORKBOOK, "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS})


@builder("figures/xxe.xlsx")
def figures_xxe(path: Path) -> None:
    rows = [FIGURES_HEADER, ["Sở Nội vụ", "satisfaction", None, None, 95, "2024", "&xxe;", None]]
    _raw_xlsx(path, _sheet_xml(rows, doctype=_XXE_DOCTYPE.format(url=_secret_url(path))))


@builder("figures/entity-bomb.xlsx")
def figures_entity_bomb(path: Path) -> None:
    rows = [FIGURES_HEADER, ["Sở Nội vụ", "satisfaction", None, None, 95, "2024", "&lol9;", None]]
    _raw_xlsx(path, _sheet_xml(rows, doctype=_LAUGHS_DOCTYPE))


@builder("figures/div0.xlsx")
def figures_div0(path: Path) -> None:
    """An error value (#DIV/0!) saved in the value column, next to a good row."""
    _openpyxl_xlsx(path, [FIGURES_HEADER, ["Sở Nội vụ", "satisfaction", None, None, 95.5, "2024"], ["Sở Tư pháp", "satisfaction", None, None, "#DIV/0!", "2024"]])


@builder("figures/formula-no-value.xlsx")
def figures_formula(path: Path) -> None:
    """A formula never calculated by Excel (no cached value): cchc never evaluates formulas."""
    _openpyxl_xlsx(path, [FIGURES_HEADER, ["Sở Nội vụ", "satisfaction", None, None, "=95+0.5", "2024"]])


@builder("figures/merged-agency.xlsx")
def figures_merged(path: Path) -> None:
    """The agency cell merged over two rows: the second row's agency cell is empty."""
    _openpyxl_xlsx(
        path,
        [FIGURES_HEADER, ["Sở Nội vụ", "satisfaction", None, None, 95, "2024"], [None, "on_time_dossiers", 1180, 1200, None, "2024"]],
        merges=["A2:A3"],
    )


@builder("figures/blank-indicator.xlsx")
def figures_blank(path: Path) -> None:
    """A title row, a blank row, the header on row 3, then a row with a blank indicator cell."""
    _openpyxl_xlsx(path, [["Số liệu CCHC năm 2024"], [], FIGURES_HEADER, ["Sở Nội vụ", "satisfaction", None, None, 95, "2024"], ["Sở Tư pháp", None, None, None, 90, "2024"]])


@builder("figures/percent-format-120.xlsx")
def figures_percent(path: Path) -> None:
    """Cells formatted as percentages: 0.955 shows as 95.5 % (valid), 1.2 as 120 % (invalid)."""
    _openpyxl_xlsx(
        path,
        [FIGURES_HEADER, ["Sở Nội vụ", "satisfaction", None, None, 0.955, "2024"], ["Sở Tư pháp", "satisfaction", None, None, 1.2, "2024"]],
        formats={"E2": "0.0%", "E3": "0%"},
    )


@builder("figures/negative-count.xlsx")
def figures_negative(path: Path) -> None:
    _openpyxl_xlsx(path, [FIGURES_HEADER, ["Sở Nội vụ", "satisfaction", None, None, "95,5 %", "2024"], ["Sở Tư pháp", "on_time_dossiers", -3, 1000, None, "2024"]])


@builder("figures/period-31-02.xlsx")
def figures_period(path: Path) -> None:
    _openpyxl_xlsx(path, [FIGURES_HEADER, ["Sở Nội vụ", "satisfaction", None, None, 95, "31/02/2024"]])


@builder("figures/nan-cell.xlsx")
def figures_nan(path: Path) -> None:
    """A hand-made sheet whose numeric cell holds NaN (no spreadsheet program writes that)."""
    _raw_xlsx(path, _sheet_xml([FIGURES_HEADER, ["Sở Nội vụ", "on_time_dossiers", "NaN-placeholder", 1200, None, "2024"]]).replace('t="inlineStr"><is><t>NaN-placeholder</t></is>', "><v>NaN</v>"))


@builder("figures/huge-dimension.xlsx")
def figures_dimension(path: Path) -> None:
    """Two rows that claim to span A1:XFD1048576 (17 billion cells)."""
    rows = [FIGURES_HEADER, ["Sở Nội vụ", "satisfaction", None, None, 120, "2024"]]
    _raw_xlsx(path, _sheet_xml(rows, dimension="A1:XFD1048576"))


@builder("figures/far-cell.xlsx")
def figures_far_cell(path: Path) -> None:
    """A stray cell at XFD1048576, the last cell of a sheet: a million padded rows of 16,384 columns."""
    xml = _sheet_xml([FIGURES_HEADER, ["Sở Nội vụ", "satisfaction", None, None, 95, "2024"]])
    _raw_xlsx(path, xml.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'))


# -- progress workbooks -----------------------------------------------------------------------------


@builder("progress/not-a-zip.xlsx")
def progress_not_a_zip(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04 truncated: the start of a zip and nothing else")


@builder("progress/zip-bomb.xlsx")
def progress_zip_bomb(path: Path) -> None:
    _zip_bomb(path, "xl/sharedStrings.xml", 204 * MIB, {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS, "xl/workbook.xml": _WORKBOOK, "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS})


@builder("progress/xxe.xlsx")
def progress_xxe(path: Path) -> None:
    rows = [PROGRESS_HEADER, ["mau-2023-2024", "a3", None, "done", "2024-01-15", "&xxe;"]]
    _raw_xlsx(path, _sheet_xml(rows, doctype=_XXE_DOCTYPE.format(url=_secret_url(path))))


@builder("progress/div0-date.xlsx")
def progress_div0(path: Path) -> None:
    _openpyxl_xlsx(path, [PROGRESS_HEADER, ["mau-2023-2024", "a3", None, "done", dt.datetime(2024, 1, 15)], ["mau-2023-2024", "a7", None, "done", "#DIV/0!"]])


@builder("progress/formula-no-value.xlsx")
def progress_formula(path: Path) -> None:
    _openpyxl_xlsx(path, [PROGRESS_HEADER, ["mau-2023-2024", "a3", None, "done", "=DATE(2024,1,15)"]])


@builder("progress/merged-plan.xlsx")
def progress_merged(path: Path) -> None:
    """The plan cell merged over two rows: the second row's plan cell is empty."""
    _openpyxl_xlsx(
        path,
        [PROGRESS_HEADER, ["mau-2023-2024", "a3", None, "done", dt.datetime(2024, 1, 15)], [None, "a7", None, "in_progress"]],
        merges=["A2:A3"],
    )


@builder("progress/title-row.xlsx")
def progress_title_row(path: Path) -> None:
    """A title row above the header (accepted), then an unknown activity on Excel row 4."""
    _openpyxl_xlsx(
        path,
        [["Báo cáo tiến độ CCHC quý II/2024"], PROGRESS_HEADER, ["mau-2023-2024", "a3", None, "done", dt.datetime(2024, 1, 15)], ["mau-2023-2024", "a99", None, "done", dt.datetime(2024, 1, 15)]],
    )


@builder("progress/date-31-02.xlsx")
def progress_date(path: Path) -> None:
    _openpyxl_xlsx(path, [PROGRESS_HEADER, ["mau-2023-2024", "a3", None, "hoàn thành", "31/02/2024"]])


@builder("progress/empty-sheet.xlsx")
def progress_empty(path: Path) -> None:
    _openpyxl_xlsx(path, [])


# -- import sources -----------------------------------------------------------------------------------


_DOCX_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx(path: Path, body: str, doctype: str = "") -> None:
    xml = f'<?xml version="1.0" encoding="UTF-8"?>{doctype}<w:document {_DOCX_NS}><w:body>{body}</w:body></w:document>'
    _write_zip(path, {"word/document.xml": xml})


@builder("import/not-a-zip.xlsx")
def import_not_a_zip(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)  # an old .xls (OLE2) header renamed .xlsx


@builder("import/zip-bomb.xlsx")
def import_zip_bomb(path: Path) -> None:
    _zip_bomb(path, "xl/sharedStrings.xml", 204 * MIB, {"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS, "xl/workbook.xml": _WORKBOOK, "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS})


@builder("import/xxe.xlsx")
def import_xxe(path: Path) -> None:
    rows = [["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Sản phẩm", "Thời gian hoàn thành"], [1, "&xxe;", "Sở Nội vụ", "Báo cáo", "Quý I/2024"]]
    _raw_xlsx(path, _sheet_xml(rows, doctype=_XXE_DOCTYPE.format(url=_secret_url(path))))


@builder("import/doctype-entity.docx")
def import_docx_xxe(path: Path) -> None:
    body = "<w:p><w:r><w:t>KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024 &xxe;</w:t></w:r></w:p>"
    _docx(path, body, f'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "{_secret_url(path)}">]>')


@builder("import/entity-bomb.docx")
def import_docx_laughs(path: Path) -> None:
    _docx(path, "<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>", _LAUGHS_DOCTYPE)


@builder("import/zip-bomb.docx")
def import_docx_bomb(path: Path) -> None:
    """word/document.xml inflates to 24 MiB of blanks at 1000:1."""
    _zip_bomb(path, "word/document.xml", 24 * MIB)


@builder("import/no-document.docx")
def import_docx_empty(path: Path) -> None:
    """A zip without word/document.xml."""
    _write_zip(path, {"word/styles.xml": "<styles/>"})


@builder("import/not-a-zip.docx")
def import_docx_not_zip(path: Path) -> None:
    path.write_text("{\\rtf1\\ansi Kế hoạch}", encoding="utf-8")  # an RTF file renamed .docx


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "corpus-build")
    for relpath, built in build_all(target).items():
        print(f"{relpath}: {built.stat().st_size} bytes")
