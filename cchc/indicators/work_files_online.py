"""Work files handled online; targets differ by level (province / district / commune)."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="work_files_online",
    title_vi="Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng",
    title_en="Work files handled online",
    area="VII",
    inputs=(
        Input("handled_online", "count", "số hồ sơ công việc xử lý trên mạng", "work files handled online", meaning_vi='Số hồ sơ công việc được xử lý, trình duyệt trên hệ thống quản lý văn bản, điều hành', meaning_en='Work files handled and approved in the document management system'),
        Input("work_files", "count", "tổng số hồ sơ công việc", "work files", meaning_vi='Tổng số hồ sơ công việc phát sinh trong kỳ', meaning_en='All work files opened in the period'),
    ),
    default_target=Goal(">=", 80),
)
