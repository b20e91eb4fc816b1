"""The ``cchc portal trend --xlsx`` workbook: the change of every unit between two dates, and line
charts of the province's total and of the biggest movers over every snapshot.

Built with the workbook machinery of :mod:`cchc.adapters.excel` (same title block, fonts, formats,
print setup, atomic write and overwrite policy); only the sheets and charts are defined here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from openpyxl.chart import LineChart, Reference

from cchc.adapters.excel import Column, Heading, Sheet, Table, _Book, check_target
from cchc.core.i18n import tr
from cchc.core.labels import AGENCY_KIND_LABELS, label
from cchc.core.portal import GROUPS

MOVERS = 5


def _changes_sheet(trend: Any) -> Sheet:
    columns = [
        Column(tr("Đơn vị (trên Cổng)", "Unit (on the portal)"), "text"),
        Column(tr("Cơ quan trong danh mục", "Registry agency"), "text"),
        Column(tr("Loại", "Kind"), "text"),
        Column(tr("Ngày đầu", "First date"), "date"),
        Column(tr("Tổng điểm đầu", "First total"), "points"),
        Column(tr("Ngày cuối", "Last date"), "date"),
        Column(tr("Tổng điểm cuối", "Last total"), "points"),
        Column(tr("Thay đổi", "Change"), "points"),
        Column(tr("Hạng đầu", "First rank"), "number"),
        Column(tr("Hạng cuối", "Last rank"), "number"),
        Column(tr("Tăng hạng", "Ranks gained"), "number"),
        *(Column(tr(f"Thay đổi: {vi}", f"Change: {en}"), "points") for _, vi, en in GROUPS),
    ]

    def rows() -> Iterator[list]:
        for m in trend.movements:
            deltas = m.group_deltas()
            yield [
                m.name,
                m.agency_name or tr("(chưa khớp)", "(unmatched)"),
                label(AGENCY_KIND_LABELS, m.kind) if m.kind else "",
                m.first.date,
                m.first.total,
                m.last.date,
                m.last.total,
                m.delta,
                m.first.rank,
                m.last.rank,
                m.rank_change,
                *(deltas[key] for key, _, _ in GROUPS),
            ]

    caption = tr(
        f"Biến động điểm Bộ chỉ số 766 từ {trend.dates[0]:%d/%m/%Y} đến {trend.dates[-1]:%d/%m/%Y}",
        f"QĐ 766 index changes from {trend.dates[0]:%d/%m/%Y} to {trend.dates[-1]:%d/%m/%Y}",
    )
    return Sheet(tr("Biến động", "Changes"), caption, Table(columns, rows))


def _series_sheet(trend: Any, movers: list[Any]) -> Sheet:
    columns = [
        Column(tr("Ngày", "Date"), "date"),
        Column(tr("Tổng điểm của tỉnh", "Province total"), "points"),
        *(Column(m.name, "points") for m in movers),
    ]

    def rows() -> Iterator[list]:
        for day, total in trend.province_totals:
            yield [day, total, *(m.total_on(day) for m in movers)]

    return Sheet(tr("Biểu đồ", "Charts"), tr("Tổng điểm theo ngày ảnh chụp", "Totals by snapshot date"), Table(columns, rows))


def _line(layout: Any, title: str, first_col: int, last_col: int) -> LineChart:
    chart = LineChart()
    chart.title = title
    chart.add_data(Reference(layout.ws, min_col=first_col, max_col=last_col, min_row=layout.header_row, max_row=layout.last_row), titles_from_data=True)
    chart.set_categories(Reference(layout.ws, min_col=1, min_row=layout.first_row, max_row=layout.last_row))
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 100
    chart.x_axis.number_format = "dd/mm/yyyy"
    chart.x_axis.delete = chart.y_axis.delete = False
    chart.width, chart.height = 24, 10
    return chart


def write_trend_workbook(trend: Any, path: Path, force: bool = False) -> None:
    """The changes table and, on a second sheet, the series behind two line charts."""
    path = Path(path)
    check_target(path, force)
    heading = Heading(
        title=tr(f"Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766) — {trend.province}", f"Index of service to citizens and businesses (QĐ 766) — {trend.province}"),
        source=tr("ảnh chụp bảng điểm trên Cổng Dịch vụ công quốc gia", "snapshots of the national public-service portal's table"),
    )
    book = _Book(heading)
    book.add(_changes_sheet(trend))
    movers = trend.movers(MOVERS)
    charts = book.add(_series_sheet(trend, movers))
    anchor_col = len(charts.sheet.table.columns) + 2
    from openpyxl.utils import get_column_letter

    anchor = get_column_letter(anchor_col)
    row = charts.header_row
    if any(total is not None for _, total in trend.province_totals):
        charts.ws.add_chart(_line(charts, tr("Tổng điểm của tỉnh", "Province total"), 2, 2), f"{anchor}{row}")
        row += 22
    if movers:
        charts.ws.add_chart(_line(charts, tr("Đơn vị thay đổi nhiều nhất", "Biggest movers"), 3, 2 + len(movers)), f"{anchor}{row}")
    book.save(path)
