"""Cadres and civil servants who use the official e-mail (thư điện tử công vụ) for their work; e.g. Hưng Yên
2021–2025 VII.5 "Đảm bảo 100% cán bộ, công chức sử dụng thư điện tử công vụ"."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="official_email_use",
    title_vi="Tỷ lệ cán bộ, công chức sử dụng thư điện tử công vụ",
    title_en="Cadres and civil servants using the official e-mail",
    area="VII",
    inputs=(
        Input("using", "count", "số cán bộ, công chức sử dụng thư điện tử công vụ", "cadres and civil servants using it", meaning_vi="Số cán bộ, công chức có hộp thư điện tử công vụ và dùng nó để trao đổi thông tin, giao dịch công việc", meaning_en="Cadres and civil servants who have an official mailbox and use it to exchange information and handle work"),
        Input("staff", "count", "tổng số cán bộ, công chức", "all cadres and civil servants", meaning_vi="Tổng số cán bộ, công chức của cơ quan, đơn vị", meaning_en="All cadres and civil servants of the agency or unit"),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
