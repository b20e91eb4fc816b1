"""Results synchronised to citizens' personal data stores on the national portal (QĐ 766 SYNCED_WITH_DVCQG_PERSONAL_STORAGE)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="personal_storage_synced",
    title_vi="Tỷ lệ kết quả được đồng bộ vào Kho dữ liệu cá nhân trên Cổng DVCQG",
    title_en="Results synchronised to personal data stores",
    area="VII",
    inputs=(
        Input("synced", "count", "số kết quả được đồng bộ", "results synchronised", meaning_vi='Số kết quả giải quyết TTHC đã đồng bộ vào Kho dữ liệu cá nhân của người dân, doanh nghiệp trên Cổng DVCQG', meaning_en="Results synchronised into the applicant's personal data store on the national portal"),
        Input("results", "count", "tổng số kết quả", "results", meaning_vi='Tổng số kết quả giải quyết TTHC đã cấp trong kỳ', meaning_en='All results of procedures issued in the period'),
    ),
    default_target=Goal(">=", 100),
    aliases=("SYNCED_WITH_DVCQG_PERSONAL_STORAGE",),
)
