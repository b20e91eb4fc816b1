"""``cchc import``: turn a plan table (xlsx, docx, tab-separated text) into a plan YAML file."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from cchc.core.i18n import tr

LARGE_INPUT_ROWS = 500  # below this the import is over before a progress bar would help
_SEVERITY = {
    "guess": ("đoán", "guess"),
    "repair": ("sửa", "repair"),
    "skip": ("bỏ qua", "skipped"),
    "warning": ("cảnh báo", "warning"),
    "error": ("lỗi", "error"),
}


@click.command(
    name="import",
    help=tr(
        "Chuyển bảng kế hoạch SOURCE (.xlsx, .docx, .txt/.tsv) thành tệp kế hoạch YAML.",
        "Convert the plan table SOURCE (.xlsx, .docx, .txt/.tsv) into a plan YAML file.",
    ),
)
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), required=True, help=tr("Tệp YAML sẽ ghi, ví dụ plans/hai-duong/khung-2021-2025.yaml.", "YAML file to write, e.g. plans/hai-duong/khung-2021-2025.yaml."))
@click.option("--registry", type=click.Path(path_type=Path, dir_okay=False), help=tr("Danh mục cơ quan (mặc định: agencies.yaml cạnh tệp ghi ra).", "Agency registry (default: agencies.yaml beside the output)."))
@click.option("--province", help=tr("Tên tỉnh (mặc định: lấy từ văn bản hoặc danh mục).", "Province name (default: from the document or the registry)."))
@click.option("--id", "plan_id", help=tr("Mã kế hoạch (mặc định: <thư mục>-<tên tệp>).", "Plan id (default: <folder>-<file name>)."))
@click.option("--title", help=tr("Tên kế hoạch (mặc định: lấy từ văn bản).", "Plan title (default: from the document)."))
@click.option("--period", help=tr("Kỳ kế hoạch: 2024 hoặc 2021-2025.", "Plan period: 2024 or 2021-2025."))
@click.option("--report", is_flag=True, help=tr("In mọi dòng đã đoán, đã sửa hoặc bỏ qua.", "Print every row guessed at, repaired or skipped."))
@click.option("--force", is_flag=True, help=tr("Ghi đè tệp đã có.", "Overwrite an existing file."))
@click.option("--progress", "show_progress", is_flag=True, help=tr("Luôn hiện thanh tiến độ.", "Always show the progress bar."))
def command(source: Path, output: Path, registry: Path | None, province: str | None, plan_id: str | None, title: str | None, period: str | None, report: bool, force: bool, show_progress: bool) -> int:
    from cchc.adapters.importer.pipeline import import_plan, registry_for
    from cchc.adapters.importer.writer import (
        check_writable,
        render_plan,
        schema_reference,
        write_plan,
        write_plan_and_registry,
    )
    from cchc.core.problems import ERROR, EXIT_PROBLEMS, CchcError, Problem

    check_writable(output, force, source)  # before the (possibly long) import
    loaded, registry_notes = registry_for(output, registry)
    with ProgressBar(show_progress) as progress:
        result = import_plan(
            source,
            registry=loaded,
            plan_id=plan_id or default_plan_id(output),
            province=province,
            title=title,
            period=period,
            progress=progress,
        )
    result.report[:0] = registry_notes
    plan = result.plan
    _check_complete(source, plan)
    schema = schema_reference(output)
    plan_text = render_plan(plan, source.name, schema)
    draft_path = output.parent / "agencies.yaml"
    draft_text = None
    if loaded is None:  # no registry beside the output nor given: write a draft to review
        from cchc.adapters.importer.draft import draft_registry
        from cchc.adapters.importer.writer import render_registry

        draft_text = render_registry(draft_registry(result.draft), output.name, schema)
    from cchc.adapters.importer.check import check_import

    problems = check_import(plan_text, str(output), loaded, draft_text, str(draft_path))
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        for problem in errors[:20]:
            click.echo(problem.format(), err=True)
        raise CchcError(
            Problem(str(source), None, None, "I006", tr(
                f"kế hoạch nhập được sẽ không qua 'cchc validate' ({len(errors)} lỗi ở trên); chưa ghi tệp nào — sửa văn bản nguồn, danh mục cơ quan hoặc ghi --title/--period/--province",
                f"the imported plan would fail 'cchc validate' ({len(errors)} errors above); nothing written — fix the source, the agency registry or give --title/--period/--province",
            )),
            EXIT_PROBLEMS,
        )
    if draft_text is not None:
        write_plan_and_registry(output, plan_text, draft_path, draft_text)
    else:
        write_plan(output, plan_text)
    for problem in problems:  # warnings about the written file, at its own lines
        click.echo(problem.format(), err=True)
    if report:
        for note in sorted(result.report, key=lambda n: n.line or 0):
            where = tr(f"dòng {note.line}", f"line {note.line}") if note.line else tr("chung", "general")
            label = tr(*_SEVERITY[note.severity])
            click.echo(f"{source.name}: {where}: [{label}] {note.message}")
    counts = _counts(plan)
    kinds = Counter(n.severity for n in result.report)
    if draft_text is not None:
        click.echo(tr(
            f"Chưa có danh mục cơ quan: đã ghi bản nháp {draft_path} (mọi tên cơ quan trong kế hoạch, loại và cấp được đoán) — cần rà soát",
            f"No agency registry: wrote the draft {draft_path} (every agency name of the plan, kind and level guessed) — review it",
        ), err=True)
    click.echo(
        tr(
            f"Đã ghi {output}: {counts['areas']} lĩnh vực, {counts['objectives']} mục tiêu, {counts['tasks']} nhiệm vụ, "
            f"{counts['activities']} hoạt động, {counts['targets']} chỉ tiêu (bố cục: {layout_label(result.layout)}). "
            f"{kinds['guess']} chỗ đoán, {kinds['repair']} chỗ sửa, {kinds['skip']} dòng bỏ qua, {kinds['warning']} cảnh báo, {kinds['error']} lỗi"
            + ("" if report else " — xem --report"),
            f"Wrote {output}: {counts['areas']} areas, {counts['objectives']} objectives, {counts['tasks']} tasks, "
            f"{counts['activities']} activities, {counts['targets']} targets (layout: {layout_label(result.layout)}). "
            f"{kinds['guess']} guesses, {kinds['repair']} repairs, {kinds['skip']} rows skipped, {kinds['warning']} warnings, {kinds['error']} errors"
            + ("" if report else " — see --report"),
        ),
        err=True,
    )
    return 0


def _check_complete(source: Path, plan: dict) -> None:
    """Stop before writing when the document did not give what every plan needs."""
    from cchc.core.problems import EXIT_PROBLEMS, EXIT_USAGE, CchcError, Problem

    missing = [label for key, label in (("title", ("tên kế hoạch", "title")), ("period", ("kỳ kế hoạch (năm hoặc giai đoạn)", "period (year or range)")), ("province", ("tỉnh", "province"))) if not plan.get(key)]
    if missing:
        flags = ", ".join("--" + key for key in ("title", "period", "province") if not plan.get(key))
        raise CchcError(
            Problem(str(source), None, None, "I004", tr(
                f"không tìm thấy {', '.join(m[0] for m in missing)} trong phần đầu văn bản; hãy ghi bằng {flags}",
                f"no {', '.join(m[1] for m in missing)} found in the document heading; give it with {flags}",
            )),
            EXIT_USAGE,
        )
    if _counts(plan)["activities"] == 0:
        raise CchcError(
            Problem(str(source), None, None, "I005", tr(
                "bảng không có hoạt động nào (bảng trống hoặc không nhận ra cột nội dung); không ghi tệp",
                "the table has no activity (empty, or no content column recognised); nothing written",
            )),
            EXIT_PROBLEMS,
        )


def layout_label(name: str) -> str:
    from cchc.adapters.importer.catalogue import LAYOUTS

    return next((tr(*layout.label) for layout in LAYOUTS if layout.name == name), name)


def default_plan_id(output: Path) -> str:
    """plans/hai-duong/khung-2021-2025.yaml -> hai-duong-khung-2021-2025."""
    import re

    from cchc.core.text import fold

    parts = [output.stem]
    if output.parent.name and output.parent.name not in (".", "plans"):
        parts.insert(0, output.parent.name)
    return re.sub(r"[^a-z0-9._-]+", "-", fold("-".join(parts))).strip("-") or "plan"


def _counts(plan: dict) -> Counter:
    counts: Counter = Counter()

    def walk(node: dict) -> None:
        counts["targets"] += len(node.get("targets", ()))
        for key, label in (("objectives", "objectives"), ("tasks", "tasks"), ("activities", "activities")):
            for child in node.get(key, ()):
                counts[label] += 1
                walk(child)

    for area in plan.get("areas", ()):
        counts["areas"] += 1
        walk(area)
    return counts


class ProgressBar:
    """A rich progress bar on stderr for large inputs, when stderr is a terminal or --progress is given."""

    def __init__(self, forced: bool):
        self.forced = forced
        self.enabled = forced or sys.stderr.isatty()
        self.bar = None
        self.task = None

    def __enter__(self):  # noqa: ANN204
        return self.update if self.enabled else None

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < LARGE_INPUT_ROWS and not self.forced:
                return
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            self.bar = Progress(TextColumn(tr("Đang nhập", "Importing")), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=Console(stderr=True), transient=False)
            self.bar.start()
            self.task = self.bar.add_task("rows", total=total)
        self.bar.update(self.task, completed=done, total=total)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()
