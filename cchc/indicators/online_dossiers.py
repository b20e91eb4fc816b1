"""Dossiers submitted and settled online (QĐ 766 ONLINE_SERVICE)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="online_dossiers",
    title_vi="Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến",
    title_en="Dossiers submitted online",
    area="VII",
    inputs=(
        Input("online", "count", "số hồ sơ trực tuyến", "dossiers submitted online", meaning_vi='Số hồ sơ TTHC người dân, doanh nghiệp nộp trực tuyến', meaning_en='Dossiers citizens and businesses submitted online'),
        Input("received", "count", "tổng số hồ sơ tiếp nhận", "dossiers received", meaning_vi='Tổng số hồ sơ TTHC tiếp nhận trong kỳ (trực tuyến và trực tiếp)', meaning_en='All dossiers received in the period (online and in person)'),
    ),
    default_target=Goal(">=", 50),
    aliases=("ONLINE_SERVICE",),
)
