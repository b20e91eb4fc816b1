"""Citizens' and businesses' satisfaction with the settling of TTHC (QĐ 766 DOSSIER_RECEIVING_SATISFACTION)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="satisfaction",
    title_vi="Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết TTHC",
    title_en="Satisfaction of citizens and businesses with TTHC",
    area="VIII",
    inputs=(
        Input("satisfied", "count", "số lượt đánh giá hài lòng", "satisfied ratings"),
        Input("ratings", "count", "tổng số lượt đánh giá", "ratings"),
    ),
    default_target=Goal(">=", 90),
    aliases=("DOSSIER_RECEIVING_SATISFACTION",),
)
