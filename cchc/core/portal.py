"""Snapshots of the national portal's QĐ 766 index, and how units moved between them.

The portal (Cổng Dịch vụ công quốc gia) shows only current values, so offices copy its table on
dates of their choosing. A :class:`Snapshot` is one such copy for one province: per unit the six
group scores and the total, and the registry agency the unit was matched to (``None`` when no
registry entry answers to its name: such a unit is kept and reported, never dropped).

Group keys are those of the portal's report service (``report_tinh_766_service``):

==== ====================================== ========
CKMB Công khai, minh bạch                    18 points
TDGQ Tiến độ giải quyết                      20
CLGQ Dịch vụ công trực tuyến                 12
TTTT Thanh toán trực tuyến                   10
MDSH Mức độ số hóa hồ sơ                     22
MDHL Mức độ hài lòng                         18
==== ====================================== ========

Which of CLGQ/TTTT is online services and which online payment is known only from third-party
scraper code (tests/cases/portal/README.md); the totals do not depend on it.

:func:`trend` compares the first and last snapshot of a date range unit by unit: totals, the change,
the rank among units of the same kind on each date, and each group's change. A unit in only one
snapshot of the range has no change (``None``, not 0); a unit not matched to the registry has no
kind and so no rank. Pure: no I/O.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cchc.core.agencies import AGENCY_KINDS
from cchc.core.text import fold, squash

GROUPS: tuple[tuple[str, str, str], ...] = (
    ("CKMB", "Công khai, minh bạch", "Public disclosure"),
    ("TDGQ", "Tiến độ giải quyết", "Processing progress"),
    ("CLGQ", "Dịch vụ công trực tuyến", "Online services"),
    ("TTTT", "Thanh toán trực tuyến", "Online payment"),
    ("MDSH", "Mức độ số hóa hồ sơ", "Digitisation"),
    ("MDHL", "Mức độ hài lòng", "Satisfaction"),
)
GROUP_KEYS = tuple(key for key, _, _ in GROUPS)

# " - Tỉnh Phú Thọ", " - Thành phố Hải Phòng", " - TP Hà Nội": the portal's province suffix
_SUFFIX = re.compile(r"\s+[-–]\s+(?:tinh|thanh pho|tp\.?)\s+[^-–]+$")


def unit_key(name: str) -> str:
    """The name without the portal's province suffix, folded: how one unit is recognised across dates."""
    return _SUFFIX.sub("", fold(name)).strip()


def name_candidates(name: str) -> list[str]:
    """Names to look a portal unit up by: as written, then without the province suffix."""
    written = squash(name)
    folded = fold(written)
    match = _SUFFIX.search(folded)
    if match is None:
        return [written]
    # fold keeps one character per character of the NFC text, so the cut is at the same place
    return [written, written[: match.start()].strip()]


@dataclass
class Unit:
    """One row of the portal's table on one date."""

    name: str
    groups: dict[str, Decimal | None]
    total: Decimal | None
    portal_id: str = ""
    agency_id: str | None = None  # None: no registry entry answers to the name
    agency_name: str = ""
    kind: str = ""  # the agency's kind; ranks compare units of one kind
    line: int | None = None  # where it was read (import): the line or sheet row
    origin: str = ""  # the file it was read from, with ``[n]`` for the n-th JSON row or ``!row`` for xlsx

    @property
    def key(self) -> str:
        return self.agency_id or f"name:{unit_key(self.name)}"


@dataclass
class Snapshot:
    province: str
    date: dt.date
    units: list[Unit]
    source: str = ""  # the file it was imported from
    path: str = ""

    def ranks(self) -> dict[str, int]:
        """Rank by total among units of the same kind, ties shared (1, 2, 2, 4). Units without a total,
        and units not matched to the registry (whose kind is unknown), are not ranked."""
        by_kind: dict[str, list[Unit]] = {}
        for unit in self.units:
            if unit.total is not None and unit.kind:
                by_kind.setdefault(unit.kind, []).append(unit)
        ranks: dict[str, int] = {}
        for members in by_kind.values():
            members.sort(key=lambda u: u.total, reverse=True)
            previous, place = None, 0
            for position, unit in enumerate(members, start=1):
                if unit.total != previous:
                    previous, place = unit.total, position
                ranks[unit.key] = place
        return ranks


def match_units(units: list[Unit], find: Any) -> list[Unit]:
    """Attach the registry agency to each unit (``find(name)`` returns an agency or raises);
    returns the units nothing matched (they stay in ``units``)."""
    unmatched = []
    for unit in units:
        for candidate in name_candidates(unit.name):
            try:
                agency = find(candidate)
            except Exception:  # noqa: BLE001 - unknown or ambiguous: try the next form, else unmatched
                continue
            if getattr(agency, "is_collective", False):
                continue
            unit.agency_id, unit.agency_name, unit.kind = agency.id, agency.name, agency.kind
            break
        else:
            unmatched.append(unit)
    return unmatched


@dataclass
class Point:
    date: dt.date
    total: Decimal | None
    rank: int | None
    groups: dict[str, Decimal | None]


@dataclass
class Movement:
    """One unit from its first to its last snapshot in the range."""

    name: str
    agency_id: str | None
    agency_name: str
    kind: str
    history: list[Point]  # one point per snapshot of the range the unit is in, oldest first

    @property
    def first(self) -> Point:
        return self.history[0]

    @property
    def last(self) -> Point:
        return self.history[-1]

    @property
    def seen(self) -> int:
        return len(self.history)

    def total_on(self, date: dt.date) -> Decimal | None:
        return next((p.total for p in self.history if p.date == date), None)

    @property
    def delta(self) -> Decimal | None:
        """None when there is nothing to compare: one snapshot only, or a total missing."""
        if self.seen < 2 or self.first.total is None or self.last.total is None:
            return None
        return self.last.total - self.first.total

    @property
    def rank_change(self) -> int | None:
        """Positive: moved up."""
        if self.seen < 2 or self.first.rank is None or self.last.rank is None:
            return None
        return self.first.rank - self.last.rank

    def group_deltas(self) -> dict[str, Decimal | None]:
        out: dict[str, Decimal | None] = {}
        for key in GROUP_KEYS:
            before, after = self.first.groups.get(key), self.last.groups.get(key)
            out[key] = None if self.seen < 2 or before is None or after is None else after - before
        return out


@dataclass
class Trend:
    province: str
    dates: list[dt.date]
    movements: list[Movement]
    province_totals: list[tuple[dt.date, Decimal | None]] = field(default_factory=list)  # the province's own row, per date
    unmatched: list[str] = field(default_factory=list)

    def movers(self, count: int = 5) -> list[Movement]:
        """The units whose total changed most (either way), largest first."""
        changed = [m for m in self.movements if m.delta]
        return sorted(changed, key=lambda m: (-abs(m.delta), m.name))[:count]  # type: ignore[arg-type]


def trend(snapshots: list[Snapshot], start: dt.date | None = None, end: dt.date | None = None) -> Trend:
    """Compare the snapshots dated within [start, end], each unit from its first date to its last."""
    chosen = sorted((s for s in snapshots if (start is None or s.date >= start) and (end is None or s.date <= end)), key=lambda s: s.date)
    province = chosen[0].province if chosen else ""
    history: dict[str, list[Point]] = {}
    latest: dict[str, Unit] = {}
    totals: list[tuple[dt.date, Decimal | None]] = []
    unmatched: dict[str, str] = {}
    for snapshot in chosen:
        ranks = snapshot.ranks()
        totals.append((snapshot.date, _province_total(snapshot)))
        for unit in snapshot.units:
            history.setdefault(unit.key, []).append(Point(snapshot.date, unit.total, ranks.get(unit.key), dict(unit.groups)))
            latest[unit.key] = unit
            if unit.agency_id is None:
                unmatched.setdefault(unit.key, unit.name)
    movements = [Movement(u.name, u.agency_id, u.agency_name, u.kind, history[key]) for key, u in latest.items()]
    kinds = {kind: i for i, kind in enumerate(AGENCY_KINDS)}
    movements.sort(key=lambda m: (kinds.get(m.kind, len(kinds)), m.last.rank is None, m.last.rank or 0, m.name))
    return Trend(province, [s.date for s in chosen], movements, totals, sorted(unmatched.values()))


def _province_total(snapshot: Snapshot) -> Decimal | None:
    """The province's own row (its provincial committee, or "UBND tỉnh <province>"), if the table has one."""
    wanted = {f"ubnd tinh {fold(snapshot.province)}", f"tinh {fold(snapshot.province)}", f"ubnd thanh pho {fold(snapshot.province)}"}
    for unit in snapshot.units:
        if unit.kind == "provincial-committee" or unit_key(unit.name) in wanted:
            return unit.total
    return None
