"""Public-investment capital disbursed against the year's allocation (amounts in VND, cumulative)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="public_investment_disbursement",
    title_vi="Tỷ lệ giải ngân vốn đầu tư công",
    title_en="Public-investment capital disbursed",
    area="VI",
    inputs=(
        Input("disbursed", "number", "số vốn đã giải ngân (đồng)", "capital disbursed (VND)", meaning_vi='Số vốn đầu tư công đã giải ngân đến cuối kỳ, tính bằng đồng', meaning_en='Public investment capital disbursed by the end of the period, in đồng'),
        Input("allocated", "number", "kế hoạch vốn được giao (đồng)", "capital allocated (VND)", meaning_vi='Kế hoạch vốn đầu tư công được giao trong năm, tính bằng đồng', meaning_en='Public investment capital allocated for the year, in đồng'),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
