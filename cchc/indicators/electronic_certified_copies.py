"""Electronic certified copies issued from originals (QĐ 766 ELECTRONIC_CERTIFIED_COPY)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="electronic_certified_copies",
    title_vi="Tỷ lệ chứng thực bản sao điện tử từ bản chính",
    title_en="Electronic certified copies issued",
    area="III",
    inputs=(
        Input("electronic_copies", "count", "số bản sao chứng thực điện tử", "electronic certified copies"),
        Input("certified_copies", "count", "tổng số hồ sơ chứng thực bản sao", "certified copy requests"),
    ),
    default_target=Goal(">=", 100),
    aliases=("ELECTRONIC_CERTIFIED_COPY",),
)
