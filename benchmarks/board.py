"""Key-to-screen time on a RAG board of 300 items, through a pseudo-terminal.

Builds a data file holding one plan of 6 sections x 50 items (with comments,
owners and focus years), starts framewheel on it under ``tui_probe.py``, opens
the board from the home screen and times, key by key, until the screen shows
the result: moving down, rating (`r`), opening an in-place editor (`enter`)
and cancelling it (`escape`), and paging. The bar (the issue): a median of at
most 50 ms.

    python benchmarks/board.py [--repeat 3] [--probe ../shared/tools/tui_probe.py] [--size 80x24]
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
sys.path.insert(0, str(ROOT))
DEFAULT_PROBE = ROOT.parent / "shared" / "tools" / "tui_probe.py"

SECTIONS, PER_SECTION = 6, 50
"""300 items: 6 sections of 50."""


def build_database(path: Path) -> None:
    """A data file with one plan of SECTIONS x PER_SECTION unrated items."""
    from tui.core.action_plans import ActionPlan, PlanItem, PlanSection
    from tui.context import AppContext

    sections = tuple(
        PlanSection(f"Theme {s + 1}", tuple(
            PlanItem(f"Milestone {s + 1}.{i + 1}: deliver the agreed action on time", "",
                     f"Progress note for milestone {s + 1}.{i + 1}, with enough words to fill the comment column.",
                     "Team lead", (2021, 2022))
            for i in range(PER_SECTION)
        ))
        for s in range(SECTIONS)
    )
    context = AppContext.open(path, user_dir=path.parent / "no-user-frameworks")
    try:
        context.action_plans.add(ActionPlan(id=0, project="Benchmark plan", sections=sections))
    finally:
        context.close()


def steps() -> list[tuple[str, str]]:
    """(keys, text expected on screen afterwards) for each timed key press."""
    timed: list[tuple[str, str]] = [("down", f"item 1 of {PER_SECTION}")]
    for k in range(1, 16):
        timed.append(("down", f"item {k + 1} of {PER_SECTION}"))
        timed.append(("r", f"R ● {k} "))
    timed += [("enter", "Editing milestone"), ("escape", "field: milestone")] * 3
    timed += [("end", f"item {PER_SECTION} of {PER_SECTION}"), ("home", "Section 1 of")]
    return timed


def main() -> int:
    """Build the data, run the probe, print the medians per kind of key and overall."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--probe", type=Path, default=DEFAULT_PROBE)
    parser.add_argument("--size", default="80x24")
    args = parser.parse_args()
    cols, rows = args.size.split("x")
    timed = steps()
    runs = []
    for _ in range(args.repeat):  # a fresh file each run: the ratings of one run are saved
        db = Path(tempfile.mkdtemp(prefix="framewheel-board-bench-")) / "framewheel.json"
        build_database(db)
        command = [sys.executable, str(args.probe), "--json", "--cols", cols, "--rows", rows,
                   "--expect", "Your work", "--step", "b=>Benchmark plan", "--step", "enter=>Green 0% of 300"]
        command += [arg for keys, text in timed for arg in ("--step", f"{keys}=>{text}")]
        command += ["--", sys.executable, "-m", "tui", "--db", str(db)]
        result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
        data = json.loads(result.stdout)
        if not data["ok"]:
            print(json.dumps(data, indent=2))
            raise SystemExit("a step timed out (see above)")
        runs.append(data["results"])
    data = {"results": [
        {"median_ms": statistics.median(run[i]["median_ms"] for run in runs)} for i in range(len(runs[0]))
    ]}
    board = data["results"][3:]
    by_key: dict[str, list[float]] = {}
    for (keys, _), row in zip(timed, board):
        by_key.setdefault(keys, []).append(row["median_ms"])
    print(f"RAG board of {SECTIONS * PER_SECTION} items, {args.size} pseudo-terminal, {args.repeat} run(s) (median of runs per key press)")
    print(f"open the board        : median {data['results'][2]['median_ms']:7.1f} ms")
    for keys, values in by_key.items():
        print(f"key {keys:<18}: median {statistics.median(values):7.1f} ms over {len(values)} presses")
    overall = statistics.median(row["median_ms"] for row in board)
    print(f"all keys              : median {overall:7.1f} ms  (bar: 50 ms) -> {'PASS' if overall <= 50 else 'FAIL'}")
    return 0 if overall <= 50 else 1


if __name__ == "__main__":
    sys.exit(main())
