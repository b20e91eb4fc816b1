"""``cchc plans``: list the plans with their size."""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands._options import PLANS_DIR, make_inputs
from cchc.commands._output import (
    SimpleTable,
    check_destination,
    emit,
    force_option,
    format_option,
    output_option,
)
from cchc.core.i18n import tr

KEYS = ["id", "province", "period", "areas", "activities", "targets", "title", "path"]


@click.command(name="plans", help=tr("Liệt kê các kế hoạch: mã, tỉnh, kỳ, số lĩnh vực/nhiệm vụ/chỉ tiêu.", "List plans: id, province, period, counts of areas/activities/targets."))
@PLANS_DIR
@format_option
@output_option
@force_option
def command(plans_dir: Path, fmt: str, output: Path | None, force: bool) -> int:
    from cchc.app.browse import list_plans

    check_destination(fmt, output, force, [plans_dir])
    rows, errors = list_plans(make_inputs(plans_dir))
    headers = [tr("Mã", "Id"), tr("Tỉnh", "Province"), tr("Kỳ", "Period"), tr("Lĩnh vực", "Areas"), tr("Nhiệm vụ", "Activities"), tr("Chỉ tiêu", "Targets"), tr("Tên", "Title")]
    view = SimpleTable(tr("Kế hoạch", "Plans"), KEYS, headers, rows, ["left", "left", "left", "right", "right", "right", "left"])
    view.show_keys = KEYS[:7]
    emit(view, fmt, output)
    if errors:
        click.echo(tr(f"{errors} lỗi trong các tệp; chạy 'cchc validate {plans_dir}'", f"{errors} errors in the files; run 'cchc validate {plans_dir}'"), err=True)
        return 1
    return 0
