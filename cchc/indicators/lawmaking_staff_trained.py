"""Law- and policy-making civil servants trained in law-making skills and given the materials (people, each counted
once; not every cadre trained to their job position — that is ``staff_trained``); Kế hoạch số 141/KH-UBND ngày
20/11/2025 của UBND tỉnh Bắc Ninh, mục tiêu II.5 "100% đội ngũ cán bộ, công chức xây dựng chính sách, pháp luật được tập
huấn, bồi dưỡng và cung cấp tài liệu để nâng cao trình độ, kỹ năng xây dựng chính sách, pháp luật"."""

from cchc.indicators.base import Goal, Input, Ratio
from cchc.indicators.lawmaking_staff_law_degree import STAFF

INDICATOR = Ratio(
    id="lawmaking_staff_trained",
    title_vi="Tỷ lệ cán bộ, công chức xây dựng chính sách, pháp luật được tập huấn, bồi dưỡng kỹ năng xây dựng chính sách, pháp luật",
    title_en="Law- and policy-making civil servants trained in law-making skills",
    area="II",
    inputs=(
        Input("trained", "count", "số người đã được tập huấn, bồi dưỡng và cung cấp tài liệu", "people trained and given the materials", meaning_vi="Số cán bộ, công chức xây dựng chính sách, pháp luật (mỗi người tính một lần, không tính lượt) đã được tập huấn, bồi dưỡng và được cung cấp tài liệu để nâng cao trình độ, kỹ năng xây dựng chính sách, pháp luật, cộng dồn trong giai đoạn của kế hoạch đến thời điểm báo cáo", meaning_en="Law- and policy-making cadres and civil servants (each person counted once, not training places) trained and given materials to improve their law- and policy-making skills, cumulative over the plan's period up to the reporting date"),
        STAFF,
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
