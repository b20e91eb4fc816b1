"""``cchc score YEAR``: an agency's PAR Index-style scorecard, or the ranking of every agency.

Inputs: the plans (targets), the province's agency registry, a methodology (``--methodology``: a
built-in name such as ``qd766`` or a YAML file; default ``plans/<province>/methodology-<YEAR>.yaml``
when it exists, else ``qd766``) and the actual figures (``--figures``: a file or folder; default
``reports/<YEAR>/<province>/``). The province comes from ``--province``, else from the figures
folder's name. ``--compare`` scores the earlier year with the same methodology (against that year's
plan targets) and shows the change per area, in total and in rank.

``--format json`` is a stable contract::

    {"year", "methodology", "province", "illustrative", "unscored": [names],
     "agencies": [{"agency", "agency_id", "kind", "block", "block_title", "rank_group", "total", "max", "band", "rank", "rank_of",
                   "areas": [{"id", "title", "points", "max"}],
                   "criteria": [{"id", "title", "indicator", "unit", "area", "value",
                                 "target": {"op", "value", "max", "source"}, "points", "max", "status"}],
                   "missing": [indicator ids],
                   "compare": {"year", "total", "rank", "total_change", "rank_change",
                               "areas": [{"id", "change"}]}}]}   # "compare" only with --compare

Titles are in the output language (``--lang``); ``unit`` is ``%`` or ``minutes``.
``rank`` is among the agencies of the same ``rank_group`` (``kind:<kind>``, or ``block:<id>`` when
the block says ``rank_by: block``). ``status`` is ``met`` | ``not_met`` | ``no_data``; ``points`` is
null for a criterion left out of the total (``missing: exclude``); ``rank_change`` > 0 means the
agency moved up.

Figures computed elsewhere (plan completion from progress reports) come in through
:data:`FIGURE_HOOKS`; figures in files win over computed ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from cchc.commands.plans import PLANS_DIR
from cchc.completion import plan_completion_figures
from cchc.i18n import get_lang, tr
from cchc.labels import AGENCY_KIND_LABELS, SCORE_STATUS_LABELS, label
from cchc.render import format_option

# Figures computed from other inputs: each hook is called as hook(workspace, registry, year) and
# returns Figure objects (cchc.figures). Plan completion comes from the progress reports.
FIGURE_HOOKS: list[Callable[[Any, Any, int], Iterable[Any]]] = [plan_completion_figures]

STATUS_COLOURS = {"met": "green", "not_met": "red", "no_data": "yellow"}


@click.command(
    name="score",
    help=tr(
        "Chấm điểm Chỉ số CCHC năm YEAR: bảng điểm một cơ quan (--agency) hoặc xếp hạng các cơ quan.",
        "PAR Index-style scores for YEAR: one agency's scorecard (--agency) or the ranking of all.",
    ),
)
@click.argument("year", type=click.IntRange(1990, 2100))
@click.option("--agency", help=tr("Bảng điểm của cơ quan này (không phân biệt hoa thường, dấu).", "This agency's scorecard (case and diacritics ignored)."))
@click.option("--methodology", "methodology_name", help=tr("Phương pháp: qd766 hoặc tệp YAML (mặc định: plans/<tỉnh>/methodology-YEAR.yaml, nếu không có thì qd766).", "Methodology: qd766 or a YAML file (default: plans/<province>/methodology-YEAR.yaml, else qd766)."))
@click.option("--figures", "figures_path", type=click.Path(path_type=Path), help=tr("Tệp/thư mục số liệu (mặc định: reports/YEAR/).", "Figures file or folder (default: reports/YEAR/)."))
@PLANS_DIR
@click.option("--province", help=tr("Tỉnh (tên hoặc thư mục, vd. hai-duong).", "Province (name or folder slug, e.g. hai-duong)."))
@click.option("--compare", "compare_year", type=click.IntRange(1990, 2100), help=tr("So sánh với năm trước đó.", "Compare with an earlier year."))
@format_option
@click.option("--xlsx", "xlsx_path", type=click.Path(path_type=Path), help=tr("Ghi thêm ra tệp Excel (phiếu điểm, xếp hạng, biểu đồ).", "Also write an Excel workbook (scorecards, ranking, charts)."))
@click.option("--force", is_flag=True, help=tr("Cho phép ghi đè tệp Excel đã có không do cchc tạo.", "Allow replacing an existing Excel file cchc did not write."))
def command(year, agency, methodology_name, figures_path, plans_dir, province, compare_year, fmt, xlsx_path, force) -> None:  # noqa: ANN001
    from cchc.scoring import compare, load_methodology
    from cchc.workspace import load_workspace

    if compare_year == year:
        raise _usage(tr("--compare phải là một năm khác YEAR", "--compare must be a different year from YEAR"))
    workspace = load_workspace(plans_dir, province)
    registry, slug = resolve_province(workspace, province, figures_path, year)
    methodology = load_methodology(methodology_name or default_methodology(plans_dir, slug, year))
    board = scoreboard(workspace, registry, slug, methodology, figures_path, year)
    if compare_year is not None:
        # the earlier year is scored with the same methodology, against that year's plan targets
        compare(board, scoreboard(workspace, registry, slug, methodology, None if figures_path is None else _sibling_year(figures_path, year, compare_year), compare_year))
    if xlsx_path is not None:
        from cchc.excel import check_target

        check_target(xlsx_path, force)  # refuse before any output, not after
    shown = [agency_score(board, registry, agency, workspace)] if agency else board.scores
    _emit(board, shown, fmt, scorecard=bool(agency))
    if xlsx_path is not None:
        from dataclasses import replace

        from cchc.excel import write_score_workbook
        from cchc.scoring import to_json

        write_score_workbook(to_json(replace(board, scores=shown)), xlsx_path, force=force, illustrative=board.illustrative)
        click.echo(tr(f"Đã ghi {xlsx_path}", f"Wrote {xlsx_path}"), err=True)


# -- inputs ----------------------------------------------------------------------------------


def _usage(message: str) -> Exception:
    from cchc.problems import EXIT_USAGE, CchcError

    return CchcError(message, EXIT_USAGE)


def resolve_province(workspace: Any, province: str | None, figures_path: Path | None, year: int) -> tuple[Any, str]:
    """The registry to score against, and its folder slug."""
    slugs = {Path(path).parent.name: registry for path, registry in workspace.registries.items()}
    if province:
        registry = workspace.registry_for(province)
        return registry, next(slug for slug, reg in slugs.items() if reg is registry)
    root = figures_path or Path("reports") / str(year)
    if not root.exists():
        if figures_path is not None:
            raise _usage(tr(f"không có tệp/thư mục số liệu '{figures_path}'", f"no figures file or folder '{figures_path}'"))
        raise _no_figures(year, root)
    named = [part for part in root.resolve().parts if part in slugs]
    if named:
        return slugs[named[-1]], named[-1]
    found = sorted(child.name for child in root.iterdir() if child.is_dir() and child.name in slugs) if root.is_dir() else []
    if len(found) == 1:
        return slugs[found[0]], found[0]
    if found:
        raise _usage(tr(f"có số liệu của nhiều tỉnh ({', '.join(found)}); chọn bằng --province", f"figures for several provinces ({', '.join(found)}); choose one with --province"))
    raise _usage(tr(f"không biết số liệu ở {root} thuộc tỉnh nào; dùng --province", f"cannot tell which province the figures in {root} are for; use --province"))


def _no_figures(year: int, where: Path) -> Exception:
    from cchc.problems import CchcError

    return CchcError(tr(f"không có số liệu năm {year} ({where}); dùng --figures", f"no figures for {year} ({where}); use --figures"))


def _targets(workspace: Any, registry: Any, year: int) -> Any:
    """The targets of the province's plans that apply in ``year``."""
    from cchc.scoring import TargetBook

    return TargetBook.from_plans([plan for plan in workspace.plans if workspace.registry_of(plan) is registry], year)


def default_methodology(plans_dir: Path, slug: str, year: int) -> str:
    own = plans_dir / slug / f"methodology-{year}.yaml"
    return str(own) if own.is_file() else "qd766"


def _sibling_year(figures_path: Path, year: int, other: int) -> Path:
    """``reports/2024/hai-duong`` -> ``reports/2023/hai-duong`` for --compare with --figures."""
    parts = [str(other) if part == str(year) else part for part in figures_path.parts]
    return Path(*parts)


def scoreboard(workspace: Any, registry: Any, slug: str, methodology: Any, figures_path: Path | None, year: int) -> Any:
    from cchc.figures import load_figures
    from cchc.problems import ERROR, CchcError
    from cchc.scoring import score_all

    root = figures_path or Path("reports") / str(year)
    paths = [root / slug] if root.is_dir() and (root / slug).is_dir() and root.name != slug else [root]
    if not paths[0].exists():
        if figures_path is not None:
            raise _usage(tr(f"không có tệp/thư mục số liệu '{figures_path}'", f"no figures file or folder '{figures_path}'"))
        raise _no_figures(year, paths[0])
    figures, problems = load_figures(paths, registry, year)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        raise CchcError("\n".join(p.format() for p in errors))
    for warning in problems:
        click.echo(warning.format(), err=True)
    reporting = figures.agency_ids(year)  # computed figures complete a report; they do not start one
    for hook in FIGURE_HOOKS:
        figures.add_missing([f for f in hook(workspace, registry, year) if f.agency_id in reporting])
    if not figures.agency_ids(year):
        raise _no_figures(year, paths[0])
    board = score_all(registry.agencies, methodology, figures, year, _targets(workspace, registry, year))
    board.province = registry.province
    return board


def agency_score(board: Any, registry: Any, name: str, workspace: Any) -> Any:
    """The agency's score; an agency without figures still gets a scorecard (all missing)."""
    from cchc.problems import CchcError
    from cchc.scoring import score_agency

    agency = registry.find(name)
    if agency.is_collective:
        raise CchcError(tr(f"'{agency.name}' là một nhóm cơ quan; chọn một cơ quan", f"'{agency.name}' is a group of agencies; pick one agency"))
    found = board.find(agency.id)
    if found is not None:
        return found
    block = board.methodology.block_for(agency.kind)
    if block is None:
        raise CchcError(
            tr(
                f"phương pháp '{board.methodology.id}' không chấm loại cơ quan của '{agency.name}' ({agency.kind})",
                f"methodology '{board.methodology.id}' does not score '{agency.name}''s kind ({agency.kind})",
            )
        )
    return score_agency(agency, block, {}, board.year, _targets(workspace, registry, board.year))


# -- output ----------------------------------------------------------------------------------


def _emit(board: Any, scores: list[Any], fmt: str, scorecard: bool) -> None:
    if fmt == "json":
        from dataclasses import replace

        from cchc.render import emit_json
        from cchc.scoring import to_json

        emit_json(to_json(replace(board, scores=scores, unscored=[] if scorecard else board.unscored)))
    elif fmt == "csv":
        from cchc.render import emit_csv

        emit_csv(*(_scorecard_rows(scores[0]) if scorecard else _ranking_rows(scores)))
    elif scorecard:
        _print_scorecard(board, scores[0])
    else:
        _print_ranking(board)


def _num(value: Any) -> str:
    """Points as the portal prints them: two decimals, comma in Vietnamese."""
    from cchc.indicators.base import format_number

    if value is None:
        return "—"
    return format_number(value, "," if get_lang() == "vi" else ".", 2, trim=False)


def _signed(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:+d}" if value else "0"
    text = _num(value)
    return text if text.startswith("-") or not value else f"+{text}"


def _actual(result: Any) -> str:
    from cchc.indicators import INDICATORS
    from cchc.indicators.base import format_quantity

    evaluation = result.evaluation
    if evaluation.vacuous:
        return "0/0"
    if evaluation.exact is None:
        return "—"
    return format_quantity(evaluation.exact, INDICATORS[result.criterion.indicator].unit, get_lang())


def _target(result: Any) -> str:
    from cchc.indicators import INDICATORS

    return result.goal.text(INDICATORS[result.criterion.indicator].unit, get_lang())


def _status(status: str, markup: bool = True) -> str:
    text = label(SCORE_STATUS_LABELS, status)
    return f"[{STATUS_COLOURS[status]}]{text}[/]" if markup else text


def _group_label(score: Any) -> str:
    if score.block.rank_by == "block":
        return score.block.title(get_lang())
    return label(AGENCY_KIND_LABELS, score.kind)


def _rank_text(score: Any) -> str:
    if score.rank is None:
        return tr("chưa xếp hạng (không có số liệu)", "not ranked (no figures)")
    return f"{score.rank}/{score.rank_of} ({_group_label(score)})"


def _header(out: Any, board: Any, subtitle: str) -> None:
    lang = get_lang()
    out.print(f"[bold]{tr('Chỉ số CCHC năm', 'PAR Index')} {board.year} — {subtitle}[/]", highlight=False)
    line = f"{tr('Phương pháp', 'Methodology')}: {board.methodology.title(lang)}"
    if board.province:
        line += f" · {board.province}"
    out.print(line, highlight=False)
    if board.methodology.example:
        out.print(tr("[yellow]Phương pháp minh họa, không phải bộ tiêu chí chính thức.[/]", "[yellow]Example methodology, not an official one.[/]"))
    if board.illustrative:
        out.print(tr("[yellow]Số liệu minh họa — không phải số liệu thật.[/]", "[yellow]Illustrative figures (số liệu minh họa) — not real data.[/]"))


def _print_scorecard(board: Any, score: Any) -> None:
    from rich.table import Table

    from cchc.render import console

    lang = get_lang()
    out = console()
    _header(out, board, score.name)
    compared = score.previous is not None
    table = Table(header_style="bold", show_edge=False)
    columns = [
        (tr("Tiêu chí", "Criterion"), "left"),
        (tr("Chỉ tiêu", "Target"), "right"),
        (tr("Thực tế", "Actual"), "right"),
        (tr("Điểm", "Points"), "right"),
        (tr("Tối đa", "Max"), "right"),
        (tr("Đánh giá", "Mark"), "left"),
    ]
    if compared:
        columns.append((f"± {score.previous.year}", "right"))
    for header, justify in columns:
        table.add_column(header, justify=justify, overflow="fold")
    by_area: dict[str, list[Any]] = {}
    for result in score.criteria:
        by_area.setdefault(result.criterion.area, []).append(result)
    areas = {area.id: area for area in score.block.areas}
    for subtotal in score.areas:
        row = [f"[bold]{subtotal.id}. {areas[subtotal.id].title(lang)}[/]", "", "", f"[bold]{_num(subtotal.points)}[/]", f"[bold]{_num(subtotal.max)}[/]", ""]
        if compared:
            row.append(_signed(score.previous.area_changes.get(subtotal.id)))
        table.add_row(*row)
        for result in by_area.get(subtotal.id, []):
            row = [f"  {result.criterion.id} {result.criterion.title(lang)}", _target(result), _actual(result), _num(result.points), _num(result.criterion.max), _status(result.status)]
            if compared:
                row.append("")
            table.add_row(*row)
    out.print(table)
    band = score.band.label(lang) if score.band else "—"
    out.print(
        f"[bold]{tr('Tổng điểm', 'Total')}: {_num(score.total)} / {_num(score.block.total)}[/] · "
        f"{tr('Xếp loại', 'Band')}: [bold]{band}[/] · {tr('Hạng', 'Rank')}: {_rank_text(score)}",
        highlight=False,
    )
    if compared:
        prev = score.previous
        moved = ""
        if prev.rank_change:
            moved = tr(f", {'tăng' if prev.rank_change > 0 else 'giảm'} {abs(prev.rank_change)} bậc", f", {'up' if prev.rank_change > 0 else 'down'} {abs(prev.rank_change)}")
        out.print(
            tr(
                f"So với năm {prev.year}: {_num(prev.total)} điểm, hạng {prev.rank or '—'} → {_signed(prev.total_change)} điểm{moved}",
                f"Against {prev.year}: {_num(prev.total)} points, rank {prev.rank or '—'} → {_signed(prev.total_change)} points{moved}",
            ),
            highlight=False,
        )
    missing = [r for r in score.criteria if r.status == "no_data"]
    if missing:
        out.print(f"\n[bold]{tr('Thiếu số liệu', 'Missing figures')}[/] ({len(missing)}):")
        for result in missing:
            out.print(f"  - {result.criterion.id} {result.criterion.title(lang)}: {result.evaluation.reason(lang)} [dim]({result.criterion.indicator})[/]", highlight=False)


def _print_ranking(board: Any) -> None:
    from rich.table import Table

    from cchc.render import console

    lang = get_lang()
    out = console()
    _header(out, board, tr("xếp hạng", "ranking"))
    groups: dict[str, list[Any]] = {}
    for score in board.scores:
        groups.setdefault(score.group, []).append(score)
    for members in groups.values():
        first = members[0]
        compared = any(s.previous is not None for s in members)
        table = Table(title=f"{_group_label(first)} ({len(members)})", header_style="bold", show_edge=False, title_justify="left")
        table.add_column(tr("Hạng", "Rank"), justify="right")
        table.add_column(tr("Cơ quan", "Agency"), overflow="fold")
        for area in first.block.areas:
            table.add_column(area.id, justify="right")
        table.add_column(tr("Tổng", "Total"), justify="right")
        table.add_column(tr("Xếp loại", "Band"))
        if compared:
            table.add_column(tr("± Điểm", "± Points"), justify="right")
            table.add_column(tr("± Hạng", "± Rank"), justify="right")
        for score in members:
            row = [str(score.rank or "—"), score.name, *(_num(a.points) for a in score.areas), f"[bold]{_num(score.total)}[/]", score.band.label(lang) if score.band else "—"]
            if compared:
                prev = score.previous
                row += [_signed(prev.total_change if prev else None), _signed(prev.rank_change if prev else None)]
            table.add_row(*row)
        out.print(table)
        area_titles = " · ".join(f"{a.id}: {a.title(lang)}" for a in first.block.areas)
        out.print(f"[dim]{area_titles}[/]", highlight=False)
    if board.unscored:
        names = ", ".join(a.name for a in board.unscored)
        out.print(f"\n{tr(f'Không có số liệu năm {board.year}', f'No figures for {board.year}')}: {names}", highlight=False)
    if board.uncovered:
        names = ", ".join(a.name for a in board.uncovered)
        out.print(tr(f"Có số liệu nhưng phương pháp không chấm loại cơ quan này: {names}", f"Figures given but the methodology does not score these agencies' kind: {names}"), highlight=False)


def _plain(value: Decimal | None) -> str:
    return "" if value is None else f"{value:.2f}"


def _ranking_rows(scores: list[Any]) -> tuple[list[str], list[list[Any]]]:
    area_ids = list(dict.fromkeys(area.id for score in scores for area in score.areas))
    columns = ["group", "rank", "agency", "kind", "total", "max", "band", *(f"area_{a}" for a in area_ids), "total_change", "rank_change"]
    rows = []
    for score in scores:
        points = {area.id: _plain(area.points) for area in score.areas}
        prev = score.previous
        rows.append(
            [
                score.group,
                score.rank,
                score.name,
                score.kind,
                _plain(score.total),
                _plain(score.block.total),
                score.band.name if score.band else "",
                *(points.get(a, "") for a in area_ids),
                _plain(prev.total_change) if prev else "",
                prev.rank_change if prev else "",
            ]
        )
    return columns, rows


def _scorecard_rows(score: Any) -> tuple[list[str], list[list[Any]]]:
    columns = ["agency", "area", "criterion", "indicator", "value", "target_op", "target", "target_source", "points", "max", "status"]
    rows = []
    for result in score.criteria:
        value = result.evaluation.value
        rows.append(
            [
                score.name,
                result.criterion.area,
                result.criterion.id,
                result.criterion.indicator,
                "" if value is None else _num_plain(result.evaluation.exact),
                result.goal.op,
                result.goal.value,
                result.target_source,
                _plain(result.points),
                _plain(result.criterion.max),
                result.status,
            ]
        )
    return columns, rows


def _num_plain(value: Any) -> str:
    from cchc.indicators.base import format_number

    return format_number(value, ".", 4)
