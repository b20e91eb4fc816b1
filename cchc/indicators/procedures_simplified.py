"""Procedures simplified or with compliance costs cut, out of those reviewed."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="procedures_simplified",
    title_vi="Tỷ lệ TTHC được cắt giảm, đơn giản hóa",
    title_en="Procedures simplified",
    area="III",
    inputs=(
        Input("simplified", "count", "số TTHC được đơn giản hóa", "procedures simplified", meaning_vi='Số TTHC được đề xuất, phê duyệt cắt giảm hoặc đơn giản hóa sau rà soát', meaning_en='Procedures proposed and approved for cutting or simplifying after review'),
        Input("reviewed", "count", "số TTHC được rà soát", "procedures reviewed", meaning_vi='Tổng số TTHC đã rà soát trong kỳ', meaning_en='All procedures reviewed in the period'),
    ),
    default_target=Goal(">=", 20),
    aggregate="latest",
)
