"""The plan model: what a CCHC plan holds once its YAML has been checked.

Plain dataclasses, no I/O. Each item keeps a reference to the YAML mapping it came from (``raw``) so
later checks can point at the exact line of a field without the model carrying positions itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Target:
    id: str
    indicator: str
    value: float
    op: str = ">="
    max: float | None = None
    unit: str = "%"
    level: str | None = None
    year: int | None = None
    baseline_year: int | None = None
    text: str = ""
    notes: list[str] = field(default_factory=list)
    owner_id: str = ""  # the area/objective/task/activity the target is attached to
    area_id: str = ""
    raw: Any = None

    def applies_to(self, year: int, level: str | None) -> bool:
        """True when the target binds ``year`` at ``level`` (level-less targets bind every level)."""
        return (self.year is None or self.year == year) and (self.level is None or level is None or self.level == level)


@dataclass(slots=True)
class Activity:
    id: str
    text: str
    number: str = ""
    products: list[str] = field(default_factory=list)
    lead: list[str] = field(default_factory=list)
    coop: list[str] = field(default_factory=list)
    deadline: str | None = None
    deadline_override: dict | None = None
    budget: str | None = None
    budget_vnd: int | None = None
    annex: str | None = None
    notes: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    area_id: str = ""
    objective_id: str | None = None
    task_id: str | None = None
    raw: Any = None


@dataclass(slots=True)
class Task:
    id: str
    text: str
    number: str = ""
    notes: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    raw: Any = None


@dataclass(slots=True)
class Objective:
    id: str
    text: str
    number: str = ""
    notes: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    raw: Any = None


@dataclass(slots=True)
class Area:
    id: str
    title: str
    par_area: str | None = None
    responsible: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    objectives: list[Objective] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)
    raw: Any = None


@dataclass(slots=True)
class AnnexEntry:
    agency: str
    number: str = ""
    group: str = ""
    text: str = ""
    note: str = ""


@dataclass(slots=True)
class Annex:
    id: str
    title: str
    entries: list[AnnexEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    raw: Any = None


@dataclass(slots=True)
class Plan:
    id: str
    province: str
    title: str
    period: tuple[int, int]
    path: str = ""
    issuer: str = ""
    document_number: str = ""
    document_date: str = ""
    document_url: str = ""
    source: str = ""
    registry: str | None = None
    notes: list[str] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)  # every activity, in document order
    targets: list[Target] = field(default_factory=list)  # every target, in document order
    raw: Any = None

    def period_label(self) -> str:
        first, last = self.period
        return str(first) if first == last else f"{first}-{last}"

    def item(self, item_id: str) -> Area | Objective | Task | Activity | Target | Annex | None:
        """Find any item by id (areas by their numbering)."""
        for area in self.areas:
            if area.id == item_id:
                return area
            for obj in area.objectives:
                if obj.id == item_id:
                    return obj
                for task in obj.tasks:
                    if task.id == item_id:
                        return task
            for task in area.tasks:
                if task.id == item_id:
                    return task
        for activity in self.activities:
            if activity.id == item_id:
                return activity
        for target in self.targets:
            if target.id == item_id:
                return target
        for annex in self.annexes:
            if annex.id == item_id:
                return annex
        return None
