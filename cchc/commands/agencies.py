"""``cchc agencies``: look a name up in a province's registry, or list the registry."""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands.plans import PLANS_DIR
from cchc.i18n import tr
from cchc.render import format_option


@click.command(name="agencies", help=tr("Tra cứu một tên cơ quan (không phân biệt hoa thường, dấu) hoặc liệt kê danh mục của một tỉnh.", "Look up an agency name (case and diacritics ignored) or list a province's registry."))
@click.argument("name", required=False)
@click.option("--province", help=tr("Tỉnh (tên hoặc thư mục, vd. hai-duong); mặc định: mọi tỉnh.", "Province (name or folder slug); default: every province."))
@PLANS_DIR
@format_option
def command(name: str | None, province: str | None, plans_dir: Path, fmt: str) -> None:
    from cchc.problems import CchcError
    from cchc.render import emit_csv, emit_json, emit_table
    from cchc.workspace import load_workspace

    ws = load_workspace(plans_dir, province)
    registries = [ws.registry_for(province)] if province else sorted(ws.registries.values(), key=lambda r: r.province)
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
        rows.extend(_row(registry, entry) for entry in entries)
    if name is not None and not rows:
        raise CchcError(tr(f"không tỉnh nào có cơ quan '{name}'", f"no province has an agency '{name}'"))
    if fmt == "json":
        emit_json(rows)
    elif fmt == "csv":
        emit_csv(list(rows[0]) if rows else ["province", "id", "name"], [[("; ".join(v) if isinstance(v, list) else v) for v in r.values()] for r in rows])
    else:
        emit_table(
            tr("Cơ quan", "Agencies"),
            [tr("Tỉnh", "Province"), tr("Mã", "Id"), tr("Tên", "Name"), tr("Loại", "Kind"), tr("Cấp", "Level"), tr("Tên khác", "Aliases"), tr("Thuộc / gồm", "Member of / members"), tr("Nay là", "Now")],
            [[r["province"], r["id"], r["name"], r["kind"], r["level"] or "", ", ".join(r["aliases"]), ", ".join(r["member_of"] or r["members"]), r["now"] or ""] for r in rows],
        )


def _row(registry, entry) -> dict:  # noqa: ANN001
    """One registry entry as plain data: what it is, its groups or members, who carries it now."""
    if entry.is_collective:
        members = sorted(registry.by_id[m].name for m in registry.members(entry.id))
        return {"province": registry.province, "id": entry.id, "name": entry.name, "kind": "collective", "level": None, "aliases": list(entry.aliases), "member_of": [], "members": members, "now": None}
    groups = sorted(c.name for c in registry.collectives if entry.id in registry.members(c.id))
    successor = registry.successor_of(entry)
    return {"province": registry.province, "id": entry.id, "name": entry.name, "kind": entry.kind, "level": entry.level, "aliases": list(entry.aliases), "member_of": groups, "members": [], "now": successor.name if successor else None}
