"""Feedback and petitions (phản ánh, kiến nghị) handled on time (QĐ 766 PETITION_PROCESSING_ON_TIME)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="complaints_handled_on_time",
    title_vi="Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn",
    title_en="Feedback and petitions handled on time",
    area="III",
    inputs=(
        Input("handled_on_time", "count", "số phản ánh, kiến nghị xử lý đúng hạn", "petitions handled on time"),
        Input("handled", "count", "tổng số phản ánh, kiến nghị phải xử lý", "petitions to handle"),
    ),
    default_target=Goal(">=", 100),
    aliases=("PETITION_PROCESSING_ON_TIME",),
)
