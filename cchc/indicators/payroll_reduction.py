"""Payroll (biên chế) cut against a baseline year."""

from cchc.indicators.base import Goal, Input, Reduction

INDICATOR = Reduction(
    id="payroll_reduction",
    title_vi="Tỷ lệ tinh giản biên chế so với năm gốc",
    title_en="Payroll reduced against a baseline year",
    area="IV",
    inputs=(
        Input("reduced", "count", "số biên chế đã giảm so với năm gốc", "posts cut since the baseline year", meaning_vi='Số biên chế đã giảm so với năm gốc (năm gốc trừ hiện nay)', meaning_en='Posts cut since the baseline year (baseline minus today)'),
        Input("baseline", "count", "số biên chế năm gốc", "posts in the baseline year", meaning_vi='Số biên chế được giao của năm gốc', meaning_en='Posts assigned in the baseline year'),
    ),
    default_target=Goal(">=", 10, baseline_year=2021),
    aggregate="latest",
)
