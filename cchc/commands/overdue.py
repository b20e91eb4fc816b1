"""``cchc overdue``: what is late as of a date, grouped by agency, with who carries it now."""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands._options import AS_OF, PLANS_DIR, PROGRESS, make_inputs
from cchc.commands._output import check_destination, emit, force_option, format_option, output_option
from cchc.core.i18n import tr
from cchc.core.labels import REPORTED_LABELS, SCHEDULE_KIND_LABELS, label


@click.command(name="overdue", help=tr("Danh sách nhiệm vụ quá hạn theo cơ quan, tính đến một ngày.", "Overdue activities by agency as of a date."))
@click.option("--plan", "plan_ids", multiple=True, help=tr("Chỉ kế hoạch này (lặp lại được).", "Only this plan (repeatable)."))
@PLANS_DIR
@PROGRESS
@AS_OF
@click.option("--province", help=tr("Chỉ kế hoạch của tỉnh này.", "Only this province's plans."))
@click.option("--agency", help=tr("Chỉ nhiệm vụ của cơ quan này (kể cả với tư cách thành viên của 'Các sở, ban, ngành'…).", "Only this agency's duties (including as a member of a collective)."))
@click.option("--within", type=click.IntRange(min=0), help=tr("Liệt kê thêm việc đến hạn trong N ngày tới.", "Also list what falls due in the next N days."))
@click.option("--year", type=click.IntRange(1990, 2100), help=tr("Chỉ các kế hoạch có kỳ bao gồm năm này.", "Only plans whose period covers this year."))
@format_option
@output_option
@click.option("--xlsx", "xlsx_path", type=click.Path(path_type=Path), help=tr("Ghi thêm ra tệp Excel.", "Also write an Excel workbook."))
@force_option
def command(plan_ids, plans_dir, progress_path, as_of, province, agency, within, year, fmt, output, xlsx_path, force) -> None:  # noqa: ANN001
    from cchc.app.overdue_report import overdue

    inputs = make_inputs(plans_dir, province, progress_path=progress_path, as_of=as_of)
    sources = [p for p in (plans_dir, progress_path) if p is not None]
    check_destination(fmt, output, force, sources)
    if xlsx_path is not None:
        from cchc.adapters.excel import check_target

        check_target(xlsx_path, force, tuple(sources))
    report = overdue(inputs, tuple(plan_ids), agency, within, year)
    emit(OverdueView(report), fmt, output)
    if xlsx_path is not None:
        from cchc.adapters.excel import write_overdue_workbook

        write_overdue_workbook(report, xlsx_path, force=force)
        click.echo(tr(f"Đã ghi {xlsx_path}", f"Wrote {xlsx_path}"), err=True)


class OverdueView:
    def __init__(self, report):  # noqa: ANN001
        self.report = report

    def data(self) -> dict:
        return report_json(self.report)

    def rows(self) -> tuple[list[str], list[list]]:
        return report_rows(self.report)

    def show(self, out) -> None:  # noqa: ANN001
        print_report(out, self.report)


def _row_json(status) -> dict:  # noqa: ANN001
    duty = status.duty
    return {
        "plan": duty.plan.id,
        "activity": duty.activity.id,
        "number": duty.activity.number,
        "text": duty.activity.text,
        "occurrence": duty.occurrence.key,
        "due": duty.occurrence.due.isoformat(),
        "days_overdue": status.days_late if status.state == "overdue" else 0,
        "agency": duty.owner_name,
        "province": duty.plan.province,
        "now": duty.now_name,
        "via": duty.via,
        "products": duty.activity.products,
        "reported_status": status.reported,
    }


def report_json(report) -> dict:  # noqa: ANN001
    """The stable JSON contract of ``cchc overdue --format json`` (README)."""
    return {
        "as_of": report.as_of.isoformat(),
        "agency": report.agency,
        "illustrative": report.illustrative,
        "summary": [
            {"agency": g.name, "province": g.province, "now": g.now_name, "due": g.due, "done_on_time": g.done_on_time, "done_late": g.done_late, "overdue": g.overdue}
            for g in report.groups
        ],
        "overdue": [_row_json(s) for s in report.overdue_rows()],
        "upcoming": [{**_row_json(s), "days_left": (s.duty.occurrence.due - report.as_of).days} for s in report.upcoming],
        "standing": [
            {"plan": s.plan.id, "activity": s.activity.id, "text": s.activity.text, "kind": s.kind, "deadline": s.activity.deadline, "lead": s.activity.lead}
            for s in report.standing
        ],
    }


def report_rows(report) -> tuple[list[str], list[list]]:  # noqa: ANN001
    columns = ["state", "agency", "province", "now", "via", "plan", "activity", "number", "occurrence", "due", "days_overdue", "text", "products", "reported_status"]
    rows = []
    for state, statuses in (("overdue", report.overdue_rows()), ("due_soon", report.upcoming)):
        for s in statuses:
            d = _row_json(s)
            rows.append([state, d["agency"], d["province"], d["now"], d["via"], d["plan"], d["activity"], d["number"], d["occurrence"], d["due"], d["days_overdue"], d["text"], "; ".join(d["products"]), d["reported_status"]])
    return columns, rows


def _short(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_report(out, report) -> None:  # noqa: ANN001
    from rich.table import Table

    title = tr(f"Nhiệm vụ quá hạn tính đến ngày {report.as_of:%d/%m/%Y}", f"Overdue activities as of {report.as_of:%Y-%m-%d}")
    if report.agency:
        title += f" — {report.agency}"
    out.print(f"[bold]{title}[/]", highlight=False)
    if report.illustrative:
        out.print(tr("[yellow]Số liệu tiến độ minh họa (không phải báo cáo thật).[/]", "[yellow]Illustrative progress data (not real reports).[/]"))
    total = sum(g.overdue for g in report.groups)
    if not report.groups or total == 0:
        out.print(tr("Không có nhiệm vụ quá hạn.", "Nothing is overdue."))
    several_provinces = len({g.province for g in report.groups}) > 1
    for group in report.groups:
        name = group.name or tr("(không ghi cơ quan chủ trì)", "(no lead agency)")
        if several_provinces:
            name += f" — {group.province}"
        if group.now_name:
            name += f" ({tr('nay', 'now')}: {group.now_name})"
        summary = tr(
            f"phải xong {group.due} · đúng hạn {group.done_on_time} · trễ hạn {group.done_late} · quá hạn {group.overdue}",
            f"due {group.due} · on time {group.done_on_time} · late {group.done_late} · overdue {group.overdue}",
        )
        out.print(f"\n[bold]{name}[/] — {summary}", highlight=False)
        if not group.rows:
            continue
        table = Table(header_style="bold", show_edge=False)
        for header, justify in ((tr("Kế hoạch", "Plan"), "left"), (tr("Mã", "Id"), "left"), (tr("Nội dung", "Activity"), "left"), (tr("Lần", "Occurrence"), "left"), (tr("Hạn", "Due"), "left"), (tr("Quá hạn (ngày)", "Days overdue"), "right"), (tr("Sản phẩm", "Product"), "left"), (tr("Báo cáo", "Reported"), "left")):
            table.add_column(header, justify=justify, overflow="fold")
        for s in group.rows:
            d = s.duty
            text = _short(d.activity.text)
            if d.via:
                text += f" [dim]({tr('qua', 'via')} {d.via})[/]"
            table.add_row(d.plan.id, d.activity.id, text, d.occurrence.key, f"{d.occurrence.due:%d/%m/%Y}", f"[red]{s.days_late}[/]", _short("; ".join(d.activity.products), 40), label(REPORTED_LABELS, s.reported))
        out.print(table)
    if report.within is not None:
        out.print(f"\n[bold]{tr(f'Sắp đến hạn trong {report.within} ngày tới', f'Due in the next {report.within} days')}[/] ({len(report.upcoming)})")
        for s in report.upcoming:
            d = s.duty
            out.print(f"  {d.occurrence.due:%d/%m/%Y}  {d.owner_name}  {d.plan.id}/{d.activity.id}  {_short(d.activity.text, 70)}", highlight=False, markup=False)
    if report.standing:
        counts: dict[str, int] = {}
        for item in report.standing:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        parts = ", ".join(f"{n} {label(SCHEDULE_KIND_LABELS, k)}" for k, n in sorted(counts.items()))
        out.print(f"\n[bold]{tr('Không tính quá hạn', 'Not counted as overdue')}[/]: {parts}", highlight=False)
        for item in report.standing:
            out.print(f"  [{label(SCHEDULE_KIND_LABELS, item.kind)}] {item.plan.id}/{item.activity.id}  {_short(item.activity.text, 60)} — {item.activity.deadline or '∅'}", highlight=False, markup=False)
    out.print(tr(f"\nTính đến ngày: {report.as_of:%d/%m/%Y}", f"\nAs of: {report.as_of:%Y-%m-%d}"), highlight=False)
