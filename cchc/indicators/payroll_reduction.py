"""Payroll (biên chế) cut against a baseline year."""

from cchc.indicators.base import Goal, Input, Reduction

INDICATOR = Reduction(
    id="payroll_reduction",
    title_vi="Tỷ lệ tinh giản biên chế so với năm gốc",
    title_en="Payroll reduced against a baseline year",
    area="IV",
    inputs=(
        Input("reduced", "count", "số biên chế đã giảm so với năm gốc", "posts cut since the baseline year"),
        Input("baseline", "count", "số biên chế năm gốc", "posts in the baseline year"),
    ),
    default_target=Goal(">=", 10, baseline_year=2021),
    aggregate="latest",
)
