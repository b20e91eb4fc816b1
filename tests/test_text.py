"""Folded keys: case and diacritics dropped, đ read as d, in Vietnamese and in other scripts."""

from __future__ import annotations

import unicodedata

import pytest

from cchc.core.text import fold


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("SỞ NỘI VỤ", "so noi vu"),
        ("Ủy ban nhân dân xã Đồng Văn", "uy ban nhan dan xa dong van"),
        (unicodedata.normalize("NFD", "Sở Nội vụ"), "so noi vu"),  # decomposed input folds the same
        ("  Sở   Tư  pháp ", "so tu phap"),
        ("naïve café", "naive cafe"),
        ("Ελληνικά", "ελληνικα"),  # a mark outside the Vietnamese block takes the general path
    ],
)
def test_fold(text: str, key: str) -> None:
    assert fold(text) == key
