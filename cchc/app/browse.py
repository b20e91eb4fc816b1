"""Browsing jobs: list the plans, look an agency up, find a plan or one of its items."""

from __future__ import annotations

from typing import Any

from cchc.app.inputs import Inputs, Run, usage_error
from cchc.core.i18n import tr
from cchc.core.problems import ERROR, CchcError
from cchc.core.text import fold


def plan_summary(plan: Any) -> dict:
    return {
        "id": plan.id,
        "province": plan.province,
        "title": plan.title,
        "period": plan.period_label(),
        "areas": len(plan.areas),
        "activities": len(plan.activities),
        "targets": len(plan.targets),
        "path": plan.path,
    }


def list_plans(inputs: Inputs) -> tuple[list[dict], int]:
    """Every plan under the plans folder (broken files too: listing is how people find them), and
    how many errors the files have."""
    from cchc.adapters.workspace import load_paths

    if not inputs.plans.exists():
        raise usage_error(f"không có thư mục kế hoạch '{inputs.plans}'", f"no plans folder '{inputs.plans}'")
    if not inputs.plans.is_dir():
        raise usage_error(f"--plans '{inputs.plans}' không phải thư mục", f"--plans '{inputs.plans}' is not a folder")
    ws = load_paths([inputs.plans])
    rows = [plan_summary(p) for p in sorted(ws.plans, key=lambda p: (fold(p.province), p.id))]
    return rows, sum(1 for p in ws.problems if p.severity == ERROR)


def find_agencies(inputs: Inputs, name: str | None) -> list[dict]:
    """Registry entries (every one, or those ``name`` finds) of the province, or of every province."""
    run = Run(inputs)
    ws = run.workspace
    registries = [ws.registry_for(inputs.province)] if inputs.province else sorted(ws.registries.values(), key=lambda r: r.province)
    rows = []
    for registry in registries:
        if name is None:
            entries = [*registry.agencies, *registry.collectives]
        else:
            try:
                entries = [registry.find(name)]
            except CchcError:
                if len(registries) == 1:
                    raise
                continue
        rows.extend(agency_row(registry, entry) for entry in entries)
    if name is not None and not rows:
        raise CchcError(tr(f"không tỉnh nào có cơ quan '{name}'", f"no province has an agency '{name}'"))
    return rows


def agency_row(registry: Any, entry: Any) -> dict:
    """One registry entry as plain data: what it is, its groups or members, who carries it now."""
    if entry.is_collective:
        members = sorted(registry.by_id[m].name for m in registry.members(entry.id))
        return {"province": registry.province, "id": entry.id, "name": entry.name, "kind": "collective", "level": None, "aliases": list(entry.aliases), "member_of": [], "members": members, "now": None}
    groups = sorted(c.name for c in registry.collectives if entry.id in registry.members(c.id))
    successor = registry.successor_of(entry)
    return {"province": registry.province, "id": entry.id, "name": entry.name, "kind": entry.kind, "level": entry.level, "aliases": list(entry.aliases), "member_of": groups, "members": [], "now": successor.name if successor else None}


def find_item(inputs: Inputs, plan_id: str, item_id: str | None) -> tuple[Any, Any, Any]:
    """The plan, the item asked for (None for the whole plan) and the plan's registry."""
    ws = Run(inputs).workspace
    plan = ws.plan(plan_id)
    item = None
    if item_id is not None:
        item = plan.item(item_id)
        if item is None:
            raise usage_error(f"kế hoạch '{plan.id}' không có mục '{item_id}'", f"plan '{plan.id}' has no item '{item_id}'")
    return plan, item, ws.registry_of(plan)
