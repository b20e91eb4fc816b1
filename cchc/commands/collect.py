"""``cchc collect``: filled forms back into reports/ — checked whole, written all at once or not at all."""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands._options import PLANS_DIR, make_inputs
from cchc.core.i18n import tr


@click.command(name="collect", help=tr("Thu các biểu mẫu đã điền (cchc form) vào báo cáo tiến độ và số liệu trong reports/.", "Collect filled forms (cchc form) into the progress reports and figures under reports/."))
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, dir_okay=False))
@PLANS_DIR
@click.option("--reports", "reports_dir", type=click.Path(path_type=Path, file_okay=False), help=tr("Thư mục báo cáo (mặc định: reports/ cạnh thư mục kế hoạch).", "Reports folder (default: reports/ beside the plans folder)."))
@click.option("--replace", is_flag=True, help=tr("Lấy số của biểu mẫu khi trên đĩa đã có báo cáo mới hơn hoặc số khác.", "Take the form's values over a newer report or other values already on disk."))
def command(files, plans_dir, reports_dir, replace) -> None:  # noqa: ANN001
    from cchc.app.collect import collect

    result = collect(make_inputs(plans_dir), list(files), reports_dir, replace)
    for warning in result.warnings:
        click.echo(warning.format(), err=True)
    for change in result.changes:
        if change.unchanged:
            click.echo(tr(f"{change.agency}: không thay đổi ({change.form})", f"{change.agency}: no change ({change.form})"))
            continue
        click.echo(tr(f"{change.agency}: {change.form} → {change.target}", f"{change.agency}: {change.form} → {change.target}"))
        for line in change.lines:
            click.echo(f"  {line}")
    if result.written:
        click.echo(tr(f"Đã ghi {len(result.written)} tệp.", f"Wrote {len(result.written)} files."), err=True)
    else:
        click.echo(tr("Không có gì thay đổi; không ghi tệp nào.", "Nothing changed; no file written."), err=True)
