"""Actual figures (số liệu thực tế) once read: one agency's value for one indicator and period.

Readers live in :mod:`cchc.adapters.figuresfile`; plan completion computed from progress reports
uses the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(slots=True)
class Figure:
    """One agency's figure for one indicator and period.

    A ratio has ``numerator``/``denominator`` (either may be missing when a file gave only one
    input) and/or ``value`` in percent; a quantity has ``value`` in its unit. Computed figures
    (plan completion from progress reports) use the same shape with ``path`` naming their origin.
    """

    agency_id: str
    indicator: str
    period: str
    numerator: float | int | None = None
    denominator: float | int | None = None
    value: float | None = None
    not_applicable: bool = False  # "không phát sinh": nothing arose, the criterion leaves the maximum
    level: str | None = None
    source: str = ""
    note: str = ""
    path: str = ""
    line: int | None = None

    @property
    def year(self) -> int:
        return int(self.period[:4])


@dataclass(slots=True)
class Appraisal:
    """One agency's points on a criterion the appraisal council awards, or a count for a deduction or
    bonus rule: ``key`` is the criterion's or the rule's id in the methodology."""

    agency_id: str
    key: str
    period: str
    self_points: Decimal | None = None  # tự chấm
    appraised_points: Decimal | None = None  # thẩm định
    count: int | None = None  # times a deduction or bonus rule applies
    evidence: str = ""  # tài liệu kiểm chứng: document number and date
    path: str = ""
    line: int | None = None

    @property
    def year(self) -> int:
        return int(self.period[:4])


@dataclass
class FigureSet:
    """All figures read for one province, indexed by agency then indicator."""

    figures: list[Figure] = field(default_factory=list)
    illustrative: bool = False
    paths: list[str] = field(default_factory=list)
    appraisals: list[Appraisal] = field(default_factory=list)
    _index: dict[str, dict[str, list[Figure]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        figures, self.figures = self.figures, []
        self.extend(figures)

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)
        by_indicator = self._index.get(figure.agency_id)
        if by_indicator is None:
            by_indicator = self._index[figure.agency_id] = {}
        same = by_indicator.get(figure.indicator)
        if same is None:
            by_indicator[figure.indicator] = [figure]
        else:
            same.append(figure)

    def extend(self, figures: list[Figure]) -> None:
        for figure in figures:
            self.add(figure)

    def add_missing(self, figures: list[Figure]) -> int:
        """Add computed figures where no file gave one (files win); returns how many were added."""
        added = 0
        for figure in figures:
            given = self.for_agency(figure.agency_id).get(figure.indicator, ())
            if all(f.period != figure.period for f in given):
                self.add(figure)
                added += 1
        return added

    def for_agency(self, agency_id: str) -> dict[str, list[Figure]]:
        return self._index.get(agency_id, {})

    def agency_ids(self, year: int) -> set[str]:
        """Agencies with at least one figure in ``year``."""
        prefix = str(year)
        with_figures = {
            agency_id
            for agency_id, by_indicator in self._index.items()
            if any(f.period.startswith(prefix) for figures in by_indicator.values() for f in figures)
        }
        return with_figures | {a.agency_id for a in self.appraisals if a.year == year}

    def appraisals_for(self, agency_id: str, year: int) -> dict[str, Appraisal]:
        """The agency's appraisal and count rows of ``year``, by criterion or rule id."""
        return {a.key: a for a in self.appraisals if a.agency_id == agency_id and a.year == year}
