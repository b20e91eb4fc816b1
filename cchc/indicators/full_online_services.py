"""Eligible procedures offered as full-process online public services (a stock)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="full_online_services",
    title_vi="Tỷ lệ TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình",
    title_en="Eligible procedures offered fully online",
    area="VII",
    inputs=(
        Input("full_online", "count", "số TTHC cung cấp DVCTT toàn trình", "procedures offered fully online", meaning_vi='Số TTHC đang cung cấp dịch vụ công trực tuyến toàn trình', meaning_en='Procedures offered as a fully online public service'),
        Input("eligible", "count", "số TTHC đủ điều kiện", "eligible procedures", meaning_vi='Số TTHC đủ điều kiện cung cấp trực tuyến toàn trình theo danh mục được phê duyệt', meaning_en='Procedures eligible to be offered fully online under the approved list'),
    ),
    default_target=Goal(">=", 80),
    aggregate="latest",
)
