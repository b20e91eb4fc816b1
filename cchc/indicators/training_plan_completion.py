"""Civil-servant training plan completed (area V, civil service)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="training_plan_completion",
    title_vi="Tỷ lệ hoàn thành kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
    title_en="Civil-servant training plan completed",
    area="V",
    inputs=(
        Input("trained", "count", "số lượt đã đào tạo, bồi dưỡng", "trainees trained", meaning_vi='Số lượt cán bộ, công chức, viên chức đã được đào tạo, bồi dưỡng trong năm', meaning_en='Training places filled by staff during the year'),
        Input("planned", "count", "số lượt theo kế hoạch", "trainees planned", meaning_vi='Số lượt đào tạo, bồi dưỡng theo kế hoạch năm', meaning_en="Training places in the year's plan"),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
