"""Law- and policy-making civil servants with a law degree or higher; Kế hoạch số 141/KH-UBND ngày 20/11/2025 của UBND
tỉnh Bắc Ninh (nâng cao năng lực đội ngũ xây dựng chính sách, pháp luật 2026 - 2030), mục tiêu II.1 "100% đội ngũ cán bộ,
công chức xây dựng chính sách, pháp luật trên địa bàn tỉnh có trình độ đại học Luật hoặc chuyên ngành luật trở lên"."""

from cchc.indicators.base import Goal, Input, Ratio

# The population of goals II.1, II.4 and II.5 of the plan (the share of agencies, II.2–II.3, counts agencies instead).
STAFF = Input("staff", "count", "tổng số cán bộ, công chức xây dựng chính sách, pháp luật", "all law- and policy-making civil servants", meaning_vi="Tổng số cán bộ, công chức làm công tác tham mưu xây dựng chính sách, pháp luật thuộc phạm vi, tại thời điểm báo cáo (người, không phải lượt)", meaning_en="All cadres and civil servants whose work is drafting policy and law in scope, at the reporting date (people, not places)")

INDICATOR = Ratio(
    id="lawmaking_staff_law_degree",
    title_vi="Tỷ lệ cán bộ, công chức xây dựng chính sách, pháp luật có trình độ đại học Luật hoặc chuyên ngành luật trở lên",
    title_en="Law- and policy-making civil servants with a law degree or higher",
    area="II",
    inputs=(
        Input("law_degree", "count", "số người có trình độ đại học Luật hoặc chuyên ngành luật trở lên", "people with a law degree or higher", meaning_vi="Số cán bộ, công chức xây dựng chính sách, pháp luật (mỗi người tính một lần) có bằng đại học Luật hoặc đại học chuyên ngành luật trở lên (thạc sĩ, tiến sĩ luật), tại thời điểm báo cáo", meaning_en="Law- and policy-making cadres and civil servants (each person counted once) holding a bachelor's degree in law or a law major or higher (master's or doctorate in law), at the reporting date"),
        STAFF,
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
