"""Law-enforcement monitoring activities carried out in full (area II, institutional reform): a compliance target written "100% … đúng quy định"."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="law_monitoring_completion",
    title_vi="Tỷ lệ hoạt động theo dõi thi hành pháp luật được thực hiện đầy đủ",
    title_en="Law-enforcement monitoring activities carried out in full",
    area="II",
    inputs=(
        Input("done", "count", "số hoạt động đã thực hiện", "activities carried out", meaning_vi='Số hoạt động theo dõi thi hành pháp luật đã làm xong theo kế hoạch', meaning_en='Law-enforcement monitoring activities completed as planned'),
        Input("required", "count", "số hoạt động phải thực hiện", "activities required", meaning_vi='Số hoạt động theo dõi thi hành pháp luật phải làm theo kế hoạch năm', meaning_en="Law-enforcement monitoring activities required by the year's plan"),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
