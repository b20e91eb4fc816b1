"""Procedures offered as an online public service, partly or fully (a stock).

Part A of the national portal's ONLINE_SERVICE (QĐ 766): "Tỷ lệ TTHC cung cấp dịch vụ công trực
tuyến = Số TTHC có DVCTT một phần, DVCTT toàn trình / Tổng số TTHC thuộc thẩm quyền giải quyết";
full marks from 80 % ("Mô tả công thức tính chỉ số 766", item 3.1, as kept in
github.com/ChippedTopaz/qd766 web/src/formula-document.ts). The portal's fields are
(partialCount + fullCount) / authorityCount. Not ``full_online_services`` (fully online only).
"""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="online_service_procedures",
    title_vi="Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến",
    title_en="Procedures offered as online public services",
    area="VII",
    inputs=(
        Input("offered_online", "count", "số TTHC có DVCTT một phần hoặc toàn trình", "procedures offered online", meaning_vi="Số TTHC đang cung cấp dịch vụ công trực tuyến một phần hoặc toàn trình (một TTHC có cả hai chỉ tính một lần)", meaning_en="Procedures offered as a partly or fully online public service (a procedure offering both counts once)"),
        Input("procedures", "count", "tổng số TTHC thuộc thẩm quyền", "procedures under the agency's authority", meaning_vi="Tổng số TTHC thuộc thẩm quyền giải quyết của cơ quan, đơn vị", meaning_en="All procedures the agency is competent to settle"),
    ),
    default_target=Goal(">=", 80),
    aggregate="latest",
)
