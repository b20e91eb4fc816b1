"""Plan completion as an indicator input: per agency, the share of due occurrences done on time.

Turns :func:`cchc.core.overdue.completion_counts` over the province's plans and the run's progress
book into ``plan_completion_on_time`` figures for the scorecard. Figures given in files win over
these (see ``FigureSet.add_missing``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from cchc.core.figures import Figure
from cchc.core.i18n import tr
from cchc.core.overdue import completion_counts

INDICATOR = "plan_completion_on_time"
COMPUTED_INDICATORS = frozenset({INDICATOR})  # cchc works these out itself: forms do not ask for them


def plan_completion_figures(plans: list[tuple[Any, Any]], book: Any, year: int, as_of: dt.date, source_path: str) -> list[Figure]:
    """Computed figures for ``year``, counting occurrences due by 31/12 or by ``as_of``, whichever is
    first. No progress reported for these plans that year means no figures ("no data"), not 0 %."""
    plan_ids = {plan.id for plan, _ in plans}
    if not any(entry.plan_id in plan_ids and _in_year(entry, year) for entry in book.entries):
        return []
    cut = min(dt.date(year, 12, 31), as_of)
    source = tr("tính từ báo cáo tiến độ", "computed from progress reports")
    return [
        Figure(agency_id=agency_id, indicator=INDICATOR, period=str(year), numerator=on_time, denominator=due, source=source, path=source_path)
        for agency_id, (on_time, due) in sorted(completion_counts(plans, book, year, cut).items())
    ]


def _in_year(entry: Any, year: int) -> bool:
    """A report about that year: its occurrence key starts with the year, or it was completed then."""
    if entry.occurrence:
        return str(entry.occurrence).startswith(str(year)) or str(year) in str(entry.occurrence)
    return entry.completed is not None and entry.completed.year == year
