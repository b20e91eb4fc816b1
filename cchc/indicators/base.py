"""What an indicator is, and the few shapes every indicator takes.

An indicator says *how a quantity is measured* (its inputs, unit and direction); a methodology says
*how many points it is worth*. Each indicator module declares one :class:`Indicator` built from a
shape below — :class:`Ratio` (numerator / denominator, higher is better), :class:`Reduction`
(cut against a baseline year) or :class:`Quantity` (a single number such as minutes of waiting) —
and gets exactly one :meth:`Indicator.evaluate`.

Comparisons are exact (``fractions.Fraction``), so 190 of 200 dossiers is 95 % and meets "≥ 95 %"
however the float would have rounded. "No data" is a status of its own, never a silent failure, and
a ratio over nothing (0 of 0) is *vacuous*: there was nothing to measure, which counts as met here;
a methodology may still score it 0 (``nothing_to_measure: zero``, see :mod:`cchc.core.scoring`). A
figure that says "không phát sinh" is *not applicable*: the criterion leaves the maximum.

Pure: no I/O, no printing, no third-party imports.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from functools import partial
from typing import Protocol

AREAS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
INPUT_KINDS = ("count", "percent", "minutes", "number")
OPS = (">=", "<=", "=", "range")
DIRECTIONS = ("higher", "lower")
AGGREGATES = ("sum", "latest")

MET = "met"
NOT_MET = "not_met"
NO_DATA = "no_data"
NOT_APPLICABLE = "not_applicable"  # "không phát sinh", or excluded by the methodology: out of the maximum
STATUSES = (MET, NOT_MET, NO_DATA, NOT_APPLICABLE)

_HUNDRED = Fraction(100)


def exact(number: float | int | Fraction | str) -> Fraction:
    """The decimal a person wrote, as an exact fraction (``0.1`` is 1/10, not its binary float)."""
    if isinstance(number, Fraction):
        return number
    if isinstance(number, int):
        return Fraction(number)
    return Fraction(str(number))


def format_number(number: float | Fraction, decimal_mark: str, decimals: int = 2, trim: bool = True) -> str:
    """``95.5`` -> ``95,5`` (Vietnamese) or ``95.5``; rounded half up, trailing zeros dropped unless ``trim`` is off."""
    from decimal import ROUND_HALF_UP, Decimal, localcontext

    value = exact(number)
    with localcontext() as context:  # room for every digit of a huge number (the default holds 28)
        context.prec = max(28, len(str(abs(value.numerator) // value.denominator)) + decimals + 4)
        rounded = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(
            Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP
        )
    text = f"{rounded:f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "-0":
        text = "0"
    return text.replace(".", decimal_mark)


_UNIT_TEXT = {"%": (" %", "%"), "minutes": (" phút", " minutes")}


def format_quantity(number: float | Fraction, unit: str, lang: str) -> str:
    """A value with its unit: ``95,5 %`` / ``95.5%``, ``12 phút`` / ``12 minutes``."""
    vi, en = _UNIT_TEXT.get(unit, (f" {unit}", f" {unit}"))
    if lang == "vi":
        return format_number(number, ",") + vi
    return format_number(number, ".") + en


@dataclass(frozen=True, slots=True)
class Input:
    """One figure an indicator needs, e.g. the dossiers settled on time."""

    name: str
    kind: str  # count | percent | minutes | number
    title_vi: str
    title_en: str
    meaning_vi: str = ""  # what is counted, in words for the clerk who fills the form
    meaning_en: str = ""

    def meaning(self, lang: str) -> str:
        return self.meaning_en if lang == "en" else self.meaning_vi


@dataclass(frozen=True, slots=True)
class Goal:
    """A target to compare a value with: ``>= 95``, ``<= 15``, ``= 100`` or ``range 95..100``.

    ``baseline_year`` is carried for reductions so that reasons can say "against 2021".
    """

    op: str
    value: float
    max: float | None = None
    baseline_year: int | None = None
    _value: Fraction = field(init=False, repr=False, compare=False)
    _max: Fraction | None = field(init=False, repr=False, compare=False)
    # ``value`` as (numerator, denominator), exact: a bar is compared with every agency's value, and a
    # Fraction's integers are Python-level properties
    reference_ratio: tuple[int, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.op not in OPS:
            raise ValueError(f"unknown target operator {self.op!r}")
        if self.op == "range" and self.max is None:
            raise ValueError("a range target needs a max")
        object.__setattr__(self, "_value", exact(self.value))
        object.__setattr__(self, "_max", None if self.max is None else exact(self.max))
        object.__setattr__(self, "reference_ratio", self._value.as_integer_ratio())

    @property
    def reference(self) -> Fraction:
        """The number points are scaled to: the bound to reach (a range's lower bound)."""
        return self._value

    def met_by(self, value: Fraction) -> bool:
        return self.met_by_ratio(*value.as_integer_ratio())

    def met_by_ratio(self, value_num: int, value_den: int) -> bool:
        """:meth:`met_by` for the value ``value_num / value_den`` (``value_den`` > 0), compared on the
        integers: a nation's communes make this a hot path."""
        bar_num, bar_den = self.reference_ratio
        if self.op == ">=":
            return value_num * bar_den >= bar_num * value_den
        if self.op == "<=":
            return value_num * bar_den <= bar_num * value_den
        if self.op == "=":
            return value_num * bar_den == bar_num * value_den
        assert self._max is not None
        return self._value <= Fraction(value_num, value_den) <= self._max

    def text(self, unit: str, lang: str) -> str:
        """``≥ 95 %``, ``≤ 15 phút``, ``95–100 %``."""
        if self.op == "range":
            assert self.max is not None
            low = format_number(self.value, "," if lang == "vi" else ".")
            return f"{low}–{format_quantity(self.max, unit, lang)}"
        sign = {">=": "≥", "<=": "≤", "=": "="}[self.op]
        return f"{sign} {format_quantity(self.value, unit, lang)}"


class Measured(Protocol):
    """What :meth:`Indicator.evaluate` reads from a figure (``cchc.core.figures.Figure`` fits)."""

    numerator: float | int | None
    denominator: float | int | None
    value: float | None
    # optional ``not_applicable: bool``: "không phát sinh", nothing arose (read with getattr)


@dataclass(slots=True)  # not frozen: frozen instances cost 4× to build, and scoring builds one per criterion
class Evaluation:
    """The measured value (in the indicator's unit) and whether the target is met, with one-line reasons.

    ``vacuous`` marks a ratio over nothing (0 of 0): met, value unknown, full points under QĐ 766.
    ``ratio`` is the value, exact, as (numerator, denominator), the denominator positive and the pair
    not necessarily reduced: scoring compares and scales it in integers, and :attr:`exact` makes the
    Fraction only when the value is shown. The reasons are worded only when read: scoring thousands
    of agencies never needs them.
    """

    value: float | None
    status: str
    vacuous: bool = False
    ratio: tuple[int, int] | None = field(default=None, repr=False, compare=False)
    explain: Callable[[str], str] = field(default=lambda lang: "", repr=False, compare=False)

    @property
    def exact(self) -> Fraction | None:
        """The value as a fraction, without float error."""
        return None if self.ratio is None else Fraction(*self.ratio)

    @property
    def reason_vi(self) -> str:
        return self.explain("vi")

    @property
    def reason_en(self) -> str:
        return self.explain("en")

    def reason(self, lang: str) -> str:
        return self.explain("en" if lang == "en" else "vi")


def _fixed(vi: str, en: str) -> Callable[[str], str]:
    return lambda lang: en if lang == "en" else vi


_NO_FIGURES = _fixed("không có số liệu", "no figures")
_VACUOUS = _fixed("0/0: không có gì phải đo, coi là đạt", "0 of 0: nothing to measure, counts as met")
_NOT_ARISING = _fixed("không phát sinh: tiêu chí không áp dụng", "nothing arose: criterion not applicable")


@dataclass(slots=True)  # not frozen, like Evaluation: built once per criterion scored
class Measurement:
    """What a shape reads off a figure before any target is applied; ``ratio`` is the value as in
    :class:`Evaluation`."""

    ratio: tuple[int, int] | None = None
    parts: tuple[float | int, float | int] | None = None  # the numerator and denominator behind a ratio
    missing: tuple[Input, ...] = ()
    vacuous: bool = False

    @property
    def value(self) -> Fraction | None:
        return None if self.ratio is None else Fraction(*self.ratio)

    @property
    def detail(self) -> str:
        """The raw figures behind the value, e.g. ``190/200``."""
        if self.parts is None:
            return ""
        return "/".join(format_number(part, ".", decimals=6) for part in self.parts)


@dataclass(frozen=True, kw_only=True)
class Indicator(ABC):
    """Declaration of one measured quantity; subclasses supply :meth:`measure`.

    ``aggregate`` says how figures for parts of a year combine: ``sum`` for flows (dossiers
    received in each quarter add up), ``latest`` for stocks and rates (the share of procedures
    offering online payment at the end of the year is the latest one, not a sum).
    ``value_range`` bounds the ``value`` column when a figure gives the result directly.
    """

    id: str
    title_vi: str
    title_en: str
    area: str
    inputs: tuple[Input, ...]
    default_target: Goal
    unit: str = "%"
    direction: str = "higher"
    aliases: tuple[str, ...] = ()
    aggregate: str = "sum"
    value_kind: str = "percent"
    value_range: tuple[float | None, float | None] = (0, 100)

    def __post_init__(self) -> None:
        if self.area not in AREAS:
            raise ValueError(f"{self.id}: unknown area {self.area!r}")
        if self.direction not in DIRECTIONS:
            raise ValueError(f"{self.id}: unknown direction {self.direction!r}")
        if self.aggregate not in AGGREGATES:
            raise ValueError(f"{self.id}: unknown aggregate {self.aggregate!r}")
        for item in self.inputs:
            if item.kind not in INPUT_KINDS:
                raise ValueError(f"{self.id}: input {item.name} has unknown kind {item.kind!r}")

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_vi

    @property
    def parts(self) -> tuple[Input | None, Input | None, Input | None]:
        """The inputs a person gives: numerator, denominator, and the value when it is given alone
        (a quantity has only a value; a ratio may be given as a percent instead of its counts)."""
        return None, None, self.inputs[0]

    @abstractmethod
    def measure(self, figure: Measured) -> Measurement:
        """The value a figure gives, in the indicator's unit (each shape below says how)."""

    def evaluate(self, figure: Measured | None, target: Goal | None = None) -> Evaluation:
        """Measure ``figure`` and compare it with ``target`` (default: the indicator's own)."""
        goal = target or self.default_target
        if figure is None:
            return Evaluation(None, NO_DATA, explain=_NO_FIGURES)
        if getattr(figure, "not_applicable", False):
            return Evaluation(None, NOT_APPLICABLE, explain=_NOT_ARISING)
        measured = self.measure(figure)
        if measured.missing:
            vi = ", ".join(item.title_vi for item in measured.missing)
            en = ", ".join(item.title_en for item in measured.missing)
            return Evaluation(None, NO_DATA, explain=_fixed(f"thiếu số liệu: {vi}", f"missing input: {en}"))
        if measured.vacuous:
            return Evaluation(None, MET, vacuous=True, explain=_VACUOUS)
        assert measured.ratio is not None
        numerator, denominator = ratio = measured.ratio
        met = goal.met_by_ratio(numerator, denominator)
        return Evaluation(  # positional: keyword arguments to a class cost a dict per call, once per criterion scored
            numerator / denominator,  # the float of the exact value (int / int rounds correctly)
            MET if met else NOT_MET,
            False,  # vacuous
            ratio,
            partial(self._explain, measured, goal, met),  # explain: worded only when read
        )

    def _explain(self, measured: Measurement, goal: Goal, met: bool, lang: str) -> str:
        """``95 % (190/200), chỉ tiêu ≥ 95 %: đạt`` / ``95% (190/200), target ≥ 95%: met``."""
        assert measured.value is not None
        detail = f" ({measured.detail})" if measured.detail else ""
        if lang == "en":
            verdict = "met" if met else "not met"
            return f"{self._describe(measured.value, lang)}{detail}, target {goal.text(self.unit, lang)}{self._since(goal, lang)}: {verdict}"
        verdict = "đạt" if met else "không đạt"
        return f"{self._describe(measured.value, lang)}{detail}, chỉ tiêu {goal.text(self.unit, lang)}{self._since(goal, lang)}: {verdict}"

    def _describe(self, value: Fraction, lang: str) -> str:
        return format_quantity(value, self.unit, lang)

    def _since(self, goal: Goal, lang: str) -> str:
        return ""


def _number(value: float | int | None) -> Fraction | None:
    return None if value is None else exact(value)


@dataclass(frozen=True, kw_only=True)
class Ratio(Indicator):
    """``inputs[0] / inputs[1]`` in percent; the figure may instead give the percent as ``value``.

    Counts win over a given percent: they are what the percent was computed from.
    """

    def __post_init__(self) -> None:
        super().__post_init__()
        if len(self.inputs) != 2:
            raise ValueError(f"{self.id}: a ratio needs a numerator and a denominator input")

    @property
    def numerator(self) -> Input:
        return self.inputs[0]

    @property
    def parts(self) -> tuple[Input | None, Input | None, Input | None]:
        return self.inputs[0], self.inputs[1], None

    @property
    def denominator(self) -> Input:
        return self.inputs[1]

    def measure(self, figure: Measured) -> Measurement:
        num, den = figure.numerator, figure.denominator
        if num is None and den is None:
            value = _number(figure.value)
            if value is None:
                return Measurement(missing=self.inputs)
            return Measurement(value.as_integer_ratio())
        if num is None or den is None:
            return Measurement(missing=(self.numerator,) if num is None else (self.denominator,))
        if den == 0:
            return Measurement(vacuous=True)
        if isinstance(num, int) and isinstance(den, int) and den > 0:
            return Measurement((num * 100, den), (num, den))  # exact, no division at all; (ratio, parts)
        return Measurement((exact(num) * _HUNDRED / exact(den)).as_integer_ratio(), parts=(num, den))


@dataclass(frozen=True, kw_only=True)
class Reduction(Ratio):
    """Cut against a baseline year: ``reduced / baseline`` in percent (payroll, public service units).

    A given ``value`` may be negative: the count grew instead.
    """

    value_range: tuple[float | None, float | None] = (-100, 100)

    def _describe(self, value: Fraction, lang: str) -> str:
        if lang == "vi":
            return f"giảm {format_quantity(value, self.unit, lang)}"
        return f"reduced by {format_quantity(value, self.unit, lang)}"

    def _since(self, goal: Goal, lang: str) -> str:
        if goal.baseline_year is None:
            return ""
        return f" so với năm {goal.baseline_year}" if lang == "vi" else f" against {goal.baseline_year}"


@dataclass(frozen=True, kw_only=True)
class Quantity(Indicator):
    """A single number given as ``value`` (minutes of waiting …); numerator/denominator do not apply."""

    value_range: tuple[float | None, float | None] = (0, None)

    def __post_init__(self) -> None:
        super().__post_init__()
        if len(self.inputs) != 1:
            raise ValueError(f"{self.id}: a quantity has exactly one input")

    def measure(self, figure: Measured) -> Measurement:
        value = _number(figure.value)
        if value is None:
            return Measurement(missing=self.inputs)
        return Measurement(value.as_integer_ratio())
