"""Satisfaction with how feedback and petitions were handled (QĐ 766 PETITION_HANDLING_SATISFACTION)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="complaint_satisfaction",
    title_vi="Mức độ hài lòng trong tiếp nhận, xử lý phản ánh, kiến nghị",
    title_en="Satisfaction with the handling of feedback and petitions",
    area="VIII",
    inputs=(
        Input("satisfied", "count", "số lượt đánh giá hài lòng", "satisfied ratings", meaning_vi='Số lượt đánh giá "hài lòng" hoặc "rất hài lòng" về việc tiếp nhận, xử lý phản ánh, kiến nghị', meaning_en='Ratings of "satisfied" or "very satisfied" with how petitions were received and handled'),
        Input("ratings", "count", "tổng số lượt đánh giá", "ratings", meaning_vi='Tổng số lượt đánh giá về việc tiếp nhận, xử lý phản ánh, kiến nghị', meaning_en='All ratings given on how petitions were received and handled'),
    ),
    default_target=Goal(">=", 90),
    aliases=("PETITION_HANDLING_SATISFACTION",),
)
