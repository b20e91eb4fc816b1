"""Procedures with financial obligations that offer online payment (a stock: the latest share counts)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="online_payment_procedures",
    title_vi="Tỷ lệ TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến",
    title_en="TTHC with financial obligations offering online payment",
    area="III",
    inputs=(
        Input("procedures_paid_online", "count", "số TTHC có thanh toán trực tuyến", "procedures offering online payment", meaning_vi='Số TTHC có phí, lệ phí đã cho phép thanh toán trực tuyến', meaning_en='Procedures with fees that can be paid online'),
        Input("procedures_with_fees", "count", "số TTHC có yêu cầu nghĩa vụ tài chính", "procedures with financial obligations", meaning_vi='Tổng số TTHC có yêu cầu nộp phí, lệ phí hoặc nghĩa vụ tài chính', meaning_en='All procedures that require a fee, charge or other payment'),
    ),
    default_target=Goal(">=", 80),
    aggregate="latest",
)
