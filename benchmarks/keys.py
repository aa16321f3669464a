"""Key press to redrawn wheel: framewheel beside a bare Textual app, through a pseudo-terminal.

framewheel is started at 160x48 (sliders and wheel side by side) on a fresh
database; `w` starts a wheel and `5` rates the first area. Then each press of
`right` or `left` changes that rating and the time until the wheel's legend
shows the new mean (``mean 6.0``; drawn by the chart, not the slider) is taken.
The bare app (benchmarks/bare_keys_app.py) redraws ``value N`` on the same keys.
The bar (DESIGN.md): a median of at most 50 ms for framewheel.

    python benchmarks/keys.py [--presses 35] [--probe ../shared/tools/tui_probe.py] [--db FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROBE = ROOT.parent / "shared" / "tools" / "tui_probe.py"


def walk(start: int, presses: int, low: int = 0, high: int = 10) -> list[tuple[str, int]]:
    """Keys that walk a value from ``start`` up to ``high``, down to ``low`` and back, and each new value."""
    steps, value, direction = [], start, 1
    while len(steps) < presses:
        if not low <= value + direction <= high:
            direction = -direction
        value += direction
        steps.append(("right" if direction > 0 else "left", value))
    return steps


def probe(probe_path: Path, expect: str, steps: list[str], command: list[str]) -> list[float]:
    """Milliseconds of each step (after the first expectation) for one run."""
    args = [sys.executable, str(probe_path), "--json", "--cols", "160", "--rows", "48", "--expect", expect]
    for step in steps:
        args += ["--step", step]
    result = subprocess.run([*args, "--", *command], capture_output=True, text=True, check=False)
    data = json.loads(result.stdout)
    if not data["ok"]:
        failed = next((row["what"] for row in data["results"] if row["runs"] == 0), "?")
        raise SystemExit(f"timed out at {failed} for {command}")
    return [float(row["median_ms"]) for row in data["results"][1:]]


def main() -> int:
    """Measure both programs and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--presses", type=int, default=35, help="key presses timed (at least 30)")
    parser.add_argument("--probe", type=Path, default=DEFAULT_PROBE)
    parser.add_argument("--db", type=Path, help="data file to start on (default: a fresh empty one)")
    args = parser.parse_args()
    presses = max(args.presses, 30)
    db = args.db or Path(tempfile.mkdtemp(prefix="framewheel-keys-")) / "framewheel.json"
    walked = walk(5, presses)

    ours_steps = ["w=>Wheel of", "5=>mean 5.0"] + [f"{key}=>mean {value}.0" for key, value in walked]
    ours = probe(args.probe, "Your work", ours_steps, [sys.executable, "-m", "tui", "--db", str(db)])[2:]
    bare_steps = [f"{key}=>value {value}" for key, value in walk(0, presses, low=-1000, high=1000)]
    bare = probe(args.probe, "value 0", bare_steps, [sys.executable, str(ROOT / "benchmarks" / "bare_keys_app.py")])

    ours_median, bare_median = statistics.median(ours), statistics.median(bare)
    print(f"presses: {presses} each, 160x48 pseudo-terminal, db: {db}")
    print(f"bare Textual app (number redrawn) : median {bare_median:6.1f} ms  (min {min(bare):.1f}, max {max(bare):.1f})")
    print(f"framewheel (key to redrawn wheel) : median {ours_median:6.1f} ms  (min {min(ours):.1f}, max {max(ours):.1f})")
    print(f"bar: 50 ms median -> {'PASS' if ours_median <= 50 else 'FAIL'}")
    return 0 if ours_median <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
