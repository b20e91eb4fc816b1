"""Vietnamese text as data: NFC on load, folded forms for matching, suggestions for typos."""

from __future__ import annotations

import difflib
import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"\s+")
# đ/Đ are letters of their own, not d plus a combining mark, so NFD does not split them.
_FOLD_LETTERS = str.maketrans({"đ": "d", "Đ": "d"})
_VIETNAMESE_MARKS = re.compile("[\u0300-\u036f]")  # the combining marks NFD splits Vietnamese letters into


def nfc(text: str) -> str:
    """Compose decomposed (NFD) Vietnamese so equal words compare equal."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)  # a registry load normalises each name four times (duplicate and successor checks, strict and lenient keys)
def squash(text: str) -> str:
    """NFC, single spaces, trimmed: the canonical form of a name as written."""
    return _SPACES.sub(" ", nfc(text)).strip()


def exact_key(text: str) -> str:
    """Case-insensitive key that keeps diacritics ("Sở Nội vụ" != "Sở Nôi vụ")."""
    return squash(text).casefold()


def fold(text: str) -> str:
    """Case- and diacritic-insensitive key ("SỞ NỘI VỤ", "so noi vu" -> "so noi vu")."""
    bare = _VIETNAMESE_MARKS.sub("", unicodedata.normalize("NFD", squash(text).translate(_FOLD_LETTERS)))
    if not bare.isascii():  # marks of other scripts, rare: the general (slower) test
        bare = "".join(ch for ch in bare if not unicodedata.combining(ch))
    return bare.casefold()


MAX_SUGGEST_LENGTH = 300  # longer "names" are pasted paragraphs, not typos: no fuzzy matching (it is slow)


def suggest(word: str, candidates: dict[str, str], limit: int = 3) -> list[str]:
    """Closest known names to ``word``; ``candidates`` maps folded key -> display name."""
    if len(word) > MAX_SUGGEST_LENGTH:
        return []
    keys = difflib.get_close_matches(fold(word), list(candidates), n=limit * 3, cutoff=0.6)
    seen: list[str] = []
    for key in keys:
        name = candidates[key]
        if name not in seen:
            seen.append(name)
    return seen[:limit]
