"""Reports and administrative documents sent and received as electronic documents."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="electronic_documents",
    title_vi="Tỷ lệ văn bản được gửi, nhận dưới dạng văn bản điện tử",
    title_en="Documents exchanged as electronic documents",
    area="VII",
    inputs=(
        Input("electronic", "count", "số văn bản điện tử", "electronic documents"),
        Input("documents", "count", "tổng số văn bản", "documents"),
    ),
    default_target=Goal(">=", 100),
)
