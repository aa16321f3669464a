"""The faster quick path: a digit that cannot start a longer value moves on to the next slider."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from screens.dialogs.help import HelpScreen
from screens.wheel.rating import DIGITS_MOVE_ON_KEY, RatingScreen
from tests.conftest import screen_text
from tests.helpers.waiting import wait_until
from tests.screens.test_wheel_screens import NEED, NOW, WISH
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.widgets.rating_slider import RatingSlider

SIZES = [(80, 24), (200, 60)]
"""The smallest supported terminal and a large one."""


def focused_id(app: App[None]) -> str | None:
    """The id of the focused widget."""
    return app.focused.id if app.focused is not None else None


@pytest.mark.parametrize("size", SIZES)
async def test_three_digits_fill_three_sliders_and_move_the_focus(context: AppContext, size: tuple[int, int]) -> None:
    """`4 6 7` on a fresh wheel rates the first area in its three series; the focus is on the next row."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("w", "4", "6", "7")
        await wait_until(pilot, lambda: focused_id(app) == "slider-1-0", what="the focus on the second row")
        assert "3/24 rated" in screen_text(app)
    assert context.assessments.list()[0].ratings == {
        "professional-development": {"current": 4, "aspiration": 6, "organisation": 7}}


async def test_one_then_zero_is_ten_and_one_then_five_is_one_and_five(context: AppContext) -> None:
    """`1` waits: `0` makes it 10 (and moves on); `5` leaves the 1 and rates the next slider 5."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "1")
        await pilot.pause()
        assert focused_id(app) == "slider-0-0"  # still waiting for a second digit
        await pilot.press("0")
        await wait_until(pilot, lambda: focused_id(app) == "slider-0-1", what="the 10 moving on")
        await pilot.press("1", "5")
        await wait_until(pilot, lambda: focused_id(app) == "slider-1-0", what="the 5 moving on")
    assert context.assessments.list()[0].ratings == {
        "professional-development": {"current": 10, "aspiration": 1, "organisation": 5}}


async def test_a_whole_wheel_in_about_25_key_presses(context: AppContext) -> None:
    """`w` and one digit per slider (two for a 10) rate the whole 8 x 3 wheel: no tab needed."""
    app = FramewheelApp(context)
    keys = ["w"] + [key for values in zip(NOW, WISH, NEED) for value in values for key in str(value)]
    assert len(keys) <= 28  # 24 sliders, three 10s
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys)
        await wait_until(pilot, lambda: "24/24 rated" in screen_text(app), what="the whole wheel rated")
        assert isinstance(app.screen, RatingScreen)
        app.screen.flush_saves()
    ratings = context.assessments.list()[0].ratings
    areas = context.framework.area_ids
    assert [ratings[a]["current"] for a in areas] == NOW
    assert [ratings[a]["aspiration"] for a in areas] == WISH
    assert [ratings[a]["organisation"] for a in areas] == NEED


async def test_the_old_habit_digit_then_tab_still_rates_one_slider_each(context: AppContext) -> None:
    """A `tab` right after a digit moved on is that same move: `6 tab 8 tab 7` rates three sliders."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "6", "tab", "8", "tab", "7")
        await wait_until(pilot, lambda: focused_id(app) == "slider-1-0", what="the focus on the second row")
        await pilot.press("tab")  # the 7 moved on already: this tab is that move
        await pilot.pause()
        assert focused_id(app) == "slider-1-0"
        await pilot.press("tab")  # a second tab is an ordinary move
        await pilot.pause()
        assert focused_id(app) == "slider-1-1"
    assert context.assessments.list()[0].ratings == {
        "professional-development": {"current": 6, "aspiration": 8, "organisation": 7}}


@pytest.mark.parametrize("size", SIZES)
async def test_the_setting_off_keeps_digits_on_their_slider_and_the_hint_says_so(context: AppContext, size: tuple[int, int]) -> None:
    """The hint names the setting; turned off from the palette, `4 6` rates one slider 6 and the hint changes."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, RatingScreen))
        assert "type 0-10; 0, 2-9 move on to the next; 1 0 makes 10 · ctrl+p turns it off" in screen_text(app)
        screen = app.screen
        assert isinstance(screen, RatingScreen)
        screen.action_toggle_digits_move_on()
        await pilot.pause()
        assert "type 0-10, tab for the next; 1 0 quickly makes 10 · ctrl+p: digits move on" in screen_text(app)
        await pilot.press("4", "6")
        await pilot.pause()
        assert focused_id(app) == "slider-0-0"
        screen.flush_saves()
    assert context.settings.get(DIGITS_MOVE_ON_KEY) is False
    assert context.assessments.list()[0].ratings == {"professional-development": {"current": 6}}


async def test_the_setting_is_in_the_command_palette(context: AppContext) -> None:
    """ctrl+p finds "digits move on" on the rating screen, and running it switches the setting."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await wait_until(pilot, lambda: isinstance(app.screen, RatingScreen))
        await pilot.press("ctrl+p", *"digits move on")
        await pilot.pause(0.5)
        assert "Wheel: digits move on (on: turn off)" in screen_text(app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: context.settings.get(DIGITS_MOVE_ON_KEY) is False, what="the setting off")


async def test_f1_lists_the_digits_and_backspace_on_a_slider(context: AppContext) -> None:
    """F1 on the rating screen lists the slider's digits and backspace with what they do."""
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("w", "f1")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), what="the help")
        text = screen_text(app)
        assert "0-9" in text and "Type the value (1 then 0 makes 10 on 0-10)" in text
        assert "backspace" in text and "Clear the rating back to not rated" in text


class FivePointApp(App[None]):
    """Three sliders on a 1-5 scale that move on."""

    def compose(self) -> ComposeResult:
        """Sliders s0, s1, s2."""
        for index in range(3):
            yield RatingSlider("a", f"s{index}", low=1, high=5, moves_on=True, id=f"s{index}")


async def test_on_a_one_to_five_scale_every_digit_moves_on() -> None:
    """On 1-5 even `1` moves on at once; a digit off the scale moves nothing."""
    app = FivePointApp()
    async with app.run_test() as pilot:
        await pilot.press("1")
        await pilot.pause()
        assert focused_id(app) == "s1"
        await pilot.press("7")
        await pilot.pause()
        assert focused_id(app) == "s1" and app.query_one("#s1", RatingSlider).value is None
        await pilot.press("5")
        await pilot.pause()
        assert [app.query_one(f"#s{i}", RatingSlider).value for i in range(3)] == [1, 5, None]
        assert focused_id(app) == "s2"
