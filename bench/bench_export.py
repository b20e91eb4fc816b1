"""Benchmark: export a 100,000-row overdue list to Excel (targets: under 30 s, under 300 MB peak).

Run: ``python bench/bench_export.py [ROWS]``. Not a unit test. The measurement runs in a child
process, so its peak resident memory (``ru_maxrss``) is the export's alone: interpreter, the
synthetic :class:`~cchc.core.overdue.OverdueReport` built in memory (deterministic: 200 agencies,
plan text of realistic length, some agencies merged since 2025) and the writer.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cchc.core.deadlines import Occurrence
from cchc.core.model import Activity, Plan
from cchc.core.overdue import OVERDUE, AgencySummary, Duty, DutyStatus, OverdueReport

WORDS = "rà soát đánh giá hoàn thiện quy định thủ tục hành chính cơ quan đơn vị triển khai thực hiện kế hoạch cải cách báo cáo kết quả số hóa hồ sơ".split()


def synthetic_report(rows: int, seed: int = 30) -> OverdueReport:
    """``rows`` overdue duties spread over 200 agencies, as of 31/12/2024."""
    rng = random.Random(seed)
    as_of = dt.date(2024, 12, 31)
    plan = Plan(
        id="tong-hop-2021-2025",
        province="Tỉnh Tổng Hợp",
        title="Kế hoạch tổng hợp",
        period=(2021, 2025),
        issuer="Ủy ban nhân dân tỉnh Tổng Hợp",
    )
    groups = [
        AgencySummary(f"Sở số {i}", f"Sở hợp nhất {i // 3}" if i % 5 == 0 else None, plan.province)
        for i in range(200)
    ]
    for n in range(rows):
        group = groups[n % len(groups)]
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 40))).capitalize()
        activity = Activity(
            id=f"a{n}",
            text=text,
            number=f"{n // 100}.{n % 100}",
            products=[f"Báo cáo {rng.choice(WORDS)}"],
            lead=[group.name],
        )
        due = as_of - dt.timedelta(days=rng.randint(1, 1400))
        duty = Duty(
            plan, activity, Occurrence(str(due.year), due, None), True, group.name, None, None, group.now_name
        )
        group.rows.append(
            DutyStatus(
                duty, OVERDUE, None, (as_of - due).days, rng.choice([None, "in_progress", "not_started"])
            )
        )
        group.due += 1
        group.overdue += 1
    return OverdueReport(as_of, None, None, groups, [], [], illustrative=True)


def child(rows: int) -> None:
    """Build the report, write it, print the measurements as JSON (run in a fresh process)."""
    from cchc.adapters.excel import write_overdue_workbook

    started = time.perf_counter()
    report = synthetic_report(rows)
    built = time.perf_counter()
    rss_report = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "overdue.xlsx"
        write_overdue_workbook(report, path)
        written = time.perf_counter()
        size = path.stat().st_size / 1e6
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(
        json.dumps(
            {
                "build": built - started,
                "write": written - built,
                "rss_report": rss_report,
                "peak": peak,
                "size": size,
            }
        )
    )


def main(rows: int) -> None:
    done = subprocess.run(
        [sys.executable, __file__, "--child", str(rows)], capture_output=True, text=True, check=True
    )
    m = json.loads(done.stdout)
    print(f"overdue export, {rows:,} rows")
    print(f"  {'build report (in memory)':<28} {m['build']:7.2f} s")
    print(f"  {'write_overdue_workbook':<28} {m['write']:7.2f} s   (target < 30 s)")
    print(f"  {'peak RSS after building':<28} {m['rss_report']:7.0f} MB")
    print(f"  {'peak RSS of the process':<28} {m['peak']:7.0f} MB   (target < 300 MB)")
    print(f"  {'file size':<28} {m['size']:7.1f} MB")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(int(sys.argv[2]))
    else:
        main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
