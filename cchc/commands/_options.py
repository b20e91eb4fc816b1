"""Options shared by several commands, and the :class:`cchc.app.inputs.Inputs` they build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from cchc.core.i18n import tr

PLANS_DIR = click.option("--plans", "plans_dir", type=click.Path(path_type=Path), default=Path("plans"), show_default=True, help=tr("Thư mục kế hoạch.", "Plans folder."))
PROVINCE = click.option("--province", help=tr("Tỉnh (tên hoặc thư mục, vd. hai-duong).", "Province (name or folder slug, e.g. hai-duong)."))
FIGURES = click.option("--figures", "figures_path", type=click.Path(path_type=Path), help=tr("Tệp/thư mục số liệu (mặc định: reports/NĂM/<tỉnh>/ cạnh thư mục kế hoạch).", "Figures file or folder (default: reports/YEAR/<province>/ beside the plans folder)."))
PROGRESS = click.option("--progress", "progress_path", type=click.Path(path_type=Path), help=tr("Tệp/thư mục báo cáo tiến độ (mặc định: reports/ cạnh thư mục kế hoạch).", "Progress file or folder (default: reports/ beside the plans folder)."))
METHODOLOGY = click.option("--methodology", "methodology_name", help=tr("Phương pháp: qd766 hoặc tệp YAML (mặc định: <kế hoạch>/<tỉnh>/methodology-NĂM.yaml, nếu không có thì qd766).", "Methodology: qd766 or a YAML file (default: <plans>/<province>/methodology-YEAR.yaml, else qd766)."))
AS_OF = click.option("--as-of", "as_of", help=tr("Tính đến ngày (YYYY-MM-DD hoặc DD/MM/YYYY; mặc định: hôm nay).", "As of this date (YYYY-MM-DD or DD/MM/YYYY; default: today)."))


def parse_date(value: str | None, option: str = "--as-of") -> dt.date | None:
    from cchc.core.problems import EXIT_USAGE, CchcError

    if value is None:
        return None
    for parse in (dt.date.fromisoformat, lambda v: dt.datetime.strptime(v, "%d/%m/%Y").date()):
        try:
            return parse(value.strip())
        except ValueError:
            continue
    raise CchcError(tr(f"{option} '{value}' không phải ngày có thật; viết YYYY-MM-DD hoặc DD/MM/YYYY", f"{option} '{value}' is not a real date; write YYYY-MM-DD or DD/MM/YYYY"), EXIT_USAGE)


def make_inputs(plans_dir: Path, province: str | None = None, figures_path: Path | None = None, progress_path: Path | None = None, methodology_name: str | None = None, as_of: str | None = None):  # noqa: ANN201
    from cchc.app.inputs import Inputs

    return Inputs(plans=plans_dir, province=province, figures=figures_path, progress=progress_path, methodology=methodology_name, as_of=parse_date(as_of))
