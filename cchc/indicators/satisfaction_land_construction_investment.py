"""Satisfaction with land, construction and investment procedures, targeted separately in the seeds."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="satisfaction_land_construction_investment",
    title_vi="Mức độ hài lòng về giải quyết TTHC lĩnh vực đất đai, xây dựng, đầu tư",
    title_en="Satisfaction with land, construction and investment procedures",
    area="VIII",
    inputs=(
        Input("satisfied", "count", "số lượt đánh giá hài lòng", "satisfied ratings", meaning_vi='Số lượt đánh giá "hài lòng" hoặc "rất hài lòng" với TTHC lĩnh vực đất đai, xây dựng, đầu tư', meaning_en='Ratings of "satisfied" or "very satisfied" on land, construction and investment procedures'),
        Input("ratings", "count", "tổng số lượt đánh giá", "ratings", meaning_vi='Tổng số lượt đánh giá với TTHC lĩnh vực đất đai, xây dựng, đầu tư', meaning_en='All ratings on land, construction and investment procedures'),
    ),
    default_target=Goal(">=", 85),
)
