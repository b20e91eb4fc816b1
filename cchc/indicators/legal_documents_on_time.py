"""Legal normative documents (VBQPPL) implemented or handled on time — the Hải Dương 2024 area II targets."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="legal_documents_on_time",
    title_vi="Tỷ lệ văn bản QPPL được triển khai, xử lý kịp thời",
    title_en="Legal normative documents implemented or handled on time",
    area="II",
    inputs=(
        Input("on_time", "count", "số văn bản triển khai, xử lý kịp thời", "documents handled on time", meaning_vi='Số văn bản QPPL được ban hành, triển khai hoặc xử lý kịp thời theo kế hoạch, chỉ đạo', meaning_en='Legal documents issued, implemented or handled on time as planned or instructed'),
        Input("documents", "count", "tổng số văn bản phải triển khai, xử lý", "documents to handle", meaning_vi='Tổng số văn bản QPPL phải ban hành, triển khai hoặc xử lý trong kỳ', meaning_en='All legal documents due to be issued, implemented or handled in the period'),
    ),
    default_target=Goal(">=", 100),
)
