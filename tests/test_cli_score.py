"""``cchc score`` end to end on the repository's plans and bundled illustrative figures."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cchc.adapters.figuresfile import HEADER
from cchc.core.figures import Figure
from cchc.indicators.base import STATUSES
from tests.conftest import DATA, ROOT, run_cli

BAD = DATA / "figures" / "bad"
PLANS = str(ROOT / "plans")


def score(*args: str, cwd: Path = ROOT):
    return run_cli("score", *args, cwd=cwd)


def test_scorecard_of_one_agency():
    result = score("2024", "--agency", "Sở Nội vụ")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Sở Nội vụ" in out and "Số liệu minh họa" in out and "Phương pháp minh họa" in out
    for label in ("Tiêu chí", "Chỉ tiêu", "Thực tế", "Điểm", "Tối đa", "Tổng điểm", "Xếp loại", "Hạng"):
        assert label in out
    for area in ("I. Công tác chỉ đạo, điều hành", "VIII. Tác động của cải cách hành chính"):
        assert area in out
    assert "đạt" in out and "/ 100,00" in out and "(Khối sở, ban, ngành)" in out


def test_scorecard_lists_missing_figures():
    out = score("2024", "--agency", "so y te").stdout  # case- and diacritic-insensitive
    assert "Sở Y tế" in out and "Thiếu số liệu (3)" in out and "không có số liệu" in out
    assert "training_plan_completion" in out


def test_ranking_of_every_agency():
    result = score("2024")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Khối sở, ban, ngành" in out and "UBND cấp huyện" in out and "Số liệu minh họa" in out
    for district in ("Bình Giang", "Cẩm Giàng", "Gia Lộc", "Kim Thành", "Kinh Môn", "Nam Sách", "Ninh Giang", "Thanh Hà", "Thanh Miện", "Tứ Kỳ", "thành phố Hải Dương", "Chí Linh"):
        assert district in out
    for band in ("Xuất sắc", "Tốt", "Khá", "Trung bình"):
        assert band in out


def test_json_contract():
    result = score("2024", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["year"], data["methodology"], data["illustrative"], data["province"]) == (2024, "hai-duong-2024-example", True, "Hải Dương")
    assert len(data["agencies"]) == 30  # 18 departments (with Văn phòng UBND tỉnh) and 12 districts
    for agency in data["agencies"]:
        assert {"agency", "kind", "total", "max", "percent", "band", "rank", "areas", "criteria", "missing"} <= set(agency)
        assert 0 <= agency["total"] <= agency["max"] <= 100
        assert agency["percent"] == round(agency["total"] / agency["max"] * 100, 2)
        adjustment = sum(b["points"] for b in agency["bonus"]) - sum(d["points"] for d in agency["deductions"])  # capped, under the total
        assert max(0, sum(a["points"] for a in agency["areas"]) + adjustment) == pytest.approx(agency["total"])
        for criterion in agency["criteria"]:
            assert {"id", "indicator", "area", "value", "target", "points", "max", "status"} <= set(criterion)
            assert criterion["status"] in STATUSES
    assert {a["rank_group"] for a in data["agencies"]} == {"block:so-ban-nganh", "kind:district-committee"}
    ranks = [a["rank"] for a in data["agencies"] if a["block"] == "huyen"]
    assert sorted(ranks) == ranks and ranks[0] == 1


def test_not_applicable_criteria_lower_the_max_and_ranks_use_the_percentage():
    """The example methodology skips the procedures area for Thanh tra tỉnh (after Hà Nam, QĐ 1156/QĐ-UBND
    of 9/10/2023), and its land/construction/investment satisfaction figure says "không phát sinh"."""
    data = json.loads(score("2024", "--format", "json").stdout)
    reduced = {a["agency"]: a for a in data["agencies"] if a["max"] < 100}
    assert list(reduced) == ["Thanh tra tỉnh"]
    inspectorate = reduced["Thanh tra tỉnh"]
    assert inspectorate["max"] == 100 - 25 - 4  # area III (25 points) and VIII.2 (4 points) do not apply
    assert inspectorate["percent"] == round(inspectorate["total"] / inspectorate["max"] * 100, 2)
    statuses = {c["id"]: c["status"] for c in inspectorate["criteria"]}
    assert {k for k, v in statuses.items() if v == "not_applicable"} == {"III.1", "III.2", "III.3", "III.4", "III.5", "III.6", "III.7", "VIII.2"}
    assert all(c["points"] is None for c in inspectorate["criteria"] if c["status"] == "not_applicable")
    block = [a for a in data["agencies"] if a["rank_group"] == inspectorate["rank_group"]]
    assert [a["percent"] for a in block] == sorted((a["percent"] for a in block), reverse=True)  # ranked on the percentage
    assert inspectorate["band"] == "Tốt"  # 80.66 % of the points that apply, though only 57.27 points


def test_scorecard_shows_the_total_out_of_the_points_that_apply():
    result = score("2024", "--agency", "thanh tra tinh")
    assert result.exit_code == 0, result.output
    assert "Tổng điểm: 57,27 / 71,00 (80,66 %)" in result.stdout
    assert "không áp dụng" in result.stdout


def test_json_for_one_agency_and_qd766():
    data = json.loads(score("2024", "--agency", "UBND huyện Bình Giang", "--methodology", "qd766", "--format", "json").stdout)
    (agency,) = data["agencies"]
    assert (data["methodology"], agency["agency"], agency["kind"]) == ("qd766", "UBND huyện Bình Giang", "district-committee")
    assert [a["id"] for a in agency["areas"]] == ["cong-khai", "tien-do", "truc-tuyen", "thanh-toan", "so-hoa", "hai-long"]


def test_english():
    result = run_cli("--lang", "en", "score", "2024", "--agency", "Sở Nội vụ", cwd=ROOT)
    assert result.exit_code == 0, result.output
    for label in ("Criterion", "Target", "Actual", "Points", "Max", "Total", "Band", "Rank", "Illustrative figures", "Excellent"):
        assert label in result.stdout
    assert "Điểm" not in result.stdout


def test_csv():
    lines = score("2024", "--format", "csv").stdout.splitlines()
    assert lines[0].startswith("group,rank,agency,kind,total,max,band,area_I")
    assert len(lines) == 31
    card = score("2024", "--agency", "Sở Tư pháp", "--format", "csv").stdout.splitlines()
    assert card[0] == "agency,area,criterion,indicator,value,target_op,target,target_source,points,max,status"
    assert len(card) == 25


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("negative-count.csv", "F506"),
        ("numerator-over-denominator.csv", "F507"),
        ("percent-120.csv", "F508"),
        ("unknown-agency.csv", "F503"),
        ("not-a-number.csv", "F505"),
        ("unknown-indicator.csv", "F504"),
    ],
)
def test_bad_figures_exit_1_with_one_line(name, code):
    result = score("2024", "--figures", str(BAD / name), "--province", "hai-duong")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    (line,) = result.stderr.strip().splitlines()
    assert name in line and f": {code} " in line
    assert ":2:" in line or ":3:" in line  # the row


def test_several_bad_rows_give_one_line_each(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text(
        ",".join(HEADER) + "\nSở Nội vụ,on_time_dossiers,-1,10,,2024,,\nSở Tư pháp,satisfaction,,,abc,2024,,\nSở Nội vụ,ON_TIME,,,120,2024-Q1,,\n",
        encoding="utf-8",
    )
    result = score("2024", "--figures", str(path), "--province", "Hải Dương")
    assert result.exit_code == 1
    assert [line.split(": ")[1].split()[0] for line in result.stderr.strip().splitlines()] == ["F506", "F505", "F508"]


def _year_folder(root: Path, year: int, rows: list[str]) -> None:
    """A workspace of its own: the bundled plans, and these figures in its reports/ folder."""
    if not (root / "plans").exists():
        import shutil

        shutil.copytree(ROOT / "plans", root / "plans")
    folder = root / "reports" / str(year) / "hai-duong"
    folder.mkdir(parents=True)
    (folder / "figures.csv").write_text(",".join(HEADER) + "\n" + "\n".join(rows) + "\n", encoding="utf-8")


def test_compare_with_an_earlier_year(tmp_path):
    _year_folder(tmp_path, 2024, ["Sở Nội vụ,on_time_dossiers,100,100,,,,", "Sở Tư pháp,on_time_dossiers,90,100,,,,"])
    _year_folder(tmp_path, 2023, ["Sở Nội vụ,on_time_dossiers,90,100,,,,", "Sở Tư pháp,on_time_dossiers,100,100,,,,"])
    args = ("2024", "--plans", str(tmp_path / "plans"), "--methodology", "qd766", "--compare", "2023")
    table = score(*args, cwd=tmp_path)
    assert table.exit_code == 0, table.output
    assert "± Điểm" in table.stdout and "± Hạng" in table.stdout and "Số liệu minh họa" not in table.stdout
    data = json.loads(score(*args, "--format", "json", cwd=tmp_path).stdout)
    first = data["agencies"][0]
    assert (first["agency"], first["compare"]["total_change"], first["compare"]["rank_change"]) == ("Sở Nội vụ", 2.0, 1)
    card = score(*args, "--agency", "Sở Tư pháp", cwd=tmp_path).stdout
    assert "So với năm 2023" in card and "giảm 1 bậc" in card


def test_compare_without_figures_for_that_year(tmp_path):
    _year_folder(tmp_path, 2024, ["Sở Nội vụ,on_time_dossiers,100,100,,,,"])
    result = score("2024", "--plans", str(tmp_path / "plans"), "--compare", "2022", cwd=tmp_path)
    assert result.exit_code == 1 and "2022" in result.stderr and "Traceback" not in result.output


def test_agency_without_figures_still_gets_a_scorecard(tmp_path):
    _year_folder(tmp_path, 2024, ["Sở Nội vụ,on_time_dossiers,100,100,,,,"])
    result = score("2024", "--plans", str(tmp_path / "plans"), "--agency", "Sở Tư pháp", cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "chưa xếp hạng" in result.stdout and "không có số liệu" in result.stdout


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("2024", "--agency", "Sở Nội vụu"), 1, "Sở Nội vụ"),
        (("2024", "--agency", "Các sở, ban, ngành"), 1, "nhóm"),
        (("2024", "--agency", "Công an tỉnh"), 1, "central-agency"),
        (("2024", "--methodology", "qd999"), 2, "qd766"),
        (("2024", "--figures", "nowhere"), 2, "nowhere"),
        (("2031",), 1, "2031"),
        (("2024", "--compare", "2024"), 2, "--compare"),
        (("2024", "--province", "Atlantis"), 2, "Atlantis"),
    ],
)
def test_usage_and_data_errors(args, code, words):
    result = score(*args)
    assert result.exit_code == code, result.output
    assert words in result.stderr and "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


def test_province_must_be_known(tmp_path):
    folder = tmp_path / "somewhere"
    folder.mkdir()
    (folder / "figures.csv").write_text(",".join(HEADER) + "\n", encoding="utf-8")
    result = score("2024", "--plans", PLANS, "--figures", str(folder))
    assert result.exit_code == 2 and "--province" in result.stderr


def test_figure_hooks_fill_gaps_but_files_win(tmp_path, monkeypatch):
    from cchc.app import scorecard as command

    _year_folder(tmp_path, 2024, ["Sở Nội vụ,plan_completion_on_time,5,10,,,,", "Sở Tư pháp,on_time_dossiers,1,1,,,,"])

    def completion(run, registry, year):
        assert registry.province == "Hải Dương" and year == 2024
        return [
            Figure("so-noi-vu", "plan_completion_on_time", "2024", numerator=10, denominator=10, path="progress"),
            Figure("so-tu-phap", "plan_completion_on_time", "2024", numerator=9, denominator=10, path="progress"),
        ]

    monkeypatch.setattr(command, "FIGURE_HOOKS", [completion])
    data = json.loads(score("2024", "--plans", str(tmp_path / "plans"), "--format", "json", cwd=tmp_path).stdout)
    values = {a["agency_id"]: next(c["value"] for c in a["criteria"] if c["indicator"] == "plan_completion_on_time") for a in data["agencies"]}
    assert values == {"so-noi-vu": 50.0, "so-tu-phap": 90.0}


def test_compare_follows_an_explicit_figures_folder(tmp_path):
    _year_folder(tmp_path, 2024, ["Sở Nội vụ,on_time_dossiers,100,100,,,,"])
    _year_folder(tmp_path, 2023, ["Sở Nội vụ,on_time_dossiers,50,100,,,,"])
    figures = tmp_path / "reports" / "2024" / "hai-duong"
    data = json.loads(run_cli("score", "2024", "--plans", str(tmp_path / "plans"), "--figures", str(figures), "--methodology", "qd766", "--compare", "2023", "--format", "json").stdout)
    assert data["agencies"][0]["compare"]["total_change"] == 10.0  # reports/2023/hai-duong was read


def test_several_provinces_need_province(tmp_path):
    _year_folder(tmp_path, 2024, ["Sở Nội vụ,on_time_dossiers,100,100,,,,"])
    (tmp_path / "reports" / "2024" / "hung-yen").mkdir()
    result = score("2024", "--plans", str(tmp_path / "plans"), cwd=tmp_path)
    assert result.exit_code == 2 and "hai-duong, hung-yen" in result.stderr and "--province" in result.stderr
    assert score("2024", "--plans", str(tmp_path / "plans"), "--province", "hai-duong", cwd=tmp_path).exit_code == 0


def test_agencies_outside_the_methodology_are_named_and_warnings_shown(tmp_path):
    _year_folder(tmp_path, 2024, ["Sở Nội vụ,on_time_dossiers,100,100,,,,", "Công an tỉnh,on_time_dossiers,10,10,,,,"])
    (tmp_path / "reports" / "2024" / "hai-duong" / "extra.yaml").write_text(
        "kind: figures\nyear: 2024\ncolour: red\nfigures:\n  - {agency: Sở Tư pháp, indicator: satisfaction, value: 91}\n", encoding="utf-8"
    )
    result = score("2024", "--plans", str(tmp_path / "plans"), cwd=tmp_path)
    assert result.exit_code == 0, result.output
    assert "Công an tỉnh" in result.stdout and "không chấm loại cơ quan" in result.stdout
    assert "F519" in result.stderr and "colour" in result.stderr


def test_xlsx_scorecard_is_written_and_refused_without_force(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "snv.xlsx"
    result = score("2024", "--agency", "Sở Nội vụ", "--xlsx", str(out))
    assert result.exit_code == 0, result.output
    workbook = load_workbook(out)
    assert workbook.sheetnames[:2] == ["Phiếu điểm", "Xếp hạng"]
    cells = [c.value for row in workbook["Phiếu điểm"].iter_rows() for c in row]
    assert "Sở Nội vụ" in cells
    other = tmp_path / "other.xlsx"
    other.write_bytes(b"not ours")
    refused = score("2024", "--xlsx", str(other))
    assert refused.exit_code == 2 and other.read_bytes() == b"not ours"
    assert "--force" in refused.stderr
    assert score("2024", "--xlsx", str(out)).exit_code == 0  # its own previous output is replaced


def test_plan_completion_is_computed_from_progress_reports():
    data = json.loads(score("2024", "--agency", "Sở Nội vụ", "--format", "json").stdout)
    criterion = next(c for c in data["agencies"][0]["criteria"] if c["indicator"] == "plan_completion_on_time")
    assert criterion["status"] != "no_data" and 0 <= criterion["value"] <= 100


def test_says_which_methodology_was_used_and_why(tmp_path):
    own = json.loads(score("2024", "--format", "json").stdout)
    assert own["methodology"] == "hai-duong-2024-example"
    assert "methodology-2024.yaml" in own["methodology_reason"]
    chosen = json.loads(score("2024", "--methodology", "qd766", "--format", "json").stdout)
    assert chosen["methodology_reason"] == "chọn bằng --methodology"
    # without the province's methodology for the year, qd766 is used, and the output says why
    plans = tmp_path / "plans"
    shutil.copytree(ROOT / "plans" / "hai-duong", plans / "hai-duong", ignore=shutil.ignore_patterns("methodology-*.yaml"))
    shutil.copytree(ROOT / "reports" / "2024", tmp_path / "reports" / "2024")
    fallback = score("2024", "--plans", str(plans))
    assert fallback.exit_code == 0, fallback.output
    assert "Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg) — mặc định: không có" in fallback.stdout
    assert "methodology-2024.yaml" in fallback.stdout


def test_a_methodology_for_another_year_is_a_warning(tmp_path):
    other = tmp_path / "methodology-2023.yaml"
    other.write_text((ROOT / "plans" / "hai-duong" / "methodology-2024.yaml").read_text(encoding="utf-8").replace("\nyear: 2024\n", "\nyear: 2023\n"), encoding="utf-8")
    result = score("2024", "--methodology", str(other))
    assert result.exit_code == 0, result.output
    assert "M415" in result.stderr and "năm 2023" in result.stderr and "năm 2024" in result.stderr


def test_no_data_lists_only_agencies_the_methodology_expects():
    data = json.loads(score("2024", "--methodology", "qd766", "--format", "json").stdout)
    scored = {a["agency"] for a in data["agencies"]}
    assert "Sở Nội vụ" in scored
    # qd766 scores every kind, but no Party committee, mass organisation or newspaper reported any figure
    assert not {"Tỉnh ủy", "Báo Hải Dương", "Hội Nông dân tỉnh"} & set(data["unscored"])


def test_an_expected_agency_without_figures_is_listed_as_no_data(tmp_path):
    text = (ROOT / "reports" / "2024" / "hai-duong" / "figures.yaml").read_text(encoding="utf-8")
    figures = tmp_path / "figures.yaml"
    figures.write_text("\n".join(line for line in text.splitlines() if "agency: Sở Y tế," not in line) + "\n", encoding="utf-8")
    data = json.loads(score("2024", "--methodology", "qd766", "--figures", str(figures), "--province", "Hải Dương", "--format", "json").stdout)
    assert data["unscored"] == ["Sở Y tế"]


def test_every_point_is_traced_to_a_file_row_and_a_rule():
    data = json.loads(score("2024", "--agency", "Thanh tra tỉnh", "--format", "json").stdout)
    criteria = {c["id"]: c for c in data["agencies"][0]["criteria"]}
    lines = (ROOT / "reports" / "2024" / "hai-duong" / "figures.yaml").read_text(encoding="utf-8").splitlines()
    waiting = criteria["VIII.3"]["trace"]
    assert waiting["figure"]["path"].endswith("figures.yaml") and waiting["figure"]["period"] == "2024"
    assert "Thanh tra tỉnh, indicator: waiting_time" in lines[waiting["figure"]["line"] - 1]
    assert waiting["methodology"].endswith("methodology-2024.yaml#VIII.3")
    assert waiting["target_source"].startswith("plan:")
    assert waiting["rule"] == "3 nếu ≤ 15, không thì 3 × 15 / 16,7 = 2,69"
    assert criteria["II.1"]["trace"]["rule"] == "8 × (94,44 / 100, tối đa 1) = 7,56"
    assert criteria["III.1"]["trace"]["figure"] is None  # excluded by the methodology: its figure is not read
    assert criteria["VIII.2"]["trace"]["rule"].startswith("không phát sinh")
    result = score("2024", "--agency", "Thanh tra tỉnh", "--explain")
    assert "Nguồn và cách tính" in result.stdout and "figures.yaml:" in result.stdout
    assert "chỉ tiêu: kế hoạch hai-duong-cchc-2024" in result.stdout


def test_zero_of_zero_under_qd766_is_traced_to_the_metrics_rule(tmp_path):
    figures = tmp_path / "figures.csv"
    figures.write_text(
        ",".join(HEADER) + "\nSở Nội vụ,ON_TIME,0,0,,2024,,\nSở Nội vụ,PETITION_PROCESSING_ON_TIME,0,0,,2024,,\n", encoding="utf-8"
    )
    data = json.loads(score("2024", "--methodology", "qd766", "--figures", str(figures), "--province", "Hải Dương", "--agency", "Sở Nội vụ", "--format", "json").stdout)
    criteria = {c["id"]: c for c in data["agencies"][0]["criteria"]}
    assert (criteria["ON_TIME"]["points"], criteria["ON_TIME"]["status"], criteria["ON_TIME"]["vacuous"]) == (0, "not_met", True)
    assert (criteria["PETITION_PROCESSING_ON_TIME"]["points"], criteria["PETITION_PROCESSING_ON_TIME"]["status"]) == (6, "met")
    assert criteria["ON_TIME"]["trace"]["rule"] == "0/0: phương pháp chấm 0 điểm"
    assert criteria["ON_TIME"]["trace"]["figure"]["line"] == 2
