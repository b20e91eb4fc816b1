"""Plans written as prose, with no task table: sections, numbered headings, bullets and the lines that
assign them.

Many plans are written as text rather than as a table (Kế hoạch 141/KH-UBND ngày 20/11/2025 của UBND
tỉnh Bắc Ninh; Hải Dương's 2024 plan; most commune plans)::

    III. NHIỆM VỤ, GIẢI PHÁP                       a section: its title decides how it is read
    1. Rà soát, kiện toàn đội ngũ …                an area
    - Thường xuyên rà soát, kiện toàn …            an activity
    Đơn vị chủ trì thực hiện: Các Sở, ngành …      its lead, co-operators and deadline as written; they
    Đơn vị phối hợp: Sở Nội vụ, Sở Tư pháp.        apply to every activity since the previous
    Thời gian thực hiện: Thường xuyên.             assignment in the same area

Goal sections ("MỤC TIÊU", "CHỈ TIÊU", or "a) Chỉ tiêu" inside an area) become objectives, whose
percentages the pipeline binds to indicators; "TỔ CHỨC THỰC HIỆN" gives one activity per duty, led by
the agency its sentence opens with or by the agency heading above it ("2. Sở Nội vụ"); a lettered item
with bullets under it heads them as a task; an annex table after the signature with a lead column
("TT | Chỉ tiêu | Chủ trì") gives one activity per row. Purpose, viewpoint, budget and reporting
sections are context. Whatever is not read into the plan (context sections, an introduction where
bullets under the same heading carry the tasks, labels such as "Trọng tâm:", empty headings) is listed
in the report with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc.adapters.importer import GUESS, SKIP, ImportNote, ImportResult
from cchc.adapters.importer.agencies import AgencySplitter, looks_like_agency
from cchc.adapters.importer.cells import sentence_case
from cchc.adapters.importer.draftplan import DraftActivity, DraftArea, DraftObjective, DraftPlan, DraftTask
from cchc.adapters.importer.official import distinct, read_heading
from cchc.adapters.importer.sources import Row
from cchc.core.i18n import tr
from cchc.core.text import fold

_SECTION = re.compile(r"^(?P<num>[IVX]{1,5})\s*[.:/]\s*(?P<text>\S.*)$")
_NUMBERED = re.compile(r"^(?P<num>\d{1,2})\s*[.)]\s*(?P<text>\D.*)$")
_SUBNUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,2})\s*[.)]?\s+(?P<text>\S.*)$")
_LETTERED = re.compile(r"^(?P<num>[a-zđ])\s*\)\s*(?P<text>\S.*)$")
_BULLET = re.compile(r"^[-–—+•]\s*(?P<text>\S.*)$")
_ASSIGNMENT = re.compile(
    r"^[-–+•]?\s*(?P<label>(?:đơn vị|cơ quan)\s+(?:chủ trì|thực hiện|phối hợp)[^:]{0,40}|thời (?:gian|hạn)[^:]{0,30}|tiến độ|sản phẩm)"
    r"\s*:\s*(?P<value>.*)$",
    re.I,
)
_LABEL = re.compile(r"^[^.;:]{2,40}:$")  # "Trọng tâm:", "Nhiệm vụ cụ thể:"
_DOC_WORD = re.compile(r"^(kế hoạch|chương trình|quyết định)$", re.I)
# "Chủ trì triển khai các nhiệm vụ tại mục (IV) (1) của Kế hoạch": a duty that puts its lead in charge of an area.
_IN_CHARGE_OF = re.compile(r"^chủ trì\b[^.;]*?\bmục\s*(?P<refs>(?:\(?\s*(?:[IVX]+|\d+(?:\.\d+)*)\s*\)?\s*)+)", re.I)
_LEADS_WITH = re.compile(r"^(?:giao\s+)?(?P<name>.+?)\s+(?:chủ trì|có trách nhiệm|chịu trách nhiệm)\b", re.I)

_CONTEXT = ("muc dich", "yeu cau", "quan diem", "kinh phi", "che do bao cao", "che do thong tin", "dieu khoan thi hanh")
_GOAL_WORDS = ("muc tieu", "chi tieu")
_TASK_WORDS = ("nhiem vu", "giai phap", "noi dung")

CONTEXT, GOALS, TASKS, ORGANISATION, ANNEX = "context", "goals", "tasks", "organisation", "annex"
_ANNEX_WORD = re.compile(r"^phu luc(?:\s+[0-9ivx]+)?$")
# Columns of an annex table: "TT | Chỉ tiêu | Chủ trì" (who answers for each goal), "Nội dung | Chủ trì | Phối hợp | Thời gian".
_COLUMNS = (("number", ("tt", "stt", "so tt")), ("lead", ("chu tri",)), ("coop", ("phoi hop",)),
            ("deadline", ("thoi gian", "thoi han", "tien do")), ("text", ("chi tieu", "noi dung", "nhiem vu")))


def section_kind(title: str) -> str:
    """How a section is read, from its title ("III. NHIỆM VỤ, GIẢI PHÁP" -> tasks)."""
    words = fold(title)
    if "to chuc thuc hien" in words:
        return ORGANISATION
    if any(w in words for w in _TASK_WORDS):
        return TASKS
    if any(w in words for w in _GOAL_WORDS):
        return GOALS
    if any(w in words for w in _CONTEXT):
        return CONTEXT
    return TASKS  # "PHÁT TRIỂN NỀN MÓNG KINH TẾ SỐ": what the plan will do


def is_narrative(rows: list[Row]) -> bool:
    """A section heading ("II. NHIỆM VỤ …") with at least one item under it that reads as a task."""
    kind = None
    for row in rows:
        text = _text(row)
        section = _SECTION.match(text)
        if section:
            kind = section_kind(section.group("text"))
        elif kind in (TASKS, ORGANISATION) and (_BULLET.match(text) or _NUMBERED.match(text) or _ASSIGNMENT.match(text)):
            return True
    return False


def _text(row: Row) -> str:
    return " ".join(distinct(row.cells)).strip()


def _clean(text: str) -> str:
    return text.strip().rstrip(" .;:").strip()


@dataclass(slots=True)
class _Reader:
    """Walks the rows once; ``group`` holds the activities the next assignment lines apply to."""

    splitter: AgencySplitter
    draft: DraftPlan = field(default_factory=DraftPlan)
    report: list[ImportNote] = field(default_factory=list)
    kind: str = CONTEXT
    section: tuple[str, str, int] = ("", "", 0)  # roman numeral, title, line
    area: DraftArea | None = None
    task: DraftTask | None = None
    lettered: DraftActivity | None = None  # an "a) …" item that becomes a heading if bullets follow it
    lettered_task: bool = False  # the current task is such a heading: the next lettered item ends it
    goals: bool = False  # inside "a) Chỉ tiêu" of an area
    group: list[DraftActivity] = field(default_factory=list)
    assigned: bool = False  # the group has had an assignment line: the next item starts a new group
    unassigned: list[DraftActivity] = field(default_factory=list)  # paragraphs kept only if assigned
    duty_lead: str | None = None  # "1. Sở Tư pháp" heading the duties below it in "Tổ chức thực hiện"
    context_lines: tuple[int, int] | None = None  # first and last line of the context section being skipped
    guessed_leads: list[tuple[DraftActivity, str]] = field(default_factory=list)
    annex_title: list[tuple[int, str]] = field(default_factory=list)  # lines above an annex table
    columns: dict[str, int] | None = None  # role -> cell index, once the annex table's header is read

    def read(self, rows: list[Row]) -> None:
        for row in rows:
            text = _text(row)
            if not text:
                continue
            if self.kind == ANNEX or _ANNEX_WORD.match(fold(text).rstrip(" .:")):
                self._annex_row(row, text)
                continue
            section = _SECTION.match(text)
            if section:
                self._close_area()
                self._start_section(section.group("num"), section.group("text"), row.line)
            elif self.kind == CONTEXT:
                self._skip_context(row.line)
            elif self.kind == GOALS:
                self._goal(text, row.line)
            else:
                self._item(text, row.line)
        self._close_area()
        self._skip_context(None)

    # -- sections ----------------------------------------------------------------------------------

    def _start_section(self, numeral: str, title: str, line: int) -> None:
        self._skip_context(None)
        self.kind = section_kind(title)
        self.section = (numeral, title, line)
        self.area = self.task = self.lettered = None
        self.lettered_task = self.goals = False
        self.duty_lead = None
        self.context_lines = (line, line) if self.kind == CONTEXT else None

    def _skip_context(self, line: int | None) -> None:
        """Extend the context section being skipped, or (``line`` None) report it once it ends."""
        if line is not None:
            if self.context_lines:
                self.context_lines = (self.context_lines[0], line)
            return
        if self.context_lines:
            first, last = self.context_lines
            numeral, title, _ = self.section
            span = f"{first}–{last}" if last != first else str(first)
            self.report.append(ImportNote(first, SKIP, tr(
                f"dòng {span}: mục {numeral}. {title} là phần dẫn (mục đích, yêu cầu, kinh phí …), không phải nhiệm vụ",
                f"lines {span}: section {numeral}. {title} is context (purpose, requirements, budget …), not tasks",
            )))
            self.context_lines = None

    def _section_area(self, line: int) -> DraftArea:
        """The area items go into: the current numbered heading, else the section itself."""
        if self.area is None:
            numeral, title, section_line = self.section
            self.area = self._new_area(numeral, sentence_case(title), section_line or line)
        return self.area

    def _new_area(self, area_id: str, title: str, line: int) -> DraftArea:
        taken = {a.id for a in self.draft.areas}
        unique, n = area_id, 2
        while unique in taken:
            unique, n = f"{area_id}-{n}", n + 1
        area = DraftArea(unique, _clean(title), line)
        self.draft.areas.append(area)
        return area

    # -- goals -------------------------------------------------------------------------------------

    def _goal(self, text: str, line: int) -> None:
        area = self._section_area(line)
        match = _NUMBERED.match(text) or _LETTERED.match(text) or _BULLET.match(text)
        number = match.group("num") if match and "num" in match.groupdict() else ""
        body = match.group("text") if match else text
        self._objective(area, body, number, line)

    def _objective(self, area: DraftArea, text: str, number: str, line: int) -> None:
        objective_id = f"{area.id}.obj{len(area.objectives) + 1}"
        area.objectives.append(DraftObjective(objective_id, text.strip(), line, number=number))

    # -- tasks and duties --------------------------------------------------------------------------

    def _item(self, text: str, line: int) -> None:
        assignment = _ASSIGNMENT.match(text)
        if assignment:
            self._assign(assignment.group("label"), assignment.group("value"), line)
            return
        numbered = _NUMBERED.match(text)
        if numbered and self.kind == TASKS:
            self._close_area()
            self.area = self._new_area(f"{self.section[0]}.{numbered.group('num')}", numbered.group("text"), line)
            self.task = self.lettered = None
            self.lettered_task = self.goals = False
            return
        sub = _SUBNUMBERED.match(text)
        if sub and self.kind == TASKS:
            self._close_group()
            area = self._section_area(line)
            self.task = DraftTask(f"{area.id}.task{len(area.tasks) + 1}", _clean(sub.group("text")), line, number=sub.group("num"))
            area.tasks.append(self.task)
            self.lettered = None
            self.lettered_task = False
            return
        lettered = _LETTERED.match(text)
        if lettered and self.kind == TASKS:
            words = fold(_clean(lettered.group("text")))
            if words in ("chi tieu", "chi tieu chu yeu", "muc tieu", "cac chi tieu"):
                self._close_group()
                self.goals = True
                return
            if words in ("nhiem vu", "nhiem vu, giai phap", "nhiem vu cu the", "cac nhiem vu"):
                self._close_group()
                self.goals = False
                return
        if self.goals:
            match = _BULLET.match(text) or lettered
            self._objective(self._section_area(line), match.group("text") if match else text, "", line)
            return
        if _LABEL.match(text):
            self.report.append(ImportNote(line, SKIP, tr(f"dòng {line}: nhãn '{text}', không phải nhiệm vụ", f"line {line}: label '{text}', not a task")))
            return
        if numbered and self.kind == ORGANISATION and self._names_agency(numbered.group("text").strip()):
            self._close_group()
            self.duty_lead = _clean(numbered.group("text"))
            return
        bullet = _BULLET.match(text)
        if bullet and self.lettered is not None and not self.assigned:
            self._lettered_to_heading()
        if self.assigned:
            self._close_group()
        if numbered:  # a numbered duty of "Tổ chức thực hiện"
            self.duty_lead = None
            activity = self._activity(numbered.group("text"), numbered.group("num"), line)
        elif lettered:
            if self.lettered_task:
                self.task, self.lettered_task = None, False
            activity = self._activity(lettered.group("text"), f"{lettered.group('num')})", line)
            if self.kind == TASKS:
                self.lettered = activity
        elif bullet:
            activity = self._activity(bullet.group("text"), "", line)
        else:
            activity = self._activity(text, "", line)
            if self.kind == TASKS:
                self.unassigned.append(activity)
        if self.kind == ORGANISATION:
            if self.duty_lead:
                activity.lead.append(self.duty_lead)
            else:
                self._lead_from_sentence(activity)

    def _activity(self, text: str, number: str, line: int) -> DraftActivity:
        activity = DraftActivity("", text.strip(), line, number=number)  # numbered once the document is read
        holder = self.task if self.task is not None else self._section_area(line)
        holder.activities.append(activity)
        self.group.append(activity)
        return activity

    def _lettered_to_heading(self) -> None:
        """'a) Phổ cập kết nối số …' followed by bullets is the heading of those bullets."""
        item = self.lettered
        assert item is not None
        holder = self.task if self.task is not None else self._section_area(item.line)
        holder.activities.remove(item)
        self.group.remove(item)
        area = self._section_area(item.line)
        self.task = DraftTask(f"{area.id}.task{len(area.tasks) + 1}", _clean(item.text), item.line, number=item.number)
        area.tasks.append(self.task)
        self.lettered = None
        self.lettered_task = True

    def _assign(self, label: str, value: str, line: int) -> None:
        if not self.group:
            self.report.append(ImportNote(line, SKIP, tr(
                f"dòng {line}: '{label}: {value}' không đứng sau nhiệm vụ nào; bỏ qua",
                f"line {line}: '{label}: {value}' follows no task; skipped",
            )))
            return
        words = fold(label)
        value = _clean(value)
        for activity in self.group:
            if "phoi hop" in words:
                activity.coop.append(value)
            elif words.startswith(("thoi", "tien do")):
                activity.deadline = f"{activity.deadline}; {value}" if activity.deadline else value
            elif words.startswith("san pham"):
                activity.products.append(value)
            else:
                activity.lead.append(value)
        self.assigned = True
        self.unassigned = [a for a in self.unassigned if a not in self.group]

    def _close_group(self) -> None:
        self.group = []
        self.assigned = False
        self.lettered = None  # only an item of the open group can still become a heading

    def _close_area(self) -> None:
        """End the area. Paragraphs no assignment line claimed are an introduction when bullets or lettered
        items under the same heading carry its tasks; when the heading has nothing else, they are its tasks."""
        self._close_group()
        area = self.area
        holders = [] if area is None else [area, *area.tasks]
        for activity in self.unassigned:
            holder = next((h for h in holders if activity in h.activities), None)
            if holder is not None and any(a not in self.unassigned for a in holder.activities):
                holder.activities.remove(activity)
                self.report.append(ImportNote(activity.line, SKIP, tr(
                    f"dòng {activity.line}: đoạn văn không có cơ quan, thời gian thực hiện (phần giới thiệu): '{activity.text[:60]}…'",
                    f"line {activity.line}: a paragraph with no agency or time (an introduction): '{activity.text[:60]}…'",
                )))
        self.unassigned = []

    def _names_agency(self, text: str) -> bool:
        """'Sở Khoa học và Công nghệ' or 'Các sở, ban ngành; UBND các huyện …' (a heading over duties, no
        full stop), not 'Sở Tài chính chủ trì, phối hợp … .'."""
        text = text.rstrip(" :")
        if text.endswith(".") or _LEADS_WITH.match(text):
            return False
        if self.splitter.leading_name(text) == text or self.splitter.looks_like_agencies(text):
            return True
        return looks_like_agency(text) and len(text.split()) <= 12 and "," not in text

    def _lead_from_sentence(self, activity: DraftActivity) -> None:
        """'Sở Tài chính chủ trì, phối hợp …' / 'Giao Sở Tư pháp theo dõi …': the lead opens the sentence."""
        text = re.sub(r"^giao\s+", "", activity.text, flags=re.I)
        name = self.splitter.leading_name(text)
        if name is None:
            match = _LEADS_WITH.match(activity.text)
            name = match.group("name") if match and looks_like_agency(match.group("name")) else None
        if name:
            activity.lead.append(name)
            self.guessed_leads.append((activity, name))

    # -- an annex table after the signature ---------------------------------------------------------

    def _annex_row(self, row: Row, text: str) -> None:
        """'PHỤ LỤC', its title lines, then a table whose rows are activities (a goal and who answers for it)."""
        cells = [" ".join(c.split()) for c in row.cells]
        if self.kind != ANNEX:
            self._close_area()
            self._skip_context(None)
            self.kind, self.annex_title, self.columns = ANNEX, [(row.line, "")], None
            self.area = self.task = None
            return
        if self.columns is None:
            roles = _columns(cells)
            if roles is None:
                self.annex_title.append((row.line, text))
                return
            self.columns = roles
            title = " ".join(t for _, t in self.annex_title if t and not t.startswith("("))
            first = self.annex_title[0][0]
            self.area = self._new_area("PL", sentence_case(title) or "Phụ lục", first)
            self.report.append(ImportNote(first, SKIP, tr(
                f"dòng {first}–{row.line}: đầu phụ lục (tên, dòng ban hành kèm theo, hàng tiêu đề cột); tên phụ lục là tên lĩnh vực 'PL'",
                f"lines {first}–{row.line}: the annex's head (title, 'issued with' line, column headers); its title names area 'PL'",
            )))
            return
        values = {role: cells[index] if index < len(cells) else "" for role, index in self.columns.items()}
        number, body = values.get("number", ""), values["text"]
        group = _SECTION.match(body)
        if not body:
            return
        if not number and group:  # "I. Kinh tế số": a group of the table
            self.task = DraftTask(f"PL.task{len(self.area.tasks) + 1}", group.group("text"), row.line, number=group.group("num"))
            self.area.tasks.append(self.task)
            return
        activity = self._activity(body, number, row.line)
        self.group = []
        for role in ("lead", "coop"):
            if values.get(role):
                getattr(activity, role).append(_clean(values[role]))
        activity.deadline = _clean(values.get("deadline", ""))

    def _areas_in_charge(self) -> None:
        """A duty "Chủ trì triển khai các nhiệm vụ tại mục (IV) (1)" makes its lead responsible for area IV.1
        (a reference to part of an area, "(4.1)", names no area and is left as written)."""
        areas = {area.id: area for area in self.draft.areas}
        for activity in [a for area in self.draft.areas for a in area.all_activities() if a.lead]:
            match = _IN_CHARGE_OF.match(activity.text)
            if match is None:
                continue
            tokens = re.findall(r"[IVX]+|\d+(?:\.\d+)*", match.group("refs"))
            if not tokens or not re.fullmatch(r"[IVX]+", tokens[0]):
                continue
            for number in (t for t in tokens[1:] if t.isdigit()):
                area = areas.get(f"{tokens[0]}.{number}")
                if area is None:
                    continue
                area.responsible.extend(cell for cell in activity.lead if cell not in area.responsible)
                self.report.append(ImportNote(activity.line, GUESS, tr(
                    f"mục {area.id} ({area.title}): cơ quan chịu trách nhiệm {', '.join(activity.lead)} theo dòng {activity.line}",
                    f"area {area.id} ({area.title}): responsible {', '.join(activity.lead)} from line {activity.line}",
                )))

    def finish(self) -> None:
        """Leave out headings nothing was read under; number the activities a1, a2 … in the document's
        order (dropped paragraphs leave no gap)."""
        empty = [t for area in self.draft.areas for t in area.tasks if not t.activities]
        for area in self.draft.areas:
            area.tasks = [t for t in area.tasks if t.activities]
        empty += [a for a in self.draft.areas if not (a.objectives or a.tasks or a.activities)]
        self.draft.areas = [a for a in self.draft.areas if a.objectives or a.tasks or a.activities]
        for heading in empty:
            title = getattr(heading, "title", None) or heading.text
            self.report.append(ImportNote(heading.line, SKIP, tr(
                f"dòng {heading.line}: mục '{title}' không có nhiệm vụ hay mục tiêu nào; không ghi vào kế hoạch",
                f"line {heading.line}: heading '{title}' holds no task or goal; left out of the plan",
            )))
        for n, activity in enumerate(sorted(self.draft.all_activities(), key=lambda a: a.line), 1):
            activity.id = f"a{n}"
        self._areas_in_charge()
        for activity, name in self.guessed_leads:
            self.report.append(ImportNote(activity.line, GUESS, tr(
                f"{activity.id}: cơ quan chủ trì '{name}' lấy từ đầu câu",
                f"{activity.id}: lead '{name}' taken from the start of the sentence",
            )))


def parse_narrative(rows: list[Row], splitter: AgencySplitter) -> ImportResult:
    """Read a prose plan: the heading above the first section, then every section in turn."""
    start = next(i for i, row in enumerate(rows) if _SECTION.match(_text(row)))
    end = _title_end(rows[:start])
    heading = read_heading(rows[:end])
    reader = _Reader(splitter)
    heading.fill(reader.draft)
    preamble = [row.line for row in rows[end:start] if _text(row)]
    if preamble:
        first, last = preamble[0], preamble[-1]
        span = f"{first}–{last}" if last != first else str(first)
        reader.report.append(ImportNote(first, SKIP, tr(f"dòng {span}: căn cứ ban hành, không phải nhiệm vụ", f"lines {span}: the grounds of the plan, not tasks")))
    reader.read(rows[start:])
    reader.finish()
    return ImportResult(reader.draft, [*heading.notes, *reader.report])


def _title_end(rows: list[Row]) -> int:
    """Where the title block ends: the line after "KẾ HOẠCH" is the title, whatever its case; the first
    line after that not in capitals ("Căn cứ …", "Thực hiện …") starts the grounds."""
    after_word = None
    for i, row in enumerate(rows):
        text = _text(row)
        if _DOC_WORD.match(text.strip()):
            after_word = 0
        elif after_word is not None and text:
            after_word += 1
            if after_word > 1 and text != text.upper() and not text.startswith("("):
                return i
    return len(rows)


def _columns(cells: list[str]) -> dict[str, int] | None:
    """The roles of an annex table's header row, or None when the row is no such header."""
    roles: dict[str, int] = {}
    for index, cell in enumerate(cells):
        words = fold(cell).strip(" .:")
        for role, names in _COLUMNS:
            if role not in roles and any(words == n or words.startswith(n + " ") for n in names):
                roles[role] = index
                break
    return roles if "text" in roles and "lead" in roles else None
