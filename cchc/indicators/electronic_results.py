"""Results issued in electronic form (QĐ 766 ORIGINAL_RESULT_AVAILABLE)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="electronic_results",
    title_vi="Tỷ lệ cấp kết quả giải quyết TTHC điện tử",
    title_en="Results issued electronically",
    area="VII",
    inputs=(
        Input("electronic", "count", "số kết quả điện tử", "results issued electronically"),
        Input("results", "count", "tổng số kết quả đã cấp", "results issued"),
    ),
    default_target=Goal(">=", 100),
    aliases=("ORIGINAL_RESULT_AVAILABLE",),
)
