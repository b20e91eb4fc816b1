"""Plans in the official layout (Nghị định 30/2020/NĐ-CP), Word and Excel, imported with no flags.

Each case in tests/data/official/ is rendered to .docx and .xlsx by tests/data/official/build.py
(the seed plans transcribed into the official layout, real central-body task tables — Nghị quyết
03/NQ-CP Phụ lục II, Công văn 402-CV/VPĐU Phụ lục 1 — with their sources, and two illustrative
documents — số liệu minh họa — for a ministry and a 2026 provincial plan). Every one must import
with no hints, give the expected counts, period, province, number and title, keep footnotes and
signatures out of the plan, write a draft registry, pass ``cchc validate`` and keep the fields of
the rows named in ``expected.checks``. What the importer still gets wrong is recorded in the case
file under ``xfail`` (strict), with the precise failure.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, run_cli

OFFICIAL = DATA / "official"
CASES = sorted(OFFICIAL.glob("*.yaml"))
FORMATS = ("docx", "xlsx")


def _builder():
    spec = importlib.util.spec_from_file_location("official_build", OFFICIAL / "build.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUILD = _builder()


def _activities(node: dict) -> list[dict]:
    found = list(node.get("activities", ()))
    for child in (*node.get("objectives", ()), *node.get("tasks", ())):
        found += _activities(child)
    return found


def _import(case_path: Path, fmt: str, tmp_path: Path) -> tuple[dict, dict, Path]:
    case = BUILD.load_case(case_path)
    source = tmp_path / f"{case_path.stem.lstrip('_')}.{fmt}"
    getattr(BUILD, f"write_{fmt}")(case, source)
    out = tmp_path / "plans" / "p" / "plan.yaml"
    result = run_cli("import", str(source), "-o", str(out), *case.get("import_flags", ()))  # what the document does not say
    assert result.exit_code == 0, result.output
    return case, yaml.safe_load(out.read_text(encoding="utf-8")), out


_IMPORTED: dict[tuple[str, str], tuple[dict, dict, Path]] = {}


def _imported(case_path: Path, fmt: str, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, dict, Path]:
    """One import per case and format, shared by the tests below (the plan is only read)."""
    key = (case_path.stem, fmt)
    if key not in _IMPORTED:
        _IMPORTED[key] = _import(case_path, fmt, tmp_path_factory.mktemp(f"{case_path.stem}-{fmt}"))
    return _IMPORTED[key]


def _xfail(reasons: dict | None, fmt: str, *keys: str) -> list:
    """A case file records what the importer still gets wrong, under ``xfail`` ("import": the import
    fails, so every test of the case; "heading"; "validates"; or a row check's own ``xfail``), as one
    reason or one per format. Strict: a fixed importer turns the mark into a failure to remove it."""
    for key in keys:
        reason = (reasons or {}).get(key)
        reason = reason.get(fmt) if isinstance(reason, dict) else reason
        if reason:
            return [pytest.mark.xfail(strict=True, reason=reason)]
    return []


def _params(*keys: str) -> list:
    out = []
    for path in CASES:
        xfail = BUILD.load_case(path).get("xfail")
        out += [pytest.param(path, fmt, marks=_xfail(xfail, fmt, "import", *keys), id=f"{path.stem}-{fmt}") for fmt in FORMATS]
    return out


def _check_params() -> list:
    out = []
    for path in CASES:
        case = BUILD.load_case(path)
        for check in case["expected"].get("checks", ()):
            for fmt in FORMATS:
                marks = _xfail(case.get("xfail"), fmt, "import") or _xfail(check, fmt, "xfail")
                out.append(pytest.param(path, fmt, check, marks=marks, id=f"{path.stem}-{fmt}-{check['number']}"))
    return out


@pytest.mark.parametrize(("case_path", "fmt"), _params())
def test_official_document_imports_with_no_flags(case_path: Path, fmt: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    case, plan, out = _imported(case_path, fmt, tmp_path_factory)
    activities = [a for area in plan["areas"] for a in _activities(area)]
    assert (len(plan["areas"]), len(activities)) == (case["expected"]["areas"], case["expected"]["activities"])
    texts = " | ".join(a["text"] for a in activities)
    for line in [case.get("footnote") or "", *(case.get("signature") or []), *(case.get("recipients") or [])]:
        first = line.split("\n")[0].strip()
        if first:
            assert first not in texts, f"'{first}' became an activity"
    assert not [a["text"] for a in activities if re.fullmatch(r"\(\d+\)", a["text"].strip())], "the column-number row became an activity"
    registry = out.parent / "agencies.yaml"
    assert registry.is_file() and "cần rà soát" in registry.read_text(encoding="utf-8")


@pytest.mark.parametrize(("case_path", "fmt"), _params("heading"))
def test_the_heading_gives_period_issuer_number_and_title(case_path: Path, fmt: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    case, plan, _ = _imported(case_path, fmt, tmp_path_factory)
    assert str(plan["period"]) == str(case["period"])
    assert plan["province"] == (case["province"] or case["issuer"])  # a central body's plan: its issuer
    number = case.get("number") or case["heading"]["number"].removeprefix("Số:").strip()
    assert plan["document"]["number"] == number
    if "title" in case["expected"]:
        assert plan["title"] == case["expected"]["title"]
    else:
        assert "hành chính" in plan["title"] and "cộng hòa" not in plan["title"].lower()


@pytest.mark.parametrize(("case_path", "fmt"), _params("validates"))
def test_the_imported_plan_validates(case_path: Path, fmt: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    _, _, out = _imported(case_path, fmt, tmp_path_factory)
    validated = run_cli("validate", str(out.parent))
    assert validated.exit_code == 0, validated.output


@pytest.mark.parametrize(("case_path", "fmt", "check"), _check_params())
def test_named_rows_keep_their_lead_co_operators_and_deadline(case_path: Path, fmt: str, check: dict, tmp_path_factory: pytest.TempPathFactory) -> None:
    """expected.checks: a few rows of a real table, found by their number, field by field."""
    _, plan, _ = _imported(case_path, fmt, tmp_path_factory)
    number = str(check["number"]).rstrip(".")
    found = [a for area in plan["areas"] for a in _activities(area) if str(a.get("number", "")).rstrip(".") == number]
    assert len(found) == 1, f"row {check['number']}: {len(found)} activities with that number"
    activity = found[0]
    for field in ("lead", "coop", "deadline", "products"):
        if field in check:
            assert activity.get(field) == check[field], f"row {check['number']} {field}"
    if "text_ends" in check:
        assert activity["text"].endswith(check["text_ends"])


def test_a_ministry_has_no_province_and_the_decision_gives_the_title(tmp_path: Path) -> None:
    _, plan, _ = _import(OFFICIAL / "_minh-hoa-bo-2026.yaml", "docx", tmp_path)
    assert (plan["issuer"], plan["province"]) == ("Bộ Nội vụ", "Bộ Nội vụ")
    assert plan["title"] == "Kế hoạch cải cách hành chính của Bộ Nội vụ năm 2026"
    nested = [a["text"] for a in _activities(plan["areas"][1])]
    assert nested == ["Rà soát văn bản về tổ chức bộ máy", "Rà soát văn bản về công chức, viên chức", "Hướng dẫn về vị trí việc làm", "Hướng dẫn về đánh giá công chức"]


def test_a_title_in_capitals_over_lines_keeps_the_province_name(tmp_path: Path) -> None:
    _, plan, _ = _import(OFFICIAL / "_minh-hoa-tinh-2026.yaml", "xlsx", tmp_path)
    assert plan["title"] == "Kế hoạch cải cách hành chính nhà nước tỉnh Ninh Bình năm 2026"
    assert plan["issuer"] == "Ủy ban nhân dân tỉnh Ninh Bình" and plan["document"]["date"] == "ngày 20 tháng 12 năm 2025"


def test_no_period_in_the_heading_stops_the_import_in_vietnamese(tmp_path: Path) -> None:
    case = BUILD.load_case(OFFICIAL / "_minh-hoa-tinh-2026.yaml")
    case["heading"]["title_lines"] = ["KẾ HOẠCH", "Cải cách hành chính nhà nước"]
    source = tmp_path / "khong-nam.docx"
    BUILD.write_docx(case, source)
    result = run_cli("import", str(source), "-o", str(tmp_path / "p" / "plan.yaml"))
    message = result.stderr.split(": I004 ", 1)[-1]
    assert result.exit_code == 2 and "I004" in result.stderr and "kỳ kế hoạch" in message and "period" not in message.replace("--period", "")
    assert not (tmp_path / "p" / "plan.yaml").exists()


def test_an_empty_table_stops_the_import(tmp_path: Path) -> None:
    case = BUILD.load_case(OFFICIAL / "_minh-hoa-tinh-2026.yaml")
    case["rows"] = []
    source = tmp_path / "trong.xlsx"
    BUILD.write_xlsx(case, source)
    result = run_cli("import", str(source), "-o", str(tmp_path / "p" / "plan.yaml"))
    assert result.exit_code == 1 and "I005" in result.stderr
    assert not (tmp_path / "p").exists() or not any((tmp_path / "p").iterdir())


def test_the_year_of_a_cited_date_is_not_the_period(tmp_path: Path) -> None:
    """Nghị quyết 03/NQ-CP "thực hiện Nghị quyết số 57-NQ/TW ngày 22 tháng 12 năm 2024" names no
    period of its own: the import asks for one instead of reading 2024."""
    case = BUILD.load_case(OFFICIAL / "chinh-phu-nq03-2025-phu-luc-ii.yaml")
    source = tmp_path / "nq03.docx"
    BUILD.write_docx(case, source)
    result = run_cli("import", str(source), "-o", str(tmp_path / "p" / "plan.yaml"))
    assert result.exit_code == 2 and "I004" in result.stderr and "kỳ kế hoạch" in result.stderr


def test_a_commune_whose_name_several_provinces_share_asks_for_the_province(tmp_path: Path) -> None:
    case = BUILD.load_case(OFFICIAL / "_minh-hoa-xa-2026.yaml")
    case["heading"]["issuer_lines"] = ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ"]  # a name several provinces have
    source = tmp_path / "tan-phu.docx"
    BUILD.write_docx(case, source)
    result = run_cli("import", str(source), "-o", str(tmp_path / "p" / "plan.yaml"))
    lines = result.stderr.strip().splitlines()
    assert result.exit_code == 2 and len(lines) == 1 and "I004" in lines[0] and "--province" in lines[0]
    assert "Traceback" not in result.stderr and not (tmp_path / "p" / "plan.yaml").exists()
    given = run_cli("import", str(source), "-o", str(tmp_path / "p" / "plan.yaml"), "--province", "Đồng Nai")
    assert given.exit_code == 0, given.output
