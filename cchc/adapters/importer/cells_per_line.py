"""Parser for plan tables extracted with one cell per line (the Hà Tĩnh 2022 framework layout).

Some Word exports write every table cell on its own line: a cell starts on a line beginning with a
tab and continues over the following lines until the next tab line, an empty cell is a lone tab,
rows are separated by blank lines and area rows ("I" / "CÔNG TÁC …") have two cells. Blank lines
also occur *inside* cells (between the "3.x." activities of one cell), so rows are rebuilt by
counting cells against the header, using blank lines only as places where a row may end.

The table columns are TT / 1- Mục tiêu / 2- Nhiệm vụ / 3- Hoạt động / 4- Kết quả, sản phẩm /
5- Chủ trì / 6- Phối hợp / 7- Thời gian hoàn thành / 8- Kinh phí. Numbering restarts in every area
(each area has its own 3.1), so item ids carry the area: ``I.obj1.3``, ``II.task2.1``, ``III.a3.11``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cchc.adapters.importer import ERROR, GUESS, REPAIR, SKIP, WARNING, ImportResult
from cchc.adapters.importer.cells import BULLET, amount_vnd, bullet_items, clean_cell, sentence_case
from cchc.adapters.importer.draftplan import (
    DocumentRef,
    DraftActivity,
    DraftArea,
    DraftObjective,
    DraftPlan,
    DraftTask,
)
from cchc.core.text import squash

LAYOUT = "cells-per-line"

# Header words that identify the layout, each the start of one header cell.
HEADER_WORDS = (
    "1- Mục tiêu",
    "2- Nhiệm vụ",
    "3- Hoạt động",
    "4- Kết quả",
    "5- Chủ trì",
    "6- Phối hợp",
    "7- Thời gian hoàn thành",
    "8- Kinh phí",
)

# Column field <- words of its header cell (casefolded, checked in this order).
_COLUMN_WORDS = (
    ("objective", ("mục tiêu",)),
    ("task", ("nhiệm vụ",)),
    ("activity", ("hoạt động",)),
    ("products", ("kết quả", "sản phẩm")),
    ("lead", ("chủ trì",)),
    ("coop", ("phối hợp",)),
    ("deadline", ("thời gian", "thời hạn")),
    ("budget", ("kinh phí",)),
    ("tt", ("tt", "stt")),
)
_DEFAULT_COLUMNS = ("tt", "objective", "task", "activity", "products", "lead", "coop", "deadline", "budget")

# Budget unit written in the budget header -> VND multiplier.
_BUDGET_UNITS = (
    ("triệu đồng", 1_000_000),
    ("nghìn đồng", 1_000),
    ("ngàn đồng", 1_000),
    ("tỷ đồng", 1_000_000_000),
)

# The leading digit each column's numbering uses (1.x objectives, 2.x tasks, 3.x activities).
_COLUMN_DIGIT = {"objective": "1", "task": "2", "activity": "3"}
_KIND_VI = {"objective": "mục tiêu", "task": "nhiệm vụ", "activity": "hoạt động"}
_ID_PART = {"objective": "obj", "task": "task", "activity": "a"}
_ITEM_TYPE = {"objective": DraftObjective, "task": DraftTask, "activity": DraftActivity}

_ROMAN = re.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})")
_SUBSECTION = re.compile(r"[A-H]")
_NUMBERED = re.compile(r"(\d+(?:\.\d+)+)\s*[.:]?\s+(\S.*)")
_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>")

# Area title words -> PAR Index area (BRIEF.md), so scorecards can line plan areas up with the index.
_PAR_AREAS = (
    ("chỉ đạo", "I"),
    ("thể chế", "II"),
    ("thủ tục hành chính", "III"),
    ("tổ chức bộ máy", "IV"),
    ("công vụ", "V"),
    ("tài chính công", "VI"),
    ("chính quyền điện tử", "VII"),
    ("chính quyền số", "VII"),
    ("tác động", "VIII"),
)


def looks_like(lines: list[str]) -> bool:
    """True when at least three header cells stand alone on tab-led lines (one cell per line)."""
    starts = tuple(word.casefold() for word in HEADER_WORDS)
    hits = sum(
        1 for line in lines[:400] if line.startswith("\t") and squash(line).casefold().startswith(starts)
    )
    return hits >= 3


def parse_cells_per_line(lines: list[str], source: str) -> ImportResult:
    """Rebuild the table rows of ``lines`` and turn them into a draft plan with a report."""
    result = ImportResult(DraftPlan(), layout=LAYOUT)
    preamble, cells = _split_cells([line.rstrip("\r\n") for line in lines])
    _metadata(preamble, source, result)
    _Builder(result).run(_blocks(cells))
    return result


# --- cells, blocks, rows --------------------------------------------------------------------------


@dataclass(slots=True)
class _Cell:
    line: int  # 1-based source line where the cell starts
    raw: list[str]  # the cell's lines, the first without its leading tab
    after_blank: bool  # a blank line precedes the cell: a row may end here
    _lines: list[str] | None = field(default=None, repr=False)

    @property
    def lines(self) -> list[str]:
        """Non-empty lines, cleaned of HTML and stray spaces."""
        if self._lines is None:
            self._lines = [line for line in clean_cell("\n".join(self.raw)).split("\n") if line]
        return self._lines

    @property
    def had_html(self) -> bool:
        return any(_HTML_TAG.search(line) for line in self.raw)

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def _split_cells(lines: list[str]) -> tuple[list[tuple[int, str]], list[_Cell]]:
    """Preamble lines before the table, then the cells (a tab line may hold several cells)."""
    preamble: list[tuple[int, str]] = []
    cells: list[_Cell] = []
    blank_before = True
    for number, line in enumerate(lines, start=1):
        if line.startswith("\t"):
            for i, part in enumerate(line[1:].split("\t")):
                cells.append(_Cell(number, [part], after_blank=blank_before and i == 0))
        elif cells:
            cells[-1].raw.append(line)
        elif line.strip():
            preamble.append((number, squash(line)))
        blank_before = not line.startswith("\t") and not line.strip()
    return preamble, cells


def _blocks(cells: list[_Cell]) -> list[list[_Cell]]:
    """Runs of cells between blank lines; a row is one or more whole blocks."""
    blocks: list[list[_Cell]] = []
    for cell in cells:
        if cell.after_blank or not blocks:
            blocks.append([])
        blocks[-1].append(cell)
    return blocks


def _header_columns(block: list[_Cell]) -> list[str] | None:
    """Column fields of a header block, or None when the block is not a table header."""
    texts = [cell.text.casefold() for cell in block]
    if sum(1 for t in texts if t.startswith(tuple(w.casefold() for w in HEADER_WORDS))) < 3:
        return None
    columns = []
    for text in texts:
        name = next((f for f, words in _COLUMN_WORDS if any(w in text for w in words)), None)
        columns.append(name or f"col{len(columns) + 1}")
    return columns


def _is_area_block(block: list[_Cell]) -> bool:
    return (
        len(block) == 2
        and bool(_ROMAN.fullmatch(block[0].text) or _SUBSECTION.fullmatch(block[0].text))
        and bool(block[0].text and block[1].text)
    )


# --- cell contents --------------------------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    number: str
    text: str


def _join(lines: list[str]) -> str:
    """Lines of one paragraph-broken text: bullets keep their own line, the rest run on."""
    out = ""
    for line in lines:
        if not out:
            out = line
        elif BULLET.match(line):
            out += "\n" + line
        else:
            out += " " + line
    return out


def _items(lines: list[str]) -> list[_Item]:
    """Split a cell into its numbered items ("3.1. …", "3.2. …"); unnumbered text is one item."""
    items: list[tuple[str, list[str]]] = []
    for line in lines:
        match = _NUMBERED.fullmatch(line)
        if match:
            items.append((match.group(1), [match.group(2)]))
        elif items:
            items[-1][1].append(line)
        else:
            items.append(("", [line]))
    out = []
    for number, parts in items:
        if not number and len(parts) == 1 and BULLET.match(parts[0]):
            parts = [BULLET.sub("", parts[0], count=1)]
        out.append(_Item(number, _join(parts)))
    return out


# --- metadata from the heading --------------------------------------------------------------------


def _metadata(preamble: list[tuple[int, str]], source: str, result: ImportResult) -> None:
    """Title, document reference, period and province from the lines above the table."""
    plan = result.draft
    reference = next(
        ((n, t) for n, t in preamble if t.startswith("(") or "kế hoạch số" in t.casefold()), None
    )
    titles = [(n, t) for n, t in preamble if (n, t) != reference and not t.casefold().startswith("phụ lục")]
    if titles:
        line, written = titles[0]
        folded = written.casefold()
        years = re.search(r"giai đoạn\s*(\d{4})\s*-\s*(\d{4})", folded) or re.search(r"năm\s*(\d{4})", folded)
        if years:
            plan.period = f"{years.group(1)}-{years.group(2)}" if years.lastindex == 2 else int(years.group(1))
        province = re.search(r"(?:tỉnh|thành phố)\s+([^,()]+)$", written, re.IGNORECASE)
        title = sentence_case(written)
        if province:
            plan.province = province.group(1).strip().title()
            title = title[: province.start(1)] + plan.province + title[province.end(1) :]
            result.note(line, GUESS, f"tỉnh '{plan.province}' lấy từ tiêu đề")
        if title != written:
            result.note(line, REPAIR, "tiêu đề viết hoa toàn bộ được chuyển sang dạng câu")
        plan.title = title
    else:
        result.note(None, WARNING, "không thấy tiêu đề phía trên bảng")
    if reference:
        line, text = reference
        number = re.search(r"số\s*:?\s*([^\s,)]*)", text, re.IGNORECASE)
        date = re.search(r"ngày.*?năm\s*\d{4}", text, re.IGNORECASE)
        plan.document = DocumentRef(number.group(1) if number else "", date.group(0) if date else "")
        issuer = re.search(r"của\s+(.+?)\)?$", text)
        if issuer:
            written = issuer.group(1)
            if written in ("UBND tỉnh", "Ủy ban nhân dân tỉnh") and plan.province:
                written = f"Ủy ban nhân dân tỉnh {plan.province}"
                result.note(line, GUESS, f"cơ quan ban hành '{written}' suy ra từ 'của {issuer.group(1)}'")
            plan.issuer = written
    plan.source = source


# --- building the plan ----------------------------------------------------------------------------


@dataclass(slots=True)
class _Scope:
    """Numbering seen inside one area (or one lettered part of an area): ids and duplicates."""

    prefix: str
    ids: set[str] = field(default_factory=set)
    numbers: dict[str, list[str]] = field(
        default_factory=lambda: {"objective": [], "task": [], "activity": []}
    )
    unnumbered: dict[str, int] = field(default_factory=lambda: {"objective": 0, "task": 0, "activity": 0})


class _Builder:
    """Turns rebuilt rows into areas → objectives → tasks → activities, noting every guess."""

    def __init__(self, result: ImportResult):
        self.result = result
        self.plan = result.draft
        self.plan.notes = [
            "Mỗi hoạt động đánh số 3.x là một mục; một hàng của bảng ghi chung nhiều hoạt động thì "
            "mỗi hoạt động nhận sản phẩm, cơ quan chủ trì, phối hợp, thời hạn và kinh phí của cả hàng.",
            "Văn bản đánh số lại 1.x/2.x/3.x trong từng lĩnh vực nên mã mục mang số La Mã của lĩnh vực "
            "(và chữ cái của phần A/B): I.obj1.3, III.a3.11; số bị trùng thêm hậu tố -2.",
        ]
        self.columns: list[str] | None = None
        self.unit, self.multiplier = _BUDGET_UNITS[0]
        self.area: DraftArea | None = None
        self.scope: _Scope | None = None
        self.scopes: list[tuple[DraftArea, _Scope]] = []
        self.objective: DraftObjective | None = None
        self.task: DraftTask | None = None
        self.previous: dict[str, str] = {}  # effective lead/coop/deadline of the row above

    # rows --------------------------------------------------------------------------------------

    def run(self, blocks: list[list[_Cell]]) -> None:
        row: list[_Cell] = []
        for block in blocks:
            columns = _header_columns(block)
            if columns is not None:
                self._header(block, columns, row)
                continue
            if not row and _is_area_block(block):
                self._area(block)
                continue
            if not row and all(not cell.lines for cell in block):
                self.result.note(block[0].line, SKIP, "hàng trống bị bỏ qua")
                continue
            row.extend(block)
            width = len(self._columns(block[0].line))
            if len(row) == width:
                self._data_row(row)
                row = []
            elif len(row) > width:
                self.result.note(
                    row[0].line,
                    REPAIR,
                    f"hàng có {len(row)} ô thay vì {width}; {len(row) - width} ô cuối được coi là đầu hàng sau",
                )
                self._data_row(row[:width])
                row = row[width:]
        if row:
            self._short_row(row)
        self._finish_scopes()

    def _columns(self, line: int) -> list[str]:
        if self.columns is None:
            self.result.note(
                line,
                GUESS,
                "không thấy dòng tiêu đề bảng; dùng thứ tự cột TT/1–8 và kinh phí triệu đồng của mẫu khung nhiệm vụ",
            )
            self.columns = list(_DEFAULT_COLUMNS)
            self._budget_note()
        return self.columns

    def _header(self, block: list[_Cell], columns: list[str], row: list[_Cell]) -> None:
        if self.columns is None:
            self.columns = columns
            budget = next(
                (c.text.casefold() for c, name in zip(block, columns, strict=True) if name == "budget"), ""
            )
            self.unit, self.multiplier = next(
                ((words, m) for words, m in _BUDGET_UNITS if words in budget), ("đồng", 1)
            )
            if "budget" in columns:
                self._budget_note()
                if self.multiplier == 1:
                    self.result.note(
                        block[0].line, GUESS, "tiêu đề cột kinh phí không ghi đơn vị; coi số tiền là đồng"
                    )
        elif row:
            self.result.note(
                block[0].line,
                REPAIR,
                f"hàng bắt đầu ở dòng {row[0].line} bị ngắt trang; bỏ tiêu đề lặp lại và nối tiếp hàng",
            )
        else:
            self.result.note(block[0].line, SKIP, "dòng tiêu đề bảng lặp lại (đầu trang) bị bỏ qua")

    def _budget_note(self) -> None:
        self.plan.notes.append(
            f"Kinh phí ghi bằng {self.unit}; budget_vnd = số tiền × {self.multiplier:,}".replace(",", ".")
            + ". Hàng có nhiều hoạt động và kinh phí khác 0: budget_vnd chỉ ghi ở hoạt động đầu tiên để tổng không bị cộng trùng."
        )

    def _short_row(self, row: list[_Cell]) -> None:
        width = len(self._columns(row[0].line))
        self.result.note(
            row[0].line, WARNING, f"hàng chỉ có {len(row)}/{width} ô; các cột cuối coi như để trống"
        )
        self._data_row(row + [_Cell(row[-1].line, [""], False)] * (width - len(row)))

    # areas -------------------------------------------------------------------------------------

    def _area(self, block: list[_Cell]) -> None:
        self.result.rows += 1
        mark, title = block[0].text, block[1].text
        if _SUBSECTION.fullmatch(mark) and self.area is not None:
            self._open_scope(f"{self.area.id}.{mark}")
            self.area.notes.append(f"Phần {mark}. {title} (mã mục {self.area.id}.{mark}.*)")
            self.result.note(
                block[0].line,
                GUESS,
                f"phần {mark} của lĩnh vực {self.area.id}: mục con, không phải lĩnh vực riêng",
            )
            return
        if _SUBSECTION.fullmatch(mark):
            self.result.note(
                block[0].line, WARNING, f"phần '{mark}' đứng trước mọi lĩnh vực; coi là lĩnh vực"
            )
        self._new_area(mark, title, block[0].line)

    def _new_area(self, mark: str, title: str, line: int) -> None:
        folded = title.casefold()
        self.area = DraftArea(mark, title, line, par_area=next((p for words, p in _PAR_AREAS if words in folded), None))
        self.plan.areas.append(self.area)
        self._open_scope(mark)

    def _open_scope(self, prefix: str) -> None:
        self.scope = _Scope(prefix)
        self.scopes.append((self.area, self.scope))
        self.objective = self.task = None
        self.previous = {}

    # data rows ---------------------------------------------------------------------------------

    def _data_row(self, cells: list[_Cell]) -> None:
        self.result.rows += 1
        line = cells[0].line
        row = dict(zip(self._columns(line), cells, strict=True))
        for cell in cells:
            if cell.had_html:
                self.result.note(cell.line, REPAIR, "bỏ các thẻ HTML trong ô")
        if self.area is None:
            self.result.note(line, WARNING, "hàng nằm trước mọi lĩnh vực (I, II, …); tạo lĩnh vực '0'")
            self._new_area("0", "(chưa ghi lĩnh vực)", line)

        def lines(name: str) -> list[str]:
            return row[name].lines if name in row else []

        tt = " ".join(lines("tt"))
        if tt and not tt.isdigit():
            self.result.note(line, WARNING, f"ô TT ghi '{tt}'")
        objectives = [self._item("objective", it, line) for it in _items(lines("objective"))]
        tasks = [self._item("task", it, line) for it in _items(lines("task"))]
        activities = _items(lines("activity"))
        fields = {
            "products": bullet_items("\n".join(lines("products"))),
            "lead": _join(lines("lead")),
            "coop": _join(lines("coop")),
            "deadline": _join(lines("deadline")),
            "budget": _join(lines("budget")),
        }

        self.area.objectives.extend(objectives)
        if len(objectives) > 1:
            numbers = ", ".join(o.number for o in objectives)
            for obj in objectives:
                obj.notes.append(
                    f"Văn bản ghi chung các mục tiêu {numbers} trong một ô; nhiệm vụ của hàng được gắn theo thứ tự, "
                    f"các hàng sau gắn vào mục tiêu {objectives[-1].number}"
                )
            self.result.note(line, GUESS, f"một ô ghi nhiều mục tiêu ({numbers}); nhiệm vụ gắn theo thứ tự")
        for i, task in enumerate(tasks):
            parent = objectives[min(i, len(objectives) - 1)] if objectives else self.objective
            (parent if parent is not None else self.area).tasks.append(task)
        if len(tasks) > 1 and activities:
            numbers = ", ".join(t.number or "…" for t in tasks)
            for task in tasks:
                task.notes.append(
                    f"Văn bản ghi chung các nhiệm vụ {numbers} trong một ô; hoạt động của hàng được gắn theo thứ tự"
                )
            self.result.note(line, GUESS, f"một ô ghi nhiều nhiệm vụ ({numbers}); hoạt động gắn theo thứ tự")

        inherited = self._inherit(fields, continuation=not tt and not objectives, line=line)
        from_task = False
        if not activities and any(fields.values()):
            if tasks:
                activities, from_task = [_Item("", tasks[-1].text)], True
                self.result.note(
                    line,
                    GUESS,
                    f"ô hoạt động để trống; lấy nội dung nhiệm vụ {tasks[-1].id} làm hoạt động",
                )
            else:
                self.result.note(
                    line,
                    ERROR,
                    "hàng có sản phẩm/chủ trì/thời hạn nhưng không có hoạt động hay nhiệm vụ; không đưa vào kế hoạch: "
                    + " | ".join(filter(None, [*fields["products"], fields["lead"], fields["deadline"]])),
                )
        elif not activities and not objectives and not tasks:
            self.result.note(line, SKIP, "hàng không có nội dung bị bỏ qua")

        built = self._activities(activities, fields, line, from_task, inherited)
        for j, activity in enumerate(built):
            if tasks:
                parent = tasks[min(j, len(tasks) - 1)]
            elif objectives:
                parent = objectives[-1]
            else:
                parent = self.task or self.objective or self.area
            parent.activities.append(activity)

        if objectives:
            self.objective = objectives[-1]
            self.task = None
        if tasks:
            self.task = tasks[-1]
        self.previous = {k: fields[k] for k in ("lead", "coop", "deadline")}

    def _inherit(self, fields: dict, continuation: bool, line: int) -> list[str]:
        """Vertically merged Word cells come out empty below their first row: take the row above's.

        Only lead, co-op and deadline are taken; a merged budget is one amount for several rows and
        copying it would count it twice.
        """
        if fields["lead"] or not continuation or not self.previous.get("lead"):
            return []
        taken = [k for k in ("lead", "coop", "deadline") if not fields[k] and self.previous.get(k)]
        for key in taken:
            fields[key] = self.previous[key]
        self.result.note(
            line, REPAIR, "ô chủ trì để trống (ô gộp dọc); lấy " + ", ".join(taken) + " của hàng trên"
        )
        return taken

    def _item(self, kind: str, item: _Item, line: int) -> DraftObjective | DraftTask | DraftActivity:
        """An objective, task or activity with a stable id; duplicate numbers get '-2', '-3'."""
        scope = self.scope
        assert scope is not None
        part = _ID_PART[kind]
        notes: list[str] = []
        if item.number:
            scope.numbers[kind].append(item.number)
            base = f"{scope.prefix}.{part}{item.number}"
            if not item.number.startswith(_COLUMN_DIGIT[kind] + "."):
                notes.append(
                    f"Văn bản đánh số {_KIND_VI[kind]} là {item.number} (các {_KIND_VI[kind]} khác đánh số {_COLUMN_DIGIT[kind]}.x); giữ nguyên số"
                )
                self.result.note(
                    line, WARNING, f"{_KIND_VI[kind]} đánh số {item.number} trong cột {_KIND_VI[kind]}"
                )
        else:
            scope.unnumbered[kind] += 1
            base = f"{scope.prefix}.{part}-{scope.unnumbered[kind]}"
            notes.append(f"{_KIND_VI[kind].capitalize()} không đánh số trong văn bản")
        item_id, n = base, 1
        while item_id in scope.ids:
            n += 1
            item_id = f"{base}-{n}"
        if n > 1:
            notes.append(
                f"Văn bản dùng lại số {item.number} (đã có ở mục {base}); giữ nguyên số, mã riêng {item_id}"
            )
            self.result.note(line, WARNING, f"số {_KIND_VI[kind]} {item.number} bị trùng; mã {item_id}")
        scope.ids.add(item_id)
        return _ITEM_TYPE[kind](item_id, item.text, line, item.number, notes=notes)

    def _activities(
        self, items: list[_Item], fields: dict, line: int, from_task: bool, inherited: list[str]
    ) -> list[DraftActivity]:
        vnd = amount_vnd(fields["budget"], self.multiplier) if fields["budget"] else None
        if fields["budget"] and vnd is None and any(ch.isdigit() for ch in fields["budget"]):
            self.result.note(
                line, GUESS, f"kinh phí '{fields['budget']}' không phải một số tiền; không ghi budget_vnd"
            )
        numbers = [it.number for it in items if it.number]
        span = f"{numbers[0]}–{numbers[-1]}" if len(numbers) > 2 else ", ".join(numbers)
        out = []
        for j, item in enumerate(items):
            activity = self._item("activity", item, line)
            notes = activity.notes
            if from_task:
                notes.append(
                    "Ô hoạt động để trống trong văn bản; hoạt động lấy theo nội dung nhiệm vụ của hàng"
                )
            activity.products = list(fields["products"])
            if fields["lead"]:
                activity.lead = [fields["lead"]]
            else:
                self.result.note(line, WARNING, f"hoạt động {activity.id} không có cơ quan chủ trì")
            if fields["coop"]:
                activity.coop = [fields["coop"]]
            activity.deadline = fields["deadline"]
            activity.budget = fields["budget"]
            if j == 0 or vnd == 0:
                activity.budget_vnd = vnd
            if len(items) > 1:
                shared = f"Hàng gốc ghi chung các hoạt động {span}; sản phẩm, chủ trì, phối hợp, thời hạn, kinh phí là của cả hàng"
                if vnd:
                    shared += f"; budget_vnd ({fields['budget']} {self.unit}) chỉ ghi ở hoạt động {numbers[0] if numbers else 'đầu tiên'}"
                notes.append(shared)
            if inherited:
                labels = {"lead": "chủ trì", "coop": "phối hợp", "deadline": "thời hạn"}
                notes.append(
                    "Sửa lỗi trích xuất: ô "
                    + ", ".join(labels[k] for k in inherited)
                    + " để trống (ô gộp dọc), lấy theo hàng trên"
                )
            out.append(activity)
        return out

    # numbering checks --------------------------------------------------------------------------

    def _finish_scopes(self) -> None:
        """Note numbers the document skips (3.27 missing after two 3.26) on the area."""
        for area, scope in self.scopes:
            for kind, numbers in scope.numbers.items():
                digit = _COLUMN_DIGIT[kind]
                seen = sorted(
                    {int(n.split(".")[1]) for n in numbers if n.startswith(digit + ".") and n.count(".") == 1}
                )
                if not seen:
                    continue
                missing = [f"{digit}.{k}" for k in range(1, seen[-1] + 1) if k not in seen]
                if missing:
                    where = scope.prefix
                    area.notes.append(
                        f"Văn bản không có {_KIND_VI[kind]} số {', '.join(missing)} trong {where} (giữ nguyên số thứ tự như văn bản)"
                    )
                    self.result.note(
                        area.line, WARNING, f"{where}: thiếu {_KIND_VI[kind]} số {', '.join(missing)}"
                    )
