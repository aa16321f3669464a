"""Key press to redrawn wheel: framewheel beside a bare Textual app, through a pseudo-terminal.

framewheel is started at 160x48 (sliders and wheel side by side) on a fresh
database; `w` starts a wheel, `5` rates the first area (moving on) and `shift+tab` comes back to it. Then each press of
`right` or `left` changes that rating and the time until the wheel's legend
shows the new mean (``mean 6.0``; drawn by the chart, not the slider) is taken.
The bare app (benchmarks/bare_keys_app.py) redraws ``value N`` on the same keys.

Keys come in a burst by default; ``--pause MS`` types at a person's pace instead (each key
MS after the screen showed the last one, so each save lands between keys, as it does for a
person: 150-350 ms apart is typical). The bars: a median of at most 50 ms (DESIGN.md), and
at a person's pace on a file of 10,000 wheels a p95 of at most 80 ms too (issue 18).

    python benchmarks/keys.py [--presses 35] [--pause 250] [--probe ../shared/tools/tui_probe.py] [--db FILE]
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


def probe(probe_path: Path, expect: str, steps: list[str], command: list[str], pause: float = 0.0) -> list[float]:
    """Milliseconds of each step (after the first expectation) for one run; ``pause`` ms before each step."""
    args = [sys.executable, str(probe_path), "--json", "--cols", "160", "--rows", "48", "--expect", expect,
            "--pause", str(pause)]
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
    parser.add_argument("--pause", type=float, default=0.0, help="ms between a key's result and the next key (0: a burst)")
    args = parser.parse_args()
    presses = max(args.presses, 30)
    db = args.db or Path(tempfile.mkdtemp(prefix="framewheel-keys-")) / "framewheel.json"
    walked = walk(5, presses)

    # the 5 moves on to the next slider (the quick path): shift+tab comes back to it before the timed keys
    ours_steps = ["w=>Wheel of", "5=>mean 5.0", "shift+tab=>mean 5.0"] + [f"{key}=>mean {value}.0" for key, value in walked]
    ours = probe(args.probe, "Your work", ours_steps, [sys.executable, "-m", "tui", "--db", str(db)], args.pause)[3:]
    bare_steps = [f"{key}=>value {value}" for key, value in walk(0, presses, low=-1000, high=1000)]
    bare = probe(args.probe, "value 0", bare_steps, [sys.executable, str(ROOT / "benchmarks" / "bare_keys_app.py")],
                 args.pause)

    ours_median, bare_median = statistics.median(ours), statistics.median(bare)
    ours_p95, bare_p95 = p95(ours), p95(bare)
    pace = f"a person's pace ({args.pause:.0f} ms between keys)" if args.pause else "a burst"
    print(f"presses: {presses} each, {pace}, 160x48 pseudo-terminal, db: {db}")
    print(f"bare Textual app (number redrawn) : median {bare_median:6.1f} ms  p95 {bare_p95:6.1f}  "
          f"(min {min(bare):.1f}, max {max(bare):.1f})")
    print(f"framewheel (key to redrawn wheel) : median {ours_median:6.1f} ms  p95 {ours_p95:6.1f}  "
          f"(min {min(ours):.1f}, max {max(ours):.1f})")
    passed = ours_median <= 50 and (not args.pause or ours_p95 <= 80)
    print(f"bars: median <= 50 ms{', p95 <= 80 ms' if args.pause else ''} -> {'PASS' if passed else 'FAIL'}")
    return 0 if passed else 1


def p95(values: list[float]) -> float:
    """The 95th percentile of ``values`` (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


if __name__ == "__main__":
    sys.exit(main())
