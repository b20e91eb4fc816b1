"""Every problem code cchc reports is in the catalogue (cchc/core/codes.py), every catalogue entry is
used, and the README's table is the catalogue's."""

from __future__ import annotations

import re

from cchc.core.codes import CODES, markdown_table
from tests.conftest import ROOT

CODE = re.compile(r'"([A-Z]\d{3})"')


def _used() -> set[str]:
    found = set()
    for path in (ROOT / "cchc").rglob("*.py"):
        if path.name != "codes.py":
            found.update(CODE.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_code_in_the_source_is_catalogued():
    assert sorted(_used() - set(CODES)) == []


def test_every_catalogued_code_is_used():
    assert sorted(set(CODES) - _used()) == []


def test_readme_table_is_the_catalogue():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert markdown_table() in readme, "regenerate with: python -m cchc.core.codes"
