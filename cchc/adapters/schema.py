"""A small schema language: one definition gives both the editor's JSON Schema and the validator.

The validator walks the loaded YAML (``YMap``/``YList`` with positions) and reports every mismatch as
a :class:`~cchc.core.problems.Problem` pointing at the exact line and column, which a generic JSON
Schema validator could not do. Keeping a single definition means the schema in ``schemas/`` and
the checks ``cchc validate`` runs can never disagree.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any

from cchc.adapters.yamlio import position
from cchc.core.i18n import tr
from cchc.core.problems import Problem
from cchc.core.text import suggest


class Checker:
    """Collects problems for one file while a spec walks its data."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []

    def report(self, container: object, key: object, code: str, message: str, severity: str = "error") -> None:
        line, col = position(container, key)
        self.problems.append(Problem(self.path, line, col, code, message, severity))


class Spec(ABC):
    description = ""

    @abstractmethod
    def json(self, defs: dict[str, Any]) -> dict[str, Any]:
        """The JSON Schema fragment for editors (shared definitions go into ``defs``)."""

    @abstractmethod
    def check(self, value: Any, ck: Checker, container: object, key: object, label: str) -> bool:
        """Report every mismatch of ``container[key]`` (= ``value``) to ``ck``; True when it fits."""

    def _wrong_type(self, value: Any, ck: Checker, container: object, key: object, label: str, expected_vi: str, expected_en: str) -> bool:
        ck.report(
            container,
            key,
            "S102",
            tr(
                f"'{label}' phải là {expected_vi}, không phải {_describe(value)}",
                f"'{label}' must be {expected_en}, not {_describe(value)}",
            ),
        )
        return False


def _describe(value: Any) -> str:
    if value is None:
        return tr("rỗng", "empty")
    if isinstance(value, bool):
        return tr("đúng/sai", "a boolean")
    if isinstance(value, (int, float)):
        return tr(f"số {value}", f"the number {value}")
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "…"
        return tr(f"chuỗi '{short}'", f"the text '{short}'")
    if isinstance(value, list):
        return tr("một danh sách", "a list")
    if isinstance(value, dict):
        return tr("một ánh xạ", "a mapping")
    return type(value).__name__


@dataclass
class Str(Spec):
    description: str = ""
    pattern: str | None = None
    enum: tuple[str, ...] | None = None
    nonempty: bool = False
    _regex: re.Pattern[str] | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        if self.pattern:
            self._regex = re.compile(self.pattern)

    def json(self, defs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string"}
        if self.pattern:
            out["pattern"] = f"^(?:{self.pattern})$"
        if self.enum:
            out["enum"] = list(self.enum)
        if self.nonempty:
            out["minLength"] = 1
        if self.description:
            out["description"] = self.description
        return out

    def check(self, value: Any, ck: Checker, container: object, key: object, label: str) -> bool:
        if not isinstance(value, str):
            return self._wrong_type(value, ck, container, key, label, "chuỗi văn bản", "text")
        if self.nonempty and not value.strip():
            ck.report(container, key, "S104", tr(f"'{label}' không được để trống", f"'{label}' must not be empty"))
            return False
        if self.enum is not None and value not in self.enum:
            choices = ", ".join(self.enum)
            ck.report(container, key, "S104", tr(f"'{label}' = '{value}' không hợp lệ; chọn một trong: {choices}", f"'{label}' = '{value}' is not allowed; use one of: {choices}"))
            return False
        if self._regex is not None and not self._regex.fullmatch(value):
            ck.report(container, key, "S104", tr(f"'{label}' = '{value}' sai dạng (mẫu {self.pattern})", f"'{label}' = '{value}' has the wrong form (pattern {self.pattern})"))
            return False
        return True


@dataclass
class Num(Spec):
    description: str = ""
    minimum: float | None = None
    maximum: float | None = None
    integer: bool = False

    def json(self, defs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "integer" if self.integer else "number"}
        if self.minimum is not None:
            out["minimum"] = self.minimum
        if self.maximum is not None:
            out["maximum"] = self.maximum
        if self.description:
            out["description"] = self.description
        return out

    def check(self, value: Any, ck: Checker, container: object, key: object, label: str) -> bool:
        ok_type = isinstance(value, int) if self.integer else isinstance(value, (int, float))
        if isinstance(value, bool) or not ok_type:
            return self._wrong_type(value, ck, container, key, label, "số nguyên" if self.integer else "một số", "a whole number" if self.integer else "a number")
        if isinstance(value, float) and not math.isfinite(value):
            ck.report(container, key, "S104", tr(f"'{label}' phải là một số hữu hạn, không phải {value}", f"'{label}' must be a finite number, not {value}"))
            return False
        if (self.minimum is not None and value < self.minimum) or (self.maximum is not None and value > self.maximum):
            lo = "" if self.minimum is None else f"{self.minimum:g}"
            hi = "" if self.maximum is None else f"{self.maximum:g}"
            ck.report(container, key, "S104", tr(f"'{label}' = {value} nằm ngoài khoảng {lo}…{hi}", f"'{label}' = {value} is outside {lo}…{hi}"))
            return False
        return True


@dataclass
class Bool(Spec):
    description: str = ""

    def json(self, defs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "boolean"}
        if self.description:
            out["description"] = self.description
        return out

    def check(self, value: Any, ck: Checker, container: object, key: object, label: str) -> bool:
        if isinstance(value, bool):
            return True
        return self._wrong_type(value, ck, container, key, label, "true hoặc false", "true or false")


@dataclass
class Date(Spec):
    description: str = ""

    def json(self, defs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "string", "format": "date"}
        if self.description:
            out["description"] = self.description
        return out

    def check(self, value: Any, ck: Checker, container: object, key: object, label: str) -> bool:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return True
        if isinstance(value, str):
            try:
                dt.date.fromisoformat(value)
                return True
            except ValueError:
                pass
        ck.report(container, key, "S104", tr(f"'{label}' phải là ngày dạng YYYY-MM-DD có thật, không phải {_describe(value)}", f"'{label}' must be a real date written YYYY-MM-DD, not {_describe(value)}"))
        return False


@dataclass
class ListOf(Spec):
    item: Spec
    description: str = ""

    def json(self, defs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "array", "items": self.item.json(defs)}
        if self.description:
            out["description"] = self.description
        return out

    def check(self, value: Any, ck: Checker, container: object, key: object, label: str) -> bool:
        if not isinstance(value, list):
            return self._wrong_type(value, ck, container, key, label, "một danh sách", "a list")
        ok = True
        for i, item in enumerate(value):
            ok = self.item.check(item, ck, value, i, f"{label}[{i}]") and ok
        return ok


@dataclass
class AnyOf(Spec):
    options: tuple[Spec, ...]
    description: str = ""
    expected_vi: str = ""
    expected_en: str = ""

    def json(self, defs: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {"anyOf": [o.json(defs) for o in self.options]}
        if self.description:
            out["description"] = self.description
        return out

    def check(self, value: Any, ck: Checker, container: object, key: object, label: str) -> bool:
        for option in self.options:
            trial = Checker(ck.path)
            if option.check(value, trial, container, key, label):
                return True
        return self._wrong_type(value, ck, container, key, label, self.expected_vi, self.expected_en)


@dataclass
class Nullable(Spec):
    inner: Spec

    def json(self, defs: dict[str, Any]) -> dict[str, Any]:
        return {"anyOf": [self.inner.json(defs), {"type": "null"}]}

    def check(self, value: Any, ck: Checker, container: object, key: object, label: str) -> bool:
        return value is None or self.inner.check(value, ck, container, key, label)


@dataclass
class Field:
    spec: Spec
    required: bool = False


@dataclass
class Obj(Spec):
    name: str
    fields: dict[str, Field]
    description: str = ""

    def json(self, defs: dict[str, Any]) -> dict[str, Any]:
        if self.name not in defs:
            defs[self.name] = {}  # placeholder first: allows recursive references
            body: dict[str, Any] = {
                "type": "object",
                "properties": {k: f.spec.json(defs) for k, f in self.fields.items()},
                "additionalProperties": False,
            }
            required = [k for k, f in self.fields.items() if f.required]
            if required:
                body["required"] = required
            if self.description:
                body["description"] = self.description
            defs[self.name] = body
        return {"$ref": f"#/$defs/{self.name}"}

    def check(self, value: Any, ck: Checker, container: object, key: object, label: str) -> bool:
        if not isinstance(value, dict):
            return self._wrong_type(value, ck, container, key, label, "một ánh xạ (khóa: giá trị)", "a mapping (key: value)")
        ok = True
        prefix = f"{label}." if label else ""
        for name, fld in self.fields.items():
            if name in value:
                ok = fld.spec.check(value[name], ck, value, name, prefix + name) and ok
            elif fld.required:
                ok = False
                ck.report(value, None, "S101", tr(f"thiếu trường bắt buộc '{prefix}{name}'", f"missing required field '{prefix}{name}'"))
        for name in value:
            if name not in self.fields:
                ok = False
                close = suggest(str(name), {f: f for f in self.fields})
                hint = tr(f"; có phải '{close[0]}'?", f"; did you mean '{close[0]}'?") if close else tr(f"; các trường hợp lệ: {', '.join(self.fields)}", f"; known fields: {', '.join(self.fields)}")
                line, col = _key_position(value, name)
                ck.problems.append(Problem(ck.path, line, col, "S103", tr(f"trường lạ '{prefix}{name}'", f"unknown field '{prefix}{name}'") + hint))
        return ok


def _key_position(mapping: dict, key: object) -> tuple[int | None, int | None]:
    """Values' marks are recorded; the key sits on the same line, which is what a reader needs."""
    line, _ = position(mapping, key)
    _, col = position(mapping)
    return line, col


def to_json_schema(root: Obj, schema_id: str, title: str) -> dict[str, Any]:
    defs: dict[str, Any] = {}
    ref = root.json(defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id,
        "title": title,
        **ref,
        "$defs": defs,
    }
