"""``cchc plans``: list the plans with their size."""

from __future__ import annotations

from pathlib import Path

import click

from cchc.i18n import tr
from cchc.render import format_option

PLANS_DIR = click.option("--plans", "plans_dir", type=click.Path(path_type=Path), default=Path("plans"), show_default=True, help=tr("Thư mục kế hoạch.", "Plans folder."))


def plan_summary(plan) -> dict:  # noqa: ANN001
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


@click.command(name="plans", help=tr("Liệt kê các kế hoạch: mã, tỉnh, kỳ, số lĩnh vực/nhiệm vụ/chỉ tiêu.", "List plans: id, province, period, counts of areas/activities/targets."))
@PLANS_DIR
@format_option
def command(plans_dir: Path, fmt: str) -> int:
    from cchc.problems import ERROR, CchcError
    from cchc.render import emit_csv, emit_json, emit_table
    from cchc.workspace import load_paths

    if not plans_dir.exists():
        raise CchcError(tr(f"không có thư mục kế hoạch '{plans_dir}'", f"no plans folder '{plans_dir}'"), 2)
    ws = load_paths([plans_dir])
    from cchc.text import fold

    rows = [plan_summary(p) for p in sorted(ws.plans, key=lambda p: (fold(p.province), p.id))]
    errors = [p for p in ws.problems if p.severity == ERROR]
    if fmt == "json":
        emit_json(rows)
    elif fmt == "csv":
        columns = list(rows[0]) if rows else ["id", "province", "title", "period", "areas", "activities", "targets", "path"]
        emit_csv(columns, [list(r.values()) for r in rows])
    else:
        emit_table(
            tr("Kế hoạch", "Plans"),
            [tr("Mã", "Id"), tr("Tỉnh", "Province"), tr("Kỳ", "Period"), tr("Lĩnh vực", "Areas"), tr("Nhiệm vụ", "Activities"), tr("Chỉ tiêu", "Targets"), tr("Tên", "Title")],
            [[r["id"], r["province"], r["period"], r["areas"], r["activities"], r["targets"], r["title"]] for r in rows],
            ["left", "left", "left", "right", "right", "right", "left"],
        )
    if errors:
        click.echo(tr(f"{len(errors)} lỗi trong các tệp; chạy 'cchc validate {plans_dir}'", f"{len(errors)} errors in the files; run 'cchc validate {plans_dir}'"), err=True)
        return 1
    return 0
