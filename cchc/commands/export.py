"""``cchc export YEAR -o PATH``: one Excel workbook for a review meeting.

The job is :func:`cchc.app.export.meeting_workbook`: what ``cchc overdue`` and ``cchc score``
compute for the province's plans that cover YEAR, in one workbook. The as-of date defaults to 31/12
of YEAR once that is past, else today. ``--agency`` selects the agency whose overdue duties (its own
and those it owes as a member of a collective), scorecard and points per area the workbook shows;
the summary, ranking and plan sheets stay province-wide.
"""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands._options import AS_OF, FIGURES, METHODOLOGY, PLANS_DIR, PROGRESS, PROVINCE, make_inputs
from cchc.commands._output import force_option
from cchc.core.i18n import tr


@click.command(
    name="export",
    help=tr(
        "Xuất sổ Excel cho cuộc họp năm YEAR: tổng hợp, quá hạn, phiếu điểm, xếp hạng, biểu đồ, kế hoạch.",
        "Export the meeting workbook for YEAR: summary, overdue, scorecards, ranking, charts, plan.",
    ),
)
@click.argument("year", type=click.IntRange(1990, 2100))
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), required=True, help=tr("Tệp .xlsx sẽ ghi.", "The .xlsx file to write."))
@AS_OF
@click.option("--agency", help=tr("Cơ quan được chọn: danh sách quá hạn, phiếu điểm và biểu đồ lĩnh vực của cơ quan này.", "Selected agency: its overdue list, scorecard and per-area chart."))
@PLANS_DIR
@FIGURES
@PROGRESS
@METHODOLOGY
@PROVINCE
@force_option
def command(year, output, as_of, agency, plans_dir, figures_path, progress_path, methodology_name, province, force) -> None:  # noqa: ANN001
    from cchc.app.export import meeting_workbook

    inputs = make_inputs(plans_dir, province, figures_path, progress_path, methodology_name, as_of)
    written = meeting_workbook(inputs, year, output, agency, force)
    click.echo(tr(f"Đã ghi {written}", f"Wrote {written}"))
