"""Dossiers passed between agencies in electronic form."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="internal_electronic_transfer",
    title_vi="Tỷ lệ hồ sơ TTHC được luân chuyển nội bộ bằng phương thức điện tử",
    title_en="Dossiers transferred between agencies electronically",
    area="VII",
    inputs=(
        Input("transferred_electronically", "count", "số hồ sơ luân chuyển điện tử", "dossiers transferred electronically", meaning_vi='Số hồ sơ TTHC chuyển giữa các bộ phận, cơ quan bằng hệ thống điện tử', meaning_en='Dossiers passed between offices and agencies through the electronic system'),
        Input("transferred", "count", "tổng số hồ sơ luân chuyển", "dossiers transferred", meaning_vi='Tổng số hồ sơ TTHC phải chuyển giữa các bộ phận, cơ quan trong kỳ', meaning_en='All dossiers that had to pass between offices and agencies in the period'),
    ),
    default_target=Goal(">=", 70),
)
