"""``cchc init DIR --province P``: a new office's own CCHC repository."""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands._output import force_option
from cchc.core.i18n import tr


@click.command(
    name="init",
    help=tr(
        "Tạo kho dữ liệu CCHC mới cho một tỉnh trong thư mục DIR: danh mục cơ quan hiện nay, thư mục plans/ và reports/, quy trình kiểm tra tự động (GitHub Actions, pre-commit) và README.",
        "Create a new CCHC repository for a province in DIR: today's agency registry, plans/ and reports/ folders, automatic checks (GitHub Actions, pre-commit) and a README.",
    ),
)
@click.argument("directory", type=click.Path(path_type=Path, file_okay=False))
@click.option("--province", required=True, help=tr("Tỉnh, thành phố (tên, thư mục hoặc mã; không phân biệt dấu).", "Province (name, folder slug or code; diacritics ignored)."))
@force_option
def command(directory: Path, province: str, force: bool) -> None:
    from cchc.app.init import init_workspace

    workspace = init_workspace(directory, province, force)
    for path in workspace.files:
        click.echo(tr(f"Đã ghi {path}", f"Wrote {path}"), err=True)
    click.echo(tr(f"Danh mục {workspace.registry}: {workspace.communes} UBND cấp xã. Tiếp theo: cchc validate {directory / 'plans'}", f"Registry {workspace.registry}: {workspace.communes} commune committees. Next: cchc validate {directory / 'plans'}"), err=True)
