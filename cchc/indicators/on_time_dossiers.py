"""TTHC dossiers settled on time or early — the most watched figure of the one-stop shops."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="on_time_dossiers",
    title_vi="Tỷ lệ hồ sơ TTHC được giải quyết đúng hạn, trước hạn",
    title_en="TTHC dossiers settled on time or early",
    area="III",
    inputs=(
        Input("settled_on_time", "count", "số hồ sơ giải quyết đúng hạn, trước hạn", "dossiers settled on time or early"),
        Input("settled", "count", "tổng số hồ sơ đã giải quyết", "dossiers settled"),
    ),
    default_target=Goal(">=", 95),
    aliases=("ON_TIME",),
)
