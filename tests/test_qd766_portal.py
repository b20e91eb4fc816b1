"""``qd766`` against the national portal's own published points, metric by metric.

The units are real: 20 units of Phú Thọ, month 8/2026, transcribed in ``tests/cases/portal/units.yaml``
from the portal's API responses (source, capture date and caveats in ``tests/cases/portal/README.md``).
Every single-ratio metric the portal scored is compared, 0/0 cases included (the portal gives 0 to a
unit with no dossiers, full points to a unit with no petitions), and so are the two composites,
ONLINE_PAYMENT and ONLINE_SERVICE, from the raw API fields the portal returns with them (``components``):
ONLINE_PAYMENT for all 20 units; ONLINE_SERVICE only where the portal gives its fields, the province row
(child rows carry the group total alone, so 19 ONLINE_SERVICE points cannot be recomputed).
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
# The API fields behind each part of a composite, as (indicator, numerator field, denominator field);
# a part's numerator sum of several fields is written as a tuple.
PARTS = {
    "ONLINE_PAYMENT": [
        ("online_payment_transactions", "totalDossierOnlinePaymentSuccess", "totalDossierFinancialObligation"),
        ("online_payment_procedures", "totalDossierOnlineFormalityPaymentSuccess", "totalFeeDossierFormalityDistinct"),
        ("fee_data_synced_procedures", "totalFeeDossierFormality", "totalFeeFormality"),
    ],
    "ONLINE_SERVICE": [
        ("online_service_procedures", ("partialCount", "fullCount"), "authorityCount"),
        ("online_services_with_dossiers", "onlineDossierCount", "onlineServiceTotal"),
        ("online_dossiers", "channelOnlineSum", "channelTotalSum"),
    ],
}


def _portal_metrics() -> list[tuple[str, dict]]:
    units = yaml.safe_load(UNITS.read_text(encoding="utf-8"))
    return [
        (unit["unit"], metric)
        for unit in units
        for metric in unit["metrics"]
        if metric["max"] and metric["code"] not in COMPOSITE
    ]


METRICS = _portal_metrics()


def _composites() -> list[tuple[str, dict]]:
    """The composite metrics whose parts the portal gave (``components``)."""
    units = yaml.safe_load(UNITS.read_text(encoding="utf-8"))
    return [(unit["unit"], m) for unit in units for m in unit["metrics"] if m["code"] in COMPOSITE and m.get("components")]


COMPOSITES = _composites()


def _part_figures(metric: dict) -> list[Figure]:
    fields = metric["components"]
    figures = []
    for indicator, numerator, denominator in PARTS[metric["code"]]:
        num = sum(fields[f] for f in numerator) if isinstance(numerator, tuple) else fields[numerator]
        figures.append(Figure("so-noi-vu", indicator, "2026", numerator=num, denominator=fields[denominator]))
    return figures


def _points(figures: list[Figure], code: str):
    methodology = load_methodology("qd766")
    score = score_agency(SO_NOI_VU, methodology.blocks[0], FigureSet(figures).for_agency("so-noi-vu"), 2026, TargetBook())
    (result,) = [c for c in score.criteria if c.criterion.id == code]
    return result


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
    result = _points([_figure(metric)], metric["code"])
    portal = Decimal(str(metric["points"] or 0))  # the portal's null score counts 0 in its group total
    assert result.points == portal
    assert result.criterion.max == Decimal(str(metric["max"]))


def test_the_portal_data_covers_every_composite_it_can():
    assert sum(m["code"] == "ONLINE_PAYMENT" for _, m in COMPOSITES) == 20
    assert [u for u, m in COMPOSITES if m["code"] == "ONLINE_SERVICE"] == ["UBND tỉnh Phú Thọ"]
    assert len(METRICS) + len(COMPOSITES) == 307  # of the 326 metric points with a maximum (19 ONLINE_SERVICE totals only)
    zero_of_zero = [u for u, m in COMPOSITES if m["components"].get("totalDossierFinancialObligation") == 0]
    assert len(zero_of_zero) == 3  # part A 0/0: Văn phòng UBND tỉnh, Sở GD&ĐT, Sở Ngoại vụ


@pytest.mark.parametrize(("unit", "metric"), COMPOSITES, ids=[f"{u}-{m['code']}" for u, m in COMPOSITES])
def test_qd766_composites_equal_the_portals_points(unit, metric):
    result = _points(_part_figures(metric), metric["code"])
    assert result.points == Decimal(str(metric["points"]))
    assert len(result.parts) == 3 and result.points == sum(p.points for p in result.parts)  # rounded part by part
