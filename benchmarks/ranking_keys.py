"""Latency of the ranking screen's keys: from a key press to the changed ranking on screen.

Drives the real program in a pseudo-terminal with ``tui_probe.py``: opens the
ranking screen (`k`), then ties and unties the second area (`=`) and moves it
(`shift+down`), each change saved to disk before the screen shows it.
Prints the median per step. No bar is set by DESIGN.md for these keys; the
wheel's bar (50 ms median for a rating key) is the reference.

    python benchmarks/ranking_keys.py [--repeat 10] [--probe ../shared/tools/tui_probe.py]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROBE = ROOT.parent / "shared" / "tools" / "tui_probe.py"


def main() -> int:
    """Run the probe and print its medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--probe", type=Path, default=DEFAULT_PROBE)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="framewheel-bench-"))
    steps = [
        "k=>Rank  Commitment", "down=>Rank 2", "= =>Rank 1=", "= =>Rank 2 ·", "shift+down=>Rank 3",
    ]
    command = [sys.executable, str(args.probe), "--json", "--repeat", str(args.repeat), "--expect", "Your work"]
    for step in steps:
        command += ["--step", step]
    db = folder / "framewheel.json"
    start = f"rm -f '{db}'* && exec '{sys.executable}' -m tui --db '{db}'"  # a fresh database every run
    command += ["--", "sh", "-c", start]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    data = json.loads(result.stdout)
    for row in data["results"]:
        print(f"{row['what']:<40} median {row['median_ms']:7.1f} ms  (min {row['min_ms']:.1f}, max {row['max_ms']:.1f}, runs {row['runs']})")
    return 0 if data["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
