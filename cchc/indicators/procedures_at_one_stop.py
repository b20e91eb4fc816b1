"""Procedures received and settled through the one-stop desks (Bộ phận Một cửa, Trung tâm Phục vụ hành chính công); e.g. Hải Dương KSTTHC 2024 II.3.1 "đạt chỉ tiêu 100% thủ tục hành chính"."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="procedures_at_one_stop",
    title_vi="Tỷ lệ TTHC được tiếp nhận, trả kết quả tại Bộ phận Một cửa",
    title_en="Procedures received and settled at the one-stop desks",
    area="III",
    inputs=(
        Input("at_one_stop", "count", "số TTHC tiếp nhận, trả kết quả tại Bộ phận Một cửa", "procedures handled at the one-stop desks"),
        Input("procedures", "count", "tổng số TTHC thuộc thẩm quyền", "procedures in the unit's remit"),
    ),
    default_target=Goal(">=", 100),
)
