"""Reports and administrative documents sent and received as electronic documents."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="electronic_documents",
    title_vi="Tỷ lệ văn bản được gửi, nhận dưới dạng văn bản điện tử",
    title_en="Documents exchanged as electronic documents",
    area="VII",
    inputs=(
        Input("electronic", "count", "số văn bản điện tử", "electronic documents", meaning_vi='Số văn bản đi, đến được gửi, nhận dưới dạng điện tử (có ký số)', meaning_en='Outgoing and incoming documents sent or received electronically (digitally signed)'),
        Input("documents", "count", "tổng số văn bản", "documents", meaning_vi='Tổng số văn bản đi, đến trong kỳ', meaning_en='All outgoing and incoming documents in the period'),
    ),
    default_target=Goal(">=", 100),
)
