"""Render the official-layout plan cases in this folder as .docx and .xlsx.

Usage:
    python build.py OUTDIR            # every <slug>.yaml here -> OUTDIR/<slug>.docx, OUTDIR/<slug>.xlsx
    python build.py OUTDIR a.yaml ... # only the named cases

Each case is a YAML transcription of a published plan table (fields: source, heading, province,
period, columns, column_numbers, rows, footnote, signature, recipients, expected, notes).
The .docx is written with the standard library only (zipfile + XML escaping); the .xlsx uses
openpyxl (installed in the project's .venv). Reading the YAML needs PyYAML (also in .venv).

Layout follows Nghị định 30/2020/NĐ-CP: a borderless two-column heading table (issuer | national
motto; number | place and date), the title lines, the optional annex lines, the main table (header
row, optional "(1) (2) …" row, area rows merged across all columns), the footnote, then a borderless
two-column table with "Nơi nhận:" on the left and the signature block on the right.
Files whose name starts with "_" are not cases and are skipped.
"""

from __future__ import annotations

import re
import sys
import unicodedata
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

MOTTO = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
# A Party body's document prints "ĐẢNG CỘNG SẢN VIỆT NAM" there instead: a case
# sets heading.motto to the lines its document prints.


def _motto(case: dict) -> list[str]:
    return [_nfc(line) for line in (case["heading"].get("motto") or MOTTO)]


# ----------------------------------------------------------------------------- helpers


def _nfc(text) -> str:
    return unicodedata.normalize("NFC", "" if text is None else str(text))


def is_area_row(case: dict, row: list) -> bool:
    """A row with a single cell is an area row merged across all columns ("III CẢI CÁCH …");
    a two-cell "I | HEADING" row is drawn by the callers (numeral cell + heading merged over the rest)."""
    return len(row) == 1


def _xml_text(text: str) -> str:
    return escape(_nfc(text), {'"': "&quot;"})


# ----------------------------------------------------------------------------- docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PAGE_W = 16838  # A4 landscape, twentieths of a point
PAGE_H = 11906
MARGIN = 1134
TEXT_W = PAGE_W - 2 * MARGIN


def _run(text: str, bold=False, italic=False, size=None) -> str:
    props = ""
    if bold:
        props += "<w:b/>"
    if italic:
        props += "<w:i/>"
    if size:
        props += f'<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>'
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{_xml_text(text)}</w:t></w:r>'


def _para(text: str = "", align=None, bold=False, italic=False, size=None, keep=False) -> str:
    ppr = ""
    if align:
        ppr += f'<w:jc w:val="{align}"/>'
    ppr += '<w:spacing w:before="0" w:after="60"/>'
    if keep:
        ppr += "<w:keepNext/>"
    runs = _run(text, bold, italic, size) if text else ""
    return f"<w:p><w:pPr>{ppr}</w:pPr>{runs}</w:p>"


def _cell(paragraphs: list[str], width: int, span: int = 1, borders=True, shade=None) -> str:
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if not borders:
        tcpr += ("<w:tcBorders>" + "".join(
            f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right")) + "</w:tcBorders>")
    if shade:
        tcpr += f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>'
    body = "".join(paragraphs) or "<w:p/>"
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{body}</w:tc>"


def _cell_paragraphs(text: str, align=None, bold=False, italic=False, size=None) -> list[str]:
    """A cell's text, one paragraph per line (multi-line cells keep their line breaks)."""
    lines = _nfc(text).split("\n")
    return [_para(line, align=align, bold=bold, italic=italic, size=size) for line in lines]


def _table(rows_xml: list[str], widths: list[int], borders=True) -> str:
    border = "single" if borders else "nil"
    tblpr = (
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
        "<w:tblBorders>" + "".join(
            f'<w:{side} w:val="{border}" w:sz="4" w:space="0" w:color="000000"/>'
            for side in ("top", "left", "bottom", "right", "insideH", "insideV")) +
        "</w:tblBorders><w:tblLayout w:type=\"fixed\"/>"
    )
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return f"<w:tbl><w:tblPr>{tblpr}</w:tblPr><w:tblGrid>{grid}</w:tblGrid>{''.join(rows_xml)}</w:tbl>"


def _row(cells: list[str], header=False) -> str:
    trpr = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if header else ""
    return f"<w:tr>{trpr}{''.join(cells)}</w:tr>"


def _column_widths(case: dict) -> list[int]:
    cols = case["columns"]
    n = len(cols)
    weights = []
    for name in cols:
        low = _nfc(name).lower()
        if low.strip() in ("stt", "tt", "số tt") or len(low) <= 4:
            weights.append(0.6)
        elif any(k in low for k in ("nội dung", "nhiệm vụ", "hoạt động", "mục tiêu", "công việc", "tên")):
            weights.append(3.2)
        elif any(k in low for k in ("sản phẩm", "kết quả")):
            weights.append(1.8)
        elif any(k in low for k in ("thời gian", "thời hạn", "tiến độ")):
            weights.append(1.2)
        else:
            weights.append(1.6)
    total = sum(weights)
    widths = [int(TEXT_W * w / total) for w in weights]
    widths[-1] += TEXT_W - sum(widths)
    assert len(widths) == n
    return widths


def _heading_xml(case: dict) -> str:
    h = case["heading"]
    left_w, right_w = int(TEXT_W * 0.4), TEXT_W - int(TEXT_W * 0.4)
    issuer = [_para(line, align="center", bold=(i == len(h["issuer_lines"]) - 1))
              for i, line in enumerate(h["issuer_lines"])]
    issuer.append(_para("-------", align="center"))
    motto = [_para(line, align="center", bold=True) for line in _motto(case)]
    motto.append(_para("---------------", align="center"))
    number = [_para(h.get("number") or "", align="center")]
    place = [_para(h.get("place_date") or "", align="center", italic=True)]
    rows = [
        _row([_cell(issuer, left_w, borders=False), _cell(motto, right_w, borders=False)]),
        _row([_cell(number, left_w, borders=False), _cell(place, right_w, borders=False)]),
    ]
    out = _table(rows, [left_w, right_w], borders=False)
    out += _para("")
    for i, line in enumerate(h.get("title_lines") or []):
        out += _para(line, align="center", bold=True, size=28 if i == 0 else None)
    annex = h.get("annex_lines") or []
    if annex:
        out += _para("")
        for line in annex:
            italic = line.strip().startswith("(")
            out += _para(line, align="center", bold=not italic, italic=italic)
    out += _para("")
    return out


def _main_table_xml(case: dict) -> str:
    cols = case["columns"]
    n = len(cols)
    widths = _column_widths(case)
    rows = [_row([_cell(_cell_paragraphs(c, align="center", bold=True), widths[i])
                  for i, c in enumerate(cols)], header=True)]
    if case.get("column_numbers"):
        nums = case["column_numbers"] if isinstance(case["column_numbers"], list) \
            else [f"({i + 1})" for i in range(n)]
        rows.append(_row([_cell(_cell_paragraphs(c, align="center", italic=True), widths[i])
                          for i, c in enumerate(nums)], header=True))
    for raw in case["rows"]:
        row = [_nfc(c) for c in raw]
        if is_area_row(case, row):
            rows.append(_row([_cell(_cell_paragraphs(row[0], bold=True), sum(widths), span=n)]))
            continue
        if len(row) == 2 and n > 2 and _looks_like_area_number(row[0]):
            # "I | HEADING": numeral in the first column, heading merged across the rest
            rows.append(_row([
                _cell(_cell_paragraphs(row[0], align="center", bold=True), widths[0]),
                _cell(_cell_paragraphs(row[1], bold=True), sum(widths[1:]), span=n - 1),
            ]))
            continue
        row = (row + [""] * n)[:n] if len(row) <= n else row[: n - 1] + [" ".join(row[n - 1:])]
        cells = []
        for i, text in enumerate(row):
            align = "center" if i == 0 else None
            cells.append(_cell(_cell_paragraphs(text, align=align), widths[i]))
        rows.append(_row(cells))
    return _table(rows, widths, borders=True)


_ROMAN = re.compile(r"^(?=[IVXLC])M*(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})\.?$")


def _looks_like_area_number(text: str) -> bool:
    t = _nfc(text).strip()
    return bool(_ROMAN.match(t)) or bool(re.match(r"^(PHẦN|Phần)\s", t)) or bool(re.match(r"^[A-D]\.?$", t))


def _tail_xml(case: dict) -> str:
    out = ""
    if case.get("footnote"):
        out += _para("")
        for line in _nfc(case["footnote"]).split("\n"):
            out += _para(line, italic=True)
    sig = case.get("signature") or []
    rec = case.get("recipients") or []
    if not sig and not rec:
        return out
    out += _para("")
    left_w = int(TEXT_W * 0.5)
    right_w = TEXT_W - left_w
    left = []
    for i, line in enumerate(rec):
        if i == 0:
            left.append(_para(line, bold=True, italic=True, size=24))
        else:
            left.append(_para(line, size=22))
    right = []
    for i, line in enumerate(sig):
        last = i == len(sig) - 1
        if last and len(sig) > 1:
            right.append(_para("", align="center"))
            right.append(_para("", align="center"))
        right.append(_para(line, align="center", bold=True))
    out += _table([_row([_cell(left, left_w, borders=False), _cell(right, right_w, borders=False)])],
                  [left_w, right_w], borders=False)
    return out


def document_xml(case: dict) -> str:
    body = _heading_xml(case) + _main_table_xml(case) + _tail_xml(case)
    sect = (f'<w:sectPr><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}" w:orient="landscape"/>'
            f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" '
            'w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            f'<w:document xmlns:w="{W_NS}"><w:body>{body}{sect}</w:body></w:document>')


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>
<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>
<w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>
<w:tblPr><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>"""

RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>"""


def _core_xml(case: dict) -> str:
    title = _xml_text((case.get("source") or {}).get("title") or "")
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f"<dc:title>{title}</dc:title><dc:creator>cchc tests/data/official/build.py</dc:creator>"
            "</cp:coreProperties>")


def write_docx(case: dict, path) -> None:
    _write_parts(path, document_xml(case), _core_xml(case))


def _write_parts(path, document: str, core: str) -> None:
    path = Path(path)
    parts = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": RELS,
        "word/_rels/document.xml.rels": DOC_RELS,
        "word/document.xml": document,
        "word/styles.xml": STYLES,
        "docProps/core.xml": core,
    }
    tmp = path.with_suffix(path.suffix + ".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts.items():
            # fixed timestamp: identical input gives identical bytes
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data.encode("utf-8"))
    tmp.replace(path)


def write_prose_docx(text_path, path) -> None:
    """A plan written as prose (one paragraph per line, as in plans/sources/*.txt) as Word lays it out:
    the issuer | motto and number | place-and-date lines in a borderless two-column table, every other
    line a paragraph, and tab-separated lines (an annex table) a bordered table."""
    lines = _nfc(Path(text_path).read_text(encoding="utf-8")).splitlines()
    motto_at = next(i for i, line in enumerate(lines) if line.upper().startswith(("CỘNG HÒA", "ĐẢNG CỘNG SẢN")))
    number_at = next(i for i, line in enumerate(lines) if line.startswith("Số"))
    text_w = PAGE_H - 2 * MARGIN  # A4 portrait, as prose plans are printed
    left_w, right_w = int(text_w * 0.4), text_w - int(text_w * 0.4)
    heading = _table([
        _row([_cell([_para(x, align="center", bold=True) for x in lines[:motto_at]], left_w, borders=False),
              _cell([_para(x, align="center", bold=True) for x in lines[motto_at:number_at]], right_w, borders=False)]),
        _row([_cell([_para(lines[number_at], align="center")], left_w, borders=False),
              _cell([_para(lines[number_at + 1], align="center", italic=True)], right_w, borders=False)]),
    ], [left_w, right_w], borders=False)
    body, table = [heading], []
    for line in [*lines[number_at + 2 :], ""]:
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table:
            widths = [int(text_w * w) for w in (0.08, 0.62, 0.3)][: len(table[0])]
            body.append(_table([_row([_cell(_cell_paragraphs(c), w) for c, w in zip(cells, widths, strict=True)]) for cells in table], widths))
            table = []
        body.append(_para(line, bold=line == line.upper() and bool(line.strip())))
    sect = (f'<w:sectPr><w:pgSz w:w="{PAGE_H}" w:h="{PAGE_W}"/>'
            f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" w:left="{MARGIN}" '
            'w:header="567" w:footer="567" w:gutter="0"/></w:sectPr>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f'<w:document xmlns:w="{W_NS}"><w:body>{"".join(body)}{sect}</w:body></w:document>')
    _write_parts(path, document, _core_xml({}))


# ----------------------------------------------------------------------------- xlsx


def write_xlsx(case: dict, path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    cols = [_nfc(c) for c in case["columns"]]
    n = len(cols)
    wb = Workbook()
    ws = wb.active
    ws.title = "Kế hoạch"
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    center = Alignment(wrap_text=True, vertical="center", horizontal="center")
    bold = Font(bold=True, name="Times New Roman")
    normal = Font(name="Times New Roman")
    italic = Font(italic=True, name="Times New Roman")

    left_span = max(1, n // 2 - (1 if n >= 6 else 0))
    r = 1

    def put(row, col, value, font=normal, align=wrap, border=None):
        c = ws.cell(row=row, column=col, value=_nfc(value) if value is not None else None)
        c.font = font
        c.alignment = align
        if border:
            c.border = border
        return c

    def merge(row, c1, c2):
        if c2 > c1:
            ws.merge_cells(start_row=row, start_column=c1, end_row=row, end_column=c2)

    h = case["heading"]
    left_lines = list(h["issuer_lines"])
    right_lines = _motto(case)
    for i in range(max(len(left_lines), len(right_lines))):
        if i < len(left_lines):
            put(r, 1, left_lines[i], bold if i == len(left_lines) - 1 else normal, center)
            merge(r, 1, left_span)
        if i < len(right_lines):
            put(r, left_span + 1, right_lines[i], bold, center)
            merge(r, left_span + 1, n)
        r += 1
    put(r, 1, h.get("number") or "", normal, center)
    merge(r, 1, left_span)
    put(r, left_span + 1, h.get("place_date") or "", italic, center)
    merge(r, left_span + 1, n)
    r += 2
    for line in h.get("title_lines") or []:
        put(r, 1, line, bold, center)
        merge(r, 1, n)
        r += 1
    for line in h.get("annex_lines") or []:
        put(r, 1, line, italic if line.strip().startswith("(") else bold, center)
        merge(r, 1, n)
        r += 1
    r += 1
    for i, c in enumerate(cols):
        put(r, i + 1, c, bold, center, box)
    r += 1
    if case.get("column_numbers"):
        nums = case["column_numbers"] if isinstance(case["column_numbers"], list) \
            else [f"({i + 1})" for i in range(n)]
        for i, c in enumerate(nums):
            put(r, i + 1, c, italic, center, box)
        r += 1
    for raw in case["rows"]:
        row = [_nfc(c) for c in raw]
        if is_area_row(case, row):
            put(r, 1, row[0], bold, wrap, box)
            for j in range(2, n + 1):
                ws.cell(row=r, column=j).border = box
            merge(r, 1, n)
        elif len(row) == 2 and n > 2 and _looks_like_area_number(row[0]):
            put(r, 1, row[0], bold, center, box)
            put(r, 2, row[1], bold, wrap, box)
            for j in range(3, n + 1):
                ws.cell(row=r, column=j).border = box
            merge(r, 2, n)
        else:
            row = (row + [""] * n)[:n] if len(row) <= n else row[: n - 1] + [" ".join(row[n - 1:])]
            for i, text in enumerate(row):
                put(r, i + 1, text if text != "" else None, normal, center if i == 0 else wrap, box)
        r += 1
    if case.get("footnote"):
        r += 1
        put(r, 1, case["footnote"], italic, wrap)
        merge(r, 1, n)
        r += 1
    sig = case.get("signature") or []
    rec = case.get("recipients") or []
    if sig or rec:
        r += 1
        for i in range(max(len(sig), len(rec))):
            if i < len(rec):
                put(r + i, 1, rec[i], bold if i == 0 else normal, wrap)
                merge(r + i, 1, left_span)
            if i < len(sig):
                put(r + i, left_span + 1, sig[i], bold, center)
                merge(r + i, left_span + 1, n)
    widths = _column_widths(case)
    from openpyxl.utils import get_column_letter
    for i, w in enumerate(widths):
        ws.column_dimensions[get_column_letter(i + 1)].width = max(6, round(w / 150))
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    tmp = Path(str(path) + ".tmp")
    wb.save(tmp)
    tmp.replace(path)


# ----------------------------------------------------------------------------- cli


def load_case(path: Path) -> dict:
    import yaml

    with open(path, encoding="utf-8") as fh:
        case = yaml.safe_load(fh)
    for key in ("heading", "columns", "rows"):
        if key not in case:
            raise SystemExit(f"{path}: missing '{key}'")
    return case


def main(argv: list[str]) -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__)
        return 0 if argv else 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    here = Path(__file__).resolve().parent
    names = [Path(a) for a in argv[1:]] or sorted(p for p in here.glob("*.yaml") if not p.name.startswith("_"))
    for p in names:
        p = p if p.is_absolute() or p.exists() else here / p
        case = load_case(p)
        write_docx(case, out / f"{p.stem}.docx")
        write_xlsx(case, out / f"{p.stem}.xlsx")
        print(f"{p.stem}: {len(case['rows'])} rows -> {p.stem}.docx, {p.stem}.xlsx")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
