"""``cchc units``: the administrative units in force since 1 July 2025 (34 provinces, 3,321 communes).

``--format json`` is a stable contract: a list of
``{"code", "name", "kind", "level", "province", "province_code", "formed_from": [old names],
"formed_from_district": [old districts]}``; ``kind`` is ``tinh``/``thanh-pho`` (level ``tinh``) or
``xa``/``phuong``/``dac-khu`` (level ``xa``).
"""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands._output import (
    SimpleTable,
    check_destination,
    emit,
    force_option,
    format_option,
    output_option,
)
from cchc.core.i18n import tr

KEYS = ["code", "name", "kind", "level", "province", "formed_from", "province_code", "formed_from_district"]
KIND_LABELS = {
    "tinh": ("tỉnh", "province"),
    "thanh-pho": ("thành phố trực thuộc trung ương", "centrally-governed city"),
    "xa": ("xã", "commune"),
    "phuong": ("phường", "ward"),
    "dac-khu": ("đặc khu", "special zone"),
}
LEVEL_LABELS = {"tinh": ("cấp tỉnh", "provincial"), "xa": ("cấp xã", "commune level")}


@click.command(
    name="units",
    help=tr(
        "Danh mục đơn vị hành chính từ 01/7/2025 (34 tỉnh, thành phố; 3.321 xã, phường, đặc khu) và các đơn vị cũ hình thành nên chúng.",
        "Administrative units since 1 July 2025 (34 provinces; 3,321 communes, wards, special zones) and the old units they were formed from.",
    ),
)
@click.option("--province", help=tr("Chỉ tỉnh này và các xã của tỉnh (tên, thư mục hoặc mã; không phân biệt dấu).", "Only this province and its communes (name, folder slug or code; diacritics ignored)."))
@click.option("--level", type=click.Choice(["tinh", "xa"]), help=tr("Chỉ cấp tỉnh hoặc cấp xã.", "Only provincial or commune-level units."))
@click.option("--from", "formed_from", help=tr("Các đơn vị mới hình thành từ đơn vị cũ có tên này (xã, huyện hoặc tỉnh cũ; có hoặc không có 'Xã', 'Huyện'…).", "The new units formed from an old unit of this name (old commune, district or province; with or without 'Xã', 'Huyện'…)."))
@format_option
@output_option
@force_option
def command(province: str | None, level: str | None, formed_from: str | None, fmt: str, output: Path | None, force: bool) -> None:
    from cchc.app.units import list_units
    from cchc.core.labels import label
    from cchc.core.units import unit_record

    check_destination(fmt, output, force)
    rows = [unit_record(u) for u in list_units(province, level, formed_from)]
    headers = [tr("Mã", "Code"), tr("Tên", "Name"), tr("Loại", "Kind"), tr("Cấp", "Level"), tr("Tỉnh, thành phố", "Province"), tr("Hình thành từ", "Formed from")]
    title = tr(f"Đơn vị hành chính từ 01/7/2025 ({len(rows)} đơn vị)", f"Administrative units since 1 July 2025 ({len(rows)} units)")
    display = {"kind": lambda k: label(KIND_LABELS, k), "level": lambda k: label(LEVEL_LABELS, k)}
    emit(SimpleTable(title, KEYS, headers, rows, display=display), fmt, output)
