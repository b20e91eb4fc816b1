"""Methodology files (``kind: methodology``): the built-in ones by name, or a YAML file; checked and
turned into :class:`cchc.core.scoring.Methodology`. Problem codes M4xx are listed in
:mod:`cchc.core.scoring`.
"""

from __future__ import annotations

import math
from decimal import Decimal
from pathlib import Path
from typing import Any

from cchc.adapters import formats
from cchc.core.i18n import tr
from cchc.core.problems import ERROR, WARNING, CchcError, Problem
from cchc.core.scoring import (
    ALWAYS,
    BANDS_IN,
    COUNT_OF,
    CRITERION_KINDS,
    DEFAULT_BANDS,
    HUNDRED,
    MISSING_POLICIES,
    MODES,
    NOTHING_TO_MEASURE,
    RANK_BY,
    Adjustment,
    Applicability,
    Area,
    Band,
    Block,
    Criterion,
    Methodology,
    Tier,
)
from cchc.indicators import get_indicator, suggest_indicator
from cchc.indicators.base import OPS, Goal, Indicator, Ratio, Reduction, exact

HUNDRED_POINTS = Decimal(100)
BUILTIN_DIR = Path(__file__).resolve().parent.parent / "data" / "methodologies"


def builtin_methodologies() -> tuple[str, ...]:
    return tuple(sorted(p.stem for p in BUILTIN_DIR.glob("*.yaml")))


def load_methodology(name_or_path: str | Path) -> Methodology:
    """A built-in methodology by name (``qd766``) or a methodology YAML file.

    Raises :class:`CchcError` (exit 2) for an unknown name, exit 1 listing every problem of a
    broken file; unreadable files raise ``UnreadableInput`` from :mod:`cchc.adapters.yamlio`.
    """
    from cchc.adapters.yamlio import load_yaml

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
    from cchc.adapters.yamlio import load_yaml

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


# The keys each level may hold come from the one shape definition (cchc.adapters.formats).
_TOP_KEYS = set(formats.METHODOLOGY.fields)
_BLOCK = formats.METHODOLOGY.fields["blocks"].spec.item
_BLOCK_KEYS = set(_BLOCK.fields)
_AREA_KEYS = set(_BLOCK.fields["areas"].spec.item.fields)
_CRITERION_KEYS = set(formats.CRITERION.fields)
_TARGET_KEYS = set(formats.CRITERION.fields["target"].spec.fields)
_TIER_KEYS = set(formats.CRITERION.fields["tiers"].spec.item.fields)
_BAND_KEYS = set(formats.BAND.fields)
_NOT_APPLICABLE_KEYS = set(formats.NOT_APPLICABLE.fields)
_ADJUSTMENT_KEYS = set(formats.ADJUSTMENT.fields)
_PART_KEYS = set(formats.PART.fields)


class _Parser:
    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.declared = Decimal(0)  # points of the current block's criteria, including broken ones
        self.declared_complete = True  # False once a criterion's points could not be read (reported there)
        self.nothing_to_measure = "full"  # what 0/0 scores, inherited methodology -> block -> criterion
        self.bands_in = "points"  # band minimums in points of the block's total, or in percent

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
        on_nothing = self.policy(data, "nothing_to_measure", NOTHING_TO_MEASURE, "full")
        self.bands_in = self.policy(data, "bands_in", BANDS_IN, "points")
        bands = self.bands(data, None) if "bands" in data else DEFAULT_BANDS  # checked in each block, on its scale
        total = self.number(data, "total", required=False)
        seen_kinds: dict[str, str] = {}
        seen_ids: dict[str, Any] = {}
        blocks = []
        for index, raw in enumerate(self.items(data, "blocks", "blocks")):
            self.nothing_to_measure, bands_in = on_nothing, self.bands_in
            block = self.block(raw, data["blocks"], index, missing, bands, total, seen_kinds, seen_ids)
            self.bands_in = bands_in
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
            year=self.year(data),
        )

    def year(self, data: dict) -> int | None:
        value = data.get("year")
        if value is None or isinstance(value, int) and not isinstance(value, bool) and 1990 <= value <= 2100:
            return value
        self.report(data, "year", "M401", tr("'year' phải là một năm (1990–2100)", "'year' must be a year (1990–2100)"))
        return None

    def policy(self, mapping: dict, key: str, allowed: tuple[str, ...], default: str) -> str:
        value = mapping.get(key, default)
        if value in allowed:
            return value
        self.report(mapping, key, "M411", tr(f"'{key}' phải là một trong: {', '.join(allowed)}", f"'{key}' must be one of: {', '.join(allowed)}"))
        return default

    def block(self, raw: Any, container: Any, index: int, missing: str, bands: tuple[Band, ...], total: Decimal | None, seen_kinds: dict[str, str], seen_ids: dict) -> Block | None:
        from cchc.core.agencies import AGENCY_KINDS

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
        self.nothing_to_measure = self.policy(data, "nothing_to_measure", NOTHING_TO_MEASURE, self.nothing_to_measure)
        self.bands_in = self.policy(data, "bands_in", BANDS_IN, self.bands_in)
        scale = HUNDRED_POINTS if self.bands_in == "percent" else block_total  # what band minimums are written in
        block_bands = self.bands(data, scale) if "bands" in data else bands
        if "bands" not in data and scale is not None:
            self.check_bands(bands, scale, data, "id")
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
            self.bands_in,
            self.adjustments(data, "deductions", seen_ids),
            self.adjustments(data, "bonus", seen_ids),
        )

    def adjustments(self, data: dict, key: str, seen_ids: dict) -> tuple[Adjustment, ...]:
        """``deductions:`` / ``bonus:`` rules: ``{id, title, points_each, cap, count_of}``."""
        if key not in data:
            return ()
        rules = []
        for i, item in enumerate(self.items(data, key, key)):
            raw = self.mapping(item, data[key], i, f"{key}[]")
            if raw is None:
                continue
            self.keys(raw, _ADJUSTMENT_KEYS)
            ident = self.text(raw, "id", required=True)
            self.unique(seen_ids, ident, raw, "id", tr("điểm trừ/thưởng", "deduction/bonus"))
            each = self.number(raw, "points_each", "M416")
            cap = self.number(raw, "cap", "M416")
            count_of = self.policy(raw, "count_of", COUNT_OF, "figures")
            if each is not None and cap is not None and not 0 < each <= cap:
                self.report(raw, "points_each", "M416", tr("cần 0 < 'points_each' ≤ 'cap'", "need 0 < 'points_each' ≤ 'cap'"))
            elif ident and each is not None and cap is not None:
                rules.append(Adjustment(ident, self.text(raw, "title", required=True), self.text(raw, "title_en"), each, cap, count_of))
        return tuple(rules)

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
        return Area(ident, self.text(data, "title", required=True), self.text(data, "title_en"), tuple(criteria), self.applicability(data))

    def criterion(self, raw: Any, container: Any, index: int, area: str, seen_ids: dict) -> Criterion | None:
        data = self.mapping(raw, container, index, "criteria[]")
        if data is None:
            self.declared_complete = False
            return None
        self.keys(data, _CRITERION_KEYS)
        ident = self.text(data, "id", required=True)
        self.unique(seen_ids, ident, data, "id", tr("tiêu chí", "criterion"))
        kind = self.policy(data, "kind", CRITERION_KINDS, "indicator")
        if kind == "appraisal":
            return self.appraisal_criterion(data, ident, area)
        if kind == "composite":
            return self.composite_criterion(data, ident, area)
        if "parts" in data:
            self.report(data, "parts", "M419", tr("'parts' chỉ dùng cho tiêu chí 'kind: composite'", "'parts' is for a 'kind: composite' criterion only"))
        indicator = self.indicator(data)
        points = self.criterion_max(data)
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
            threshold = HUNDRED if value is None else exact(value)
            if not 0 < threshold <= HUNDRED:
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
            self.policy(data, "nothing_to_measure", NOTHING_TO_MEASURE, self.nothing_to_measure),
            self.applicability(data),
        )

    def indicator(self, data: dict) -> Indicator | None:
        """The indicator ``data`` names (M403 with the closest names when unknown)."""
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
        return indicator

    def criterion_max(self, data: dict) -> Decimal | None:
        """A criterion's ``max``, counted towards the block's declared total (M401 when not above 0)."""
        points = self.number(data, "max")
        if points is None:
            self.declared_complete = False
            return None
        if points <= 0:
            self.report(data, "max", "M401", tr("'max' phải lớn hơn 0", "'max' must be above 0"))
        self.declared += points
        return points

    def composite_criterion(self, data: dict, ident: str, area: str) -> Criterion | None:
        """``kind: composite``: the sum of ``parts``, each ``weight × min(1, ratio / threshold)`` rounded
        to 2 decimals, at most ``max`` (the portal's ONLINE_PAYMENT and ONLINE_SERVICE)."""
        for key in ("indicator", "mode", "threshold", "target", "tiers"):
            if key in data:
                self.report(data, key, "M419", tr(f"tiêu chí tổng hợp không dùng '{key}': mỗi phần có chỉ số và ngưỡng riêng", f"a composite criterion takes no '{key}': each part has its own indicator and threshold"))
        points = self.criterion_max(data)
        if points is None:
            return None
        on_nothing = self.policy(data, "nothing_to_measure", NOTHING_TO_MEASURE, self.nothing_to_measure)
        raw_parts = data.get("parts")
        if not isinstance(raw_parts, list) or not raw_parts:
            self.report(data, "parts" if "parts" in data else "kind", "M419", tr("tiêu chí tổng hợp cần danh sách 'parts' không rỗng", "a composite criterion needs a non-empty 'parts' list"))
            return None
        parts, seen = [], {}
        for i, item in enumerate(raw_parts):
            raw = self.mapping(item, raw_parts, i, "parts[]")
            if raw is not None:
                part = self.part(raw, area, points, on_nothing, seen)
                if part is not None:
                    parts.append(part)
        if len(parts) != len(raw_parts):
            return None  # each broken part was reported
        weights = sum((part.max for part in parts), Decimal(0))
        if weights < points:
            self.report(data, "parts", "M419", tr(f"trọng số các phần cộng lại là {weights}, chưa tới {points} điểm tối đa", f"the parts' weights add up to {weights}, short of the {points} points maximum"))
        return Criterion(
            ident,
            "",
            area,
            points,
            "composite",
            self.text(data, "title", required=True),
            self.text(data, "title_en"),
            nothing_to_measure=on_nothing,
            not_applicable=self.applicability(data),
            kind="composite",
            parts=tuple(parts),
        )

    def part(self, raw: dict, area: str, points: Decimal, on_nothing: str, seen: dict) -> Criterion | None:
        """One part of a composite: a ratio indicator scored ``ratio_to_threshold`` with ``weight`` as its maximum."""
        self.keys(raw, _PART_KEYS)
        ident = self.text(raw, "id", required=True)
        self.unique(seen, ident, raw, "id", tr("phần", "part"))
        indicator = self.indicator(raw)
        weight = self.number(raw, "weight", "M419")
        if weight is not None and not 0 < weight <= points:
            self.report(raw, "weight", "M419", tr(f"'weight' phải trong khoảng (0, {points}]", f"'weight' must be within (0, {points}]"))
            weight = None
        value = self.number(raw, "threshold", "M410", required=False)
        threshold = HUNDRED if value is None else exact(value)
        if not 0 < threshold <= HUNDRED:
            self.report(raw, "threshold", "M410", tr("'threshold' phải trong khoảng (0, 100]", "'threshold' must be within (0, 100]"))
        if indicator is not None and not isinstance(indicator, Ratio):
            self.report(raw, "indicator", "M419", tr(f"'{indicator.id}' không phải một tỷ lệ (tử số/mẫu số)", f"'{indicator.id}' is not a ratio (numerator/denominator)"))
            return None
        if indicator is not None:
            self.fits(indicator, "ratio_to_threshold", raw)
        if indicator is None or weight is None or not ident:
            return None
        nothing = self.policy(raw, "nothing_to_measure", NOTHING_TO_MEASURE, on_nothing)
        return Criterion(ident, indicator.id, area, weight, "ratio_to_threshold", self.text(raw, "title"), self.text(raw, "title_en"), threshold, nothing_to_measure=nothing, kind="part")

    def appraisal_criterion(self, data: dict, ident: str, area: str) -> Criterion | None:
        """``kind: appraisal``: points the appraisal council awards, up to ``max``; no indicator, no mode."""
        for key in ("indicator", "mode", "threshold", "target", "tiers", "parts"):
            if key in data:
                self.report(data, key, "M417", tr(f"tiêu chí thẩm định không dùng '{key}'", f"an appraisal criterion takes no '{key}'"))
        points = self.criterion_max(data)
        if points is None:
            return None
        return Criterion(
            ident,
            "",
            area,
            points,
            "appraisal",
            self.text(data, "title", required=True),
            self.text(data, "title_en"),
            not_applicable=self.applicability(data),
            kind="appraisal",
        )

    def applicability(self, data: dict) -> Applicability:
        """``not_applicable: {kinds: [...], agencies: [...]}``: who an area or criterion does not apply to."""
        from cchc.core.agencies import AGENCY_KINDS
        from cchc.core.text import fold

        if "not_applicable" not in data:
            return ALWAYS  # the shared "applies to everyone": scoring skips the check by identity
        raw = data["not_applicable"]
        if not isinstance(raw, dict):
            self.report(data, "not_applicable", "M414", tr("'not_applicable' phải là ánh xạ có 'kinds' và/hoặc 'agencies'", "'not_applicable' must be a mapping with 'kinds' and/or 'agencies'"))
            return ALWAYS
        self.keys(raw, _NOT_APPLICABLE_KEYS)
        lists: dict[str, list[str]] = {}
        for key in ("kinds", "agencies"):
            value = raw.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                self.report(raw, key, "M414", tr(f"'{key}' phải là danh sách tên", f"'{key}' must be a list of names"))
                value = []
            lists[key] = [v.strip() for v in value]
        for i, kind in enumerate(lists["kinds"]):
            if kind not in AGENCY_KINDS:
                self.report(raw["kinds"], i, "M414", tr(f"loại cơ quan '{kind}' không tồn tại; dùng: {', '.join(AGENCY_KINDS)}", f"unknown agency kind '{kind}'; use: {', '.join(AGENCY_KINDS)}"))
        if not lists["kinds"] and not lists["agencies"]:
            self.report(data, "not_applicable", "M414", tr("'not_applicable' cần 'kinds' hoặc 'agencies'", "'not_applicable' needs 'kinds' or 'agencies'"))
        return Applicability(tuple(lists["kinds"]), tuple(fold(a) for a in lists["agencies"]))

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
