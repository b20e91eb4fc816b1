"""Benchmark: score and rank 3,500 agencies × 25 indicators (target: under 5 s).

Run: ``python bench/bench_score.py [AGENCIES]``. Not a unit test: it builds a synthetic figure set in
memory (deterministic), scores it with a 25-criterion methodology that uses every scoring mode, and
prints a small timing table.
"""

from __future__ import annotations

import random
import sys
import time

from cchc.adapters.methodologyfile import parse_methodology
from cchc.core.agencies import Agency
from cchc.core.figures import Figure, FigureSet
from cchc.core.scoring import PlanTarget, TargetBook, rank, score_all
from cchc.indicators import INDICATORS
from cchc.indicators.base import Goal, Quantity, Reduction

KINDS = ("department", "district-committee", "commune-committee")
LEVELS = {"department": "tinh", "district-committee": "huyen", "commune-committee": "xa"}


def methodology(indicator_ids: list[str]):
    """25 criteria of 4 points: ratios alternate linear / ratio_to_threshold / tiers / all_or_nothing."""
    criteria = []
    for i, ident in enumerate(indicator_ids):
        indicator = INDICATORS[ident]
        if isinstance(indicator, Quantity):
            mode = {"mode": "lower_is_better"}
        elif isinstance(indicator, Reduction):
            mode = {"mode": "baseline_reduction"}
        else:
            mode = [
                {"mode": "linear"},
                {"mode": "ratio_to_threshold", "threshold": 90},
                {"mode": "tiers", "tiers": [{"min": 100, "points": 4}, {"min": 95, "points": 3}, {"min": 90, "points": 1}]},
                {"mode": "all_or_nothing"},
            ][i % 4]
        criteria.append({"id": f"C{i + 1}", "indicator": ident, "max": 4, **mode})
    data = {
        "kind": "methodology",
        "id": "bench",
        "title": "bench",
        "missing": "exclude",
        "blocks": [{"id": "all", "title": "all", "total": 100, "areas": [{"id": "I", "title": "I", "criteria": criteria}]}],
    }
    found, problems = parse_methodology(data, "<bench>")
    assert found is not None, problems
    return found


def main(count: int = 3500) -> None:
    rng = random.Random(766)
    indicator_ids = list(INDICATORS)[:25]  # includes waiting_time (lower is better) and both reductions
    started = time.perf_counter()
    agencies = []
    figures = []
    for n in range(count):
        kind = KINDS[n % len(KINDS)]
        agency = Agency(f"a{n}", f"Cơ quan {n}", kind, LEVELS[kind])
        agencies.append(agency)
        for ident in indicator_ids:
            if rng.random() < 0.03:
                continue  # some figures missing
            indicator = INDICATORS[ident]
            if isinstance(indicator, Quantity):
                figures.append(Figure(agency.id, ident, "2024", value=round(rng.uniform(5, 30), 1), level=agency.level))
            else:
                den = rng.randint(0, 5000)
                num = rng.randint(int(den * 0.6), den) if den else 0
                figures.append(Figure(agency.id, ident, "2024", numerator=num, denominator=den, level=agency.level))
    figure_set = FigureSet(figures)
    book = TargetBook(
        [PlanTarget("work_files_online", Goal(">=", level_value), level=level) for level, level_value in (("tinh", 85), ("huyen", 75), ("xa", 65))]
    )
    method = methodology(indicator_ids)
    built = time.perf_counter()
    board = score_all(agencies, method, figure_set, 2024, book)
    scored = time.perf_counter()
    rank(board.scores)
    ranked = time.perf_counter()
    rows = [
        ("agencies", f"{count:,}"),
        ("indicators", f"{len(indicator_ids)}"),
        ("figures", f"{len(figures):,}"),
        ("build data (s)", f"{built - started:.2f}"),
        ("score_all incl. rank (s)", f"{scored - built:.2f}"),
        ("re-rank (s)", f"{ranked - scored:.3f}"),
        ("score + rank total (s)", f"{ranked - built:.2f}"),
        ("target", "< 5 s: " + ("OK" if ranked - built < 5 else "TOO SLOW")),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3500)
