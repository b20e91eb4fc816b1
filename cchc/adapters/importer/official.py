"""Documents in the official layout of Nghị định 30/2020/NĐ-CP (Word or Excel, as provinces publish them).

The plan table sits inside the furniture of an administrative document:

* the two-column heading: the issuer ("ỦY BAN NHÂN DÂN / TỈNH HƯNG YÊN", "BỘ NỘI VỤ", "CHÍNH PHỦ")
  beside the national motto, then "Số: 25/KH-UBND" beside "Hưng Yên, ngày 12 tháng 3 năm 2025";
* the title block: "KẾ HOẠCH" and its subject over one or more lines (or "QUYẾT ĐỊNH / Về việc ban
  hành Kế hoạch … năm 2026"), then "PHỤ LỤC …" and "(Kèm theo Kế hoạch số …)";
* after the table: a "Ghi chú:" footnote, "Nơi nhận:" and the signature block ("TM. ỦY BAN NHÂN DÂN /
  KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" and a name), in Excel as merged rows, in Word often as a borderless table.

:func:`read_heading` reads the plan's metadata from the rows above the table; :func:`furniture` tells
the rows that are not plan content (column-number rows, footnotes, signatures, recipients) so the
table parsers never see them. Nothing here needs the table's layout: the table itself is read by
:mod:`cchc.adapters.importer.tables`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc.adapters.importer import GUESS, SKIP, WARNING, ImportNote
from cchc.adapters.importer.cells import clean_cell, sentence_case
from cchc.adapters.importer.draftplan import DocumentRef, DraftPlan
from cchc.adapters.importer.sources import Row
from cchc.core.i18n import tr
from cchc.core.text import fold

_MOTTO = ("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc", "doc lap – tu do – hanh phuc", "dang cong san viet nam")
_NUMBER = re.compile(r"^số\s*(?::\s*(?P<number>\d*\s*/\s*[^\s,;]+|[^\s,;]+)?|\s(?P<bare>\d+[-/][^\s,;]+))", re.I)  # a Party document: "Số 402-CV/VPĐU"
_PLACE_DATE = re.compile(r"(?:^|\s)(?P<place>[^,\d\s][^,\d]{1,40}),\s*(?P<date>ngày\b.*?năm\s*\d{4})", re.I)
_DOC_WORDS = ("ke hoach", "khung ke hoach", "chuong trinh", "quyet dinh", "nghi quyet", "phu luc", "danh muc")
_DECISION = re.compile(r"^(?:về\s+việc\s+)?(?:ban\s+hành|phê\s+duyệt)\s+(?P<rest>.+)$", re.I | re.S)
_ANNEX_LINE = re.compile(r"^(?:phụ lục|biểu)\b", re.I)
_RANGE = re.compile(r"(\d{4})\s*[-–—]\s*(\d{4})")
_YEAR = re.compile(r"\bnăm\s+(\d{4})\b", re.I)
_ALONE_YEAR = re.compile(r"\b(20\d{2})\b")
_DATE = re.compile(r"ngày\s*\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4}|\b\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\b", re.I)
_PROVINCE_WORDS = re.compile(r"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)?\s*(?P<kind>tỉnh|thành phố|tp\.?)\s+(?P<name>.+)$", re.I)
_COMMUNE_WORDS = re.compile(r"^(?:ủy ban nhân dân|uỷ ban nhân dân|ubnd)?\s*(?P<kind>xã|phường|đặc khu)\s+(?P<name>.+)$", re.I)
_MINISTRY = re.compile(r"^(bộ|ủy ban|uỷ ban|ngân hàng nhà nước|thanh tra chính phủ|văn phòng chính phủ)\b", re.I)
# Head nouns of two words ("VĂN PHÒNG CHÍNH PHỦ" -> "Văn phòng Chính phủ") and names always written so.
_TWO_WORD_HEADS = ("văn phòng", "thanh tra", "ngân hàng", "ủy ban", "uỷ ban", "tổng cục", "kiểm toán", "bảo hiểm", "đảng ủy", "đảng uỷ")
_BODY_OF_ABOVE = ("van phong", "ban to chuc", "ban tuyen giao", "uy ban kiem tra")
_PROPER_NAMES = ("Chính phủ", "Nhà nước", "Việt Nam", "Quốc hội", "Trung ương")
_RULE = re.compile(r"^[\s\-_–—.*=]+$")
# Words kept in capitals when a title typed in capitals is put in sentence case.
_ACRONYMS = ("CCHC", "TTHC", "UBND", "HĐND", "CNTT", "QPPL", "KSTTHC", "CQHCNN", "ĐVSN", "NSNN", "PAR", "INDEX", "SIPAS")

# Rows that are not plan content.
_FOOTNOTE = re.compile(r"^\*?\s*(ghi chú|chú thích|lưu ý)\s*[:.]", re.I)
_RECIPIENTS = re.compile(r"^nơi nhận\s*:?", re.I)
_SIGNATURE = re.compile(
    r"^(?:(?:tm|kt|q|tl|th|tuq)\s*\.\s*\S|(?:phó\s+)?chủ tịch$|(?:thứ|bộ)\s+trưởng$|(?:phó\s+)?giám đốc$|(?:phó\s+)?thủ tướng$|"
    r"(?:phó\s+)?chánh văn phòng$|\(?đã ký\)?$|\(?ký,?\s+ghi rõ)",
    re.I,
)
_COLUMN_NUMBER = re.compile(r"^\(?\s*(?:\d{1,2}|[A-Za-z])\s*\)?(?:\s*=.*)?$")


@dataclass(slots=True)
class Heading:
    """What the heading and title block say (empty strings when a document leaves a part out)."""

    issuer: str = ""
    province: str = ""
    number: str = ""
    date: str = ""
    place: str = ""
    title: str = ""
    period: str | int | None = None
    central: bool = False  # a ministry's or the Government's document: no province
    notes: list[ImportNote] = field(default_factory=list)

    def fill(self, draft: DraftPlan) -> None:
        """Write what the heading says into the plan's metadata."""
        if self.province or self.central:
            draft.province = self.province or self.issuer
        if self.issuer:
            draft.issuer = self.issuer
        if self.number or self.date:
            draft.document = DocumentRef(self.number, self.date)
        if self.title:
            draft.title = self.title
        if self.period is not None:
            draft.period = self.period


def distinct(cells: list[str]) -> list[str]:
    """A row's texts once each (Excel repeats a merged cell's value in every cell it covers)."""
    out: list[str] = []
    for cell in cells:
        text = clean_cell(cell)
        if text and (not out or out[-1] != text):
            out.append(text)
    return out


def is_official(rows: list[Row], limit: int = 40, motto_only: bool = False) -> bool:
    """True when the rows above the table carry the national motto or (unless ``motto_only``: text
    extracted from a document has lost its heading table) a "Số: …/KH-…" line."""
    for row in rows[:limit]:
        for text in distinct(row.cells):
            for line in text.split("\n"):
                folded = fold(line)
                if any(m in folded for m in _MOTTO) or (not motto_only and _NUMBER.match(line.strip()) and "/" in line):
                    return True
    return False


def read_heading(rows: list[Row]) -> Heading:
    """Issuer, province, number, date, title and period from the rows above the plan table."""
    heading = Heading()
    issuer_lines: list[str] = []
    body: list[tuple[int, str]] = []  # full-width lines below the heading: title block, annex lines
    seen_number = False
    for row in rows:
        texts = distinct(row.cells)
        if not texts:
            body.append((row.line, ""))
            continue
        left, right = texts[0], texts[-1] if len(texts) > 1 else ""
        if len(texts) > 1 or any(m in fold(left) for m in _MOTTO):
            for line in left.split("\n") + right.split("\n"):
                _heading_line(line.strip(), heading, issuer_lines, seen_number)
                seen_number = seen_number or bool(heading.number or _NUMBER.match(line.strip()))
            continue
        for line in left.split("\n"):
            line = line.strip()
            # a heading extracted as lines: "Số: …" then "Bắc Ninh, ngày …" each on a line of its own
            if not heading.date and (not seen_number or _PLACE_DATE.match(line)) and _heading_line(line, heading, issuer_lines, seen_number):
                seen_number = seen_number or bool(_NUMBER.match(line))
                continue
            body.append((row.line, line))
    _issuer(issuer_lines, heading)
    _title(body, heading)
    return heading


def _heading_line(line: str, heading: Heading, issuer_lines: list[str], seen_number: bool) -> bool:
    """Take one line of the two-column heading; False when the line is not part of it."""
    if not line or _RULE.match(line):
        return bool(line)
    motto = next((fold(line).find(m) for m in _MOTTO if m in fold(line)), -1)
    if motto >= 0:  # "UBND TỈNH X    CỘNG HÒA …" typed on one line: the issuer is the part before
        if motto > 0:
            _heading_line(line[:motto].strip(), heading, issuer_lines, seen_number)
        return True
    number = _NUMBER.match(line)
    place_date = _PLACE_DATE.search(line)
    if place_date:
        heading.place = place_date.group("place").strip()
        heading.date = " ".join(place_date.group("date").split())
    if number:
        heading.number = re.sub(r"\s+", "", number.group("number") or number.group("bare") or "")
    if number or (place_date and place_date.start() <= 1):
        return True
    if not seen_number and line == line.upper() and not fold(line).startswith(_DOC_WORDS):
        issuer_lines.append(line)
        return True
    return False


def _proper(words: str) -> str:
    """'HẢI DƯƠNG' -> 'Hải Dương', 'BÀ RỊA - VŨNG TÀU' -> 'Bà Rịa - Vũng Tàu' (names in capitals)."""
    return " ".join(w[:1].upper() + w[1:].lower() for w in words.split())


def _agency_name(line: str) -> str:
    """'BỘ KHOA HỌC VÀ CÔNG NGHỆ' -> 'Bộ Khoa học và Công nghệ' (each part after 'và', ',' or '-' capitalised)."""
    if line != line.upper():
        return line
    words = line.lower().split()
    named = 2 if " ".join(words[:2]) in _TWO_WORD_HEADS else 1  # the word after the head noun starts the name
    out: list[str] = []
    capital = True
    for i, word in enumerate(words):
        keep = word.upper() if word.upper() in _ACRONYMS else word
        out.append(keep[:1].upper() + keep[1:] if capital or i == named else keep)
        capital = word in ("và", "-", "–") or word.endswith(",")
    name = " ".join(out)
    for proper in _PROPER_NAMES:
        name = re.sub(rf"(?<!\w){proper}(?!\w)", proper, name, flags=re.I)
    return name


def _issuer(lines: list[str], heading: Heading) -> None:
    lines = [line for line in lines if fold(line) not in ("", "-")]
    if not lines:
        return
    joined = " ".join(lines)
    for line in reversed(lines):
        match = _PROVINCE_WORDS.match(line.strip())
        if match:
            heading.province = _proper(match.group("name").strip(" .,"))
            break
    if not heading.province and _commune(lines, heading):
        return
    folded = fold(joined)
    if heading.province:
        if folded.startswith(("uy ban nhan dan", "ubnd")):
            kind = "thành phố" if re.search(r"\b(thanh pho|tp)\b", folded) else "tỉnh"
            heading.issuer = f"Ủy ban nhân dân {kind} {heading.province}"
        else:  # "UBND TỈNH X / SỞ NỘI VỤ": the body on the last line, of the province above
            heading.issuer = _agency_name(lines[-1])
        return
    heading.central = True
    if len(lines) > 1 and fold(lines[-1]) in _BODY_OF_ABOVE:  # "ĐẢNG ỦY CHÍNH PHỦ / VĂN PHÒNG": the office of the body above
        heading.issuer = f"{_agency_name(lines[-1])} {_agency_name(lines[-2])}"
    else:
        heading.issuer = _agency_name(lines[-1] if _MINISTRY.match(lines[-1]) or len(lines) == 1 else joined)
    heading.notes.append(ImportNote(None, GUESS, tr(
        f"văn bản của cơ quan trung ương '{heading.issuer}' (không ghi tỉnh): trường province ghi tên cơ quan ban hành",
        f"a central body's document '{heading.issuer}' (no province): the province field holds the issuer's name",
    )))


def _commune(lines: list[str], heading: Heading) -> bool:
    """A commune's document since 2025 ("ỦY BAN NHÂN DÂN / XÃ THẠCH LẠC"): the heading names no
    province, so it is looked up in the bundled list of commune-level units when the name is unique."""
    match = next((m for line in reversed(lines) if (m := _COMMUNE_WORDS.match(line.strip()))), None)
    if match is None:
        return False
    from cchc.adapters.unitsfile import load_units

    kind = match.group("kind").lower()
    name = _proper(match.group("name").strip(" .,"))
    heading.issuer = f"Ủy ban nhân dân {kind} {name}"
    wanted = fold(f"{kind} {name}")
    provinces = sorted({unit.province for unit in load_units().communes if fold(unit.name) == wanted})
    if len(provinces) == 1:
        heading.province = provinces[0]
        heading.notes.append(ImportNote(None, GUESS, tr(
            f"văn bản của {heading.issuer}: tỉnh {heading.province} theo danh mục đơn vị hành chính cấp xã từ 01/7/2025",
            f"a document of {heading.issuer}: province {heading.province} from the list of commune-level units since 1 July 2025",
        )))
    else:
        found = ", ".join(provinces) if provinces else tr("không có trong danh mục đơn vị hành chính", "not in the list of administrative units")
        heading.notes.append(ImportNote(None, WARNING, tr(
            f"văn bản của {heading.issuer} không ghi tỉnh ({found}): ghi --province",
            f"a document of {heading.issuer} names no province ({found}): give --province",
        )))
    return True


def _title(body: list[tuple[int, str]], heading: Heading) -> None:
    """The title block: a document word ('KẾ HOẠCH') and the lines after it, up to a blank line,
    an annex line or a reference in brackets; a decision's 'Về việc ban hành Kế hoạch …' gives the plan."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for line, text in body:
        if not text or _RULE.match(text):
            blocks.append([])
        else:
            blocks[-1].append((line, text))
    titles: list[tuple[str, list[str]]] = []
    for b, block in enumerate(blocks):
        for i, (_, text) in enumerate(block):
            word = fold(text).rstrip(" .:")
            if word in _DOC_WORDS or re.fullmatch(r"phu luc\s*[0-9ivx]*", word):
                rest: list[str] = []
                # the subject is below the word, or after a blank line (text extracted paragraph by paragraph)
                following = block[i + 1 :] or next((later for later in blocks[b + 1 :] if later), [])
                for _, more in following:
                    if more.startswith("(") or _ANNEX_LINE.match(more) or fold(more).startswith(("can cu", "chu tich", "dieu ")):
                        break
                    rest.append(more)
                titles.append((word, rest))
                break
    plan = next((rest for word, rest in titles if word in ("ke hoach", "khung ke hoach", "chuong trinh") and rest), None)
    decision = next((rest for word, rest in titles if word in ("quyet dinh", "nghi quyet") and rest), None)
    annex = next((rest for word, rest in titles if word.startswith(("phu luc", "danh muc")) and rest), None)
    title = ""
    if plan:
        word = next(w for w, r in titles if r is plan)
        title = _sentence(("Khung kế hoạch" if word == "khung ke hoach" else "Chương trình" if word == "chuong trinh" else "Kế hoạch"), plan)
    elif decision:
        subject = " ".join(decision)
        match = _DECISION.match(subject)
        title = _sentence("", [match.group("rest") if match else subject])
        if match:
            heading.notes.append(ImportNote(None, GUESS, tr("tên kế hoạch lấy từ trích yếu của quyết định ban hành", "plan title taken from the subject line of the decision")))
    elif annex:
        title = _sentence("", annex)
    if not title:  # a title line in capitals that does not start with a document word
        capitals = [text for _, text in body if text and text == text.upper() and len(text.split()) >= 3 and not text.startswith("(")]
        title = _sentence("", capitals[:3]) if capitals else ""
    heading.title = _restore_names(title, heading)
    period_text = " ".join([heading.title, *(" ".join(r) for _, r in titles)])
    heading.period = _period(period_text)


def _sentence(word: str, lines: list[str]) -> str:
    """'Kế hoạch' + 'CẢI CÁCH HÀNH CHÍNH NĂM 2026' -> 'Kế hoạch cải cách hành chính năm 2026'."""
    rest = " ".join(" ".join(lines).split())
    if rest and rest == rest.upper():
        rest = sentence_case(rest)
    if word:
        return f"{word} {rest[:1].lower() + rest[1:] if rest[1:2].islower() or not rest[1:2] else rest}".strip()
    return rest[:1].upper() + rest[1:]


def _restore_names(title: str, heading: Heading) -> str:
    """Put capitals back on the province name and common acronyms that sentence case lowered."""
    for acronym in _ACRONYMS:
        title = re.sub(rf"\b{re.escape(acronym.lower())}\b", acronym, title)
    if heading.province:
        title = re.sub(re.escape(heading.province.lower()), heading.province, title)
    return title


def _period(text: str) -> str | int | None:
    """'giai đoạn 2021 - 2025' -> '2021-2025'; 'năm 2026' -> 2026; None when the title names no year.
    The year of a date is not a period: "Nghị quyết 57-NQ/TW ngày 22 tháng 12 năm 2024" says when another
    document was adopted."""
    text = _DATE.sub(" ", text)
    span = _RANGE.search(text)
    if span and int(span.group(1)) < int(span.group(2)):
        return f"{span.group(1)}-{span.group(2)}"
    year = _YEAR.search(text) or _ALONE_YEAR.search(text)
    return int(year.group(1)) if year else None


# --- rows that are not plan content -----------------------------------------------------------


def column_numbers(texts: list[str]) -> bool:
    """'(1) (2) (3) …' or '1 2 3 4 5' under a header: the columns' numbers, not a row of the plan."""
    if len(texts) < 3 or not all(_COLUMN_NUMBER.match(t) for t in texts):
        return False
    digits = [int(d) for t in texts for d in re.findall(r"\d+", t.split("=")[0])]
    return len(digits) < 2 or digits == sorted(digits)


def furniture(rows: list[Row], is_header) -> tuple[list[Row], list[ImportNote]]:  # noqa: ANN001 - is_header(cells) -> bool
    """The rows without column-number rows, footnotes, recipients and signature blocks (each reported).

    A "Ghi chú:", "Nơi nhận:" or signature row starts a block that runs until the next table header
    or the next document word ("KẾ HOẠCH", "PHỤ LỤC" …): a signature's name and the recipient list
    belong to it.
    """
    kept: list[Row] = []
    notes: list[ImportNote] = []
    block: tuple[int, str] | None = None  # (first line, what) of the block being skipped
    last = 0

    def close() -> None:
        if block is not None:
            first, what = block
            span = f"{first}" if first == last else f"{first}–{last}"
            notes.append(ImportNote(first, SKIP, tr(f"dòng {span}: {what[0]}, không phải nội dung kế hoạch", f"lines {span}: {what[1]}, not plan content")))

    for row in rows:
        texts = distinct(row.cells)
        if block is not None:
            if texts and (is_header(row.cells) or fold(texts[0].split("\n")[0]).rstrip(" .:") in _DOC_WORDS):
                close()
                block = None
            else:
                if texts:
                    last = row.line
                continue
        if texts and is_header(row.cells):
            kept.append(row)
            continue
        what = _furniture_kind(texts)
        if what is None:
            kept.append(row)
            continue
        if what == "columns":
            notes.append(ImportNote(row.line, SKIP, tr("dòng đánh số cột (1), (2), (3) …", "column-number row (1), (2), (3) …")))
            continue
        block, last = (row.line, what), row.line
    close()
    return kept, notes


def _furniture_kind(texts: list[str]) -> tuple[str, str] | str | None:
    if not texts:
        return None
    if column_numbers(texts):
        return "columns"
    firsts = [t.split("\n")[0].strip() for t in texts]
    if any(_RECIPIENTS.match(f) for f in firsts):
        return ("nơi nhận và chữ ký", "recipients and signature")
    if any(_SIGNATURE.match(f) for f in firsts) and all(_SIGNATURE.match(f) or f == f.upper() or len(t) < 40 for f, t in zip(firsts, texts, strict=True)):
        return ("khối chữ ký", "signature block")
    if len(texts) == 1 and _FOOTNOTE.match(firsts[0]):
        return ("ghi chú cuối bảng", "footnote below the table")
    return None
