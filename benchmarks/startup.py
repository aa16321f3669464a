"""Start-up time of framewheel beside a bare Textual app, measured in one run through a pseudo-terminal.

Runs both programs alternately (so machine load affects both alike) under
``tui_probe.py`` and reports the median time from spawn to the first usable
screen. The bar (DESIGN.md): framewheel within 1.5x the bare app.

    python benchmarks/startup.py [--rounds 15] [--probe ../shared/tools/tui_probe.py] [--db FILE]
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
USABLE = "Activities (press the key)"
"""Text of the home screen's last panel to be drawn: the screen is complete and takes keys."""


def probe_once(probe: Path, expect: str, command: list[str]) -> float:
    """Milliseconds from spawn until ``expect`` is on screen (one run)."""
    result = subprocess.run(
        [sys.executable, str(probe), "--json", "--expect", expect, "--", *command],
        capture_output=True, text=True, check=False,
    )
    data = json.loads(result.stdout)
    if not data["ok"]:
        raise SystemExit(f"timed out waiting for {expect!r} from {command}")
    return float(data["results"][0]["median_ms"])


def main() -> int:
    """Measure both programs and print the medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--probe", type=Path, default=DEFAULT_PROBE)
    parser.add_argument("--db", type=Path, help="data file to start on (default: a fresh empty one)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="framewheel-bench-"))
    db = args.db or folder / "framewheel.json"
    bare_cmd = [sys.executable, str(ROOT / "benchmarks" / "bare_app.py")]
    ours_cmd = [sys.executable, "-m", "tui", "--db", str(db)]
    probe_once(args.probe, "Help", ours_cmd)  # first start creates the file; not counted
    bare, ours = [], []
    for _ in range(args.rounds):
        bare.append(probe_once(args.probe, "Bare app ready", bare_cmd))
        ours.append(probe_once(args.probe, USABLE, ours_cmd))
    bare_median, ours_median = statistics.median(bare), statistics.median(ours)
    ratio = ours_median / bare_median
    print(f"rounds: {args.rounds} (alternating), 80x24 pseudo-terminal, db: {db}")
    print(f"bare Textual app : median {bare_median:7.1f} ms  (min {min(bare):.1f}, max {max(bare):.1f})")
    print(f"framewheel       : median {ours_median:7.1f} ms  (min {min(ours):.1f}, max {max(ours):.1f})")
    print(f"ratio            : {ratio:.2f}x  (bar: 1.5x) -> {'PASS' if ratio <= 1.5 else 'FAIL'}")
    return 0 if ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
