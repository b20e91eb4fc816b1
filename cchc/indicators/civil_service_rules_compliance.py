"""Recruitments, rotations and appointments made by the rules (area V, civil service): a compliance target written "100% … đúng quy định"."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="civil_service_rules_compliance",
    title_vi="Tỷ lệ tuyển dụng, luân chuyển, bổ nhiệm đúng quy trình, tiêu chuẩn",
    title_en="Recruitments, rotations and appointments made by the rules",
    area="V",
    inputs=(
        Input("compliant", "count", "số trường hợp đúng quy định", "cases by the rules", meaning_vi='Số trường hợp tuyển dụng, luân chuyển, bổ nhiệm trong kỳ làm đúng quy trình và tiêu chuẩn', meaning_en='Recruitments, rotations and appointments in the period done by the rules and standards'),
        Input("cases", "count", "tổng số trường hợp", "cases", meaning_vi='Tổng số trường hợp tuyển dụng, luân chuyển, bổ nhiệm trong kỳ', meaning_en='All recruitments, rotations and appointments in the period'),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
