"""Procedures with fees whose dossiers carry their fee data to the national portal.

One part of the national portal's ONLINE_PAYMENT (QĐ 766): "X: Tổng số TTHC có hồ sơ có đồng bộ dữ liệu
phí, lệ phí trên Cổng; Y: Tổng số TTHC có thông tin phí lệ phí trong CSDL thủ tục hành chính"
("Mô tả công thức tính chỉ số 766", item 3.5, as kept in github.com/ChippedTopaz/qd766
web/src/formula-document.ts); the portal's fields are totalFeeDossierFormality / totalFeeFormality.
"""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="fee_data_synced_procedures",
    title_vi="Tỷ lệ TTHC có phí, lệ phí có hồ sơ đồng bộ dữ liệu phí, lệ phí lên Cổng Dịch vụ công quốc gia",
    title_en="Procedures with fees whose dossiers carry fee data to the national portal",
    area="III",
    inputs=(
        Input("procedures_with_fee_data", "count", "số TTHC có hồ sơ đồng bộ dữ liệu phí, lệ phí", "procedures with fee data synchronised", meaning_vi="Số TTHC có phí, lệ phí có hồ sơ trong kỳ đã đồng bộ dữ liệu phí, lệ phí (khác 0) lên Cổng Dịch vụ công quốc gia", meaning_en="Procedures with fees having dossiers in the period whose fee data (not 0) was synchronised to the national portal"),
        Input("procedures_with_fees", "count", "số TTHC có thông tin phí, lệ phí", "procedures with fees", meaning_vi="Tổng số TTHC có thông tin phí, lệ phí (khác 0) trong Cơ sở dữ liệu quốc gia về TTHC", meaning_en="All procedures with a fee or charge (not 0) in the national procedures database"),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
