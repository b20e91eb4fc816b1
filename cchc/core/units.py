"""Vietnam's administrative units since 1 July 2025: 34 provinces and their commune-level units.

Pure model of the bundled master data (``cchc/data/units/units-2025.csv``, read by
:mod:`cchc.adapters.unitsfile`): each :class:`Unit` has its statistical code, official name, kind
(``tinh``/``thanh-pho`` for a province, ``xa``/``phuong``/``dac-khu`` for a commune-level unit), its
province and the pre-2025 units it was formed from. Lookups are case- and diacritic-insensitive
(:func:`cchc.core.text.fold`) and accept an old name with or without its prefix ("Cẩm Xuyên",
"Huyện Cẩm Xuyên", "thi tran cam xuyen").
"""

from __future__ import annotations

from dataclasses import dataclass

from cchc.core.i18n import tr
from cchc.core.problems import EXIT_USAGE, CchcError
from cchc.core.text import fold, suggest

PROVINCE_KINDS = ("tinh", "thanh-pho")
COMMUNE_KINDS = ("xa", "phuong", "dac-khu")
UNIT_LEVELS = ("tinh", "xa")
# Prefixes of unit names, old and new, longest first so "Thị trấn" wins over nothing and "Thành phố"
# is not read as "Thành".
PREFIXES = ("thanh pho", "thi tran", "thi xa", "dac khu", "phuong", "huyen", "quan", "tinh", "xa")
# How a commune-level unit's People's Committee is written: "UBND xã X", "UBND phường Y".
COMMITTEE_WORD = {"xa": "xã", "phuong": "phường", "dac-khu": "đặc khu", "tinh": "tỉnh", "thanh-pho": "thành phố"}


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str  # commune: "Phường Thành Sen"; province: "Hà Tĩnh" (no "Tỉnh"/"Thành phố")
    kind: str
    level: str
    province_code: str
    province: str
    formed_from_district: tuple[str, ...] = ()
    formed_from: tuple[str, ...] = ()

    @property
    def bare_name(self) -> str:
        """The name without its kind word: "Thành Sen" for "Phường Thành Sen"."""
        return strip_prefix(self.name)

    @property
    def committee(self) -> str:
        """Its People's Committee as plans write it: "UBND phường Thành Sen", "UBND tỉnh Hà Tĩnh"."""
        return f"UBND {COMMITTEE_WORD[self.kind]} {self.bare_name}"


def strip_prefix(name: str) -> str:
    """"Thành Sen" for "Phường Thành Sen"; names without a known prefix are returned as they are."""
    words = name.split()
    for size in (2, 1):
        if len(words) > size and fold(" ".join(words[:size])) in PREFIXES:
            return " ".join(words[size:])
    return name


def _key(name: str) -> str:
    return fold(strip_prefix(name))


class UnitBook:
    """The national list: provinces by code, communes by province, and the old names they came from."""

    def __init__(self, units: list[Unit], source: str = ""):
        self.units = units
        self.source = source
        self.provinces = [u for u in units if u.level == "tinh"]
        self._communes: dict[str, list[Unit]] = {}
        for unit in units:
            if unit.level == "xa":
                self._communes.setdefault(unit.province_code, []).append(unit)

    @property
    def communes(self) -> list[Unit]:
        return [u for u in self.units if u.level == "xa"]

    def communes_of(self, province: Unit) -> list[Unit]:
        return list(self._communes.get(province.code, ()))

    def province(self, name: str) -> Unit:
        """A province by name ("Hà Tĩnh", "ha tinh", "Tỉnh Hà Tĩnh"), folder slug ("ha-tinh") or code ("42")."""
        wanted = _key(name.replace("-", " ")) if not name.strip().isdigit() else None
        for unit in self.provinces:
            if unit.code == name.strip() or _key(unit.name) == wanted:
                return unit
        names = {fold(u.name): u.name for u in self.provinces}
        hint = suggest(name, names)
        also = tr(f"; có phải: {', '.join(hint)}?", f"; did you mean {', '.join(hint)}?") if hint else ""
        raise CchcError(
            tr(
                f"không có tỉnh, thành phố '{name}' trong danh mục 34 đơn vị hành chính cấp tỉnh từ 01/7/2025{also}",
                f"no province '{name}' among the 34 provincial units in force since 1 July 2025{also}",
            ),
            EXIT_USAGE,
        )

    def formed_from(self, old_name: str, units: list[Unit] | None = None) -> list[Unit]:
        """The units (of ``units``, default all) formed wholly or partly from an old unit of that name:
        an old commune, district or province, written with or without its prefix."""
        wanted = fold(old_name)
        bare = _key(old_name)
        with_prefix = bare != wanted  # "Huyện Cẩm Xuyên" asks for that huyện only

        def matches(old: str) -> bool:
            return fold(old) == wanted if with_prefix else _key(old) == bare

        return [u for u in (self.units if units is None else units) if any(matches(o) for o in (*u.formed_from, *u.formed_from_district))]


def unit_record(unit: Unit) -> dict:
    """The stable JSON shape of ``cchc units``."""
    return {
        "code": unit.code,
        "name": unit.name,
        "kind": unit.kind,
        "level": unit.level,
        "province": unit.province,
        "province_code": unit.province_code,
        "formed_from": list(unit.formed_from),
        "formed_from_district": list(unit.formed_from_district),
    }
