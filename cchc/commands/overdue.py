"""``cchc overdue``: what is late as of a date, grouped by agency, with who carries it now."""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands._options import AS_OF, PLANS_DIR, PROGRESS, make_inputs
from cchc.commands._output import check_destination, emit, force_option, format_option, output_option
from cchc.core.i18n import get_lang, tr
from cchc.core.labels import REPORTED_LABELS, SCHEDULE_KIND_LABELS, label


@click.command(name="overdue", help=tr("Danh sách nhiệm vụ quá hạn theo cơ quan, tính đến một ngày.", "Overdue activities by agency as of a date."))
@click.option("--plan", "plan_ids", multiple=True, help=tr("Chỉ kế hoạch này (lặp lại được).", "Only this plan (repeatable)."))
@PLANS_DIR
@PROGRESS
@AS_OF
@click.option("--province", help=tr("Chỉ kế hoạch của tỉnh này.", "Only this province's plans."))
@click.option("--agency", help=tr("Chỉ nhiệm vụ của cơ quan này (kể cả với tư cách thành viên của 'Các sở, ban, ngành'…).", "Only this agency's duties (including as a member of a collective)."))
@click.option("--within", type=click.IntRange(min=0), help=tr("Liệt kê thêm việc đến hạn trong N ngày tới.", "Also list what falls due in the next N days."))
@click.option("--year", type=click.IntRange(1990, 2100), help=tr("Chỉ các kỳ có hạn trong năm này (một năm của kế hoạch nhiều năm).", "Only the periods due in this year (one year of a multi-year plan)."))
@click.option("--by-member", is_flag=True, help=tr("Mỗi cơ quan thành viên của một tập thể ('UBND các huyện…') thành một nhóm riêng.", "Each member of a collective lead ('UBND các huyện…') in a group of its own."))
@format_option
@output_option
@click.option("--xlsx", "xlsx_path", type=click.Path(path_type=Path), help=tr("Ghi thêm ra tệp Excel.", "Also write an Excel workbook."))
@force_option
def command(plan_ids, plans_dir, progress_path, as_of, province, agency, within, year, by_member, fmt, output, xlsx_path, force) -> None:  # noqa: ANN001
    from cchc.app.overdue_report import overdue

    inputs = make_inputs(plans_dir, province, progress_path=progress_path, as_of=as_of)
    sources = [p for p in (plans_dir, progress_path) if p is not None]
    check_destination(fmt, output, force, sources)
    if xlsx_path is not None:
        from cchc.adapters.excel import check_target

        check_target(xlsx_path, force, tuple(sources))
    report = overdue(inputs, tuple(plan_ids), agency, within, year, by_member=by_member)
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
    """At most ``width`` characters, cut at a word with "…" so what is left still reads."""
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0] if " " in text[: width - 1] else text[: width - 1]
    return cut.rstrip(" ,;:-") + "…"


NUMBER_WIDTH = 6
PERIODS_WIDTH = 18
TIMES_WIDTH = 4
DAYS_WIDTH = 6
REPORTED_WIDTH = 14


def print_report(out, report) -> None:  # noqa: ANN001
    """Per agency and plan, one line per duty (a recurring duty's missed periods together), sized to
    the terminal: at 120 columns the activity text gets two lines of about 65 characters."""
    from rich.markup import escape
    from rich.table import Table

    from cchc.core.labels import plan_label
    from cchc.core.overdue import group_recurring

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
    fixed = NUMBER_WIDTH + PERIODS_WIDTH + TIMES_WIDTH + DAYS_WIDTH + REPORTED_WIDTH
    text_width = max(24, out.width - fixed - 3 * 5 - 1)
    for group in report.groups:
        name = group.name or tr("(không ghi cơ quan chủ trì)", "(no lead agency)")
        if several_provinces:
            name += f" — {group.province}"
        if group.now_name:
            name += f" ({tr('nay', 'now')}: {group.now_name})"
        duties = group_recurring(group.rows)
        summary = tr(
            f"phải xong {group.due} · đúng hạn {group.done_on_time} · trễ hạn {group.done_late} · quá hạn {group.overdue}",
            f"due {group.due} · on time {group.done_on_time} · late {group.done_late} · overdue {group.overdue}",
        )
        if duties:
            summary += tr(f" ({len(duties)} nhiệm vụ)", f" ({len(duties)} duties)")
        out.print(f"\n[bold]{escape(name)}[/] — {summary}", highlight=False)
        by_plan: dict[str, list] = {}
        for duty_group in duties:
            by_plan.setdefault(duty_group.duty.plan.id, []).append(duty_group)
        for plan_duties in by_plan.values():
            plan = plan_duties[0].duty.plan
            table = Table(title=f"[dim]{escape(plan_label(plan))}[/]", title_justify="left", header_style="bold", show_edge=False, pad_edge=False)
            table.add_column(tr("Số TT", "No."), width=NUMBER_WIDTH, overflow="fold")
            table.add_column(tr("Nội dung", "Activity"), width=text_width, overflow="fold")
            table.add_column(tr("Kỳ chưa hoàn thành", "Periods not done"), width=PERIODS_WIDTH, overflow="fold")
            table.add_column(tr("Lần", "Times"), width=TIMES_WIDTH, justify="right")
            table.add_column(tr("Ngày", "Days"), width=DAYS_WIDTH, justify="right")
            table.add_column(tr("Báo cáo", "Reported"), width=REPORTED_WIDTH, overflow="fold")
            for duty_group in plan_duties:
                d = duty_group.duty
                via = f" ({tr('qua', 'via')} {d.via})" if d.via else ""
                text = escape(_short(d.activity.text, 2 * text_width - len(via) - 1)) + (f"[dim]{escape(via)}[/]" if via else "")
                days = f"{duty_group.days_late:,}".replace(",", "." if get_lang() == "vi" else ",")
                table.add_row(escape(d.activity.number), text, duty_group.periods, str(duty_group.count), f"[red]{days}[/]", label(REPORTED_LABELS, duty_group.reported))
            out.print(table)
    if report.within is not None:
        out.print(f"\n[bold]{tr(f'Sắp đến hạn trong {report.within} ngày tới', f'Due in the next {report.within} days')}[/] ({len(report.upcoming)})")
        for s in report.upcoming:
            d = s.duty
            out.print(f"  {d.occurrence.due:%d/%m/%Y}  {d.owner_name}  {d.activity.number}  {_short(d.activity.text, 70)}", highlight=False, markup=False)
    if report.standing:
        counts: dict[str, int] = {}
        for item in report.standing:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        parts = ", ".join(f"{n} {label(SCHEDULE_KIND_LABELS, k)}" for k, n in sorted(counts.items()))
        out.print(f"\n[bold]{tr('Không tính quá hạn', 'Not counted as overdue')}[/]: {parts}", highlight=False)
        for item in report.standing:
            out.print(f"  [{label(SCHEDULE_KIND_LABELS, item.kind)}] {item.activity.number or item.activity.id}  {_short(item.activity.text, 60)} — {item.activity.deadline or '∅'}", highlight=False, markup=False)
    out.print(tr(f"\nTính đến ngày: {report.as_of:%d/%m/%Y}", f"\nAs of: {report.as_of:%Y-%m-%d}"), highlight=False)
