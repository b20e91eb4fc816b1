"""Law- and policy-making civil servants who came from the talent sources (attracted, recruited or received: excellent
graduates, masters and doctors of law, experts, legal scholars, highly qualified jurists); Kế hoạch số 141/KH-UBND ngày
20/11/2025 của UBND tỉnh Bắc Ninh, mục tiêu II.4 "Trong giai đoạn 2026 - 2030 phấn đấu có ít nhất 10% đội ngũ cán bộ, công
chức xây dựng chính sách, pháp luật từ nguồn thu hút, tuyển dụng, tiếp nhận người có tài năng …"."""

from cchc.indicators.base import Goal, Input, Ratio
from cchc.indicators.lawmaking_staff_law_degree import STAFF

INDICATOR = Ratio(
    id="lawmaking_staff_from_talent",
    title_vi="Tỷ lệ cán bộ, công chức xây dựng chính sách, pháp luật từ nguồn thu hút, tuyển dụng, tiếp nhận người có tài năng",
    title_en="Law- and policy-making civil servants recruited from talent sources",
    area="II",
    inputs=(
        Input("from_talent", "count", "số người từ nguồn thu hút, tuyển dụng, tiếp nhận người có tài năng", "people from talent sources", meaning_vi="Số cán bộ, công chức xây dựng chính sách, pháp luật (mỗi người tính một lần) vào công tác từ nguồn thu hút, tuyển dụng, tiếp nhận người có tài năng: sinh viên tốt nghiệp xuất sắc, thạc sĩ, tiến sĩ chuyên ngành luật, chuyên gia, nhà khoa học pháp lý, luật gia có trình độ cao; tại thời điểm báo cáo", meaning_en="Law- and policy-making cadres and civil servants (each person counted once) who joined through the schemes to attract, recruit or receive talent: excellent graduates, masters and doctors of law, experts, legal scholars, highly qualified jurists; at the reporting date"),
        STAFF,
    ),
    default_target=Goal(">=", 10),
    aggregate="latest",
)
