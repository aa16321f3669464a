"""Browsing and search driven with Pilot from the home screen: levels, explorer, grid, search, steps."""

from __future__ import annotations

import pytest

from screens.levels.explore import ExplorerScreen
from screens.levels.levels import LevelsScreen
from screens.levels.search import SearchDialog
from screens.levels.steps import StepScreen
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext

SIZES = [(80, 24), (200, 60)]


def highlighted_words(app: FramewheelApp) -> set[str]:
    """The words shown in reverse video (search matches) in the explorer's detail panel."""
    static = app.screen.query_one("#explore-text")
    console = app.console
    lines = console.render_lines(app.screen._detail, console.options.update_width(static.content_size.width), pad=False)
    return {seg.text.lower() for line in lines for seg in line if seg.style and seg.style.reverse and seg.text.strip()}


def notices(app: FramewheelApp) -> str:
    """The messages of the notifications (toasts) raised so far, one a line."""
    return "\n".join(n.message for n in app._notifications)


@pytest.mark.parametrize("size", SIZES)
async def test_levels_side_by_side_or_one_at_a_time(context: AppContext, size: tuple[int, int]) -> None:
    """Narrow: one level with "Level k of 4" and left/right; wide: all four levels at once."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LevelsScreen)
        text = screen_text(app)
        if size[0] < 120:
            assert "Level 1 of 4: Associate" in text and "two years' experience" in text
            assert "Fellow" not in text
            await pilot.press("right", "right")
            await pilot.pause()
            text = screen_text(app)
            assert "Level 3 of 4: Accredited Member" in text
            assert "balance of strategic and" in text
            await pilot.press("left")
            await pilot.pause()
            assert "Level 2 of 4: Member" in screen_text(app)
        else:
            for title in ("Associate  (level 1 of 4)", "Member  (level 2 of 4)", "Accredited Member  (level 3 of 4)", "Fellow  (level 4 of 4)"):
                assert title in text
        await pilot.press("escape")
        assert not isinstance(app.screen, LevelsScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_explorer_areas_exemplars_and_grid(context: AppContext, size: tuple[int, int]) -> None:
    """The explorer shows an area's code, title, attribute and exemplars; the grid only when wide."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        text = screen_text(app)
        assert "◆ Values" in text and "1. Empowering Professional Development" in text
        assert "Encompasses: Leadership" in text
        await pilot.press("down", "down")
        await pilot.pause()
        assert "3. Working Together" in screen_text(app)
        await pilot.press("enter")
        assert app.focused is app.screen.query_one("#explore-detail")
        await pilot.press("shift+tab")
        assert app.focused is app.screen.query_one("#explore-list")
        await pilot.press("up", "up", "up", "up")
        await pilot.pause()
        assert "Credible" in screen_text(app)
        await pilot.press("g")
        await pilot.pause()
        text = screen_text(app)
        if size[0] < 120:
            assert "The grid needs a window at least 120 columns wide" in notices(app)
            assert app.screen.query_one("#explore-main").display
        else:
            assert not app.screen.query_one("#explore-main").display
            assert "Accredited Member" in text and "Commitment" in text
            assert "I recognise my own" in text  # values highlighted: the grid starts at the top
            await pilot.press("g")
            await pilot.press("end")
            await pilot.press("g")
            await pilot.pause()
            text = screen_text(app)
            assert "▶ 8. Engaging" in text and "▶ 1." not in text  # the last area is brought into view
            await pilot.press("g")
            await pilot.pause()
            assert app.screen.query_one("#explore-main").display


@pytest.mark.parametrize("size", SIZES)
async def test_search_as_you_type_and_jump(context: AppContext, size: tuple[int, int]) -> None:
    """`/` searches as you type; results say area and level; enter jumps there with the words highlighted."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("e", "slash")
        await pilot.pause()
        assert isinstance(app.screen, SearchDialog)
        await pilot.press(*"coaching")
        await pilot.pause()
        text = screen_text(app)
        assert "Empowering Professional Development · Fellow · exemplar 3" in text
        assert "match" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        text = screen_text(app)
        assert "providing support, feedback" in text
        assert highlighted_words(app) == {"coaching"}
        await pilot.press("slash")
        await pilot.press(*"zzzz")
        await pilot.pause()
        assert "No match for “zzzz”" in screen_text(app)  # the last query is selected, so typing replaces it
        await pilot.press("escape")
        assert isinstance(app.screen, ExplorerScreen)


async def test_search_from_levels_goes_to_the_level(context: AppContext) -> None:
    """A level-descriptor hit found from the levels screen shows that level."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"predominantly strategic")
        await pilot.pause()
        assert "Level Fellow · descriptor 1" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LevelsScreen)
        assert "Level 4 of 4: Fellow" in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_step_view_between_adjacent_levels(context: AppContext, size: tuple[int, int]) -> None:
    """`s` shows two adjacent levels side by side per area; right moves to the next pair."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("l", "right", "s")
        await pilot.pause()
        assert isinstance(app.screen, StepScreen)
        text = screen_text(app)
        assert "What changes from Member to Accredited Member" in text
        assert "1. Empowering Professional Development" in text
        assert "I reflect on my actions" in text and "I evaluate the impact" in text
        await pilot.press("right")
        await pilot.pause()
        assert "What changes from Accredited Member to Fellow" in screen_text(app)
        await pilot.press("right")
        await pilot.pause()
        assert "This is the last step." in notices(app)


async def test_exemplar_found_from_levels_opens_the_explorer(context: AppContext) -> None:
    """An exemplar hit found from the levels screen opens the explorer at its area."""
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("l", "slash", *"mechanisms", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExplorerScreen)
        assert "3. Working Together" in screen_text(app)
        assert "I create mechanisms to support" in screen_text(app)
