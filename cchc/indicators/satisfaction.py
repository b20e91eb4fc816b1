"""Citizens' and businesses' satisfaction with the settling of TTHC (QĐ 766 DOSSIER_RECEIVING_SATISFACTION)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="satisfaction",
    title_vi="Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết TTHC",
    title_en="Satisfaction of citizens and businesses with TTHC",
    area="VIII",
    inputs=(
        Input("satisfied", "count", "số lượt đánh giá hài lòng", "satisfied ratings", meaning_vi='Số lượt người dân, doanh nghiệp đánh giá "hài lòng" hoặc "rất hài lòng" khi giải quyết TTHC', meaning_en='Ratings of "satisfied" or "very satisfied" given by applicants'),
        Input("ratings", "count", "tổng số lượt đánh giá", "ratings", meaning_vi='Tổng số lượt đánh giá của người dân, doanh nghiệp khi giải quyết TTHC', meaning_en='All ratings given by applicants'),
    ),
    default_target=Goal(">=", 90),
    aliases=("DOSSIER_RECEIVING_SATISFACTION",),
)
