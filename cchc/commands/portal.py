"""``cchc portal import`` / ``cchc portal trend``: dated snapshots of the national portal's QĐ 766
index table, and how each unit moved between them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from cchc.commands._options import PLANS_DIR, make_inputs, parse_date
from cchc.commands._output import check_destination, emit, force_option, format_option, output_option
from cchc.core.i18n import tr


@click.group(name="portal", help=tr("Ảnh chụp bảng điểm Bộ chỉ số 766 trên Cổng DVCQG và biến động theo thời gian.", "Snapshots of the national portal's QĐ 766 index table, and changes over time."))
def command() -> None:
    """The ``portal`` group."""


@command.command(
    name="import",
    help=tr(
        "Lưu bảng điểm tải từ Cổng DVCQG (JSON, CSV, xlsx) thành ảnh chụp reports/portal/<tỉnh>/<ngày>.yaml; đơn vị không khớp danh mục được báo và vẫn giữ.",
        "Store a portal table (JSON, CSV, xlsx) as the snapshot reports/portal/<province>/<date>.yaml; units not in the registry are reported and kept.",
    ),
)
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--province", required=True, help=tr("Tỉnh (tên hoặc thư mục, vd. hai-duong).", "Province (name or folder slug, e.g. hai-duong)."))
@click.option("--date", "date", help=tr("Ngày của bảng điểm (YYYY-MM-DD hoặc DD/MM/YYYY; mặc định: hôm nay).", "Date of the table (YYYY-MM-DD or DD/MM/YYYY; default: today)."))
@PLANS_DIR
@force_option
def import_command(source: Path, province: str, date: str | None, plans_dir: Path, force: bool) -> None:
    from cchc.app.portal import import_table

    result = import_table(make_inputs(plans_dir, province), source, parse_date(date, "--date"), force)
    for problem in result.warnings:
        click.echo(problem.format(), err=True)
    units = len(result.snapshot.units)
    matched = units - len(result.unmatched)
    if not result.changed:
        click.echo(tr(f"Ảnh chụp {result.path} đã có đúng số liệu này; không ghi lại.", f"Snapshot {result.path} already holds these figures; nothing written."))
    else:
        verb = tr("Đã thay", "Replaced") if result.replaced else tr("Đã ghi", "Wrote")
        click.echo(f"{verb} {result.path}")
    click.echo(tr(f"{units} đơn vị: {matched} khớp danh mục, {len(result.unmatched)} chưa khớp.", f"{units} units: {matched} matched to the registry, {len(result.unmatched)} unmatched."))


class _TrendListing:
    def __init__(self, result: Any):
        from cchc.app.portal import trend_json

        self.result = result
        self.json = trend_json(result)

    def data(self) -> Any:
        return self.json

    def rows(self) -> tuple[list[str], list[list[Any]]]:
        from cchc.core.portal import GROUP_KEYS

        keys = ["name", "agency", "agency_id", "first_date", "first_total", "last_date", "last_total", "delta", "first_rank", "last_rank", "rank_change", *(f"{k}_delta" for k in GROUP_KEYS)]
        rows = []
        for unit in self.json["units"]:
            deltas = {g["key"]: g["delta"] for g in unit["groups"]}
            rows.append(
                [
                    unit["name"],
                    unit["agency"],
                    unit["agency_id"],
                    unit["first"]["date"],
                    unit["first"]["total"],
                    unit["last"]["date"],
                    unit["last"]["total"],
                    unit["delta"],
                    unit["first"]["rank"],
                    unit["last"]["rank"],
                    unit["rank_change"],
                    *(deltas[k] for k in GROUP_KEYS),
                ]
            )
        return keys, rows

    def show(self, out: Any) -> None:
        from rich.table import Table

        from cchc.core.i18n import get_lang
        from cchc.indicators.base import format_number

        mark = "," if get_lang() == "vi" else "."

        def number(value: Any, signed: bool = False) -> str:
            if value is None:
                return ""
            text = format_number(value, mark)
            return f"+{text}" if signed and value > 0 else text

        dates = self.json["dates"]
        title = tr(
            f"Bộ chỉ số 766 — {self.json['province']}: {len(dates)} ảnh chụp, {dates[0]} → {dates[-1]}",
            f"QĐ 766 index — {self.json['province']}: {len(dates)} snapshots, {dates[0]} → {dates[-1]}",
        )
        table = Table(title=title, header_style="bold")
        for header, justify in (
            (tr("Đơn vị", "Unit"), "left"),
            (tr("Đầu", "First"), "right"),
            (tr("Cuối", "Last"), "right"),
            (tr("Thay đổi", "Change"), "right"),
            (tr("Hạng", "Rank"), "right"),
            (tr("Tăng hạng", "Ranks gained"), "right"),
            (tr("Có trong", "Present in"), "right"),
        ):
            table.add_column(header, justify=justify, overflow="fold")
        for unit in self.json["units"]:
            name = unit["name"] if unit["agency"] else f"{unit['name']} {tr('(chưa khớp)', '(unmatched)')}"
            rank = "" if unit["last"]["rank"] is None else str(unit["last"]["rank"])
            table.add_row(name, number(unit["first"]["total"]), number(unit["last"]["total"]), number(unit["delta"], True), rank, number(unit["rank_change"], True), f"{unit['snapshots']}/{len(dates)}")
        out.print(table)
        if self.json["unmatched"]:
            out.print(tr(f"Chưa khớp danh mục: {', '.join(self.json['unmatched'])}", f"Not in the registry: {', '.join(self.json['unmatched'])}"))


@command.command(
    name="trend",
    help=tr(
        "Biến động từng đơn vị giữa ảnh chụp đầu và cuối: tổng điểm, thay đổi, thay đổi thứ hạng, từng nhóm chỉ số.",
        "How each unit moved between its first and last snapshot: totals, change, rank change, group by group.",
    ),
)
@click.option("--province", required=True, help=tr("Tỉnh (tên hoặc thư mục, vd. hai-duong).", "Province (name or folder slug, e.g. hai-duong)."))
@click.option("--from", "start", help=tr("Từ ngày (YYYY-MM-DD hoặc DD/MM/YYYY).", "From this date (YYYY-MM-DD or DD/MM/YYYY)."))
@click.option("--to", "end", help=tr("Đến ngày (YYYY-MM-DD hoặc DD/MM/YYYY).", "To this date (YYYY-MM-DD or DD/MM/YYYY)."))
@click.option("--xlsx", "xlsx", type=click.Path(path_type=Path, dir_okay=False), help=tr("Ghi thêm sổ Excel có biểu đồ đường.", "Also write an Excel workbook with line charts."))
@PLANS_DIR
@format_option
@output_option
@force_option
def trend_command(province: str, start: str | None, end: str | None, xlsx: Path | None, plans_dir: Path, fmt: str, output: Path | None, force: bool) -> None:
    from cchc.app.portal import portal_trend

    check_destination(fmt, output, force, [plans_dir])
    inputs = make_inputs(plans_dir, province)
    if xlsx is not None:
        from cchc.adapters.excel import check_target

        check_target(xlsx, force, (plans_dir, inputs.reports))
    result = portal_trend(inputs, parse_date(start, "--from"), parse_date(end, "--to"))
    emit(_TrendListing(result), fmt, output)
    if xlsx is not None:
        from cchc.adapters.portalbook import write_trend_workbook

        write_trend_workbook(result, xlsx, force=True)  # checked above, before any work
        click.echo(tr(f"Đã ghi {xlsx}", f"Wrote {xlsx}"), err=True)
