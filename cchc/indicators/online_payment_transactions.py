"""Payment transactions made online (QĐ 766 ONLINE_PAYMENT)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="online_payment_transactions",
    title_vi="Tỷ lệ giao dịch thanh toán trực tuyến",
    title_en="Payment transactions made online",
    area="III",
    inputs=(
        Input("paid_online", "count", "số giao dịch thanh toán trực tuyến", "transactions paid online"),
        Input("payments", "count", "tổng số giao dịch thanh toán", "payment transactions"),
    ),
    default_target=Goal(">=", 30),
    aliases=("ONLINE_PAYMENT",),
)
