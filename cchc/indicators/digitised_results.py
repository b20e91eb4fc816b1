"""TTHC dossiers and results digitised; targets differ by level (province / district / commune)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="digitised_results",
    title_vi="Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hóa",
    title_en="TTHC dossiers and results digitised",
    area="III",
    inputs=(
        Input("digitised", "count", "số hồ sơ, kết quả được số hóa", "dossiers digitised"),
        Input("settled", "count", "tổng số hồ sơ đã giải quyết", "dossiers settled"),
    ),
    default_target=Goal(">=", 100),
    aliases=("SO_HOA_GIAY_TO_GIAI_QUYET",),
)
