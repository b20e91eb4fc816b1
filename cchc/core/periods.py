"""Reporting windows: which days a quarterly, six-month, yearly or monthly report covers.

National practice for periodic CCHC reports (data cut off on the 14th): Q1 runs from 15/12 of the
previous year to 14/3, Q2 from 15/3 to 14/6, Q3 from 15/6 to 14/9, Q4 from 15/9 to 14/12; six months
from 15/12 to 14/6; the year from 15/12 of the previous year to 14/12; a month from the 15th of the
month before to the 14th. ``calendar`` windows are plain calendar quarters, halves, years and months.

Period keys: ``2024-Q1`` … ``2024-Q4``, ``2024-H1`` (six months), ``2024`` or ``2024-Y`` (year),
``2024-05`` (month). Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from cchc.core.i18n import tr

_KEY = re.compile(r"^(\d{4})(?:-(?:([Qq])([1-4])|([Hh])1|([Yy])|(\d{1,2})))?$")
_ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True, slots=True)
class Window:
    key: str  # normalised: 2024-Q4, 2024-H1, 2024, 2024-05
    start: dt.date
    end: dt.date
    calendar: bool

    @property
    def year(self) -> int:
        return int(self.key[:4])

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def label(self) -> str:
        """``Quý IV năm 2024 (15/09/2024 – 14/12/2024)``."""
        year = self.key[:4]
        rest = self.key[5:]
        if rest.startswith("Q"):
            name = tr(f"Quý {_ROMAN[int(rest[1]) - 1]} năm {year}", f"Q{rest[1]} {year}")
        elif rest == "H1":
            name = tr(f"6 tháng đầu năm {year}", f"First half of {year}")
        elif rest:
            name = tr(f"Tháng {int(rest)} năm {year}", f"{dt.date(int(year), int(rest), 1):%B} {year}")
        else:
            name = tr(f"Năm {year}", f"Year {year}")
        return f"{name} ({self.start:%d/%m/%Y} – {self.end:%d/%m/%Y})"


class BadPeriod(ValueError):
    """A period key that is not one of the forms above."""


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _cut(year: int, month: int) -> dt.date:
    """The day after the 14th of the month before ``month`` (15/12 of the year before for January)."""
    return dt.date(year - 1, 12, 15) if month == 1 else dt.date(year, month - 1, 15)


def window(key: str, calendar: bool = False) -> Window:
    """The reporting window of a period key; raises :class:`BadPeriod` for anything else."""
    match = _KEY.match(key.strip())
    if not match:
        raise BadPeriod(key)
    year = int(match.group(1))
    _, q, quarter, half, _whole, month = match.groups()
    if q:
        n = int(quarter)
        first, last = 3 * n - 2, 3 * n
        name = f"{year}-Q{n}"
    elif half:
        first, last, name = 1, 6, f"{year}-H1"
    elif month:
        m = int(month)
        if not 1 <= m <= 12:
            raise BadPeriod(key)
        first = last = m
        name = f"{year}-{m:02d}"
    else:
        first, last, name = 1, 12, str(year)
    if calendar:
        return Window(name, dt.date(year, first, 1), _month_end(year, last), True)
    start = _cut(year, 1 if (half or not (q or month)) else first)
    return Window(name, start, dt.date(year, last, 14), False)
