"""``cchc deadline``: show how a deadline phrase is read, so users see why something is (not) overdue."""

from __future__ import annotations

import click

from cchc.core.i18n import get_lang, tr


@click.command(name="deadline", help=tr("Giải thích cách cchc đọc một cụm thời hạn, ví dụ: cchc deadline \"Quý I hàng năm\" --period 2021-2025", "Explain how cchc reads a deadline phrase, e.g. cchc deadline \"Quý I hàng năm\" --period 2021-2025"))
@click.argument("phrase")
@click.option("--period", default=None, help=tr("Kỳ kế hoạch: 2024 hoặc 2021-2025 (mặc định: năm nay).", "Plan period: 2024 or 2021-2025 (default: this year)."))
@click.option("--json", "as_json", is_flag=True, help=tr("In JSON ổn định: text, kind, due, start, explanation.", "Print stable JSON: text, kind, due, start, explanation."))
def command(phrase: str, period: str | None, as_json: bool) -> int:
    import datetime as dt
    import re

    from cchc.core.deadlines import parse_deadline
    from cchc.core.problems import CchcError

    if period is None:
        span = (dt.date.today().year, dt.date.today().year)
    else:
        match = re.fullmatch(r"\s*(\d{4})\s*(?:-\s*(\d{4}))?\s*", period)
        if not match or (match.group(2) and int(match.group(2)) < int(match.group(1))):
            raise CchcError(tr(f"--period '{period}' không hợp lệ; viết 2024 hoặc 2021-2025", f"invalid --period '{period}'; write 2024 or 2021-2025"), 2)
        span = (int(match.group(1)), int(match.group(2) or match.group(1)))
    schedule = parse_deadline(phrase, span)
    if as_json:
        from cchc.commands._output import emit_json

        emit_json(schedule.to_json(get_lang()))
    else:
        click.echo(f"{tr('Cụm từ', 'Phrase')}: {schedule.text}")
        from cchc.core.labels import SCHEDULE_KIND_LABELS, label

        click.echo(f"{tr('Loại', 'Kind')}: {label(SCHEDULE_KIND_LABELS, schedule.kind)}")
        if schedule.start:
            click.echo(f"{tr('Bắt đầu', 'Starts')}: {schedule.start.isoformat()}")
        for occurrence in schedule.occurrences:
            click.echo(f"  {occurrence.key}: {tr('hạn', 'due')} {occurrence.due:%d/%m/%Y}" if get_lang() == "vi" else f"  {occurrence.key}: due {occurrence.due.isoformat()}")
        click.echo(tr(schedule.explanation_vi, schedule.explanation_en))
    return 1 if schedule.kind == "unreadable" else 0
