"""Read an agency registry file (``kind: agencies``) into a :class:`~cchc.core.agencies.Registry`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from cchc.adapters import formats
from cchc.adapters.documents import load_document
from cchc.adapters.schema import Checker
from cchc.adapters.yamlio import YMap
from cchc.core.agencies import Agency, Collective, Registry
from cchc.core.i18n import tr
from cchc.core.problems import CchcError, Problem
from cchc.core.text import exact_key


def load_registry(path: str | Path) -> tuple[Registry, list[Problem]]:
    """Load and check a registry; raises CchcError when it is not a usable registry file."""
    kind, data, problems = load_document(path)
    if kind != "agencies":
        raise CchcError(Problem(str(path), *data.pos("kind"), "A301", tr(f"không phải danh mục cơ quan (kind: {kind})", f"not an agency registry (kind: {kind})")))
    return registry_from_data(data, str(path), problems)


def registry_from_data(data: YMap, path: str, problems: list[Problem] | None = None) -> tuple[Registry, list[Problem]]:
    ck = Checker(path)
    ck.problems.extend(problems or [])
    if not formats.AGENCIES.check(data, ck, None, None, ""):
        return Registry(str(data.get("province", "")), [], [], path), ck.problems
    agencies = [
        Agency(
            id=a["id"],
            name=a["name"],
            kind=a["kind"],
            level=a["level"],
            aliases=tuple(a.get("aliases", ())),
            member_of=tuple(a.get("member_of", ())),
            successor=(a.get("successor") or {}).get("agency"),
            successor_date=_date((a.get("successor") or {}).get("date")),
            successor_note=(a.get("successor") or {}).get("note", ""),
            established=_date(a.get("established")),
        )
        for a in data["agencies"]
    ]
    collectives = [
        Collective(
            id=c["id"],
            name=c["name"],
            aliases=tuple(c.get("aliases", ())),
            kinds=tuple(c.get("kinds", ())),
            members=tuple(c.get("members", ())),
            includes=tuple(c.get("includes", ())),
        )
        for c in data.get("collectives", [])
    ]
    _check_references(data, agencies, collectives, ck)
    _check_cycles(data, agencies, collectives, ck)
    registry = Registry(data["province"], agencies, collectives, path)
    # Successors may be written by name; store ids so the model has one way to follow them.
    for agency in agencies:
        if agency.successor and agency.successor not in registry.by_id:
            hit = registry.lookup(agency.successor)
            if hit is not None:
                agency.successor = hit.id
    return registry, ck.problems


def _date(value: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _check_references(data: YMap, agencies: list[Agency], collectives: list[Collective], ck: Checker) -> None:
    """Duplicate ids or names, and references to ids that do not exist."""
    ids: dict[str, int] = {}
    names: dict[str, str] = {}
    raw_entries = [*data["agencies"], *data.get("collectives", [])]
    entries: list[Agency | Collective] = [*agencies, *collectives]
    for raw, entry in zip(raw_entries, entries, strict=True):
        if entry.id in ids:
            ck.report(raw, "id", "A302", tr(f"mã '{entry.id}' bị trùng (đã dùng ở dòng {ids[entry.id]})", f"duplicate id '{entry.id}' (already used at line {ids[entry.id]})"))
        ids.setdefault(entry.id, raw.pos("id")[0])
        for written in (entry.name, *entry.aliases):
            key = exact_key(written)
            owner = names.get(key)
            if owner is not None and owner != entry.id:
                ck.report(raw, "name" if written == entry.name else "aliases", "A303", tr(f"tên '{written}' đã thuộc về '{owner}'; một tên chỉ được trỏ tới một cơ quan", f"the name '{written}' already belongs to '{owner}'; a name may point to one agency only"))
            names.setdefault(key, entry.id)
    known = set(ids)
    collective_ids = {c.id for c in collectives}
    for raw, agency in zip(data["agencies"], agencies, strict=True):
        for ref in agency.member_of:
            if ref not in collective_ids:
                ck.report(raw, "member_of", "A304", tr(f"'{agency.id}' thuộc tập thể không có trong danh mục: '{ref}'", f"'{agency.id}' is a member of an unknown collective '{ref}'"))
        if agency.successor and agency.successor not in known and exact_key(agency.successor) not in names:
            ck.report(raw["successor"], "agency", "A304", tr(f"cơ quan kế thừa '{agency.successor}' không có trong danh mục", f"successor '{agency.successor}' is not in the registry"))
    for raw, collective in zip(data.get("collectives", []), collectives, strict=True):
        for field_name, refs in (("members", collective.members), ("includes", collective.includes)):
            for ref in refs:
                if ref not in known:
                    ck.report(raw, field_name, "A304", tr(f"'{collective.id}' tham chiếu mã không có: '{ref}'", f"'{collective.id}' refers to an unknown id '{ref}'"))


def _check_cycles(data: YMap, agencies: list[Agency], collectives: list[Collective], ck: Checker) -> None:
    """A successor chain that comes back to where it started (a → b → a) has no one carrying the
    duty; a collective that includes itself, directly or through others, has no members to find."""
    by_name = {exact_key(n): a.id for a in agencies for n in (a.name, *a.aliases)}
    successor = {a.id: by_name.get(exact_key(a.successor), a.successor) for a in agencies if a.successor}
    for raw, agency in zip(data["agencies"], agencies, strict=True):
        seen = [agency.id]
        current = successor.get(agency.id)
        while current is not None and current not in seen:
            seen.append(current)
            current = successor.get(current)
        if current == agency.id:
            chain = " → ".join([*seen, agency.id])
            ck.report(raw["successor"], "agency", "A305", tr(f"chuỗi cơ quan kế thừa quay vòng ({chain}); sửa 'successor' của một cơ quan", f"the successor chain loops ({chain}); fix one agency's 'successor'"))
    includes = {c.id: set(c.includes) for c in collectives}
    for raw, collective in zip(data.get("collectives", []), collectives, strict=True):
        stack, seen = list(includes.get(collective.id, ())), set()
        while stack:
            inner = stack.pop()
            if inner == collective.id:
                ck.report(raw, "includes", "A306", tr(f"tập thể '{collective.id}' tự bao gồm chính nó (qua 'includes'); bỏ vòng lặp", f"collective '{collective.id}' includes itself (through 'includes'); remove the loop"))
                break
            if inner not in seen:
                seen.add(inner)
                stack.extend(includes.get(inner, ()))
