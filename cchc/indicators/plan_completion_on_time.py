"""Plan activities done on time, from progress reports (occurrences done on time / occurrences due)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="plan_completion_on_time",
    title_vi="Tỷ lệ nhiệm vụ trong kế hoạch hoàn thành đúng hạn",
    title_en="Plan activities completed on time",
    area="I",
    inputs=(
        Input("done_on_time", "count", "số lượt nhiệm vụ hoàn thành đúng hạn", "activity occurrences done on time"),
        Input("due", "count", "số lượt nhiệm vụ đến hạn", "activity occurrences due"),
    ),
    default_target=Goal(">=", 100),
)
