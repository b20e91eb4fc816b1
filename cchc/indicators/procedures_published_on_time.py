"""Procedures published (công bố) on time (QĐ 766 PUBLISH_ON_TIME)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="procedures_published_on_time",
    title_vi="Tỷ lệ TTHC được công bố đúng hạn",
    title_en="Procedures published on time",
    area="III",
    inputs=(
        Input("published_on_time", "count", "số TTHC công bố đúng hạn", "procedures published on time"),
        Input("published", "count", "tổng số TTHC phải công bố", "procedures to publish"),
    ),
    default_target=Goal(">=", 100),
    aliases=("PUBLISH_ON_TIME",),
)
