"""The import pipeline: read, recognise the layout, parse into a draft, resolve agencies, find targets.

Pure: nothing is printed or written here. ``cchc import`` renders the report and writes the file
(:mod:`cchc.adapters.importer.writer`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from cchc.adapters.importer import GUESS, REPAIR, WARNING, ImportNote, ImportResult
from cchc.adapters.importer.agencies import AgencySplitter
from cchc.adapters.importer.catalogue import LAYOUTS
from cchc.adapters.importer.draftplan import DraftPlan
from cchc.adapters.importer.layouts import CELLS_PER_LINE, FRAMEWORK
from cchc.adapters.importer.sources import read_source
from cchc.adapters.importer.targets import extract_targets
from cchc.adapters.registryfile import load_registry
from cchc.core.agencies import Registry
from cchc.core.i18n import tr
from cchc.core.problems import CchcError, Problem
from cchc.core.text import fold

Progress = Callable[[int, int], None]  # (rows done, rows in total)


def import_plan(
    source: str | Path,
    *,
    registry: Registry | None = None,
    plan_id: str | None = None,
    province: str | None = None,
    title: str | None = None,
    period: str | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Read ``source`` and return the draft plan with the report of every guess and repair."""
    src = read_source(source)
    splitter = AgencySplitter(registry)
    name = Path(source).name
    layout = next(layout for layout in LAYOUTS if layout.detect(src))
    result = layout.parse(src, splitter, _advance(progress, len(src.rows)))
    if progress:
        progress(len(src.rows), len(src.rows))
    result.report[:0] = src.notes
    plan = result.draft
    plan.id = plan_id or plan.id
    plan.province = province or plan.province
    plan.title = title or plan.title
    plan.period = _period(period) if period else plan.period
    if not plan.province and registry is not None:
        plan.province = registry.province
    plan.source = name
    _resolve_agencies(plan, splitter, result)
    if result.layout != CELLS_PER_LINE:
        _find_targets(plan, result)
    _check_complete(plan, result)
    return result


def _advance(progress: Progress | None, total: int) -> Callable[[int], None] | None:
    """Turn ``progress(done, total)`` into the ``advance(n)`` the layouts call (every 50 rows)."""
    if progress is None:
        return None
    done = 0

    def advance(n: int) -> None:
        nonlocal done
        done += n
        if done % 50 == 0 or done >= total:
            progress(min(done, total), total)

    return advance


def _period(text: str) -> str | int:
    cleaned = re.sub(r"\s+", "", text)
    if re.fullmatch(r"\d{4}", cleaned):
        return int(cleaned)
    if re.fullmatch(r"\d{4}-\d{4}", cleaned):
        return cleaned
    raise CchcError(
        Problem("--period", None, None, "I002", tr(f"kỳ kế hoạch '{text}' không hợp lệ; ghi một năm (2024) hoặc khoảng năm (2021-2025)", f"invalid period '{text}'; write a year (2024) or a range (2021-2025)")),
        2,
    )


def _years(plan: DraftPlan) -> tuple[int, int] | None:
    period = plan.period
    if isinstance(period, int):
        return period, period
    if isinstance(period, str) and re.fullmatch(r"\d{4}-\d{4}", period):
        first, last = period.split("-")
        return int(first), int(last)
    return None


def _resolve_agencies(plan: DraftPlan, splitter: AgencySplitter, result: ImportResult) -> None:
    """Split every lead, co-op and area-responsible cell into names; report names the registry does not know."""
    if splitter.registry is None:
        result.note(None, WARNING, tr(
            "không có danh mục cơ quan (agencies.yaml): tách tên cơ quan theo dấu câu, không kiểm tra được tên",
            "no agency registry (agencies.yaml): agency names split by punctuation and not checked",
        ))
    for area in plan.areas:
        area.responsible = _names(area.responsible, area.line, splitter, result)
    for activity in plan.all_activities():
        activity.lead = _names(activity.lead, activity.line, splitter, result)
        coop = _names(activity.coop, activity.line, splitter, result)
        lead = {fold(n) for n in activity.lead}
        dropped = [n for n in coop if fold(n) in lead]
        if dropped:  # a dropped cell always leaves a note
            listed = ", ".join(f"'{n}'" for n in dropped)
            activity.notes.append(f"Bỏ cơ quan phối hợp {listed}: trùng cơ quan chủ trì")
            result.note(activity.line, REPAIR, tr(f"{activity.id}: bỏ cơ quan phối hợp {listed} vì trùng cơ quan chủ trì", f"{activity.id}: dropped co-operator {listed}, the same as the lead"))
        activity.coop = [n for n in coop if fold(n) not in lead]


def _names(cells: list[str], line: int, splitter: AgencySplitter, result: ImportResult) -> list[str]:
    """The agency names of ``cells`` (each once), noting guesses and names the registry lacks."""
    names: list[str] = []
    for cell in cells:
        split = splitter.split(cell)
        names.extend(n for n in split.names if n not in names)
        for guess in split.guesses:
            result.note(line, GUESS, guess)
        if splitter.registry is not None:
            for unknown in split.unknown:
                hint = ", ".join(f"'{s}'" for s in splitter.registry.suggest(unknown))
                result.note(line, WARNING, tr(
                    f"cơ quan '{unknown}' không có trong danh mục; giữ nguyên" + (f" (gần giống: {hint})" if hint else ""),
                    f"agency '{unknown}' is not in the registry; kept as written" + (f" (close: {hint})" if hint else ""),
                ))
    return names


def _find_targets(plan: DraftPlan, result: ImportResult) -> None:
    """Targets written in objective texts (framework) and activity texts (task lists)."""
    years = _years(plan)
    for area in plan.areas:
        owners = [*area.objectives, *(area.all_activities() if result.table != FRAMEWORK else ())]
        for owner in owners:
            products = getattr(owner, "products", [])
            text = owner.text + ("\n" + "\n".join(products) if products else "")
            found = extract_targets(text, owner.id, years)
            owner.targets = found.targets
            for clause in found.unbound:
                result.note(owner.line, WARNING, tr(
                    f"{owner.id}: tỷ lệ chưa gắn được với chỉ số nào, cần xem: '{clause[:90]}'",
                    f"{owner.id}: percentage not bound to any indicator, needs a look: '{clause[:90]}'",
                ))


def _check_complete(plan: DraftPlan, result: ImportResult) -> None:
    for activity in plan.all_activities():
        if not activity.lead:
            result.note(activity.line, WARNING, tr(f"{activity.id}: không có cơ quan chủ trì", f"{activity.id}: no lead agency"))


def registry_for(output: str | Path | None, explicit: str | Path | None) -> tuple[Registry | None, list[ImportNote]]:
    """The registry given with --registry, else agencies.yaml beside the output file, else none."""
    path = Path(explicit) if explicit else (Path(output).parent / "agencies.yaml" if output else None)
    if path is None or (not explicit and not path.is_file()):
        return None, []
    registry, problems = load_registry(path)
    notes = [ImportNote(p.line, WARNING, p.format()) for p in problems]
    return registry, notes
