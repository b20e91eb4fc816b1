"""Dossiers settled using the national population database (QĐ 766 CITIZEN_DATA_CONNECTED_DOSSIER)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="population_data_dossiers",
    title_vi="Tỷ lệ hồ sơ khai thác dữ liệu từ Cơ sở dữ liệu quốc gia về dân cư",
    title_en="Dossiers using the population database",
    area="VII",
    inputs=(
        Input("using_population_data", "count", "số hồ sơ khai thác dữ liệu dân cư", "dossiers using population data", meaning_vi='Số hồ sơ TTHC lấy thông tin từ Cơ sở dữ liệu quốc gia về dân cư thay cho giấy tờ', meaning_en='Dossiers that took personal details from the national population database instead of papers'),
        Input("dossiers", "count", "tổng số hồ sơ", "dossiers", meaning_vi='Tổng số hồ sơ TTHC tiếp nhận trong kỳ', meaning_en='All dossiers received in the period'),
    ),
    default_target=Goal(">=", 100),
    aliases=("CITIZEN_DATA_CONNECTED_DOSSIER",),
)
