"""Procedures connected to the national population database (QĐ 766 CITIZEN_DATA_CONNECTED_FORMALITY), a stock."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="population_data_procedures",
    title_vi="Tỷ lệ TTHC được kết nối, khai thác dữ liệu dân cư",
    title_en="Procedures connected to the population database",
    area="VII",
    inputs=(
        Input("connected", "count", "số TTHC đã kết nối dữ liệu dân cư", "procedures connected"),
        Input("procedures", "count", "tổng số TTHC", "procedures"),
    ),
    default_target=Goal(">=", 100),
    aliases=("CITIZEN_DATA_CONNECTED_FORMALITY",),
    aggregate="latest",
)
