"""Online public services that received at least one online dossier in the period.

Part B of the national portal's ONLINE_SERVICE (QĐ 766): "Tỷ lệ dịch vụ công trực tuyến có phát sinh
hồ sơ — Tử: số DVC có hồ sơ tiếp nhận trực tuyến; Mẫu: số DVC" ("Mô tả công thức tính chỉ số 766",
item 3.2, as kept in github.com/ChippedTopaz/qd766 web/src/formula-document.ts); the portal's fields
are onlineDossierCount / onlineServiceTotal. The document names no target: the portal scores it in
proportion to 100 %, which is the default here.
"""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="online_services_with_dossiers",
    title_vi="Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ",
    title_en="Online public services that received dossiers",
    area="VII",
    inputs=(
        Input("services_with_dossiers", "count", "số DVCTT có hồ sơ trực tuyến", "online services with online dossiers", meaning_vi="Số dịch vụ công trực tuyến có ít nhất một hồ sơ được tiếp nhận trực tuyến trong kỳ", meaning_en="Online public services that received at least one online dossier in the period"),
        Input("online_services", "count", "tổng số DVCTT", "online services", meaning_vi="Tổng số dịch vụ công trực tuyến đang cung cấp (đang công khai, chờ dừng công khai, đang kiểm thử)", meaning_en="All online public services offered (published, awaiting withdrawal, or in testing)"),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
