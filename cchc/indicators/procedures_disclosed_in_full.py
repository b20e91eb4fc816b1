"""Procedures disclosed with complete content (QĐ 766 PUBLIC_CONTENT_FULL), a stock."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="procedures_disclosed_in_full",
    title_vi="Tỷ lệ TTHC được công khai đầy đủ nội dung",
    title_en="Procedures disclosed in full",
    area="III",
    inputs=(
        Input("disclosed_in_full", "count", "số TTHC công khai đầy đủ", "procedures disclosed in full", meaning_vi='Số TTHC được công khai đầy đủ nội dung (trình tự, hồ sơ, thời hạn, phí…) trên Cổng DVC và tại nơi tiếp nhận', meaning_en='Procedures disclosed in full (steps, papers, time limit, fees…) on the portal and at the counter'),
        Input("procedures", "count", "tổng số TTHC", "procedures", meaning_vi='Tổng số TTHC cơ quan đang giải quyết', meaning_en='All procedures your agency handles'),
    ),
    default_target=Goal(">=", 100),
    aliases=("PUBLIC_CONTENT_FULL",),
    aggregate="latest",
)
