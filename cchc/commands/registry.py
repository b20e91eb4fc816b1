"""``cchc registry init``: draft a province's agency registry as it is since 1 July 2025."""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands._options import PLANS_DIR
from cchc.commands._output import force_option
from cchc.core.i18n import tr


@click.group(name="registry", help=tr("Danh mục cơ quan của tỉnh.", "A province's agency registry."))
def command() -> None:
    """The ``registry`` commands."""


@command.command(
    name="init",
    help=tr(
        "Tạo danh mục cơ quan của tỉnh theo bộ máy từ 01/7/2025: UBND, các sở (Nghị định 150/2025/NĐ-CP), UBND mọi xã, phường, đặc khu, các tập thể, và cơ quan kế thừa của danh mục cũ trong thư mục kế hoạch.",
        "Draft a province's agency registry as it is since 1 July 2025: committee, departments (Decree 150/2025), every commune committee, collectives, and successors of the earlier registries in the plans folder.",
    ),
)
@click.option("--province", required=True, help=tr("Tỉnh, thành phố (tên, thư mục hoặc mã; không phân biệt dấu).", "Province (name, folder slug or code; diacritics ignored)."))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path, dir_okay=False), help=tr("Tệp sẽ ghi (mặc định: <kế hoạch>/<tỉnh>/agencies.yaml).", "File to write (default: <plans>/<province>/agencies.yaml)."))
@PLANS_DIR
@force_option
def init(province: str, output: Path | None, plans_dir: Path, force: bool) -> None:
    from cchc.adapters.outputs import check_output, write_atomic
    from cchc.app.units import draft_registry
    from cchc.core.registrybuild import slug

    if output is None:
        from cchc.adapters.unitsfile import load_units

        output = plans_dir / slug(load_units().province(province).name) / "agencies.yaml"
    check_output(output, (".yaml", ".yml"), force, create_parents=True)
    draft = draft_registry(province, plans_dir, output)
    write_atomic(output, draft.text, create_parents=True)
    agencies = len(draft.data["agencies"])
    click.echo(tr(f"Đã ghi {output}: {agencies} cơ quan, trong đó {draft.communes} UBND cấp xã", f"Wrote {output}: {agencies} agencies, {draft.communes} of them commune committees"), err=True)
    for path in draft.predecessors:
        click.echo(tr(f"  đã nối với danh mục cũ {path}", f"  linked to the earlier registry {path}"), err=True)
