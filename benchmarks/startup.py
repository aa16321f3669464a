"""Start-up time of framewheel beside a bare Textual app, measured in one run through a pseudo-terminal.

Runs the programs alternately (so machine load affects them alike) under ``tui_probe.py``
and reports, with their spread, the time from spawn to

* the first usable home: its activities panel drawn (it takes keys from then on);
* the complete home: the work list read and shown (``Nothing saved yet.`` on the empty
  file; with ``--db``, a large file's ``and N more`` line, or the ``--complete`` text).

The bars (issue 18): on an empty file, the first usable home within 1.3x of the bare app
and the complete home within 1.5x; with ``--db``, the large file's complete home within
``--bar`` times the empty file's (1.5x at 10k wheels, 2x at 50k), both measured in the same
rounds. Python may cache compiled modules (as it does on a user's machine: a
``PYTHONDONTWRITEBYTECODE`` in this shell is not passed on), and one start before the
rounds is not counted.

    python benchmarks/startup.py [--rounds 15] [--probe ../shared/tools/tui_probe.py]
                                 [--db FILE [--complete TEXT] [--bar 1.5]]
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
"""Text of the home screen's activities panel: the screen is drawn and takes keys."""

EMPTY_COMPLETE = "Nothing saved yet."
"""Text of the empty file's work list: the home screen is complete."""


ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
"""The programs' environment: compiled modules may be cached, as they are on a user's machine."""


QUIT = "ctrl+q=>"
"""The step that quits as a person does (the probe's SIGTERM at its end finds the terminal unread, and the
program cannot finish writing: it leaves after its five seconds' grace, without closing the data file)."""


def probe_once(probe: Path, expect: str, command: list[str], then: str | None = None) -> list[float]:
    """Milliseconds from spawn until ``expect`` is on screen, and (with ``then``) until ``then`` is too (a step, when it has ``=>``)."""
    steps = ["--step", then if "=>" in then else f"=>{then}"] if then else []
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
    """Measure the programs alternately and print the medians and the ratios."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--probe", type=Path, default=DEFAULT_PROBE)
    parser.add_argument("--db", type=Path,
                        help="a large data file to start on as well, alternated with the empty one (its complete "
                             "home is compared with the empty file's)")
    parser.add_argument("--complete", default="more",
                        help="text that shows the --db file's work list is read (default: its 'and N more' line)")
    parser.add_argument("--bar", type=float, default=1.5,
                        help="the --db file's bar: its complete home within this many times the empty file's "
                             "(1.5 at 10k wheels, 2 at 50k)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="framewheel-bench-"))
    empty = folder / "framewheel.json"
    bare_cmd = [sys.executable, str(ROOT / "benchmarks" / "bare_app.py")]
    ours_cmd = [sys.executable, "-m", "tui", "--db", str(empty)]
    large_cmd = [sys.executable, "-m", "tui", "--db", str(args.db)] if args.db else None
    probe_once(args.probe, "Help", ours_cmd)  # first start creates the file and caches modules; not counted
    probe_once(args.probe, "Bare app ready", bare_cmd)
    if large_cmd:  # as a person's second start of the day: today's backup made, the file's check and summary noted
        probe_once(args.probe, "Help", large_cmd, then=QUIT)  # quit by `ctrl+q`: a probe's SIGTERM leaves no summary
    bare: list[float] = []
    usable: list[float] = []
    complete: list[float] = []
    large: list[float] = []
    for _ in range(args.rounds):
        bare.append(probe_once(args.probe, "Bare app ready", bare_cmd)[0])
        first, whole = probe_once(args.probe, USABLE, ours_cmd, then=EMPTY_COMPLETE)
        usable.append(first)
        complete.append(whole)
        if large_cmd:
            large.append(probe_once(args.probe, USABLE, large_cmd, then=args.complete)[-1])
    bare_median = statistics.median(bare)
    usable_ratio, complete_ratio = statistics.median(usable) / bare_median, statistics.median(complete) / bare_median
    ratios = sorted(u / b for u, b in zip(usable, bare))
    print(f"rounds: {args.rounds} (alternating), 80x24 pseudo-terminal, empty file: {empty}"
          + (f", large file: {args.db}" if args.db else ""))
    print(spread("bare Textual app", bare))
    print(spread("framewheel, first usable", usable))
    print(spread("framewheel, complete", complete))
    print(f"usable ratio              : {usable_ratio:.2f}x  (per round {ratios[0]:.2f}-{ratios[-1]:.2f}; bar 1.3x) -> "
          f"{'PASS' if usable_ratio <= 1.3 else 'FAIL'}")
    print(f"complete ratio            : {complete_ratio:.2f}x  (bar 1.5x) -> {'PASS' if complete_ratio <= 1.5 else 'FAIL'}")
    passed = usable_ratio <= 1.3 and complete_ratio <= 1.5
    if large:
        large_ratio = statistics.median(large) / statistics.median(complete)
        print(spread("large file, complete", large))
        print(f"large / empty complete    : {large_ratio:.2f}x  (bar {args.bar}x) -> "
              f"{'PASS' if large_ratio <= args.bar else 'FAIL'}")
        passed = passed and large_ratio <= args.bar
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
