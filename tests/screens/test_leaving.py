"""Leaving the app with typed text not yet saved (ctrl+q, a signal), and quitting the demo."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.leave import LeaveDialog
from screens.dialogs.text_input import TextDialog
from screens.home import HomeScreen
from screens.wheel.rating import RatingScreen
from tests.conftest import screen_text
from tests.helpers.waiting import wait_until
from tui.app import FramewheelApp
from tui.context import AppContext

SIZES = [(80, 24), (200, 60)]
"""The smallest supported terminal and a large one."""


def stored_notes(db_path: Path, tmp_path: Path) -> dict[str, str]:
    """The notes of the only wheel, read back from the data file through a fresh context."""
    again = AppContext.open(db_path, user_dir=tmp_path / "user-frameworks")
    try:
        [wheel] = again.assessments.list()
        return dict(wheel.notes)
    finally:
        again.close()


async def wait_for_exit(app: FramewheelApp) -> None:
    """Wait (up to 10 s) until the app has stopped running."""
    end = time.monotonic() + 10
    while app.is_running:
        assert time.monotonic() < end, "the app did not quit"
        await asyncio.sleep(0.05)


async def type_a_note(pilot: object, app: FramewheelApp, text: str) -> None:
    """From home: a new wheel, one rating, then `enter` and ``text`` typed into the note (not kept)."""
    await pilot.press("w", "5", "shift+tab", "enter")  # type: ignore[attr-defined]
    await wait_until(pilot, lambda: isinstance(app.screen, TextDialog), what="the note dialog")
    await pilot.press(*("space" if c == " " else c for c in text))  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", SIZES)
async def test_ctrl_q_with_a_note_typed_asks_and_save_and_quit_stores_it(
        context: AppContext, db_path: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """ctrl+q over a note being typed asks; "Save and quit" stores the note and quits."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await type_a_note(pilot, app, "Ask about mentoring")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveDialog), what="the quit question")
        text = screen_text(app)
        assert "Quit with text not saved?" in text
        assert "Typed and not yet saved: Note on 1. Empowering Professional" in text
        for button in ("Save and quit (s)", "Quit without saving (d)", "Stay (esc)"):
            assert button in text
        await pilot.press("s")
        await wait_for_exit(app)
    assert stored_notes(db_path, tmp_path) == {"professional-development": "Ask about mentoring"}


async def test_stay_keeps_the_app_running_and_the_text(context: AppContext, db_path: Path, tmp_path: Path) -> None:
    """"Stay" goes back to the note with its text; "Quit without saving" then quits and stores no note."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_a_note(pilot, app, "Half a thought")
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveDialog), what="the quit question")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, TextDialog), what="the note again")
        assert app.is_running
        assert "Half a thought" in screen_text(app)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveDialog), what="the quit question")
        await pilot.press("d")
        await wait_for_exit(app)
    assert stored_notes(db_path, tmp_path) == {}


async def test_ctrl_q_with_nothing_typed_quits_at_once(context: AppContext) -> None:
    """No typed text and no demo: ctrl+q quits without a question."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "5", "ctrl+q")
        await wait_for_exit(app)
    assert not isinstance(app.screen_stack[-1] if app.screen_stack else None, LeaveDialog)


async def test_a_signal_with_a_note_typed_saves_it(context: AppContext, db_path: Path, tmp_path: Path) -> None:
    """SIGTERM/SIGHUP's path (no one to ask) keeps the note being typed, then quits."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await type_a_note(pilot, app, "Saved by the signal")
        app.leave_on_signal()
        await wait_for_exit(app)
    assert stored_notes(db_path, tmp_path) == {"professional-development": "Saved by the signal"}


async def test_ctrl_q_over_an_objective_being_typed_asks_and_saves_it(context: AppContext, tmp_path: Path, db_path: Path) -> None:
    """An objective being filled in is asked about; "Save and quit" with a field missing stays and says why."""
    app = FramewheelApp(context, )
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("p", "n", *"Lead", "ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveDialog), what="the quit question")
        assert "a new objective “Lead”" in screen_text(app)
        await pilot.press("s")
        await pilot.pause()
        assert app.is_running  # no area and no success criteria yet: it cannot be saved
        assert "tie the objective to at least one commitment" in " ".join(n.message for n in app._notifications)
        await pilot.press("tab", "space", "tab", *"Done", "ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveDialog), what="the quit question")
        await pilot.press("s")
        await wait_for_exit(app)
    again = AppContext.open(db_path, user_dir=tmp_path / "user-frameworks")
    try:
        assert [objective.title for objective in again.development_plan.list("ahep")] == ["Lead"]
    finally:
        again.close()


@pytest.mark.parametrize("size", SIZES)
async def test_q_on_the_demo_asks_and_says_the_data_will_be_deleted(tmp_path: Path, size: tuple[int, int]) -> None:
    """`q` on the demo's home asks first, saying its data will be deleted; "Stay" stays."""
    context = AppContext.open_demo(user_dir=tmp_path / "u")
    try:
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("q")
            await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the demo question")
            text = " ".join(screen_text(app).split())
            assert "The demo data will be deleted" in text
            await pilot.press("n")
            await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), what="home again")
            assert app.is_running
            await pilot.press("ctrl+q")
            await wait_until(pilot, lambda: isinstance(app.screen, ConfirmDialog), what="the demo question")
            await pilot.press("y")
            await wait_for_exit(app)
    finally:
        context.close()


async def test_a_board_cell_being_edited_is_asked_about(context: AppContext) -> None:
    """A board cell edited and not kept is named in the quit question; "Save and quit" keeps the edit."""
    from tests.screens.test_board_screen import open_board, small_plan, stored

    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await pilot.press("down", "enter", "ctrl+u", *"Weekly", "ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveDialog), what="the quit question")
        assert "being edited on the board" in screen_text(app)
        await pilot.press("s")
        await wait_for_exit(app)
    assert stored(context).sections[0].items[0].milestone == "Weekly"


async def test_the_rating_screen_is_left_by_quitting_with_its_ratings(context: AppContext) -> None:
    """Ratings are not typed text: quitting from the rating screen asks nothing and keeps them."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "6")
        await wait_until(pilot, lambda: isinstance(app.screen, RatingScreen))
        await pilot.press("ctrl+q")
        await wait_for_exit(app)
    assert context.assessments.list()[0].ratings == {"professional-development": {"current": 6}}


async def test_a_new_plans_header_being_typed_is_asked_about_and_kept(context: AppContext) -> None:
    """The new action plan's header, typed and not kept: ctrl+q names it; "Save and quit" stores the plan."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "n", *"Our plan", "ctrl+q")
        await wait_until(pilot, lambda: isinstance(app.screen, LeaveDialog), what="the quit question")
        assert "the action plan's header" in screen_text(app)
        await pilot.press("s")
        await wait_for_exit(app)
    assert [plan.project for plan in context.action_plans.list()] == ["Our plan"]
