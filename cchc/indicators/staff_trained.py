"""Cadres, civil servants and public employees trained to the standard of their job position (a share of people,
not of the training plan — that is ``training_plan_completion``); e.g. Hưng Yên 2021–2025 V.5 "Đào tạo, bồi dưỡng
cho 100% CBCCVV cấp tỉnh, cấp huyện, cấp xã đảm bảo trình độ, kỹ năng theo vị trí việc làm"."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="staff_trained",
    title_vi="Tỷ lệ cán bộ, công chức, viên chức được đào tạo, bồi dưỡng đáp ứng yêu cầu vị trí việc làm",
    title_en="Cadres, civil servants and public employees trained to their job position's standard",
    area="V",
    inputs=(
        Input("trained", "count", "số người đã được đào tạo, bồi dưỡng đáp ứng yêu cầu", "people trained to the standard", meaning_vi="Số cán bộ, công chức, viên chức (mỗi người tính một lần) đã được đào tạo, bồi dưỡng đáp ứng trình độ, kỹ năng theo vị trí việc làm đang đảm nhiệm", meaning_en="Cadres, civil servants and public employees (each person counted once) trained to the level and skills their current job position requires"),
        Input("staff", "count", "tổng số cán bộ, công chức, viên chức", "all cadres, civil servants and public employees", meaning_vi="Tổng số cán bộ, công chức, viên chức thuộc phạm vi (người, không phải lượt đào tạo)", meaning_en="All cadres, civil servants and public employees in scope (people, not training places)"),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
