"""Feedback and petitions (phản ánh, kiến nghị) handled on time (QĐ 766 PETITION_PROCESSING_ON_TIME)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="complaints_handled_on_time",
    title_vi="Tỷ lệ phản ánh, kiến nghị được xử lý đúng hạn",
    title_en="Feedback and petitions handled on time",
    area="III",
    inputs=(
        Input("handled_on_time", "count", "số phản ánh, kiến nghị xử lý đúng hạn", "petitions handled on time", meaning_vi='Số phản ánh, kiến nghị của người dân, doanh nghiệp đã xử lý xong đúng hạn trong kỳ', meaning_en='Petitions from citizens and businesses answered on time in the period'),
        Input("handled", "count", "tổng số phản ánh, kiến nghị phải xử lý", "petitions to handle", meaning_vi='Tổng số phản ánh, kiến nghị phải xử lý trong kỳ (kể cả quá hạn chưa xử lý)', meaning_en='All petitions due to be answered in the period (including those still unanswered)'),
    ),
    default_target=Goal(">=", 100),
    aliases=("PETITION_PROCESSING_ON_TIME",),
)
