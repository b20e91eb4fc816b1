"""Procedures received and settled through the one-stop desks (Bộ phận Một cửa, Trung tâm Phục vụ hành chính công); e.g. Hải Dương KSTTHC 2024 II.3.1 "đạt chỉ tiêu 100% thủ tục hành chính"."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="procedures_at_one_stop",
    title_vi="Tỷ lệ TTHC được tiếp nhận, trả kết quả tại Bộ phận Một cửa",
    title_en="Procedures received and settled at the one-stop desks",
    area="III",
    inputs=(
        Input("at_one_stop", "count", "số TTHC tiếp nhận, trả kết quả tại Bộ phận Một cửa", "procedures handled at the one-stop desks", meaning_vi="Số thủ tục hành chính mà đơn vị tiếp nhận hồ sơ và trả kết quả tại Bộ phận Một cửa", meaning_en="Procedures whose dossiers the unit receives and whose results it returns at the one-stop desk"),
        Input("procedures", "count", "tổng số TTHC thuộc thẩm quyền", "procedures in the unit's remit", meaning_vi="Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của đơn vị", meaning_en="All administrative procedures the unit is competent to settle"),
    ),
    default_target=Goal(">=", 100),
)
