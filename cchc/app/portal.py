"""Portal jobs: import a table of the national portal's QĐ 766 index as a dated snapshot, and
compare snapshots over time (``cchc portal import`` / ``cchc portal trend``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc.app.inputs import Inputs, Run, problem_lines, usage_error
from cchc.core.i18n import get_lang, tr
from cchc.core.problems import ERROR, CchcError, Problem


@dataclass
class ImportResult:
    path: Path
    snapshot: Any  # cchc.core.portal.Snapshot
    unmatched: list[Any]
    warnings: list[Problem]
    changed: bool  # False: the same snapshot was already there (nothing written)
    replaced: bool  # True: a different snapshot of that date was replaced (--force)


def import_table(inputs: Inputs, source: Path, date: dt.date | None = None, force: bool = False) -> ImportResult:
    """Read ``source``, match its units to the registry and store it as the province's snapshot of ``date``."""
    from cchc.adapters.outputs import write_atomic
    from cchc.adapters.portalfile import (
        check_duplicates,
        read_portal_table,
        render_snapshot,
        snapshot_folder,
        unmatched_problems,
    )
    from cchc.core.portal import Snapshot, match_units

    run = Run(inputs)
    registry, slug = run.registry()
    units, problems = read_portal_table(source)
    unmatched = match_units(units, registry.find)
    problems += check_duplicates(units)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        raise CchcError(problem_lines(errors))
    if not units:
        raise CchcError(tr(f"'{source}': bảng không có đơn vị nào", f"'{source}': the table has no units"))
    day = date or inputs.date()
    snapshot = Snapshot(registry.province, day, units, source.name)
    target = snapshot_folder(inputs.reports, slug) / f"{day.isoformat()}.yaml"
    text = render_snapshot(snapshot)
    replaced = False
    if target.exists():
        try:
            same = target.read_text(encoding="utf-8") == text
        except (OSError, UnicodeDecodeError):
            same = False
        if same:
            return ImportResult(target, snapshot, unmatched, [*problems, *unmatched_problems(unmatched)], False, False)
        if not force:
            raise usage_error(
                f"đã có ảnh chụp ngày {day.isoformat()} ({target}) với số liệu khác; thêm --force để thay",
                f"a snapshot for {day.isoformat()} ({target}) already exists with other figures; pass --force to replace it",
            )
        replaced = True
    write_atomic(target, text, create_parents=True)
    return ImportResult(target, snapshot, unmatched, [*problems, *unmatched_problems(unmatched)], True, replaced)


def portal_trend(inputs: Inputs, start: dt.date | None = None, end: dt.date | None = None) -> Any:
    """The province's snapshots between ``start`` and ``end``, unit by unit (a ``cchc.core.portal.Trend``)."""
    from cchc.adapters.portalfile import load_snapshots, snapshot_folder
    from cchc.core.portal import trend

    if start is not None and end is not None and start > end:
        raise usage_error("--from phải trước --to", "--from must come before --to")
    run = Run(inputs)
    registry, slug = run.registry()
    folder = snapshot_folder(inputs.reports, slug)
    snapshots, problems = load_snapshots(folder, registry)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        raise CchcError(problem_lines(errors))
    if not snapshots:
        raise CchcError(tr(f"chưa có ảnh chụp nào trong {folder}; dùng 'cchc portal import'", f"no snapshots in {folder} yet; use 'cchc portal import'"))
    result = trend(snapshots, start, end)
    if not result.dates:
        raise CchcError(tr("không có ảnh chụp nào trong khoảng ngày đã chọn", "no snapshot falls within the chosen dates"))
    return result


def _num(value: Any) -> float | None:
    return None if value is None else float(value)


def trend_json(result: Any) -> dict[str, Any]:
    """The stable ``cchc portal trend --format json`` shape."""
    from cchc.core.portal import GROUPS

    lang = get_lang()
    units = []
    for m in result.movements:
        deltas = m.group_deltas()
        units.append(
            {
                "name": m.name,
                "agency": m.agency_name or None,
                "agency_id": m.agency_id,
                "kind": m.kind or None,
                "first": {"date": m.first.date.isoformat(), "total": _num(m.first.total), "rank": m.first.rank},
                "last": {"date": m.last.date.isoformat(), "total": _num(m.last.total), "rank": m.last.rank},
                "delta": _num(m.delta),
                "rank_change": m.rank_change,
                "snapshots": m.seen,
                "groups": [
                    {
                        "key": key,
                        "title": en if lang == "en" else vi,
                        "first": _num(m.first.groups.get(key)),
                        "last": _num(m.last.groups.get(key)),
                        "delta": _num(deltas[key]),
                    }
                    for key, vi, en in GROUPS
                ],
            }
        )
    return {
        "province": result.province,
        "dates": [d.isoformat() for d in result.dates],
        "province_total": [{"date": d.isoformat(), "total": _num(t)} for d, t in result.province_totals],
        "units": units,
        "unmatched": result.unmatched,
    }
