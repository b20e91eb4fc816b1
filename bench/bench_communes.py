"""Benchmark: score and rank all 3,321 commune-level units of Vietnam with QĐ 766 (target: under 3 s).

Run: ``.venv/bin/python bench/bench_communes.py [RUNS]``. Builds, in a temporary folder, one registry
holding every commune-level People's Committee of the bundled master data (3,321) and a figure file of
their *illustrative* QĐ 766 figures as CSV (tools/commune_figures.py: 21 figures each, about 70,000
rows), then times, in a fresh process each run, what a user runs:

    cchc score 2026 --plans DIR/plans --figures DIR/figures.csv --methodology qd766 --level xa --format csv -o OUT

and checks that every commune got a total and a rank among the 3,321 (``rank_of``, from a JSON run
after the timed ones). One untimed run comes first, with bytecode caching allowed even where the
environment turns it off (PYTHONDONTWRITEBYTECODE): an installed package has its .pyc files, and
compiling every module on each run would add about 0.3 s that users never pay. Prints the median wall time, the CPU time of the process (user + system: what
the wall time would be on an idle core) and the load average: the reference machine has 2 cores, and a
load above 2 slows the wall time.
"""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cchc.adapters.unitsfile import load_units  # noqa: E402
from cchc.adapters.yamlwrite import dump  # noqa: E402
from tools.commune_figures import figures_document  # noqa: E402

TARGET_SECONDS = 3.0
NATION = "Toàn quốc (đo hiệu năng)"


def write_nation(folder: Path) -> int:
    """Registry and figures of every commune; returns how many communes."""
    communes = load_units().communes
    names = [(u.code, f"{u.committee}, {u.province} ({u.code})") for u in communes]
    registry = {
        "kind": "agencies",
        "province": NATION,
        "agencies": [{"id": f"xa-{code}", "name": name, "kind": "commune-committee", "level": "xa"} for code, name in names],
    }
    (folder / "plans" / "toan-quoc").mkdir(parents=True)
    (folder / "plans" / "toan-quoc" / "agencies.yaml").write_text(dump(registry), encoding="utf-8")
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["agency", "indicator", "numerator", "denominator", "value", "period", "source", "note"])
    document = figures_document(NATION, 2026, names)
    for row in document["figures"]:
        writer.writerow([row["agency"], row["indicator"], row["numerator"], row["denominator"], "", "2026", "số liệu minh họa", ""])
    (folder / "figures.csv").write_text(buffer.getvalue(), encoding="utf-8")
    return len(communes)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        count = write_nation(folder)
        argv = [sys.executable, "-m", "cchc", "score", "2026", "--plans", str(folder / "plans"), "--figures", str(folder / "figures.csv"), "--methodology", "qd766", "--level", "xa", "--force"]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        subprocess.run([*argv, "--format", "csv", "-o", str(folder / "ranking.csv")], check=True, stderr=subprocess.DEVNULL, env=env)
        times, cpu = [], []
        for _ in range(runs):
            used = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([*argv, "--format", "csv", "-o", str(folder / "ranking.csv")], check=True, stderr=subprocess.DEVNULL, env=env)
            times.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
        subprocess.run([*argv, "--format", "json", "-o", str(folder / "ranking.json")], check=True, stderr=subprocess.DEVNULL)
        board = json.loads((folder / "ranking.json").read_text(encoding="utf-8"))
        ranked = [a for a in board["agencies"] if a["rank"] is not None and a["rank_of"] == count]
        assert len(ranked) == count == 3321, (len(ranked), count)
    median = statistics.median(times)
    verdict = "OK" if median < TARGET_SECONDS else "CHẬM"
    load = os.getloadavg()[0]
    print(
        "| communes scored and ranked | runs | median wall (s) | min wall (s) | median CPU (s) | target | load average |\n|---|---|---|---|---|---|---|\n"
        f"| {count:,} | {runs} | {median:.2f} | {min(times):.2f} | {statistics.median(cpu):.2f} | < {TARGET_SECONDS:.0f} s {verdict} | {load:.1f} |"
    )


if __name__ == "__main__":
    main()
