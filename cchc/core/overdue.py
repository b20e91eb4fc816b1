"""Which occurrences are late, and whose they are — the first question of every review meeting.

Pure core: plans, registries and reported progress in, an :class:`OverdueReport` out. One *duty* is
one occurrence of one activity owed by one lead entry. Without an agency filter a collective lead
("Các sở, ban, ngành") is one row under the collective's name; with ``agency`` the collective is
expanded, so Sở Nội vụ sees its own rows and those it owes as a member.

A progress entry completes a duty when it names the same activity and occurrence and either names
no agency (it is about everybody), names the duty's owner, or names a collective the owner belongs
to. A completion dated after ``as_of`` does not count yet, so past dates can be replayed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from cchc.core.agencies import Agency, Collective, Registry, UnknownAgency
from cchc.core.deadlines import Occurrence
from cchc.core.i18n import get_lang, tr
from cchc.core.model import Activity, Plan
from cchc.core.progress import ProgressBook, ProgressEntry
from cchc.core.schedules import schedule_of

OVERDUE = "overdue"
DONE_ON_TIME = "done_on_time"
DONE_LATE = "done_late"
DUE_SOON = "due_soon"
NOT_YET_DUE = "not_yet_due"


@dataclass(frozen=True, slots=True)
class Duty:
    plan: Plan
    activity: Activity
    occurrence: Occurrence
    single: bool  # the schedule has one occurrence (progress may omit the key)
    owner_name: str  # the lead as the plan writes it, or the agency asked for
    owner_id: str | None
    via: str | None  # the collective through which the asked-for agency owes it
    now_name: str | None  # who carries the duty today, when the owner has merged


@dataclass(frozen=True, slots=True)
class DutyStatus:
    duty: Duty
    state: str
    completed: dt.date | None
    days_late: int  # days past due (overdue: as of today; done late: at completion)
    reported: str | None  # the latest reported status ("in_progress" …) when not done
    evidence: str = ""


@dataclass
class AgencySummary:
    name: str
    now_name: str | None
    province: str
    due: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0
    rows: list[DutyStatus] = field(default_factory=list)  # overdue rows, latest first
    collective: bool = False  # a collective that could not be expanded (no known members)


@dataclass(frozen=True, slots=True)
class StandingItem:
    """Continuous, conditional or unspecified work: listed, never counted as overdue."""

    plan: Plan
    activity: Activity
    kind: str
    explanation: tuple[str, str]


@dataclass
class OverdueReport:
    as_of: dt.date
    agency: str | None
    within: int | None
    groups: list[AgencySummary]
    upcoming: list[DutyStatus]
    standing: list[StandingItem]
    illustrative: bool = False

    def overdue_rows(self) -> list[DutyStatus]:
        return [row for group in self.groups for row in group.rows]


def duties(
    plan: Plan, registry: Registry | None, agency: Agency | Collective | None = None, by_member: bool = False
) -> Iterable[Duty | StandingItem]:
    """Every duty of a plan (optionally only those ``agency`` owes, or each member's share of a
    collective's with ``by_member``), and its standing items."""
    wanted = registry.expand(agency) if (registry is not None and agency is not None) else None
    for activity in plan.activities:
        schedule = schedule_of(activity, plan.period)
        if not schedule.occurrences:
            if wanted is None or _owes(activity, registry, agency, wanted) is not None:
                yield StandingItem(plan, activity, schedule.kind, (schedule.explanation_vi, schedule.explanation_en))
            continue
        single = len(schedule.occurrences) == 1
        if by_member and agency is None and registry is not None:
            owners = _members_owing(activity, registry)
        else:
            owners = _owners(activity, registry, agency, wanted)
        for occurrence in schedule.occurrences:
            if agency is not None and not agency.is_collective and not agency.existed_on(occurrence.due):
                continue
            for name, owner_id, via, now in owners:
                if by_member and owner_id is not None and not _existed(registry, owner_id, occurrence.due):
                    continue
                yield Duty(plan, activity, occurrence, single, name, owner_id, via, now)


def _owes(activity: Activity, registry: Registry, agency: Agency | Collective, wanted: frozenset[str]) -> str | None:
    """'' when ``agency`` leads directly, the collective's name when through one, None if not at all."""
    for name in activity.lead:
        entry = registry.lookup(name)
        if entry is None:
            continue
        if entry.id == agency.id:
            return ""
        if entry.is_collective and registry.expand(entry) & wanted:
            return entry.name
    return None


def _owners(activity, registry, agency, wanted) -> list[tuple[str, str | None, str | None, str | None]]:  # noqa: ANN001
    if agency is not None:
        via = _owes(activity, registry, agency, wanted)
        if via is None:
            return []
        return [(agency.name, agency.id, via or None, _now(registry, agency))]
    if not activity.lead:
        return [("", None, None, None)]
    out = []
    for name in activity.lead:
        entry = registry.lookup(name) if registry is not None else None
        out.append((entry.name if entry else name, entry.id if entry else None, None, _now(registry, entry)))
    return out


def _members_owing(activity: Activity, registry: Registry) -> list[tuple[str, str | None, str | None, str | None]]:
    """Each agency that owes the activity once: named directly, or as a member of a collective lead
    (``via`` that collective). Unknown names and collectives without known members stay as written."""
    owing: dict[str, str | None] = {}
    unresolved: list[tuple[str, str | None, str | None, str | None]] = []
    for name in activity.lead:
        entry = registry.lookup(name)
        if entry is None:
            unresolved.append((name, None, None, None))
        elif not entry.is_collective:
            owing[entry.id] = None  # named directly: not "as a member", whatever came before
        elif registry.members(entry.id):
            for member in sorted(registry.members(entry.id)):
                owing.setdefault(member, entry.name)
        else:
            unresolved.append((entry.name, entry.id, None, None))
    if not activity.lead:
        unresolved.append(("", None, None, None))
    order = {a.id: i for i, a in enumerate(registry.agencies)}
    members = []
    for agency_id in sorted(owing, key=order.__getitem__):
        agency = registry.by_id[agency_id]
        members.append((agency.name, agency_id, owing[agency_id], _now(registry, agency)))
    return members + unresolved


def _existed(registry: Registry | None, owner_id: str, day: dt.date) -> bool:
    entry = registry.by_id.get(owner_id) if registry is not None else None
    return entry is None or entry.is_collective or entry.existed_on(day)


def _now(registry: Registry | None, entry: Agency | Collective | None) -> str | None:
    if registry is None or entry is None or entry.is_collective:
        return None
    successor = registry.successor_of(entry)
    return successor.name if successor else None


def _completes(entry: ProgressEntry, duty: Duty, registry: Registry | None) -> bool:
    if entry.agency_id is None or entry.agency_id == duty.owner_id:
        return True
    if registry is None or duty.owner_id is None:
        return False
    reporter = registry.by_id.get(entry.agency_id)
    return reporter is not None and reporter.is_collective and duty.owner_id in registry.members(reporter.id)


def assess(duty: Duty, book: ProgressBook, registry: Registry | None, as_of: dt.date, within: int | None) -> DutyStatus:
    entries = [e for e in book.for_occurrence(duty.plan.id, duty.activity.id, duty.occurrence.key, duty.single) if _completes(e, duty, registry)]
    due = duty.occurrence.due
    done = [e for e in entries if e.status == "done" and e.completed is not None and e.completed <= as_of]
    if done:
        first = min(done, key=lambda e: e.completed)  # type: ignore[arg-type, return-value]
        late = (first.completed - due).days  # type: ignore[operator]
        return DutyStatus(duty, DONE_LATE if late > 0 else DONE_ON_TIME, first.completed, max(late, 0), "done", first.evidence)
    reported = max(entries, key=lambda e: (e.line or 0)).status if entries else None
    if due < as_of:
        return DutyStatus(duty, OVERDUE, None, (as_of - due).days, reported)
    if within is not None and (due - as_of).days <= within:
        return DutyStatus(duty, DUE_SOON, None, 0, reported)
    return DutyStatus(duty, NOT_YET_DUE, None, 0, reported)


def overdue_report(
    plans: list[tuple[Plan, Registry | None]],
    book: ProgressBook,
    as_of: dt.date,
    agency_name: str | None = None,
    within: int | None = None,
    year: int | None = None,
    by_member: bool = False,
) -> OverdueReport:
    """The overdue list as of ``as_of``; ``agency_name`` is resolved leniently in each plan's registry.

    ``year`` keeps only the occurrences due that year (one year of a multi-year plan); ``by_member``
    gives each member of a collective its own group (ignored when ``agency_name`` is given)."""
    groups: dict[tuple[str, str], AgencySummary] = {}
    upcoming: list[DutyStatus] = []
    standing: list[StandingItem] = []
    shown_agency = agency_name
    unknown: UnknownAgency | None = None
    found_anywhere = False
    for plan, registry in plans:
        agency = None
        if agency_name is not None:
            if registry is None:
                continue
            try:
                agency = registry.find(agency_name)
            except UnknownAgency as exc:  # another province's registry may know it
                unknown = unknown or exc
                continue
            found_anywhere = True
            shown_agency = agency.name
        for item in duties(plan, registry, agency, by_member):
            if isinstance(item, StandingItem):
                standing.append(item)
                continue
            if year is not None and item.occurrence.due.year != year:
                continue
            status = assess(item, book, registry, as_of, within)
            if status.state == DUE_SOON:
                upcoming.append(status)
                continue
            if status.state == NOT_YET_DUE:
                continue
            group = groups.get((plan.province, item.owner_name))
            if group is None:
                entry = registry.by_id.get(item.owner_id) if (registry is not None and item.owner_id) else None
                group = groups[(plan.province, item.owner_name)] = AgencySummary(
                    item.owner_name, item.now_name, plan.province, collective=entry is not None and entry.is_collective
                )
            group.due += 1
            if status.state == OVERDUE:
                group.overdue += 1
                group.rows.append(status)
            elif status.state == DONE_LATE:
                group.done_late += 1
            else:
                group.done_on_time += 1
    for group in groups.values():
        group.rows.sort(key=lambda s: (-s.days_late, s.duty.plan.id, s.duty.activity.id))
    if agency_name is not None and not found_anywhere and unknown is not None:
        raise unknown
    ordered = sorted(groups.values(), key=lambda g: (-g.overdue, -(max((r.days_late for r in g.rows), default=0)), g.province, g.name))
    upcoming.sort(key=lambda s: (s.duty.occurrence.due, s.duty.activity.id))
    return OverdueReport(as_of, shown_agency, within, ordered, upcoming, standing, book.illustrative)


@dataclass
class Tally:
    """One agency's occurrences due in a year by a date: ``due`` = on time + late + overdue + pending
    (pending: due on the very date, not done yet — not late, not on time either)."""

    due: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0
    pending: int = 0


def member_tallies(plans: list[tuple[Plan, Registry | None]], book: ProgressBook, year: int, as_of: dt.date) -> dict[str, Tally]:
    """Per agency id, its occurrences due in ``year`` by ``as_of`` (collectives expanded to members)."""
    tallies: dict[str, Tally] = {}
    for plan, registry in plans:
        if registry is None:
            continue
        for item in duties(plan, registry, by_member=True):
            if isinstance(item, StandingItem) or item.owner_id is None or item.via is None and registry.by_id[item.owner_id].is_collective:
                continue
            due = item.occurrence.due
            if due.year != year or due > as_of:
                continue
            state = assess(item, book, registry, as_of, None).state
            tally = tallies.setdefault(item.owner_id, Tally())
            tally.due += 1
            if state == DONE_ON_TIME:
                tally.done_on_time += 1
            elif state == DONE_LATE:
                tally.done_late += 1
            elif state == OVERDUE:
                tally.overdue += 1
            else:
                tally.pending += 1
    return tallies


def completion_counts(plans: list[tuple[Plan, Registry | None]], book: ProgressBook, year: int, as_of: dt.date) -> dict[str, tuple[int, int]]:
    """Per agency id: (occurrences done on time, occurrences due) for those due in ``year`` by ``as_of``.

    Collective leads are expanded: every member owes the occurrence. This is the input of the
    ``plan_completion_on_time`` indicator.
    """
    return {k: (t.done_on_time, t.due) for k, t in member_tallies(plans, book, year, as_of).items()}


@dataclass(frozen=True)
class ActivityStatus:
    """How one activity stands: its occurrences due so far and the worst state among them."""

    state: str  # overdue | done_late | done_on_time | not_yet_due, or a standing kind (continuous …)
    due: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0


def activity_statuses(
    pairs: list[tuple[Plan, Registry | None]], book: ProgressBook, as_of: dt.date, agency_name: str | None = None
) -> dict[tuple[str, str], ActivityStatus]:
    """Per (plan id, activity id), every lead's occurrences due by ``as_of``, assessed as ``cchc overdue``
    does; with ``agency_name``, only the activities that agency owes, and only its share."""
    out: dict[tuple[str, str], ActivityStatus] = {}
    for plan, registry in pairs:
        if agency_name is not None and registry is None:
            continue
        agency = registry.find(agency_name) if agency_name is not None else None  # type: ignore[union-attr]
        tallies: dict[str, Counter] = {}
        for item in duties(plan, registry, agency):
            if isinstance(item, StandingItem):
                out[(plan.id, item.activity.id)] = ActivityStatus(item.kind)
                continue
            tallies.setdefault(item.activity.id, Counter())[
                assess(item, book, registry, as_of, None).state
            ] += 1
        for activity_id, tally in tallies.items():
            state = next((s for s in (OVERDUE, DONE_LATE, DONE_ON_TIME) if tally[s]), NOT_YET_DUE)
            due = tally[OVERDUE] + tally[DONE_LATE] + tally[DONE_ON_TIME]
            out[(plan.id, activity_id)] = ActivityStatus(
                state, due, tally[DONE_ON_TIME], tally[DONE_LATE], tally[OVERDUE]
            )
    return out


# -- one row per duty, periods in words --------------------------------------------------------


@dataclass(frozen=True)
class DutyGroup:
    """The overdue occurrences of one activity owed by one owner, earliest first."""

    statuses: tuple[DutyStatus, ...]

    @property
    def duty(self) -> Duty:
        return self.statuses[0].duty

    @property
    def count(self) -> int:
        return len(self.statuses)

    @property
    def days_late(self) -> int:
        """Days past the earliest missed due date."""
        return max(s.days_late for s in self.statuses)

    @property
    def first_due(self) -> dt.date:
        return self.statuses[0].duty.occurrence.due

    @property
    def reported(self) -> str | None:
        """What was last reported about the latest occurrence."""
        return self.statuses[-1].reported

    @property
    def periods(self) -> str:
        return periods_words([s.duty.occurrence.key for s in self.statuses])


def group_recurring(rows: Iterable[DutyStatus]) -> list[DutyGroup]:
    """One :class:`DutyGroup` per (plan, activity, owner, route), in the order of each group's first row."""
    found: dict[tuple, list[DutyStatus]] = {}
    for status in rows:
        d = status.duty
        found.setdefault((d.plan.id, d.activity.id, d.owner_name, d.via), []).append(status)
    return [DutyGroup(tuple(sorted(group, key=lambda s: s.duty.occurrence.due))) for group in found.values()]


_KEY = re.compile(r"^(\d{4})(?:-(H[12]|Q[1-4]|\d{2})(?:-(\d{2}))?)?$")
_ROMAN = ("", "I", "II", "III", "IV")


def _parse_key(key: str) -> tuple[int, str, int, int] | None:
    """(year, unit, number, day) of an occurrence key: "2024", "2024-H1", "2024-Q3", "2024-08", "2024-09-15"."""
    found = _KEY.match(key)
    if found is None:
        return None
    year, part, day = found.groups()
    if part is None:
        return int(year), "year", 0, 0
    if part[0] in "HQ":
        return int(year), "half" if part[0] == "H" else "quarter", int(part[1]), 0
    return int(year), "day" if day else "month", int(part), int(day or 0)


def _one_period(year: int, unit: str, number: int, day: int) -> str:
    if unit == "year":
        return tr(f"Năm {year}", f"Year {year}")
    if unit == "half":
        return tr(f"6 tháng {'đầu' if number == 1 else 'cuối'} năm {year}", f"{'First' if number == 1 else 'Second'} half of {year}")
    if unit == "quarter":
        return tr(f"Quý {_ROMAN[number]}/{year}", f"Q{number} {year}")
    if unit == "month":
        return tr(f"Tháng {number}/{year}", f"{number:02d}/{year}")
    return tr(f"Ngày {day:02d}/{number:02d}/{year}", f"{day:02d}/{number:02d}/{year}")


def period_words(key: str) -> str:
    """An occurrence key in words: "2021-08" → "Tháng 8/2021", "2024-Q1" → "Quý I/2024", a window
    "2022-11/2023-01" → "Tháng 11/2022 – tháng 1/2023"; an unknown key as it is."""
    if "/" in key:
        first, last = key.split("/", 1)
        tail = period_words(last)
        return f"{period_words(first)} – {tail[:1].lower() + tail[1:] if get_lang() == 'vi' else tail}"
    parsed = _parse_key(key)
    return key if parsed is None else _one_period(*parsed)


def periods_words(keys: Iterable[str]) -> str:
    """Several occurrences in few words: "Tháng 1–12/2024", "Quý I, III/2024", "Năm 2021–2023"."""
    parts: list[str] = []
    runs: dict[tuple[str, int], list[int]] = {}
    years: list[int] = []
    for key in keys:
        parsed = _parse_key(key)
        if parsed is None or parsed[1] in ("day", "half"):
            parts.append(period_words(key))
        elif parsed[1] == "year":
            years.append(parsed[0])
        else:
            runs.setdefault((parsed[1], parsed[0]), []).append(parsed[2])
    if years:
        parts.insert(0, tr("Năm ", "Year " if len(years) == 1 else "Years ") + _ranges(years, str))
    for (unit, year), numbers in runs.items():
        if unit == "month":
            parts.append(tr(f"Tháng {_ranges(numbers, str)}/{year}", f"{_ranges(numbers, lambda n: f'{n:02d}')}/{year}"))
        else:
            parts.append(tr(f"Quý {_ranges(numbers, _ROMAN.__getitem__)}/{year}", f"Q{_ranges(numbers, str)} {year}"))
    return "; ".join(parts)


def _ranges(numbers: list[int], show) -> str:  # noqa: ANN001
    """1, 2, 3, 5 → "1–3, 5" (runs of three or more joined by a dash)."""
    numbers = sorted(set(numbers))
    out: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        out.append(f"{show(start)}–{show(prev)}" if prev - start >= 2 else ", ".join(show(i) for i in range(start, prev + 1)))
        if n is not None:
            start = prev = n
    return ", ".join(out)
