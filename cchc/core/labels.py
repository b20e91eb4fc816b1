"""Names users read for the codes the core uses, in Vietnamese and English, shared by every output."""

from __future__ import annotations

from cchc.core.i18n import tr

AGENCY_KIND_LABELS = {
    "provincial-committee": ("UBND tỉnh", "Provincial committees"),
    "committee-office": ("Văn phòng UBND tỉnh", "Committee offices"),
    "department": ("Sở, ban, ngành", "Departments"),
    "district-committee": ("UBND cấp huyện", "District committees"),
    "commune-committee": ("UBND cấp xã", "Commune committees"),
    "central-agency": ("Cơ quan ngành dọc", "Central agencies"),
    "party-body": ("Cơ quan Đảng", "Party bodies"),
    "mass-organisation": ("Tổ chức chính trị - xã hội", "Mass organisations"),
    "public-service-unit": ("Đơn vị sự nghiệp", "Public service units"),
    "other": ("Khác", "Other"),
}
SCORE_STATUS_LABELS = {
    "met": ("đạt", "met"),
    "not_met": ("không đạt", "not met"),
    "no_data": ("không có số liệu", "no data"),
    "not_applicable": ("không áp dụng", "not applicable"),
}
DUTY_STATE_LABELS = {
    "overdue": ("quá hạn", "overdue"),
    "done_late": ("hoàn thành trễ hạn", "done late"),
    "done_on_time": ("hoàn thành đúng hạn", "done on time"),
    "due_soon": ("sắp đến hạn", "due soon"),
    "not_yet_due": ("chưa đến hạn", "not yet due"),
}
REPORTED_LABELS = {
    "in_progress": ("đang thực hiện", "in progress"),
    "not_started": ("chưa thực hiện", "not started"),
    "done": ("hoàn thành", "done"),
    None: ("chưa báo cáo", "not reported"),
}
SCHEDULE_KIND_LABELS = {
    "dated": ("có hạn", "dated"),
    "recurring": ("định kỳ", "recurring"),
    "continuous": ("thường xuyên", "continuous"),
    "conditional": ("chờ sự kiện", "waiting on an event"),
    "unspecified": ("không ghi thời hạn", "no deadline"),
    "unreadable": ("không đọc được", "unreadable"),
}


def label(table: dict, key: object) -> str:
    """The wording for ``key`` in the current language; unknown keys are shown as they are."""
    pair = table.get(key)
    return tr(*pair) if pair else str(key)
