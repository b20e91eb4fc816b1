"""``qd766`` against the national portal's own published points, metric by metric.

The units are real: 20 units of Phú Thọ, month 8/2026, transcribed in ``tests/cases/portal/units.yaml``
from the portal's API responses (source, capture date and caveats in ``tests/cases/portal/README.md``).
Every single-ratio metric the portal scored is compared, 0/0 cases included (the portal gives 0 to a
unit with no dossiers, full points to a unit with no petitions). ONLINE_SERVICE and ONLINE_PAYMENT are
composites of several ratios on the portal and are not comparable with one figure.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from cchc.adapters.methodologyfile import load_methodology
from cchc.core.figures import Figure, FigureSet
from cchc.core.scoring import TargetBook, score_agency
from cchc.indicators import get_indicator
from tests.test_scoring import SO_NOI_VU

UNITS = Path(__file__).parent / "cases" / "portal" / "units.yaml"
COMPOSITE = {"ONLINE_SERVICE", "ONLINE_PAYMENT"}


def _portal_metrics() -> list[tuple[str, dict]]:
    units = yaml.safe_load(UNITS.read_text(encoding="utf-8"))
    return [
        (unit["unit"], metric)
        for unit in units
        for metric in unit["metrics"]
        if metric["max"] and metric["code"] not in COMPOSITE
    ]


METRICS = _portal_metrics()


def _figure(metric: dict) -> Figure:
    indicator = get_indicator(metric["code"])
    assert indicator is not None, metric["code"]
    if metric["numerator"] is None or metric["denominator"] is None:  # the portal gave only the ratio
        return Figure("so-noi-vu", indicator.id, "2026", value=metric["ratio"])
    return Figure("so-noi-vu", indicator.id, "2026", numerator=metric["numerator"], denominator=metric["denominator"])


def test_the_portal_data_covers_every_scored_metric_and_the_zero_of_zero_cases():
    assert len({unit for unit, _ in METRICS}) == 20
    assert len(METRICS) == 286  # 19 complete units × 15 single-ratio metrics + Sở Ngoại vụ's ON_TIME
    zero_of_zero = {m["code"] for _, m in METRICS if m["denominator"] == 0}
    assert {"ON_TIME", "DOSSIER_RECEIVING_SATISFACTION", "PETITION_PROCESSING_ON_TIME", "PUBLISH_ON_TIME"} <= zero_of_zero


@pytest.mark.parametrize(("unit", "metric"), METRICS, ids=[f"{u}-{m['code']}" for u, m in METRICS])
def test_qd766_equals_the_portals_points(unit, metric):
    methodology = load_methodology("qd766")
    figure = _figure(metric)
    score = score_agency(SO_NOI_VU, methodology.blocks[0], FigureSet([figure]).for_agency("so-noi-vu"), 2026, TargetBook())
    (result,) = [c for c in score.criteria if c.criterion.id == metric["code"]]
    portal = Decimal(str(metric["points"] or 0))  # the portal's null score counts 0 in its group total
    assert result.points == portal
    assert result.criterion.max == Decimal(str(metric["max"]))
