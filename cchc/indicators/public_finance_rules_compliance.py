"""Agencies following the rules on funds, audits and public assets (area VI, public finance): a compliance target written "100% … đúng quy định"."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="public_finance_rules_compliance",
    title_vi="Tỷ lệ cơ quan, đơn vị thực hiện đúng quy định về tài chính, ngân sách, tài sản công",
    title_en="Agencies following the rules on funds, audits and public assets",
    area="VI",
    inputs=(
        Input("compliant", "count", "số cơ quan, đơn vị thực hiện đúng", "agencies following the rules", meaning_vi='Số cơ quan, đơn vị trực thuộc không bị phát hiện sai phạm về tài chính, ngân sách, tài sản công trong kỳ', meaning_en='Units found with no breach of finance, budget or public-asset rules in the period'),
        Input("agencies", "count", "tổng số cơ quan, đơn vị", "agencies", meaning_vi='Tổng số cơ quan, đơn vị trực thuộc', meaning_en='All units under your agency'),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
