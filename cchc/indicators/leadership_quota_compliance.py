"""Units whose number of leaders is within the quota (area IV, organisation): a compliance target written "100% … đúng quy định"."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="leadership_quota_compliance",
    title_vi="Tỷ lệ cơ quan, phòng có số lượng lãnh đạo đúng quy định",
    title_en="Units whose number of leaders is within the quota",
    area="IV",
    inputs=(
        Input("compliant", "count", "số đơn vị đúng định mức", "units within the quota"),
        Input("units", "count", "tổng số đơn vị", "units"),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
