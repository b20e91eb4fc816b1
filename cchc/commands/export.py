"""``cchc export YEAR -o PATH``: one Excel workbook for a review meeting.

The job is :func:`cchc.app.export.meeting_workbook`: what ``cchc overdue`` and ``cchc score``
compute for the province's plans that cover YEAR, in one workbook. The as-of date defaults to 31/12
of YEAR once that is past, else today. ``--agency`` selects the agency whose overdue duties (its own
and those it owes as a member of a collective), scorecard and points per area the workbook shows;
the summary and ranking stay province-wide with its row marked "●", the plan sheet keeps its
activities. The title block names the province's committee and ``--office`` (default Sở Nội vụ)
from the registry; ``--national-heading``, ``--date``, ``--attached-to`` and ``--signature``
(with ``--prepared-by``/``--signed-by``) complete it as an official document.
"""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands._options import (
    AS_OF,
    FIGURES,
    METHODOLOGY,
    PLANS_DIR,
    PROGRESS,
    PROVINCE,
    make_inputs,
    parse_date,
)
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
@click.option("--office", default="Sở Nội vụ", show_default=True, help=tr("Cơ quan lập biểu (tên trong danh mục), dưới tên UBND tỉnh ở khối tiêu đề.", "The office issuing the workbook (a registry name), under the committee in the title block."))
@click.option("--national-heading", "national", is_flag=True, help=tr("Thêm quốc hiệu, tiêu ngữ.", "Add the national heading."))
@click.option("--date", "dated", help=tr("Ngày ghi ở dòng địa danh, ngày tháng (mặc định: ngày tính đến).", "The date of the place-and-date line (default: the as-of date)."))
@click.option("--attached-to", default="", help=tr("Văn bản mà biểu này kèm theo, ví dụ \"Báo cáo số 123/BC-SNV ngày 20/12/2024\".", "The document this workbook is attached to, e.g. \"Báo cáo số 123/BC-SNV ngày 20/12/2024\"."))
@click.option("--signature", is_flag=True, help=tr("Thêm khối chữ ký (Người lập biểu, Thủ trưởng cơ quan).", "Add the signature block (prepared by, head of office)."))
@click.option("--prepared-by", default="", help=tr("Họ tên người lập biểu (kèm --signature).", "Name of who prepared it (implies --signature)."))
@click.option("--signed-by", default="", help=tr("Họ tên thủ trưởng cơ quan (kèm --signature).", "Name of the head of office (implies --signature)."))
@force_option
def command(year, output, as_of, agency, plans_dir, figures_path, progress_path, methodology_name, province, office, national, dated, attached_to, signature, prepared_by, signed_by, force) -> None:  # noqa: ANN001
    from cchc.app.export import TitleBlock, meeting_workbook

    inputs = make_inputs(plans_dir, province, figures_path, progress_path, methodology_name, as_of)
    signers = (prepared_by, signed_by) if (signature or prepared_by or signed_by) else None
    title = TitleBlock(office or None, national, parse_date(dated, "--date"), attached_to.strip(), signers)
    written = meeting_workbook(inputs, year, output, agency, force, title)
    click.echo(tr(f"Đã ghi {written}", f"Wrote {written}"))
