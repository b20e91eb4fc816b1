"""Satisfaction with how feedback and petitions were handled (QĐ 766 PETITION_HANDLING_SATISFACTION)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="complaint_satisfaction",
    title_vi="Mức độ hài lòng trong tiếp nhận, xử lý phản ánh, kiến nghị",
    title_en="Satisfaction with the handling of feedback and petitions",
    area="VIII",
    inputs=(
        Input("satisfied", "count", "số lượt đánh giá hài lòng", "satisfied ratings"),
        Input("ratings", "count", "tổng số lượt đánh giá", "ratings"),
    ),
    default_target=Goal(">=", 90),
    aliases=("PETITION_HANDLING_SATISFACTION",),
)
