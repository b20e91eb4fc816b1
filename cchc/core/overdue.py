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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from cchc.core.agencies import Agency, Collective, Registry, UnknownAgency
from cchc.core.deadlines import Occurrence
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


def duties(plan: Plan, registry: Registry | None, agency: Agency | Collective | None = None) -> Iterable[Duty | StandingItem]:
    """Every duty of a plan (optionally only those ``agency`` owes), and its standing items."""
    wanted = registry.expand(agency) if (registry is not None and agency is not None) else None
    for activity in plan.activities:
        schedule = schedule_of(activity, plan.period)
        if not schedule.occurrences:
            if wanted is None or _owes(activity, registry, agency, wanted) is not None:
                yield StandingItem(plan, activity, schedule.kind, (schedule.explanation_vi, schedule.explanation_en))
            continue
        single = len(schedule.occurrences) == 1
        owners = _owners(activity, registry, agency, wanted)
        for occurrence in schedule.occurrences:
            if agency is not None and not agency.is_collective and not agency.existed_on(occurrence.due):
                continue
            for name, owner_id, via, now in owners:
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
) -> OverdueReport:
    """The overdue list as of ``as_of``; ``agency_name`` is resolved leniently in each plan's registry."""
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
        for item in duties(plan, registry, agency):
            if isinstance(item, StandingItem):
                standing.append(item)
                continue
            status = assess(item, book, registry, as_of, within)
            if status.state == DUE_SOON:
                upcoming.append(status)
                continue
            if status.state == NOT_YET_DUE:
                continue
            group = groups.get((plan.province, item.owner_name))
            if group is None:
                group = groups[(plan.province, item.owner_name)] = AgencySummary(item.owner_name, item.now_name, plan.province)
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


def completion_counts(plans: list[tuple[Plan, Registry | None]], book: ProgressBook, year: int, as_of: dt.date) -> dict[str, tuple[int, int]]:
    """Per agency id: (occurrences done on time, occurrences due) for those due in ``year`` by ``as_of``.

    Collective leads are expanded: every member owes the occurrence. This is the input of the
    ``plan_completion_on_time`` indicator.
    """
    counts: dict[str, list[int]] = {}
    for plan, registry in plans:
        if registry is None:
            continue
        for activity in plan.activities:
            schedule = schedule_of(activity, plan.period)
            occurrences = [o for o in schedule.occurrences if o.due.year == year and o.due <= as_of]
            if not occurrences:
                continue
            members: set[str] = set()
            for name in activity.lead:
                entry = registry.lookup(name)
                if entry is not None:
                    members |= registry.expand(entry)
            for agency_id in members:
                agency = registry.by_id[agency_id]
                for occurrence in occurrences:
                    if not agency.existed_on(occurrence.due):
                        continue
                    duty = Duty(plan, activity, occurrence, len(schedule.occurrences) == 1, agency.name, agency_id, None, None)
                    state = assess(duty, book, registry, as_of, None).state
                    tally = counts.setdefault(agency_id, [0, 0])
                    tally[1] += 1
                    tally[0] += state == DONE_ON_TIME
    return {k: (v[0], v[1]) for k, v in counts.items()}


@dataclass(frozen=True)
class ActivityStatus:
    """How one activity stands: its occurrences due so far and the worst state among them."""

    state: str  # overdue | done_late | done_on_time | not_yet_due, or a standing kind (continuous …)
    due: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0


def activity_statuses(
    pairs: list[tuple[Plan, Registry | None]], book: ProgressBook, as_of: dt.date
) -> dict[tuple[str, str], ActivityStatus]:
    """Per (plan id, activity id), every lead's occurrences due by ``as_of``, assessed as ``cchc overdue`` does."""
    out: dict[tuple[str, str], ActivityStatus] = {}
    for plan, registry in pairs:
        tallies: dict[str, Counter] = {}
        for item in duties(plan, registry):
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
