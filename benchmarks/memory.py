"""Peak memory of framewheel's wheel screen beside a bare Textual app, each in a process of its own.

Each measurement is a fresh Python process that builds the app, runs it headless at 80x24
under ``App.run_test`` (the same harness for both), waits for the screen and reports its
peak resident memory (``ru_maxrss``). Three kinds alternate, ``--rounds`` times:

* the bare Textual app (benchmarks/bare_app.py);
* framewheel's home screen on the data file;
* framewheel's wheel screen: `w` on home, a new wheel with its chart drawn.

The bar (issue 18): the wheel screen within 1.4x of the bare app.

    python benchmarks/memory.py [--rounds 5] [--db FILE]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROGRAM = '''
import asyncio, resource, sys
sys.path.insert(0, {root!r})
kind, db = sys.argv[1], sys.argv[2]

async def main():
    if kind == "bare":
        sys.path.insert(0, {benchmarks!r})
        from bare_app import BareApp
        app = BareApp()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
        return
    from pathlib import Path
    from tui.app import FramewheelApp
    from tui.context import AppContext
    context = AppContext.open(Path(db))
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        if kind == "wheel":
            await pilot.press("w")
            for _ in range(200):
                await pilot.pause(0.01)
                if type(app.screen).__name__ == "RatingScreen":
                    break
            else:
                raise SystemExit("the wheel screen did not open")
            await pilot.pause(0.2)
    context.close()

asyncio.run(main())
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
'''


def peak(kind: str, db: Path) -> float:
    """Peak resident memory (MiB) of one process showing ``kind``."""
    code = PROGRAM.format(root=str(ROOT), benchmarks=str(ROOT / "benchmarks"))
    result = subprocess.run([sys.executable, "-c", code, kind, str(db)], capture_output=True, text=True,
                            check=False, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"{kind}: {result.stderr.strip().splitlines()[-1:]}")
    return float(result.stdout.strip().splitlines()[-1])


def main() -> int:
    """Measure the three kinds alternately and print medians, spreads and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--db", type=Path, help="data file (default: a fresh empty one)")
    args = parser.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="framewheel-memory-")) / "framewheel.json"
    found: dict[str, list[float]] = {"bare": [], "home": [], "wheel": []}
    peak("home", db)  # creates the file
    for _ in range(args.rounds):
        for kind in found:
            found[kind].append(peak(kind, db))
    bare = statistics.median(found["bare"])
    print(f"rounds: {args.rounds} (alternating), run_test at 80x24, db: {db}")
    for kind, values in found.items():
        print(f"{kind:<6}: median {statistics.median(values):6.1f} MiB (min {min(values):.1f}, max {max(values):.1f}); "
              f"{statistics.median(values) / bare:.2f}x the bare app")
    ratio = statistics.median(found["wheel"]) / bare
    print(f"wheel screen: {ratio:.2f}x (bar 1.4x) -> {'PASS' if ratio <= 1.4 else 'FAIL'}")
    return 0 if ratio <= 1.4 else 1


if __name__ == "__main__":
    sys.exit(main())
