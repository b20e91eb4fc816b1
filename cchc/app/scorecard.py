"""The scoring job: figures (read and computed) against a methodology, for one province and year."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cchc.app.inputs import Inputs, Run, problem_lines, usage_error
from cchc.core.i18n import tr
from cchc.core.problems import ERROR, WARNING, CchcError, Problem


@dataclass
class ScoreResult:
    """A scored province: the whole board, the agency asked for (if any), and what was used."""

    board: Any  # cchc.core.scoring.Scoreboard
    registry: Any
    agency: Any = None  # the AgencyScore of --agency
    warnings: list[Problem] | None = None
    figures_path: Path | None = None

    @property
    def shown(self) -> list[Any]:
        """The scores a report shows: the agency's, or every ranked one."""
        return [self.agency] if self.agency is not None else self.board.scores

    def to_json(self) -> dict:
        """The stable JSON contract of ``cchc score --format json`` (README)."""
        from cchc.core.scoring import to_json

        return to_json(replace(self.board, scores=self.shown, unscored=[] if self.agency is not None else self.board.unscored))


# Figures computed from other inputs: hook(run, registry, year) -> Figures (plan completion today).
FigureHook = Callable[[Run, Any, int], Iterable[Any]]


def _completion_hook(run: Run, registry: Any, year: int) -> list[Any]:
    plans = [(plan, registry) for plan in run.plans_of(registry)]
    if not plans:  # a registry alone (a nation's communes): no duties, no progress to read
        return []
    from cchc.app.completion import plan_completion_figures

    return plan_completion_figures(plans, run.progress, year, run.inputs.date(), str(run.inputs.progress_root))


FIGURE_HOOKS: list[FigureHook] = [_completion_hook]


def score(inputs: Inputs, year: int, agency: str | None = None, compare_year: int | None = None, run: Run | None = None, level: str | None = None) -> ScoreResult:
    """Score every agency of the province in ``year`` (and ``compare_year`` with the same methodology);
    ``level`` (tinh, huyen, xa) ranks only the agencies of that level, e.g. every commune committee."""
    if compare_year == year:
        raise usage_error("--compare phải là một năm khác YEAR", "--compare must be a different year from YEAR")
    run = run or Run(inputs)
    registry, slug = run.registry(year)
    methodology = run.methodology(year, slug)
    warnings: list[Problem] = []
    if methodology.year is not None and methodology.year != year:
        warnings.append(
            Problem(
                methodology.path,
                None,
                None,
                "M415",
                tr(
                    f"phương pháp '{methodology.id}' ban hành cho năm {methodology.year}, đang dùng để chấm năm {year}",
                    f"methodology '{methodology.id}' is for {methodology.year}, used here to score {year}",
                ),
                WARNING,
            )
        )
    board = scoreboard(run, registry, slug, methodology, year, warnings, level)
    board.methodology_reason = run.methodology_choice(year, slug)[1]
    if compare_year is not None:
        earlier = replace(inputs, figures=None if inputs.figures is None else _sibling_year(inputs.figures, year, compare_year))
        from cchc.core.scoring import compare

        compare(board, scoreboard(Run(earlier) if earlier != inputs else run, registry, slug, methodology, compare_year, warnings, level))
    chosen = agency_score(run, board, registry, agency) if agency else None
    return ScoreResult(board, registry, chosen, warnings, run.figures_root(year, slug))


def scoreboard(run: Run, registry: Any, slug: str, methodology: Any, year: int, warnings: list[Problem], level: str | None = None) -> Any:
    from cchc.adapters.figuresfile import load_figures
    from cchc.adapters.gcpause import no_gc_pauses
    from cchc.core.scoring import TargetBook, score_all

    root = run.figures_root(year, slug)
    if not root.exists():
        if run.inputs.figures is not None:
            raise usage_error(f"không có tệp/thư mục số liệu '{run.inputs.figures}'", f"no figures file or folder '{run.inputs.figures}'")
        raise _no_figures(year, root)
    with no_gc_pauses():
        figures, problems = load_figures([root], registry, year)
    errors = [p for p in problems if p.severity == ERROR]
    if errors:
        raise CchcError(problem_lines(errors))
    warnings.extend(problems)
    reporting = figures.agency_ids(year)  # computed figures complete a report; they do not start one
    for hook in FIGURE_HOOKS:
        figures.add_missing([f for f in hook(run, registry, year) if f.agency_id in reporting])
    if not figures.agency_ids(year):
        raise _no_figures(year, root)
    warnings.extend(_unknown_appraisals(figures, methodology, year))
    agencies = [a for a in registry.agencies if level is None or a.level == level]
    with no_gc_pauses():
        board = score_all(agencies, methodology, figures, year, TargetBook.from_plans(run.plans_of(registry), year))
    board.province = registry.province
    return board


def _unknown_appraisals(figures: Any, methodology: Any, year: int) -> list[Problem]:
    """M418: an ``appraisals`` row whose id is no appraisal criterion, deduction or bonus of the methodology."""
    known = set()
    for block in methodology.blocks:
        known |= {rule.id for rule in (*block.deductions, *block.bonus)}
        known |= {c.id for area in block.areas for c in area.criteria if c.appraised}
    return [
        Problem(
            row.path,
            row.line,
            None,
            "M418",
            tr(
                f"'{row.key}' không phải tiêu chí thẩm định, điểm trừ hay điểm thưởng của phương pháp '{methodology.id}'; dòng bị bỏ qua",
                f"'{row.key}' is no appraisal criterion, deduction or bonus of methodology '{methodology.id}'; the row is ignored",
            ),
            WARNING,
        )
        for row in figures.appraisals
        if row.year == year and row.key not in known
    ]


def agency_score(run: Run, board: Any, registry: Any, name: str) -> Any:
    """The agency's score; an agency without figures still gets a scorecard (all missing)."""
    from cchc.core.scoring import TargetBook, score_agency

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
    return score_agency(agency, block, {}, board.year, TargetBook.from_plans(run.plans_of(registry), board.year))


def _no_figures(year: int, where: Path) -> CchcError:
    return CchcError(tr(f"không có số liệu năm {year} ({where}); dùng --figures", f"no figures for {year} ({where}); use --figures"))


def _sibling_year(figures_path: Path, year: int, other: int) -> Path:
    """``reports/2024/hai-duong`` -> ``reports/2023/hai-duong`` for --compare with --figures."""
    return Path(*[str(other) if part == str(year) else part for part in figures_path.parts])
