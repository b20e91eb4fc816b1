"""``cchc export YEAR -o PATH``: one Excel workbook for a review meeting.

It gathers what ``cchc overdue`` and ``cchc score`` compute — for the province's plans that cover
YEAR — and hands it to :func:`cchc.excel.write_meeting_workbook`. The as-of date defaults to 31/12
of YEAR once that is past, else today. ``--agency`` selects the agency whose overdue duties (its own
and those it owes as a member of a collective), scorecard and points per area the workbook shows;
the summary, ranking and plan sheets stay province-wide.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import click

from cchc.commands.plans import PLANS_DIR
from cchc.i18n import get_lang, tr


@click.command(
    name="export",
    help=tr(
        "Xuất sổ Excel cho cuộc họp năm YEAR: tổng hợp, quá hạn, phiếu điểm, xếp hạng, biểu đồ, kế hoạch.",
        "Export the meeting workbook for YEAR: summary, overdue, scorecards, ranking, charts, plan.",
    ),
)
@click.argument("year", type=click.IntRange(1990, 2100))
@click.option(
    "-o",
    "--output",
    "output",
    type=click.Path(path_type=Path),
    required=True,
    help=tr("Tệp .xlsx sẽ ghi.", "The .xlsx file to write."),
)
@click.option(
    "--as-of",
    "as_of",
    help=tr(
        "Tính đến ngày (YYYY-MM-DD; mặc định: 31/12/YEAR nếu đã qua, nếu không thì hôm nay).",
        "As of this date (YYYY-MM-DD; default: 31/12/YEAR once past, else today).",
    ),
)
@click.option(
    "--agency",
    help=tr(
        "Cơ quan được chọn: danh sách quá hạn, phiếu điểm và biểu đồ lĩnh vực của cơ quan này.",
        "Selected agency: its overdue list, scorecard and per-area chart.",
    ),
)
@PLANS_DIR
@click.option(
    "--figures",
    "figures_path",
    type=click.Path(path_type=Path),
    help=tr(
        "Tệp/thư mục số liệu (mặc định: reports/YEAR/).", "Figures file or folder (default: reports/YEAR/)."
    ),
)
@click.option(
    "--progress",
    "progress_path",
    type=click.Path(path_type=Path),
    help=tr(
        "Tệp/thư mục báo cáo tiến độ (mặc định: reports/).", "Progress file or folder (default: reports/)."
    ),
)
@click.option(
    "--methodology",
    "methodology_name",
    help=tr(
        "Phương pháp: qd766 hoặc tệp YAML (mặc định như cchc score).",
        "Methodology: qd766 or a YAML file (default as for cchc score).",
    ),
)
@click.option(
    "--province",
    help=tr("Tỉnh (tên hoặc thư mục, vd. hai-duong).", "Province (name or folder slug, e.g. hai-duong)."),
)
@click.option(
    "--force",
    is_flag=True,
    help=tr(
        "Cho phép ghi đè tệp đã có không do cchc tạo.", "Allow replacing an existing file cchc did not write."
    ),
)
def command(
    year, output, as_of, agency, plans_dir, figures_path, progress_path, methodology_name, province, force
) -> None:  # noqa: ANN001
    from dataclasses import replace

    from cchc.commands.overdue import load_inputs, parse_as_of
    from cchc.commands.score import agency_score, default_methodology, resolve_province, scoreboard
    from cchc.excel import check_target, write_meeting_workbook
    from cchc.overdue import activity_statuses, overdue_report
    from cchc.problems import CchcError
    from cchc.scoring import load_methodology, to_json
    from cchc.workspace import load_workspace

    check_target(output, force)  # before any work
    date = parse_as_of(as_of) if as_of else default_as_of(year, dt.date.today())
    workspace = load_workspace(plans_dir, province)
    registry, slug = resolve_province(workspace, province, figures_path, year)
    plan_ids = tuple(
        p.id
        for p in workspace.plans
        if workspace.registry_of(p) is registry and p.period[0] <= year <= p.period[1]
    )
    if not plan_ids:
        raise CchcError(
            tr(
                f"không có kế hoạch nào của {registry.province} cho năm {year} trong {plans_dir}",
                f"no plan of {registry.province} covers {year} in {plans_dir}",
            )
        )
    methodology = load_methodology(methodology_name or default_methodology(plans_dir, slug, year))
    board = scoreboard(workspace, registry, slug, methodology, figures_path, year)
    selected = None
    if agency:
        selected = agency_score(board, registry, agency, workspace)
        if board.find(selected.agency_id) is None:  # no figures: still show its (empty) scorecard
            board = replace(board, scores=[*board.scores, selected])
    pairs, book = load_inputs(plans_dir, plan_ids, progress_path, workspace=workspace)
    report = overdue_report(pairs, book, date)
    plans = [plan for plan, _ in pairs]
    sources = [
        tr("kế hoạch ", "plans ") + ", ".join(plan_ids),
        tr("tiến độ: ", "progress: ") + str(progress_path or Path("reports")),
        tr("số liệu: ", "figures: ") + str(figures_path or Path("reports") / str(year) / slug),
        tr("phương pháp: ", "methodology: ") + methodology.title(get_lang()),
    ]
    write_meeting_workbook(
        output,
        year=year,
        as_of=date,
        overdue_report=report,
        agency_report=overdue_report(pairs, book, date, selected.name) if selected else None,
        score_result=to_json(board),
        plans=plans,
        statuses=activity_statuses(pairs, book, date),
        selected_agency=selected.name if selected else None,
        issuer=_common_issuer(plans),
        source="; ".join(sources),
        illustrative=board.illustrative or book.illustrative,
        force=force,
    )
    click.echo(tr(f"Đã ghi {output}", f"Wrote {output}"))


def default_as_of(year: int, today: dt.date) -> dt.date:
    """31/12 of ``year`` once that day is past, else ``today`` (a meeting during the year)."""
    end = dt.date(year, 12, 31)
    return end if end < today else today


def _common_issuer(plans: list[Any]) -> str:
    """The body that issued most of the plans, as the workbook's issuing body."""
    issuers = Counter(plan.issuer for plan in plans if plan.issuer)
    return issuers.most_common(1)[0][0] if issuers else ""
