"""Draft legal normative documents with administrative procedures whose impact was assessed; e.g. Hải Dương KSTTHC 2024 II.2.1 "Đánh giá tác động TTHC trong dự thảo VBQPPL (Đạt tỷ lệ 100%)"."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="draft_regulations_impact_assessed",
    title_vi="Tỷ lệ dự thảo VBQPPL có TTHC được đánh giá tác động",
    title_en="Draft regulations with procedures whose impact was assessed",
    area="III",
    inputs=(
        Input("assessed", "count", "số dự thảo được đánh giá tác động TTHC", "drafts assessed", meaning_vi="Số dự thảo văn bản quy phạm pháp luật có quy định thủ tục hành chính đã được đánh giá tác động", meaning_en="Draft legal documents setting procedures whose impact was assessed"),
        Input("drafts", "count", "tổng số dự thảo VBQPPL có quy định TTHC", "drafts that set procedures", meaning_vi="Tổng số dự thảo văn bản quy phạm pháp luật có quy định thủ tục hành chính trong năm", meaning_en="All draft legal documents setting administrative procedures during the year"),
    ),
    default_target=Goal(">=", 100),
)
