"""The wheel history's trends: each area's course across a framework's wheels, one sparkline per series."""

from __future__ import annotations

import datetime

import pytest
from tui.widgets.trends_view import TrendsView

from screens.wheel.history import HistoryScreen
from tests.conftest import screen_text
from tests.helpers.waiting import wait_until
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.wheels import TREND_WHEELS, Assessment

SIZES = [(80, 24), (200, 60)]
"""The smallest supported terminal and a large one."""

START = datetime.datetime(2026, 1, 5, 9, tzinfo=datetime.timezone.utc)
"""The date of the first wheel."""

NOW_VALUES = [3, 5, 4, 7]
"""The first area's "now" rating in the four wheels, oldest first (stored out of date order)."""


def add_four_wheels(context: AppContext) -> None:
    """Four AHEP wheels a month apart, stored newest first so that date order is not id order; and one Aspect wheel."""
    framework = context.framework
    first, second = framework.areas[0].id, framework.areas[1].id
    for index in reversed(range(4)):
        stamp = (START + datetime.timedelta(days=30 * index)).isoformat()
        ratings = {first: {"current": NOW_VALUES[index], "aspiration": 8}, second: {"current": 2 + index}}
        context.assessments.add(Assessment(0, framework.id, framework.version, f"Month {index + 1}", stamp, stamp, ratings=ratings))
    aspect = context.catalog.get("aspect-core-principles")
    assert aspect is not None
    stamp = (START - datetime.timedelta(days=1)).isoformat()  # the oldest wheel: `end` goes to it
    context.assessments.add(Assessment(0, aspect.id, aspect.version, "Aspect wheel", stamp, stamp,
                                       ratings={aspect.areas[0].id: {aspect.series[0].id: 9}}))


async def open_history(pilot: object, app: FramewheelApp) -> HistoryScreen:
    """`h` from home, once the trends are drawn."""
    await pilot.press("h")  # type: ignore[attr-defined]
    await wait_until(pilot, lambda: isinstance(app.screen, HistoryScreen) and bool(app.screen.query(TrendsView)) and bool(app.screen.query_one(TrendsView).lines),
                     what="the trends")
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


@pytest.mark.parametrize("size", SIZES)
async def test_the_history_shows_each_areas_course_with_the_dates(context: AppContext, size: tuple[int, int]) -> None:
    """Sparklines per area and series hold the stored values in date order; the dates and first→latest are on screen."""
    add_four_wheels(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        screen = await open_history(pilot, app)
        text = " ".join(screen_text(app).split())
        assert "Trends of AHEP Professional Framework: 4 wheels, 2026-01-05 → 2026-04-05 (oldest left)" in text
        assert "1 Prof. development N" in text and "3→7" in text and "2→5" in text
        assert screen.query_one(TrendsView).data(0, 0) == [3.0, 5.0, 4.0, 7.0]
        assert screen.query_one(TrendsView).data(0, 1) == [8.0] * 4
        assert screen.query_one(TrendsView).data(1, 0) == [2.0, 3.0, 4.0, 5.0]
        assert screen.query_one(TrendsView).region.height >= 1  # on screen, not squeezed out
        assert "Month 4" in text  # the list is still there


async def test_the_trends_follow_the_highlighted_wheels_framework_and_g_hides_them(context: AppContext) -> None:
    """Down to the Aspect wheel: its framework's trends (one wheel: said so); `g` hides and shows the panel."""
    add_four_wheels(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot, app)
        await pilot.press("end")
        await wait_until(pilot, lambda: "one wheel so far" in screen_text(app), what="the Aspect trends")
        assert not screen.query_one(TrendsView).lines
        await pilot.press("home")
        await wait_until(pilot, lambda: bool(screen.query_one(TrendsView).lines), what="the AHEP trends again")
        await pilot.press("g")
        await pilot.pause()
        assert "Trends of" not in screen_text(app)
        await pilot.press("g")
        await pilot.pause()
        assert "Trends of" in screen_text(app)


async def test_with_many_wheels_the_latest_are_shown_and_said(context: AppContext) -> None:
    """More wheels than the trend shows: the latest 30, oldest first, and the heading says of how many."""
    framework = context.framework
    area = framework.areas[0].id
    for index in range(40):
        stamp = (START + datetime.timedelta(days=index)).isoformat()
        context.assessments.add(Assessment(0, framework.id, framework.version, f"Day {index}", stamp, stamp,
                                           ratings={area: {"current": index % 11}}))
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_history(pilot, app)
        assert f"the latest {TREND_WHEELS} of 40 wheels" in " ".join(screen_text(app).split())
        assert screen.query_one(TrendsView).data(0, 0) == [float(i % 11) for i in range(10, 40)]
