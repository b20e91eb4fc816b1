"""Progress reports once read: what each agency reports done, per activity and occurrence.

Readers live in :mod:`cchc.adapters.progressfile`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

STATUSES = ("done", "in_progress", "not_started")


@dataclass(frozen=True, slots=True)
class ProgressEntry:
    plan_id: str
    activity_id: str
    occurrence: str | None
    status: str
    completed: dt.date | None
    evidence: str = ""
    link: str = ""
    agency_id: str | None = None  # the member who reported, for collective duties; None = everyone
    note: str = ""
    path: str = ""
    line: int | None = None


@dataclass
class ProgressBook:
    """All reported progress, indexed by (plan, activity, occurrence)."""

    entries: list[ProgressEntry]
    illustrative: bool = False

    def __post_init__(self) -> None:
        self._index: dict[tuple[str, str, str | None], list[ProgressEntry]] = {}
        for entry in self.entries:
            self._index.setdefault((entry.plan_id, entry.activity_id, entry.occurrence), []).append(entry)

    def for_occurrence(self, plan_id: str, activity_id: str, occurrence: str, single: bool) -> list[ProgressEntry]:
        """Entries about one occurrence; a one-occurrence schedule also takes entries without a key."""
        found = self._index.get((plan_id, activity_id, occurrence), [])
        if single:
            found = found + self._index.get((plan_id, activity_id, None), [])
        return found
