"""``cchc validate``: check plans, registries, methodologies, figures and progress files for CI."""

from __future__ import annotations

import json
from pathlib import Path

import click

from cchc.core.i18n import tr
from cchc.core.problems import ERROR, EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Problem


@click.command(name="validate", help=tr("Kiểm tra các tệp của cchc: kế hoạch, danh mục, phương pháp, số liệu và tiến độ (YAML, CSV, xlsx; mặc định: plans/).", "Check cchc files: plans, registries, methodologies, figures and progress (YAML, CSV, xlsx; default: plans/)."))
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github"]), default="text", show_default=True, help=tr("Định dạng kết quả; 'github' in chú thích cho GitHub Actions.", "Output format; 'github' prints GitHub Actions annotations."))
@click.option("--strict", is_flag=True, help=tr("Coi cảnh báo là lỗi.", "Treat warnings as errors."))
@click.option("--plans", "plans_dir", type=click.Path(path_type=Path), default=Path("plans"), show_default=True, help=tr("Kế hoạch dùng để đối chiếu báo cáo tiến độ và số liệu.", "Plans that progress and figure files are checked against."))
def command(paths: tuple[Path, ...], fmt: str, strict: bool, plans_dir: Path) -> int:
    from cchc.app.validate import validate_paths

    targets = list(paths) or [Path("plans")]
    missing = [p for p in targets if not p.exists()]
    problems, unreadable, files = validate_paths([p for p in targets if p.exists()], plans_dir)
    for path in missing:
        problems.insert(0, Problem(str(path), None, None, "Y005", tr("không tìm thấy tệp hoặc thư mục", "no such file or folder")))
    errors = sum(1 for p in problems if p.severity == ERROR)
    warnings = len(problems) - errors
    _render(problems, fmt)
    click.echo(
        tr(f"{files} tệp: {errors} lỗi, {warnings} cảnh báo.", f"{files} files: {errors} errors, {warnings} warnings."),
        err=True,
    )
    if unreadable or missing:
        return EXIT_USAGE
    if errors or (strict and warnings):
        return EXIT_PROBLEMS
    return EXIT_OK


def _render(problems: list[Problem], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps([p.to_json() for p in problems], ensure_ascii=False, indent=2))
        return
    for problem in problems:
        if fmt == "github":
            level = "error" if problem.severity == ERROR else "warning"
            where = f"file={problem.path}"
            if problem.line:
                where += f",line={problem.line},col={problem.col or 1}"
            message = problem.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            click.echo(f"::{level} {where},title={problem.code}::{message}")
        else:
            click.echo(problem.format())
