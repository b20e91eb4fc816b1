"""Information systems connected to the data-sharing platform (LGSP/NDXP), a stock."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="systems_connected",
    title_vi="Tỷ lệ hệ thống thông tin kết nối qua nền tảng tích hợp, chia sẻ dữ liệu (LGSP)",
    title_en="Information systems connected to the data-sharing platform",
    area="VII",
    inputs=(
        Input("connected", "count", "số hệ thống đã kết nối", "systems connected", meaning_vi='Số hệ thống thông tin của cơ quan đã kết nối qua nền tảng tích hợp, chia sẻ dữ liệu của tỉnh (LGSP)', meaning_en="Your information systems connected through the province's data-sharing platform (LGSP)"),
        Input("systems", "count", "tổng số hệ thống thông tin", "information systems", meaning_vi='Tổng số hệ thống thông tin cơ quan đang vận hành', meaning_en='All information systems your agency runs'),
    ),
    default_target=Goal(">=", 80),
    aggregate="latest",
)
