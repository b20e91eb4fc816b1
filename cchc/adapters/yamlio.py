"""Safe YAML loading that remembers where every value came from.

PyYAML's C parser does the heavy lifting (pure-Python fallback when libyaml is missing); our
constructor only builds plain ``dict``/``list`` subclasses that carry line/column marks, folds
strings to NFC, records duplicate keys (PyYAML silently keeps the last one) and bounds alias
expansion so a "billion laughs" file cannot blow up later walks. Only the safe tag set is accepted:
no Python objects are ever constructed.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

import yaml

from cchc.core.i18n import tr
from cchc.core.problems import CchcError, Problem, UnreadableInput

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ALIAS_EXPANSION = 100_000
_INT_DIGITS = 4300  # sys.get_int_max_str_digits() by default
MAX_DEPTH = 100  # nested lists/mappings; real plans nest about 12 deep, Python's stack allows ~300
# Deep nesting is refused by cchc itself, before libyaml sees it: libyaml's composer recurses on the C
# stack (old builds crash past ~20,000 levels) and newer builds stop at their own limit (1,000) with an
# English message and a column far from where the nesting went wrong. Text that *could* nest more than
# MAX_DEPTH levels is therefore walked event by event with PyYAML's pure-Python parser, which has no
# limit of its own. Flow nesting needs one more '[' or '{' open than closed per level; block nesting
# needs one more column of indentation or one more "- "/"? " at the start of a line.
_FLOW_BRACKETS = re.compile(r"[\[\]{}]")
_DEEP_BLOCK_INDENT = re.compile("(?:^|[\r\x85\u2028\u2029])[ ?-]{500}", re.MULTILINE)
_DEEP_BLOCK_INDENT_LF = re.compile("\n[ ?-]{500}")  # the same, much faster, for files whose only line break is \n


class YMap(dict):
    """A mapping with the 1-based line/column of itself and of each value."""

    __slots__ = ("line", "col", "marks")

    def pos(self, key: object = None) -> tuple[int, int]:
        """Where the value of ``key`` starts (or the mapping itself when key is None or absent)."""
        if key is not None:
            mark = self.marks.get(key)
            if mark is not None:
                return mark
        return self.line, self.col


class YList(list):
    """A sequence with the 1-based line/column of itself and of each item."""

    __slots__ = ("line", "col", "marks")

    def pos(self, index: int | None = None) -> tuple[int, int]:
        if index is not None and 0 <= index < len(self.marks):
            return self.marks[index]
        return self.line, self.col


def position(container: object, key: object = None) -> tuple[int | None, int | None]:
    """Line/column of ``container[key]`` for YMap/YList, (None, None) for anything else."""
    if isinstance(container, (YMap, YList)):
        return container.pos(key)
    return None, None


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """libyaml parses and composes nodes; :class:`_Builder` turns them into data."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self._tags: dict[tuple, str] = {}

    def resolve(self, kind, value, implicit):  # noqa: ANN001, ANN201
        """A node's tag, worked out once per distinct (kind, text, implicit) in a file: a registry of
        3,321 communes repeats its keys and kinds thousands of times. The safe loader has no path
        resolvers, so the tag depends on nothing else."""
        key = (kind, value, implicit)
        tag = self._tags.get(key)
        if tag is None:
            tag = self._tags[key] = super().resolve(kind, value, implicit)
        return tag


_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_MAP = "tag:yaml.org,2002:map"
_SEQ = "tag:yaml.org,2002:seq"
_MERGE = "tag:yaml.org,2002:merge"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SAFE_SCALARS = {tag for tag in yaml.SafeLoader.yaml_constructors if tag and tag not in (_MAP, _SEQ)}


class _Builder:
    """Build YMap/YList/scalars straight from the composed node graph.

    Walking the nodes ourselves is faster than PyYAML's generic constructor (no per-node state
    generators), lets every mapping and list carry positions, and makes alias expansion visible:
    each alias adds the size of the subtree it repeats to a budget, so a "billion laughs" file is
    refused instead of exhausting memory in later walks.
    """

    def __init__(self, loader: _Loader, path: str):
        self.loader = loader
        self.path = path
        self.problems: list[Problem] = []
        self.built: dict[int, object] = {}
        self.sizes: dict[int, int] = {}
        self.alias_budget = MAX_ALIAS_EXPANSION
        self.depth = 0

    def build(self, node):  # noqa: ANN001, ANN201
        key = id(node)
        if key in self.built:
            self._spend(node)
            return self.built[key]
        cls = node.__class__
        if cls is yaml.ScalarNode:
            value = self._scalar(node)
        elif cls is yaml.MappingNode:
            value = self._mapping(node)
        elif cls is yaml.SequenceNode:
            value = self._sequence(node)
        else:
            raise self._error(node, "Y007", tr("nút YAML không được hỗ trợ", "unsupported YAML node"))
        return value

    def _scalar(self, node):  # noqa: ANN001, ANN202
        tag = node.tag
        text = node.value
        if tag == _STR:
            if not text.isascii() and not unicodedata.is_normalized("NFC", text):
                text = unicodedata.normalize("NFC", text)
            value: object = text
        elif tag == _INT and text.isdigit() and len(text) <= _INT_DIGITS:
            value = int(text)
        elif tag == _INT and len(text) > _INT_DIGITS:
            value = text  # Python refuses longer ints; as text, the reader says the value is not a number
        elif tag == _TIMESTAMP:
            try:
                value = self.loader.construct_yaml_timestamp(node)
            except ValueError:
                value = text  # an impossible date such as 2024-02-30 stays text; the schema reports it
        elif tag in _SAFE_SCALARS:
            value = self.loader.yaml_constructors[tag](self.loader, node)
        else:
            raise self._unsupported(node)
        self.built[id(node)] = value
        return value

    def _open(self, node, cls, tag: str):  # noqa: ANN001, ANN202
        """A new YMap/YList placed where ``node`` starts, registered before its children are built
        (so aliases to it resolve) and counted as one more level of nesting."""
        if node.tag != tag:
            raise self._unsupported(node)
        data = cls()
        data.line = node.start_mark.line + 1
        data.col = node.start_mark.column + 1
        self.built[id(node)] = data
        self._enter(node)
        return data

    def _mapping(self, node):  # noqa: ANN001, ANN202
        data = self._open(node, YMap, _MAP)
        data.marks = marks = {}
        if any(k.tag == _MERGE for k, _ in node.value):
            self.loader.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.build(key_node)
            try:
                hash(key)
            except TypeError:
                raise self._error(key_node, "Y001", tr("khóa của ánh xạ phải là giá trị đơn", "a mapping key must be a plain value")) from None
            mark = value_node.start_mark
            if key in data:
                self.problems.append(
                    Problem(
                        self.path,
                        key_node.start_mark.line + 1,
                        key_node.start_mark.column + 1,
                        "Y002",
                        tr(
                            f"khóa '{key}' bị lặp (lần trước ở dòng {marks[key][0]}); "
                            "YAML sẽ âm thầm bỏ giá trị trước — hãy xóa một khóa",
                            f"duplicate key '{key}' (first at line {marks[key][0]}); "
                            "YAML would silently drop the earlier value — remove one",
                        ),
                    )
                )
            data[key] = self.build(value_node)
            marks[key] = (mark.line + 1, mark.column + 1)
        self.depth -= 1
        return data

    def _sequence(self, node):  # noqa: ANN001, ANN202
        data = self._open(node, YList, _SEQ)
        children = node.value
        data.marks = [(child.start_mark.line + 1, child.start_mark.column + 1) for child in children]
        build = self.build
        data.extend([build(child) for child in children])
        self.depth -= 1
        return data

    def _enter(self, node) -> None:  # noqa: ANN001
        """Count one more level of nesting; refuse absurd depths where they start, with a position."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self._error(
                node,
                "Y001",
                _too_deep(),
            )

    def _spend(self, node) -> None:  # noqa: ANN001
        self.alias_budget -= self._size(node)
        if self.alias_budget < 0:
            raise self._error(
                node,
                "Y006",
                tr(
                    f"các bí danh YAML (alias) mở rộng quá {MAX_ALIAS_EXPANSION} nút; hãy viết dữ liệu trực tiếp",
                    f"YAML aliases expand to more than {MAX_ALIAS_EXPANSION} nodes; write the data out instead",
                ),
            )

    def _size(self, node) -> int:  # noqa: ANN001
        """Number of nodes an alias to ``node`` expands to (memoised, so DAGs stay linear)."""
        known = self.sizes.get(id(node))
        if known is not None:
            return known
        if isinstance(node, yaml.MappingNode):
            size = 1 + sum(self._size(k) + self._size(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            size = 1 + sum(self._size(item) for item in node.value)
        else:
            size = 1
        self.sizes[id(node)] = size
        return size

    def _unsupported(self, node) -> CchcError:  # noqa: ANN001
        return self._error(
            node,
            "Y007",
            tr(
                "thẻ YAML không được hỗ trợ (chỉ chấp nhận dữ liệu thuần: chuỗi, số, danh sách, ánh xạ)",
                "unsupported YAML tag (only plain data is accepted: strings, numbers, lists, mappings)",
            ),
        )

    def _error(self, node, code: str, message: str) -> CchcError:  # noqa: ANN001
        return CchcError(Problem(self.path, node.start_mark.line + 1, node.start_mark.column + 1, code, message))


def read_text(path: str | os.PathLike[str], what: str = "YAML") -> str:
    """Read a UTF-8 text file (BOM tolerated); anything else is an UnreadableInput."""
    shown = str(path)
    try:
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise UnreadableInput(
                Problem(
                    shown,
                    None,
                    None,
                    "Y005",
                    tr(
                        f"tệp quá lớn ({size // (1024 * 1024)} MiB > {MAX_FILE_BYTES // (1024 * 1024)} MiB)",
                        f"file too large ({size // (1024 * 1024)} MiB > {MAX_FILE_BYTES // (1024 * 1024)} MiB)",
                    ),
                )
            )
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise UnreadableInput(
            Problem(shown, None, None, "Y005", tr("không tìm thấy tệp", "file not found"))
        ) from None
    except IsADirectoryError:
        raise UnreadableInput(
            Problem(shown, None, None, "Y005", tr("là thư mục, không phải tệp", "is a directory, not a file"))
        ) from None
    except OSError as exc:
        raise UnreadableInput(
            Problem(shown, None, None, "Y005", tr(f"không đọc được tệp: {exc.strerror}", f"cannot read file: {exc.strerror}"))
        ) from None
    if _looks_utf16(raw):
        raise UnreadableInput(
            Problem(
                shown,
                1,
                1,
                "Y005",
                tr(
                    "tệp được mã hóa UTF-16, không phải UTF-8; hãy lưu lại tệp với mã hóa UTF-8",
                    "the file is encoded as UTF-16, not UTF-8; save the file as UTF-8",
                ),
            )
        )
    nul = raw.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(raw, nul)
        raise UnreadableInput(
            Problem(
                shown,
                line,
                col,
                "Y005",
                tr(
                    "có byte NUL (0x00): đây không phải tệp văn bản (tệp nhị phân hoặc bị hỏng?)",
                    "NUL byte (0x00): this is not a text file (binary or damaged?)",
                ),
            )
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(raw, exc.start)
        raise UnreadableInput(
            Problem(
                shown,
                line,
                col,
                "Y005",
                tr(
                    f"không phải văn bản UTF-8 (byte 0x{raw[exc.start]:02X}); "
                    "hãy lưu lại tệp với mã hóa UTF-8",
                    f"not UTF-8 text (byte 0x{raw[exc.start]:02X}); save the file as UTF-8",
                ),
            )
        ) from None


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters, as an editor shows them) of a byte offset."""
    start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, len(raw[start:offset].decode("utf-8", "replace")) + 1


def _looks_utf16(raw: bytes) -> bool:
    """A UTF-16 byte-order mark, or the NUL byte in every other place that UTF-16 text has."""
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return True
    head = raw[:512]
    return len(head) >= 8 and head.count(0) * 3 >= len(head)


def parse_yaml(text: str, path: str) -> tuple[object, list[Problem]]:
    """Parse one YAML document; returns the data and non-fatal problems (duplicate keys)."""
    loader = None
    try:
        loader = _Loader(text)  # the pure-Python reader already refuses control characters here
        builder = _Builder(loader, path)
        if _may_nest_deeply(text):
            _check_depth(text, path)
        node = loader.get_single_node()
        data = None if node is None else builder.build(node)
    except RecursionError:
        raise CchcError(Problem(path, None, None, "Y001", tr("YAML lồng nhau quá sâu", "YAML nested too deeply"))) from None
    except yaml.MarkedYAMLError as exc:
        raise CchcError(_syntax_problem(exc, path, text)) from None
    except yaml.reader.ReaderError as exc:  # a control character such as NUL: not a text file
        at = exc.position
        if not isinstance(loader, yaml.reader.Reader) and loader is not None:  # libyaml counts bytes of the UTF-8 text
            at = len(text.encode("utf-8")[:at].decode("utf-8", "ignore"))
        line = text.count("\n", 0, at) + 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1
        char = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise CchcError(
            Problem(
                path,
                line,
                col,
                "Y001",
                tr(
                    f"ký tự điều khiển U+{char:04X} không được có trong tệp YAML; xóa ký tự này (tệp có bị hỏng?)",
                    f"control character U+{char:04X} is not allowed in YAML; remove it (is the file damaged?)",
                ),
            )
        ) from None
    except yaml.YAMLError as exc:
        raise CchcError(Problem(path, None, None, "Y001", tr("YAML không hợp lệ; kiểm tra thụt lề, dấu ':' và dấu ngoặc", f"invalid YAML: {exc}"))) from None
    finally:
        if loader is not None:
            loader.dispose()
    if data is None:
        raise CchcError(
            Problem(path, 1, 1, "Y004", tr("tệp rỗng: không có dữ liệu YAML", "empty file: no YAML data"))
        )
    return data, builder.problems


def _may_nest_deeply(text: str) -> bool:
    if text.count("[") + text.count("{") > MAX_DEPTH and _flow_depth_bound(text) > MAX_DEPTH:
        return True
    if any(brk in text for brk in ("\r", "\x85", "\u2028", "\u2029")):
        return _DEEP_BLOCK_INDENT.search(text) is not None
    return _DEEP_BLOCK_INDENT_LF.search(text) is not None or _DEEP_BLOCK_INDENT.match(text) is not None


def _too_deep() -> str:
    return tr(
        f"YAML lồng nhau quá sâu (hơn {MAX_DEPTH} cấp danh sách/ánh xạ)",
        f"YAML nested too deeply (more than {MAX_DEPTH} levels of lists/mappings)",
    )


def _flow_depth_bound(text: str) -> int:
    """Most brackets open at once, counting brackets inside strings too: an upper bound in practice
    (a stray ']' in a quoted string can lower it; libyaml's own limit is then the backstop)."""
    depth = deepest = 0
    for match in _FLOW_BRACKETS.finditer(text):
        if match.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest


def _check_depth(text: str, path: str) -> None:
    """Refuse nesting deeper than MAX_DEPTH from the pure-Python parser's events (no recursion, no
    limit of its own, so cchc's limit always fires first and at the right place)."""
    loader = yaml.SafeLoader(text)
    starts = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
    ends = (yaml.SequenceEndEvent, yaml.MappingEndEvent)
    depth = 0
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, starts):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    raise CchcError(
                        Problem(
                            path,
                            mark.line + 1,
                            mark.column + 1,
                            "Y001",
                            _too_deep(),
                        )
                    )
            elif isinstance(event, ends):
                depth -= 1
    finally:
        loader.dispose()


def load_yaml(path: str | os.PathLike[str]) -> tuple[object, list[Problem]]:
    """Read and parse a YAML file (see :func:`parse_yaml`)."""
    return parse_yaml(read_text(path), str(path))


def _syntax_problem(exc: yaml.MarkedYAMLError, path: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    col = mark.column + 1 if mark else None
    problem = exc.problem or "syntax error"
    if mark is not None and _has_tab_near(text, mark.line, mark.column):
        return Problem(
            path,
            line,
            col,
            "Y003",
            tr(
                "ký tự tab trong phần thụt lề YAML; hãy dùng dấu cách",
                "tab character in YAML indentation; use spaces",
            ),
        )
    if "nesting depth" in problem or "nesting level" in problem:  # libyaml's own limit (backstop)
        return Problem(
            path,
            line,
            col,
            "Y001",
            _too_deep(),
        )
    if "constructor for the tag" in problem:
        return Problem(
            path,
            line,
            col,
            "Y007",
            tr(
                "thẻ YAML không được hỗ trợ (chỉ chấp nhận dữ liệu thuần: chuỗi, số, danh sách, ánh xạ)",
                "unsupported YAML tag (only plain data is accepted: strings, numbers, lists, mappings)",
            ),
        )
    return Problem(
        path,
        line,
        col,
        "Y001",
        tr(
            f"lỗi cú pháp YAML{_syntax_detail_vi(problem)}; kiểm tra thụt lề, dấu ':' và dấu ngoặc",
            f"YAML syntax error: {problem}; check indentation, ':' and brackets",
        ),
    )


# The parser's own wording is English; Vietnamese output names the common cases in Vietnamese and
# otherwise gives no detail rather than mixing languages.
_SYNTAX_DETAILS_VI = (
    ("mapping values are not allowed", "dấu ':' không được đặt ở đây"),
    ("could not find expected ':'", "thiếu dấu ':' sau khóa"),
    ("did not find expected key", "thụt lề không khớp với khóa phía trên"),
    ("did not find expected '-' indicator", "thiếu dấu '-' của phần tử danh sách"),
    ("did not find expected ',' or ']'", "thiếu dấu ',' hoặc ']'"),
    ("did not find expected ',' or '}'", "thiếu dấu ',' hoặc '}'"),
    ("found character that cannot start any token", "có ký tự không thể mở đầu một giá trị (ví dụ '@' hoặc '`'); hãy đặt giá trị trong dấu nháy"),
    ("found undefined alias", "bí danh (alias) chưa được khai báo"),
    ("found unexpected end of stream", "tệp kết thúc giữa chừng (thiếu dấu nháy hoặc dấu đóng ngoặc?)"),
    ("found unknown escape character", "ký tự thoát '\\' không hợp lệ trong chuỗi nháy kép"),
    ("but found another document", "tệp có nhiều tài liệu YAML (---); mỗi tệp chỉ được một"),
    ("expected <block end>", "thụt lề không khớp"),
    ("found a tab character", "có ký tự tab trong phần thụt lề"),
    ("found unexpected ':'", "dấu ':' không đúng chỗ"),
)


def _syntax_detail_vi(problem: str) -> str:
    for english, vietnamese in _SYNTAX_DETAILS_VI:
        if english in problem:
            return f": {vietnamese}"
    return ""


def _has_tab_near(text: str, line: int, column: int) -> bool:
    """True when the error mark sits on (or just after) a tab in the line's indentation."""
    lines = text.splitlines()
    if line >= len(lines):
        return False
    indent = lines[line][: max(column, 0) + 1]
    return "\t" in indent and not indent.replace("\t", "").strip(" -")
