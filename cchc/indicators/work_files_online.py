"""Work files handled online; targets differ by level (province / district / commune)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="work_files_online",
    title_vi="Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng",
    title_en="Work files handled online",
    area="VII",
    inputs=(
        Input("handled_online", "count", "số hồ sơ công việc xử lý trên mạng", "work files handled online"),
        Input("work_files", "count", "tổng số hồ sơ công việc", "work files"),
    ),
    default_target=Goal(">=", 80),
)
