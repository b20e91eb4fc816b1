"""The plan a layout reads, as typed items, and the one conversion to the plan document that is written.

A layout builds a :class:`DraftPlan` while it reads the rows; the pipeline then splits agency cells
into names and adds targets on the same items, and :func:`plan_document` turns the result into the
YAML-ready dict of docs/plan-format.md. Every area, objective, task and activity carries the source
``line`` it came from, so the report can point at it; nothing private ever reaches the dict.

The items are mutable on purpose: reading a table repairs items after they are made (text cut by a
page break joined back, a merged cell put back on the rows above, notes added on the way).
Item ``notes`` are the notes written into the plan (in Vietnamese, whatever ``--lang`` says): a cell
the importer drops or rewrites always leaves one there.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

# Keys in the order docs/plan-format.md shows them, so the YAML reads top-down.
_KEY_ORDER = (
    "kind", "id", "province", "issuer", "document", "title", "period", "source", "registry",
    "number", "group", "agency", "text", "par_area", "responsible", "products", "lead", "coop",
    "deadline", "deadline_override", "budget", "budget_vnd", "annex", "indicator", "op", "value",
    "max", "unit", "level", "year", "baseline_year", "note", "notes", "targets", "objectives",
    "tasks", "activities", "areas", "annexes", "entries",
)
_RANK = {key: i for i, key in enumerate(_KEY_ORDER)}


@dataclass(slots=True)
class DraftActivity:
    id: str
    text: str
    line: int  # source line (text), row (xlsx) or block (docx) the activity was read from
    number: str = ""
    products: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)  # cells as written; agency names once the pipeline split them
    coop: list[str] = field(default_factory=list)
    deadline: str = ""
    budget: str = ""
    budget_vnd: int | None = None
    annex: str = ""
    notes: list[str] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)  # plan-format targets (cchc.adapters.importer.targets)


@dataclass(slots=True)
class DraftTask:
    id: str
    text: str
    line: int
    number: str = ""
    notes: list[str] = field(default_factory=list)
    activities: list[DraftActivity] = field(default_factory=list)


@dataclass(slots=True)
class DraftObjective:
    id: str
    text: str
    line: int
    number: str = ""
    notes: list[str] = field(default_factory=list)
    targets: list[dict] = field(default_factory=list)
    tasks: list[DraftTask] = field(default_factory=list)
    activities: list[DraftActivity] = field(default_factory=list)


@dataclass(slots=True)
class DraftArea:
    id: str
    title: str
    line: int
    par_area: str | None = None
    responsible: list[str] = field(default_factory=list)  # cells as written, split by the pipeline like leads
    notes: list[str] = field(default_factory=list)
    objectives: list[DraftObjective] = field(default_factory=list)
    tasks: list[DraftTask] = field(default_factory=list)
    activities: list[DraftActivity] = field(default_factory=list)

    def all_activities(self) -> Iterator[DraftActivity]:
        """Every activity of the area, whatever objective or task holds it (the area's own first)."""
        yield from self.activities
        for objective in self.objectives:
            yield from objective.activities
            for task in objective.tasks:
                yield from task.activities
        for task in self.tasks:
            yield from task.activities


@dataclass(frozen=True, slots=True)
class AnnexEntry:
    number: str
    group: str
    agency: str
    text: str  # the agency cell as written
    note: str = ""


@dataclass(slots=True)
class DraftAnnex:
    id: str
    title: str
    entries: list[AnnexEntry] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """The plan's document number and date as written ("25/KH-UBND", "ngày 12 tháng 3 năm 2025")."""

    number: str
    date: str


@dataclass(slots=True)
class DraftPlan:
    """Metadata is left empty when the document does not say it: the pipeline and ``--title`` … fill it."""

    id: str = ""
    province: str = ""
    issuer: str = ""
    document: DocumentRef | None = None
    title: str = ""
    period: str | int | None = None
    source: str = ""  # the imported file's name
    notes: list[str] = field(default_factory=list)
    areas: list[DraftArea] = field(default_factory=list)
    annexes: list[DraftAnnex] = field(default_factory=list)

    def all_activities(self) -> Iterator[DraftActivity]:
        for area in self.areas:
            yield from area.all_activities()


def plan_document(draft: DraftPlan) -> dict:
    """The plan file's content: keys in the format's order, empty values left out."""
    document = {"number": draft.document.number, "date": draft.document.date} if draft.document else None
    plan = {
        "kind": "plan", "id": draft.id, "province": draft.province, "issuer": draft.issuer, "document": document,
        "title": draft.title, "period": draft.period, "source": draft.source, "notes": draft.notes,
        "areas": [_area(a) for a in draft.areas],
        "annexes": [{"id": x.id, "title": x.title, "entries": [_entry(e) for e in x.entries]} for x in draft.annexes],
    }
    return _tidy(plan)


def _area(area: DraftArea) -> dict:
    return {
        "id": area.id, "title": area.title, "par_area": area.par_area, "responsible": area.responsible, "notes": area.notes,
        "objectives": [_objective(o) for o in area.objectives],
        "tasks": [_task(t) for t in area.tasks],
        "activities": [_activity(a) for a in area.activities],
    }


def _objective(objective: DraftObjective) -> dict:
    return {
        "id": objective.id, "number": objective.number, "text": objective.text, "notes": objective.notes,
        "targets": objective.targets,
        "tasks": [_task(t) for t in objective.tasks],
        "activities": [_activity(a) for a in objective.activities],
    }


def _task(task: DraftTask) -> dict:
    return {
        "id": task.id, "number": task.number, "text": task.text, "notes": task.notes,
        "activities": [_activity(a) for a in task.activities],
    }


def _activity(activity: DraftActivity) -> dict:
    return {
        "id": activity.id, "number": activity.number, "text": activity.text, "products": activity.products,
        "lead": activity.lead, "coop": activity.coop, "deadline": activity.deadline, "budget": activity.budget,
        "budget_vnd": activity.budget_vnd, "annex": activity.annex, "notes": activity.notes, "targets": activity.targets,
    }


def _entry(entry: AnnexEntry) -> dict:
    return {"number": entry.number, "group": entry.group, "agency": entry.agency, "text": entry.text, "note": entry.note}


def _tidy(value: object) -> object:
    """Leave out empty lists and texts; order keys as the format shows them."""
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    if not isinstance(value, dict):
        return value
    kept = {k: _tidy(v) for k, v in value.items() if v not in ([], None, "")}
    return {k: kept[k] for k in sorted(kept, key=lambda k: _RANK.get(k, len(_RANK)))}
