"""Civil-servant training plan completed (area V, civil service)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="training_plan_completion",
    title_vi="Tỷ lệ hoàn thành kế hoạch đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
    title_en="Civil-servant training plan completed",
    area="V",
    inputs=(
        Input("trained", "count", "số lượt đã đào tạo, bồi dưỡng", "trainees trained"),
        Input("planned", "count", "số lượt theo kế hoạch", "trainees planned"),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
