"""A second framewheel on the same data file, in its own process: opens the first RAG board and presses keys.

Run as ``python -m tests.helpers.board_instance DB USER_DIR KEY...``. It drives the real
interface (Pilot, headless), waits until the board's saves are on disk, prints ``saved``
and exits 0. Used by the two-instance test of the board (issue 14, item 1).
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from screens.boards.board import BoardScreen
from tui.app import FramewheelApp
from tui.context import AppContext


async def drive(db: Path, user_dir: Path, keys: list[str]) -> None:
    """Open the board from home (`b`, `enter`), press ``keys``, and wait for the saves."""
    context = AppContext.open(db, user_dir=user_dir)
    app = FramewheelApp(context)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("b")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, BoardScreen), "the board did not open"
            await pilot.press(*keys)
            await pilot.pause()
            assert app.screen.flush_saves(), "the board's saves did not finish"
    finally:
        context.close()
    print("saved", flush=True)


if __name__ == "__main__":
    asyncio.run(drive(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:]))
