"""The benchmark report: every figure the issues name, measured in one run, as a Markdown table.

    .venv/bin/python bench/report.py                 # full run (about 10 minutes on 2 cores)
    .venv/bin/python bench/report.py --quick         # smaller synthetic sets, for a smoke test

Each command runs in a fresh process through the real ``cchc`` CLI; wall time is the best of
``--repeat`` runs and peak memory is that process's maximum resident set (``wait4``). The floor is
PyYAML's C loader alone reading the same YAML files. The output is written to bench/RESULTS.md too;
the README's benchmark section is copied from it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
CCHC = [sys.executable, "-m", "cchc"]
FLOOR = [sys.executable, "-c", "import pathlib, sys, yaml\nfor p in sorted(pathlib.Path(sys.argv[1]).rglob('*.yaml')): yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)"]


def run(argv: list[str], cwd: Path, repeat: int) -> tuple[float, float]:
    """Best wall time (s) and its peak RSS (MiB) over ``repeat`` runs; fails loudly on a non-zero exit."""
    best = (float("inf"), 0.0)
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}): {process.stderr.read().decode()[-2000:]}")
        best = min(best, (wall, usage.ru_maxrss / 1024))
    return best


def main() -> None:
    from bench_startup import measure as startup
    from synthetic import write_nation, write_province

    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    out: list[str] = []

    def emit(line: str = "") -> None:
        print(line, flush=True)
        out.append(line)

    emit("#### Start-up (median of 30 runs)")
    emit()
    emit("| command | median (ms) | × `python -c \"import click\"` |")
    emit("|---|---:|---:|")
    for name, median, ratio in startup(30 if not args.quick else 5):
        emit(f"| `{name}` | {median * 1000:.0f} | {ratio:.2f} |")
    emit()

    rows: list[tuple[str, str, float, float, float | None]] = []

    def measure(data: str, job: str, argv: list[str], cwd: Path, floor: list[str] | None = None) -> None:
        """Best wall time and its memory; with ``floor``, each run is paired with a floor run right
        before it and the ratio is the median of the pairs, so a machine that slows down for a
        while (shared hosts do) skews both sides alike."""
        runs, ratios = [], []
        for _ in range(args.repeat):
            base = run(floor, cwd, 1)[0] if floor else None
            wall, rss = run(argv, cwd, 1)
            runs.append((wall, rss))
            if base:
                ratios.append(wall / base)
        wall, rss = min(runs)
        ratio = sorted(ratios)[len(ratios) // 2] if ratios else None
        rows.append((data, job, wall, rss, ratio))
        print(f"  {data} · {job}: {wall:.2f} s, {rss:.0f} MiB" + (f", {ratio:.2f}× floor" if ratio else ""), file=sys.stderr, flush=True)

    bundled = "bundled plans/ + reports/"
    floor = [*FLOOR, "plans"]
    measure(bundled, "floor: C loader on plans/", floor, ROOT)
    measure(bundled, "validate plans/", [*CCHC, "validate", "plans"], ROOT, floor)
    measure(bundled, "overdue --as-of 2024-12-31", [*CCHC, "overdue", "--as-of", "2024-12-31", "--format", "json"], ROOT, floor)
    measure(bundled, "score 2024 (ranking)", [*CCHC, "score", "2024", "--format", "json"], ROOT)
    tmp = Path(tempfile.mkdtemp(prefix="cchc-report-"))
    measure(bundled, "export 2024 (meeting workbook)", [*CCHC, "export", "2024", "-o", str(tmp / "meeting.xlsx"), "--force"], ROOT)

    scale = 10 if args.quick else 1
    province = tmp / "province20"
    write_province(province, 20, 2000 // scale)
    label = f"20 plans × {2000 // scale:,} activities"
    floor = [*FLOOR, str(province)]
    measure(label, "floor: C loader", floor, ROOT)
    measure(label, "validate", [*CCHC, "validate", str(province)], ROOT, floor)

    for fraction in (4, 2, 1):
        activities = 100_000 // scale // fraction
        communes = 3500 // fraction
        nation = tmp / f"nation-{activities}"
        write_nation(nation, 34, communes, activities)
        label = f"34 provinces, {communes:,} communes, {activities:,} activities"
        floor = [*FLOOR, "plans"]
        measure(label, "floor: C loader", floor, nation)
        measure(label, "validate", [*CCHC, "validate", "plans"], nation, floor)
        measure(label, "overdue --as-of 2024-12-31", [*CCHC, "overdue", "--as-of", "2024-12-31", "--format", "json"], nation, floor)
        measure(label, "score 2024 (one province, qd766)", [*CCHC, "score", "2024", "--province", "tinh-00", "--methodology", "qd766", "--format", "json"], nation)
        measure(label, "overdue --xlsx (every overdue duty)", [*CCHC, "overdue", "--as-of", "2024-12-31", "--format", "csv", "--xlsx", str(nation / "overdue.xlsx"), "--force"], nation)

    emit(f"#### Commands (best of {args.repeat} fresh runs; × floor = median ratio of runs paired with a floor run)")
    emit()
    emit("| data | command | wall time (s) | peak memory (MiB) | × floor |")
    emit("|---|---|---:|---:|---:|")
    for data, job, wall, rss, ratio in rows:
        emit(f"| {data} | {job} | {wall:.2f} | {rss:.0f} | {'' if ratio is None else f'{ratio:.2f}'} |")
    emit()
    for script in ("bench_score.py", "bench_export.py", "bench_import.py", "bench_forms.py", "bench_communes.py"):
        emit(f"#### `bench/{script}`")
        emit()
        emit("```")
        result = subprocess.run([sys.executable, str(ROOT / "bench" / script)], cwd=ROOT, capture_output=True, text=True)
        emit(result.stdout.strip() or result.stderr.strip()[-2000:])
        emit("```")
        emit()
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
