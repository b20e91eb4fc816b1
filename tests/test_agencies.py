"""Agency names: strict matching for plan files, lenient for people, collectives, successors."""

from __future__ import annotations

import unicodedata

import pytest

from cchc.adapters.registryfile import load_registry
from cchc.core.agencies import UnknownAgency
from tests.conftest import DATA

REGISTRY, PROBLEMS = load_registry(DATA / "validate" / "agencies.yaml")


def test_registry_has_no_problems():
    assert PROBLEMS == []


@pytest.mark.parametrize("typed", ["Sở Nội vụ", "so noi vu", "SỞ NỘI VỤ", unicodedata.normalize("NFD", "Sở Nội vụ"), "  sở   nội vụ ", "SNV"])
def test_lenient_find_resolves_every_spelling(typed):
    assert REGISTRY.find(typed).id == "so-noi-vu"


def test_strict_lookup_keeps_diacritics():
    assert REGISTRY.lookup("SỞ NỘI VỤ").id == "so-noi-vu"
    assert REGISTRY.lookup(unicodedata.normalize("NFD", "Sở Nội vụ")).id == "so-noi-vu"
    assert REGISTRY.lookup("Sở Nôi vụ") is None
    assert REGISTRY.suggest("Sở Nôi vụ") == ["Sở Nội vụ"]


def test_unknown_name_suggests_closest():
    with pytest.raises(UnknownAgency) as info:
        REGISTRY.find("Sở Tư phap xyz")
    assert "Sở Tư pháp" in info.value.suggestions


def test_collectives_expand_to_members_including_nested():
    assert REGISTRY.members("cac-so-ban-nganh") == {"so-noi-vu", "so-tu-phap", "so-tttt", "so-khcn", "vp-ubnd"}
    assert REGISTRY.members("cac-co-quan") == {"so-noi-vu", "so-tu-phap", "so-tttt", "so-khcn", "vp-ubnd", "ubnd-huyen-a"}
    assert REGISTRY.expand(REGISTRY.find("Sở Nội vụ")) == {"so-noi-vu"}


def test_successor_is_shown_for_merged_agencies():
    tttt = REGISTRY.find("Sở TTTT")
    assert REGISTRY.successor_of(tttt).name == "Sở Khoa học và Công nghệ"
    assert REGISTRY.display_name(tttt) == "Sở Thông tin và Truyền thông (nay: Sở Khoa học và Công nghệ)"
    import datetime as dt

    assert REGISTRY.display_name(tttt, on=dt.date(2024, 12, 31)) == "Sở Thông tin và Truyền thông"


def test_registry_problems_are_reported(tmp_path):
    path = tmp_path / "agencies.yaml"
    path.write_text(
        "kind: agencies\nprovince: X\nagencies:\n"
        "  - {id: a, name: Sở A, kind: department, level: tinh, member_of: [nope]}\n"
        "  - {id: a, name: Sở B, kind: department, level: tinh}\n"
        "  - {id: c, name: Sở C, aliases: [sở a], kind: department, level: tinh}\n",
        encoding="utf-8",
    )
    _, problems = load_registry(path)
    assert sorted(p.code for p in problems) == ["A302", "A303", "A304"]
