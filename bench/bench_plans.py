"""Benchmark loading, validating and the overdue list against the floor: PyYAML's C loader alone.

Each measurement runs in a fresh subprocess so wall time includes nothing cached from another run
and peak memory (ru_maxrss) is that measurement's own. Usage:

    .venv/bin/python bench/bench_plans.py            # all data sets
    .venv/bin/python bench/bench_plans.py --quick    # smaller synthetic sets

Prints a Markdown table (the README's benchmark table comes from here).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

JOBS = {
    "floor": """
import yaml, pathlib
for p in sorted(pathlib.Path(ROOT).rglob('*.yaml')):
    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)
""",
    "validate": """
from pathlib import Path
from cchc.app.validate import validate_paths
problems, unreadable, files = validate_paths([Path(ROOT)])
assert not [p for p in problems if p.severity == 'error'], problems[:3]
""",
    "overdue": """
import datetime as dt
from pathlib import Path
from cchc.adapters.workspace import load_workspace
from cchc.core.progress import ProgressBook
from cchc.core.overdue import overdue_report
ws = load_workspace(Path(ROOT))
report = overdue_report([(p, ws.registry_of(p)) for p in ws.plans], ProgressBook([]), dt.date(2024, 12, 31))
""",
}

RUNNER = """
import resource, sys, time
ROOT = {root!r}
start = time.perf_counter()
{body}
wall = time.perf_counter() - start
print(wall, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def measure(job: str, root: Path, repeat: int = 3) -> tuple[float, float]:
    """Best wall time (s) of ``repeat`` fresh runs and the peak RSS (MiB) of the best run."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        code = RUNNER.format(root=str(root), body=JOBS[job])
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
        if out.returncode != 0:
            raise SystemExit(f"{job} failed on {root}:\n{out.stderr}")
        wall, rss = (float(x) for x in out.stdout.split())
        best = min(best, (wall, rss))
    return best


def main() -> None:
    from synthetic import write_province

    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    sets: list[tuple[str, Path, list[str]]] = [("bundled plans/", ROOT / "plans", ["floor", "validate", "overdue"])]
    tmp = Path(tempfile.mkdtemp(prefix="cchc-bench-"))
    scale = 10 if args.quick else 1
    write_province(tmp / "p20", 20, 2000 // scale)
    sets.append((f"20 plans × {2000 // scale:,} activities", tmp / "p20", ["floor", "validate"]))
    write_province(tmp / "p100k", 50, 2000 // scale)
    sets.append((f"{50 * 2000 // scale:,} activities (50 plans)", tmp / "p100k", ["floor", "overdue"]))
    rows = []
    for label, root, jobs in sets:
        floor = measure("floor", root)
        for job in jobs:
            wall, rss = floor if job == "floor" else measure(job, root)
            rows.append({"data": label, "job": job, "wall_s": round(wall, 3), "peak_mib": round(rss, 1), "ratio_to_floor": round(wall / floor[0], 2)})
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print("| data | job | wall time (s) | peak memory (MiB) | × floor |")
    print("|---|---|---:|---:|---:|")
    for r in rows:
        print(f"| {r['data']} | {r['job']} | {r['wall_s']:.3f} | {r['peak_mib']:.0f} | {r['ratio_to_floor']:.2f} |")


if __name__ == "__main__":
    main()
