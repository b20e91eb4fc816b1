"""The overdue job: every duty of the chosen plans assessed against the progress reports at a date."""

from __future__ import annotations

from typing import Any

from cchc.app.inputs import Inputs, Run


def plan_pairs(run: Run, plan_ids: tuple[str, ...] = (), year: int | None = None) -> list[tuple[Any, Any]]:
    """The plans asked for (all by default; only the province's with ``--province``; only those
    covering ``year`` when given), each with its registry."""
    ws = run.workspace
    plans = [ws.plan(pid) for pid in plan_ids] if plan_ids else ws.plans
    if run.inputs.province is not None:
        registry = ws.registry_for(run.inputs.province)
        plans = [p for p in plans if ws.registry_of(p) is registry]
    if year is not None:
        plans = [p for p in plans if p.period[0] <= year <= p.period[1]]
    return [(plan, ws.registry_of(plan)) for plan in plans]


def overdue(
    inputs: Inputs,
    plan_ids: tuple[str, ...] = (),
    agency: str | None = None,
    within: int | None = None,
    year: int | None = None,
    run: Run | None = None,
    by_member: bool = False,
) -> Any:
    """The overdue report (:class:`cchc.core.overdue.OverdueReport`) as of the run's date: with
    ``year``, only the occurrences due that year of the plans covering it; with ``by_member``, each
    member of a collective lead in its own group."""
    from cchc.core.overdue import overdue_report

    run = run or Run(inputs)
    return overdue_report(plan_pairs(run, plan_ids, year), run.progress, inputs.date(), agency, within, year, by_member)


def plans_and_progress(inputs: Inputs, plan_ids: tuple[str, ...] = ()) -> tuple[list[tuple[Any, Any]], Any]:
    """The plans (each with its registry) and the checked progress book, for scripts and tests."""
    run = Run(inputs)
    return plan_pairs(run, plan_ids), run.progress
