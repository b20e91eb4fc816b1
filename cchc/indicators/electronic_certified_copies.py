"""Electronic certified copies issued from originals (QĐ 766 ELECTRONIC_CERTIFIED_COPY)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="electronic_certified_copies",
    title_vi="Tỷ lệ chứng thực bản sao điện tử từ bản chính",
    title_en="Electronic certified copies issued",
    area="III",
    inputs=(
        Input("electronic_copies", "count", "số bản sao chứng thực điện tử", "electronic certified copies", meaning_vi='Số bản sao được chứng thực điện tử từ bản chính', meaning_en='Copies certified electronically from the original'),
        Input("certified_copies", "count", "tổng số hồ sơ chứng thực bản sao", "certified copy requests", meaning_vi='Tổng số yêu cầu chứng thực bản sao từ bản chính trong kỳ', meaning_en='All requests to certify copies from originals in the period'),
    ),
    default_target=Goal(">=", 100),
    aliases=("ELECTRONIC_CERTIFIED_COPY",),
)
