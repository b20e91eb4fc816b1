"""Procedures connected to the national population database (QĐ 766 CITIZEN_DATA_CONNECTED_FORMALITY), a stock."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="population_data_procedures",
    title_vi="Tỷ lệ TTHC được kết nối, khai thác dữ liệu dân cư",
    title_en="Procedures connected to the population database",
    area="VII",
    inputs=(
        Input("connected", "count", "số TTHC đã kết nối dữ liệu dân cư", "procedures connected", meaning_vi='Số TTHC đã kết nối, khai thác dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư', meaning_en='Procedures connected to the national population database'),
        Input("procedures", "count", "tổng số TTHC", "procedures", meaning_vi='Tổng số TTHC cơ quan đang giải quyết', meaning_en='All procedures your agency handles'),
    ),
    default_target=Goal(">=", 100),
    aliases=("CITIZEN_DATA_CONNECTED_FORMALITY",),
    aggregate="latest",
)
