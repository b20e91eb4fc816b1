"""TTHC dossiers and results digitised; targets differ by level (province / district / commune)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="digitised_results",
    title_vi="Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hóa",
    title_en="TTHC dossiers and results digitised",
    area="III",
    inputs=(
        Input("digitised", "count", "số hồ sơ, kết quả được số hóa", "dossiers digitised", meaning_vi='Số hồ sơ, kết quả giải quyết TTHC đã được số hóa (scan, ký số, lưu trên hệ thống)', meaning_en='Dossiers and results digitised (scanned, signed and stored in the system)'),
        Input("settled", "count", "tổng số hồ sơ đã giải quyết", "dossiers settled", meaning_vi='Tổng số hồ sơ TTHC đã giải quyết trong kỳ', meaning_en='All dossiers settled in the period'),
    ),
    default_target=Goal(">=", 100),
    aliases=("SO_HOA_GIAY_TO_GIAI_QUYET",),
)
