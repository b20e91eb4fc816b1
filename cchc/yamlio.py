"""Safe YAML loading that remembers where every value came from.

PyYAML's C parser does the heavy lifting (pure-Python fallback when libyaml is missing); our
constructor only builds plain ``dict``/``list`` subclasses that carry line/column marks, folds
strings to NFC, records duplicate keys (PyYAML silently keeps the last one) and bounds alias
expansion so a "billion laughs" file cannot blow up later walks. Only the safe tag set is accepted:
no Python objects are ever constructed.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import yaml

from cchc.i18n import tr
from cchc.problems import ERROR, CchcError, Problem, UnreadableInput

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_ALIAS_EXPANSION = 100_000


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
    def __init__(self, stream: str, path: str):
        super().__init__(stream)
        self.path = path
        self.problems: list[Problem] = []
        self._alias_budget = MAX_ALIAS_EXPANSION
        self._sizes: dict[int, int] = {}

    def construct_object(self, node, deep=False):  # noqa: ANN001 - PyYAML signature
        if node in self.constructed_objects:
            self._alias_budget -= self._size(node)
            if self._alias_budget < 0:
                raise CchcError(
                    Problem(
                        self.path,
                        node.start_mark.line + 1,
                        node.start_mark.column + 1,
                        "Y006",
                        tr(
                            f"các bí danh YAML (alias) mở rộng quá {MAX_ALIAS_EXPANSION} nút; "
                            "hãy viết dữ liệu trực tiếp",
                            f"YAML aliases expand to more than {MAX_ALIAS_EXPANSION} nodes; "
                            "write the data out instead",
                        ),
                    )
                )
        return super().construct_object(node, deep)

    def _size(self, node) -> int:  # noqa: ANN001
        """Number of nodes an alias to ``node`` expands to (memoised, so DAGs stay linear)."""
        known = self._sizes.get(id(node))
        if known is not None:
            return known
        if isinstance(node, yaml.MappingNode):
            size = 1 + sum(self._size(k) + self._size(v) for k, v in node.value)
        elif isinstance(node, yaml.SequenceNode):
            size = 1 + sum(self._size(item) for item in node.value)
        else:
            size = 1
        self._sizes[id(node)] = size
        return size


def _construct_str(loader: _Loader, node):  # noqa: ANN001
    value = loader.construct_scalar(node)
    if not value.isascii() and not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    return value


def _construct_map(loader: _Loader, node):  # noqa: ANN001
    data = YMap()
    data.line = node.start_mark.line + 1
    data.col = node.start_mark.column + 1
    data.marks = {}
    yield data
    loader.flatten_mapping(node)
    marks = data.marks
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=False)
        try:
            hash(key)
        except TypeError:
            raise CchcError(
                Problem(
                    loader.path,
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                    "Y001",
                    tr("khóa của ánh xạ phải là giá trị đơn", "a mapping key must be a plain value"),
                )
            ) from None
        if key in data:
            loader.problems.append(
                Problem(
                    loader.path,
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
        data[key] = loader.construct_object(value_node, deep=False)
        marks[key] = (value_node.start_mark.line + 1, value_node.start_mark.column + 1)


def _construct_seq(loader: _Loader, node):  # noqa: ANN001
    data = YList()
    data.line = node.start_mark.line + 1
    data.col = node.start_mark.column + 1
    data.marks = [(child.start_mark.line + 1, child.start_mark.column + 1) for child in node.value]
    yield data
    data.extend(loader.construct_object(child, deep=False) for child in node.value)


def _construct_timestamp(loader: _Loader, node):  # noqa: ANN001
    """Keep an impossible date such as 2024-02-30 as text so the schema reports it in place."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:str", _construct_str)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


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
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
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


def parse_yaml(text: str, path: str) -> tuple[object, list[Problem]]:
    """Parse one YAML document; returns the data and non-fatal problems (duplicate keys)."""
    loader = _Loader(text, path)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        raise CchcError(_syntax_problem(exc, path, text)) from None
    except yaml.YAMLError as exc:
        raise CchcError(Problem(path, None, None, "Y001", tr(f"YAML không hợp lệ: {exc}", f"invalid YAML: {exc}"))) from None
    finally:
        loader.dispose()
    if data is None:
        raise CchcError(
            Problem(path, 1, 1, "Y004", tr("tệp rỗng: không có dữ liệu YAML", "empty file: no YAML data"))
        )
    return data, loader.problems


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
            f"lỗi cú pháp YAML: {problem}; kiểm tra thụt lề, dấu ':' và dấu ngoặc",
            f"YAML syntax error: {problem}; check indentation, ':' and brackets",
        ),
    )


def _has_tab_near(text: str, line: int, column: int) -> bool:
    """True when the error mark sits on (or just after) a tab in the line's indentation."""
    lines = text.splitlines()
    if line >= len(lines):
        return False
    indent = lines[line][: max(column, 0) + 1]
    return "\t" in indent and not indent.replace("\t", "").strip(" -")
