"""Agencies and units inspected for CCHC in the year (cumulative within the year, so the latest figure counts)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="agencies_inspected",
    title_vi="Tỷ lệ cơ quan, đơn vị được kiểm tra CCHC trong năm",
    title_en="Agencies and units inspected for CCHC in the year",
    area="I",
    inputs=(
        Input("inspected", "count", "số cơ quan, đơn vị được kiểm tra", "agencies inspected"),
        Input("agencies", "count", "tổng số cơ quan, đơn vị", "agencies"),
    ),
    default_target=Goal(">=", 30),
    aggregate="latest",
)
