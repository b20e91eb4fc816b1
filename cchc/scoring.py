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

In every mode a ratio over nothing (0 of 0) scores full points, as the portal does. Points are
rounded half up to 2 decimals from the exact value, so 64.25 % of 6 points is 3.86, not the float's
3.85. A criterion without figures scores 0 (``missing: zero``) or leaves the total, which is then
rescaled to the block's total (``missing: exclude``).

Targets: fixed by the criterion when it says so; otherwise the plan target for the indicator that
year and the agency's level (a level-specific target beats a general one, a target for that year
beats one for every year of the plan, a one-year plan beats a multi-year one); otherwise the
indicator's default.

Ranks are shared on ties (1, 2, 2, 4) among agencies of the same kind, or of the same block when the
block says ``rank_by: block``.

Everything here is pure except :func:`load_methodology`, which reads one YAML file.

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
M411 bad ``missing`` or ``rank_by`` setting
M413 unknown key (warning)
==== ======================================================================
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from cchc.i18n import get_lang, tr
from cchc.indicators import INDICATORS, get_indicator, suggest_indicator
from cchc.indicators.base import MET, NO_DATA, OPS, Evaluation, Goal, Indicator, Reduction, exact
from cchc.problems import ERROR, WARNING, CchcError, Problem

MODES = ("ratio_to_threshold", "linear", "tiers", "all_or_nothing", "lower_is_better", "baseline_reduction")
MISSING_POLICIES = ("zero", "exclude")
RANK_BY = ("kind", "block")
BUILTIN_DIR = Path(__file__).parent / "data" / "methodologies"

_HUNDRED = Fraction(100)
_HALF = Fraction(1, 2)
_ZERO = Fraction(0)


def round_points(value: Fraction) -> Decimal:
    """Round half up to 2 decimals, exactly (the portal's rounding, without float error)."""
    scaled = value * 100
    whole = scaled.numerator // scaled.denominator
    if scaled - whole >= _HALF:
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
    max_exact: Fraction = field(init=False, repr=False, compare=False)  # ``max`` as a fraction, for exact scoring

    def __post_init__(self) -> None:
        object.__setattr__(self, "max_exact", Fraction(self.max))

    def title(self, lang: str) -> str:
        return super().title(lang) or INDICATORS[self.indicator].title(lang)


@dataclass(frozen=True)
class Area(_Titled):
    id: str
    title_vi: str
    title_en: str
    criteria: tuple[Criterion, ...]


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

    def covers(self, kind: str) -> bool:
        return not self.kinds or kind in self.kinds

    def band_for(self, total: Decimal | None) -> Band | None:
        if total is None:
            return None
        return next((band for band in self.bands if total >= band.min), None)


@dataclass(frozen=True)
class Methodology(_Titled):
    id: str
    title_vi: str
    title_en: str
    blocks: tuple[Block, ...]
    source: str = ""
    example: bool = False  # an example built for illustration, not an official one
    path: str = ""

    def block_for(self, kind: str) -> Block | None:
        specific = next((b for b in self.blocks if b.kinds and kind in b.kinds), None)
        return specific or next((b for b in self.blocks if not b.kinds), None)


# -- reading methodology files ---------------------------------------------------------------


def builtin_methodologies() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in BUILTIN_DIR.glob("*.yaml")))


def load_methodology(name_or_path: str | Path) -> Methodology:
    """A built-in methodology by name (``qd766``) or a methodology YAML file.

    Raises :class:`CchcError` (exit 2) for an unknown name, exit 1 listing every problem of a
    broken file; unreadable files raise ``UnreadableInput`` from :mod:`cchc.yamlio`.
    """
    from cchc.yamlio import load_yaml

    path = Path(name_or_path)
    if not path.exists():
        builtin = BUILTIN_DIR / f"{name_or_path}.yaml"
        if not builtin.exists():
            names = ", ".join(builtin_methodologies())
            raise CchcError(
                tr(
                    f"không có phương pháp chấm điểm '{name_or_path}' (có sẵn: {names}; hoặc đường dẫn tệp YAML)",
                    f"no scoring methodology '{name_or_path}' (built in: {names}; or give a YAML file path)",
                ),
                2,
            )
        path = builtin
    data, problems = load_yaml(path)
    methodology, found = parse_methodology(data, str(path))
    errors = [p for p in [*problems, *found] if p.severity == ERROR]
    if errors or methodology is None:
        raise CchcError("\n".join(p.format() for p in errors))
    return methodology


def check_methodology(path: str | Path) -> list[Problem]:
    """Every problem of a methodology file, YAML problems included."""
    from cchc.yamlio import load_yaml

    data, problems = load_yaml(path)
    return [*problems, *check_methodology_data(data, str(path))]


def check_methodology_data(data: Any, path: str) -> list[Problem]:
    """Every problem of an already loaded methodology file (``cchc validate`` loads it)."""
    return parse_methodology(data, path)[1]


def parse_methodology(data: Any, path: str) -> tuple[Methodology | None, list[Problem]]:
    """Build a :class:`Methodology` from loaded YAML; ``None`` when an error was found."""
    parser = _Parser(path)
    methodology = parser.methodology(data)
    if any(p.severity == ERROR for p in parser.problems):
        return None, parser.problems
    return methodology, parser.problems


_TOP_KEYS = {"kind", "id", "title", "title_en", "source", "example", "notes", "missing", "bands", "blocks", "province", "year", "total"}
_BLOCK_KEYS = {"id", "title", "title_en", "kinds", "total", "areas", "bands", "missing", "rank_by", "notes"}
_AREA_KEYS = {"id", "title", "title_en", "criteria", "notes"}
_CRITERION_KEYS = {"id", "title", "title_en", "indicator", "max", "mode", "threshold", "target", "tiers", "notes"}
_TARGET_KEYS = {"op", "value", "max", "baseline_year"}
_TIER_KEYS = {"min", "max", "points"}
_BAND_KEYS = {"name", "name_en", "min"}


class _Parser:
    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.declared = Decimal(0)  # points of the current block's criteria, including broken ones
        self.declared_complete = True  # False once a criterion's points could not be read (reported there)

    def report(self, container: Any, key: Any, code: str, message: str, severity: str = ERROR) -> None:
        line, col = container.pos(key) if hasattr(container, "pos") else (None, None)
        self.problems.append(Problem(self.path, line, col, code, message, severity))

    def keys(self, mapping: dict, allowed: set[str]) -> None:
        for key in mapping:
            if key not in allowed:
                self.report(mapping, key, "M413", tr(f"khóa '{key}' không được dùng, bị bỏ qua", f"unknown key '{key}' ignored"), WARNING)

    def mapping(self, value: Any, container: Any, key: Any, label: str) -> dict | None:
        if isinstance(value, dict):
            return value
        self.report(container, key, "M401", tr(f"'{label}' phải là một ánh xạ (khóa: giá trị)", f"'{label}' must be a mapping (key: value)"))
        return None

    def items(self, mapping: dict, key: str, label: str) -> list:
        value = mapping.get(key)
        if isinstance(value, list) and value:
            return value
        self.report(mapping, key, "M401", tr(f"'{label}' phải là danh sách không rỗng", f"'{label}' must be a non-empty list"))
        return []

    def text(self, mapping: dict, key: str, required: bool = False) -> str:
        value = mapping.get(key)
        if value is None and not required:
            return ""
        if isinstance(value, str | int) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
        self.report(mapping, key, "M401", tr(f"thiếu '{key}' (chuỗi)", f"'{key}' is missing or not text"))
        return ""

    def number(self, mapping: dict, key: str, code: str = "M401", required: bool = True) -> Decimal | None:
        value = mapping.get(key)
        if value is None and not required:
            return None
        if isinstance(value, int) and not isinstance(value, bool) or isinstance(value, float) and math.isfinite(value):
            return Decimal(str(value))
        self.report(mapping, key, code, tr(f"'{key}' phải là một số", f"'{key}' must be a number"))
        return None

    def unique(self, seen: dict[str, Any], ident: str, container: Any, key: Any, what: str) -> None:
        if ident in seen:
            self.report(container, key, "M408", tr(f"{what} '{ident}' bị lặp", f"duplicate {what} id '{ident}'"))
        seen[ident] = True

    # -- levels of the file --------------------------------------------------------------------
    def methodology(self, data: Any) -> Methodology | None:
        if not isinstance(data, dict):
            self.problems.append(Problem(self.path, 1, 1, "M401", tr("tệp phương pháp phải là một ánh xạ", "a methodology file must be a mapping")))
            return None
        if data.get("kind") != "methodology":
            self.report(data, "kind", "M401", tr("tệp phương pháp phải có 'kind: methodology'", "a methodology file needs 'kind: methodology'"))
            return None
        self.keys(data, _TOP_KEYS)
        ident = self.text(data, "id", required=True)
        title = self.text(data, "title", required=True)
        missing = self.policy(data, "missing", MISSING_POLICIES, "zero")
        bands = self.bands(data, None) if "bands" in data else DEFAULT_BANDS
        total = self.number(data, "total", required=False)
        seen_kinds: dict[str, str] = {}
        seen_ids: dict[str, Any] = {}
        blocks = []
        for index, raw in enumerate(self.items(data, "blocks", "blocks")):
            block = self.block(raw, data["blocks"], index, missing, bands, total, seen_kinds, seen_ids)
            if block is not None:
                blocks.append(block)
        return Methodology(
            ident,
            title,
            self.text(data, "title_en"),
            tuple(blocks),
            source=self.text(data, "source"),
            example=data.get("example") is True,
            path=self.path,
        )

    def policy(self, mapping: dict, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = mapping.get(key, default)
        if value in allowed:
            return value
        self.report(mapping, key, "M411", tr(f"'{key}' phải là một trong: {', '.join(allowed)}", f"'{key}' must be one of: {', '.join(allowed)}"))
        return default

    def block(self, raw: Any, container: Any, index: int, missing: str, bands: tuple[Band, ...], total: Decimal | None, seen_kinds: dict[str, str], seen_ids: dict) -> Block | None:
        from cchc.agencies import AGENCY_KINDS

        data = self.mapping(raw, container, index, "blocks[]")
        if data is None:
            return None
        self.keys(data, _BLOCK_KEYS)
        ident = self.text(data, "id", required=True)
        self.unique(seen_ids, f"block:{ident}", data, "id", tr("khối", "block"))
        kinds = data.get("kinds", [])
        if not isinstance(kinds, list):
            self.report(data, "kinds", "M401", tr("'kinds' phải là danh sách loại cơ quan", "'kinds' must be a list of agency kinds"))
            kinds = []
        for i, kind in enumerate(kinds):
            if kind not in AGENCY_KINDS:
                self.report(kinds, i, "M409", tr(f"loại cơ quan '{kind}' không tồn tại; dùng: {', '.join(AGENCY_KINDS)}", f"unknown agency kind '{kind}'; use: {', '.join(AGENCY_KINDS)}"))
            elif kind in seen_kinds:
                self.report(kinds, i, "M409", tr(f"loại '{kind}' đã thuộc khối '{seen_kinds[kind]}'", f"kind '{kind}' already belongs to block '{seen_kinds[kind]}'"))
            else:
                seen_kinds[kind] = ident
        if not kinds:
            if "*" in seen_kinds:
                self.report(data, "kinds", "M409", tr("chỉ một khối được bỏ trống 'kinds' (mọi loại cơ quan)", "only one block may leave 'kinds' empty (every kind)"))
            seen_kinds["*"] = ident
        block_total = self.number(data, "total") if "total" in data or total is None else total
        block_bands = self.bands(data, block_total) if "bands" in data else bands
        if "bands" not in data and block_total is not None:
            self.check_bands(bands, block_total, data, "id")
        areas = []
        self.declared = Decimal(0)
        self.declared_complete = True
        for i, raw_area in enumerate(self.items(data, "areas", "areas")):
            area = self.area(raw_area, data["areas"], i, seen_ids)
            if area is not None:
                areas.append(area)
        points = self.declared
        if block_total is not None and areas and self.declared_complete and points != block_total:
            self.report(
                data,
                "total",
                "M402",
                tr(
                    f"điểm tối đa của các tiêu chí khối '{ident}' cộng lại là {points}, không phải {block_total}",
                    f"the criteria of block '{ident}' add up to {points} points, not {block_total}",
                ),
            )
        return Block(
            ident,
            self.text(data, "title", required=True),
            self.text(data, "title_en"),
            tuple(kinds),
            block_total or Decimal(0),
            tuple(areas),
            block_bands,
            self.policy(data, "missing", MISSING_POLICIES, missing),
            self.policy(data, "rank_by", RANK_BY, "kind"),
        )

    def bands(self, data: dict, total: Decimal | None) -> tuple[Band, ...]:
        raw = self.items(data, "bands", "bands")
        bands = []
        for i, item in enumerate(raw):
            band = self.mapping(item, raw, i, "bands[]")
            if band is None:
                continue
            self.keys(band, _BAND_KEYS)
            low = self.number(band, "min", "M407")
            name = self.text(band, "name", required=True)
            if low is not None and name:
                bands.append(Band(name, self.text(band, "name_en"), low))
        result = tuple(bands)
        if total is not None:
            self.check_bands(result, total, data, "bands")
        return result

    def check_bands(self, bands: tuple[Band, ...], total: Decimal, container: Any, key: str) -> None:
        mins = [b.min for b in bands]
        if any(a <= b for a, b in zip(mins, mins[1:], strict=False)) or any(not 0 <= m <= total for m in mins):
            self.report(
                container,
                key,
                "M407",
                tr(
                    f"các xếp loại phải có 'min' giảm dần, trong khoảng 0–{total}",
                    f"bands need decreasing 'min' values within 0–{total}",
                ),
            )

    def area(self, raw: Any, container: Any, index: int, seen_ids: dict) -> Area | None:
        data = self.mapping(raw, container, index, "areas[]")
        if data is None:
            return None
        self.keys(data, _AREA_KEYS)
        ident = self.text(data, "id", required=True)
        criteria = []
        if not (isinstance(data.get("criteria"), list) and data["criteria"]):
            self.declared_complete = False
        for i, item in enumerate(self.items(data, "criteria", "criteria")):
            criterion = self.criterion(item, data["criteria"], i, ident, seen_ids)
            if criterion is not None:
                criteria.append(criterion)
        return Area(ident, self.text(data, "title", required=True), self.text(data, "title_en"), tuple(criteria))

    def criterion(self, raw: Any, container: Any, index: int, area: str, seen_ids: dict) -> Criterion | None:
        data = self.mapping(raw, container, index, "criteria[]")
        if data is None:
            self.declared_complete = False
            return None
        self.keys(data, _CRITERION_KEYS)
        ident = self.text(data, "id", required=True)
        self.unique(seen_ids, ident, data, "id", tr("tiêu chí", "criterion"))
        name = self.text(data, "indicator", required=True)
        indicator = get_indicator(name) if name else None
        if name and indicator is None:
            hint = suggest_indicator(name)
            self.report(
                data,
                "indicator",
                "M403",
                tr(
                    f"không có chỉ số '{name}'" + (f"; có phải: {', '.join(hint)}?" if hint else ""),
                    f"unknown indicator '{name}'" + (f"; did you mean {', '.join(hint)}?" if hint else ""),
                ),
            )
        points = self.number(data, "max")
        if points is None:
            self.declared_complete = False
        elif points <= 0:
            self.report(data, "max", "M401", tr("'max' phải lớn hơn 0", "'max' must be above 0"))
        self.declared += points or Decimal(0)
        mode = data.get("mode")
        if mode not in MODES:
            self.report(data, "mode", "M404", tr(f"cách chấm '{mode}' không tồn tại; dùng: {', '.join(MODES)}", f"unknown scoring mode '{mode}'; use: {', '.join(MODES)}"))
            return None
        if indicator is None or points is None:
            return None
        self.fits(indicator, mode, data)
        threshold = None
        if mode == "ratio_to_threshold":
            value = self.number(data, "threshold", "M410", required=False)
            threshold = _HUNDRED if value is None else exact(value)
            if not 0 < threshold <= _HUNDRED:
                self.report(data, "threshold", "M410", tr("'threshold' phải trong khoảng (0, 100]", "'threshold' must be within (0, 100]"))
        target = self.target(data, indicator) if "target" in data else None
        tiers = self.tiers(data, points) if mode == "tiers" else ()
        return Criterion(
            ident,
            indicator.id,
            area,
            points,
            mode,
            self.text(data, "title"),
            self.text(data, "title_en"),
            threshold,
            target,
            tiers,
        )

    def fits(self, indicator: Indicator, mode: str, data: dict) -> None:
        problem = None
        if mode in ("ratio_to_threshold", "linear") and indicator.direction != "higher":
            problem = tr(f"'{indicator.id}' càng thấp càng tốt: dùng lower_is_better", f"'{indicator.id}' is lower-is-better: use lower_is_better")
        elif mode == "lower_is_better" and indicator.direction != "lower":
            problem = tr(f"'{indicator.id}' càng cao càng tốt: không dùng lower_is_better", f"'{indicator.id}' is higher-is-better: lower_is_better does not apply")
        elif mode == "baseline_reduction" and not isinstance(indicator, Reduction):
            problem = tr(f"'{indicator.id}' không phải chỉ số giảm so với năm gốc", f"'{indicator.id}' is not a reduction against a baseline year")
        if problem:
            self.report(data, "mode", "M405", problem)

    def target(self, data: dict, indicator: Indicator) -> Goal | None:
        raw = self.mapping(data["target"], data, "target", "target")
        if raw is None:
            return None
        self.keys(raw, _TARGET_KEYS)
        op = raw.get("op", "<=" if indicator.direction == "lower" else ">=")
        value = self.number(raw, "value", "M410")
        high = self.number(raw, "max", "M410", required=op == "range")
        baseline = raw.get("baseline_year")
        if op not in OPS:
            self.report(raw, "op", "M410", tr(f"toán tử '{op}' không hợp lệ; dùng: {', '.join(OPS)}", f"bad operator '{op}'; use: {', '.join(OPS)}"))
            return None
        if baseline is not None and not isinstance(baseline, int):
            self.report(raw, "baseline_year", "M410", tr("'baseline_year' phải là một năm", "'baseline_year' must be a year"))
            baseline = None
        if value is None or (op == "range" and high is None):
            return None
        return Goal(op, float(value), None if high is None else float(high), baseline)

    def tiers(self, data: dict, points: Decimal) -> tuple[Tier, ...]:
        raw = data.get("tiers")
        if not isinstance(raw, list) or not raw:
            self.report(data, "tiers", "M406", tr("cách chấm 'tiers' cần danh sách 'tiers'", "mode 'tiers' needs a list of 'tiers'"))
            return ()
        tiers = []
        for i, item in enumerate(raw):
            tier = self.mapping(item, raw, i, "tiers[]")
            if tier is None:
                continue
            self.keys(tier, _TIER_KEYS)
            worth = self.number(tier, "points", "M406")
            low = self.number(tier, "min", "M406", required=False)
            high = self.number(tier, "max", "M406", required=False)
            if worth is None:
                continue
            if not 0 <= worth <= points:
                self.report(tier, "points", "M406", tr(f"một bậc không thể quá {points} điểm của tiêu chí", f"a tier cannot be worth more than the criterion's {points} points"))
            tiers.append(Tier(worth, None if low is None else exact(low), None if high is None else exact(high)))
        return tuple(tiers)


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


class TargetBook:
    """The plan targets that apply in one year, looked up by indicator and agency level."""

    def __init__(self, targets: Iterable[PlanTarget] = ()):
        self._by_indicator: dict[str, list[PlanTarget]] = {}
        self._goals: dict[tuple[int, str | None], tuple[Criterion, Goal, str]] = {}
        for target in targets:
            self._by_indicator.setdefault(target.indicator, []).append(target)

    @classmethod
    def from_plans(cls, plans: Iterable[Any], year: int) -> TargetBook:
        """Targets of ``plans`` (``cchc.model.Plan``) whose period covers ``year``."""
        found = []
        for plan in plans:
            start, end = plan.period
            if not start <= year <= end:
                continue
            for target in plan.targets:
                indicator = get_indicator(target.indicator or "")
                if indicator is None or target.value is None or target.year not in (None, year):
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
        return min(candidates, key=lambda t: (t.level is None, t.year is None, t.span))

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
    for figure in figures:
        if figure.period == str(year):
            annual = figure
        elif figure.period[:4] == str(year):
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
    if evaluation.vacuous:
        return criterion.max
    value = evaluation.exact
    assert value is not None
    mode = criterion.mode
    if mode == "all_or_nothing":
        return criterion.max if evaluation.status == MET else Decimal(0)
    if mode == "tiers":
        tier = next((t for t in criterion.tiers if t.matches(value)), None)
        return Decimal(0) if tier is None else tier.points
    if mode == "lower_is_better":
        reference = goal.reference
        if value <= reference:
            return criterion.max
        share = reference / value if reference > 0 else _ZERO
    else:  # ratio_to_threshold, linear, baseline_reduction: proportional to the bar
        reference = criterion.threshold if mode == "ratio_to_threshold" else goal.reference
        assert reference is not None
        if value >= reference:
            return criterion.max
        if value <= 0:
            return Decimal(0)
        share = value / reference
    return round_points(criterion.max_exact * share)


@dataclass
class CriterionScore:
    criterion: Criterion
    evaluation: Evaluation
    goal: Goal
    target_source: str
    points: Decimal | None  # None: no data, left out of the total (missing: exclude)
    figure: Any = None

    @property
    def status(self) -> str:
        return self.evaluation.status


@dataclass
class AreaScore(_Titled):
    id: str
    title_vi: str
    title_en: str
    points: Decimal
    max: Decimal


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
    rank: int | None = None
    rank_of: int | None = None  # how many agencies were ranked together
    previous: Comparison | None = None

    @property
    def group(self) -> str:
        """Who it is ranked with: its kind, or its whole block when the block says so."""
        return f"block:{self.block.id}" if self.block.rank_by == "block" else f"kind:{self.kind}"

    @property
    def missing(self) -> list[str]:
        return [c.criterion.indicator for c in self.criteria if c.status == NO_DATA]


@dataclass
class Scoreboard:
    year: int
    methodology: Methodology
    scores: list[AgencyScore]
    unscored: list[Any] = field(default_factory=list)  # agencies of a scored kind with no figures that year
    uncovered: list[Any] = field(default_factory=list)  # agencies with figures but no block for their kind
    illustrative: bool = False
    province: str = ""

    def find(self, agency_id: str) -> AgencyScore | None:
        return next((s for s in self.scores if s.agency_id == agency_id), None)


def score_agency(agency: Any, block: Block, figures: dict[str, list[Any]], year: int, targets: TargetBook) -> AgencyScore:
    """Score one agency (``id``, ``name``, ``kind``, ``level``) against one block."""
    level = getattr(agency, "level", None)
    results: list[CriterionScore] = []
    areas: list[AreaScore] = []
    for area in block.areas:
        area_points = Decimal(0)
        area_max = Decimal(0)
        for criterion in area.criteria:
            indicator = INDICATORS[criterion.indicator]
            figure = year_figure(figures.get(criterion.indicator, ()), year, indicator)
            goal, source = targets.goal_for(criterion, level)
            evaluation = indicator.evaluate(figure, goal)
            points = criterion_points(criterion, evaluation, goal)
            if points is None and block.missing == "zero":
                points = Decimal(0)
            results.append(CriterionScore(criterion, evaluation, goal, source, points, figure))
            if points is not None:
                area_points += points
                area_max += criterion.max
        areas.append(AreaScore(area.id, area.title_vi, area.title_en, area_points, area_max))
    earned = sum((a.points for a in areas), Decimal(0))
    possible = sum((a.max for a in areas), Decimal(0))
    if block.missing == "zero":
        total: Decimal | None = earned
    elif possible == 0:
        total = None
    else:
        total = round_points(Fraction(earned) / Fraction(possible) * Fraction(block.total))
    return AgencyScore(agency.id, agency.name, agency.kind, level, block, results, areas, total, block.band_for(total))


def score_all(agencies: Iterable[Any], methodology: Methodology, figures: Any, year: int, targets: TargetBook) -> Scoreboard:
    """Score every agency that has figures that year and a block for its kind, then rank them."""
    with_figures = figures.agency_ids(year)
    scores, unscored, uncovered = [], [], []
    for agency in agencies:
        if agency.id not in with_figures and not _active_in(agency, year):
            continue  # created after the year, or merged away before it: it owes no figures
        block = methodology.block_for(agency.kind)
        if block is None:
            if agency.id in with_figures:
                uncovered.append(agency)
            continue
        if agency.id not in with_figures:
            unscored.append(agency)
            continue
        scores.append(score_agency(agency, block, figures.for_agency(agency.id), year, targets))
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
    """Rank within each group, best first; equal totals share a rank (1, 2, 2, 4). Sorts in place."""
    groups: dict[str, list[AgencyScore]] = {}
    for score in scores:
        score.rank = score.rank_of = None
        if score.total is not None:
            groups.setdefault(score.group, []).append(score)
    for members in groups.values():
        members.sort(key=lambda s: s.total, reverse=True)
        previous_total, previous_rank = None, 0
        for position, score in enumerate(members, start=1):
            if score.total != previous_total:
                previous_total, previous_rank = score.total, position
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
        "province": board.province,
        "illustrative": board.illustrative,
        "agencies": [_agency_json(s) for s in board.scores],
        "unscored": [a.name for a in board.unscored],
    }


def _agency_json(score: AgencyScore) -> dict[str, Any]:
    lang = get_lang()
    data: dict[str, Any] = {
        "agency": score.name,
        "agency_id": score.agency_id,
        "kind": score.kind,
        "block": score.block.id,
        "block_title": score.block.title(lang),
        "rank_group": score.group,
        "total": _num(score.total),
        "max": _num(score.block.total),
        "band": score.band.name if score.band else None,
        "rank": score.rank,
        "rank_of": score.rank_of,
        "areas": [{"id": a.id, "title": a.title(lang), "points": _num(a.points), "max": _num(a.max)} for a in score.areas],
        "criteria": [
            {
                "id": c.criterion.id,
                "title": c.criterion.title(lang),
                "indicator": c.criterion.indicator,
                "unit": INDICATORS[c.criterion.indicator].unit,
                "area": c.criterion.area,
                "value": None if c.evaluation.exact is None else _num(c.evaluation.exact),
                "target": {"op": c.goal.op, "value": c.goal.value, "max": c.goal.max, "source": c.target_source},
                "points": _num(c.points),
                "max": _num(c.criterion.max),
                "status": c.status,
            }
            for c in score.criteria
        ],
        "missing": score.missing,
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
