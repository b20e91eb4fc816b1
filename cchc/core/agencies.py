"""The agency registry: who is who in a province, and which collectives they belong to.

Plans name agencies loosely ("VP UBND tỉnh", "Các sở, ban, ngành", decomposed Unicode). The registry
turns a written name into an :class:`Agency` or a :class:`Collective`:

* :meth:`Registry.lookup` is strict (NFC, case and spacing ignored, diacritics kept): used for plan
  files, where "Sở Nôi vụ" is a typo to report, not a match;
* :meth:`Registry.find` is lenient (diacritics ignored too): used for command-line queries such as
  ``--agency "so noi vu"``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from cchc.core.i18n import tr
from cchc.core.problems import CchcError, Problem
from cchc.core.text import MAX_SUGGEST_LENGTH, exact_key, fold, suggest

AGENCY_KINDS = (
    "provincial-committee",
    "committee-office",
    "department",
    "district-committee",
    "commune-committee",
    "central-agency",
    "party-body",
    "mass-organisation",
    "public-service-unit",
    "other",
)
LEVELS = ("tinh", "huyen", "xa")


@dataclass(slots=True)
class Agency:
    id: str
    name: str
    kind: str
    level: str
    aliases: tuple[str, ...] = ()
    member_of: tuple[str, ...] = ()
    successor: str | None = None  # id of the agency that carries the duty since `successor_date`
    successor_date: dt.date | None = None
    successor_note: str = ""
    established: dt.date | None = None  # set for agencies created by the 2025 reorganisation

    is_collective = False

    def existed_on(self, day: dt.date) -> bool:
        """An agency created later owes nothing that fell due before it existed."""
        return self.established is None or self.established <= day


@dataclass(slots=True)
class Collective:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    includes: tuple[str, ...] = ()

    is_collective = True


class UnknownAgency(CchcError):
    """A name no agency or collective answers to; carries the closest known names."""

    def __init__(self, name: str, suggestions: list[str], problem: Problem | None = None):
        self.name = name
        self.suggestions = suggestions
        super().__init__(problem or unknown_agency_message(name, suggestions))


def unknown_agency_message(name: str, suggestions: list[str]) -> str:
    if suggestions:
        hint = ", ".join(f"'{s}'" for s in suggestions)
        return tr(f"không có cơ quan '{name}' trong danh mục; có phải: {hint}?", f"unknown agency '{name}'; did you mean {hint}?")
    return tr(
        f"không có cơ quan '{name}' trong danh mục; hãy thêm vào agencies.yaml hoặc sửa tên",
        f"unknown agency '{name}'; add it to agencies.yaml or fix the name",
    )


@dataclass
class Registry:
    province: str
    agencies: list[Agency]
    collectives: list[Collective]
    path: str = ""
    by_id: dict[str, Agency | Collective] = field(init=False)
    _exact: dict[str, Agency | Collective] = field(init=False)
    _folded: dict[str, list[Agency | Collective]] = field(init=False)
    _display: dict[str, str] = field(init=False)
    _members: dict[str, frozenset[str]] = field(init=False)
    _looked_up: dict[str, Agency | Collective | None] = field(init=False)  # names as written -> entry (plans repeat a few hundred names)

    def __post_init__(self) -> None:
        self.by_id = {}
        self._exact = {}
        self._folded = {}
        self._display = {}
        self._members = {}
        self._looked_up = {}
        for entry in [*self.agencies, *self.collectives]:
            self.by_id[entry.id] = entry
            for written in (entry.name, *entry.aliases):
                self._exact.setdefault(exact_key(written), entry)
                folded = fold(written)
                bucket = self._folded.setdefault(folded, [])
                if entry not in bucket:
                    bucket.append(entry)
                self._display.setdefault(folded, entry.name)

    def lookup(self, name: str) -> Agency | Collective | None:
        """Strict match (case/spacing/NFC-insensitive, diacritics significant)."""
        if name in self._looked_up:
            return self._looked_up[name]
        found = self._looked_up[name] = self._exact.get(exact_key(name)) or self.by_id.get(name)
        return found

    def find(self, name: str) -> Agency | Collective:
        """Lenient match for people typing queries; raises UnknownAgency with suggestions."""
        hit = self.lookup(name)
        if hit is not None:
            return hit
        candidates = self._folded.get(fold(name), [])
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            names = ", ".join(f"'{c.name}'" for c in candidates)
            raise CchcError(
                tr(f"tên '{name}' khớp nhiều cơ quan: {names}; hãy gõ đủ dấu", f"'{name}' matches several agencies: {names}; type the diacritics")
            )
        partial = self.partial(name)
        if len(partial) == 1:
            return partial[0]
        if len(partial) > 1:
            names = ", ".join(f"'{c.name}'" for c in partial[:8]) + (" …" if len(partial) > 8 else "")
            raise CchcError(
                tr(f"'{name}' là một phần tên của nhiều cơ quan: {names}; hãy gõ đủ tên", f"'{name}' is part of several agencies' names: {names}; type the full name")
            )
        raise UnknownAgency(name, self.suggest(name))

    def partial(self, name: str) -> list[Agency | Collective]:
        """Entries one of whose names holds ``name`` as whole words ("Tứ Kỳ", "gia loc" -> UBND huyện …)."""
        words = fold(name).split()
        if not words:
            return []
        found: list[Agency | Collective] = []
        for key, entries in self._folded.items():
            key_words = key.replace(",", " ").split()
            if any(key_words[i : i + len(words)] == words for i in range(len(key_words) - len(words) + 1)):
                found.extend(e for e in entries if e not in found)
        return found

    def suggest(self, name: str) -> list[str]:
        if len(name) > MAX_SUGGEST_LENGTH:
            return []
        exact = self._folded.get(fold(name))
        if exact:
            return [e.name for e in exact]
        return suggest(name, self._display)

    def members(self, collective_id: str) -> frozenset[str]:
        """Ids of the agencies a collective stands for (kinds, explicit members, nested collectives)."""
        cached = self._members.get(collective_id)
        if cached is not None:
            return cached
        self._members[collective_id] = frozenset()  # guards against include cycles
        collective = self.by_id[collective_id]
        assert isinstance(collective, Collective)
        ids = {a.id for a in self.agencies if a.kind in collective.kinds or collective_id in a.member_of}
        ids.update(collective.members)
        for inner in collective.includes:
            ids |= self.members(inner)
        result = frozenset(ids)
        self._members[collective_id] = result
        return result

    def expand(self, entry: Agency | Collective) -> frozenset[str]:
        """The agency ids a lead/co-op entry stands for."""
        return self.members(entry.id) if entry.is_collective else frozenset((entry.id,))

    def successor_of(self, agency: Agency, on: dt.date | None = None) -> Agency | None:
        """Who carries the agency's duties now (follows chains of mergers)."""
        seen = {agency.id}
        current = agency
        while current.successor and current.successor in self.by_id:
            if on is not None and current.successor_date and current.successor_date > on:
                break
            nxt = self.by_id[current.successor]
            if nxt.id in seen or nxt.is_collective:
                break
            seen.add(nxt.id)
            current = nxt  # type: ignore[assignment]
        return None if current is agency else current  # type: ignore[return-value]

    def display_name(self, agency: Agency | Collective, on: dt.date | None = None) -> str:
        """'Sở Thông tin và Truyền thông (nay: Sở Khoa học và Công nghệ)' for merged agencies."""
        if agency.is_collective:
            return agency.name
        successor = self.successor_of(agency, on)  # type: ignore[arg-type]
        if successor is None:
            return agency.name
        return f"{agency.name} ({tr('nay', 'now')}: {successor.name})"
