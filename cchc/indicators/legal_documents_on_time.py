"""Legal normative documents (VBQPPL) implemented or handled on time — the Hải Dương 2024 area II targets."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="legal_documents_on_time",
    title_vi="Tỷ lệ văn bản QPPL được triển khai, xử lý kịp thời",
    title_en="Legal normative documents implemented or handled on time",
    area="II",
    inputs=(
        Input("on_time", "count", "số văn bản triển khai, xử lý kịp thời", "documents handled on time"),
        Input("documents", "count", "tổng số văn bản phải triển khai, xử lý", "documents to handle"),
    ),
    default_target=Goal(">=", 100),
)
