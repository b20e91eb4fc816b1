"""Dossiers passed between agencies in electronic form."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="internal_electronic_transfer",
    title_vi="Tỷ lệ hồ sơ TTHC được luân chuyển nội bộ bằng phương thức điện tử",
    title_en="Dossiers transferred between agencies electronically",
    area="VII",
    inputs=(
        Input("transferred_electronically", "count", "số hồ sơ luân chuyển điện tử", "dossiers transferred electronically"),
        Input("transferred", "count", "tổng số hồ sơ luân chuyển", "dossiers transferred"),
    ),
    default_target=Goal(">=", 70),
)
