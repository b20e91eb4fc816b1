"""Plan completion as an indicator input: per agency, the share of due occurrences done on time.

Reads the progress reports under ``reports/`` for the province's plans and turns
:func:`cchc.overdue.completion_counts` into ``plan_completion_on_time`` figures for the scorecard.
Figures given in files win over these (see ``FigureSet.add_missing``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc.agencies import Registry
from cchc.figures import Figure
from cchc.i18n import tr
from cchc.overdue import completion_counts
from cchc.problems import CchcError
from cchc.progress import load_progress, progress_files
from cchc.workspace import Workspace

PROGRESS_ROOT = Path("reports")


def plan_completion_figures(workspace: Workspace, registry: Registry, year: int, today: dt.date | None = None) -> list[Figure]:
    """Computed figures for ``year``, counting occurrences due by 31/12 or by today, whichever is first."""
    if not PROGRESS_ROOT.exists():
        return []
    plans = [(plan, registry) for plan in workspace.plans if workspace.registry_of(plan) is registry]
    registries = {plan.id: workspace.registry_of(plan) for plan in workspace.plans}
    book, problems = load_progress(progress_files(PROGRESS_ROOT), workspace.plans, registries, skip_other_plans=workspace.partial)
    if problems:
        raise CchcError("\n".join(p.format() for p in problems[:20]))
    if not any(entry.plan_id in {plan.id for plan, _ in plans} for entry in book.entries):
        return []  # no progress reported for this province: "no data", not 0 %
    as_of = min(dt.date(year, 12, 31), today or dt.date.today())
    source = tr("tính từ báo cáo tiến độ", "computed from progress reports")
    return [
        Figure(agency_id=agency_id, indicator="plan_completion_on_time", period=str(year), numerator=on_time, denominator=due, source=source, path=str(PROGRESS_ROOT))
        for agency_id, (on_time, due) in sorted(completion_counts(plans, book, year, as_of).items())
    ]
