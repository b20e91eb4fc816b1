"""Average waiting time per transaction at the one-stop shop, in minutes: lower is better.

An average does not add up over quarters, so the latest figure of the year counts.
"""

from cchc.indicators.base import Goal, Input, Quantity

INDICATOR = Quantity(
    id="waiting_time",
    title_vi="Thời gian chờ đợi trung bình của người dân, doanh nghiệp cho một lượt giao dịch",
    title_en="Average waiting time per transaction",
    area="III",
    inputs=(Input("minutes", "minutes", "số phút chờ trung bình", "average minutes of waiting", meaning_vi='Số phút trung bình người dân, doanh nghiệp phải chờ cho một lượt giao dịch tại Bộ phận Một cửa', meaning_en='Average minutes an applicant waits per visit at the one-stop desk'),),
    default_target=Goal("<=", 15),
    unit="minutes",
    direction="lower",
    aggregate="latest",
    value_kind="minutes",
)
