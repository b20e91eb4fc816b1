"""Start-up time: `cchc --version` and `cchc --help` against bare `python -c "import click"`.

Runs each command many times, interleaved, and reports the median wall time and the ratio to the
floor (issue target: `cchc --version` within 1.5× of importing click).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMANDS = {
    'python -c "import click"': [sys.executable, "-c", "import click"],
    "cchc --version": [sys.executable, "-m", "cchc", "--version"],
    "cchc --help": [sys.executable, "-m", "cchc", "--help"],
}


def measure(runs: int = 30) -> list[tuple[str, float, float]]:
    """(command, median seconds, ratio to the floor) for each command."""
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, argv in COMMANDS.items():
            start = time.perf_counter()
            subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - start)
    floor = statistics.median(times['python -c "import click"'])
    return [(name, statistics.median(t), statistics.median(t) / floor) for name, t in times.items()]


def main() -> None:
    rows = measure()
    print("| command | median wall time (ms) | × import click |")
    print("|---|---:|---:|")
    for name, median, ratio in rows:
        print(f"| `{name}` | {median * 1000:.1f} | {ratio:.2f} |")


if __name__ == "__main__":
    main()
