"""``cchc overdue``: what is late as of a date, grouped by agency, with who carries it now."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cchc.commands.plans import PLANS_DIR
from cchc.i18n import tr
from cchc.labels import REPORTED_LABELS, SCHEDULE_KIND_LABELS, label
from cchc.render import format_option


def parse_as_of(value: str | None) -> dt.date:
    from cchc.problems import CchcError

    if value is None:
        return dt.date.today()
    for parse in (dt.date.fromisoformat, lambda v: dt.datetime.strptime(v, "%d/%m/%Y").date()):
        try:
            return parse(value)
        except ValueError:
            continue
    raise CchcError(tr(f"--as-of '{value}' không phải ngày có thật; viết YYYY-MM-DD hoặc DD/MM/YYYY", f"--as-of '{value}' is not a real date; write YYYY-MM-DD or DD/MM/YYYY"), 2)


def load_inputs(plans_dir: Path, plan_ids: tuple[str, ...], progress_path: Path | None, province: str | None = None, workspace=None):  # noqa: ANN001, ANN201
    """Plans (each with its registry) and the checked progress book; stops on any data error."""
    from cchc.problems import CchcError
    from cchc.progress import ProgressBook, load_progress, progress_files
    from cchc.workspace import load_workspace

    ws = workspace or load_workspace(plans_dir, province)
    plans = [ws.plan(pid) for pid in plan_ids] if plan_ids else ws.plans
    if province is not None:
        registry = ws.registry_for(province)
        plans = [p for p in plans if ws.registry_of(p) is registry]
    pairs = [(plan, ws.registry_of(plan)) for plan in plans]
    root = progress_path or Path("reports")
    if progress_path is not None and not progress_path.exists():
        raise CchcError(tr(f"không có tệp/thư mục tiến độ '{progress_path}'", f"no progress file or folder '{progress_path}'"), 2)
    if not root.exists():
        return pairs, ProgressBook([])
    registries = {plan.id: ws.registry_of(plan) for plan in ws.plans}
    book, problems = load_progress(progress_files(root), ws.plans, registries, skip_other_plans=ws.partial)
    if problems:
        raise CchcError("\n".join(p.format() for p in problems[:20]), 1)
    return pairs, book


@click.command(name="overdue", help=tr("Danh sách nhiệm vụ quá hạn theo cơ quan, tính đến một ngày.", "Overdue activities by agency as of a date."))
@click.option("--plan", "plan_ids", multiple=True, help=tr("Chỉ kế hoạch này (lặp lại được).", "Only this plan (repeatable)."))
@PLANS_DIR
@click.option("--progress", "progress_path", type=click.Path(path_type=Path), help=tr("Tệp/thư mục báo cáo tiến độ (mặc định: reports/).", "Progress file or folder (default: reports/)."))
@click.option("--as-of", "as_of", help=tr("Tính đến ngày (YYYY-MM-DD; mặc định: hôm nay).", "As of this date (YYYY-MM-DD; default: today)."))
@click.option("--province", help=tr("Chỉ kế hoạch của tỉnh này.", "Only this province's plans."))
@click.option("--agency", help=tr("Chỉ nhiệm vụ của cơ quan này (kể cả với tư cách thành viên của 'Các sở, ban, ngành'…).", "Only this agency's duties (including as a member of a collective)."))
@click.option("--within", type=click.IntRange(min=0), help=tr("Liệt kê thêm việc đến hạn trong N ngày tới.", "Also list what falls due in the next N days."))
@format_option
@click.option("--xlsx", "xlsx_path", type=click.Path(path_type=Path), help=tr("Ghi thêm ra tệp Excel.", "Also write an Excel workbook."))
@click.option("--force", is_flag=True, help=tr("Cho phép ghi đè tệp Excel đã có.", "Allow replacing an existing Excel file."))
def command(plan_ids, plans_dir, progress_path, as_of, province, agency, within, fmt, xlsx_path, force) -> None:  # noqa: ANN001
    from cchc.overdue import overdue_report

    date = parse_as_of(as_of)
    pairs, book = load_inputs(plans_dir, plan_ids, progress_path, province)
    report = overdue_report(pairs, book, date, agency, within)
    if fmt == "json":
        from cchc.render import emit_json

        emit_json(report_json(report))
    elif fmt == "csv":
        from cchc.render import emit_csv

        columns, rows = report_rows(report)
        emit_csv(columns, rows)
    else:
        print_report(report)
    if xlsx_path is not None:
        from cchc.excel import write_overdue_workbook

        write_overdue_workbook(report, xlsx_path, force=force)
        click.echo(tr(f"Đã ghi {xlsx_path}", f"Wrote {xlsx_path}"), err=True)


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


def print_report(report) -> None:  # noqa: ANN001
    from rich.table import Table

    from cchc.render import console

    out = console()
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
