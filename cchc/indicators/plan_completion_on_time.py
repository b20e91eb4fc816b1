"""Plan activities done on time, from progress reports (occurrences done on time / occurrences due)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="plan_completion_on_time",
    title_vi="Tỷ lệ nhiệm vụ trong kế hoạch hoàn thành đúng hạn",
    title_en="Plan activities completed on time",
    area="I",
    inputs=(
        Input("done_on_time", "count", "số lượt nhiệm vụ hoàn thành đúng hạn", "activity occurrences done on time", meaning_vi='Số lượt nhiệm vụ trong kế hoạch CCHC được báo cáo hoàn thành đúng hạn (cchc tính từ báo cáo tiến độ)', meaning_en='Plan activity occurrences reported done on time (cchc counts them from progress reports)'),
        Input("due", "count", "số lượt nhiệm vụ đến hạn", "activity occurrences due", meaning_vi='Số lượt nhiệm vụ trong kế hoạch CCHC đã đến hạn (cchc tính từ kế hoạch)', meaning_en='Plan activity occurrences that have fallen due (cchc counts them from the plans)'),
    ),
    default_target=Goal(">=", 100),
)
