"""Read a plan file into the model, and check what the schema alone cannot see.

``read_plan`` turns schema-checked YAML into :class:`~cchc.core.model.Plan`; ``check_plan`` then finds
duplicate ids, unknown agencies and indicators, impossible percentages, unreadable deadlines and
dates outside the plan period, each pointing at the line that needs fixing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from cchc.adapters import formats
from cchc.adapters.schema import Checker
from cchc.adapters.yamlio import YMap
from cchc.core.agencies import Registry, unknown_agency_message
from cchc.core.i18n import tr
from cchc.core.model import Activity, Annex, AnnexEntry, Area, Objective, Plan, Target, Task
from cchc.core.problems import WARNING, Problem
from cchc.core.text import suggest


def parse_period(value: int | str) -> tuple[int, int]:
    if isinstance(value, int):
        return value, value
    first, last = (int(part) for part in str(value).split("-"))
    return first, last


def read_plan(data: YMap, path: str, problems: list[Problem] | None = None) -> tuple[Plan | None, list[Problem]]:
    """Schema-check ``data`` and build the plan; None when the shape is too broken to build."""
    ck = Checker(path)
    ck.problems.extend(problems or [])
    if not formats.PLAN.check(data, ck, None, None, ""):
        return None, ck.problems
    document = data.get("document") or {}
    plan = Plan(
        id=data["id"],
        province=data["province"],
        title=data["title"],
        period=parse_period(data["period"]),
        path=path,
        issuer=data.get("issuer", ""),
        document_number=document.get("number", ""),
        document_date=document.get("date", ""),
        document_url=document.get("url", ""),
        source=data.get("source", ""),
        registry=data.get("registry"),
        notes=list(data.get("notes", ())),
        raw=data,
    )
    if plan.period[0] > plan.period[1]:
        ck.report(data, "period", "P209", tr(f"kỳ kế hoạch '{data['period']}' có năm đầu sau năm cuối", f"plan period '{data['period']}' starts after it ends"))
    for raw_area in data["areas"]:
        plan.areas.append(_area(raw_area, plan))
    for raw_annex in data.get("annexes", ()):
        plan.annexes.append(
            Annex(
                id=raw_annex["id"],
                title=raw_annex["title"],
                entries=[
                    AnnexEntry(
                        agency=e["agency"],
                        number=e.get("number", ""),
                        group=e.get("group", ""),
                        text=e.get("text", ""),
                        note=e.get("note") or "",
                    )
                    for e in raw_annex["entries"]
                ],
                notes=list(raw_annex.get("notes", ())),
                raw=raw_annex,
            )
        )
    return plan, ck.problems


def _targets(raw_list: list[dict], owner_id: str, plan: Plan, area_id: str) -> list[Target]:
    targets = [
        Target(
            id=t["id"],
            indicator=t["indicator"],
            value=t["value"],
            op=t.get("op", ">="),
            max=t.get("max"),
            unit=t.get("unit", "%"),
            level=t.get("level"),
            year=t.get("year"),
            baseline_year=t.get("baseline_year"),
            text=t.get("text", ""),
            notes=list(t.get("notes", ())),
            owner_id=owner_id,
            area_id=area_id,
            raw=t,
        )
        for t in raw_list
    ]
    plan.targets.extend(targets)
    return targets


def _activities(raw_list: list[dict], plan: Plan, area_id: str, objective_id: str | None, task_id: str | None) -> list[Activity]:
    out = []
    for a in raw_list:
        activity = Activity(
            id=a["id"],
            text=a["text"],
            number=a.get("number", ""),
            products=list(a.get("products", ())),
            lead=list(a.get("lead", ())),
            coop=list(a.get("coop", ())),
            deadline=a.get("deadline"),
            deadline_override=a.get("deadline_override"),
            budget=a.get("budget"),
            budget_vnd=a.get("budget_vnd"),
            annex=a.get("annex"),
            notes=list(a.get("notes", ())),
            area_id=area_id,
            objective_id=objective_id,
            task_id=task_id,
            raw=a,
        )
        plan.activities.append(activity)
        activity.targets = _targets(a.get("targets", ()), activity.id, plan, area_id)
        out.append(activity)
    return out


def _task(t: dict, plan: Plan, area_id: str, objective_id: str | None) -> Task:
    task = Task(id=t["id"], text=t["text"], number=t.get("number", ""), notes=list(t.get("notes", ())), raw=t)
    task.targets = _targets(t.get("targets", ()), task.id, plan, area_id)
    task.activities = _activities(t.get("activities", ()), plan, area_id, objective_id, task.id)
    return task


def _area(a: dict, plan: Plan) -> Area:
    area = Area(
        id=a["id"],
        title=a["title"],
        par_area=a.get("par_area"),
        responsible=list(a.get("responsible", ())),
        notes=list(a.get("notes", ())),
        raw=a,
    )
    area.targets = _targets(a.get("targets", ()), area.id, plan, area.id)
    for o in a.get("objectives", ()):
        objective = Objective(id=o["id"], text=o["text"], number=o.get("number", ""), notes=list(o.get("notes", ())), raw=o)
        objective.targets = _targets(o.get("targets", ()), objective.id, plan, area.id)
        objective.tasks = [_task(t, plan, area.id, objective.id) for t in o.get("tasks", ())]
        objective.activities = _activities(o.get("activities", ()), plan, area.id, objective.id, None)
        area.objectives.append(objective)
    area.tasks = [_task(t, plan, area.id, None) for t in a.get("tasks", ())]
    area.activities = _activities(a.get("activities", ()), plan, area.id, None, None)
    return area


# --- checks beyond the schema -------------------------------------------------------------------


def check_plan(plan: Plan, registry: Registry | None, indicator_ids: frozenset[str] | None = None) -> list[Problem]:
    """Everything wrong with a built plan that the schema cannot express."""
    ck = Checker(plan.path)
    _check_ids(plan, ck)
    if registry is not None:
        _check_agencies(plan, registry, ck)
    if indicator_ids is None:
        from cchc.indicators import indicator_ids as known_indicators

        indicator_ids = frozenset(known_indicators())
    _check_targets(plan, indicator_ids, ck)
    _check_duplicate_targets(plan, ck)
    _check_deadlines(plan, ck)
    answerable = {area.id for area in plan.areas if area.responsible}  # an area's lead answers for it
    for activity in plan.activities:
        # `lead: []` written out records that the document names no lead (checked, with a note);
        # a missing `lead` may simply have been forgotten.
        acknowledged = isinstance(activity.raw, dict) and "lead" in activity.raw
        if not activity.lead and activity.area_id not in answerable and not acknowledged:
            ck.report(activity.raw, "id", "P212", tr(
                f"hoạt động '{activity.id}' không có cơ quan chủ trì: không nằm trong danh sách quá hạn của cơ quan nào; ghi 'lead' nếu văn bản có giao (kèm ghi chú nếu là suy luận), hoặc 'lead: []' kèm ghi chú nếu văn bản không giao",
                f"activity '{activity.id}' has no lead agency: it is in nobody's overdue list; add 'lead' if the document names one (with a note if it is inferred), or 'lead: []' with a note if it names none",
            ), WARNING)
    annex_ids = {annex.id for annex in plan.annexes}
    for activity in plan.activities:
        if activity.annex and activity.annex not in annex_ids:
            ck.report(activity.raw, "annex", "P208", tr(f"phụ lục '{activity.annex}' không có trong kế hoạch", f"annex '{activity.annex}' is not in the plan"))
    return ck.problems


def _items(plan: Plan) -> Iterator[tuple[str, Any]]:
    for area in plan.areas:
        for obj in area.objectives:
            yield obj.id, obj.raw
            for task in obj.tasks:
                yield task.id, task.raw
        for task in area.tasks:
            yield task.id, task.raw
    for activity in plan.activities:
        yield activity.id, activity.raw
    for target in plan.targets:
        yield target.id, target.raw
    for annex in plan.annexes:
        yield annex.id, annex.raw


def _check_ids(plan: Plan, ck: Checker) -> None:
    seen: dict[str, int] = {}
    for item_id, raw in _items(plan):
        if item_id in seen:
            ck.report(raw, "id", "P201", tr(f"mã '{item_id}' bị trùng (đã dùng ở dòng {seen[item_id]}); mỗi mục cần một mã riêng, không đổi", f"duplicate id '{item_id}' (already used at line {seen[item_id]}); every item needs its own stable id"))
        else:
            seen[item_id] = raw.pos("id")[0]
    areas: dict[str, int] = {}
    for area in plan.areas:
        if area.id in areas:
            ck.report(area.raw, "id", "P201", tr(f"lĩnh vực '{area.id}' bị trùng (dòng {areas[area.id]})", f"duplicate area '{area.id}' (line {areas[area.id]})"))
        areas.setdefault(area.id, area.raw.pos("id")[0])


def _check_agencies(plan: Plan, registry: Registry, ck: Checker) -> None:
    def check_names(raw: YMap, key: str) -> None:
        names = raw.get(key) or ()
        for i, name in enumerate(names):
            if registry.lookup(name) is None:
                ck.report(names, i, "P202", unknown_agency_message(name, registry.suggest(name)))

    for area in plan.areas:
        check_names(area.raw, "responsible")
    for activity in plan.activities:
        check_names(activity.raw, "lead")
        check_names(activity.raw, "coop")
    for annex in plan.annexes:
        for raw_entry in annex.raw["entries"]:
            name = raw_entry["agency"]
            if registry.lookup(name) is None:
                ck.report(raw_entry, "agency", "P202", unknown_agency_message(name, registry.suggest(name)))


def _check_targets(plan: Plan, indicator_ids: frozenset[str], ck: Checker) -> None:
    first, last = plan.period
    for target in plan.targets:
        if target.indicator not in indicator_ids:
            close = suggest(target.indicator, {i: i for i in indicator_ids})
            hint = tr(f"; có phải '{close[0]}'?", f"; did you mean '{close[0]}'?") if close else tr("; xem 'cchc schema' và docs/plan-format.md", "; see docs/plan-format.md")
            ck.report(target.raw, "indicator", "P203", tr(f"chỉ số '{target.indicator}' không tồn tại", f"unknown indicator '{target.indicator}'") + hint)
        if target.unit == "%":
            for key in ("value", "max"):
                number = getattr(target, key)
                if number is not None and not 0 <= number <= 100:
                    ck.report(target.raw, key, "P204", tr(f"tỷ lệ {number:g}% nằm ngoài 0–100%", f"percentage {number:g}% is outside 0–100%"))
        if target.op == "range" and (target.max is None or target.max < target.value):
            ck.report(target.raw, "max" if target.max is not None else "op", "P204", tr("chỉ tiêu dạng khoảng cần 'max' ≥ 'value'", "a range target needs 'max' ≥ 'value'"))
        if target.year is not None and not first <= target.year <= last:
            ck.report(target.raw, "year", "P206", tr(f"năm {target.year} nằm ngoài kỳ kế hoạch {plan.period_label()}", f"year {target.year} is outside the plan period {plan.period_label()}"), WARNING)


def _check_duplicate_targets(plan: Plan, ck: Checker) -> None:
    """Two different goals for the same indicator, year, level and agency (the lead of the activity
    that holds them, none for area/objective/task targets): scoring takes the stricter one."""
    leads = {activity.id: tuple(sorted(activity.lead)) for activity in plan.activities}
    seen: dict[tuple, Target] = {}
    for target in plan.targets:
        key = (target.indicator, target.year, target.level, leads.get(target.owner_id, ()))
        first = seen.setdefault(key, target)
        if first is target or (first.op, first.value, first.max) == (target.op, target.value, target.max):
            continue  # the same goal written twice (the parts of a composite indicator) is not ambiguous
        ck.report(target.raw, "indicator", "P211", tr(
            f"chỉ tiêu '{target.id}' trùng chỉ số, năm, cấp và cơ quan với '{first.id}' (dòng {first.raw.pos('id')[0]}); khi chấm điểm lấy chỉ tiêu chặt hơn (≥ cao hơn, ≤ thấp hơn), không theo thứ tự trong tệp — giữ một, hoặc ghi năm/cấp khác nhau",
            f"target '{target.id}' has the same indicator, year, level and agency as '{first.id}' (line {first.raw.pos('id')[0]}); scoring takes the stricter one (higher ≥, lower ≤), never file order — keep one, or give them different years/levels",
        ), WARNING)


def _check_deadlines(plan: Plan, ck: Checker) -> None:
    from cchc.core.schedules import schedule_of

    first, last = plan.period
    period_start, period_end = dt.date(first, 1, 1), dt.date(last, 12, 31)
    # Preparatory work dated between the plan's adoption and the start of its period (a 2022 plan
    # adopted on 24/12/2021 whose first steps are due "12/2021") is inside the plan's life.
    adopted = document_day(plan.document_date)
    if adopted is not None and adopted < period_start:
        period_start = dt.date(adopted.year, adopted.month, 1)
    for activity in plan.activities:
        key = "deadline_override" if activity.deadline_override is not None else "deadline"
        try:
            schedule = schedule_of(activity, plan.period)
        except ValueError as exc:
            ck.report(activity.raw, key, "P207", tr(f"deadline_override không hợp lệ: {exc}", f"invalid deadline_override: {exc}"))
            continue
        if schedule.kind == "unreadable":
            ck.report(activity.raw, key, "P205", tr(f"không đọc được thời hạn '{activity.deadline}': {schedule.explanation_vi}; sửa cách viết hoặc thêm deadline_override", f"cannot read the deadline '{activity.deadline}': {schedule.explanation_en}; reword it or add a deadline_override"))
            continue
        if schedule.kind == "dated":
            outside = [o.due for o in schedule.occurrences if not period_start <= o.due <= period_end]
            if outside:
                ck.report(activity.raw, key, "P206", tr(f"hạn {outside[0]:%d/%m/%Y} nằm ngoài kỳ kế hoạch {plan.period_label()}", f"due date {outside[0]:%Y-%m-%d} is outside the plan period {plan.period_label()}"), WARNING)


_DOCUMENT_DAY = re.compile(r"(?:ngày\s*)?(\d{1,2})\s*(?:tháng|/|-|\.)\s*(\d{1,2})\s*(?:năm|/|-|\.)\s*(\d{4})", re.IGNORECASE)


def document_day(text: str) -> dt.date | None:
    """The date a document was signed, from "ngày 24 tháng 12 năm 2021", "24/12/2021" or ISO."""
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        pass
    match = _DOCUMENT_DAY.search(text)
    if match is None:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
