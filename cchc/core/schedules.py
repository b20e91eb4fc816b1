"""The schedule of an activity: its explicit override when the plan has one, else the grammar's reading."""

from __future__ import annotations

from cchc.core.deadlines import Schedule, parse_deadline, schedule_from_override
from cchc.core.model import Activity


def schedule_of(activity: Activity, period: tuple[int, int]) -> Schedule:
    """Raises ValueError for a malformed override (the validator reports it as P207)."""
    if activity.deadline_override is not None:
        return schedule_from_override(activity.deadline_override, period, activity.deadline or "")
    return parse_deadline(activity.deadline, period)
