"""The home screen of a start on a large file drawn from the file's noted summary, before the file is parsed.

A small file stands for a large one (the size from which notes are kept is lowered); the
parses are counted by watching the function that parses the file. The interface's close
(``context.close(summarise=True)``, as the command line calls it) keeps the summary.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from screens.wheel.history import HistoryScreen
from tests.conftest import open_context, screen_text
from tui.app import FramewheelApp
from tui.context import AppContext

WHEELS = 35


def _open(db_path: Path, tmp_path: Path) -> AppContext:
    """The interface's context on ``db_path``."""
    return open_context(db_path, tmp_path)


async def _run_and_quit(db_path: Path, tmp_path: Path) -> None:
    """One run of the interface that shows the home and quits, closed as the command line closes it."""
    context = _open(db_path, tmp_path)
    app = FramewheelApp(context)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
    finally:
        context.close(summarise=True)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_the_home_is_complete_before_the_file_is_parsed(db_path: Path, tmp_path: Path, parses: list[int],
                                                               size: tuple[int, int]) -> None:
    """The newest wheels, the count of the rest and the chosen theme on the home; the history then parses the file once."""
    context = _open(db_path, tmp_path)
    for number in range(1, WHEELS + 1):
        context.assessments.create(context.framework, f"Wheel {number}")
    context.settings.set("theme", "gruvbox")
    context.close()
    await _run_and_quit(db_path, tmp_path)  # opens a file with records (keeping today's copy), closes with its summary
    listed = _open(db_path, tmp_path)
    newest = [line.title for line in listed.recent_work(30)[0]][:2]  # the two the home lists first (from the summary)
    listed.close()
    parses.clear()
    context = _open(db_path, tmp_path)
    app = FramewheelApp(context)
    try:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            text = screen_text(app)
            assert all(f"{title} " in text for title in newest) and f"and {WHEELS - 30} more" in text
            assert app.theme == "gruvbox"
            assert parses == []
            await pilot.press("h")
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
            assert f"Your wheels ({WHEELS})" in screen_text(app)
            assert parses == [1]
    finally:
        context.close(summarise=True)
