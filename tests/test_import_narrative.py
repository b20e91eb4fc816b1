"""``cchc import`` on plans written as prose: the case file, and a real plan of a province as it is now.

The real plan is Kế hoạch 141/KH-UBND ngày 20/11/2025 của UBND tỉnh Bắc Ninh (2026–2030); its text is
``plans/sources/bac-ninh-141-kh-ubnd-2025.txt`` (where it comes from: plans/sources/README.md) and the
committed plan ``plans/bac-ninh/nang-luc-xay-dung-phap-luat-2026-2030.yaml`` is exactly what
``cchc import`` makes of it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cchc.adapters.importer import SKIP
from cchc.adapters.importer.pipeline import import_plan, registry_for
from tests.conftest import CASES, ROOT, run_cli

CASE_FILE = yaml.safe_load((CASES / "import_narrative.yaml").read_text(encoding="utf-8"))
SOURCE = ROOT / "plans" / "sources" / "bac-ninh-141-kh-ubnd-2025.txt"
PLAN = ROOT / "plans" / "bac-ninh" / "nang-luc-xay-dung-phap-luat-2026-2030.yaml"
SOURCE_144 = ROOT / "plans" / "sources" / "bac-ninh-144-kh-ubnd-2025.txt"


def _items(plan: dict) -> dict[str, tuple[str, str, dict]]:
    """id -> (kind, id of what holds it, item) for every objective, task and activity."""
    found: dict[str, tuple[str, str, dict]] = {}
    for area in plan["areas"]:
        for objective in area.get("objectives", []):
            found[objective["id"]] = ("objective", area["id"], objective)
        for task in area.get("tasks", []):
            found[task["id"]] = ("task", area["id"], task)
            for activity in task.get("activities", []):
                found[activity["id"]] = ("activity", task["id"], activity)
        for activity in area.get("activities", []):
            found[activity["id"]] = ("activity", area["id"], activity)
    return found


@pytest.mark.parametrize("case", CASE_FILE["cases"], ids=[c["name"] for c in CASE_FILE["cases"]])
def test_narrative_case(case: dict, tmp_path: Path) -> None:
    source = tmp_path / "ke-hoach.txt"
    source.write_text(CASE_FILE["heading"] + case["body"], encoding="utf-8")
    result = import_plan(source)
    assert result.layout == "narrative"
    plan = result.plan
    items = _items(plan)
    activities = [(i, item) for i, (kind, _, item) in items.items() if kind == "activity"]
    assert [i for i, _ in sorted(activities, key=lambda a: int(a[0][1:]))] == [a["id"] for a in case.get("activities", [])]
    for want in case.get("activities", []):
        _, holder, got = items[want["id"]]
        assert got["text"].startswith(want["text"]), want["id"]
        assert holder == want.get("area", want.get("task")), want["id"]
        for key in ("lead", "coop", "deadline"):
            if key in want:
                assert got.get(key, [] if key != "deadline" else None) == want[key], (want["id"], key)
    objectives = [item for kind, _, item in items.values() if kind == "objective"]
    assert [o["id"] for o in objectives] == [o["id"] for o in case.get("objectives", [])]
    for want, got in zip(case.get("objectives", []), objectives, strict=True):
        assert got["text"].startswith(want["text"])
        assert [t["indicator"] for t in got.get("targets", [])] == want["indicators"]
    for want in case.get("tasks", []):
        _, _, got = items[want["id"]]
        assert (got["number"], got["text"]) == (want["number"], want["text"])
    areas = {area["id"]: area for area in plan["areas"]}
    for want in case.get("areas", []):
        assert areas[want["id"]].get("responsible", []) == want["responsible"], want["id"]
    skipped = {note.line for note in result.report if note.severity == SKIP}
    assert set(case.get("skipped", [])) <= skipped
    for key, value in case.get("metadata", {}).items():
        assert (plan["document"][key] if key in ("number", "date") else plan[key]) == value


def test_a_document_without_tasks_under_its_sections_is_not_read_as_prose(tmp_path: Path) -> None:
    """Only context sections: no layout reads it, and nothing is written (I005)."""
    source = tmp_path / "ke-hoach.txt"
    source.write_text(CASE_FILE["heading"] + "I. MỤC ĐÍCH, YÊU CẦU\n- Triển khai kịp thời.\n", encoding="utf-8")
    assert import_plan(source).layout != "narrative"
    result = run_cli("import", str(source), "-o", str(tmp_path / "out.yaml"))
    assert result.exit_code != 0 and not (tmp_path / "out.yaml").exists()
    assert "Traceback" not in result.stderr


# -- the real plan: Bắc Ninh, Kế hoạch 141/KH-UBND (2026–2030) -------------------------------------


def _reimport() -> tuple[object, dict]:
    committed = yaml.safe_load(PLAN.read_text(encoding="utf-8"))
    registry, _ = registry_for(PLAN, None)
    return import_plan(SOURCE, registry=registry, plan_id=committed["id"]), committed


def test_the_committed_bac_ninh_plan_is_what_cchc_import_makes_of_the_document() -> None:
    result, committed = _reimport()
    assert result.plan == committed
    assert committed["period"] == "2026-2030" and committed["document"] == {"number": "141/KH-UBND", "date": "ngày 20 tháng 11 năm 2025"}
    items = _items(committed)
    assert sum(kind == "activity" for kind, _, _ in items.values()) == 24
    targets = [(t["indicator"], t["value"], t.get("level")) for o in committed["areas"][0]["objectives"] for t in o["targets"]]
    assert targets == [
        ("lawmaking_staff_law_degree", 100, None), ("lawmaking_staff_assigned", 100, "tinh"), ("lawmaking_staff_assigned", 100, "xa"),
        ("lawmaking_staff_from_talent", 10, None), ("lawmaking_staff_trained", 100, None),
    ]
    assert [a["id"] for a in committed["areas"]] == ["II", *(f"III.{n}" for n in range(1, 10)), "IV"]
    # every activity has a lead, as the document assigns one (IV: the agency each duty opens with)
    assert all(item.get("lead") for kind, _, item in items.values() if kind == "activity")
    assert items["a14"][2]["deadline"] == "Tháng 12/2025" and items["a14"][2]["lead"] == ["Sở Khoa học và Công nghệ"]
    assert items["a16"][2]["lead"] == ["Báo và Phát thanh, Truyền hình tỉnh", "Sở Tư pháp", "các cơ quan, đơn vị, địa phương"]


def _import_144():
    registry, _ = registry_for(PLAN, None)
    return import_plan(SOURCE_144, registry=registry)


@pytest.mark.parametrize("document", ["141", "144"])
def test_every_line_of_the_bac_ninh_documents_is_in_the_plan_or_in_the_report(document: str) -> None:
    """No line is dropped silently: it is an item of the plan, an assignment the plan carries, a
    heading, or inside a span the report lists as not plan content."""
    result, source = (_reimport()[0], SOURCE) if document == "141" else (_import_144(), SOURCE_144)
    lines = source.read_text(encoding="utf-8").splitlines()
    placed = {item["line"] for item in _lines_of(result.draft)}
    spans: set[int] = set()
    for note in result.report:
        if note.severity == SKIP:
            match = re.search(r"(\d+)(?:–(\d+))?", note.message)
            first, last = int(match.group(1)), int(match.group(2) or match.group(1))
            spans.update(range(first, last + 1))
    carried = json.dumps(result.plan, ensure_ascii=False)
    for number, text in enumerate(lines, 1):
        if not text or number in placed or number in spans or number <= 10:  # 1–10: heading and title block
            continue
        assignment = re.match(r"^-?\s*(?:Đơn vị|Thời gian)[^:]*:\s*(.*?)\.?$", text)
        if assignment:
            assert assignment.group(1).split(";")[0].split(",")[0] in carried, (number, text)
            continue
        assert re.match(r"^(?:[IVX]+|\d+)\.\s", text), (number, text)  # a section or area heading


def _activities(area: dict) -> list[dict]:
    return [*area.get("activities", []), *(a for task in area.get("tasks", []) for a in task.get("activities", []))]


def _lines_of(draft) -> list[dict]:  # noqa: ANN001 - a DraftPlan
    out = []
    for area in draft.areas:
        out.append({"line": area.line})
        out.extend({"line": o.line} for o in area.objectives)
        out.extend({"line": t.line} for t in area.tasks)
        out.extend({"line": a.line} for a in area.all_activities())
    return out


def test_bac_ninh_digital_economy_plan_reads_whole_with_its_annex_of_who_answers_for_each_goal() -> None:
    """Kế hoạch 144/KH-UBND ngày 24/11/2025 (kinh tế số, xã hội số 2026–2030), the example the brief names:
    prose sections, lettered headings over bullets, duties under agency headings, and after the signature
    a table "TT | Chỉ tiêu | Chủ trì" giving each goal's lead."""
    result = _import_144()
    plan = result.plan
    assert result.layout == "narrative"
    assert (plan["title"], plan["period"], plan["document"]) == (
        "Kế hoạch phát triển kinh tế số và xã hội số tỉnh Bắc Ninh giai đoạn 2026 - 2030", "2026-2030",
        {"number": "144/KH-UBND", "date": "ngày 24 tháng 11 năm 2025"},
    )
    assert (len(plan["areas"]), sum(1 for area in plan["areas"] for _ in _activities(area))) == (28, 192)
    # "Chủ trì triển khai các nhiệm vụ tại mục (IV) (1)": the duty's agency answers for that area; "(4.1)" names
    # part of an area, so IV.4 has nobody
    responsible = {a["id"]: a.get("responsible") for a in plan["areas"] if a["id"].startswith("IV.")}
    assert responsible == {
        "IV.1": ["Sở Nông nghiệp và Môi trường"], "IV.2": ["Sở Văn hoá, Thể thao và Du lịch"], "IV.3": ["Sở Công Thương"],
        "IV.4": None, "IV.5": ["Sở Y tế"], "IV.6": None,
    }
    annex = plan["areas"][-1]
    assert (annex["id"], annex["title"]) == ("PL", "Phân công thực hiện các chỉ tiêu phát triển kinh tế số, xã hội số đến năm 2030")
    assert [(t["number"], t["text"], len(t["activities"])) for t in annex["tasks"]] == [("I", "Kinh tế số", 6), ("II", "Xã hội số", 13)]
    leads = [a["lead"] for t in annex["tasks"] for a in t["activities"]]
    assert leads[0] == ["Sở Tài chính"] and leads[5] == ["Sở Giáo dục và Đào tạo", "Sở Nội vụ", "Sở Khoa học và Công nghệ"]
    assert leads[6 + 3] == ["Công an tỉnh"] and leads[6 + 10] == ["Ngân hàng nhà nước khu vực XII"] and leads[6 + 5] == ["Tỉnh đoàn"]
    duties = {a["text"][:30]: a.get("lead") for a in next(a for a in plan["areas"] if a["id"] == "VI")["activities"]}
    assert duties["Chủ trì triển khai các nhiệm v"] is not None
    assert sum(lead == ["Sở Khoa học và Công nghệ"] for lead in duties.values()) >= 4
    assert not [n for n in result.report if "không có trong danh mục" in n.message]
    # none of its goals is a percentage an indicator measures: "chữ ký số hoặc …" is not "số hóa", and a
    # share of dossiers handled fully online is neither procedures offered fully online nor all online dossiers
    objectives = plan["areas"][0]["objectives"]
    assert len(objectives) == 20 and not [t for o in objectives for t in o.get("targets", [])]
    assert not [t for t in annex["tasks"] for a in t["activities"] for t in a.get("targets", [])]


def test_import_through_the_cli_writes_the_plan_and_lists_it_for_2026(tmp_path: Path) -> None:
    folder = tmp_path / "plans" / "bac-ninh"
    folder.mkdir(parents=True)
    (folder / "agencies.yaml").write_bytes((PLAN.parent / "agencies.yaml").read_bytes())
    out = folder / "ke-hoach.yaml"
    result = run_cli("import", str(SOURCE), "-o", str(out), "--id", "bac-ninh-141")
    assert result.exit_code == 0, result.stderr
    assert "kế hoạch viết dạng văn bản" in result.stderr and "24 hoạt động" in result.stderr
    listed = json.loads(run_cli("plans", "--plans", str(tmp_path / "plans"), "--format", "json").stdout)
    plans = listed["plans"] if isinstance(listed, dict) else listed
    assert [(p["id"], p["period"], p["province"]) for p in plans] == [("bac-ninh-141", "2026-2030", "Bắc Ninh")]


def test_bac_ninh_overdue_list_shows_no_sample_label_from_other_provinces() -> None:
    """reports/ holds Hải Dương's illustrative progress; a Bắc Ninh view must not say its data is illustrative."""
    result = run_cli("overdue", "--plans", str(ROOT / "plans"), "--province", "Bắc Ninh", "--as-of", "2026-12-01")
    assert result.exit_code in (0, 1), result.stderr
    assert "minh họa" not in result.stdout
    assert "Ra mắt AI pháp luật" in result.stdout  # due Tháng 12/2025, no report: overdue
    hai_duong = run_cli("overdue", "--plans", str(ROOT / "plans"), "--province", "Hải Dương", "--as-of", "2024-12-31")
    assert "minh họa" in hai_duong.stdout


def test_hai_duong_2024_prose_plan_reads_with_the_agency_headings_of_its_implementation_section() -> None:
    """The seed of Hải Dương's 2024 plan (prose, blank lines between paragraphs, title in sentence case):
    "IV. TỔ CHỨC THỰC HIỆN" lists duties under agency headings ("2. Sở Nội vụ"), which lead them."""
    seed = ROOT / "tests" / "data" / "seeds" / "hai-duong-ke-hoach-cchc-2024.txt"
    registry, _ = registry_for(ROOT / "plans" / "hai-duong" / "x.yaml", None)
    result = import_plan(seed, registry=registry)
    plan = result.plan
    assert result.layout == "narrative"
    assert (plan["title"], plan["period"]) == ("Kế hoạch cải cách hành chính nhà nước tỉnh Hải Dương năm 2024", 2024)
    assert [a["id"] for a in plan["areas"]] == [*(f"II.{n}" for n in range(1, 9)), "IV"]
    duties = plan["areas"][-1]["activities"]
    assert all(d.get("lead") for d in duties), [d["text"][:40] for d in duties if not d.get("lead")]
    assert sum(d["lead"] == ["Sở Nội vụ"] for d in duties) == 7
    # the goals of "a) Chỉ tiêu" are objectives whose percentages bind to indicators
    objectives = [o for area in plan["areas"] for o in area.get("objectives", [])]
    assert len(objectives) == 26 and sum(len(o.get("targets", [])) for o in objectives) >= 10


# -- any arrangement of the forms reads or stops with one problem, never a crash --------------------

_LINES = [
    "I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU", "III. NHIỆM VỤ, GIẢI PHÁP", "IV. TỔ CHỨC THỰC HIỆN", "V. KINH PHÍ",
    "1. Cải cách thủ tục hành chính", "2. Sở Nội vụ", "3. Sở Tài chính chủ trì, bố trí kinh phí.", "1.1. Nông nghiệp",
    "a) Chỉ tiêu", "b) Nhiệm vụ", "c) Phổ cập kết nối số", "- Rà soát thủ tục hành chính.", "- 100% hồ sơ giải quyết đúng hạn.",
    "Đơn vị chủ trì: Sở Tư pháp.", "- Đơn vị phối hợp: Các sở, ban, ngành.", "Thời gian thực hiện: Quý II/2026.",
    "Sản phẩm: Báo cáo", "Trọng tâm:", "Nền tảng dẫn dắt, kiến tạo không gian số.", "PHỤ LỤC", "TT\tChỉ tiêu\tChủ trì",
    "1\tKinh tế số chiếm 45% GRDP tỉnh.\tSở Tài chính", "\tI. Kinh tế số\t", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "", "(tỷ lệ %)",
]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lines=st.lists(st.sampled_from(_LINES), min_size=1, max_size=30))
def test_any_arrangement_of_prose_forms_imports_or_gives_one_problem(tmp_path: Path, lines: list[str]) -> None:
    from cchc.core.problems import CchcError

    source = tmp_path / "ke-hoach.txt"
    source.write_text(CASE_FILE["heading"] + "III. NHIỆM VỤ\n" + "\n".join(lines) + "\n", encoding="utf-8")
    try:
        result = import_plan(source)
    except CchcError:
        return
    activities = [a for area in result.draft.areas for a in area.all_activities()]
    assert len({a.id for a in activities}) == len(activities)
    assert all(a.text.strip() for a in activities)
    assert all(area.objectives or area.tasks or area.activities for area in result.draft.areas)


@pytest.mark.parametrize("document", ["141", "144"])
def test_the_same_prose_plans_in_word_import_as_from_their_text(document: str, tmp_path: Path) -> None:
    """Word lays the heading out as a two-column table and the annex as a table: the plan read from
    the .docx is the plan read from the text."""
    from tests.test_import_official import BUILD

    source = SOURCE if document == "141" else SOURCE_144
    docx = tmp_path / "ke-hoach.docx"
    BUILD.write_prose_docx(source, docx)
    registry, _ = registry_for(PLAN, None)
    from_text = import_plan(source, registry=registry, plan_id="x").plan
    from_word = import_plan(docx, registry=registry, plan_id="x").plan
    assert {**from_word, "source": ""} == {**from_text, "source": ""}


@pytest.mark.parametrize(
    ("goal", "indicator"),
    [
        # Bắc Ninh KH 144/KH-UBND, Phụ lục II.6 and II.8 (plans/sources/bac-ninh-144-kh-ubnd-2025.txt)
        ("Tỷ lệ người dân trưởng thành có chữ ký số hoặc chữ ký điện tử cá nhân đạt 80%", None),  # "số hoặc" is not "số hóa"
        ("Tỷ lệ hồ sơ dịch vụ công trực tuyến toàn trình đạt 80%.", None),  # dossiers fully online: no indicator counts them
        ("100% hồ sơ, kết quả giải quyết TTHC được số hóa", "digitised_results"),
        ("100% TTHC đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình", "full_online_services"),
    ],
)
def test_goal_words_bind_as_whole_words(goal: str, indicator: str | None) -> None:
    from cchc.adapters.importer.targets import indicator_for

    assert indicator_for(goal) == indicator
