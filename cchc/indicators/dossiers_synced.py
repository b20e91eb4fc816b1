"""Dossiers synchronised to the national public-service portal (QĐ 766 DOSSIER_SYNC)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="dossiers_synced",
    title_vi="Tỷ lệ hồ sơ được đồng bộ lên Cổng Dịch vụ công quốc gia",
    title_en="Dossiers synchronised to the national portal",
    area="VII",
    inputs=(
        Input("synced", "count", "số hồ sơ được đồng bộ", "dossiers synchronised"),
        Input("dossiers", "count", "tổng số hồ sơ", "dossiers"),
    ),
    default_target=Goal(">=", 100),
    aliases=("DOSSIER_SYNC",),
)
