"""What a single table cell says: cleaned text, numbering, deadlines, budgets.

Cells extracted from Word carry HTML fragments (``<p>``, ``<b>``, ``<li>``, ``<br>``), markdown bold
remnants (``**``) and bullet lists; these functions turn them into plain text with one list item per
line, and recognise the kinds of content a plan table holds so that shifted columns can be put back.
"""

from __future__ import annotations

import html
import re

from cchc.core.text import fold, nfc

_BLOCK_TAGS = re.compile(r"<\s*(?:br|/p|/li|/div|/tr|/h\d)\s*/?>|<\s*(?:li|p|div|ul|ol)(?:\s[^>]*)?>", re.I)
_ANY_TAG = re.compile(r"<[^>]{0,200}>")
_BOLD_MARKS = re.compile(r"\*{2,3}|(?<!\w)\*(?=\S)|(?<=\S)\*(?!\w)")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+")
_SPACES = re.compile(r"[ \t\u00a0]+")
_LIST_ITEM = re.compile(r"<\s*li(?:\s[^>]*)?>", re.I)
BULLET = re.compile(r"^\s*(?:[-–+•●▪]\s+|[-+•]\s*(?=\S))")
# "- a; - b" written inline in one paragraph: a dash that follows end punctuation starts an item.
_INLINE_BULLET = re.compile(r"(?<=[.;:])\s+-\s+")

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN_HEAD = re.compile(r"^(" + "|".join(sorted(ROMAN, key=len, reverse=True)) + r")(?:[.:]|\s+|$)\s*(.*)$", re.S)
_STT = re.compile(r"^(\d{1,5})\s*[.)]?$")
# "1.1. Mục tiêu 1: …", "2.1: Nhiệm vụ 1: …", "3.9.Hoạt động 9: …", "1.6 Mục tiêu 6: …"
_HEADING = re.compile(r"^(\d+(?:\.\d+)*)\s*[.:]?\s*((mục tiêu|nhiệm vụ|hoạt động)\b.*)$", re.I | re.S)
_LABEL_NUMBER = re.compile(r"^(?:mục tiêu|nhiệm vụ|hoạt động)\s*(\d+)", re.I)
HEADING_KINDS = {"muc tieu": "objective", "nhiem vu": "task", "hoat dong": "activity"}

_AMOUNT = re.compile(r"^(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s*(?:đồng|đ|vnđ|vnd)?\.?$", re.I)
_DEADLINE_START = re.compile(
    r"^(?:năm|trong năm|trong tháng|hàng|hằng|thường xuyên|quý|tháng|từ|chậm nhất|trước|đến|khi|sau khi|"
    r"theo lộ trình|theo kế hoạch|theo yêu cầu|định kỳ|kết hợp|\d{1,2}/\d{4}|\d{4}\b)",
    re.I,
)
_BUDGET_START = re.compile(r"^(?:theo quy định|theo dự toán|theo đề án|ngân sách|kinh phí|nguồn|không|0$)", re.I)


def clean_cell(raw: str | None) -> str:
    """Plain text of a cell: tags and ``**`` removed, entities decoded, one list item per line."""
    if not raw:
        return ""
    text = nfc(str(raw)).replace("\r\n", "\n").replace("\r", "\n")
    if "<" in text:
        text = _LIST_ITEM.sub(lambda _m: "\n\u2063", text)  # mark list items so they get a bullet
        text = _BLOCK_TAGS.sub("\n", text)
        text = _ANY_TAG.sub("", text)
        text = html.unescape(text)
    if "*" in text:
        text = _BOLD_MARKS.sub(" ", text)
    lines = []
    for line in text.split("\n"):
        item = line.startswith("\u2063")
        line = _SPACES.sub(" ", _MD_HEADING.sub("", line.replace("\u2063", ""))).strip()
        if not line:
            continue
        if item and not BULLET.match(line):
            line = "- " + line
        lines.append(line)
    return "\n".join(lines)


def bullet_items(text: str) -> list[str]:
    """Split a cleaned cell into lines and bullet items (also "- a; - b" written inline)."""
    items: list[str] = []
    for line in text.split("\n"):
        for part in _INLINE_BULLET.split(line) if BULLET.match(line) else [line]:
            part = BULLET.sub("", part).strip()
            if part:
                items.append(part)
    return items


def list_items(text: str) -> list[str]:
    """Items of a list cell: lines, bullets and ';'-separated parts (products are written so)."""
    items: list[str] = []
    for item in bullet_items(text):
        for piece in item.split(";"):
            piece = piece.strip().rstrip(",;").strip()
            if piece:
                items.append(piece)
    return items


def join_fragments(first: str, second: str) -> str:
    """Join the two halves of a cell cut by a page break (a list item starts on its own line)."""
    if not first:
        return second
    if not second:
        return first
    glue = "\n" if BULLET.match(second) else " "
    return first + glue + second


def roman_heading(text: str) -> tuple[str, str] | None:
    """('II', 'Cải cách thủ tục hành chính') for an area row written 'II Cải cách …' or 'II'."""
    match = _ROMAN_HEAD.match(text.strip())
    if not match:
        return None
    return match.group(1), match.group(2).strip()


def stt(text: str) -> str | None:
    """The serial number of a row ('12', '3.' -> '3'), or None when the cell is not one."""
    match = _STT.match(text.strip())
    return match.group(1) if match else None


def heading(text: str) -> tuple[str, str, str] | None:
    """(kind, number, rest) for 'x.y. Mục tiêu n: …' style cells; kind is objective/task/activity."""
    match = _HEADING.match(text.strip())
    if not match:
        bare = _LABEL_NUMBER.match(text.strip())
        if not bare:
            return None
        return HEADING_KINDS[fold(bare.group(0).rsplit(None, 1)[0])], "", text.strip()
    label = fold(match.group(3))
    return HEADING_KINDS[label], match.group(1), match.group(2).strip()


def label_number(text: str) -> str | None:
    """The ordinal in 'Nhiệm vụ 13: …' (the label a document numbers its items with)."""
    match = _LABEL_NUMBER.match(text.strip())
    return match.group(1) if match else None


def amount_vnd(text: str, multiplier: int = 1) -> int | None:
    """An amount of money written as '449.578.000.000 đồng' (or '120' million when multiplier=10**6)."""
    match = _AMOUNT.match(text.strip())
    if not match:
        return None
    digits = re.sub(r"[.,\s]", "", match.group(1))
    return int(digits) * multiplier


def looks_like_deadline(text: str) -> bool:
    return bool(_DEADLINE_START.match(text.strip()))


def looks_like_budget(text: str) -> bool:
    stripped = text.strip()
    return amount_vnd(stripped) is not None or bool(_BUDGET_START.match(stripped))


def starts_lowercase(text: str) -> bool:
    """True when a cell begins mid-sentence (the tail of a cell cut by a page break)."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0].isalpha() and stripped[0].islower()


def sentence_case(text: str) -> str:
    """'KHUNG KẾ HOẠCH …' -> 'Khung kế hoạch …' for titles typed in capitals; a document cited by its
    number keeps it ('THỰC HIỆN NGHỊ QUYẾT 71/NQ-CP' -> 'thực hiện Nghị quyết 71/NQ-CP')."""
    if not text or text != text.upper():
        return text
    lowered = " ".join(word if any(ch.isdigit() for ch in word) else word.lower() for word in text.split(" "))
    lowered = _CITED_DOCUMENT.sub(lambda m: m.group(1)[:1].upper() + m.group(1)[1:] + m.group(2), lowered)
    return lowered[0].upper() + lowered[1:]


_CITED_DOCUMENT = re.compile(r"\b(nghị quyết|quyết định|nghị định|chỉ thị|kế hoạch|thông tư|công văn|kết luận|luật)(\s+(?:số\s+)?\S*\d)")
