"""Split a lead/co-op cell into agency names, using the registry's known names.

Commas cannot separate agencies on their own: "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố"
is two collectives. The splitter reads a cell left to right and at each point takes the *longest*
registry name (or alias) that ends at a separator; text no name explains is kept as written up to the
next place where a known name starts, and reported. Without a registry, a comma followed by a
lower-case word ("…, ban, ngành") continues the name before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc.adapters.importer.cells import bullet_items
from cchc.core.agencies import Registry
from cchc.core.i18n import tr
from cchc.core.text import exact_key, fold, squash

# Where one name may end: before a separator, a conjunction or a parenthetical gloss.
_BOUNDARY = re.compile(r"\s*(?:[,;:/]|\.(?=\s|$)|\.{3}|…|\s+và\s+|\s+với\s+|\s*\()")
_SEPARATORS = re.compile(r"(?:[\s,;:/.…]+|và\s+|với\s+)+")
_GLOSS = re.compile(r"\s*\([^)]*\)")
# "Các Sở: Tư pháp; Thông tin và Truyền thông" / "Các Sở, ngành: Tư pháp, Y tế"
_ENUMERATION = re.compile(r"^(?:các\s+)?sở(?:\s*,\s*(?:ban,\s*)?ngành)?\s*:\s*(.+)$", re.I | re.S)
# How agency names begin, for cells the registry does not explain ("Các quyết định …" is a product).
_HEAD_WORDS = re.compile(
    r"^(?:[Cc]ác\s+)?(?:UBND|Ủy ban|Uỷ ban|Văn phòng|Phòng|Sở|Cục|Chi cục|Kho bạc|Công an|Ngân hàng|Cơ quan|"
    r"cơ quan|CQHCNN|Đơn vị|đơn vị|ĐVSN|Tỉnh ủy|Tỉnh uỷ|Thanh tra|Bảo hiểm|sở|(?:Ban|Báo|Đài|Hội|Đoàn) (?=[A-ZĐ]))\b"
)


@dataclass(slots=True)
class Split:
    names: list[str]
    unknown: list[str] = field(default_factory=list)  # names kept as written that the registry lacks
    guesses: list[str] = field(default_factory=list)  # interpretations worth a line in the report


class AgencySplitter:
    """Splits cells against one registry (or by punctuation when there is none)."""

    def __init__(self, registry: Registry | None):
        self.registry = registry
        self._keys: set[str] = set()
        if registry is not None:
            for entry in [*registry.agencies, *registry.collectives]:
                for written in (entry.name, *entry.aliases):
                    self._keys.add(exact_key(written))
        self._longest = max((len(k) for k in self._keys), default=0)

    def known(self, name: str) -> bool:
        return exact_key(name) in self._keys

    def split(self, cell: str) -> Split:
        result = Split([])
        for item in _items(cell):
            enumeration = _ENUMERATION.match(item)
            if enumeration and self.registry is not None:
                self._scan(enumeration.group(1), result, prefix="Sở ")
            elif self.registry is not None:
                self._scan(item, result)
            else:
                result.names.extend(_split_by_case(item))
        unique: list[str] = []
        for name in result.names:
            if exact_key(name) not in {exact_key(u) for u in unique}:
                unique.append(name)
        result.names = unique
        return result

    def leading_name(self, text: str) -> str | None:
        """The longest registry name that opens ``text`` ("Sở Tài chính chủ trì, …" -> "Sở Tài chính")."""
        text = squash(text)
        ends = [m.start() for m in re.finditer(r"[\s,;:.]", text[: self._longest + 1])]
        return next((text[:end] for end in sorted({*ends, len(text)}, reverse=True) if end and exact_key(text[:end]) in self._keys), None)

    def looks_like_agencies(self, cell: str) -> bool:
        """True when every part of the cell is a known name or reads like one ("Sở …", "UBND …")."""
        items = _items(cell)
        if not items:
            return False
        for item in items:
            if self.known(item):
                continue
            split = self.split(item)
            if not split.names or any(not self.known(n) and not looks_like_agency(n) for n in split.names):
                return False
        return True

    def _scan(self, text: str, result: Split, prefix: str = "") -> None:
        text = squash(text)
        pos = 0
        previous = ""
        while pos < len(text):
            skip = _SEPARATORS.match(text, pos)
            if skip:
                pos = skip.end()
                continue
            end = self._match(text, pos, prefix)
            if end is not None:
                name = (prefix + text[pos:end]).strip()
                if prefix:
                    result.guesses.append(tr(f"'{text[pos:end]}' trong danh sách liệt kê được hiểu là '{name}'", f"'{text[pos:end]}' in an enumeration read as '{name}'"))
                result.names.append(name)
                previous = name
                pos = end
                gloss = _GLOSS.match(text, pos)
                if gloss:
                    result.guesses.append(tr(f"bỏ chú thích '{gloss.group(0).strip()}' sau '{name}'", f"dropped the gloss '{gloss.group(0).strip()}' after '{name}'"))
                    pos = gloss.end()
                continue
            if prefix:
                end = self._match(text, pos, "")
                if end is not None:
                    result.names.append(text[pos:end].strip())
                    pos = end
                    continue
            qualified = self._qualified(text, pos)
            if qualified is not None:
                name_end, chunk_end = qualified
                name = text[pos:name_end].strip()
                result.names.append(name)
                result.guesses.append(
                    tr(f"'{text[pos:chunk_end].strip()}' được hiểu là '{name}'", f"'{text[pos:chunk_end].strip()}' read as '{name}'")
                )
                previous = name
                pos = chunk_end
                continue
            chunk_end = self._unknown_end(text, pos)
            chunk = text[pos:chunk_end].strip().rstrip(".")
            elliptic = self._elliptic(previous, chunk)
            if elliptic:
                result.names.append(elliptic)
                result.guesses.append(tr(f"'{chunk}' được hiểu là '{elliptic}'", f"'{chunk}' read as '{elliptic}'"))
            elif chunk:
                result.names.append(chunk)
                result.unknown.append(chunk)
            pos = chunk_end

    def _ends(self, text: str, pos: int) -> list[int]:
        """Candidate end positions for a name starting at ``pos``, longest first."""
        ends = [m.start() for m in _BOUNDARY.finditer(text, pos) if m.start() > pos and m.start() - pos <= self._longest]
        ends.append(len(text))
        return sorted(set(ends), reverse=True)

    def _match(self, text: str, pos: int, prefix: str) -> int | None:
        """End of the longest known name at ``pos``: at a separator, or at a space when another
        known name follows (a separator left out: "Các sở, ban ngành UBND các cấp")."""
        best = next((end for end in self._ends(text, pos) if exact_key(prefix + text[pos:end]) in self._keys), None)
        spaces = [m.start() for m in re.finditer(r"\s", text[pos : pos + self._longest + 1])]
        for space in reversed(spaces):
            end = pos + space
            if best is not None and end <= best:
                break
            if exact_key(prefix + text[pos:end]) in self._keys and self._match(text, end + 1, "") is not None:
                return end
        return best

    def _qualified(self, text: str, pos: int) -> tuple[int, int] | None:
        """A known name followed by a lower-case qualifier ("… có liên quan", "… dự kiến được kiểm tra")."""
        chunk_end = self._unknown_end(text, pos)
        chunk = text[pos:chunk_end]
        words = [m.start() for m in re.finditer(r"\s+", chunk)]
        for cut in sorted(words, reverse=True):
            head, tail = chunk[:cut], chunk[cut:].strip()
            if tail[:1].islower() and exact_key(head) in self._keys:
                return pos + cut, chunk_end
        return None

    def _unknown_end(self, text: str, pos: int) -> int:
        """Where an unknown name ends: at the next boundary after which a known name starts."""
        for boundary in _BOUNDARY.finditer(text, pos):
            if boundary.start() <= pos:
                continue
            after = _SEPARATORS.match(text, boundary.start())
            start = after.end() if after else boundary.end()
            if start < len(text) and (self._match(text, start, "") is not None or self._qualified_start(text, start)):
                return boundary.start()
        return len(text)

    def _qualified_start(self, text: str, pos: int) -> bool:
        rest = exact_key(text[pos : pos + self._longest + 1])
        return any(rest.startswith(key + " ") and _HEAD_WORDS.match(text[pos:]) for key in self._keys)

    def _elliptic(self, previous: str, chunk: str) -> str | None:
        """'UBND cấp huyện, cấp xã': the second name borrows the head word of the first."""
        if not previous or not chunk or not chunk[:1].islower():
            return None
        words = previous.split()
        for size in range(1, min(3, len(words)) + 1):
            candidate = " ".join(words[:size]) + " " + chunk
            if self.known(candidate):
                return candidate
        return None


def looks_like_agency(name: str) -> bool:
    """True when ``name`` begins as agency names do ("Sở …", "UBND …", "Các cơ quan …")."""
    return bool(_HEAD_WORDS.match(name))


def _items(cell: str) -> list[str]:
    """Lines, bullets and ';'-parts of a cell; an enumeration ('Các Sở: a; b') keeps its ';' list."""
    items: list[str] = []
    for item in bullet_items(cell):
        parts = [item] if _ENUMERATION.match(item) else item.split(";")
        items.extend(p.strip().rstrip(".").strip() for p in parts if p.strip(" .;"))
    return items


def _split_by_case(text: str) -> list[str]:
    """Registry-less fallback: split on commas unless the next word is lower case ("…, ban, ngành") or
    the comma belongs to the name ("Sở Văn hóa, Thể thao và Du lịch")."""
    names: list[str] = []
    parts = [piece for part in re.split(r"\s*,\s*", squash(text)) for piece in _run_together(part)]
    for part in parts:
        part = part.strip().rstrip(".")
        if not part:
            continue
        if names and ((part[:1].islower() and not part.startswith("các ")) or _comma_inside(names[-1], part)):
            names[-1] += ", " + part
        else:
            names.append(part)
    return names


# Two names of the same kind with the separator left out: "Bộ Thông tin và Truyền thông Bộ Khoa học và
# Công nghệ" (a ministry's unit, "Vụ Pháp chế Bộ Tư pháp", starts with another word and is kept whole).
_SAME_HEAD = re.compile(r"\s+(?=(?:Bộ|Sở)\s+(\w))")


def _run_together(part: str) -> list[str]:
    """'Bộ A Bộ B' -> ['Bộ A', 'Bộ B'] when the part itself starts with that head word and the next
    name is capitalised."""
    if not part.startswith(("Bộ ", "Sở ")):
        return [part]
    pieces, start = [], 0
    for match in _SAME_HEAD.finditer(part):
        if match.group(1).isupper():
            pieces.append(part[start : match.start()])
            start = match.end()
    return [*pieces, part[start:]]
# Agency names with a comma of their own (Sở/Bộ Văn hóa, Thể thao và Du lịch): the part after it -> before it.
_AFTER_COMMA = {fold(after): fold(before) for before, after in [name.split(", ", 1) for name in ("Văn hóa, Thể thao và Du lịch",)]}


def _comma_inside(before: str, after: str) -> bool:
    """Whether ``before, after`` is one name cut at its own comma."""
    head = _AFTER_COMMA.get(fold(after))
    return head is not None and fold(before).endswith(head)
