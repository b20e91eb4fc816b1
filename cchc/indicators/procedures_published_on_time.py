"""Procedures published (công bố) on time (QĐ 766 PUBLISH_ON_TIME)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="procedures_published_on_time",
    title_vi="Tỷ lệ TTHC được công bố đúng hạn",
    title_en="Procedures published on time",
    area="III",
    inputs=(
        Input("published_on_time", "count", "số TTHC công bố đúng hạn", "procedures published on time", meaning_vi='Số TTHC được công bố (quyết định công bố danh mục) đúng thời hạn quy định', meaning_en='Procedures published (decision announcing them) within the legal time limit'),
        Input("published", "count", "tổng số TTHC phải công bố", "procedures to publish", meaning_vi='Tổng số TTHC phải công bố trong kỳ', meaning_en='All procedures that had to be published in the period'),
    ),
    default_target=Goal(">=", 100),
    aliases=("PUBLISH_ON_TIME",),
)
