"""The form jobs: what an agency is asked to report, laid out as an Excel form.

* :func:`progress_forms` — every duty occurrence an agency owes (its own and as a member of a
  collective) whose due date falls in a reporting window (:mod:`cchc.core.periods`);
* :func:`figures_forms` — every indicator the agency's methodology block scores that year, with what
  its numerator and denominator count. Indicators cchc computes itself (plan completion, from
  progress reports) are not asked for.

A form names its agency, province, period and the plan files it was made from (with a content
hash), so :mod:`cchc.app.collect` can check it on return by making the same form again and comparing.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cchc.adapters.forms import Form, FormColumn
from cchc.app.completion import COMPUTED_INDICATORS
from cchc.app.inputs import Inputs, Run, usage_error
from cchc.core.i18n import get_lang, tr
from cchc.core.problems import CchcError

FORM_VERSION = "1"
STATUS_LABELS = {"done": "Đã hoàn thành", "in_progress": "Đang thực hiện", "not_started": "Chưa thực hiện"}  # the form's drop-down, Vietnamese in every language


@dataclass
class MadeForm:
    """One form ready to write, with what it is about."""

    agency: Any
    registry: Any
    slug: str
    form: Form
    file_name: str  # the name ``--all`` gives it
    rows: int


# -- shared --------------------------------------------------------------------------------------


def file_hash(path: str | Path) -> str:
    """The first 12 hex digits of the file's SHA-256: enough to tell that a plan changed."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def registry_and_slug(run: Run, agency_name: str | None, year: int | None = None) -> tuple[Any, str]:
    """``--province``, else the only province loaded, else the one province whose registry knows the
    agency (and, for a year's figures, that has its own methodology file for the year)."""
    ws = run.workspace
    slugs = {id(registry): Path(path).parent.name for path, registry in ws.registries.items()}
    if run.inputs.province:
        registry = ws.registry_for(run.inputs.province)
        return registry, slugs[id(registry)]
    registries = list(ws.registries.values())
    if len(registries) == 1:
        return registries[0], slugs[id(registries[0])]
    if agency_name:
        knowing = [r for r in registries if _knows(r, agency_name)]
        if len(knowing) > 1 and year is not None:
            knowing = [r for r in knowing if (run.inputs.plans / slugs[id(r)] / f"methodology-{year}.yaml").is_file()]
        if len(knowing) == 1:
            return knowing[0], slugs[id(knowing[0])]
    names = ", ".join(sorted(r.province for r in registries))
    raise usage_error(f"có nhiều tỉnh ({names}); chọn bằng --province", f"several provinces ({names}); choose one with --province")


def _knows(registry: Any, name: str) -> bool:
    try:
        registry.find(name)
    except CchcError:
        return False
    return True


def _agency(registry: Any, name: str) -> Any:
    agency = registry.find(name)
    if agency.is_collective:
        raise usage_error(f"'{agency.name}' là một nhóm cơ quan; biểu mẫu lập cho từng cơ quan (dùng --all cho tất cả)", f"'{agency.name}' is a group of agencies; a form is for one agency (use --all for all of them)")
    return agency


def _plan_meta(plans: list[Any]) -> dict[str, str]:
    return {f"plan:{plan.id}": f"{file_hash(plan.path)} {Path(plan.path).name}" for plan in plans if plan.path and Path(plan.path).is_file()}


def _base_meta(kind: str, agency: Any, registry: Any, slug: str, today: dt.date) -> dict[str, str]:
    return {
        "form": kind,
        "version": FORM_VERSION,
        "agency_id": agency.id,
        "agency": agency.name,
        "province": registry.province,
        "province_slug": slug,
        "registry": file_hash(registry.path) if registry.path and Path(registry.path).is_file() else "",
        "made": today.isoformat(),
        "lang": get_lang(),
    }


def _heading(agency: Any, registry: Any, period: str) -> list[str]:
    return [tr(f"Cơ quan: {agency.name} — Tỉnh: {registry.province}", f"Agency: {agency.name} — Province: {registry.province}"), period]


# -- progress -----------------------------------------------------------------------------------


PROGRESS_COLUMNS = (
    FormColumn("STT", "code", 6),
    FormColumn("Kế hoạch", "code", 20),
    FormColumn("Mã", "code", 12),
    FormColumn("Lần", "code", 12),
    FormColumn("Nội dung", "long", 60),
    FormColumn("Hạn", "date", 12),
    FormColumn("Tình trạng", "status", 18, editable=True),
    FormColumn("Ngày hoàn thành", "date", 14, editable=True),
    FormColumn("Sản phẩm/văn bản", "text", 30, editable=True),
    FormColumn("Ghi chú", "text", 24, editable=True),
)


def progress_key(plan_id: str, activity_id: str, occurrence: str) -> str:
    return f"{plan_id}|{activity_id}|{occurrence}"


def progress_file_name(agency_id: str, window: Any) -> str:
    return f"tien-do-{agency_id}-{window.key}{'-lich' if window.calendar else ''}.xlsx"


def progress_forms(inputs: Inputs, period: str, agency_name: str | None, calendar: bool = False, run: Run | None = None) -> list[MadeForm]:
    """The progress form of one agency, or (``agency_name`` None) of every agency that owes something in the window."""
    from cchc.core.periods import BadPeriod, window

    try:
        span = window(period, calendar)
    except BadPeriod:
        raise usage_error(f"kỳ '{period}' không hợp lệ; dùng 2024-Q1 … 2024-Q4, 2024-H1 (6 tháng), 2024 (năm) hoặc 2024-05 (tháng)", f"bad period '{period}'; use 2024-Q1 … 2024-Q4, 2024-H1 (six months), 2024 (year) or 2024-05 (month)") from None
    run = run or Run(inputs)
    registry, slug = registry_and_slug(run, agency_name)
    plans = run.plans_of(registry)
    if agency_name is not None:
        agencies = [_agency(registry, agency_name)]
    else:
        agencies = [a for a in registry.agencies if a.existed_on(span.end)]
    plans = due_in(plans, span)
    made = []
    for agency in agencies:
        form = progress_form(run, registry, slug, plans, agency, span)
        if form.rows or agency_name is not None:
            made.append(form)
    return made


def due_in(plans: list[Any], span: Any) -> list[Any]:
    """The plans cut down to the activities with an occurrence due in the window (read once, not per agency)."""
    from dataclasses import replace

    from cchc.core.schedules import schedule_of

    return [replace(plan, activities=[a for a in plan.activities if any(span.contains(o.due) for o in schedule_of(a, plan.period).occurrences)]) for plan in plans]


def progress_form(run: Run, registry: Any, slug: str, plans: list[Any], agency: Any, span: Any) -> MadeForm:
    """``plans`` as :func:`due_in` leaves them (whole plans give the same form, slower)."""
    from cchc.core.overdue import Duty, duties

    found = []
    for plan in plans:
        for item in duties(plan, registry, agency):
            if isinstance(item, Duty) and span.contains(item.occurrence.due):
                found.append(item)
    found.sort(key=lambda d: (d.occurrence.due, d.plan.id, d.activity.id))
    rows = [[n, d.plan.id, d.activity.id, d.occurrence.key, duty_text(d), d.occurrence.due, None, None, None, None] for n, d in enumerate(found, start=1)]
    used = [p for p in plans if any(d.plan.id == p.id for d in found)]
    meta = {
        **_base_meta("progress", agency, registry, slug, run.inputs.today),
        "period": span.key,
        "calendar": "1" if span.calendar else "0",
        "window": f"{span.start.isoformat()} {span.end.isoformat()}",
        **_plan_meta(used),
    }
    first_year = min((p.period[0] for p in used), default=span.year)
    last_year = max((p.period[1] for p in used), default=span.year)
    form = Form(
        title=tr("BIỂU MẪU BÁO CÁO TIẾN ĐỘ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "CCHC DUTIES PROGRESS REPORT FORM"),
        heading=_heading(agency, registry, tr(f"Kỳ báo cáo: {span.label()} — các nhiệm vụ có hạn trong kỳ", f"Reporting period: {span.label()} — duties due in the period")),
        instructions=[
            tr(
                "Chỉ điền các ô màu vàng: chọn Tình trạng trong danh sách; nếu Đã hoàn thành thì ghi Ngày hoàn thành (ngày/tháng/năm) và số, ký hiệu văn bản hoặc sản phẩm. "
                "Không sửa, thêm hay xóa dòng, cột; gửi lại chính tệp này.",
                "Fill only the yellow cells: pick a status from the list; when done, enter the completion date and the document number or product. "
                "Do not change, add or delete rows or columns; send back this very file.",
            ),
        ],
        columns=list(PROGRESS_COLUMNS),
        rows=rows,
        meta=meta,
        row_keys=[progress_key(d.plan.id, d.activity.id, d.occurrence.key) for d in found],
        statuses=tuple(STATUS_LABELS.values()),
        dates=(dt.date(first_year, 1, 1), dt.date(last_year + 1, 12, 31)),
    )
    return MadeForm(agency, registry, slug, form, progress_file_name(agency.id, span), len(rows))


def duty_text(duty: Any) -> str:
    """The activity as the form shows it: its text, its products, and the collective it is owed through."""
    text = duty.activity.text
    if duty.activity.products:
        text += "\n" + tr("Sản phẩm: ", "Product: ") + "; ".join(duty.activity.products)
    if duty.via:
        text += "\n" + tr(f"Giao cho: {duty.via}", f"Assigned to: {duty.via}")
    return text


# -- figures ------------------------------------------------------------------------------------


FIGURES_COLUMNS = (
    FormColumn("STT", "code", 6),
    FormColumn("Mã chỉ tiêu", "code", 22),
    FormColumn("Chỉ tiêu", "long", 40),
    FormColumn("Ý nghĩa tử số", "text", 36),
    FormColumn("Ý nghĩa mẫu số", "text", 36),
    FormColumn("Tử số", "count", 12, editable=True),
    FormColumn("Mẫu số", "count", 12, editable=True),
    FormColumn("Giá trị", "number", 10, editable=True),
    FormColumn("Đơn vị", "code", 8),
    FormColumn("Nguồn", "text", 24, editable=True),
    FormColumn("Ghi chú", "text", 24, editable=True),
)
NUMERATOR, DENOMINATOR, VALUE = 5, 6, 7


def figures_file_name(agency_id: str, year: int) -> str:
    return f"so-lieu-{agency_id}-{year}.xlsx"


def figures_forms(inputs: Inputs, year: int, agency_name: str | None, run: Run | None = None) -> list[MadeForm]:
    """The figures form of one agency, or (``agency_name`` None) of every agency the methodology scores."""
    run = run or Run(inputs)
    registry, slug = registry_and_slug(run, agency_name, year)
    methodology = run.methodology(year, slug)
    plans = run.plans_of(registry)
    if agency_name is not None:
        agency = _agency(registry, agency_name)
        if methodology.block_for(agency.kind) is None:
            raise CchcError(tr(f"phương pháp '{methodology.id}' không chấm loại cơ quan của '{agency.name}' ({agency.kind}); không có chỉ tiêu nào để hỏi", f"methodology '{methodology.id}' does not score '{agency.name}''s kind ({agency.kind}); there is nothing to ask for"))
        agencies = [agency]
    else:
        agencies = [a for a in registry.agencies if methodology.block_for(a.kind) is not None and a.existed_on(dt.date(year, 12, 31))]
    return [figures_form(run, registry, slug, plans, methodology, agency, year) for agency in agencies]


def indicator_rows(methodology: Any, kind: str) -> list[Any]:
    """The indicators the block scoring ``kind`` needs, in its order, without those cchc computes."""
    from cchc.indicators import INDICATORS

    block = methodology.block_for(kind)
    seen: dict[str, Any] = {}
    for area in block.areas:
        for criterion in area.criteria:
            for name in criterion.indicators:  # a composite asks for each part's figure
                if name not in COMPUTED_INDICATORS:
                    seen.setdefault(name, INDICATORS[name])
    return list(seen.values())


def figures_form(run: Run, registry: Any, slug: str, plans: list[Any], methodology: Any, agency: Any, year: int) -> MadeForm:
    lang = get_lang()
    rows, fixed = [], set()
    for r, indicator in enumerate(indicator_rows(methodology, agency.kind)):
        numerator, denominator, value = indicator.parts
        if numerator is None:
            assert value is not None
            means = (tr(f"Không áp dụng — ghi vào cột Giá trị: {value.meaning(lang)}", f"Not applicable — enter in Value: {value.meaning(lang)}"), tr("Không áp dụng", "Not applicable"))
            fixed |= {(r, NUMERATOR), (r, DENOMINATOR)}
        else:
            assert denominator is not None
            means = (numerator.meaning(lang), denominator.meaning(lang))
        unit = {"%": "%", "minutes": tr("phút", "minutes")}.get(indicator.unit, indicator.unit)
        rows.append([r + 1, indicator.id, indicator.title(lang), *means, None, None, None, unit, None, None])
    meta = {
        **_base_meta("figures", agency, registry, slug, run.inputs.today),
        "year": str(year),
        "methodology": methodology.id + (f" {file_hash(methodology.path)}" if methodology.path and Path(methodology.path).is_file() else ""),
        **_plan_meta(plans),
    }
    form = Form(
        title=tr(f"BIỂU MẪU SỐ LIỆU CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}", f"CCHC INDEX FIGURES FORM {year}"),
        heading=_heading(agency, registry, tr(f"Năm {year} — phương pháp: {methodology.title('vi')}", f"Year {year} — methodology: {methodology.title('en')}")),
        instructions=[
            tr(
                f"Ghi số liệu cả năm {year} vào các ô màu vàng. Tử số và mẫu số là số đếm (như hai cột Ý nghĩa giải thích); khi không có số đếm, ghi tỷ lệ vào cột Giá trị (ví dụ 95,5). "
                "0 trên 0 nghĩa là không có gì phải đo. Dòng không có số liệu để trống. "
                "Tỷ lệ nhiệm vụ kế hoạch hoàn thành đúng hạn được tính từ báo cáo tiến độ, không hỏi ở đây. Không sửa, thêm hay xóa dòng, cột; gửi lại chính tệp này.",
                f"Enter the figures for the whole of {year} in the yellow cells. Numerator and denominator are counts (as the two meaning columns explain); without counts, enter the rate in Value (e.g. 95.5). "
                "0 of 0 means there was nothing to measure. Leave a row empty when there is no figure. "
                "Plan completion is computed from progress reports and not asked here. Do not change, add or delete rows or columns; send back this very file.",
            ),
        ],
        columns=list(FIGURES_COLUMNS),
        rows=rows,
        meta=meta,
        row_keys=[row[1] for row in rows],
        fixed_cells=fixed,
        numerator_column=NUMERATOR,
    )
    return MadeForm(agency, registry, slug, form, figures_file_name(agency.id, year), len(rows))
