"""Browsing commands: `cchc plans`, `cchc show`, `cchc agencies` on the bundled plans."""

from __future__ import annotations

import json
import unicodedata

import pytest

from tests.conftest import ROOT, run_cli

EXPECTED_ACTIVITIES = {
    "hai-duong-khung-2021-2025": 113,
    "hung-yen-nhiem-vu-2021-2025": 77,
    "ha-tinh-khung-2022": 108,
    "hai-duong-kiem-soat-tthc-2024": 38,
    "hai-duong-cchc-2024": 76,
    "bac-ninh-nang-luc-xay-dung-phap-luat-2026-2030": 24,
}


def test_plans_json_contract_and_counts():
    result = run_cli("plans", "--format", "json", cwd=ROOT)
    assert result.exit_code == 0, result.output
    plans = {p["id"]: p for p in json.loads(result.stdout)}
    assert {k: v["activities"] for k, v in plans.items()} == EXPECTED_ACTIVITIES
    for plan in plans.values():
        assert {"id", "province", "title", "period", "areas", "activities", "targets"} <= set(plan)
        assert isinstance(plan["areas"], int) and isinstance(plan["targets"], int)
    assert plans["hung-yen-nhiem-vu-2021-2025"]["areas"] == 8
    assert plans["hai-duong-khung-2021-2025"]["period"] == "2021-2025"


def test_show_activity_in_vietnamese_with_successor_and_deadline_reading():
    result = run_cli("show", "hai-duong-khung-2021-2025", "a65", cwd=ROOT)
    assert result.exit_code == 0, result.output
    assert "Cơ quan chủ trì" in result.stdout
    assert "Sở Thông tin và Truyền thông (nay: Sở Khoa học và Công nghệ)" in result.stdout
    assert "31/12/2025" in result.stdout
    english = run_cli("--lang", "en", "show", "hai-duong-khung-2021-2025", "a65", cwd=ROOT)
    assert "Lead:" in english.stdout and "(now: Sở Khoa học và Công nghệ)" in english.stdout


def test_show_plan_and_json():
    assert "a113" in run_cli("show", "hai-duong-khung-2021-2025", cwd=ROOT).stdout
    data = json.loads(run_cli("show", "hai-duong-khung-2021-2025", "--json", cwd=ROOT).stdout)
    assert sum(len(a["activities"]) for a in data["areas"]) == 113


def test_show_unknown_item_is_one_line():
    result = run_cli("show", "hai-duong-khung-2021-2025", "a999", cwd=ROOT)
    assert result.exit_code == 2 and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("typed", ["so noi vu", "SỞ NỘI VỤ", unicodedata.normalize("NFD", "Sở Nội vụ"), "Sở Nội vụ"])
def test_agency_lookup_ignores_case_and_diacritics(typed):
    result = run_cli("agencies", typed, "--province", "Hải Dương", "--format", "json", cwd=ROOT)
    assert result.exit_code == 0, result.output
    [row] = json.loads(result.stdout)
    assert row["name"] == "Sở Nội vụ" and "Các sở, ban, ngành" in row["member_of"]


def test_agency_lookup_shows_successor_and_collective_members():
    [tttt] = json.loads(run_cli("agencies", "Sở TTTT", "--province", "hai-duong", "--format", "json", cwd=ROOT).stdout)
    assert tttt["now"] == "Sở Khoa học và Công nghệ"
    [group] = json.loads(run_cli("agencies", "Các sở, ban, ngành", "--province", "hai-duong", "--format", "json", cwd=ROOT).stdout)
    assert "Sở Nội vụ" in group["members"] and "UBND huyện Bình Giang" not in group["members"]


def test_unknown_agency_suggests():
    result = run_cli("agencies", "Sở Nội vu xyz", "--province", "hai-duong", cwd=ROOT)
    assert result.exit_code == 1
    assert "Sở Nội vụ" in result.stderr and "Traceback" not in result.output
