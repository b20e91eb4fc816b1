"""The administrative units since 1 July 2025 and the registries drafted from them.

Counts are the national totals (34 provinces; 3,321 commune-level units: 2,621 xã, 687 phường,
13 đặc khu), see cchc/data/units/SOURCES.md.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from cchc.adapters.registryfile import load_registry
from cchc.adapters.unitsfile import load_units
from cchc.adapters.yamlwrite import dump
from cchc.core.registrybuild import COMMON_DEPARTMENTS, build_registry
from tests.conftest import ROOT, run_cli

BOOK = load_units()


def units_json(*args: str) -> list[dict]:
    result = run_cli("units", "--format", "json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_units_cover_34_provinces_and_every_commune():
    units = units_json()
    kinds = Counter(u["kind"] for u in units)
    assert sum(1 for u in units if u["level"] == "tinh") == 34
    assert (kinds["xa"], kinds["phuong"], kinds["dac-khu"]) == (2621, 687, 13)
    assert {"code", "name", "kind", "level", "province", "formed_from"} <= set(units[0])
    assert all(isinstance(u["formed_from"], list) and u["formed_from"] for u in units)


def test_a_province_lists_itself_and_its_communes():
    units = units_json("--province", "ha tinh")
    assert units[0] == {**units[0], "code": "42", "name": "Hà Tĩnh", "level": "tinh"}
    assert len(units) == 1 + 69
    assert [u["name"] for u in units_json("--province", "Hải Phòng", "--level", "tinh")] == ["Hải Phòng"]
    assert units_json("--province", "Hải Phòng", "--level", "tinh")[0]["formed_from"] == ["Hải Phòng", "Hải Dương"]


@pytest.mark.parametrize("typed", ["Cẩm Xuyên", "cam xuyen", "CẨM XUYÊN", "Thị trấn Cẩm Xuyên"])
def test_from_finds_the_new_unit_of_an_old_commune_whatever_the_spelling(typed):
    names = [u["name"] for u in units_json("--from", typed)]
    assert "Xã Cẩm Xuyên" in names


def test_from_with_a_prefix_asks_for_that_unit_only():
    commune = [u["name"] for u in units_json("--from", "Thị trấn Cẩm Xuyên")]
    district = [u["name"] for u in units_json("--from", "Huyện Cẩm Xuyên")]
    assert commune == ["Xã Cẩm Xuyên"]
    assert len(district) > 1 and "Xã Thiên Cầm" in district and "Xã Thiên Cầm" not in commune


def test_from_an_old_province_finds_the_province_it_joined():
    assert [u["name"] for u in units_json("--from", "Thái Bình", "--level", "tinh")] == ["Hưng Yên"]


def test_unknown_province_is_one_line_with_a_suggestion():
    result = run_cli("units", "--province", "Hà Tỉnh Xyz")
    assert result.exit_code == 2 and "Traceback" not in result.output
    result = run_cli("units", "--province", "Ha Tinn")
    assert result.exit_code == 2 and "Hà Tĩnh" in result.stderr


# -- registries -------------------------------------------------------------------------------


def init_registry(tmp_path, province: str, *extra: str):
    out = tmp_path / "plans" / "x" / "agencies.yaml"
    result = run_cli("registry", "init", "--province", province, "-o", str(out), *extra)
    assert result.exit_code == 0, result.output
    check = run_cli("validate", str(out))
    assert check.exit_code == 0, check.output
    registry, problems = load_registry(out)
    assert problems == []
    return registry, out


@pytest.mark.parametrize("province", ["Hà Tĩnh", "Hải Phòng", "Hưng Yên", "Hà Nội", "An Giang"])
def test_registry_init_writes_a_registry_validate_accepts(tmp_path, province):
    registry, _ = init_registry(tmp_path, province)
    communes = [a for a in registry.agencies if a.kind == "commune-committee"]
    unit = BOOK.province(province)
    assert len(communes) == len(BOOK.communes_of(unit)) and all(a.level == "xa" for a in communes)
    assert {a.name for a in communes} == {u.committee for u in BOOK.communes_of(unit)}
    for _, name, _ in COMMON_DEPARTMENTS:
        assert registry.find(name).kind == "department"
    assert registry.find("UBND các xã, phường").is_collective
    assert registry.members("ubnd-cap-xa") == {a.id for a in communes}
    assert "van-phong-ubnd-tinh" in registry.members("cac-so-ban-nganh")


def test_optional_departments_are_marked_for_review(tmp_path):
    _, out = init_registry(tmp_path, "Hà Tĩnh")
    text = out.read_text(encoding="utf-8")
    block = text[text.index("name: Sở Dân tộc và Tôn giáo") :][:400]
    assert "CẦN RÀ SOÁT" in block
    assert "Sở Quy hoạch - Kiến trúc" not in text  # only Hà Nội and Hồ Chí Minh may have it


def test_hai_phong_knows_hai_duongs_departments_and_who_carries_them_now(tmp_path):
    registry, _ = init_registry(tmp_path, "Hải Phòng", "--plans", str(ROOT / "plans"))
    old = registry.find("Sở Thông tin và Truyền thông tỉnh Hải Dương")
    assert registry.successor_of(old).id == "so-khoa-hoc-va-cong-nghe"  # via Hải Dương's own Sở KH&CN
    assert registry.successor_of(registry.find("Sở Nội vụ tỉnh Hải Dương")).name == "Sở Nội vụ"
    assert registry.successor_of(registry.find("UBND huyện Bình Giang tỉnh Hải Dương")).name == "UBND thành phố"
    assert registry.find("UBND thành phố Hải Phòng").id == "ubnd-tinh"
    assert registry.find("Sở Nội vụ").successor is None


def test_a_provinces_earlier_registry_is_carried_over_so_its_plans_still_validate(tmp_path):
    """Hưng Yên's 2021–2025 task list keeps validating against the registry of the province as it is now."""
    import shutil

    plans = tmp_path / "plans"
    shutil.copytree(ROOT / "plans" / "hung-yen", plans / "hung-yen")
    result = run_cli("registry", "init", "--province", "Hưng Yên", "--plans", str(plans), "--force")
    assert result.exit_code == 0, result.output
    assert run_cli("validate", str(plans)).exit_code == 0
    registry, _ = load_registry(plans / "hung-yen" / "agencies.yaml")
    assert len([a for a in registry.agencies if a.kind == "commune-committee"]) == 104
    assert any(a.kind == "district-committee" for a in registry.agencies)  # the old districts stay, with successors


def test_committed_ha_tinh_registry_is_what_registry_init_gives(tmp_path):
    """plans/ha-tinh/agencies.yaml was written by `cchc registry init --province "Hà Tĩnh"`; running it again changes nothing."""
    out = tmp_path / "plans" / "ha-tinh" / "agencies.yaml"
    (tmp_path / "schemas").mkdir()
    result = run_cli("registry", "init", "--province", "Hà Tĩnh", "--plans", str(ROOT / "plans"), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == (ROOT / "plans" / "ha-tinh" / "agencies.yaml").read_text(encoding="utf-8")


def test_registry_init_never_replaces_a_file_without_force(tmp_path):
    out = tmp_path / "agencies.yaml"
    out.write_text("giữ nguyên\n", encoding="utf-8")
    result = run_cli("registry", "init", "--province", "Hà Tĩnh", "-o", str(out))
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_text(encoding="utf-8") == "giữ nguyên\n"


@pytest.mark.parametrize("province", [u.name for u in BOOK.provinces])
def test_every_province_gets_a_valid_registry_with_all_its_communes(tmp_path, province):
    """Property over the 34 provinces: the drafted registry loads without a problem, names are unique,
    and every commune-level unit has exactly one People's Committee."""
    from cchc.adapters.documents import load_document
    from cchc.adapters.registryfile import registry_from_data

    unit = BOOK.province(province)
    path = tmp_path / "agencies.yaml"
    path.write_text(dump(build_registry(unit, BOOK.communes_of(unit), [])), encoding="utf-8")
    _, data, problems = load_document(path)
    registry, found = registry_from_data(data, str(path), problems)
    assert found == []
    committees = [a for a in registry.agencies if a.kind == "commune-committee"]
    assert sorted(a.name for a in committees) == sorted(u.committee for u in BOOK.communes_of(unit))
    assert len({a.id for a in registry.agencies}) == len(registry.agencies)
