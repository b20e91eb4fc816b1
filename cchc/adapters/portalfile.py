"""Portal tables in (JSON rows, CSV and xlsx downloads) and dated snapshots out and back.

Input
-----
**JSON**: the portal report service's rows, a list of objects such as
``{"ID": 12, "TEN": "Sở Tư pháp", "CKMB": "15.5", "TDGQ": 19.1, …, "TONG_SCORE": "80.12"}`` — at the
top level or under ``data``/``rows``/``items``/``result`` (any depth). Numbers may be strings, with
a decimal point or comma.

**CSV / xlsx**: a header row (within the first 20 rows) naming the unit column and the group
columns, either by the service's keys (``TEN``, ``CKMB`` … ``TONG_SCORE``) or in Vietnamese as the
portal's pages print them ("Tên đơn vị", "Công khai, minh bạch", "Tiến độ giải quyết", "Dịch vụ công
trực tuyến", "Thanh toán trực tuyến", "Số hóa hồ sơ", "Mức độ hài lòng", "Tổng điểm"). Other columns
(STT, Mã …) are ignored; blank rows are skipped.

Snapshot
--------
``reports/portal/<province folder>/<YYYY-MM-DD>.yaml``, ``kind: portal-snapshot``, one flow mapping
per unit with its registry id (``agency: null`` when unmatched). The text depends only on what was
imported, so importing the same table for the same date again changes nothing.

Problem codes
-------------
==== ========================================================================
G801 not a portal table: no unit-name column / no rows with a name; a JSON file that is not JSON
G802 a score that is not a number, or outside 0–100
G803 a unit the registry has no agency for (warning: kept in the snapshot as unmatched)
G804 the same unit twice in one table
G805 a snapshot file that cannot be used (wrong kind, date, bad row)
==== ========================================================================
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from cchc.core.i18n import tr
from cchc.core.portal import GROUP_KEYS, Snapshot, Unit
from cchc.core.problems import ERROR, WARNING, CchcError, Problem
from cchc.core.text import fold, squash

SNAPSHOT_KIND = "portal-snapshot"
PORTAL_SUFFIXES = (".json", ".csv", ".xlsx")
_HEADER_SEARCH_ROWS = 20
_MAX = Decimal(100)

# folded header text -> key; a header matches when it equals or starts with one of these
_HEADERS: dict[str, tuple[str, ...]] = {
    "ID": ("id", "ma don vi", "ma co quan", "id_coquan"),
    "TEN": ("ten", "ten don vi", "ten co quan", "don vi", "co quan", "ten_coquan", "ten co quan, don vi", "co quan, don vi"),
    "CKMB": ("ckmb", "cong khai, minh bach", "cong khai minh bach"),
    "TDGQ": ("tdgq", "tien do giai quyet", "tien do, ket qua giai quyet"),
    "CLGQ": ("clgq", "dich vu cong truc tuyen", "dich vu truc tuyen", "cung cap dich vu cong truc tuyen", "cung cap dich vu truc tuyen"),
    "TTTT": ("tttt", "thanh toan truc tuyen"),
    "MDSH": ("mdsh", "so hoa ho so", "muc do so hoa ho so", "so hoa"),
    "MDHL": ("mdhl", "muc do hai long", "hai long"),
    "TONG_SCORE": ("tong_score", "tong diem", "tong", "tong so diem", "diem"),
}
_NAME_KEYS = ("TEN", "TEN_COQUAN")


def _header_key(text: Any) -> str | None:
    if not isinstance(text, str) or not text.strip():
        return None
    folded = fold(text).strip().rstrip(":").strip()
    folded = folded.split("(")[0].strip()  # "Công khai, minh bạch (18 điểm)"
    for key, names in _HEADERS.items():
        if folded in names:
            return key
    return None


# -- reading a portal table ---------------------------------------------------------------------


def read_portal_table(path: Path) -> tuple[list[Unit], list[Problem]]:
    """Units of a portal table file; problems name file:line (CSV), file!row (xlsx) or the JSON row index."""
    suffix = path.suffix.lower()
    if suffix not in PORTAL_SUFFIXES:
        raise CchcError(tr(f"'{path}': cần tệp .json, .csv hoặc .xlsx của Cổng DVCQG", f"'{path}': expected a .json, .csv or .xlsx portal file"), 2)
    if not path.is_file():
        raise CchcError(tr(f"không có tệp '{path}'", f"no file '{path}'"), 2)
    if suffix == ".json":
        return _read_json(path)
    if suffix == ".csv":
        return _read_csv(path)
    from cchc.adapters.xlsxread import read_sheet_rows

    return _read_table(str(path), read_sheet_rows(path), xlsx=True)


def _read_json(path: Path) -> tuple[list[Unit], list[Problem]]:
    from cchc.adapters.yamlio import read_text

    shown = str(path)
    try:
        data = json.loads(read_text(path, "JSON"))
    except json.JSONDecodeError as exc:
        raise CchcError(Problem(shown, exc.lineno, exc.colno, "G801", tr(f"không phải JSON hợp lệ: {exc.msg}", f"not valid JSON: {exc.msg}")), 2) from None
    rows = _json_rows(data)
    if rows is None:
        raise CchcError(
            Problem(shown, 1, 1, "G801", tr("không thấy danh sách đơn vị (các dòng có khóa 'TEN')", "no list of units found (rows with a 'TEN' key)")),
            1,
        )
    problems: list[Problem] = []
    units = []
    for index, row in enumerate(rows, start=1):
        cells = {key.upper(): value for key, value in row.items() if isinstance(key, str)}
        unit = _unit(shown, f"[{index}]", cells, problems, None)
        if unit is not None:
            units.append(unit)
    return units, problems


def _json_rows(data: Any, depth: int = 0) -> list[dict] | None:
    if depth > 6:
        return None
    if isinstance(data, list) and data and all(isinstance(r, dict) for r in data) and any(any(str(k).upper() in _NAME_KEYS for k in r) for r in data):
        return data
    if isinstance(data, dict):
        for key in ("data", "rows", "items", "result", "results", *data.keys()):
            value = data.get(key)
            if isinstance(value, list | dict):
                found = _json_rows(value, depth + 1)
                if found is not None:
                    return found
    return None


def _read_csv(path: Path) -> tuple[list[Unit], list[Problem]]:
    from cchc.adapters.csvrows import CsvSyntaxError, csv_rows
    from cchc.adapters.yamlio import read_text

    lines = read_text(path, "CSV").splitlines(keepends=True)
    head = "".join(lines[:_HEADER_SEARCH_ROWS])
    delimiter = ";" if head.count(";") > head.count(",") else ","
    try:
        rows = list(csv_rows(lines, delimiter))
    except CsvSyntaxError as exc:
        raise CchcError(Problem(str(path), exc.line, 1, "G801", exc.message), 1) from None
    return _read_table(str(path), [(line, [squash(v) for v in row]) for line, row in rows], xlsx=False)


def _read_table(shown: str, rows: list[tuple[int, list[Any]]], xlsx: bool) -> tuple[list[Unit], list[Problem]]:
    header: dict[int, str] | None = None
    start = 0
    for position, (_, values) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        keys = {i: key for i, value in enumerate(values) if (key := _header_key(value)) is not None}
        if "TEN" in keys.values() and len(set(keys.values()) & {*GROUP_KEYS, "TONG_SCORE"}) >= 1:
            header, start = keys, position + 1
            break
    if header is None:
        raise CchcError(
            Problem(
                shown,
                1,
                1,
                "G801",
                tr(
                    "không thấy dòng tiêu đề của bảng Cổng DVCQG (cột tên đơn vị và các cột điểm: TEN, CKMB … TONG_SCORE hoặc 'Tên đơn vị', 'Công khai, minh bạch' … 'Tổng điểm')",
                    "no portal table header found (a unit-name column and score columns: TEN, CKMB … TONG_SCORE or the Vietnamese titles)",
                ),
            ),
            1,
        )
    problems: list[Problem] = []
    units = []
    for line, values in rows[start:]:
        cells = {key: values[i] for i, key in header.items() if i < len(values)}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in cells.values()):
            continue
        where = f"!{line}" if xlsx else str(line)
        unit = _unit(shown, where, cells, problems, line)
        if unit is not None:
            units.append(unit)
    return units, problems


def _unit(shown: str, where: str, cells: dict[str, Any], problems: list[Problem], line: int | None) -> Unit | None:
    name = next((cells[k] for k in _NAME_KEYS if isinstance(cells.get(k), str) and cells[k].strip()), None)
    location = f"{shown}{where}" if where.startswith(("!", "[")) else shown
    if name is None:
        problems.append(Problem(location, line, 1 if line else None, "G801", tr("dòng không có tên đơn vị", "the row has no unit name")))
        return None
    groups: dict[str, Decimal | None] = {}
    ok = True
    for key in (*GROUP_KEYS, "TONG_SCORE"):
        number, good = _score(cells.get(key))
        if not good:
            ok = False
            problems.append(
                Problem(location, line, 1 if line else None, "G802", tr(f"'{name}': {key} '{cells.get(key)}' không phải điểm (số 0–100)", f"'{name}': {key} '{cells.get(key)}' is not a score (a number 0–100)"))
            )
        groups[key] = number
    if not ok:
        return None
    total = groups.pop("TONG_SCORE")
    portal_id = cells.get("ID")
    return Unit(squash(name), groups, total, "" if portal_id is None else str(portal_id).strip(), line=line, origin=location)


def _score(value: Any) -> tuple[Decimal | None, bool]:
    """A score cell: a number, a numeric string ("80,12", "80.12"), or empty."""
    if value is None or isinstance(value, bool):
        return None, value is None
    if isinstance(value, int | float):
        number = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    else:
        text = str(value).strip().replace("\u00a0", "")
        if not text or text in ("-", "null"):
            return None, True
        if text.count(",") == 1 and "." not in text:
            text = text.replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            return None, False
    if not number.is_finite() or not 0 <= number <= _MAX:
        return None, False
    return number.normalize() if number == number.to_integral_value() else number, True


def check_duplicates(units: list[Unit]) -> list[Problem]:
    """G804 for a unit that appears twice in one table."""
    seen: dict[str, Unit] = {}
    problems = []
    for unit in units:
        first = seen.setdefault(unit.key, unit)
        if first is not unit:
            problems.append(
                Problem(unit.origin, unit.line, 1 if unit.line else None, "G804", tr(f"đơn vị '{unit.name}' có hai lần trong bảng (lần đầu: '{first.name}')", f"unit '{unit.name}' appears twice in the table (first: '{first.name}')"))
            )
    return problems


def unmatched_problems(units: list[Unit]) -> list[Problem]:
    return [
        Problem(
            unit.origin,
            unit.line,
            1 if unit.line else None,
            "G803",
            tr(
                f"không có cơ quan '{unit.name}' trong danh mục; vẫn lưu, ghi là chưa khớp (thêm tên vào aliases trong agencies.yaml để khớp)",
                f"no agency '{unit.name}' in the registry; kept as unmatched (add the name to its aliases in agencies.yaml to match it)",
            ),
            WARNING,
        )
        for unit in units
    ]


# -- snapshots ---------------------------------------------------------------------------------


def _scalar(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, Decimal):
        return format(value, "f")
    return json.dumps(value, ensure_ascii=False)


def render_snapshot(snapshot: Snapshot) -> str:
    """The snapshot's YAML text (deterministic: the same table gives the same bytes)."""
    lines = [
        "# Ảnh chụp bảng điểm Bộ chỉ số 766 trên Cổng Dịch vụ công quốc gia; tạo bởi `cchc portal import`.",
        "# Snapshot of the national portal's QĐ 766 index table; written by `cchc portal import`.",
        f"kind: {SNAPSHOT_KIND}",
        f"province: {_scalar(snapshot.province)}",
        f"date: {snapshot.date.isoformat()}",
        f"source: {_scalar(snapshot.source)}",
        "units:",
    ]
    for unit in snapshot.units:
        fields = [f"name: {_scalar(unit.name)}", f"agency: {_scalar(unit.agency_id)}"]
        if unit.portal_id:
            fields.append(f"portal_id: {_scalar(unit.portal_id)}")
        fields += [f"{key}: {_scalar(unit.groups.get(key))}" for key in GROUP_KEYS]
        fields.append(f"total: {_scalar(unit.total)}")
        lines.append("  - {" + ", ".join(fields) + "}")
    return "\n".join(lines) + "\n"


def snapshot_folder(reports: Path, slug: str) -> Path:
    return reports / "portal" / slug


def load_snapshots(folder: Path, registry: Any) -> tuple[list[Snapshot], list[Problem]]:
    """Every ``<date>.yaml`` snapshot in ``folder``; agencies re-resolved by id (kind for ranks)."""
    from cchc.adapters.yamlio import load_yaml

    snapshots, problems = [], []
    if not folder.is_dir():
        return [], []
    for path in sorted(folder.glob("*.yaml")):
        data, found = load_yaml(path)
        problems.extend(found)
        snapshot = _snapshot(path, data, registry, problems)
        if snapshot is not None:
            snapshots.append(snapshot)
    return snapshots, problems


def _snapshot(path: Path, data: Any, registry: Any, problems: list[Problem]) -> Snapshot | None:
    shown = str(path)

    def bad(container: Any, key: Any, vi: str, en: str) -> None:
        line, col = container.pos(key) if hasattr(container, "pos") else (1, 1)
        problems.append(Problem(shown, line, col, "G805", tr(vi, en), ERROR))

    if not isinstance(data, dict) or data.get("kind") != SNAPSHOT_KIND:
        bad(data, "kind", f"không phải ảnh chụp bảng điểm Cổng DVCQG (cần 'kind: {SNAPSHOT_KIND}')", f"not a portal snapshot (needs 'kind: {SNAPSHOT_KIND}')")
        return None
    day = data.get("date")
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime) or path.stem != day.isoformat():
        bad(data, "date", f"'date' phải là ngày YYYY-MM-DD trùng tên tệp ({path.stem})", f"'date' must be a YYYY-MM-DD date equal to the file name ({path.stem})")
        return None
    rows = data.get("units")
    if not isinstance(rows, list):
        bad(data, "units", "'units' phải là danh sách", "'units' must be a list")
        return None
    units = []
    for index, row in enumerate(rows):
        if not isinstance(row, dict) or not isinstance(row.get("name"), str):
            bad(rows, index, "mỗi đơn vị cần 'name'", "every unit needs a 'name'")
            continue
        scores = {}
        for key in (*GROUP_KEYS, "total"):
            number, good = _score(row.get(key))
            if not good:
                bad(row, key, f"'{key}' phải là số 0–100", f"'{key}' must be a number 0–100")
            scores[key] = number
        agency = registry.by_id.get(row.get("agency")) if row.get("agency") else None
        total = scores.pop("total")
        units.append(
            Unit(
                row["name"],
                scores,
                total,
                str(row.get("portal_id") or ""),
                agency.id if agency is not None else None,
                agency.name if agency is not None else "",
                agency.kind if agency is not None else "",
            )
        )
    return Snapshot(str(data.get("province") or registry.province), day, units, str(data.get("source") or ""), shown)

