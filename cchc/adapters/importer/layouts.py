"""Recognise a plan table by the words of its header row, never by the file name.

A header cell is matched on its folded words ("5. CƠ QUAN CHỦ TRÌ" -> lead), so numbering, case,
HTML and diacritics do not matter. The set of roles found tells the layout:

* ``framework`` — objective / task / activity columns (Hải Dương khung, 8 columns);
* ``task-list`` — one text column (task or content) with lead and deadline (5 or 6 columns);
* ``annex`` — number / agency / note (a list of agencies attached to a plan);
* ``cells-per-line`` — the header written one cell per line (Hà Tĩnh), parsed by
  :mod:`cchc.adapters.importer.cells_per_line`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from cchc.adapters.importer.cells import clean_cell
from cchc.core.text import fold

FRAMEWORK = "framework"
TASK_LIST = "task-list"
ANNEX = "annex"
CELLS_PER_LINE = "cells-per-line"

# Checked in order: the first role whose words occur in the header cell wins.
_ROLE_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lead", ("chu tri",)),
    ("coop", ("phoi hop",)),
    ("objective", ("muc tieu",)),
    ("task", ("nhiem vu",)),
    ("activity", ("hoat dong",)),
    ("content", ("noi dung",)),
    ("product", ("san pham", "ket qua")),
    ("deadline", ("thoi gian", "thoi han", "tien do")),
    ("budget", ("kinh phi",)),
    ("note", ("ghi chu",)),
    ("agency", ("co quan", "don vi")),
)
_NUMBER_WORDS = {"stt", "tt", "so tt", "so thu tu"}
_STATUS_WORDS = ("tien do", "hien nay", "tinh hinh", "da dat", "ket qua thuc hien")
_NUMBER_PREFIX = re.compile(r"^\s*\d+\s*[.\-)]\s*")


@dataclass(frozen=True, slots=True)
class Header:
    roles: tuple[str | None, ...]  # role of each column, None for columns the importer ignores
    layout: str
    budget_multiplier: int = 1  # "Kinh phí (triệu đồng)": amounts are millions of VND

    def column(self, role: str) -> int | None:
        return self.roles.index(role) if role in self.roles else None


@lru_cache(maxsize=16384)  # every row is asked whether it is a header; its cells repeat (leads, deadlines)
def cell_role(text: str) -> str | None:
    words = fold(_NUMBER_PREFIX.sub("", clean_cell(text)))
    if words in _NUMBER_WORDS:
        return "number"
    if not words or len(words) > 60:
        return None
    for role, keys in _ROLE_WORDS:
        if any(key in words for key in keys):
            return role
    return None


def read_header(cells: list[str]) -> Header | None:
    """The header a row spells, or None when the row is not a table header."""
    if not any(len(c) <= 20 and cell_role(c) == "number" for c in cells):
        return None  # every header has a number column; this keeps data rows cheap
    roles = [cell_role(c) for c in cells]
    found = {r for r in roles if r}
    if "number" not in found or len(found) < 3:
        return None
    for role in ("deadline", "product"):  # a progress table adds "Tiến độ", "Kết quả hiện nay": status, not plan
        columns = [i for i, r in enumerate(roles) if r == role]
        if len(columns) > 1:
            keep = next((i for i in columns if not any(w in fold(cells[i]) for w in _STATUS_WORDS)), columns[0])
            roles = [None if r == role and i != keep else r for i, r in enumerate(roles)]
    if "lead" not in found and "agency" in found and found & {"task", "activity", "content"} and found & {"deadline", "product"}:
        roles = ["lead" if r == "agency" else r for r in roles]  # one "Cơ quan thực hiện" column: the lead
        found = {r for r in roles if r}
    if {"objective", "task", "activity"} <= found:
        layout = FRAMEWORK
    elif "lead" in found and found & {"task", "activity", "content"}:
        layout = TASK_LIST
        roles = ["text" if r in ("task", "activity", "content") else r for r in roles]
    elif "agency" in found:
        layout = ANNEX
    else:
        return None
    budget = next((c for c, r in zip(cells, roles, strict=False) if r == "budget"), "")
    multiplier = 1_000_000 if "trieu" in fold(budget) else 1
    return Header(tuple(roles), layout, multiplier)


def is_cells_per_line(lines: list[str]) -> bool:
    """True when a header is written one cell per line ("\\tTT", "\\t1- Mục tiêu/Chỉ tiêu", …)."""
    run: list[str | None] = []
    for line in lines:
        stripped = line.strip()
        if line.startswith("\t") and stripped and "\t" not in stripped:
            run.append(cell_role(stripped))
            if run[0] == "number" and len({r for r in run if r}) >= 4:
                return True
        elif stripped:
            run = []
    return False
