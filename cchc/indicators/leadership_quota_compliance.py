"""Units whose number of leaders is within the quota (area IV, organisation): a compliance target written "100% … đúng quy định"."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="leadership_quota_compliance",
    title_vi="Tỷ lệ cơ quan, phòng có số lượng lãnh đạo đúng quy định",
    title_en="Units whose number of leaders is within the quota",
    area="IV",
    inputs=(
        Input("compliant", "count", "số đơn vị đúng định mức", "units within the quota", meaning_vi='Số cơ quan, phòng có số lượng cấp trưởng, cấp phó không vượt định mức', meaning_en='Offices whose number of heads and deputies is within the quota'),
        Input("units", "count", "tổng số đơn vị", "units", meaning_vi='Tổng số cơ quan, phòng thuộc và trực thuộc', meaning_en='All offices and units under your agency'),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
