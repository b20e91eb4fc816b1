"""The province's level 3 and level 4 online public services integrated into the national public service portal
(Cổng Dịch vụ công quốc gia); e.g. Hưng Yên 2021–2025 VII.6 "tích hợp toàn bộ dịch vụ công trực tuyến mức độ 3,4
của tỉnh lên cổng Dịch vụ công quốc gia". Not the share of procedures offered online (``full_online_services``)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="online_services_on_national_portal",
    title_vi="Tỷ lệ dịch vụ công trực tuyến mức độ 3, 4 được tích hợp lên Cổng Dịch vụ công quốc gia",
    title_en="Level 3 and 4 online services integrated into the national public service portal",
    area="VII",
    inputs=(
        Input("integrated", "count", "số dịch vụ công trực tuyến mức độ 3, 4 đã tích hợp", "level 3–4 services integrated", meaning_vi="Số dịch vụ công trực tuyến mức độ 3, mức độ 4 của tỉnh đã được tích hợp, cung cấp trên Cổng Dịch vụ công quốc gia", meaning_en="The province's level 3 and level 4 online services integrated into and offered on the national public service portal"),
        Input("services", "count", "tổng số dịch vụ công trực tuyến mức độ 3, 4", "all level 3–4 services", meaning_vi="Tổng số dịch vụ công trực tuyến mức độ 3, mức độ 4 mà tỉnh đang cung cấp", meaning_en="All level 3 and level 4 online services the province offers"),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
