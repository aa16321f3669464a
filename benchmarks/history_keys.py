"""The wheel history at scale through a pseudo-terminal: `h`, `pagedown`, `end`, `escape`, as a person sees them.

Runs the real program in an 80x24 pseudo-terminal (``tui_probe.py``, as the other key
benchmarks do) on two data files alternately, ``--rounds`` times: a large one (``--db``, e.g.
10,000 or 50,000 wheels made by ``benchmarks/scale.py``'s builder) and a small one of 150
wheels (just over a page, so that `pagedown` and `end` move; home lists 30 either way, so its
`escape` stands for the empty file's).
Each round, at a person's pace (``--pause`` ms after each screen settles):

* `h` on home until the history's heading shows its count (the list is usable);
* `pagedown` until the screen changes (the cursor moved a page);
* `end` until the oldest wheel's window is shown (the heading names the last records);
* `escape` until home's activities are back.

The bars (issue 18): `h` at most 300 ms at 10k wheels and 500 ms at 50k; `pagedown` at most
50 ms; `escape` back home at most 1.5x the small file's.

    python benchmarks/history_keys.py --db FILE [--small FILE] [--rounds 5] [--pause 250]
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
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
STEPS = [("h", "Your wheels ("), ("pagedown", ""), ("end", "–"), ("escape", "Activities (press the key)")]
"""Each key and the text that shows it took effect (empty: the screen changed)."""


def one_run(probe: Path, db: Path, pause: float) -> list[float]:
    """Milliseconds of each of :data:`STEPS` in one run of the program on ``db``."""
    args = [sys.executable, str(probe), "--json", "--expect", "Your work", "--pause", str(pause)]
    for key, text in STEPS:
        args += ["--step", f"{key}=>{text}"]
    result = subprocess.run([*args, "--", sys.executable, "-m", "tui", "--db", str(db)],
                            capture_output=True, text=True, check=False, env=ENV, cwd=ROOT)
    data = json.loads(result.stdout)
    if not data["ok"]:
        failed = next((row["what"] for row in data["results"] if row["runs"] == 0), "?")
        raise SystemExit(f"timed out at {failed} on {db}")
    return [float(row["median_ms"]) for row in data["results"][1:]]


def small_file(folder: Path) -> Path:
    """A data file of 150 wheels, made through ``framewheel import``."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.scale import build

    return build(folder, "small", 150, 0)


def spread(values: list[float]) -> str:
    """``median (min-max)`` in ms."""
    return f"{statistics.median(values):6.1f} ms ({min(values):.1f}-{max(values):.1f})"


def main() -> int:
    """Time both files alternately and print each step's median and spread."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="the large data file")
    parser.add_argument("--small", type=Path, help="the small file (default: 150 wheels, made here)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--pause", type=float, default=250.0, help="ms after each screen settles, before the next key")
    parser.add_argument("--probe", type=Path, default=DEFAULT_PROBE)
    args = parser.parse_args()
    small = args.small or small_file(Path(tempfile.mkdtemp(prefix="framewheel-history-")))
    large_runs, small_runs = [], []
    for _ in range(args.rounds):
        large_runs.append(one_run(args.probe, args.db, args.pause))
        small_runs.append(one_run(args.probe, small, args.pause))
    print(f"rounds: {args.rounds} (alternating), 80x24 pseudo-terminal, {args.pause:.0f} ms between keys")
    print(f"large: {args.db}; small: {small}")
    for index, (key, _) in enumerate(STEPS):
        large = [run[index] for run in large_runs]
        few = [run[index] for run in small_runs]
        ratio = statistics.median(large) / statistics.median(few)
        print(f"{key:<9} large {spread(large)}   small {spread(few)}   ratio {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
