"""The level finder driven with Pilot, and a framework without levels in every view."""

from __future__ import annotations

from pathlib import Path

import pytest

from screens.dialogs.confirm import ConfirmDialog
from screens.levels.explore import ExplorerScreen
from screens.levels.finder import FinderScreen
from screens.levels.finder_note import NoteDialog
from screens.levels.levels import LevelsScreen
from screens.levels.steps import StepScreen
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.finder import CONSISTENTLY, NOT_YET, SOMETIMES, add_demo_finder

SIZES = [(80, 24), (200, 60)]


def result_panel(app: FramewheelApp) -> str:
    """The plain text of the result panel shown at this size (below the lists when narrow, right when wide)."""
    wide = app.screen.has_class("wide")
    static = app.screen.query_one("#finder-result-wide-text" if wide else "#finder-result-text")
    assert static.parent.display and static.parent.styles.display != "none"
    return str(static.content)


@pytest.mark.parametrize("size", SIZES)
async def test_mark_exemplars_and_see_the_level(context: AppContext, size: tuple[int, int]) -> None:
    """c/s/x (and 1/2/3) mark exemplars, saved at once; the level, reasons and next steps follow."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FinderScreen)
        heading = next(line for line in screen_text(app).splitlines() if "Best fit:" in line)
        assert "new record from your first mark" in heading
        if size[0] < 120:
            assert heading.rstrip().endswith("F1: the rule")  # whole at 80 columns, nothing cut off
        else:
            assert "F1" not in heading  # wide: the rule is in its own pane
        assert context.finder.list() == []
        await pilot.press("tab", "c", "1", "c", "c", "2", "x")
        await pilot.pause()
        record = context.finder.latest("ahep")
        assert record is not None
        area = "professional-development"
        assert [record.mark(area, "associate", i) for i in range(3)] == [CONSISTENTLY] * 3
        assert [record.mark(area, "member", i) for i in range(3)] == [CONSISTENTLY, SOMETIMES, NOT_YET]
        text = screen_text(app)
        assert "Best fit: Associate" in text
        assert "Saved" in text
        assert "[S]" in text and "[X]" in text
        result = result_panel(app)
        assert "Associate: 3 of 3 consistently at Associate, 1 of 3 at Member" in result
        assert "Next steps towards Member" in result
        assert "I keep my professional knowledge" in result and "I reflect on my actions" not in result
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert context.finder.get(record.id).mark(area, "member", 2) is None
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert context.finder.get(record.id).mark(area, "member", 2) == NOT_YET


@pytest.mark.parametrize("size", SIZES)
async def test_note_new_record_and_delete(context: AppContext, size: tuple[int, int]) -> None:
    """enter adds an evidence note; n starts a new dated record; d deletes after asking."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"Set goals in my review", "enter")
        await pilot.pause()
        assert isinstance(app.screen, FinderScreen)
        first = context.finder.latest("ahep")
        assert first.note("professional-development", "associate", 0) == "Set goals in my review"
        assert "Evidence: Set goals in my review" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert len(context.finder.list()) == 2
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        assert len(context.finder.list()) == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert [r.id for r in context.finder.list()] == [first.id]


async def test_mark_needs_an_exemplar_in_focus(context: AppContext) -> None:
    """A mark key on the area list changes nothing and says what to do."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", "c")
        await pilot.pause()
        assert context.finder.list() == []
        assert any("Choose an exemplar first" in n.message for n in app._notifications)


async def test_saved_record_opens_from_home(context: AppContext) -> None:
    """The demo record is listed on the home screen and enter opens it in the finder."""
    add_demo_finder(context.finder, context.catalog.frameworks["ahep"])
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        for _ in range(100):  # the work list fills once the home screen has drawn (slower on a loaded machine)
            await pilot.pause(0.05)
            if "level finder" in screen_text(app):
                break
        assert "level finder" in screen_text(app)
        while app.focused is None or app.focused.id != "work-table":
            await pilot.press("tab")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FinderScreen)
        assert "Best fit: Member" in screen_text(app)
        result = result_panel(app)
        assert "Accredited Member: 3 of 3 consistently at Associate, 3 of 3 at Member, 2 of 3 at Accredited Member" in result
        assert "Member: 6 of 8 marked areas at Member or above" not in result
        assert "Member: 8 of 8 marked areas at Member or above (at least half needed)" in result


@pytest.mark.parametrize("size", SIZES)
async def test_framework_without_levels_in_every_view(db_path: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """The Aspect principles (no levels): levels, explorer, grid, search, steps and finder show areas, never empty columns."""
    context = AppContext.open(db_path, "aspect-core-principles", user_dir=tmp_path / "u")
    try:
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await pilot.press("l")
            await pilot.pause()
            assert isinstance(app.screen, LevelsScreen)
            text = screen_text(app)
            assert "This framework has no levels" in text and "1. Encourage personalised success" in text
            assert "Associate" not in text and "level 1 of" not in text
            assert "Previous level" not in text and "Next level" not in text and "Step to next" not in text
            await pilot.press("right")
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, LevelsScreen)  # no level keys: s offers no step view
            app.push_screen(StepScreen(0))
            await pilot.pause()
            text = screen_text(app)
            assert "No levels, so no steps" in text and "1. Encourage personalised success" in text
            assert "Lower step" not in text and "Higher step" not in text
            await pilot.press("escape", "escape", "e")
            await pilot.pause()
            assert isinstance(app.screen, ExplorerScreen)
            text = screen_text(app)
            assert "◆ Levels" not in text and "Associate" not in text
            assert "1. Encourage personalised success" in text
            await pilot.press("down")
            await pilot.pause()
            assert "2. Advocate all elements of social" in screen_text(app)
            await pilot.press("g")
            await pilot.pause()
            if size[0] >= 120:
                await pilot.press("home")  # the grid opens at the highlighted principle; home scrolls to the top
                await pilot.pause()
                grid_text = screen_text(app)
                assert "Principle" in grid_text and "Description" in grid_text
                await pilot.press("g")
            await pilot.press("slash", *"integrity", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ExplorerScreen)
            assert "integrity" in screen_text(app).lower()
            await pilot.press("escape", "f")
            await pilot.pause()
            assert isinstance(app.screen, FinderScreen)
            text = screen_text(app)
            assert "The level finder cannot be used with this framework" in text and "it has no levels" in text
            assert "1. Encourage personalised success" in text
            assert "No level yet" not in text and "most senior level" not in text
            assert "Consistently" not in text and "New record" not in text
            await pilot.press("c", "n")
            await pilot.pause()
            assert context.finder.list() == []
    finally:
        context.close()


async def test_help_states_the_rule(context: AppContext) -> None:
    """F1 on the finder explains the marks keys and the rule."""
    from screens.dialogs.help import HelpScreen

    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("f", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        body.scroll_end(animate=False)
        await pilot.pause()
        text = screen_text(app)
        assert "more than half of its exemplars" in text and "highest level that at least half of the" in text


def test_demo_has_a_finder_record(tmp_path: Path) -> None:
    """--demo data includes one example level-finder record on AHEP."""
    demo = AppContext.open_demo(user_dir=tmp_path / "u")
    try:
        records = demo.finder.list("ahep")
        assert len(records) == 1 and records[0].marked_count() == 96
        assert any(item.kind == "level finder" for item in demo.saved_work())
    finally:
        demo.close()


async def test_a_note_too_long_is_refused_in_the_dialog(context: AppContext) -> None:
    """A note over the limit keeps the dialog open with the reason; escape leaves no note."""
    from textual.widgets import Input, Label

    from screens.levels.finder_note import NOTE_LIMIT

    app = FramewheelApp(context)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("f", "tab", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        app.screen.query_one("#note-input", Input).value = "x" * (NOTE_LIMIT + 1)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        assert f"at most {NOTE_LIMIT} are kept" in str(app.screen.query_one("#note-error", Label).content)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, FinderScreen)
        record = context.finder.latest("ahep")
        assert record is None or record.note("professional-development", "associate", 0) in (None, "")


def highlighted_exemplar(app: FramewheelApp) -> tuple[str, tuple[str, int] | None]:
    """The area shown and the (level, index) of the highlighted exemplar."""
    screen = app.screen
    assert isinstance(screen, FinderScreen)
    return screen.area_id, screen.focused_exemplar()


@pytest.mark.parametrize("size", SIZES)
async def test_undo_and_redo_put_the_cursor_on_the_exemplar_changed(context: AppContext, size: tuple[int, int]) -> None:
    """`x` moves on to the next exemplar; ctrl+z and ctrl+y come back to the one marked, so enter notes that one."""
    area = "professional-development"
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("f", "tab", "x")
        await pilot.pause()
        assert highlighted_exemplar(app) == (area, ("associate", 1))  # the cursor moved on
        await pilot.press("ctrl+z")
        await pilot.pause()
        record = context.finder.latest("ahep")
        assert record is not None and record.mark(area, "associate", 0) is None
        assert highlighted_exemplar(app) == (area, ("associate", 0))
        await pilot.press("down")
        await pilot.pause()
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert context.finder.get(record.id).mark(area, "associate", 0) == NOT_YET
        assert highlighted_exemplar(app) == (area, ("associate", 0))
        await pilot.press("ctrl+z", "enter")  # the note is for the exemplar undone
        await pilot.pause()
        assert isinstance(app.screen, NoteDialog)
        await pilot.press(*"Mine", "enter")
        await pilot.pause()
        record = context.finder.get(record.id)
        assert record.note(area, "associate", 0) == "Mine" and record.note(area, "associate", 1) == ""


async def test_undo_in_another_area_goes_back_to_that_area_and_exemplar(context: AppContext) -> None:
    """A mark made in one area and undone from another: the area and the exemplar marked come back."""
    first = "professional-development"
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f", "tab", "down", "down", "s")  # the third Associate exemplar
        await pilot.pause()
        assert highlighted_exemplar(app) == (first, ("member", 0))  # past the Member heading
        await pilot.press("shift+tab", "down")
        await pilot.pause()
        second, _ = highlighted_exemplar(app)
        assert second != first
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert highlighted_exemplar(app) == (first, ("associate", 2))
        assert str(app.screen.query_one("#finder-areas").highlighted_option.id) == first
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert highlighted_exemplar(app) == (first, ("associate", 2))
        record = context.finder.latest("ahep")
        assert record is not None and record.mark(first, "associate", 2) == SOMETIMES
