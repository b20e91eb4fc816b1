"""Procedures simplified or with compliance costs cut, out of those reviewed."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="procedures_simplified",
    title_vi="Tỷ lệ TTHC được cắt giảm, đơn giản hóa",
    title_en="Procedures simplified",
    area="III",
    inputs=(
        Input("simplified", "count", "số TTHC được đơn giản hóa", "procedures simplified"),
        Input("reviewed", "count", "số TTHC được rà soát", "procedures reviewed"),
    ),
    default_target=Goal(">=", 20),
    aggregate="latest",
)
