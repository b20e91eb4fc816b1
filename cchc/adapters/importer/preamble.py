"""Plan metadata from the text above the table: title, document number and date, issuer, period.

Decisions start with "Số: /QĐ-UBND", a title in capitals and "(Ban hành kèm theo Quyết định số …
ngày … của …)"; the values are kept as written (blank numbers stay blank: "/KH-UBND").
"""

from __future__ import annotations

import re

from cchc.adapters.importer import GUESS, ImportNote
from cchc.adapters.importer.cells import sentence_case
from cchc.adapters.importer.draftplan import DocumentRef, DraftPlan
from cchc.core.i18n import tr

_REFERENCE = re.compile(
    r"\(\s*(?:ban hành\s+)?kèm theo\s+(?P<kind>kế hoạch|quyết định|công văn)\s+số\s*:?\s*(?P<number>[^\s,)]*)\s*"
    r"(?P<date>ngày.*?năm\s*\d{4})?\s*(?:của\s+(?P<issuer>[^)]+))?\)",
    re.I | re.S,
)
_DOC_WORD = re.compile(r"^(kế hoạch|khung kế hoạch|phụ lục(?:\s+\d+)?)$", re.I)
_RANGE = re.compile(r"(\d{4})\s*[-–]\s*(\d{4})")
_YEAR = re.compile(r"năm\s+(\d{4})", re.I)
_PROVINCE = re.compile(r"\btỉnh\s+(.+)")
_SKIP_TITLE = re.compile(r"^(số\s*:|###|quyết định|chủ tịch|căn cứ|theo đề nghị|điều \d|nơi nhận|-|\()", re.I)


def read_preamble(lines: list[str], draft: DraftPlan) -> list[ImportNote]:
    """Fill ``draft``'s metadata from ``lines`` (cleaned paragraphs above the table); notes on guesses."""
    notes: list[ImportNote] = []
    text = " ".join(lines)
    reference = _REFERENCE.search(text)
    if reference:
        draft.document = DocumentRef(reference.group("number"), " ".join((reference.group("date") or "").split()))
        if reference.group("issuer"):
            draft.issuer = " ".join(reference.group("issuer").split())
    title = _title(lines)
    if title:
        draft.title = title
        period = _RANGE.search(title)
        year = _YEAR.search(title)
        if period:
            draft.period = f"{period.group(1)}-{period.group(2)}"
        elif year:
            draft.period = int(year.group(1))
    province = next(filter(None, (_province(line) for line in lines)), None)
    if province:
        draft.province = province
        notes.append(ImportNote(None, GUESS, tr(f"tỉnh '{province}' lấy từ phần mở đầu", f"province '{province}' taken from the preamble")))
    return notes


def _province(line: str) -> str | None:
    """'… của Ủy ban nhân dân tỉnh Hải Dương)' -> 'Hải Dương' (the capitalised words after 'tỉnh')."""
    for match in _PROVINCE.finditer(line):
        words = []
        for word in match.group(1).split():
            word = word.strip(").,;*")
            if not (word[:1].isupper() and word[1:].islower()):
                break
            words.append(word)
        if words:
            return " ".join(words)
    return None


def _title(lines: list[str]) -> str:
    """'KẾ HOẠCH' + the line after it, or the first line in capitals; sentence case."""
    candidates = [line.strip() for line in lines if line.strip()]
    for i, line in enumerate(candidates):
        if _DOC_WORD.match(line) and i + 1 < len(candidates):
            rest = _REFERENCE.sub("", candidates[i + 1]).strip()
            following = rest[:1].lower() + rest[1:] if rest[:2] != rest[:2].upper() else rest
            return f"{sentence_case(line)} {following}".strip()
    parts: list[str] = []
    for line in candidates:
        line = re.sub(r"^phụ lục\s*\d*\s*", "", _REFERENCE.sub("", line), flags=re.I).strip()
        capitals = len(line.split()) >= 2 and line == line.upper() and not _SKIP_TITLE.match(line)
        if capitals and (parts or len(line.split()) >= 3):
            parts.append(line)
        elif parts:
            break
    return sentence_case(" ".join(parts))
