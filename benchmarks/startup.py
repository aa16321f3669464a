"""Start-up time of framewheel beside a bare Textual app, measured in one run through a pseudo-terminal.

Runs both programs alternately (so machine load affects both alike) under
``tui_probe.py`` and reports, with their spread, the time from spawn to

* the first usable home: its activities panel drawn (it takes keys from then on);
* the complete home: the work list read and shown (``Nothing saved yet.`` on an empty
  file; give ``--complete`` the text to wait for on another file, such as ``more``).

The bars (issue 18): the first usable home within 1.3x of the bare app, the complete home
within 1.5x. Python may cache compiled modules (as it does on a user's machine: a
``PYTHONDONTWRITEBYTECODE`` in this shell is not passed on), and one start before the
rounds is not counted.

    python benchmarks/startup.py [--rounds 15] [--probe ../shared/tools/tui_probe.py] [--db FILE] [--complete TEXT]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PROBE = ROOT.parent / "shared" / "tools" / "tui_probe.py"
USABLE = "Activities (press the key)"
"""Text of the home screen's last panel to be drawn: the screen is complete and takes keys."""


ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""The programs' environment: compiled modules may be cached, as they are on a user's machine."""


def probe_once(probe: Path, expect: str, command: list[str], then: str | None = None) -> list[float]:
    """Milliseconds from spawn until ``expect`` is on screen, and (with ``then``) until ``then`` is too."""
    steps = ["--step", f"=>{then}"] if then else []
    result = subprocess.run(
        [sys.executable, str(probe), "--json", "--expect", expect, *steps, "--", *command],
        capture_output=True, text=True, check=False, env=ENV,
    )
    data = json.loads(result.stdout)
    if not data["ok"]:
        raise SystemExit(f"timed out waiting for {expect!r} then {then!r} from {command}")
    times = [float(row["median_ms"]) for row in data["results"]]
    return [sum(times[: n + 1]) for n in range(len(times))]


def spread(name: str, times: list[float]) -> str:
    """One line: the median, the quartiles and the extremes of ``times``."""
    low, _, high = statistics.quantiles(times, n=4) if len(times) > 1 else (times[0], 0, times[0])
    return (f"{name:<26}: median {statistics.median(times):7.1f} ms  (quartiles {low:.1f}-{high:.1f}, "
            f"min {min(times):.1f}, max {max(times):.1f})")


def main() -> int:
    """Measure both programs and print the medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--probe", type=Path, default=DEFAULT_PROBE)
    parser.add_argument("--db", type=Path, help="data file to start on (default: a fresh empty one)")
    parser.add_argument("--complete", default="Nothing saved yet.",
                        help="text that shows the work list is read (default: the empty file's line)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="framewheel-bench-"))
    db = args.db or folder / "framewheel.json"
    bare_cmd = [sys.executable, str(ROOT / "benchmarks" / "bare_app.py")]
    ours_cmd = [sys.executable, "-m", "tui", "--db", str(db)]
    probe_once(args.probe, "Help", ours_cmd)  # first start creates the file and caches modules; not counted
    probe_once(args.probe, "Bare app ready", bare_cmd)
    bare, usable, complete = [], [], []
    for _ in range(args.rounds):
        bare.append(probe_once(args.probe, "Bare app ready", bare_cmd)[0])
        first, whole = probe_once(args.probe, USABLE, ours_cmd, then=args.complete)
        usable.append(first)
        complete.append(whole)
    bare_median = statistics.median(bare)
    usable_ratio, complete_ratio = statistics.median(usable) / bare_median, statistics.median(complete) / bare_median
    ratios = sorted(u / b for u, b in zip(usable, bare))
    print(f"rounds: {args.rounds} (alternating), 80x24 pseudo-terminal, db: {db}")
    print(spread("bare Textual app", bare))
    print(spread("framewheel, first usable", usable))
    print(spread("framewheel, complete", complete))
    print(f"usable ratio              : {usable_ratio:.2f}x  (per round {ratios[0]:.2f}-{ratios[-1]:.2f}; bar 1.3x) -> "
          f"{'PASS' if usable_ratio <= 1.3 else 'FAIL'}")
    print(f"complete ratio            : {complete_ratio:.2f}x  (bar 1.5x) -> {'PASS' if complete_ratio <= 1.5 else 'FAIL'}")
    return 0 if usable_ratio <= 1.3 and complete_ratio <= 1.5 else 1


if __name__ == "__main__":
    sys.exit(main())
