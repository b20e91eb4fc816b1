"""``cchc show``: print one plan (areas and activities) or one item in full."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import click

from cchc.commands._options import PLANS_DIR, make_inputs
from cchc.core.i18n import tr


@click.command(name="show", help=tr("Xem một kế hoạch (PLAN) hoặc một mục của nó (ITEM: mã mục).", "Show a plan (PLAN) or one of its items (ITEM: item id)."))
@click.argument("plan_id")
@click.argument("item_id", required=False)
@PLANS_DIR
@click.option("--json", "as_json", is_flag=True, help=tr("In JSON.", "Print JSON."))
def command(plan_id: str, item_id: str | None, plans_dir: Path, as_json: bool) -> None:
    from cchc.app.browse import find_item, plan_summary
    from cchc.commands._output import emit_json

    plan, item, registry = find_item(make_inputs(plans_dir), plan_id, item_id)
    if item is None:
        if as_json:
            emit_json({**plan_summary(plan), "areas": [_area_json(a) for a in plan.areas]})
        else:
            _print_plan(plan)
        return
    fields = _item_fields(item)
    if as_json:
        emit_json(fields)
        return
    fields = _for_people(fields, item, plan, registry)
    from cchc.commands._output import console

    out = console()
    for key, value in fields.items():
        if value in (None, "", [], {}):
            continue
        label = tr(*FIELD_LABELS[key]) if key in FIELD_LABELS else key
        if isinstance(value, list):
            value = "\n".join(f"  • {v}" for v in value)
            out.print(f"[bold]{label}[/]:", highlight=False)
            out.print(value, highlight=False, markup=False)
        else:
            out.print(f"[bold]{label}[/]: ", end="", highlight=False)
            out.print(str(value), highlight=False, markup=False)


FIELD_LABELS = {
    "id": ("Mã", "Id"),
    "number": ("Số thứ tự", "Number"),
    "text": ("Nội dung", "Text"),
    "title": ("Tên", "Title"),
    "products": ("Sản phẩm", "Products"),
    "lead": ("Cơ quan chủ trì", "Lead"),
    "coop": ("Cơ quan phối hợp", "Co-operating"),
    "deadline": ("Thời hạn", "Deadline"),
    "deadline_override": ("Thời hạn khai báo", "Deadline override"),
    "schedule": ("Cách đọc thời hạn", "Deadline reading"),
    "budget": ("Kinh phí", "Budget"),
    "budget_vnd": ("Kinh phí (đồng)", "Budget (VND)"),
    "annex": ("Phụ lục", "Annex"),
    "notes": ("Ghi chú", "Notes"),
    "area_id": ("Lĩnh vực", "Area"),
    "objective_id": ("Mục tiêu", "Objective"),
    "task_id": ("Nhiệm vụ", "Task"),
    "objectives": ("Mục tiêu", "Objectives"),
    "tasks": ("Nhiệm vụ", "Tasks"),
    "activities": ("Hoạt động", "Activities"),
    "targets": ("Chỉ tiêu", "Targets"),
    "indicator": ("Chỉ số", "Indicator"),
    "op": ("So sánh", "Comparison"),
    "value": ("Giá trị", "Value"),
    "max": ("Tối đa", "Maximum"),
    "unit": ("Đơn vị", "Unit"),
    "level": ("Cấp", "Level"),
    "year": ("Năm", "Year"),
    "baseline_year": ("Năm gốc", "Baseline year"),
    "owner_id": ("Thuộc mục", "Attached to"),
    "par_area": ("Lĩnh vực Chỉ số CCHC", "PAR Index area"),
    "responsible": ("Chịu trách nhiệm", "Responsible"),
}


def _for_people(fields: dict, item, plan, registry) -> dict:  # noqa: ANN001
    """Names as the registry knows them today, and how the deadline is read."""
    from cchc.core.model import Activity

    out = dict(fields)
    if registry is not None:
        for key in ("lead", "coop", "responsible"):
            if out.get(key):
                out[key] = [registry.display_name(hit) if (hit := registry.lookup(n)) else n for n in out[key]]
    if isinstance(item, Activity):
        from cchc.core.schedules import schedule_of

        try:
            schedule = schedule_of(item, plan.period)
        except ValueError as exc:
            out["schedule"] = str(exc)
        else:
            dues = ", ".join(f"{o.key}: {o.due:%d/%m/%Y}" for o in schedule.occurrences)
            out["schedule"] = tr(schedule.explanation_vi, schedule.explanation_en) + (f" ({dues})" if dues else "")
    return out


def _item_fields(item) -> dict:  # noqa: ANN001
    skip = {"raw", "activities", "tasks", "objectives", "targets", "entries"}
    fields = {f.name: getattr(item, f.name) for f in dataclasses.fields(item) if f.name not in skip}
    for child in ("objectives", "tasks", "activities", "targets"):
        if hasattr(item, child) and getattr(item, child):
            fields[child] = [f"{c.id}: {getattr(c, 'text', '') or getattr(c, 'indicator', '')}" for c in getattr(item, child)]
    return fields


def _area_json(area) -> dict:  # noqa: ANN001
    return {"id": area.id, "title": area.title, "activities": [a.id for a in _area_activities(area)], "targets": [t.id for t in area.targets]}


def _area_activities(area) -> list:  # noqa: ANN001
    out = list(area.activities)
    for obj in area.objectives:
        out.extend(obj.activities)
        for task in obj.tasks:
            out.extend(task.activities)
    for task in area.tasks:
        out.extend(task.activities)
    return out


def _print_plan(plan) -> None:  # noqa: ANN001
    from rich.table import Table

    from cchc.commands._output import console

    out = console()
    out.print(f"[bold]{plan.title}[/]", highlight=False)
    out.print(f"{plan.issuer} · {plan.document_number} {plan.document_date} · {tr('kỳ', 'period')} {plan.period_label()} · {plan.id}", highlight=False, markup=False)
    for area in plan.areas:
        table = Table(title=f"{area.id}. {area.title}", title_justify="left", header_style="bold")
        for header in (tr("Mã", "Id"), tr("Số", "No."), tr("Nội dung", "Activity"), tr("Chủ trì", "Lead"), tr("Thời hạn", "Deadline")):
            table.add_column(header, overflow="fold")
        for activity in _area_activities(area):
            text = activity.text if len(activity.text) <= 90 else activity.text[:87] + "…"
            table.add_row(activity.id, activity.number, text, "; ".join(activity.lead), activity.deadline or "")
        out.print(table)
