"""Reuse of digitised data: dossiers that did not ask again for papers already held (QĐ 766 REUSED_DIGITIZED_DATA)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="data_reuse",
    title_vi="Tỷ lệ khai thác, tái sử dụng thông tin, dữ liệu số hóa",
    title_en="Reuse of digitised data",
    area="VII",
    inputs=(
        Input("reused", "count", "số hồ sơ tái sử dụng dữ liệu số hóa", "dossiers reusing digitised data", meaning_vi='Số hồ sơ TTHC có dùng lại dữ liệu, giấy tờ đã số hóa thay cho bản giấy', meaning_en='Dossiers that reused digitised data or papers instead of asking for paper again'),
        Input("dossiers", "count", "tổng số hồ sơ", "dossiers", meaning_vi='Tổng số hồ sơ TTHC tiếp nhận trong kỳ', meaning_en='All dossiers received in the period'),
    ),
    default_target=Goal(">=", 50),
    aliases=("REUSED_DIGITIZED_DATA",),
)
