"""Payment transactions made online (QĐ 766 ONLINE_PAYMENT)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="online_payment_transactions",
    title_vi="Tỷ lệ giao dịch thanh toán trực tuyến",
    title_en="Payment transactions made online",
    area="III",
    inputs=(
        Input("paid_online", "count", "số giao dịch thanh toán trực tuyến", "transactions paid online", meaning_vi='Số giao dịch nộp phí, lệ phí, nghĩa vụ tài chính được thanh toán trực tuyến', meaning_en='Fee and charge payments made online'),
        Input("payments", "count", "tổng số giao dịch thanh toán", "payment transactions", meaning_vi='Tổng số giao dịch nộp phí, lệ phí, nghĩa vụ tài chính trong kỳ', meaning_en='All fee and charge payments in the period'),
    ),
    default_target=Goal(">=", 30),
    aliases=("ONLINE_PAYMENT",),
)
