"""The wheel history at scale: from `h` on the home screen until the list is usable, and a `pagedown`.

Builds a database of N fully rated AHEP wheels (``benchmarks/large_db.py``'s
``wheel_records``), opens the app in-process with ``App.run_test(size=(80, 24))`` and
times, ``--rounds`` times each in a fresh app: pressing `h` until the history table has
its rows and the first row highlighted; then one `pagedown` (until the cursor has moved);
then `escape` (back on the home screen, its work list checked) and `h` again. Prints the
median and the min-max of each, in ms.

The bars (issue 18): history usable after `h` <= 300 ms at 10k wheels, <= 500 ms at 50k;
`pagedown` <= 50 ms.

    .venv/bin/python benchmarks/history.py [--wheels 10000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.large_db import build  # noqa: E402


async def one_round(db: Path, user_dir: Path) -> tuple[float, float, float, float]:
    """One fresh app: ms for `h` until usable, a `pagedown`, `escape` back to home, and `h` again."""
    from textual.widgets import DataTable

    from tui.app import FramewheelApp
    from tui.context import AppContext

    context = AppContext.open(db, user_dir=user_dir)
    app = FramewheelApp(context)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()

            async def until_usable() -> None:
                """Wait until the history's table has rows and its first row highlighted."""
                while True:
                    await pilot.pause()
                    tables = app.screen.query("#history-table")
                    if tables:
                        table = tables.first(DataTable)
                        if table.row_count and table.cursor_row == 0:
                            return

            start = time.perf_counter()
            await pilot.press("h")
            await until_usable()
            opened = time.perf_counter() - start
            table = app.screen.query_one("#history-table", DataTable)
            start = time.perf_counter()
            await pilot.press("pagedown")
            while table.cursor_row == 0:
                await pilot.pause()
            paged = time.perf_counter() - start
            start = time.perf_counter()
            await pilot.press("escape")
            await pilot.pause()
            home = time.perf_counter() - start
            start = time.perf_counter()
            await pilot.press("h")
            await until_usable()
            again = time.perf_counter() - start
    finally:
        context.close()
    return opened * 1000, paged * 1000, home * 1000, again * 1000


def spread(times: list[float]) -> str:
    """``median (min-max) ms``."""
    return f"{statistics.median(times):.0f} ms ({min(times):.0f}-{max(times):.0f})"


def main() -> int:
    """Build the database, time the rounds, print the medians and spreads."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--wheels", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="framewheel-history-"))
    db = folder / "data" / "framewheel.json"
    db.parent.mkdir(mode=0o700)
    build(db, args.wheels)
    results = [asyncio.run(one_round(db, folder / "user")) for _ in range(args.rounds)]
    print(f"{args.wheels} wheels, {args.rounds} rounds")
    print(f"h until usable:  {spread([r[0] for r in results])}")
    print(f"pagedown:        {spread([r[1] for r in results])}")
    print(f"escape to home:  {spread([r[2] for r in results])}")
    print(f"h again:         {spread([r[3] for r in results])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
