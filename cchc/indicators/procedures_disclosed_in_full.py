"""Procedures disclosed with complete content (QĐ 766 PUBLIC_CONTENT_FULL), a stock."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="procedures_disclosed_in_full",
    title_vi="Tỷ lệ TTHC được công khai đầy đủ nội dung",
    title_en="Procedures disclosed in full",
    area="III",
    inputs=(
        Input("disclosed_in_full", "count", "số TTHC công khai đầy đủ", "procedures disclosed in full"),
        Input("procedures", "count", "tổng số TTHC", "procedures"),
    ),
    default_target=Goal(">=", 100),
    aliases=("PUBLIC_CONTENT_FULL",),
    aggregate="latest",
)
