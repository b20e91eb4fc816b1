"""TTHC dossiers settled on time or early — the most watched figure of the one-stop shops."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="on_time_dossiers",
    title_vi="Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn, trước hạn",
    title_en="TTHC dossiers settled on time or early",
    area="III",
    inputs=(
        Input("settled_on_time", "count", "số hồ sơ giải quyết đúng hạn, trước hạn", "dossiers settled on time or early", meaning_vi='Số hồ sơ TTHC đã trả kết quả đúng hạn hoặc trước hạn trong kỳ', meaning_en='Dossiers whose result was delivered on or before the due date in the period'),
        Input("settled", "count", "tổng số hồ sơ đã giải quyết", "dossiers settled", meaning_vi='Tổng số hồ sơ TTHC đã giải quyết (đã trả kết quả) trong kỳ, kể cả trễ hạn', meaning_en='All dossiers settled (result delivered) in the period, late ones included'),
    ),
    default_target=Goal(">=", 95),
    aliases=("ON_TIME",),
)
