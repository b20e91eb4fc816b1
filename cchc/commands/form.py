"""``cchc form progress|figures``: Excel forms for agencies to fill in and send back."""

from __future__ import annotations

from pathlib import Path

import click

from cchc.commands._options import PLANS_DIR, PROVINCE, make_inputs
from cchc.commands._output import force_option
from cchc.core.i18n import tr

AGENCY = click.option("--agency", help=tr("Cơ quan nhận biểu mẫu.", "The agency the form is for."))
ALL = click.option("--all", "every", is_flag=True, help=tr("Mỗi cơ quan của tỉnh một biểu mẫu, ghi vào thư mục -o.", "One form per agency of the province, written into the -o folder."))
OUTPUT = click.option("-o", "--output", "output", type=click.Path(path_type=Path), required=True, help=tr("Tệp .xlsx (hoặc thư mục, với --all).", "The .xlsx file (or a folder, with --all)."))


@click.group(name="form", help=tr("Lập biểu mẫu Excel gửi cơ quan điền (thu lại bằng 'cchc collect').", "Make Excel forms for agencies to fill in (read back with 'cchc collect')."))
def command() -> None:
    pass


@command.command(name="progress", help=tr("Biểu mẫu báo cáo tiến độ các nhiệm vụ có hạn trong một kỳ báo cáo.", "Progress form: the duties due in a reporting period."))
@click.option("--period", required=True, help=tr("Kỳ: 2024-Q1…2024-Q4, 2024-H1 (6 tháng), 2024 (năm), 2024-05 (tháng); số liệu chốt ngày 14.", "Period: 2024-Q1…2024-Q4, 2024-H1, 2024 (year), 2024-05 (month); data cut off on the 14th."))
@click.option("--calendar", is_flag=True, help=tr("Dùng quý, tháng, năm theo lịch thay cho kỳ chốt ngày 14.", "Use calendar quarters, months and years instead of the 14th cut-off."))
@AGENCY
@ALL
@PROVINCE
@PLANS_DIR
@OUTPUT
@force_option
def progress(period, calendar, agency, every, province, plans_dir, output, force) -> None:  # noqa: ANN001
    from cchc.app.forms import progress_forms

    _check_choice(agency, every)
    made = progress_forms(make_inputs(plans_dir, province), period, None if every else agency, calendar)
    _write(made, output, every, force, plans_dir)


@command.command(name="figures", help=tr("Biểu mẫu số liệu các chỉ tiêu mà phương pháp chấm điểm của năm cần.", "Figures form: the indicators the year's methodology needs."))
@click.argument("year", type=click.IntRange(1990, 2100))
@AGENCY
@ALL
@PROVINCE
@PLANS_DIR
@click.option("--methodology", "methodology_name", help=tr("Phương pháp: qd766 hoặc tệp YAML (mặc định: <kế hoạch>/<tỉnh>/methodology-NĂM.yaml, nếu không có thì qd766).", "Methodology: qd766 or a YAML file (default: <plans>/<province>/methodology-YEAR.yaml, else qd766)."))
@OUTPUT
@force_option
def figures(year, agency, every, province, plans_dir, methodology_name, output, force) -> None:  # noqa: ANN001
    from cchc.app.forms import figures_forms

    _check_choice(agency, every)
    made = figures_forms(make_inputs(plans_dir, province, methodology_name=methodology_name), year, None if every else agency)
    _write(made, output, every, force, plans_dir)


def _check_choice(agency: str | None, every: bool) -> None:
    if bool(agency) == every:
        raise click.UsageError(tr("cần đúng một trong hai: --agency TÊN hoặc --all", "give exactly one of --agency NAME or --all"))


def _write(made, output: Path, every: bool, force: bool, plans_dir: Path) -> None:  # noqa: ANN001
    from cchc.adapters.forms import form_bytes
    from cchc.adapters.outputs import check_output, write_atomic, write_files_atomically

    if not every:
        (one,) = made
        check_output(output, (".xlsx",), force, (plans_dir,))
        write_atomic(output, form_bytes(one.form))
        click.echo(tr(f"Đã ghi {output} ({one.agency.name}: {one.rows} dòng)", f"Wrote {output} ({one.agency.name}: {one.rows} rows)"), err=True)
        return
    if output.exists() and not output.is_dir():
        raise click.UsageError(tr(f"với --all, -o là một thư mục; '{output}' là một tệp", f"with --all, -o is a folder; '{output}' is a file"))
    files = {}
    for item in made:
        path = output / item.file_name
        check_output(path, (".xlsx",), force, (plans_dir,), create_parents=True)
        files[path] = form_bytes(item.form)
    if not files:
        click.echo(tr("Không có cơ quan nào cần biểu mẫu này.", "No agency needs this form."), err=True)
        return
    write_files_atomically(files)
    click.echo(tr(f"Đã ghi {len(files)} biểu mẫu vào {output}", f"Wrote {len(files)} forms into {output}"), err=True)
