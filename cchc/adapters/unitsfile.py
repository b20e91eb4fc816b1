"""Read the bundled national master data of administrative units (``cchc/data/units/units-2025.csv``).

The file and its sources are described in ``cchc/data/units/SOURCES.md``; this module only turns
its rows into :class:`cchc.core.units.Unit` objects (read once per process).
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from cchc.core.i18n import tr
from cchc.core.problems import EXIT_INTERNAL, CchcError
from cchc.core.text import squash
from cchc.core.units import COMMUNE_KINDS, PROVINCE_KINDS, UNIT_LEVELS, Unit, UnitBook

UNITS_FILE = Path(__file__).resolve().parent.parent / "data" / "units" / "units-2025.csv"
COLUMNS = ("code", "name", "kind", "level", "province_code", "province", "formed_from_district", "formed_from")
IN_FORCE = "2025-07-01"  # the date the file describes


def _names(cell: str) -> tuple[str, ...]:
    return tuple(squash(part) for part in cell.split(";") if part.strip())


@functools.cache
def load_units(path: Path = UNITS_FILE) -> UnitBook:
    """Every unit of the file; a damaged bundled file is an internal error (exit 3), not bad user input."""
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise CchcError(tr(f"không đọc được danh mục đơn vị hành chính '{path}': {exc}", f"cannot read the administrative-unit list '{path}': {exc}"), EXIT_INTERNAL) from exc
    units = []
    for number, row in enumerate(rows, start=2):
        if tuple(row) != COLUMNS or row["level"] not in UNIT_LEVELS or row["kind"] not in (*PROVINCE_KINDS, *COMMUNE_KINDS):
            raise CchcError(tr(f"{path}:{number}: dòng không đúng định dạng danh mục đơn vị hành chính", f"{path}:{number}: not a row of the administrative-unit list"), EXIT_INTERNAL)
        units.append(
            Unit(
                code=row["code"],
                name=squash(row["name"]),
                kind=row["kind"],
                level=row["level"],
                province_code=row["province_code"],
                province=squash(row["province"]),
                formed_from_district=_names(row["formed_from_district"]),
                formed_from=_names(row["formed_from"]),
            )
        )
    return UnitBook(units, str(path))
