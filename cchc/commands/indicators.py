"""``cchc indicators``: every indicator cchc knows, and what its numerator and denominator count."""

from __future__ import annotations

import click

from cchc.commands._output import check_destination, emit, force_option, format_option, output_option
from cchc.core.i18n import tr


@click.command(name="indicators", help=tr("Danh sách chỉ tiêu: lĩnh vực, đơn vị, chiều tốt, chỉ tiêu mặc định, tử số và mẫu số đếm gì.", "Every indicator: area, unit, direction, default target, and what numerator and denominator count."))
@format_option
@output_option
@force_option
def command(fmt, output, force) -> None:  # noqa: ANN001
    from cchc.commands._output import SimpleTable
    from cchc.core.i18n import get_lang
    from cchc.indicators import INDICATORS

    check_destination(fmt, output, force)
    lang = get_lang()
    rows = []
    for indicator in INDICATORS.values():
        numerator, denominator, value = indicator.parts
        goal = indicator.default_target
        rows.append(
            {
                "id": indicator.id,
                "title": indicator.title(lang),
                "area": indicator.area,
                "unit": indicator.unit,
                "direction": indicator.direction,
                "default_target": goal.text(indicator.unit, lang),
                "target_op": goal.op,
                "target_value": goal.value,
                "numerator": numerator.meaning(lang) if numerator else None,
                "denominator": denominator.meaning(lang) if denominator else None,
                "value": value.meaning(lang) if value else tr("tỷ lệ %, khi không có tử số và mẫu số", "the percentage, when numerator and denominator are not known"),
                "aliases": list(indicator.aliases),
            }
        )
    headers = [tr("Mã", "Id"), tr("Chỉ tiêu", "Indicator"), tr("Lĩnh vực", "Area"), tr("Đơn vị", "Unit"), tr("Chiều tốt", "Better"), tr("Chỉ tiêu mặc định", "Default target"), tr("Tử số", "Numerator"), tr("Mẫu số", "Denominator")]
    better = {"higher": tr("cao hơn", "higher"), "lower": tr("thấp hơn", "lower")}
    units = {"minutes": tr("phút", "minutes")}
    keys = ["id", "title", "area", "unit", "direction", "default_target", "numerator", "denominator", "value", "target_op", "target_value", "aliases"]
    table = SimpleTable(tr("Các chỉ tiêu", "Indicators"), keys, headers, rows, display={"direction": lambda d: better[d], "unit": lambda u: units.get(u, u), "numerator": lambda t: t, "denominator": lambda t: t})
    emit(table, fmt, output)
