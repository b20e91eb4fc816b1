"""Procedure disclosures updated on time (QĐ 766 PUBLIC_UPDATE_ON_TIME)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="procedures_updated_on_time",
    title_vi="Tỷ lệ TTHC được cập nhật, công khai đúng hạn",
    title_en="Procedure disclosures updated on time",
    area="III",
    inputs=(
        Input("updated_on_time", "count", "số TTHC cập nhật, công khai đúng hạn", "procedures updated on time", meaning_vi='Số TTHC được cập nhật, công khai trên Cơ sở dữ liệu quốc gia về TTHC đúng hạn', meaning_en='Procedures updated and disclosed in the national procedures database on time'),
        Input("to_update", "count", "tổng số TTHC phải cập nhật, công khai", "procedures to update", meaning_vi='Tổng số TTHC phải cập nhật, công khai trong kỳ', meaning_en='All procedures that had to be updated and disclosed in the period'),
    ),
    default_target=Goal(">=", 100),
    aliases=("PUBLIC_UPDATE_ON_TIME",),
)
