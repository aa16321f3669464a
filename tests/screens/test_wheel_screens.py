"""The wheel from the home screen, by keys: quick path, summary order, history, notes, reflection, compare."""

from __future__ import annotations

import re

import pytest
from textual.widgets import Static

from screens.wheel.compare import CompareScreen
from screens.wheel.history import HistoryScreen
from screens.wheel.rating import DIGITS_MOVE_ON_KEY, RatingScreen
from screens.wheel.summary import SummaryScreen
from tests.conftest import rich_text, screen_text
from tui.app import FramewheelApp
from tui.core.wheels import Assessment, add_demo_wheels
from tui.context import AppContext
from tui.widgets.rating_slider import RatingSlider

NOW = [6, 3, 8, 5, 10, 2, 7, 4]
WISH = [8, 7, 9, 5, 10, 6, 7, 8]
NEED = [7, 8, 6, 6, 9, 2, 9, 4]
"""A whole AHEP wheel, by area in wheel order, for the three series."""


def quick_path_keys() -> list[str]:
    """Digit(s) then tab for every slider, row by row (no tab after the last)."""
    keys: list[str] = []
    for values in zip(NOW, WISH, NEED):
        for value in values:
            keys.extend(list(str(value)))
            keys.append("tab")
    return keys[:-1]


SECTIONS = ("Top strengths (rated above the midpoint)", "Development needs", "Organisation needs", "Wish above the organisation's need")
"""The titles of the summary's lists."""


def summary_lists(app: FramewheelApp) -> dict[str, list[str]]:
    """The numbered lines of each section of the summary screen, by section title, checking the numbering."""
    text = rich_text(app.screen.query_one("#summary-text", Static).content)
    sections: dict[str, list[str]] = {}
    title = ""
    for line in text.splitlines():
        if line in SECTIONS:
            title = line
            sections[title] = []
        elif title and (found := re.match(r"^\s+(\d+)\. (.*)$", line)):
            assert int(found.group(1)) == len(sections[title]) + 1
            sections[title].append(found.group(2))
    return sections


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_quick_path_types_a_whole_wheel_and_the_summary_is_in_order(context: AppContext, size: tuple[int, int]) -> None:
    """w, then digit + tab per slider: the 24 ratings are stored, in at most 60 key presses."""
    app = FramewheelApp(context)
    keys = ["w", *quick_path_keys()]
    assert len(keys) <= 60
    async with app.run_test(size=size) as pilot:
        await pilot.press(keys[0])
        await pilot.pause()
        assert isinstance(app.screen, RatingScreen)
        assert isinstance(app.focused, RatingSlider) and app.focused.id == "slider-0-0"
        await pilot.press(*keys[1:])
        await pilot.pause()
        assert "24/24 rated" in screen_text(app)
        assert app.screen.flush_saves()
        for _ in range(50):  # the header says "Saved" once the keys pause
            await pilot.pause(0.1)
            if app.screen.sub_title:
                break
        assert (app.screen.sub_title or "").startswith("Saved ")
        wheel = context.assessments.list()[0]
        areas = context.framework.areas
        for i, area in enumerate(areas):
            assert wheel.ratings[area.id] == {"current": NOW[i], "aspiration": WISH[i], "organisation": NEED[i]}
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        lists = summary_lists(app)
    strengths = lists["Top strengths (rated above the midpoint)"]
    assert strengths == [f"{areas[i].title} ({areas[i].code}): {NOW[i]}" for i in (4, 2, 6)]  # 6 is above 5 too, but only three
    assert strengths[0] == "Focusing on Results and Taking Accountability (5): 10"
    codes = {title: [re.search(r"\((\d+)\):", line).group(1) for line in lines] for title, lines in lists.items()}  # type: ignore[union-attr]
    assert codes["Top strengths (rated above the midpoint)"] == ["5", "3", "7"]
    assert codes["Development needs"] == ["2", "6", "8", "1", "3"]
    assert [line.split(": ")[1].split(" ")[0] for line in lists["Development needs"]] == ["+4", "+4", "+4", "+2", "+1"]
    assert codes["Organisation needs"] == ["2", "7", "1", "4"]
    assert codes["Wish above the organisation's need"] == ["6", "8", "3", "1", "5"]


async def test_values_typed_off_the_scale_are_never_stored(context: AppContext) -> None:
    """With digits staying on their slider: 1 then 5 on a 0-10 scale stores 5, not 15; backspace stores not rated (not 0)."""
    context.settings.set(DIGITS_MOVE_ON_KEY, False)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "1", "5", "tab", "3", "backspace")
        await pilot.pause()
    wheel = context.assessments.list()[0]
    assert wheel.ratings == {"professional-development": {"current": 5}}


async def test_an_empty_new_wheel_is_not_kept(context: AppContext) -> None:
    """w then escape without rating leaves no wheel behind."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
    assert context.assessments.count() == 0


async def test_an_empty_new_wheel_left_through_the_palette_is_not_kept(context: AppContext) -> None:
    """w, then ctrl+p "Levels": the rating screen goes, and the unrated wheel goes with it (the history is empty)."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, RatingScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Levels")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert not isinstance(app.screen, RatingScreen)
        assert context.assessments.count() == 0
    assert context.assessments.count() == 0


async def test_a_framework_without_reflection_questions_offers_no_reflection_key(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """On Aspect (no reflection questions) the rating screen's footer has no `r Reflection` and `r` does nothing."""
    aspect = AppContext.open(tmp_path / "data.json", "aspect-core-principles", user_dir=tmp_path / "u")
    try:
        app = FramewheelApp(aspect)
        async with app.run_test(size=(200, 60)) as pilot:
            await pilot.press("w")
            await pilot.pause()
            assert isinstance(app.screen, RatingScreen)
            assert "Reflection" not in screen_text(app)
            await pilot.press("r")
            await pilot.pause()
            assert isinstance(app.screen, RatingScreen)
    finally:
        aspect.close()


async def test_narrow_layout_shows_the_chart_full_screen_and_toggles_bars(context: AppContext) -> None:
    """At 80x24 the chart is hidden until v; b switches to bars; escape returns to the sliders."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "6")
        await pilot.pause()
        assert "mean 6.0" not in screen_text(app)
        await pilot.press("v")
        await pilot.pause()
        assert "N • How confident I feel now (mean 6.0)" in screen_text(app)
        await pilot.press("b")
        await pilot.pause()
        assert "1 Prof. development  N" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.query_one("#slider-0-0", RatingSlider).value == 6
        assert isinstance(app.focused, RatingSlider) and app.focused.id == "slider-0-1"  # the 6 moved on


async def test_wide_layout_redraws_the_wheel_on_every_change(context: AppContext) -> None:
    """At 200x60 the wheel is beside the sliders and follows each key."""
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("w", "4")
        await pilot.pause()
        assert "(mean 4.0)" in screen_text(app)
        await pilot.press("shift+tab", "right", "right")  # back to the slider the 4 moved on from
        await pilot.pause()
        text = screen_text(app)
        assert "(mean 6.0)" in text and "1 Prof. development" in text and "8 Wider context" in text


async def test_note_and_reflection_are_saved(context: AppContext) -> None:
    """enter writes a note on the focused area; r answers the reflection questions."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "5", "down")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"Ask about mentoring", "enter")
        await pilot.pause()
        assert "Note: Ask about mentoring" in screen_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert context.framework.reflection[0] in screen_text(app)
        await pilot.press(*"No surprises", "tab")
        await pilot.pause()
        await pilot.press(*"Yes", "escape")
        await pilot.pause()
        assert isinstance(app.screen, RatingScreen)
    wheel = context.assessments.list()[0]
    assert wheel.notes == {"responsible-practice": "Ask about mentoring"}
    assert wheel.reflections == {"0": "No surprises", "1": "Yes"}


async def test_history_lists_renames_copies_and_deletes(context: AppContext) -> None:
    """h lists the wheels with date, label and completeness; r, c and d (confirmed) work."""
    older, newer = add_demo_wheels(context.assessments, context.framework)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        text = screen_text(app)
        assert "Example: six months on" in text and "24/24 100%" in text and newer.created[:10] in text
        await pilot.press("r", *" (mine)", "enter")
        await pilot.pause()
        assert context.assessments.get(newer.id).label == "Example: six months on (mine)"  # type: ignore[union-attr]
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, RatingScreen)
        copy = context.assessments.list()[0]
        assert copy.id not in (older.id, newer.id) and copy.ratings == newer.ratings
        await pilot.press("escape")
        await pilot.pause()
        assert context.assessments.count() == 3
        await pilot.press("down", "d")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert context.assessments.count() == 3
        await pilot.press("d", "y")
        await pilot.pause()
        assert context.assessments.get(newer.id) is None and context.assessments.count() == 2


async def test_compare_shows_two_wheels_and_the_change_per_area(context: AppContext) -> None:
    """v in the history compares the highlighted wheel with the one before it."""
    add_demo_wheels(context.assessments, context.framework)
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("h", "v")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        text = screen_text(app)
    assert "Change per area (A → B)" in text
    assert "A + Example: before my 1:1 (spring) (mean 4.2)" in text
    assert "B • Example: six months on (mean 6.4)" in text
    assert "1 Prof. development" in text and "+2" in text


async def test_a_wheel_whose_framework_lost_an_area_opens_and_keeps_it(context: AppContext) -> None:
    """Ratings of an area the framework no longer has are shown apart and survive a change."""
    framework = context.framework
    stored = context.assessments.add(Assessment(
        0, framework.id, "2020", "Old edition", "2025-01-01T10:00:00+00:00", "2025-01-01T10:00:00+00:00",
        ratings={"retired-area": {"current": 4, "aspiration": 9}, framework.areas[0].id: {"current": 2}},
    ))
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("tab", "tab", "enter")  # "Your work" on the home screen
        await pilot.pause()
        assert isinstance(app.screen, RatingScreen)
        text = screen_text(app)
        assert "! retired-area: How confident I feel now 4, Where I would like to be 9" in text
        await pilot.press("right")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert "retired-area" in rich_text(app.screen.query_one("#summary-text", Static).content)
    wheel = context.assessments.get(stored.id)
    assert wheel is not None and wheel.ratings["retired-area"] == {"current": 4, "aspiration": 9}
    assert wheel.rating(framework.areas[0].id, "current") == 3


async def test_a_change_just_before_quitting_is_saved(context: AppContext) -> None:
    """The save runs beside the interface; quitting at once still leaves the rating on disk."""
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("w", "7", "tab", "9", "ctrl+q")
        await pilot.pause()
    wheel = context.assessments.list()[0]
    assert wheel.ratings == {"professional-development": {"current": 7, "aspiration": 9}}


async def test_empty_history_says_how_to_start_and_keys_needing_a_wheel_warn(context: AppContext) -> None:
    """With no wheels the list shows its hint instead of the table; r, d, s and v say none is highlighted."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "No wheels yet: n starts one, or w from the home screen." in screen_text(app)
        assert not app.screen.query_one("#history-table").display
        for key in ("r", "d", "s", "v"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, HistoryScreen)
        assert any("No wheel is highlighted" in str(n.message) for n in app._notifications)
        assert context.assessments.count() == 0
