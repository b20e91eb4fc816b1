"""Results issued in electronic form (QĐ 766 ORIGINAL_RESULT_AVAILABLE)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="electronic_results",
    title_vi="Tỷ lệ cấp kết quả giải quyết TTHC điện tử",
    title_en="Results issued electronically",
    area="VII",
    inputs=(
        Input("electronic", "count", "số kết quả điện tử", "results issued electronically", meaning_vi='Số kết quả giải quyết TTHC cấp dưới dạng điện tử', meaning_en='Results of procedures issued electronically'),
        Input("results", "count", "tổng số kết quả đã cấp", "results issued", meaning_vi='Tổng số kết quả giải quyết TTHC đã cấp trong kỳ', meaning_en='All results of procedures issued in the period'),
    ),
    default_target=Goal(">=", 100),
    aliases=("ORIGINAL_RESULT_AVAILABLE",),
)
