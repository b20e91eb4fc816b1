"""`cchc overdue` on a small fixture plan, checked against results computed by hand.

Fixture (tests/data/overdue): period 2023–2024, as of 30/06/2024:
a1 Sở Nội vụ "Quý I hàng năm": 2023 done 20/03/2023 (on time), 2024 not reported -> 91 days overdue;
a2 "Các sở, ban, ngành" "Tháng 6/2023": only Sở Tư pháp reported -> the collective row and Sở Nội vụ's
   share are 366 days overdue (2024 is a leap year), Sở Tư pháp's is done on time;
a3 Sở TTTT "Quý IV/2023": done 15/01/2024 -> done late; a7 Sở TTTT "Quý I/2024": in progress -> 91 days;
a4 continuous, a5 conditional: listed apart; a6 "Tháng 7/2024" due 31/07/2024 -> upcoming within 31
days, and its completion on 10/07/2024 does not count as of 30/06/2024.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from tests.conftest import DATA, run_cli

FIXTURE = DATA / "overdue"


def overdue(*args: str):
    return run_cli("overdue", "--as-of", "2024-06-30", *args, cwd=FIXTURE)


def test_summary_per_agency_matches_hand_computation():
    data = json.loads(overdue("--format", "json").stdout)
    assert data["as_of"] == "2024-06-30" and data["illustrative"] is True
    assert [(g["agency"], g["due"], g["done_on_time"], g["done_late"], g["overdue"]) for g in data["summary"]] == [
        ("Các sở, ban, ngành", 1, 0, 0, 1),
        ("Sở Nội vụ", 2, 1, 0, 1),
        ("Sở Thông tin và Truyền thông", 2, 0, 1, 1),
    ]
    assert data["summary"][2]["now"] == "Sở Khoa học và Công nghệ"
    assert [(r["activity"], r["occurrence"], r["due"], r["days_overdue"]) for r in data["overdue"]] == [
        ("a2", "2023-06", "2023-06-30", 366),
        ("a1", "2024", "2024-03-31", 91),
        ("a7", "2024-Q1", "2024-03-31", 91),
    ]
    assert data["overdue"][2]["reported_status"] == "in_progress"
    assert [(s["activity"], s["kind"]) for s in data["standing"]] == [("a4", "continuous"), ("a5", "conditional")]
    assert data["upcoming"] == []


@pytest.mark.parametrize("typed", ["Sở Nội vụ", "so noi vu", "SỞ NỘI VỤ", "SNV"])
def test_agency_sees_its_own_rows_and_those_owed_as_member(typed):
    data = json.loads(overdue("--agency", typed, "--format", "json").stdout)
    assert data["agency"] == "Sở Nội vụ"
    assert [(g["due"], g["done_on_time"], g["overdue"]) for g in data["summary"]] == [(3, 1, 2)]
    assert [(r["activity"], r["via"], r["days_overdue"]) for r in data["overdue"]] == [("a2", "Các sở, ban, ngành", 366), ("a1", None, 91)]
    assert [s["activity"] for s in data["standing"]] == ["a4"]


def test_member_report_completes_only_its_own_share():
    data = json.loads(overdue("--agency", "Sở Tư pháp", "--format", "json").stdout)
    assert [(g["due"], g["done_on_time"], g["overdue"]) for g in data["summary"]] == [(1, 1, 0)]


def test_within_lists_upcoming_and_later_completion_does_not_count():
    data = json.loads(overdue("--within", "31", "--format", "json").stdout)
    assert [(r["activity"], r["due"], r["days_left"]) for r in data["upcoming"]] == [("a6", "2024-07-31", 31)]
    later = json.loads(run_cli("overdue", "--as-of", "2024-08-01", "--format", "json", cwd=FIXTURE).stdout)
    assert "a6" not in [r["activity"] for r in later["overdue"]]
    assert ("Sở Nội vụ", 1) in [(g["agency"], g["done_on_time"] - 1) for g in later["summary"]]


def test_table_output_states_the_date_and_groups():
    result = overdue()
    assert result.exit_code == 0, result.output
    assert "Nhiệm vụ quá hạn tính đến ngày 30/06/2024" in result.stdout
    assert "Sở Thông tin và Truyền thông (nay: Sở Khoa học và Công nghệ)" in result.stdout
    assert "quá hạn 1" in result.stdout and "minh họa" in result.stdout
    english = run_cli("--lang", "en", "overdue", "--as-of", "2024-06-30", cwd=FIXTURE)
    assert "Overdue activities as of 2024-06-30" in english.stdout


def test_csv_output():
    rows = list(csv.DictReader(io.StringIO(overdue("--format", "csv").stdout)))
    assert [(r["state"], r["activity"], r["days_overdue"]) for r in rows] == [("overdue", "a2", "366"), ("overdue", "a1", "91"), ("overdue", "a7", "91")]


def test_default_as_of_is_today():
    data = json.loads(run_cli("overdue", "--format", "json", cwd=FIXTURE).stdout)
    assert data["as_of"] == dt.date.today().isoformat()


@pytest.mark.parametrize(
    "args, code",
    [
        (("--as-of", "2024-02-30"), 2),
        (("--agency", "Sở Nôi vụ xyz"), 1),
        (("--plan", "nope"), 2),
        (("--progress", "missing.csv"), 2),
    ],
)
def test_bad_arguments_give_one_line(args, code):
    result = run_cli("overdue", *args, cwd=FIXTURE)
    assert result.exit_code == code
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.output


BAD_PROGRESS = sorted((DATA / "progress" / "bad").iterdir())


@pytest.mark.parametrize("path", BAD_PROGRESS, ids=[p.name for p in BAD_PROGRESS])
def test_bad_progress_files_give_one_line_with_file_and_row(path):
    result = run_cli("overdue", "--as-of", "2024-06-30", "--progress", str(path), cwd=FIXTURE)
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{path}:"), result.stderr
    assert " R603 " in lines[0] or " S1" in lines[0]


def test_progress_xlsx_sheet(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["plan", "activity", "occurrence", "status", "completed", "evidence", "link", "agency", "note"])
    sheet.append(["mau-2023-2024", "a1", "2024", "hoàn thành", dt.datetime(2024, 3, 30), "12/BC", None, None, None])
    path = tmp_path / "progress.xlsx"
    workbook.save(path)
    data = json.loads(overdue("--progress", str(path), "--format", "json").stdout)
    overdue_keys = [(r["activity"], r["occurrence"]) for r in data["overdue"]]
    assert ("a1", "2024") not in overdue_keys and ("a1", "2023") in overdue_keys


def test_bundled_data_per_province():
    from tests.conftest import ROOT

    result = run_cli("overdue", "--as-of", "2024-12-31", "--province", "hai duong", "--agency", "Sở Nội vụ", "--format", "json", cwd=ROOT)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["illustrative"] is True
    assert {r["plan"] for r in data["overdue"]} <= {"hai-duong-khung-2021-2025", "hai-duong-kiem-soat-tthc-2024", "hai-duong-cchc-2024"}
    assert [g["province"] for g in data["summary"]] == ["Hải Dương"]
    days = [r["days_overdue"] for r in data["overdue"]]
    assert days == sorted(days, reverse=True) and days


def test_plan_completion_counts_expand_collectives():
    from cchc.app.inputs import Inputs
    from cchc.app.overdue_report import plans_and_progress
    from cchc.core.overdue import completion_counts

    pairs, book = plans_and_progress(Inputs(plans=FIXTURE / "plans", progress=FIXTURE / "reports"))
    counts = completion_counts(pairs, book, 2023, dt.date(2023, 12, 31))
    assert counts == {
        "so-noi-vu": (1, 2),  # a1 2023 on time; a2 owed as a member of "Các sở, ban, ngành", not reported
        "so-tu-phap": (1, 1),  # a2: its own report
        "so-tttt": (0, 2),  # a2, and a3 finished only in 2024
        "so-khcn": (0, 1),
        "vp-ubnd": (0, 1),
    }
    assert completion_counts(pairs, book, 2024, dt.date(2024, 6, 30)) == {"so-noi-vu": (0, 1), "so-tttt": (0, 1)}


def test_a_province_loads_only_its_own_folder():
    from cchc.adapters.workspace import load_workspace
    from tests.conftest import ROOT

    ws = load_workspace(ROOT / "plans", "hai duong")
    assert ws.partial and {p.province for p in ws.plans} == {"Hải Dương"}
    everything = load_workspace(ROOT / "plans")
    assert not everything.partial and len({p.province for p in everything.plans}) == 4


@pytest.mark.parametrize(
    ("keys", "words"),
    [
        (["2021-08"], "Tháng 8/2021"),
        (["2024-Q1"], "Quý I/2024"),
        (["2024"], "Năm 2024"),
        (["2024-H1"], "6 tháng đầu năm 2024"),
        (["2024-09-15"], "Ngày 15/09/2024"),
        (["2022-11/2023-01"], "Tháng 11/2022 – tháng 1/2023"),
        ([f"2024-{m:02d}" for m in range(1, 13)], "Tháng 1–12/2024"),
        (["2024-01", "2024-02", "2024-05"], "Tháng 1, 2, 5/2024"),
        (["2024-Q1", "2024-Q3"], "Quý I, III/2024"),
        (["2021", "2022", "2023", "2025"], "Năm 2021–2023, 2025"),
        (["2023-12", "2024-01"], "Tháng 12/2023; Tháng 1/2024"),
    ],
)
def test_periods_in_words(keys, words):
    from cchc.core.overdue import periods_words

    assert periods_words(keys) == words


def test_a_monthly_duty_is_one_row_with_its_missed_months():
    from cchc.app import Inputs, overdue
    from cchc.core.overdue import group_recurring
    from tests.conftest import ROOT

    report = overdue(Inputs(plans=ROOT / "plans", province="Hải Dương", as_of=dt.date(2024, 12, 31)))
    rows = report.overdue_rows()
    groups = group_recurring(rows)
    assert sum(g.count for g in groups) == len(rows) and len(groups) < len(rows)
    keys = [(g.duty.plan.id, g.duty.activity.id, g.duty.owner_name) for g in groups]
    assert len(keys) == len(set(keys))  # one row per duty and owner
    monthly = max(groups, key=lambda g: g.count)
    assert monthly.count >= 12 and "Tháng" in monthly.periods and monthly.days_late == max(s.days_late for s in monthly.statuses)


def test_year_keeps_only_that_years_occurrences_of_a_multi_year_plan():
    data = json.loads(run_cli("overdue", "--as-of", "2024-12-31", "--year", "2023", "--format", "json", cwd=FIXTURE).stdout)
    assert {r["occurrence"][:4] for r in data["overdue"]} == {"2023"}
    assert [(g["agency"], g["due"], g["overdue"]) for g in data["summary"]] == [
        ("Các sở, ban, ngành", 1, 1),
        ("Sở Nội vụ", 1, 0),
        ("Sở Thông tin và Truyền thông", 1, 0),
    ]


def test_by_member_gives_each_member_of_a_collective_its_own_group():
    data = json.loads(overdue("--by-member", "--format", "json").stdout)
    summary = {g["agency"]: (g["due"], g["overdue"]) for g in data["summary"]}
    assert "Các sở, ban, ngành" not in summary  # expanded into its members
    assert summary == {
        "Sở Nội vụ": (3, 2),  # a1 2023 and 2024, a2 as a member
        "Sở Thông tin và Truyền thông": (3, 2),  # a2, a3 done late, a7
        "Sở Khoa học và Công nghệ": (1, 1),
        "Văn phòng UBND tỉnh": (1, 1),
        "Sở Tư pháp": (1, 0),  # its own report completes its share of a2
    }
    for name, (due, late) in summary.items():  # the same as asking for each agency
        single = json.loads(overdue("--agency", name, "--format", "json").stdout)["summary"]
        assert [(g["due"], g["overdue"]) for g in single] == [(due, late)]
    via = {r["agency"]: r["via"] for r in data["overdue"] if r["activity"] == "a2"}
    assert via == {"Sở Nội vụ": "Các sở, ban, ngành", "Sở Thông tin và Truyền thông": "Các sở, ban, ngành", "Sở Khoa học và Công nghệ": "Các sở, ban, ngành", "Văn phòng UBND tỉnh": "Các sở, ban, ngành"}
    table = overdue("--by-member").stdout
    assert "Văn phòng UBND tỉnh — phải xong 1" in table and "(qua Các sở, ban, ngành)" in table
