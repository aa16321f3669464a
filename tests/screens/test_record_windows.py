"""Saved-work lists hold a window of a few pages of rows: `end`, `home`, `up` past the window's top, delete, and every list pages."""

from __future__ import annotations

import datetime
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable

from screens.boards.action_plans import ActionPlansScreen
from screens.ranking.saved import RankingListScreen
from screens.record_list import RecordListScreen
from screens.team.saved import TeamProfileListScreen
from screens.wheel.history import HistoryScreen
from screens.workshop.saved import WorkshopListScreen
from tests.conftest import screen_text
from tests.helpers.waiting import wait_until
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.team_profiles import demo_saved_profiles
from tui.core.wheels import Assessment
from tui.core.workshop import WorkshopSequence

WHEELS = 1000
"""Ten pages of wheels."""

PAGE = RecordListScreen.PAGE
"""Rows brought in at a time."""

MOST_ROWS = RecordListScreen.MAX_ROWS
"""The most rows a list's table holds."""

START = datetime.datetime(2024, 1, 1, 10, tzinfo=datetime.timezone.utc)
"""The day before the oldest record."""


def stamp(index: int) -> str:
    """The timestamp of the ``index``-th record (one a day after :data:`START`)."""
    return (START + datetime.timedelta(days=index)).isoformat()


def add_wheels(context: AppContext, count: int = WHEELS) -> None:
    """``count`` wheels "Wheel 1" (oldest) to "Wheel <count>" (newest), one a day, stored at once."""
    framework = context.framework
    context.assessments.add_many([Assessment(0, framework.id, framework.version, f"Wheel {index}", stamp(index), stamp(index))
                                  for index in range(1, count + 1)])


def table_of(app: FramewheelApp) -> DataTable[str | Text]:
    """The list screen's table."""
    screen = app.screen
    assert isinstance(screen, RecordListScreen)
    return screen.table


def highlighted_label(app: FramewheelApp) -> str:
    """The label cell of the row under the history's cursor."""
    table = table_of(app)
    return str(table.get_row_at(table.cursor_row)[1])


async def open_history(app: FramewheelApp, pilot: Pilot[None]) -> None:
    """`h` from home, and let it draw."""
    await pilot.press("h")
    await pilot.pause()
    assert isinstance(app.screen, HistoryScreen)


async def test_end_shows_the_oldest_wheel_and_home_the_newest_with_a_few_pages_of_rows(context: AppContext) -> None:
    """`end` puts the cursor on the oldest wheel (on screen, the window's places in the heading); `home` back on the newest."""
    add_wheels(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        assert table_of(app).row_count <= MOST_ROWS
        await pilot.press("end")
        await pilot.pause()
        text = screen_text(app)
        assert highlighted_label(app) == "Wheel 1"
        assert "Wheel 1 " in text and "Wheel 2 " in text
        assert f"Your wheels ({WHEELS:,}) · {WHEELS - PAGE + 1:,}–{WHEELS:,}" in text
        assert table_of(app).row_count <= MOST_ROWS
        await pilot.press("home")
        await pilot.pause()
        text = screen_text(app)
        assert highlighted_label(app) == f"Wheel {WHEELS}"
        assert f"Wheel {WHEELS} " in text and f"Your wheels ({WHEELS:,})" in text and " · " not in text.splitlines()[1]
        assert table_of(app).row_count <= MOST_ROWS
        await pilot.press("ctrl+end")
        await pilot.pause()
        assert highlighted_label(app) == "Wheel 1"
        await pilot.press("ctrl+home")
        await pilot.pause()
        assert highlighted_label(app) == f"Wheel {WHEELS}"


async def test_up_from_the_top_of_the_last_window_reaches_the_wheel_before_it(context: AppContext) -> None:
    """After `end`, going up past the first row held brings in the page before it, the cursor moving one wheel at a time."""
    add_wheels(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("g")  # the trends hidden: the table has the screen's height, as this test's pages assume
        await pilot.press("end", "pageup", "pageup", "pageup")
        await pilot.pause()
        number = int(highlighted_label(app).split()[1])
        assert 40 < number < PAGE
        for expected in range(number + 1, PAGE + 2):
            await pilot.press("up")
            assert highlighted_label(app) == f"Wheel {expected}"
        await wait_until(pilot, lambda: f"Wheel {PAGE} " in screen_text(app), what="the wheel below on screen")
        assert highlighted_label(app) == f"Wheel {PAGE + 1}"
        text = screen_text(app)
        assert f"Wheel {PAGE + 1} " in text and f"Wheel {PAGE} " in text
        assert table_of(app).row_count <= MOST_ROWS


async def test_the_mouse_wheel_up_from_the_end_brings_in_the_wheels_above(context: AppContext) -> None:
    """After `end`, scrolling up with the mouse wheel past the rows held brings in the page above; the view never jumps."""
    add_wheels(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("end")
        await pilot.pause()
        table = table_of(app)
        tops = []
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        for _ in range(60):
            table.post_message(events.MouseScrollUp(table, 10, 5, 0, -1, 0, False, False, False))
            await pilot.pause()
            await wait_until(pilot, lambda: screen.settled, what="the rows brought in and scrolled back")
            top = str(table.get_row_at(round(table.scroll_y))[1])
            assert f"{top} " in screen_text(app)
            tops.append(int(top.split()[1]))
        assert all(0 < later - earlier <= 3 for earlier, later in zip(tops, tops[1:])), str(tops)
        assert tops[-1] > PAGE + 1
        assert table.row_count <= MOST_ROWS
        assert f"Your wheels ({WHEELS:,}) · {WHEELS - 2 * PAGE + 1:,}–{WHEELS:,}" in screen_text(app)
        assert highlighted_label(app) == "Wheel 1"


async def test_pageup_from_the_end_goes_through_every_wheel_oldest_to_newest(context: AppContext) -> None:
    """From `end`, pageup again and again passes every wheel in order and stops at the newest, the table never holding many rows."""
    add_wheels(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("end")
        await pilot.pause()
        seen = [int(highlighted_label(app).split()[1])]
        for _ in range(WHEELS):
            await pilot.press("pageup")
            number = int(highlighted_label(app).split()[1])
            assert table_of(app).row_count <= MOST_ROWS
            if number == seen[-1]:
                break
            seen.append(number)
        assert seen == sorted(seen) and seen[0] == 1 and seen[-1] == WHEELS
        assert max(b - a for a, b in zip(seen, seen[1:])) < 30


async def test_a_delete_in_the_last_window_keeps_the_cursor_there(context: AppContext) -> None:
    """Delete a wheel near the oldest after `end`: the count drops and the cursor is on the next older wheel, still on screen."""
    add_wheels(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        await pilot.press("end", "up", "up", "up")
        await pilot.pause()
        assert highlighted_label(app) == "Wheel 4"
        row = table_of(app).cursor_row
        await pilot.press("d", "y")
        await pilot.pause()
        assert context.assessments.count() == WHEELS - 1
        text = screen_text(app)
        assert f"Your wheels ({WHEELS - 1:,})" in text
        assert highlighted_label(app) == "Wheel 3"
        assert table_of(app).cursor_row == row
        assert "Wheel 3 " in text and "Wheel 4 " not in text
        assert table_of(app).row_count <= MOST_ROWS


async def test_a_wheel_selected_far_down_is_found_in_a_window_around_it(context: AppContext) -> None:
    """A refresh that selects a wheel far from the rows held (as a new or renamed record does) shows it with its rows around it."""
    add_wheels(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_history(app, pilot)
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        far = context.assessments.ordered_ids()[WHEELS // 2]
        screen.refresh_records(select=far)
        await pilot.pause()
        label = highlighted_label(app)
        assert label == f"Wheel {WHEELS - WHEELS // 2}"
        assert f"{label} " in screen_text(app)
        assert table_of(app).row_count <= MOST_ROWS
        assert [screen.record_id(record) for record in screen.records_shown] == [
            int(table_of(app).coordinate_to_cell_key(Coordinate(row, 0)).row_key.value or 0)
            for row in range(table_of(app).row_count)]


COUNT = PAGE + 20
"""More records than a page, for the other lists."""


async def assert_opens_with_a_page(context: AppContext, open_list: Callable[[FramewheelApp, Pilot[None]], Awaitable[None]],
                                   noun: str) -> None:
    """The list opened by ``open_list`` shows one page of rows, the newest ``noun`` first, and `end` reaches the first made."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await open_list(app, pilot)
        await pilot.pause()
        assert table_of(app).row_count == PAGE
        assert f"{noun} {COUNT} " in screen_text(app)
        assert str(table_of(app).get_row_at(0)[0]) == f"{noun} {COUNT}"
        await pilot.press("end")
        await pilot.pause()
        assert f"{noun} 1 " in screen_text(app)


def pushing(screen: Callable[[], Screen[Any]]) -> Callable[[FramewheelApp, Pilot[None]], Awaitable[None]]:
    """An ``open_list`` for :func:`assert_opens_with_a_page` that pushes the screen ``screen()`` makes."""

    async def open_list(app: FramewheelApp, pilot: Pilot[None]) -> None:
        """Push the list screen."""
        app.push_screen(screen())

    return open_list


async def test_the_saved_rankings_open_with_a_page_of_rows(context: AppContext) -> None:
    """With more rankings than a page, the list opens with one page, the most recently changed first."""
    framework = context.framework
    for index in range(1, COUNT + 1):
        context.rankings.create(framework, f"Ranking {index}")
    await assert_opens_with_a_page(context, pushing(lambda: RankingListScreen(framework.id)), "Ranking")


async def test_the_saved_team_profiles_open_with_a_page_of_rows(context: AppContext) -> None:
    """With more team profiles than a page, the list opens with one page, the newest first."""
    base = demo_saved_profiles(context.framework, START)[0]
    for index in range(1, COUNT + 1):
        context.team_profiles.add(replace(base, name=f"Team {index}", created=stamp(index), updated=stamp(index)))
    await assert_opens_with_a_page(context, pushing(TeamProfileListScreen), "Team")


async def test_the_saved_workshops_open_with_a_page_of_rows(context: AppContext) -> None:
    """With more workshop sequences than a page, the list opens with one page, the most recently changed first."""
    for index in range(1, COUNT + 1):
        context.workshops.add(WorkshopSequence(0, f"Workshop {index}", context.framework.id, created=stamp(index), updated=stamp(index)))
    await assert_opens_with_a_page(context, pushing(WorkshopListScreen), "Workshop")


async def test_the_action_plans_open_with_a_page_of_rows(context: AppContext) -> None:
    """With more action plans than a page, `b` from home lists one page of them, the most recently changed first."""
    for index in range(1, COUNT + 1):
        context.action_plans.create(f"Plan {index}", template=False)

    async def press_b(app: FramewheelApp, pilot: Pilot[None]) -> None:
        """`b` on home: the action plans."""
        await pilot.press("b")
        await pilot.pause()
        assert isinstance(app.screen, ActionPlansScreen)

    await assert_opens_with_a_page(context, press_b, "Plan")
