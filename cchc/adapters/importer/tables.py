"""Build a plan from table rows: areas, objectives, tasks and activities with their cells.

The rows come from any source (:mod:`cchc.adapters.importer.sources`). Damage from Word extraction is repaired
here and each repair is both reported and noted on the item:

* repeated page headers and blank rows are skipped (and reported);
* a row cut by a page break (no number, first row after a repeated header, a cell starting mid-sentence)
  is joined back to the row before;
* a row whose cells sit in the wrong columns is re-read by what each cell says (a "Nhiệm vụ 3: …"
  heading, a list of agencies, a deadline, an amount);
* a merged cell whose text Word spread over several rows ("Các sở, ban, ngành được UBND tỉnh" /
  "phân cấp QLNN …") is put back together for all of them.

Notes written into the plan are in Vietnamese, the language of the document, whatever ``--lang`` says,
so that a re-import gives the same file; the report follows ``--lang``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc.adapters.importer import ERROR, GUESS, REPAIR, SKIP, WARNING, ImportNote
from cchc.adapters.importer.agencies import AgencySplitter
from cchc.adapters.importer.cells import (
    BULLET,
    amount_vnd,
    clean_cell,
    heading,
    join_fragments,
    label_number,
    list_items,
    looks_like_budget,
    looks_like_deadline,
    roman_heading,
    starts_lowercase,
    stt,
)
from cchc.adapters.importer.draftplan import (
    AnnexEntry,
    DraftActivity,
    DraftAnnex,
    DraftArea,
    DraftObjective,
    DraftTask,
)
from cchc.adapters.importer.layouts import ANNEX, FRAMEWORK, Header, read_header
from cchc.adapters.importer.sources import Row
from cchc.core.i18n import tr
from cchc.core.text import fold

# PAR Index area of a plan area, from the words of its title; used only when exactly one matches.
_PAR_WORDS = (
    ("I", ("chi dao",)),
    ("II", ("the che",)),
    ("III", ("thu tuc hanh chinh",)),
    ("IV", ("bo may",)),
    ("V", ("cong vu",)),
    ("VI", ("tai chinh cong",)),
    ("VII", ("chinh quyen dien tu", "chinh quyen so", "cong nghe thong tin")),
    ("VIII", ("tac dong",)),
)
_ROLE_VI = {
    "objective": "mục tiêu",
    "task": "nhiệm vụ",
    "activity": "hoạt động",
    "product": "sản phẩm",
    "lead": "chủ trì",
    "coop": "phối hợp",
    "deadline": "thời hạn",
    "budget": "kinh phí",
}
_ANNEX_MENTION = re.compile(r"phụ lục", re.I)


@dataclass(slots=True)
class LogicalRow:
    line: int
    cells: list[str]
    joined: list[int] = field(default_factory=list)  # lines of the page-break halves joined into it


@dataclass(slots=True)
class TableBlock:
    header: Header
    title_lines: list[str]  # loose text just before the header (an annex's title)
    rows: list[LogicalRow] = field(default_factory=list)


@dataclass(slots=True)
class Parsed:
    areas: list[DraftArea] = field(default_factory=list)
    annexes: list[DraftAnnex] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    layout: str = ""
    report: list[ImportNote] = field(default_factory=list)
    annex_mentions: list[DraftActivity] = field(default_factory=list)  # activities that point to "Phụ lục …"

    def note(self, line: int | None, severity: str, message: str) -> None:
        self.report.append(ImportNote(line, severity, message))


def parse_rows(rows: list[Row], splitter: AgencySplitter, progress=None) -> Parsed:  # noqa: ANN001
    """Split the rows into tables and build areas and annexes; ``progress(n)`` is told rows done."""
    parsed = Parsed()
    blocks = _blocks(rows, parsed)
    if not blocks:
        parsed.note(None, ERROR, tr("không tìm thấy dòng tiêu đề bảng (STT, Nhiệm vụ, Cơ quan chủ trì …)", "no table header found (STT, Nhiệm vụ, Cơ quan chủ trì …)"))
        return parsed
    for block in blocks:
        if not block.rows:
            continue  # the upper row of a two-row header ("Cơ quan thực hiện" over "Chủ trì | Phối hợp")
        if block.header.layout == ANNEX:
            parsed.annexes.append(_annex(block, splitter, parsed, len(parsed.annexes) + 1))
            continue
        parsed.layout = parsed.layout or block.header.layout
        builder = _Builder(block.header, splitter, parsed)
        for row in block.rows:
            builder.row(row)
            if progress:
                progress(1 + len(row.joined))
        builder.finish()
    if len(parsed.annexes) == 1:
        _link_annex(parsed)
    return parsed


def _blocks(rows: list[Row], parsed: Parsed) -> list[TableBlock]:
    """Tables of the document: a new header starts one, the same header again is a page break."""
    blocks: list[TableBlock] = []
    loose: list[tuple[int, str]] = []
    after_header = False
    hard_break = False
    last_loose = 0
    blank: list[int] = []
    for row in rows:
        cells = [clean_cell(c) for c in row.cells]
        if not any(cells):
            if blocks:
                blank.append(row.line)
            continue
        for line in blank:  # blank rows inside the table (those after its last row are not reported)
            parsed.note(line, SKIP, tr("dòng trống", "blank row"))
        blank = []
        header = read_header(cells)
        if header is not None:
            if blocks and header.roles[: len(blocks[-1].header.roles)] == blocks[-1].header.roles[: len(header.roles)] and not loose:
                parsed.note(row.line, SKIP, tr("tiêu đề bảng lặp lại ở đầu trang", "table header repeated at a page break"))
            elif blocks and loose:  # text between two tables is the next table's title ("Phụ lục …")
                parsed.note(loose[0][0], GUESS, tr(f"dòng {loose[0][0]}–{last_loose}: tên của bảng tiếp theo", f"lines {loose[0][0]}–{last_loose}: title of the next table"))
                blocks.append(TableBlock(header, [text for _, text in loose]))
            else:
                _flush_loose(loose, blocks, parsed)
                blocks.append(TableBlock(header, []))
            loose = []
            after_header = True
            continue
        if len([c for c in cells if c]) == 1 and len(row.cells) == 1:
            if loose and hard_break and last_loose == row.line - 1:
                loose[-1] = (loose[-1][0], loose[-1][1] + " " + cells[0])  # markdown line break "  "
            else:
                loose.append((row.line, cells[0]))
            last_loose = row.line
            hard_break = row.cells[0].endswith("  ")
            continue
        if not blocks:
            loose.append((row.line, " ".join(c for c in cells if c)))
            continue
        if loose:
            _flush_loose(loose, blocks, parsed)
            loose = []
        block = blocks[-1]
        if after_header and block.rows and _is_continuation(cells, block.header):
            previous = block.rows[-1]
            previous.cells = [join_fragments(a, b) for a, b in zip(_pad(previous.cells, len(cells)), _pad(cells, len(previous.cells)), strict=True)]
            previous.joined.append(row.line)
            parsed.note(row.line, REPAIR, tr(f"dòng bị tách qua trang: nối vào dòng {previous.line}", f"row split across a page break: joined to line {previous.line}"))
        else:
            block.rows.append(LogicalRow(row.line, cells))
        after_header = False
    _flush_loose(loose, blocks, parsed)
    return blocks


def _flush_loose(loose: list[tuple[int, str]], blocks: list[TableBlock], parsed: Parsed) -> None:
    """Text outside any table: before the first table it is the preamble, later it is reported."""
    if not loose:
        return
    if not blocks:
        parsed.preamble.extend(text for _, text in loose)
        parsed.note(
            loose[0][0],
            SKIP,
            tr(
                f"dòng {loose[0][0]}–{loose[-1][0]}: phần mở đầu văn bản, không phải bảng (dùng cho tên, số, ngày của kế hoạch)",
                f"lines {loose[0][0]}–{loose[-1][0]}: document preamble, not the table (used for the plan's title, number and date)",
            ),
        )
        return
    for line, text in loose:
        parsed.note(line, SKIP, tr(f"văn bản ngoài bảng: {text[:80]}", f"text outside the table: {text[:80]}"))


def _pad(cells: list[str], width: int) -> list[str]:
    return cells + [""] * (width - len(cells))


def _is_continuation(cells: list[str], header: Header) -> bool:
    """The first row after a page header that has no number and starts mid-sentence or mid-list."""
    number_col = header.column("number") or 0
    if number_col < len(cells) and cells[number_col].strip():
        return False
    rest = [c for i, c in enumerate(cells) if c and i != number_col]
    return bool(rest) and any(starts_lowercase(c) or BULLET.match(c) for c in rest)


def _par_area(title: str) -> str | None:
    words = fold(title)
    matches = [par for par, keys in _PAR_WORDS if any(k in words for k in keys)]
    return matches[0] if len(matches) == 1 else None


class _Builder:
    """Turns the logical rows of one table into areas → objectives → tasks → activities."""

    def __init__(self, header: Header, splitter: AgencySplitter, parsed: Parsed):
        self.header = header
        self.splitter = splitter
        self.parsed = parsed
        self.framework = header.layout == FRAMEWORK
        self.area: DraftArea | None = None
        self.objective: DraftObjective | None = None
        self.task: DraftTask | None = None
        self.pending: dict | None = None  # a numbered row with no agencies: a task if sub-rows follow
        self.previous: DraftActivity | None = None  # the activity made from the row before
        self.fragment_run: list[DraftActivity] = []  # activities sharing a lead cell that Word spread over rows
        self.cells: dict[str, dict] = {}  # the row's cells by role, per activity id: merged cells carry them down
        self.ids: set[str] = {a.id for a in parsed.areas}

    # -- structure -------------------------------------------------------------------------------

    def row(self, row: LogicalRow) -> None:
        cells = _pad(row.cells, len(self.header.roles))
        number_col = self.header.column("number") or 0
        area = self._area_row(cells, number_col)
        if area is not None:
            self._close_pending()
            self._start_area(*area, row.line)
            return
        if self.area is None:
            self._start_area("I", "Chưa ghi lĩnh vực", row.line)
            self.parsed.note(row.line, GUESS, tr("bảng không có dòng lĩnh vực (I, II …): tạo lĩnh vực 'I'", "the table has no area row (I, II …): created area 'I'"))
        if self.framework:
            self._framework_row(row, cells)
        else:
            self._task_list_row(row, cells)

    def finish(self) -> None:
        self._close_pending()

    def _area_row(self, cells: list[str], number_col: int) -> tuple[str, str] | None:
        first = cells[number_col]
        found = roman_heading(first)
        if found is None:
            return None
        roman, title = found
        # An area row merged over the whole width repeats its one text in every cell
        # ("III CẢI CÁCH THỦ TỤC HÀNH CHÍNH" from Word's gridSpan or Excel's merged range).
        others = {c for i, c in enumerate(cells) if c and i != number_col and c != first}
        if len(others) > 1 or (title and others and others != {title}):
            return None
        if not title and not others:
            return None
        return roman, title or others.pop()

    def _start_area(self, roman: str, title: str, line: int) -> None:
        self.area = DraftArea(self._unique(roman, line), title, line, par_area=_par_area(title))
        self.parsed.areas.append(self.area)
        self.objective = self.task = self.pending = self.previous = None
        self.fragment_run = []

    def _unique(self, wanted: str, line: int) -> str:
        candidate = wanted
        n = 2
        while candidate in self.ids:
            candidate = f"{wanted}-{n}"
            n += 1
        if candidate != wanted:
            self.parsed.note(line, GUESS, tr(f"số thứ tự trùng: mã '{wanted}' đã dùng, đặt mã '{candidate}'", f"duplicate numbering: id '{wanted}' taken, used '{candidate}'"))
        self.ids.add(candidate)
        return candidate

    # -- the 8-column framework ------------------------------------------------------------------

    def _framework_row(self, row: LogicalRow, cells: list[str]) -> None:
        slots, moves = self._framework_slots(cells)
        notes: list[str] = []
        if moves:
            moved = "; ".join(f"{_ROLE_VI[new]} nằm ở cột {_ROLE_VI[old]}" for new, old in moves)
            self.parsed.note(row.line, REPAIR, tr(f"ô bị lệch cột, xếp lại theo nội dung: {moved}", f"cells shifted into the wrong columns, re-read by content: {moved}"))
            notes.append(f"Sửa lỗi trích xuất: ô bị lệch cột, đã xếp lại theo nội dung ({moved})")
        for role, text in slots.pop("fragments", []):
            self._fragment(role, text, row.line)
        if "objective" in slots:
            self._new_objective(slots["objective"], row.line)
        if "task" in slots:
            self._new_task(slots["task"], row.line)
        if not slots.get("activity"):
            if any(slots.get(k) for k in ("product", "lead", "coop", "deadline", "budget")):
                self.parsed.note(row.line, ERROR, tr("dòng có cơ quan/thời hạn nhưng không có hoạt động: bỏ qua", "row has agencies/deadline but no activity: skipped"))
            return
        number = stt(cells[self.header.column("number") or 0]) or ""
        self._add_activity(row, slots, number, notes)

    def _framework_slots(self, cells: list[str]) -> tuple[dict, list[tuple[str, str]]]:
        """Cells by role; re-read by content when a cell does not fit its column.

        Also returns the moves made: (role the cell was read as, column it stood in).
        """
        roles = _pad_roles(self.header.roles, len(cells))
        kinds = [self._kind(c) for c in cells]
        slots: dict = {"fragments": []}
        for role, text, kind in zip(roles, cells, kinds, strict=True):
            if not text or role in (None, "number"):
                continue
            if role in ("objective", "task") and kind != role:
                slots["fragments"].append((role, text))
            else:
                slots[role] = text
        if all(self._fits(role, kind, cells) for role, kind in zip(roles, kinds, strict=True)):
            return slots, []
        reread = self._reread(cells, kinds)
        column = {text: role for role, text in zip(roles, cells, strict=True) if text}
        moves = [(key, column.get(text)) for key, text in reread.items() if key != "fragments" and column.get(text) not in (key, None)]
        return reread, moves

    def _kind(self, text: str) -> str:
        if not text:
            return "empty"
        found = heading(text)
        if found:
            return found[0]
        if looks_like_deadline(text):
            return "deadline"
        if looks_like_budget(text):
            return "budget"
        if self.splitter.looks_like_agencies(text):
            return "agencies"
        return "text"

    def _fits(self, role: str | None, kind: str, cells: list[str]) -> bool:
        """Whether a cell of ``kind`` may stand in a ``role`` column (unknown names may be agencies)."""
        if kind == "empty" or role == "number":
            return True
        if role is None:
            return False
        headings = ("objective", "task", "activity")
        lead_col = self.header.column("lead")
        lead_empty = lead_col is None or not cells[lead_col]
        return {
            "objective": kind in ("objective", "text"),
            "task": kind in ("task", "text"),
            "activity": kind not in ("objective", "task", "agencies"),
            "product": kind not in headings and not (kind == "agencies" and lead_empty),
            "lead": kind in ("agencies", "text"),
            "coop": kind in ("agencies", "text"),
            "deadline": kind not in (*headings, "agencies"),
            "budget": kind not in (*headings, "agencies", "deadline"),
        }.get(role, True)

    def _reread(self, cells: list[str], kinds: list[str]) -> dict:
        roles = _pad_roles(self.header.roles, len(cells))
        slots: dict = {"fragments": []}
        for role, text, kind in zip(roles, cells, kinds, strict=True):
            if kind == "empty" or role == "number":
                continue
            if kind in ("objective", "task", "activity"):
                slots[kind] = text
            elif "activity" not in slots:
                slots["fragments"].append((role if role in ("objective", "task") else "objective", text))
            elif kind == "agencies" and "lead" not in slots:
                slots["lead"] = text
            elif kind == "agencies" and "coop" not in slots:
                slots["coop"] = text
            elif kind == "deadline" and "deadline" not in slots:
                slots["deadline"] = text
            elif kind == "budget" and "budget" not in slots:
                slots["budget"] = text
            else:  # plain text: the next free column in table order
                free = next((k for k in ("product", "lead", "coop", "deadline", "budget") if k not in slots and not _after(slots, k)), "budget")
                slots[free] = join_fragments(slots.get(free, ""), text)
        return slots

    def _fragment(self, role: str, text: str, line: int) -> None:
        """Unnumbered text in an objective/task column: the rest of a cell cut from the row above."""
        owners = [item for item in (self.objective, self.task) if item]
        if any(text in item.text for item in owners):
            self.parsed.note(line, REPAIR, tr(f"bỏ đoạn lặp lại của ô phía trên: '{text[:60]}…'", f"dropped a repeated piece of the cell above: '{text[:60]}…'"))
            return
        owner = self.task if role == "task" and self.task else self.objective
        if owner is None:
            self._new_objective(text, line)
            self.parsed.note(line, GUESS, tr("mục tiêu không có số thứ tự", "objective without numbering"))
            return
        owner.text = owner.text.rstrip() + " " + text
        owner.notes.append(f"Sửa lỗi trích xuất: nối phần văn bản bị tách sang dòng {line}")
        self.parsed.note(line, REPAIR, tr(f"nối đoạn văn bản vào {owner.id}", f"joined the text to {owner.id}"))

    def _new_objective(self, text: str, line: int) -> None:
        number, body = _number_and_text(text)
        ordinal = label_number(body) or (number.rsplit(".", 1)[-1] if number else str(len(self.area.objectives) + 1))
        self.objective = DraftObjective(self._unique(f"{self.area.id}.obj{ordinal}", line), body, line, number)
        self.area.objectives.append(self.objective)
        self.task = None

    def _new_task(self, text: str, line: int) -> None:
        number, body = _number_and_text(text)
        siblings = self.objective.tasks if self.objective else self.area.tasks
        ordinal = label_number(body) or (number.rsplit(".", 1)[-1] if number else str(len(siblings) + 1))
        self.task = DraftTask(self._unique(f"{self.area.id}.task{ordinal}", line), body, line, number)
        siblings.append(self.task)

    # -- the 5/6-column task list ----------------------------------------------------------------

    def _task_list_row(self, row: LogicalRow, cells: list[str]) -> None:
        slots = {role: text for role, text in zip(self.header.roles, cells, strict=False) if role and text}
        number = stt(slots.pop("number", "")) or ""
        has_details = any(slots.get(k) for k in ("lead", "coop", "deadline", "product"))
        if not slots.get("text"):
            self.parsed.note(row.line, ERROR, tr("dòng không có nội dung công việc: bỏ qua", "row without a task text: skipped"))
            return
        if number:
            self._close_pending()
            if not has_details:
                self.pending = {"row": row, "slots": slots, "number": number}
                return
            self.task = None
        elif self.pending is not None:
            self._open_pending_as_task()
        elif self.task is None:
            self.parsed.note(row.line, GUESS, tr("dòng không có số thứ tự: thêm như một hoạt động", "row without a number: added as an activity"))
        self._add_activity(row, slots, number, [])

    def _close_pending(self) -> None:
        """A numbered row without agencies and without sub-rows is an activity after all."""
        if self.pending is None:
            return
        pending, self.pending = self.pending, None
        self.task = None
        self._add_activity(pending["row"], pending["slots"], pending["number"], [])

    def _open_pending_as_task(self) -> None:
        pending, self.pending = self.pending, None
        line = pending["row"].line
        self.task = DraftTask(self._unique(f"{self.area.id}.task{pending['number']}", line), pending["slots"]["text"], line, pending["number"])
        self.area.tasks.append(self.task)
        self.parsed.note(line, GUESS, tr("dòng có số nhưng không có cơ quan, theo sau là các dòng không số: coi là nhiệm vụ", "numbered row without agencies followed by unnumbered rows: read as a task"))

    # -- activities -------------------------------------------------------------------------------

    def _add_activity(self, row: LogicalRow, slots: dict, number: str, notes: list[str]) -> None:
        line = row.line
        activity = DraftActivity(self._activity_id(number, line), slots.get("activity") or slots.get("text", ""), line, number)
        activity.notes = list(notes)
        if row.joined:
            lines = ", ".join(str(n) for n in [line, *row.joined])
            activity.notes.append(f"Sửa lỗi trích xuất: nối dòng bị tách qua trang (dòng {lines})")
        self._carry_merged(activity, slots, line, activity.notes)
        activity.products = list_items(slots.get("product", ""))
        activity.lead = [slots["lead"]] if slots.get("lead") else []
        activity.coop = [slots["coop"]] if slots.get("coop") else []
        activity.deadline = " ".join(slots.get("deadline", "").split())
        activity.budget = " ".join(slots.get("budget", "").split())
        if activity.budget:
            activity.budget_vnd = amount_vnd(activity.budget, self.header.budget_multiplier)
        if _ANNEX_MENTION.search(" ".join(slots.values())):
            self.parsed.annex_mentions.append(activity)
        self.cells[activity.id] = slots
        self._container().append(activity)
        self.previous = activity

    def _activity_id(self, number: str, line: int) -> str:
        if self.framework:
            return self._unique(f"a{number}" if number else f"a-{line}", line)
        if self.task is not None:
            return self._unique(f"{self.task.id.replace('.task', '.a')}.{len(self.task.activities) + 1}", line)
        return self._unique(f"{self.area.id}.a{number}" if number else f"{self.area.id}.a-{line}", line)

    def _container(self) -> list[DraftActivity]:
        if self.task is not None:
            return self.task.activities
        if self.objective is not None:
            return self.objective.activities
        return self.area.activities

    def _carry_merged(self, activity: DraftActivity, slots: dict, line: int, notes: list[str]) -> None:
        """Put back cells that Word merged over several rows (and spread or left on the first)."""
        details = ("product", "lead", "coop", "deadline", "budget")
        previous = self.previous
        same_group = previous is not None and previous in self._container()
        if self.framework and same_group and not any(slots.get(k) for k in details):
            for key in details:
                if self.cells[previous.id].get(key):
                    slots[key] = self.cells[previous.id][key]
            if any(slots.get(k) for k in details):
                notes.append(f"Ô sản phẩm, chủ trì, phối hợp, thời hạn trống: lấy theo hoạt động {previous.id} (ô gộp trong bản gốc)")
                self.parsed.note(line, GUESS, tr(f"ô trống: lấy theo dòng trên ({previous.id}), coi là ô gộp", f"empty cells: taken from the row above ({previous.id}), read as merged cells"))
            return
        lead = slots.get("lead", "")
        if previous is not None and lead and starts_lowercase(lead) and not self.splitter.known(lead):
            run = self.fragment_run if self.fragment_run and self.fragment_run[-1] is previous else [previous]
            joined = join_fragments(self.cells[previous.id].get("lead", ""), lead)
            for earlier in run:
                self.cells[earlier.id]["lead"] = joined
                earlier.lead = [joined]
                earlier.notes.append(f"Sửa lỗi trích xuất: ô chủ trì gộp bị tách qua các dòng, ghép lại thành '{joined}'")
            slots["lead"] = joined
            self.fragment_run = [*run, activity]
            notes.append(f"Sửa lỗi trích xuất: ô chủ trì gộp bị tách qua các dòng, ghép lại thành '{joined}'")
            self.parsed.note(line, REPAIR, tr(f"ô chủ trì bị tách: ghép với dòng trên thành '{joined}'", f"lead cell split over rows: rejoined with the row above as '{joined}'"))
        elif not lead and self.fragment_run and self.fragment_run[-1] is previous:
            slots["lead"] = self.cells[previous.id]["lead"]
            self.fragment_run.append(activity)
            notes.append(f"Ô chủ trì trống: thuộc ô gộp '{slots['lead']}' của các dòng trên")
            self.parsed.note(line, GUESS, tr("ô chủ trì trống: lấy theo ô gộp của dòng trên", "empty lead cell: taken from the merged cell above"))
        else:
            self.fragment_run = []


def _after(slots: dict, key: str) -> bool:
    """True when a column right of ``key`` is already filled (text cannot go back left of it)."""
    order = ("product", "lead", "coop", "deadline", "budget")
    return any(k in slots for k in order[order.index(key) + 1 :])


def _pad_roles(roles: tuple[str | None, ...], width: int) -> list[str | None]:
    return list(roles) + [None] * (width - len(roles))


def _number_and_text(text: str) -> tuple[str, str]:
    found = heading(text)
    if found is None:
        return "", text
    _, number, rest = found
    return number, rest


def _annex(block: TableBlock, splitter: AgencySplitter, parsed: Parsed, index: int) -> DraftAnnex:
    title = re.sub(r"^phụ lục(?:\s+\d+)?\s*", "", " ".join(block.title_lines), flags=re.I).strip() or f"Phụ lục {index}"
    words = fold(title).split()[:2]
    annex = DraftAnnex("annex-" + "-".join(re.sub(r"[^a-z0-9]", "", w) for w in words if re.sub(r"[^a-z0-9]", "", w)) or f"annex-{index}", title)
    roles = block.header.roles
    group = ""
    for row in block.rows:
        cells = dict(zip(roles, row.cells, strict=False))
        number = cells.get("number", "")
        name = cells.get("agency", "")
        area = roman_heading(number)
        if area and not stt(number):
            group = name or area[1]
            continue
        if not name:
            parsed.note(row.line, ERROR, tr("dòng phụ lục không có tên cơ quan: bỏ qua", "annex row without an agency: skipped"))
            continue
        split = splitter.split(name)
        known = [n for n in split.names if splitter.known(n)]
        agency = known[0] if known else name
        if not known:
            parsed.note(row.line, WARNING, tr(f"cơ quan '{name}' không có trong danh mục", f"agency '{name}' is not in the registry"))
        elif agency != name:
            parsed.note(row.line, GUESS, tr(f"phụ lục: '{name}' được hiểu là cơ quan '{agency}'", f"annex: '{name}' read as agency '{agency}'"))
        annex.entries.append(AnnexEntry(stt(number) or number, group, agency, name, cells.get("note", "")))
    return annex


def _link_annex(parsed: Parsed) -> None:
    """An activity that points to "Phụ lục đính kèm" works through the plan's only annex."""
    annex_id = parsed.annexes[0].id
    for area in parsed.areas:
        for activity in area.all_activities():
            if activity in parsed.annex_mentions:
                activity.annex = annex_id
                parsed.note(activity.line, GUESS, tr(f"hoạt động nhắc tới phụ lục: gắn với '{annex_id}'", f"activity mentions the annex: linked to '{annex_id}'"))


