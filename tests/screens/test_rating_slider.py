"""RatingSlider on its own: keys, digits, not rated, mouse, and the Changed messages it posts."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui.widgets import rating_slider
from tui.widgets.rating_slider import RatingSlider


class SliderApp(App[None]):
    """Two rows of two sliders, recording every Changed message."""

    def __init__(self, low: int = 0, high: int = 10) -> None:
        """Sliders on the scale low..high."""
        super().__init__()
        self.low, self.high = low, high
        self.changes: list[tuple[str, str, int | None]] = []

    def compose(self) -> ComposeResult:
        """Sliders a/x, a/y, b/x, b/y."""
        for area in ("a", "b"):
            for series in ("x", "y"):
                yield RatingSlider(area, series, low=self.low, high=self.high, letter=series.upper(), id=f"{area}-{series}")

    def on_rating_slider_changed(self, event: RatingSlider.Changed) -> None:
        """Record the change."""
        self.changes.append((event.area_id, event.series_id, event.value))


def slider(app: App[None], name: str) -> RatingSlider:
    """One slider by id."""
    return app.query_one(f"#{name}", RatingSlider)


async def test_keys_set_step_clear_and_post_changes() -> None:
    """Digits set at once, 1 then 0 makes 10, arrows step, home/end jump, backspace clears to not rated."""
    app = SliderApp()
    async with app.run_test() as pilot:
        first = slider(app, "a-x")
        assert app.focused is first and first.value is None
        assert "·" in str(first.render()) and " 0" not in str(first.render())
        await pilot.press("7")
        assert first.value == 7
        await pilot.press("1", "0")
        assert first.value == 10
        await pilot.press("left", "left")
        assert first.value == 8
        await pilot.press("home")
        assert first.value == 0 and str(first.render()).endswith(" 0")
        await pilot.press("end")
        assert first.value == 10
        await pilot.press("right")
        assert first.value == 10
        await pilot.press("backspace")
        assert first.value is None
        await pilot.press("right")
        assert first.value == 0
        await pilot.press("delete")
        assert first.value is None
        await pilot.pause()
        assert app.changes == [
            ("a", "x", 7), ("a", "x", 1), ("a", "x", 10), ("a", "x", 9), ("a", "x", 8), ("a", "x", 0),
            ("a", "x", 10), ("a", "x", None), ("a", "x", 0), ("a", "x", None),
        ]


async def test_second_digit_after_the_pause_starts_a_new_value(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once the pause is over, 1 then 0 is two values (1, then 0), and 1 5 is never 15."""
    app = SliderApp()
    async with app.run_test() as pilot:
        await pilot.press("1", "5")
        assert slider(app, "a-x").value == 5
        monkeypatch.setattr(rating_slider, "DIGIT_PAUSE", -1.0)
        await pilot.press("1", "0")
        assert slider(app, "a-x").value == 0


async def test_digit_off_the_scale_changes_nothing_and_says_so() -> None:
    """On a 1-5 scale, 7 is refused with a message; 0 too."""
    app = SliderApp(low=1, high=5)
    async with app.run_test() as pilot:
        await pilot.press("3", "7")
        await pilot.pause()
        assert slider(app, "a-x").value == 3
        assert any("7 is off the scale (1 to 5)" in str(n.message) for n in app._notifications)
        await pilot.press("0")
        assert slider(app, "a-x").value == 3


async def test_tab_up_and_down_move_between_sliders() -> None:
    """tab goes to the next slider, down to the same series in the next row, up back."""
    app = SliderApp()
    async with app.run_test() as pilot:
        await pilot.press("tab")
        assert app.focused is slider(app, "a-y")
        await pilot.press("down")
        assert app.focused is slider(app, "b-y")
        await pilot.press("shift+tab")
        assert app.focused is slider(app, "b-x")
        await pilot.press("up")
        assert app.focused is slider(app, "a-x")


async def test_click_and_drag_set_the_value() -> None:
    """A click on the track sets the value under it; dragging follows the pointer."""
    app = SliderApp()
    async with app.run_test() as pilot:
        await pilot.click("#b-x", offset=(2 + 4, 0))
        target = slider(app, "b-x")
        assert target.value == 4 and app.focused is target
        await pilot.mouse_down("#b-y", offset=(2 + 2, 0))
        await pilot.hover("#b-y", offset=(2 + 8, 0))
        await pilot.mouse_up("#b-y", offset=(2 + 8, 0))
        assert slider(app, "b-y").value == 8


async def test_keys_typed_in_one_burst_land_in_order() -> None:
    """Keys arriving together (fast typing over SSH) reach the right sliders: 7 tab 1 0 down right."""
    from textual import events

    app = SliderApp()
    async with app.run_test() as pilot:
        for key, character in (("7", "7"), ("tab", "\t"), ("1", "1"), ("0", "0"), ("down", None), ("right", None)):
            app.post_message(events.Key(key, character))  # no waiting between keys, as from a terminal
        await pilot.pause()
        assert slider(app, "a-x").value == 7
        assert slider(app, "a-y").value == 10
        assert slider(app, "b-y").value == 0
        assert app.focused is slider(app, "b-y")
