"""Agencies and units inspected for CCHC in the year (cumulative within the year, so the latest figure counts)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="agencies_inspected",
    title_vi="Tỷ lệ cơ quan, đơn vị được kiểm tra CCHC trong năm",
    title_en="Agencies and units inspected for CCHC in the year",
    area="I",
    inputs=(
        Input("inspected", "count", "số cơ quan, đơn vị được kiểm tra", "agencies inspected", meaning_vi='Số cơ quan, đơn vị được đoàn kiểm tra CCHC kiểm tra trực tiếp trong năm (theo kế hoạch kiểm tra hoặc đột xuất)', meaning_en='Agencies the CCHC inspection teams visited in person during the year (planned or unannounced)'),
        Input("agencies", "count", "tổng số cơ quan, đơn vị", "agencies", meaning_vi='Tổng số cơ quan, đơn vị thuộc phạm vi kiểm tra của cơ quan mình', meaning_en='All agencies and units within your inspection remit'),
    ),
    default_target=Goal(">=", 30),
    aggregate="latest",
)
