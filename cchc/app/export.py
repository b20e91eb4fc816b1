"""The meeting-workbook job: the overdue list, the scoreboard and the plans of one province and
year, as one Excel workbook."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Any

from cchc.app.inputs import Inputs, Run
from cchc.app.overdue_report import plan_pairs
from cchc.app.scorecard import score
from cchc.core.i18n import get_lang, tr
from cchc.core.problems import CchcError


def default_as_of(year: int, today: dt.date) -> dt.date:
    """31/12 of ``year`` once that day is past, else ``today`` (a meeting during the year)."""
    end = dt.date(year, 12, 31)
    return end if end < today else today


def meeting_workbook(inputs: Inputs, year: int, output: Path, agency: str | None = None, force: bool = False) -> Path:
    """Write the meeting workbook for ``year`` to ``output``; returns the path written."""
    from cchc.adapters.excel import check_target, write_meeting_workbook
    from cchc.core.overdue import activity_statuses, overdue_report
    from cchc.core.scoring import to_json

    check_target(output, force, tuple(p for p in (inputs.plans, inputs.figures, inputs.progress) if p is not None))  # before any work
    if inputs.as_of is None:
        inputs = replace(inputs, as_of=default_as_of(year, inputs.today))
    run = Run(inputs)
    registry, slug = run.registry(year)
    pairs = [(plan, reg) for plan, reg in plan_pairs(run, year=year) if reg is registry]
    if not pairs:
        raise CchcError(tr(f"không có kế hoạch nào của {registry.province} cho năm {year} trong {inputs.plans}", f"no plan of {registry.province} covers {year} in {inputs.plans}"))
    scored = score(inputs, year, agency, run=run)
    board = scored.board
    selected = scored.agency
    if selected is not None and board.find(selected.agency_id) is None:  # no figures: still show its (empty) scorecard
        board = replace(board, scores=[*board.scores, selected])
    book = run.progress
    date = inputs.date()
    plans = [plan for plan, _ in pairs]
    sources = [
        tr("kế hoạch ", "plans ") + ", ".join(plan.id for plan in plans),
        tr("phương pháp: ", "methodology: ") + board.methodology.title(get_lang()),
    ]
    write_meeting_workbook(
        output,
        year=year,
        as_of=date,
        overdue_report=overdue_report(pairs, book, date),
        agency_report=overdue_report(pairs, book, date, selected.name) if selected else None,
        score_result=to_json(board),
        plans=plans,
        statuses=activity_statuses(pairs, book, date),
        selected_agency=selected.name if selected else None,
        issuer=_common_issuer(plans),
        source="; ".join(sources),
        illustrative=board.illustrative or book.illustrative,
        force=force,
    )
    return output


def _common_issuer(plans: list[Any]) -> str:
    """The body that issued most of the plans, as the workbook's issuing body."""
    issuers = Counter(plan.issuer for plan in plans if plan.issuer)
    return issuers.most_common(1)[0][0] if issuers else ""
