"""Internal administrative procedures (TTHC nội bộ) reviewed, out of those in the unit's remit; e.g. Hải Dương KSTTHC 2024 II.2.4 "rà soát … TTHC nội bộ đảm bảo tỷ lệ ít nhất 50%". Reviewing is not simplifying (see procedures_simplified)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="internal_procedures_reviewed",
    title_vi="Tỷ lệ TTHC nội bộ được rà soát",
    title_en="Internal procedures reviewed",
    area="III",
    inputs=(
        Input("reviewed", "count", "số TTHC nội bộ được rà soát", "internal procedures reviewed", meaning_vi="Số thủ tục hành chính nội bộ đã được rà soát trong năm", meaning_en="Internal administrative procedures reviewed during the year"),
        Input("internal_procedures", "count", "tổng số TTHC nội bộ thuộc phạm vi quản lý", "internal procedures in the unit's remit", meaning_vi="Tổng số thủ tục hành chính nội bộ thuộc phạm vi quản lý của đơn vị", meaning_en="All internal administrative procedures the unit manages"),
    ),
    default_target=Goal(">=", 50),
)
