"""Dossiers synchronised to the national public-service portal (QĐ 766 DOSSIER_SYNC)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="dossiers_synced",
    title_vi="Tỷ lệ hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia",
    title_en="Dossiers synchronised to the national portal",
    area="VII",
    inputs=(
        Input("synced", "count", "số hồ sơ được đồng bộ", "dossiers synchronised", meaning_vi='Số hồ sơ TTHC đã đồng bộ trạng thái lên Cổng Dịch vụ công quốc gia', meaning_en='Dossiers whose status was synchronised to the national public service portal'),
        Input("dossiers", "count", "tổng số hồ sơ", "dossiers", meaning_vi='Tổng số hồ sơ TTHC tiếp nhận trong kỳ', meaning_en='All dossiers received in the period'),
    ),
    default_target=Goal(">=", 100),
    aliases=("DOSSIER_SYNC",),
)
