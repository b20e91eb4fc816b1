"""Public service units (đơn vị sự nghiệp công lập) cut against a baseline year."""

from cchc.indicators.base import Goal, Input, Reduction

INDICATOR = Reduction(
    id="public_service_units_reduction",
    title_vi="Tỷ lệ giảm đơn vị sự nghiệp công lập so với năm gốc",
    title_en="Public service units reduced against a baseline year",
    area="IV",
    inputs=(
        Input("reduced", "count", "số đơn vị đã giảm so với năm gốc", "units cut since the baseline year", meaning_vi='Số đơn vị sự nghiệp công lập đã giảm so với năm gốc (năm gốc trừ hiện nay)', meaning_en='Public service units cut since the baseline year (baseline minus today)'),
        Input("baseline", "count", "số đơn vị năm gốc", "units in the baseline year", meaning_vi='Số đơn vị sự nghiệp công lập của năm gốc', meaning_en='Public service units in the baseline year'),
    ),
    default_target=Goal(">=", 10, baseline_year=2021),
    aggregate="latest",
)
