"""Agencies and units whose job-position scheme (Đề án vị trí việc làm) is approved; e.g. Hưng Yên 2021–2025 V.1 "Phê duyệt Đề án vị trí việc làm … tại 100% các cơ quan hành chính, đơn vị sự nghiệp cấp tỉnh, cấp huyện"."""

from cchc.indicators.base import Goal, Input, Ratio

INDICATOR = Ratio(
    id="job_position_schemes_approved",
    title_vi="Tỷ lệ cơ quan, đơn vị được phê duyệt Đề án vị trí việc làm",
    title_en="Agencies and units with an approved job-position scheme",
    area="V",
    inputs=(
        Input("approved", "count", "số cơ quan, đơn vị có Đề án vị trí việc làm được phê duyệt", "agencies and units with an approved scheme", meaning_vi="Số cơ quan hành chính, đơn vị sự nghiệp công lập đã được cấp có thẩm quyền phê duyệt Đề án vị trí việc làm (Nghị định 62/2020/NĐ-CP, Nghị định 106/2020/NĐ-CP)", meaning_en="Administrative agencies and public service units whose job-position scheme has been approved by the competent authority (Decrees 62/2020 and 106/2020)"),
        Input("units", "count", "tổng số cơ quan, đơn vị phải có Đề án", "agencies and units that need a scheme", meaning_vi="Tổng số cơ quan hành chính, đơn vị sự nghiệp công lập thuộc phạm vi phải xây dựng Đề án vị trí việc làm", meaning_en="All administrative agencies and public service units that must draw up a job-position scheme"),
    ),
    default_target=Goal(">=", 100),
    aggregate="latest",
)
