"""Agencies (provincial departments) or communes that have assigned civil servants to law- and policy-making meeting the
standards — a share of agencies, not of people; Kế hoạch số 141/KH-UBND ngày 20/11/2025 của UBND tỉnh Bắc Ninh, mục tiêu
II.2 "100% các Sở, ngành bố trí công chức, viên chức làm công tác xây dựng pháp luật; bố trí người làm công tác pháp chế
đảm bảo điều kiện, tiêu chuẩn theo quy định" (cấp tỉnh) and II.3 "100% các xã, phường bố trí công chức xây dựng chính
sách, pháp luật đảm bảo số lượng, điều kiện đáp ứng yêu cầu nhiệm vụ" (cấp xã): one indicator, a target per level."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="lawmaking_staff_assigned",
    title_vi="Tỷ lệ cơ quan, địa phương bố trí công chức xây dựng chính sách, pháp luật đảm bảo số lượng, điều kiện, tiêu chuẩn theo quy định",
    title_en="Agencies and communes that have assigned law- and policy-making civil servants meeting the standards",
    area="II",
    inputs=(
        Input("assigned", "count", "số cơ quan, địa phương đã bố trí đủ người đảm bảo điều kiện, tiêu chuẩn", "agencies and communes staffed to the standard", meaning_vi="Số Sở, ngành (cấp tỉnh) hoặc số xã, phường (cấp xã) đã bố trí công chức, viên chức làm công tác xây dựng chính sách, pháp luật — ở Sở, ngành gồm cả người làm công tác pháp chế — đảm bảo số lượng, điều kiện, tiêu chuẩn theo quy định", meaning_en="Provincial departments (provincial level) or communes and wards (commune level) that have assigned civil servants or public employees to law- and policy-making work — in departments including legal-affairs staff — in the number and with the qualifications the rules require"),
        Input("agencies", "count", "tổng số cơ quan, địa phương thuộc phạm vi", "agencies and communes in scope", meaning_vi="Tổng số Sở, ngành (cấp tỉnh) hoặc tổng số đơn vị hành chính cấp xã (cấp xã) thuộc phạm vi; mỗi cấp một chỉ tiêu, không cộng chung hai cấp", meaning_en="All provincial departments (provincial level) or all commune-level units (commune level) in scope; one target per level, the two levels are not added together"),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
