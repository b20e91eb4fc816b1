"""``cchc score YEAR``: an agency's PAR Index-style scorecard, or the ranking of every agency.

Inputs: the plans (targets), the province's agency registry, a methodology (``--methodology``: a
built-in name such as ``qd766`` or a YAML file; default ``plans/<province>/methodology-<YEAR>.yaml``
when it exists, else ``qd766``) and the actual figures (``--figures``: a file or folder; default
``reports/<YEAR>/<province>/``). The province comes from ``--province``, else from the figures
folder's name. ``--compare`` scores the earlier year with the same methodology (against that year's
plan targets) and shows the change per area, in total and in rank.

``--format json`` is a stable contract::

    {"year", "methodology", "methodology_reason", "province", "illustrative", "unscored": [names],
     "agencies": [{"agency", "agency_id", "kind", "block", "block_title", "rank_group", "total", "max", "percent", "band", "rank", "rank_of",
                   "areas": [{"id", "title", "points", "max"}],
                   "criteria": [{"id", "title", "indicator", "unit", "area", "value",
                                 "target": {"op", "value", "max", "source"}, "points", "max", "status", "vacuous",
                                 "trace": {"figure": {"path", "line", "period", "source", "note"} | null,
                                           "methodology": "<file>#<criterion>", "target_source", "rule"}}],
                   "missing": [indicator ids],
                   "compare": {"year", "total", "rank", "total_change", "rank_change",
                               "areas": [{"id", "change"}]}}]}   # "compare" only with --compare

Titles and ``methodology_reason`` (why this methodology: ``--methodology``, the province's
``methodology-<YEAR>.yaml``, or the ``qd766`` default because that file is missing) are in the
output language (``--lang``); ``unit`` is ``%`` or ``minutes``. A methodology whose ``year`` is not
the year scored is used with a warning (M415). ``unscored`` names the agencies the methodology
expects figures from (a kind a block names, or under a block for every kind a kind some agency
reported for) that gave none.
An agency's ``max`` is the points that apply to it: the block's total less the criteria that do not
apply (``not_applicable`` in the methodology, or a figure saying "không phát sinh"); ``percent`` is
total / max × 100, and bands and ranks use it. ``rank`` is among the agencies of the same
``rank_group`` (``kind:<kind>``, or ``block:<id>`` when the block says ``rank_by: block``).
``status`` is ``met`` | ``not_met`` | ``no_data`` | ``not_applicable``; ``vacuous`` marks a ratio of
0/0 (scored as the methodology's ``nothing_to_measure`` says); ``points`` is null for a criterion
left out of the total (``missing: exclude``, or not applicable); ``rank_change`` > 0 means the agency
moved up. ``trace`` says where every point came from: the figure's file and row (null when there
was none, or the methodology excluded the criterion), the methodology criterion, where the target
came from and the rule with its numbers (``6 × (72,23 / 100, tối đa 1) = 4,33``); ``--explain`` prints
the same under a scorecard.

The computation is :func:`cchc.app.scorecard.score`; this module parses options and renders.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import click

from cchc.commands._options import AS_OF, FIGURES, METHODOLOGY, PLANS_DIR, PROGRESS, PROVINCE, make_inputs
from cchc.commands._output import check_destination, emit, force_option, format_option, output_option
from cchc.core.i18n import get_lang, tr
from cchc.core.labels import AGENCY_KIND_LABELS, SCORE_STATUS_LABELS, label

STATUS_COLOURS = {"met": "green", "not_met": "red", "no_data": "yellow", "not_applicable": "dim"}


@click.command(
    name="score",
    help=tr(
        "Chấm điểm Chỉ số CCHC năm YEAR: bảng điểm một cơ quan (--agency) hoặc xếp hạng các cơ quan.",
        "PAR Index-style scores for YEAR: one agency's scorecard (--agency) or the ranking of all.",
    ),
)
@click.argument("year", type=click.IntRange(1990, 2100))
@click.option("--agency", help=tr("Bảng điểm của cơ quan này (không phân biệt hoa thường, dấu).", "This agency's scorecard (case and diacritics ignored)."))
@METHODOLOGY
@FIGURES
@PROGRESS
@PLANS_DIR
@PROVINCE
@AS_OF
@click.option("--explain", is_flag=True, help=tr("Với --agency: ghi nguồn (tệp, dòng) và quy tắc tính của từng điểm.", "With --agency: the source (file, row) and rule of every point."))
@click.option("--level", type=click.Choice(["tinh", "huyen", "xa"]), help=tr("Chỉ xếp hạng cơ quan của cấp này (xa: mọi UBND xã, phường, đặc khu).", "Rank only the agencies of this level (xa: every commune committee)."))
@click.option("--compare", "compare_year", type=click.IntRange(1990, 2100), help=tr("So sánh với năm trước đó.", "Compare with an earlier year."))
@format_option
@output_option
@click.option("--xlsx", "xlsx_path", type=click.Path(path_type=Path), help=tr("Ghi thêm ra tệp Excel (phiếu điểm, xếp hạng, biểu đồ).", "Also write an Excel workbook (scorecards, ranking, charts)."))
@force_option
def command(year, agency, methodology_name, figures_path, progress_path, plans_dir, province, as_of, explain, level, compare_year, fmt, output, xlsx_path, force) -> None:  # noqa: ANN001
    from cchc.app.scorecard import score

    inputs = make_inputs(plans_dir, province, figures_path, progress_path, methodology_name, as_of)
    sources = [p for p in (plans_dir, figures_path, progress_path) if p is not None]
    check_destination(fmt, output, force, sources)
    if xlsx_path is not None:
        from cchc.adapters.excel import check_target

        check_target(xlsx_path, force, tuple(sources))  # refuse before any output, not after
    result = score(inputs, year, agency, compare_year, level=level)
    for warning in result.warnings or []:
        click.echo(warning.format(), err=True)
    emit(ScoreView(result, explain), fmt, output)
    if xlsx_path is not None:
        from dataclasses import replace

        from cchc.adapters.excel import write_score_workbook
        from cchc.core.scoring import to_json

        board = result.board
        from cchc.app.export import score_heading

        heading = score_heading(result, inputs.date())
        write_score_workbook(to_json(replace(board, scores=result.shown)), xlsx_path, force=force, illustrative=board.illustrative, heading=heading)
        click.echo(tr(f"Đã ghi {xlsx_path}", f"Wrote {xlsx_path}"), err=True)


class ScoreView:
    """A scorecard (with --agency) or the ranking, for every output format."""

    def __init__(self, result: Any, explain: bool = False):
        self.result = result
        self.scorecard = result.agency is not None
        self.explain = explain

    def data(self) -> Any:
        return self.result.to_json()

    def rows(self) -> tuple[list[str], list[list[Any]]]:
        return _scorecard_rows(self.result.agency) if self.scorecard else _ranking_rows(self.result.board.scores)

    def show(self, out: Any) -> None:
        if self.scorecard:
            _print_scorecard(out, self.result.board, self.result.agency)
            if self.explain:
                _print_trace(out, self.result.board, self.result.agency)
        else:
            _print_ranking(out, self.result.board)


# -- output ----------------------------------------------------------------------------------


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
    from cchc.core.scoring import not_arising
    from cchc.indicators import INDICATORS
    from cchc.indicators.base import format_quantity

    evaluation = result.evaluation
    if evaluation.vacuous:
        return tr("không phát sinh", "nothing arose") if not_arising(result) else "0/0"
    if evaluation.exact is None:
        return "—"
    if result.criterion.appraised:
        return _appraisal_text(result)
    if result.criterion.parts:
        return ""  # each part shows its own value on the lines below
    return format_quantity(evaluation.exact, INDICATORS[result.criterion.indicator].unit, get_lang())


def _appraisal_text(result: Any) -> str:
    """``tự chấm 1,5 → thẩm định 1 (-0,5)``, or the self points alone while not appraised."""
    own, appraised = result.self_points, result.appraised_points
    if appraised is None:
        return tr(f"tự chấm {_num(own)} (chưa thẩm định)", f"self {_num(own)} (not appraised)")
    if own is None:
        return tr(f"thẩm định {_num(appraised)}", f"appraised {_num(appraised)}")
    return tr(f"tự chấm {_num(own)} → thẩm định {_num(appraised)} ({_signed(appraised - own)})", f"self {_num(own)} → appraised {_num(appraised)} ({_signed(appraised - own)})")


def _target(result: Any) -> str:
    from cchc.indicators import INDICATORS

    if result.criterion.appraised:
        return tr("thẩm định", "appraisal")
    if result.criterion.parts:
        return tr("tổng các phần", "sum of parts")
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
    line = f"{tr('Phương pháp', 'Methodology')}: {board.methodology.title(lang)} — {board.methodology_reason}"
    if board.province:
        line += f" · {board.province}"
    out.print(line, highlight=False)
    if board.methodology.example:
        out.print(tr("[yellow]Phương pháp minh họa, không phải bộ tiêu chí chính thức.[/]", "[yellow]Example methodology, not an official one.[/]"))
    if board.illustrative:
        out.print(tr("[yellow]Số liệu minh họa — không phải số liệu thật.[/]", "[yellow]Illustrative figures (số liệu minh họa) — not real data.[/]"))


def _print_scorecard(out: Any, board: Any, score: Any) -> None:
    from rich.table import Table

    lang = get_lang()
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
            for part in result.parts:  # a composite's parts: weight × min(1, value / threshold) each
                row = [f"    {part.criterion.id}. {part.criterion.title(lang)}", _target(part), _actual(part), _num(part.points), _num(part.criterion.max), _status(part.status)]
                if compared:
                    row.append("")
                table.add_row(*row)
    out.print(table)
    for title, lines, sign in ((tr("Điểm trừ", "Deductions"), score.deductions, "-"), (tr("Điểm thưởng", "Bonus"), score.bonus, "+")):
        for line in lines:
            capped = tr(f", tối đa {_num(line.rule.cap)}", f", capped at {_num(line.rule.cap)}") if line.points < line.uncapped else ""
            out.print(f"{title}: {line.rule.title(lang)} — {line.count} × {_num(line.rule.points_each)} = {sign}{_num(line.points)}{capped}", highlight=False)
    band = score.band.label(lang) if score.band else "—"
    out.print(
        f"[bold]{tr('Tổng điểm', 'Total')}: {_num(score.total)} / {_num(score.max)}[/]{_percent_text(score)} · "
        f"{tr('Xếp loại', 'Band')}: [bold]{band}[/] · {tr('Hạng', 'Rank')}: {_rank_text(score)}",
        highlight=False,
    )
    if score.self_total is not None and any(r.criterion.appraised for r in score.criteria):
        out.print(tr(f"Tổng điểm tự chấm: {_num(score.self_total)}", f"Self-assessed total: {_num(score.self_total)}"), highlight=False)
    if score.awaiting_appraisal:
        out.print(
            tr(
                f"[yellow]Chưa thẩm định ({', '.join(score.awaiting_appraisal)}): tổng điểm và xếp hạng dùng điểm tự chấm.[/]",
                f"[yellow]Not appraised yet ({', '.join(score.awaiting_appraisal)}): the total and rank use self-assessed points.[/]",
            ),
            highlight=False,
        )
    for result in score.without_evidence:
        out.print(tr(f"[yellow]{result.criterion.id} {result.criterion.title(lang)}: thiếu tài liệu kiểm chứng[/]", f"[yellow]{result.criterion.id} {result.criterion.title(lang)}: no evidence document[/]"), highlight=False)
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
            needed = ", ".join(p.criterion.indicator for p in result.parts if p.status == "no_data") or result.criterion.indicator or tr("thẩm định", "appraisal")
            out.print(f"  - {result.criterion.id} {result.criterion.title(lang)}: {result.evaluation.reason(lang)} [dim]({needed})[/]", highlight=False)


def _percent_text(score: Any) -> str:
    """`` (92,50 %)`` when some criteria do not apply, so the total is out of less than the block's."""
    if score.max == score.block.total or score.percent is None:
        return ""
    return f" ({_num(score.percent)} %)" if get_lang() == "vi" else f" ({_num(score.percent)}%)"


def _print_trace(out: Any, board: Any, score: Any) -> None:
    """Every criterion's figure (file:line, period) and the rule that turned it into points."""
    from cchc.core.scoring import trace

    lang = get_lang()
    out.print(f"\n[bold]{tr('Nguồn và cách tính', 'Sources and rules')}[/] ({board.methodology.path or board.methodology.id}):", highlight=False)
    path = board.methodology.path or board.methodology.id
    for result in score.criteria:
        if not result.parts:
            _print_rule(out, result.criterion.id, trace(result, path, lang))
            continue
        out.print(f"  {result.criterion.id}: {trace(result, path, lang)['rule']}", highlight=False)  # the sum, then each part
        for part in result.parts:
            _print_rule(out, f"  {result.criterion.id}/{part.criterion.id}", trace(part, path, lang))


def _print_rule(out: Any, name: str, found: dict[str, Any]) -> None:
    """``ID: rule · file:line · period · target: source`` for one criterion or part."""
    figure = found["figure"]
    if figure is None:
        where = tr("không có số liệu", "no figure")
    else:
        where = f"{figure['path']}:{figure['line']}" if figure["line"] else f"{figure['path']} ({figure['source']})"
        where += f" · {figure['period']}" + (f" · {figure['note']}" if figure["note"] else "")
    out.print(f"  {name}: {found['rule']} · {where} · {tr('chỉ tiêu', 'target')}: {_target_source(found['target_source'])}", highlight=False)


def _target_source(source: str) -> str:
    """``plan:<plan>#<target>`` -> ``kế hoạch <plan>#<target>``; ``methodology``, ``default`` in words."""
    if source.startswith("plan:"):
        return tr(f"kế hoạch {source[5:]}", f"plan {source[5:]}")
    if source == "methodology":
        return tr("phương pháp chấm điểm", "the methodology")
    return tr("mặc định của chỉ số", "the indicator's default")


def _print_ranking(out: Any, board: Any) -> None:
    from rich.table import Table

    lang = get_lang()
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
        adjusted = any(s.deductions or s.bonus for s in members)  # the total is not the sum of the areas
        if adjusted:
            table.add_column(tr("Trừ/thưởng", "Deducted/bonus"), justify="right")
        table.add_column(tr("Tổng", "Total"), justify="right")
        reduced = any(s.max != s.block.total for s in members)  # some criteria do not apply: compare on percent
        if reduced:
            table.add_column(tr("Tối đa", "Max"), justify="right")
            table.add_column("%", justify="right")
        table.add_column(tr("Xếp loại", "Band"))
        if compared:
            table.add_column(tr("± Điểm", "± Points"), justify="right")
            table.add_column(tr("± Hạng", "± Rank"), justify="right")
        for score in members:
            row = [str(score.rank or "—"), score.name, *(_num(a.points) for a in score.areas)]
            if adjusted:
                net = sum((b.points for b in score.bonus), Decimal(0)) - sum((d.points for d in score.deductions), Decimal(0))
                row.append(_signed(net) if net else "")
            row.append(f"[bold]{_num(score.total)}[/]")
            if reduced:
                row += [_num(score.max), _num(score.percent)]
            row.append(score.band.label(lang) if score.band else "—")
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
    columns = ["group", "rank", "agency", "kind", "total", "max", "band", *(f"area_{a}" for a in area_ids), "total_change", "rank_change", "percent"]
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
                _plain(score.max),
                score.band.name if score.band else "",
                *(points.get(a, "") for a in area_ids),
                _plain(prev.total_change) if prev else "",
                prev.rank_change if prev else "",
                _plain(score.percent),
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
