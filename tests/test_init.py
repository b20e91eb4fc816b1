"""`cchc init`: a new office's repository, and that nothing of cchc's own samples leaks into it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import ROOT, run_cli

# A user's own 2026 plan for the communes (a test case, not a real document).
OWN_PLAN = """\
kind: plan
id: thu-nghiem-2026
province: Hà Tĩnh
title: Kế hoạch thử nghiệm của đơn vị (ca kiểm thử, không phải văn bản thật)
period: 2026
areas:
  - id: I
    title: Công tác chỉ đạo, điều hành
    activities:
      - id: a1
        text: Báo cáo kết quả rà soát thủ tục hành chính cấp xã
        lead: [UBND cấp xã]
        deadline: Quý I/2026
      - id: a2
        text: Số hóa kết quả giải quyết thủ tục hành chính
        lead: [UBND xã Cẩm Xuyên]
        coop: [Sở Khoa học và Công nghệ]
        deadline: Tháng 6/2026
"""


def init(tmp_path: Path, *extra: str) -> Path:
    office = tmp_path / "van-phong"
    result = run_cli("init", str(office), "--province", "Hà Tĩnh", *extra)
    assert result.exit_code == 0, result.output
    return office


def test_init_lays_out_a_repository_that_validates(tmp_path):
    office = init(tmp_path)
    for name in ("plans/ha-tinh/agencies.yaml", "reports/.gitkeep", "README.md", ".github/workflows/validate.yml", ".pre-commit-config.yaml"):
        assert (office / name).is_file(), name
    assert sorted(p.name for p in (office / "plans").rglob("*") if p.is_file()) == ["agencies.yaml"]
    assert run_cli("validate", str(office / "plans"), str(office / "reports")).exit_code == 0
    readme = (office / "README.md").read_text(encoding="utf-8")
    assert "Hà Tĩnh" in readme and "69 UBND cấp xã" in readme
    flow = yaml.safe_load((office / ".github" / "workflows" / "validate.yml").read_text(encoding="utf-8"))
    steps = [s.get("run", "") for s in flow["jobs"]["validate"]["steps"]]
    assert "cchc validate --format github plans/ reports/" in steps
    hooks = yaml.safe_load((office / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert hooks["repos"][0]["hooks"][0]["entry"] == "cchc validate"


def test_init_refuses_to_replace_files_without_force(tmp_path):
    office = init(tmp_path)
    (office / "README.md").write_text("của đơn vị\n", encoding="utf-8")
    again = run_cli("init", str(office), "--province", "Hà Tĩnh")
    assert again.exit_code == 2 and "--force" in again.stderr
    assert (office / "README.md").read_text(encoding="utf-8") == "của đơn vị\n"


def test_a_users_own_plan_gets_none_of_the_sample_data(tmp_path):
    """Run from cchc's own repository (whose reports/ holds illustrative progress and figures):
    with --plans pointing into the office, only the office's reports/ are read."""
    office = init(tmp_path)
    (office / "plans" / "ha-tinh" / "thu-nghiem-2026.yaml").write_text(OWN_PLAN, encoding="utf-8")
    assert (ROOT / "reports" / "progress").is_dir()  # the samples exist where the command runs
    plans = str(office / "plans")
    overdue = run_cli("overdue", "--plans", plans, "--as-of", "2026-12-31", cwd=ROOT)
    assert overdue.exit_code == 0, overdue.output
    assert "minh họa" not in overdue.output and "Hải Dương" not in overdue.output
    data = json.loads(run_cli("overdue", "--plans", plans, "--as-of", "2026-12-31", "--format", "json", cwd=ROOT).stdout)
    assert data["illustrative"] is False
    score = run_cli("score", "2026", "--plans", plans, "--methodology", "qd766", cwd=ROOT)
    assert score.exit_code == 1 and "minh họa" not in score.output and "không có số liệu năm 2026" in score.stderr


def test_a_commune_sees_its_own_and_its_collective_duties(tmp_path):
    office = init(tmp_path)
    (office / "plans" / "ha-tinh" / "thu-nghiem-2026.yaml").write_text(OWN_PLAN, encoding="utf-8")
    result = run_cli("overdue", "--plans", str(office / "plans"), "--as-of", "2026-12-31", "--agency", "ubnd xa cam xuyen", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {(r["activity"], r["via"]) for r in data["overdue"]} == {("a1", "UBND cấp xã"), ("a2", None)}
    assert data["summary"] == [{"agency": "UBND xã Cẩm Xuyên", "province": "Hà Tĩnh", "now": None, "due": 2, "done_on_time": 0, "done_late": 0, "overdue": 2}]


def test_the_pre_commit_hook_of_a_new_repository_runs_cchc_validate(tmp_path):
    office = init(tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env.update(PATH=f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}", PRE_COMMIT_HOME=str(tmp_path / "cache"), GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(list(args), cwd=office, env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)

    assert run("git", "init", "-q").returncode == 0
    assert run("git", "add", "-A").returncode == 0
    good = run(sys.executable, "-m", "pre_commit", "run", "--all-files")
    assert good.returncode == 0 and "Passed" in good.stdout, good.stdout + good.stderr
    (office / "plans" / "ha-tinh" / "hong.yaml").write_text(OWN_PLAN.replace("UBND xã Cẩm Xuyên", "UBND xã Cẩm Xuyen"), encoding="utf-8")
    run("git", "add", "-A")
    bad = run(sys.executable, "-m", "pre_commit", "run", "--all-files")
    assert bad.returncode == 1 and "plans/ha-tinh/hong.yaml:" in bad.stdout and "P202" in bad.stdout, bad.stdout


def test_the_bundled_commune_ranking_is_labelled_illustrative():
    result = run_cli("score", "2026", "--plans", str(ROOT / "plans"), "--level", "xa", "--methodology", "qd766", "--format", "json")
    assert result.exit_code == 0, result.output
    board = json.loads(result.stdout)
    assert board["illustrative"] is True and board["province"] == "Hà Tĩnh"
    assert len(board["agencies"]) == 69 and {a["rank_of"] for a in board["agencies"]} == {69}
    assert {a["kind"] for a in board["agencies"]} == {"commune-committee"}
    assert "Số liệu minh họa" in run_cli("score", "2026", "--plans", str(ROOT / "plans"), "--level", "xa", "--methodology", "qd766").stdout
