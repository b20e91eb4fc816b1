"""PAR Index-style scoring: methodologies as data, points per criterion, bands, ranks, comparisons.

A methodology (``kind: methodology``) groups criteria by area into blocks (departments, district
committees …); each criterion binds an indicator to a number of points and a scoring mode:

===================== =====================================================================
``ratio_to_threshold`` QĐ 766: ``max × min(1, value / threshold)``; threshold 100 % by default
``linear``             ``max × min(1, value / target)``, the target from the methodology or the plan
``tiers``              the first tier whose bounds hold: ``{min: 100, points: 1.5}`` …, else 0
``all_or_nothing``     ``max`` when the target is met, else 0
``lower_is_better``    ``max`` at or below the target, else ``max × target / value``
``baseline_reduction`` ``max × min(1, reduction / target)`` for a cut against a baseline year
===================== =====================================================================

A ratio over nothing (0 of 0) scores what the criterion's ``nothing_to_measure`` says: ``full``
points (the default) or ``zero``. The national portal is not uniform: a unit with no dossiers gets 0
on the dossier-based metrics, a unit with no petitions full points on the petition metrics
(``cchc/data/methodologies/qd766.yaml`` carries the rule per metric). Points are
rounded half up to 2 decimals from the exact value, so 64.25 % of 6 points is 3.86, not the float's
3.85. A criterion without figures scores 0 (``missing: zero``) or leaves the total, which is then
rescaled (``missing: exclude``).

Not applicable: a criterion (or a whole area) may declare ``not_applicable: {kinds: [...],
agencies: [...]}`` — e.g. units without administrative procedures skip the procedures area (Hà Nam,
QĐ 1156/QĐ-UBND ngày 9/10/2023) — and a figure may say "không phát sinh". Such a criterion leaves
the agency's maximum; ``percent`` (total / applicable maximum × 100) is what bands and ranks use, so
a not-applicable criterion is never a failing score in disguise. Bands are written in points of the
block's total, or, with ``bands_in: percent``, as percentage groups (the national grouping: A ≥ 90 %,
B 80–< 90 % …) whatever the block's total.

Appraisal: a criterion of ``kind: appraisal`` has no indicator; the appraisal council awards up to
``max`` points. Figures files carry, per agency and criterion, ``self_points`` (tự chấm),
``appraised_points`` (thẩm định) and ``evidence`` (tài liệu kiểm chứng) in an ``appraisals`` list; the
total and rank use the appraised points, the self points while none is recorded (the scorecard says
so), and ``self_total`` is the total on the agency's own points. Deductions and bonus (điểm trừ,
điểm thưởng) are block rules ``{id, title, points_each, cap, count_of}``: the count is an
``appraisals`` row ``{agency, criterion: <rule id>, count}`` or, for ``count_of: overdue_tasks``, the
plan duties due and not done on time (the computed plan completion figure); each is capped, shown on
its own line, and the total never goes below 0.

Composite: a criterion of ``kind: composite`` is a sum of ``parts``, each a ratio indicator scored like
``ratio_to_threshold`` with its ``weight`` as the maximum (``weight × min(1, value / threshold)``),
rounded half up to 2 decimals part by part, then added; the criterion never scores above its ``max``.
This is how the national portal scores ONLINE_PAYMENT and ONLINE_SERVICE (qd766.yaml cites the
evidence). A part with no figures makes the whole criterion "no data" (the block's ``missing`` policy
then decides), naming the part; a part that is 0/0 or "không phát sinh" scores what its
``nothing_to_measure`` says.

Targets: fixed by the criterion when it says so; otherwise the plan target for the indicator that
year and the agency's level (a level-specific target beats a general one, a target for that year
beats one for every year of the plan, a one-year plan beats a multi-year one); otherwise the
indicator's default.

Ranks are shared on ties (1, 2, 2, 4) among agencies of the same kind, or of the same block when the
block says ``rank_by: block``.

Everything here is pure; methodology files are read by :mod:`cchc.adapters.methodologyfile`.

Problem codes for methodology files
-----------------------------------
==== ======================================================================
M401 wrong structure: not a mapping, ``kind`` is not methodology, a missing or mistyped key
M402 the criteria's points do not add up to the block's total
M403 unknown indicator (closest names suggested)
M404 unknown scoring mode
M405 the mode does not fit the indicator (lower-is-better on a higher-is-better indicator …)
M406 bad tiers (none, a tier worth more than the criterion, a tier without points)
M407 bad bands (not in decreasing order, out of 0..total)
M408 duplicate block, area or criterion id
M409 unknown agency kind, or a kind claimed by two blocks
M410 bad target or threshold
M411 bad ``missing``, ``rank_by``, ``nothing_to_measure``, ``bands_in``, criterion ``kind`` or ``count_of`` setting
M414 bad ``not_applicable`` (not a mapping of ``kinds``/``agencies`` lists, unknown kind)
M413 unknown key (warning)
M415 the methodology's ``year`` is not the year scored (warning; from :mod:`cchc.app.scorecard`)
M416 bad deduction or bonus rule (``points_each`` not within (0, ``cap``])
M417 an appraisal criterion with an indicator, mode, threshold, target or tiers
M418 an ``appraisals`` row names no appraisal criterion or rule (warning; from :mod:`cchc.app.scorecard`)
M419 bad composite criterion (no parts, a part's weight not within (0, max], weights short of ``max``, a key a composite does not take)
==== ======================================================================
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import Any

from cchc.core.i18n import get_lang
from cchc.indicators import INDICATORS, get_indicator
from cchc.indicators.base import MET, NO_DATA, NOT_APPLICABLE, NOT_MET, Evaluation, Goal, Indicator, exact

MODES = ("ratio_to_threshold", "linear", "tiers", "all_or_nothing", "lower_is_better", "baseline_reduction")
MISSING_POLICIES = ("zero", "exclude")
RANK_BY = ("kind", "block")
NOTHING_TO_MEASURE = ("full", "zero")  # what a ratio of 0/0 scores
BANDS_IN = ("points", "percent")  # band minimums: points of the block's total, or percentage groups (A ≥ 90 % …)
CRITERION_KINDS = ("indicator", "appraisal", "composite")  # scored from a figure, awarded by the appraisal council, or a sum of parts
COUNT_OF = ("overdue_tasks", "figures")  # what a deduction or bonus counts
OVERDUE_SOURCE = "plan_completion_on_time"  # the computed figure whose due-but-not-on-time occurrences are overdue tasks

HUNDRED = Fraction(100)
_ZERO = Decimal(0)


def round_points(value: Fraction) -> Decimal:
    """Round half up to 2 decimals, exactly (the portal's rounding, without float error)."""
    return _round_ratio(value.numerator, value.denominator)


def _round_ratio(numerator: int, denominator: int) -> Decimal:
    """``numerator / denominator`` (denominator > 0) rounded half up to 2 decimals, in integers only:
    scoring a nation's communes makes this the hot path, and Fraction objects cost 10× more."""
    whole, rest = divmod(numerator * 100, denominator)
    if 2 * rest >= denominator:
        whole += 1
    return Decimal(whole).scaleb(-2)


# -- the methodology model -------------------------------------------------------------------


class _Titled:
    """Named in Vietnamese, and in English when the file gives it."""

    title_vi: str
    title_en: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" and self.title_en else self.title_vi


@dataclass(frozen=True)
class Tier:
    """``points`` when ``min <= value <= max`` (either bound may be absent)."""

    points: Decimal
    min: Fraction | None = None
    max: Fraction | None = None

    def matches(self, value: Fraction) -> bool:
        return (self.min is None or value >= self.min) and (self.max is None or value <= self.max)


@dataclass(frozen=True)
class Applicability:
    """Who a criterion or area does not apply to: agency kinds, and agencies by id or name."""

    kinds: tuple[str, ...] = ()
    agencies: tuple[str, ...] = ()  # folded names or ids, as written in the methodology

    def excludes(self, agency: Any) -> bool:
        if getattr(agency, "kind", None) in self.kinds:
            return True
        return bool(self.agencies) and not _folded_names(agency).isdisjoint(self.agencies)

    def __bool__(self) -> bool:
        return bool(self.kinds or self.agencies)


ALWAYS = Applicability()


@cache
def _names_of(agency_id: str, name: str, aliases: tuple[str, ...]) -> frozenset[str]:
    from cchc.core.text import fold

    return frozenset(fold(n) for n in (agency_id, name, *aliases))


def _folded_names(agency: Any) -> frozenset[str]:
    """An agency's id, name and aliases folded, computed once per agency (criteria ask per criterion)."""
    return _names_of(agency.id, agency.name, tuple(getattr(agency, "aliases", ())))


@dataclass(frozen=True)
class Criterion(_Titled):
    id: str
    indicator: str
    area: str
    max: Decimal
    mode: str
    title_vi: str = ""
    title_en: str = ""
    threshold: Fraction | None = None  # ratio_to_threshold, in percent
    target: Goal | None = None  # fixed by the methodology
    tiers: tuple[Tier, ...] = ()
    nothing_to_measure: str = "full"  # 0/0 scores full points, or zero
    not_applicable: Applicability = ALWAYS
    kind: str = "indicator"  # or "appraisal": points awarded by the appraisal council, no indicator; or "composite"
    parts: tuple[Criterion, ...] = ()  # composite: each part a ratio_to_threshold criterion of kind "part", ``max`` its weight
    max_exact: Fraction = field(init=False, repr=False, compare=False)  # ``max`` as a fraction, for exact scoring
    # ``max`` and ``threshold`` as (numerator, denominator), for criterion_points on every agency
    max_ratio: tuple[int, int] = field(init=False, repr=False, compare=False)
    threshold_ratio: tuple[int, int] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "max_exact", Fraction(self.max))
        object.__setattr__(self, "max_ratio", self.max_exact.as_integer_ratio())
        object.__setattr__(self, "threshold_ratio", None if self.threshold is None else self.threshold.as_integer_ratio())

    def title(self, lang: str) -> str:
        return super().title(lang) or (INDICATORS[self.indicator].title(lang) if self.indicator else self.id)

    @property
    def appraised(self) -> bool:
        return self.kind == "appraisal"

    @property
    def indicators(self) -> tuple[str, ...]:
        """The indicators the criterion reads: its own, or its parts' (none for an appraisal)."""
        if self.parts:
            return tuple(part.indicator for part in self.parts)
        return (self.indicator,) if self.indicator else ()


@dataclass(frozen=True)
class Adjustment(_Titled):
    """A deduction (điểm trừ) or bonus (điểm thưởng): ``points_each`` per time it applies, at most ``cap``."""

    id: str
    title_vi: str
    title_en: str
    points_each: Decimal
    cap: Decimal
    count_of: str = "figures"


@dataclass(frozen=True)
class Area(_Titled):
    id: str
    title_vi: str
    title_en: str
    criteria: tuple[Criterion, ...]
    not_applicable: Applicability = ALWAYS


@dataclass(frozen=True)
class Band:
    name: str
    name_en: str
    min: Decimal

    def label(self, lang: str) -> str:
        return self.name_en if lang == "en" and self.name_en else self.name


DEFAULT_BANDS = (
    Band("Xuất sắc", "Excellent", Decimal(90)),
    Band("Tốt", "Good", Decimal(80)),
    Band("Khá", "Fair", Decimal(70)),
    Band("Trung bình", "Average", Decimal(50)),
    Band("Yếu", "Poor", Decimal(0)),
)


@dataclass(frozen=True)
class Block(_Titled):
    """Criteria for one group of agencies (all sở; all district committees …)."""

    id: str
    title_vi: str
    title_en: str
    kinds: tuple[str, ...]  # empty: every kind
    total: Decimal
    areas: tuple[Area, ...]
    bands: tuple[Band, ...] = DEFAULT_BANDS
    missing: str = "zero"
    rank_by: str = "kind"
    bands_in: str = "points"
    deductions: tuple[Adjustment, ...] = ()
    bonus: tuple[Adjustment, ...] = ()
    # The band minimums and the scale of a share as fractions, made once: a share is compared with
    # them for every agency, and comparing a Fraction with a Decimal takes the slow generic path.
    _band_mins: tuple[Fraction, ...] = field(init=False, repr=False, compare=False)
    _scale: Fraction = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_band_mins", tuple(Fraction(band.min) for band in self.bands))
        object.__setattr__(self, "_scale", HUNDRED if self.bands_in == "percent" else Fraction(self.total))

    def covers(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds

    def band_for(self, total: Decimal | Fraction | None) -> Band | None:
        """The band of ``total`` points out of the block's total."""
        if total is None:
            return None
        return next((band for band in self.bands if total >= band.min), None)

    def band_for_share(self, share: Fraction | None) -> Band | None:
        """The band of a share of the applicable points (exact), on the scale the bands are written in."""
        if share is None:
            return None
        scaled = share * self._scale
        return next((band for band, low in zip(self.bands, self._band_mins, strict=True) if scaled >= low), None)


@dataclass(frozen=True)
class Methodology(_Titled):
    id: str
    title_vi: str
    title_en: str
    blocks: tuple[Block, ...]
    source: str = ""
    example: bool = False  # an example built for illustration, not an official one
    path: str = ""
    year: int | None = None  # the year the methodology was issued for, when the file says

    def block_for(self, kind: str) -> Block | None:
        specific = next((b for b in self.blocks if b.kinds and kind in b.kinds), None)
        return specific or next((b for b in self.blocks if not b.kinds), None)


# -- plan targets ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanTarget:
    """A plan target as a goal, with where it came from."""

    indicator: str
    goal: Goal
    level: str | None = None
    year: int | None = None
    span: int = 1  # years in the plan's period: a one-year plan is more specific
    source: str = ""  # "<plan id>#<target id>"


def stricter_first(op: str, value: float) -> float:
    """Sort key putting the stricter of two goals first: the higher '≥' or the lower '≤'."""
    return value if op == "<=" else -value


class TargetBook:
    """The plan targets that apply in one year, looked up by indicator and agency level."""

    def __init__(self, targets: Iterable[PlanTarget] = ()):
        self._by_indicator: dict[str, list[PlanTarget]] = {}
        self._goals: dict[tuple[int, str | None], tuple[Criterion, Goal, str]] = {}
        self._block_goals: dict[tuple[int, str | None], tuple[Block, list[tuple[Goal, str]]]] = {}
        for target in targets:
            self._by_indicator.setdefault(target.indicator, []).append(target)

    @classmethod
    def from_plans(cls, plans: Iterable[Any], year: int) -> TargetBook:
        """Targets of ``plans`` (``cchc.core.model.Plan``) whose period covers ``year``."""
        found = []
        for plan in plans:
            start, end = plan.period
            if not start <= year <= end:
                continue
            for target in plan.targets:
                indicator = get_indicator(target.indicator or "")
                if indicator is None or target.value is None or target.year not in (None, year):
                    continue
                if (target.unit or "%") != indicator.unit:  # "giảm 62 đơn vị" cannot be a goal for a share
                    continue
                op = target.op or ">="
                if op == "range" and target.max is None:
                    continue
                goal = Goal(op, float(target.value), None if target.max is None else float(target.max), target.baseline_year)
                found.append(PlanTarget(indicator.id, goal, target.level, target.year, end - start + 1, f"{plan.id}#{target.id}"))
        return cls(found)

    def resolve(self, indicator: str, level: str | None) -> PlanTarget | None:
        candidates = [t for t in self._by_indicator.get(indicator, ()) if t.level is None or t.level == level]
        if not candidates:
            return None
        # The most specific target wins; between equally specific ones the stricter (highest ≥,
        # lowest ≤), so the result never depends on the order targets are written in (P211).
        return min(candidates, key=lambda t: (t.level is None, t.year is None, t.span, stricter_first(t.goal.op, t.goal.value)))

    def block_goals(self, block: Block, level: str | None) -> list[tuple[Goal, str]]:
        """:meth:`goal_for` of every criterion of ``block`` in order (memoised: asked once per agency)."""
        key = (id(block), level)
        known = self._block_goals.get(key)
        if known is None or known[0] is not block:
            known = self._block_goals[key] = (block, [self.goal_for(c, level) for area in block.areas for c in area.criteria])
        return known[1]

    def goal_for(self, criterion: Criterion, level: str | None) -> tuple[Goal, str]:
        """The goal a criterion is judged against at ``level``, and where it came from (memoised)."""
        key = (id(criterion), level)
        known = self._goals.get(key)
        if known is not None and known[0] is criterion:
            return known[1], known[2]
        goal, source = self._goal(criterion, level)
        self._goals[key] = (criterion, goal, source)
        return goal, source

    def _goal(self, criterion: Criterion, level: str | None) -> tuple[Goal, str]:
        if criterion.appraised:
            return Goal(">=", float(criterion.max)), "appraisal"
        if criterion.parts:  # the sum of the parts' points, scaled to nothing: reaching max is full points
            return Goal(">=", float(criterion.max)), "methodology"
        if criterion.mode == "ratio_to_threshold":
            assert criterion.threshold is not None
            return Goal(">=", float(criterion.threshold)), "methodology"
        if criterion.target is not None:
            return criterion.target, "methodology"
        planned = self.resolve(criterion.indicator, level)
        if planned is not None:
            return planned.goal, f"plan:{planned.source}"
        return INDICATORS[criterion.indicator].default_target, "default"


# -- picking the figure for a year -----------------------------------------------------------


def year_figure(figures: Iterable[Any], year: int, indicator: Indicator) -> Any:
    """The figure that stands for ``year``: the annual one, else the quarters (else the months)
    summed for flows or the latest one for stocks and rates."""
    annual = None
    parts = []
    year_text = str(year)
    for figure in figures:
        if figure.period == year_text:
            annual = figure
        elif figure.period.startswith(year_text):
            parts.append(figure)
    if annual is not None or not parts:
        return annual
    quarters = [f for f in parts if "Q" in f.period]
    used = sorted(quarters or parts, key=lambda f: f.period)
    last = used[-1]
    if indicator.aggregate == "latest" or len(used) == 1:
        return last
    if any(f.numerator is None or f.denominator is None for f in used):
        return last
    from dataclasses import replace

    return replace(
        last,
        period=str(year),
        numerator=sum(f.numerator for f in used),
        denominator=sum(f.denominator for f in used),
        value=None,
        note="+".join(f.period for f in used),  # the periods summed, e.g. 2024-Q1+2024-Q2
    )


# -- scoring ---------------------------------------------------------------------------------


def criterion_points(criterion: Criterion, evaluation: Evaluation, goal: Goal) -> Decimal | None:
    """Points for one evaluated criterion; ``None`` when there is no data."""
    if evaluation.status == NO_DATA:
        return None
    if evaluation.status == NOT_APPLICABLE:
        return None
    if evaluation.vacuous:
        return criterion.max if criterion.nothing_to_measure == "full" else _ZERO
    assert evaluation.ratio is not None
    mode = criterion.mode
    if mode == "all_or_nothing":
        return criterion.max if evaluation.status == MET else _ZERO
    if mode == "tiers":
        value = evaluation.exact
        tier = next((t for t in criterion.tiers if t.matches(value)), None)
        return _ZERO if tier is None else tier.points
    # Exact arithmetic on integers: max × share, share = value / reference (or reference / value when
    # lower is better), compared and rounded without building Fractions (this runs for every
    # criterion of every agency). The value, the references and max are kept as integer pairs.
    value_num, value_den = evaluation.ratio
    if mode == "lower_is_better":
        ref_num, ref_den = goal.reference_ratio
        if value_num * ref_den <= ref_num * value_den:
            return criterion.max
        if ref_num <= 0:
            return _ZERO
        share_num, share_den = ref_num * value_den, ref_den * value_num
    else:  # ratio_to_threshold, linear, baseline_reduction: proportional to the bar
        reference = criterion.threshold_ratio if mode == "ratio_to_threshold" else goal.reference_ratio
        assert reference is not None
        ref_num, ref_den = reference
        if value_num * ref_den >= ref_num * value_den:
            return criterion.max
        if value_num <= 0:
            return _ZERO
        share_num, share_den = value_num * ref_den, value_den * ref_num
    top_num, top_den = criterion.max_ratio
    return _round_ratio(top_num * share_num, top_den * share_den)


@dataclass(slots=True)
class CriterionScore:
    criterion: Criterion
    evaluation: Evaluation
    goal: Goal
    target_source: str
    points: Decimal | None  # None: no data left out of the total (missing: exclude), or not applicable
    figure: Any = None
    appraisal: Any = None  # cchc.core.figures.Appraisal of an appraisal criterion
    parts: tuple[CriterionScore, ...] = ()  # a composite criterion's parts, scored

    @property
    def self_points(self) -> Decimal | None:
        return None if self.appraisal is None else self.appraisal.self_points

    @property
    def appraised_points(self) -> Decimal | None:
        return None if self.appraisal is None else self.appraisal.appraised_points

    @property
    def lacks_evidence(self) -> bool:
        """An appraisal criterion scored without a document to check it against (thiếu tài liệu kiểm chứng)."""
        return self.criterion.appraised and self.appraisal is not None and not self.appraisal.evidence

    @property
    def status(self) -> str:
        return self.evaluation.status

    @property
    def applicable_by_methodology(self) -> bool:
        """False when the methodology excluded the criterion: its figure, if any, was not read."""
        return self.evaluation is not _EXCLUDED


@dataclass
class AreaScore(_Titled):
    id: str
    title_vi: str
    title_en: str
    points: Decimal
    max: Decimal


@dataclass
class AdjustmentLine:
    """One deduction or bonus applied to an agency: how many times, the points before and after the cap."""

    rule: Adjustment
    count: int
    points: Decimal  # count × points_each, capped
    uncapped: Decimal
    source: str = ""  # file:line of the count, or the progress book


@dataclass
class Comparison:
    """This year against an earlier one: positive ``rank_change`` means moved up."""

    year: int
    total: Decimal | None
    rank: int | None
    total_change: Decimal | None
    rank_change: int | None
    area_changes: dict[str, Decimal]


@dataclass
class AgencyScore:
    agency_id: str
    name: str
    kind: str
    level: str | None
    block: Block
    criteria: list[CriterionScore]
    areas: list[AreaScore]
    total: Decimal | None
    band: Band | None
    max: Decimal = Decimal(0)  # the points that apply to this agency (the block's total less what does not apply)
    percent: Decimal | None = None  # total / max × 100: what bands and ranks use
    share: Fraction | None = field(default=None, repr=False)  # the exact share behind ``percent``
    rank: int | None = None
    rank_of: int | None = None  # how many agencies were ranked together
    previous: Comparison | None = None
    self_total: Decimal | None = None  # the total with the agency's own points on appraisal criteria
    deductions: list[AdjustmentLine] = field(default_factory=list)
    bonus: list[AdjustmentLine] = field(default_factory=list)
    awaiting_appraisal: list[str] = field(default_factory=list)  # appraisal criteria scored on self points (no appraisal yet)

    @property
    def group(self) -> str:
        """Who it is ranked with: its kind, or its whole block when the block says so."""
        return f"block:{self.block.id}" if self.block.rank_by == "block" else f"kind:{self.kind}"

    @property
    def missing(self) -> list[str]:
        return [name for c in self.criteria if c.status == NO_DATA for name in _missing_names(c)]

    @property
    def without_evidence(self) -> list[CriterionScore]:
        return [c for c in self.criteria if c.lacks_evidence]


@dataclass
class Scoreboard:
    year: int
    methodology: Methodology
    scores: list[AgencyScore]
    unscored: list[Any] = field(default_factory=list)  # agencies of a scored kind with no figures that year
    uncovered: list[Any] = field(default_factory=list)  # agencies with figures but no block for their kind
    illustrative: bool = False
    province: str = ""
    methodology_reason: str = ""  # why this methodology was used, in the output language

    def find(self, agency_id: str) -> AgencyScore | None:
        return next((s for s in self.scores if s.agency_id == agency_id), None)


def score_agency(agency: Any, block: Block, figures: dict[str, list[Any]], year: int, targets: TargetBook, appraisals: dict[str, Any] | None = None) -> AgencyScore:
    """Score one agency (``id``, ``name``, ``kind``, ``level``) against one block.

    ``appraisals`` (by criterion or rule id) carry the points of appraisal criteria and the counts of
    deductions and bonus. An appraisal criterion scores the appraised points, or the agency's own
    while no appraisal is recorded (named in ``awaiting_appraisal``); deductions and bonus are added
    after the criteria, each capped, and the total never goes below 0.
    """
    appraisals = appraisals or {}
    level = getattr(agency, "level", None)
    self_delta = _ZERO  # self points less the points used, over appraisal criteria
    awaiting: list[str] = []
    results: list[CriterionScore] = []
    areas: list[AreaScore] = []
    applicable = _ZERO  # the maximum of every criterion that applies, with or without figures
    missing_zero = block.missing == "zero"
    goals = iter(targets.block_goals(block, level))
    for area in block.areas:
        area_points = _ZERO
        area_max = _ZERO
        area_excluded = area.not_applicable is not ALWAYS and area.not_applicable.excludes(agency)
        for criterion in area.criteria:
            goal, source = next(goals)
            figure = appraisal = None
            parts: tuple[CriterionScore, ...] = ()
            if area_excluded or (criterion.not_applicable is not ALWAYS and criterion.not_applicable.excludes(agency)):
                evaluation = _EXCLUDED
            elif criterion.appraised:
                appraisal = appraisals.get(criterion.id)
                evaluation = _appraised(criterion, appraisal)
            elif criterion.parts:
                parts = _score_parts(criterion, figures, year, targets, level)
                evaluation = _composite(criterion, parts)
            else:
                indicator = INDICATORS[criterion.indicator]
                figure = year_figure(figures.get(criterion.indicator, ()), year, indicator)
                evaluation = indicator.evaluate(figure, goal)
                if evaluation.vacuous:
                    evaluation = _judged(criterion, evaluation)
            points = criterion_points(criterion, evaluation, goal)
            if points is None and missing_zero and evaluation.status == NO_DATA:
                points = _ZERO
            if appraisal is not None and evaluation.status != NOT_APPLICABLE:
                if appraisal.appraised_points is None:
                    awaiting.append(criterion.id)
                elif appraisal.self_points is not None:
                    self_delta += appraisal.self_points - appraisal.appraised_points
            results.append(CriterionScore(criterion, evaluation, goal, source, points, figure, appraisal, parts))
            if evaluation.status != NOT_APPLICABLE:
                applicable += criterion.max
            if points is not None:
                area_points += points
                area_max += criterion.max
        areas.append(AreaScore(area.id, area.title_vi, area.title_en, area_points, area_max))
    earned = sum((a.points for a in areas), _ZERO)
    possible = sum((a.max for a in areas), _ZERO)
    share: Fraction | None = None  # nothing scored (all excluded or not applicable): no total
    total: Decimal | None = None
    self_total: Decimal | None = None
    deductions = _adjustments(block.deductions, appraisals, figures, year)
    bonus = _adjustments(block.bonus, appraisals, figures, year)
    if possible:
        share = Fraction(earned) / Fraction(possible)  # of the points scored (missing: exclude rescales)
        total = earned if block.missing == "zero" else round_points(share * Fraction(applicable))
        adjusted = total + sum((b.points for b in bonus), _ZERO) - sum((d.points for d in deductions), _ZERO)
        self_total = max(_ZERO, adjusted + self_delta)
        if adjusted != total:
            total = max(_ZERO, adjusted)
            share = Fraction(total) / Fraction(applicable) if applicable else share
    result = AgencyScore(
        agency.id,
        agency.name,
        agency.kind,
        level,
        block,
        results,
        areas,
        total,
        block.band_for_share(share),
        applicable,
        None if share is None else round_points(share * HUNDRED),
        share,
    )
    result.self_total, result.deductions, result.bonus, result.awaiting_appraisal = self_total, deductions, bonus, awaiting
    return result


def _appraised(criterion: Criterion, appraisal: Any) -> Evaluation:
    """An appraisal criterion's points as an evaluation: the appraised points, else the agency's own."""
    if appraisal is None or (appraisal.appraised_points is None and appraisal.self_points is None):
        return Evaluation(None, NO_DATA, explain=lambda lang: "no points recorded" if lang == "en" else "chưa có điểm tự chấm hay thẩm định")
    used = appraisal.appraised_points if appraisal.appraised_points is not None else appraisal.self_points
    used = min(max(used, Decimal(0)), criterion.max)
    return Evaluation(float(used), MET if used >= criterion.max else NOT_MET, ratio=used.as_integer_ratio())


def _adjustments(rules: tuple[Adjustment, ...], appraisals: dict[str, Any], figures: dict[str, list[Any]], year: int) -> list[AdjustmentLine]:
    """Each deduction or bonus that applies: its count (a figures row, or overdue plan duties), capped."""
    lines = []
    for rule in rules:
        count, source = 0, ""
        if rule.count_of == "overdue_tasks":
            done = year_figure(figures.get(OVERDUE_SOURCE, ()), year, INDICATORS[OVERDUE_SOURCE])
            if done is not None and done.numerator is not None and done.denominator is not None:
                count, source = int(done.denominator - done.numerator), done.path
        else:
            row = appraisals.get(rule.id)
            if row is not None and row.count:
                count, source = int(row.count), f"{row.path}:{row.line}" if row.line else row.path
        if count > 0:
            uncapped = rule.points_each * count
            lines.append(AdjustmentLine(rule, count, min(uncapped, rule.cap), uncapped, source))
    return lines


def _missing_names(result: CriterionScore) -> list[str]:
    """What a criterion without data lacks: its indicator, its parts' indicators without figures, or its id."""
    if result.parts:
        return [p.criterion.indicator for p in result.parts if p.status == NO_DATA]
    return [result.criterion.indicator or result.criterion.id]


def _score_parts(criterion: Criterion, figures: dict[str, list[Any]], year: int, targets: TargetBook, level: str | None) -> tuple[CriterionScore, ...]:
    """Each part of a composite scored as the ratio_to_threshold criterion it is; "không phát sinh"
    on a part counts as nothing to measure (the part's ``nothing_to_measure`` decides)."""
    scored = []
    for part in criterion.parts:
        goal, source = targets.goal_for(part, level)
        indicator = INDICATORS[part.indicator]
        figure = year_figure(figures.get(part.indicator, ()), year, indicator)
        evaluation = indicator.evaluate(figure, goal)
        if evaluation.status == NOT_APPLICABLE:
            evaluation = Evaluation(None, MET, vacuous=True, explain=evaluation.explain)
        if evaluation.vacuous:
            evaluation = _judged(part, evaluation)
        scored.append(CriterionScore(part, evaluation, goal, source, criterion_points(part, evaluation, goal), figure))
    return tuple(scored)


def _composite(criterion: Criterion, parts: tuple[CriterionScore, ...]) -> Evaluation:
    """The sum of the parts' rounded points as an evaluation (the criterion's points, at most ``max``);
    "no data" naming the parts without figures when any has none."""
    lacking = [p for p in parts if p.status == NO_DATA]
    if lacking:
        vi = ", ".join(f"{p.criterion.id} ({p.evaluation.reason('vi')})" for p in lacking)
        en = ", ".join(f"{p.criterion.id} ({p.evaluation.reason('en')})" for p in lacking)
        return Evaluation(None, NO_DATA, explain=lambda lang: f"no figures for part {en}" if lang == "en" else f"thiếu số liệu phần {vi}")
    earned = sum((p.points or _ZERO for p in parts), _ZERO)
    return Evaluation(float(earned), MET if earned >= criterion.max else NOT_MET, ratio=earned.as_integer_ratio())


_EXCLUDED = Evaluation(None, NOT_APPLICABLE, explain=lambda lang: "not applicable under the methodology" if lang == "en" else "không áp dụng theo phương pháp chấm điểm")


def _judged(criterion: Criterion, evaluation: Evaluation) -> Evaluation:
    """A 0/0 (vacuous evaluation) the methodology scores zero is not met, and says why."""
    if criterion.nothing_to_measure == "full":
        return evaluation
    from dataclasses import replace

    return replace(
        evaluation,
        status=NOT_MET,
        explain=lambda lang: "0 of 0: nothing to measure, scored 0 under the methodology"
        if lang == "en"
        else "0/0: không có gì phải đo, phương pháp chấm 0 điểm",
    )


def score_all(agencies: Iterable[Any], methodology: Methodology, figures: Any, year: int, targets: TargetBook) -> Scoreboard:
    """Score every agency that has figures that year and a block for its kind, then rank them.

    ``unscored`` names the agencies the methodology expects figures from and did not get: those of a
    kind a block names, and, under a block for every kind (``qd766``), those of a kind some agency
    reported for. A Party committee or a newspaper is not "no data" for a procedures index.
    """
    agencies = list(agencies)
    with_figures = figures.agency_ids(year)
    reporting_kinds = {a.kind for a in agencies if a.id in with_figures}
    named_kinds = {kind for block in methodology.blocks for kind in block.kinds}
    scores, unscored, uncovered = [], [], []
    blocks: dict[str, Block | None] = {}  # block_for each kind, asked once (a nation has 3,321 communes of one kind)
    for agency in agencies:
        if agency.id not in with_figures and not _active_in(agency, year):
            continue  # created after the year, or merged away before it: it owes no figures
        block = blocks[agency.kind] if agency.kind in blocks else blocks.setdefault(agency.kind, methodology.block_for(agency.kind))
        if block is None:
            if agency.id in with_figures:
                uncovered.append(agency)
            continue
        if agency.id not in with_figures:
            if agency.kind in named_kinds or agency.kind in reporting_kinds:
                unscored.append(agency)
            continue
        appraisals = figures.appraisals_for(agency.id, year) if hasattr(figures, "appraisals_for") else {}
        scores.append(score_agency(agency, block, figures.for_agency(agency.id), year, targets, appraisals))
    rank(scores)
    return Scoreboard(year, methodology, scores, unscored, uncovered, getattr(figures, "illustrative", False))


def _active_in(agency: Any, year: int) -> bool:
    """Whether the agency existed during some of ``year`` (registry ``established`` and successor dates)."""
    established = getattr(agency, "established", None)
    if established is not None and established.year > year:
        return False
    gone = getattr(agency, "successor_date", None) if getattr(agency, "successor", None) else None
    return gone is None or gone.year >= year


def rank(scores: list[AgencyScore]) -> list[AgencyScore]:
    """Rank within each group on ``percent``, best first; equal shares share a rank (1, 2, 2, 4). Sorts in place."""
    groups: dict[str, list[AgencyScore]] = {}
    for score in scores:
        score.rank = score.rank_of = None
        if score.share is not None:
            groups.setdefault(score.group, []).append(score)
    for members in groups.values():
        members.sort(key=lambda s: (float(s.share), s.share), reverse=True)  # floats first: thousands of Fraction comparisons are slow
        previous_share, previous_rank = None, 0
        for position, score in enumerate(members, start=1):
            if score.share != previous_share:
                previous_share, previous_rank = score.share, position
            score.rank = previous_rank
            score.rank_of = len(members)
    order = {group: i for i, group in enumerate(dict.fromkeys(s.group for s in scores))}
    scores.sort(key=lambda s: (order[s.group], s.rank is None, s.rank or 0, s.name))
    return scores


def compare(current: Scoreboard, previous: Scoreboard) -> None:
    """Attach the change against ``previous`` to each agency scored in both years (same block)."""
    earlier = {s.agency_id: s for s in previous.scores}
    for score in current.scores:
        before = earlier.get(score.agency_id)
        if before is None or before.block.id != score.block.id:
            continue
        before_areas = {a.id: a.points for a in before.areas}
        score.previous = Comparison(
            previous.year,
            before.total,
            before.rank,
            None if score.total is None or before.total is None else score.total - before.total,
            None if score.rank is None or before.rank is None else before.rank - score.rank,
            {a.id: a.points - before_areas[a.id] for a in score.areas if a.id in before_areas},
        )


# -- the audit trail -------------------------------------------------------------------------


def trace(result: CriterionScore, methodology_path: str, lang: str) -> dict[str, Any]:
    """Where a criterion's points came from: the figure's file and row, the methodology, the rule."""
    figure = result.figure or result.appraisal
    source = None
    if figure is not None and result.applicable_by_methodology:
        source = {"path": figure.path, "line": figure.line, "period": figure.period, "source": getattr(figure, "source", ""), "note": getattr(figure, "note", "")}
    return {
        "figure": source,
        "methodology": f"{methodology_path}#{result.criterion.id}",
        "target_source": result.target_source,
        "rule": rule_text(result, lang),
    }


def rule_text(result: CriterionScore, lang: str) -> str:
    """The rule that produced the points, with the numbers, in ``lang``."""
    from cchc.indicators.base import format_number

    def n(value: Any) -> str:
        return "—" if value is None else format_number(value, "," if lang == "vi" else ".")

    def t(vi: str, en: str) -> str:
        return en if lang == "en" else vi

    c, e, points = result.criterion, result.evaluation, result.points
    if e.status == NOT_APPLICABLE:
        return e.reason(lang)
    if c.parts and e.status != NO_DATA:
        terms = " + ".join(f"{p.criterion.id} {n(p.points)}" for p in result.parts)
        summed = sum((p.points or _ZERO for p in result.parts), _ZERO)
        capped = t(f", tối đa {n(c.max)}", f", at most {n(c.max)}") if summed > c.max else ""
        return f"{terms} = {n(summed)}{capped}" + (f" → {n(points)}" if capped else "")
    if e.status == NO_DATA:
        if c.kind == "part":  # a composite's part: the composite says what its missing part costs
            return e.reason(lang)
        if c.parts:
            lacking = ", ".join(p.criterion.id for p in result.parts if p.status == NO_DATA)
            if points is None:
                return t(f"thiếu số liệu phần {lacking}: bỏ khỏi tổng, tổng được quy đổi", f"no figures for part {lacking}: left out, the total is rescaled")
            return t(f"thiếu số liệu phần {lacking}: 0 điểm", f"no figures for part {lacking}: 0 points")
        if points is None:
            return t("không có số liệu: bỏ khỏi tổng, tổng được quy đổi", "no figures: left out, the total is rescaled")
        return t("không có số liệu: 0 điểm", "no figures: 0 points")
    if e.vacuous:
        return t(f"0/0: phương pháp chấm {n(points)} điểm", f"0 of 0: the methodology gives {n(points)} points")
    if c.appraised:
        if result.appraised_points is None:
            return t(f"chưa thẩm định: dùng điểm tự chấm {n(points)}", f"not appraised yet: the self-assessed {n(points)} points are used")
        return t(f"điểm thẩm định: {n(points)}", f"appraised points: {n(points)}")
    value = e.exact
    if c.mode == "tiers":
        tier = next((tier for tier in c.tiers if tier.matches(value)), None)
        if tier is None:
            return t(f"{n(value)} không thuộc bậc nào: 0 điểm", f"{n(value)} is in no tier: 0 points")
        if tier.max is None:
            bounds = f"≥ {n(tier.min)}"
        elif tier.min is None:
            bounds = f"≤ {n(tier.max)}"
        else:
            bounds = f"{n(tier.min)}–{n(tier.max)}"
        return t(f"bậc {bounds}: {n(tier.points)} điểm", f"tier {bounds}: {n(tier.points)} points")
    if c.mode == "all_or_nothing":
        return t(f"{n(c.max)} điểm nếu đạt chỉ tiêu, không thì 0: {n(points)}", f"{n(c.max)} points if the target is met, else 0: {n(points)}")
    reference = c.threshold if c.mode == "ratio_to_threshold" else result.goal.reference
    if c.mode == "lower_is_better":
        return t(
            f"{n(c.max)} nếu ≤ {n(reference)}, không thì {n(c.max)} × {n(reference)} / {n(value)} = {n(points)}",
            f"{n(c.max)} if ≤ {n(reference)}, else {n(c.max)} × {n(reference)} / {n(value)} = {n(points)}",
        )
    return t(
        f"{n(c.max)} × ({n(value)} / {n(reference)}, tối đa 1) = {n(points)}",
        f"{n(c.max)} × min(1, {n(value)} / {n(reference)}) = {n(points)}",
    )


# -- the JSON contract -----------------------------------------------------------------------


def _num(value: Decimal | Fraction | float | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value)
    return float(round_points(exact(value)))


def to_json(board: Scoreboard) -> dict[str, Any]:
    """The stable ``--format json`` shape (``cchc/commands/score.py``); titles are in the output language."""
    return {
        "year": board.year,
        "methodology": board.methodology.id,
        "methodology_reason": board.methodology_reason,
        "province": board.province,
        "illustrative": board.illustrative,
        "agencies": [_agency_json(s, board.methodology.path or board.methodology.id) for s in board.scores],
        "unscored": [a.name for a in board.unscored],
    }


def _agency_json(score: AgencyScore, methodology_path: str) -> dict[str, Any]:
    lang = get_lang()
    data: dict[str, Any] = {
        "agency": score.name,
        "agency_id": score.agency_id,
        "kind": score.kind,
        "block": score.block.id,
        "block_title": score.block.title(lang),
        "rank_group": score.group,
        "total": _num(score.total),
        "max": _num(score.max),
        "percent": _num(score.percent),
        "band": score.band.name if score.band else None,
        "rank": score.rank,
        "rank_of": score.rank_of,
        "areas": [{"id": a.id, "title": a.title(lang), "points": _num(a.points), "max": _num(a.max)} for a in score.areas],
        "criteria": [
            {
                "id": c.criterion.id,
                "title": c.criterion.title(lang),
                "indicator": c.criterion.indicator,
                "kind": c.criterion.kind,
                "unit": INDICATORS[c.criterion.indicator].unit if c.criterion.indicator else "points",
                "area": c.criterion.area,
                "value": None if c.evaluation.exact is None else _num(c.evaluation.exact),
                "target": {"op": c.goal.op, "value": c.goal.value, "max": c.goal.max, "source": c.target_source},
                "points": _num(c.points),
                "max": _num(c.criterion.max),
                "status": c.status,
                "vacuous": c.evaluation.vacuous,
                "self_points": _num(c.self_points),
                "appraised_points": _num(c.appraised_points),
                "evidence": c.appraisal.evidence if c.appraisal is not None else None,
                "trace": trace(c, methodology_path, lang),
                **({"parts": [_part_json(p, f"{methodology_path}#{c.criterion.id}", lang) for p in c.parts]} if c.parts else {}),
            }
            for c in score.criteria
        ],
        "missing": score.missing,
        "self_total": _num(score.self_total),
        "awaiting_appraisal": score.awaiting_appraisal,
        "without_evidence": [c.criterion.id for c in score.without_evidence],
        "deductions": [_adjustment_json(line, lang) for line in score.deductions],
        "bonus": [_adjustment_json(line, lang) for line in score.bonus],
    }
    if score.previous is not None:
        prev = score.previous
        data["compare"] = {
            "year": prev.year,
            "total": _num(prev.total),
            "rank": prev.rank,
            "total_change": _num(prev.total_change),
            "rank_change": prev.rank_change,
            "areas": [{"id": k, "change": _num(v)} for k, v in prev.area_changes.items()],
        }
    return data


def _part_json(part: CriterionScore, criterion_ref: str, lang: str) -> dict[str, Any]:
    """One part of a composite criterion (``criterion_ref``: methodology path#criterion id): its
    indicator, value, threshold, weight (``max``) and points."""
    where = trace(part, "", lang) | {"methodology": f"{criterion_ref}/{part.criterion.id}"}
    return {
        "id": part.criterion.id,
        "title": part.criterion.title(lang),
        "indicator": part.criterion.indicator,
        "value": None if part.evaluation.exact is None else _num(part.evaluation.exact),
        "threshold": _num(part.criterion.threshold),
        "points": _num(part.points),
        "max": _num(part.criterion.max),
        "status": part.status,
        "vacuous": part.evaluation.vacuous,
        "not_arising": not_arising(part),
        "trace": where,
    }


def not_arising(part: CriterionScore) -> bool:
    """A composite's part whose figure says "không phát sinh" (scored as nothing to measure, shown as such)."""
    return bool(getattr(part.figure, "not_applicable", False))


def _adjustment_json(line: AdjustmentLine, lang: str) -> dict[str, Any]:
    return {
        "id": line.rule.id,
        "title": line.rule.title(lang),
        "count": line.count,
        "points": _num(line.points),
        "uncapped": _num(line.uncapped),
        "cap": _num(line.rule.cap),
        "source": line.source,
    }
