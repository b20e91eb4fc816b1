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


_SHORTER = (  # official abbreviations, longest phrase first; applied case-insensitively
    (r"kiểm soát thủ tục hành chính", "KSTTHC"),
    (r"cải cách hành chính", "CCHC"),
    (r"thủ tục hành chính", "TTHC"),
    (r"kế hoạch", "KH"),
    (r"ban chỉ đạo", "BCĐ"),
    (r"\s+nhà nước", ""),
    (r"\s+giai đoạn", ""),
)
SHORT_TITLE_LENGTH = 40


def plan_short_title(title: str, province: str, period: str) -> str:
    """A plan's title as a table cell can hold it: "Kế hoạch cải cách hành chính nhà nước tỉnh Hải
    Dương năm 2024" → "KH CCHC năm 2024"; a long remainder is cut at "và" or a word, the period kept."""
    import re

    text = title
    for phrase, short in _SHORTER:
        text = re.sub(phrase, short, text, flags=re.IGNORECASE)
    if province:
        text = re.sub(rf"\s*(trên địa bàn|của)?\s*tỉnh\s+{re.escape(province)}", "", text, flags=re.IGNORECASE)
    text = " ".join(text.split())
    if len(text) > SHORT_TITLE_LENGTH:
        head = text.split(" và ", 1)[0]
        if len(head) > SHORT_TITLE_LENGTH:
            head = head[:SHORT_TITLE_LENGTH].rsplit(" ", 1)[0] + "…"
        text = head if period in head else f"{head} {period}"
    return text[:1].upper() + text[1:]


def plan_label(plan: object) -> str:
    """A plan as a cell or a terminal column shows it: its short official title, and its number
    when the plan file gives one with digits ("số 520")."""
    import re

    short = plan_short_title(plan.title, plan.province, plan.period_label())  # type: ignore[attr-defined]
    number = getattr(plan, "document_number", "") or ""
    return f"{short} ({tr('số', 'no.')} {number})" if re.search(r"\d", number) else short
