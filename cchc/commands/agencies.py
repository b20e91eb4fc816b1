"""``cchc agencies``: look a name up in a province's registry, or list the registry."""

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

KEYS = ["province", "id", "name", "kind", "level", "aliases", "member_of", "members", "now"]


@click.command(name="agencies", help=tr("Tra cứu một tên cơ quan (không phân biệt hoa thường, dấu) hoặc liệt kê danh mục của một tỉnh.", "Look up an agency name (case and diacritics ignored) or list a province's registry."))
@click.argument("name", required=False)
@click.option("--province", help=tr("Tỉnh (tên hoặc thư mục, vd. hai-duong); mặc định: mọi tỉnh.", "Province (name or folder slug); default: every province."))
@PLANS_DIR
@format_option
@output_option
@force_option
def command(name: str | None, province: str | None, plans_dir: Path, fmt: str, output: Path | None, force: bool) -> None:
    from cchc.app.browse import find_agencies

    check_destination(fmt, output, force, [plans_dir])
    rows = find_agencies(make_inputs(plans_dir, province), name)
    headers = [tr("Tỉnh", "Province"), tr("Mã", "Id"), tr("Tên", "Name"), tr("Loại", "Kind"), tr("Cấp", "Level"), tr("Tên khác", "Aliases"), tr("Thuộc", "Member of"), tr("Gồm", "Members"), tr("Nay là", "Now")]
    from cchc.core.labels import AGENCY_KIND_LABELS, label

    kinds = {**AGENCY_KIND_LABELS, "collective": ("tập thể (nhóm cơ quan)", "collective (group)")}
    emit(SimpleTable(tr("Cơ quan", "Agencies"), KEYS, headers, rows, display={"kind": lambda k: label(kinds, k)}), fmt, output)
