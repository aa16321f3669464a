"""The wheel history with many wheels: the count in the heading, rows added as the cursor goes down, newest first."""

from __future__ import annotations

import datetime

import pytest

from textual.widgets import DataTable

from screens.wheel.history import HistoryScreen
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.wheels import Assessment

WHEELS = 250
"""More wheels than one page of rows (100)."""

START = datetime.datetime(2024, 1, 1, 10, tzinfo=datetime.timezone.utc)
"""The day before the oldest wheel."""


def add_wheels(context: AppContext, count: int = WHEELS) -> None:
    """``count`` wheels "Wheel 1" (oldest) to "Wheel <count>" (newest), one a day."""
    framework = context.framework
    for index in range(1, count + 1):
        stamp = (START + datetime.timedelta(days=index)).isoformat()
        context.assessments.add(Assessment(0, framework.id, framework.version, f"Wheel {index}", stamp, stamp))


def highlighted_label(app: FramewheelApp) -> str:
    """The label cell of the row under the history's cursor."""
    table = app.screen.query_one("#history-table", DataTable)
    return str(table.get_row_at(table.cursor_row)[1])


async def test_the_history_counts_every_wheel_and_end_reaches_the_oldest(context: AppContext) -> None:
    """The heading says how many wheels there are; the newest is first; `end` goes to the oldest."""
    add_wheels(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert f"Your wheels ({WHEELS})" in screen_text(app)
        assert highlighted_label(app) == f"Wheel {WHEELS}"
        await pilot.press("end")
        await pilot.pause()
        assert highlighted_label(app) == "Wheel 1"
        assert "Wheel 1 " in screen_text(app)


async def test_pagedown_goes_through_every_wheel_newest_first(context: AppContext) -> None:
    """Pressing pagedown again and again passes every wheel, newest to oldest, and stops at the oldest."""
    add_wheels(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        seen = [highlighted_label(app)]
        for _ in range(WHEELS):
            await pilot.press("pagedown")
            label = highlighted_label(app)
            if label == seen[-1]:
                break
            seen.append(label)
        assert seen[-1] == "Wheel 1"
        numbers = [int(label.split()[1]) for label in seen]
        assert numbers == sorted(numbers, reverse=True) and numbers[0] == WHEELS
        table = app.screen.query_one("#history-table", DataTable)
        labels = [str(table.get_row_at(row)[1]) for row in range(table.row_count)]
        assert labels == [f"Wheel {n}" for n in range(WHEELS, 0, -1)]


async def test_a_wheel_renamed_while_another_screen_was_in_front_shows_its_new_name(context: AppContext) -> None:
    """Open a wheel far down the list, rename it elsewhere, come back: the new name, the cursor still on it."""
    add_wheels(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        for _ in range(8):
            await pilot.press("pagedown")
        await pilot.pause()
        label = highlighted_label(app)
        wheel_id = int(app.screen.query_one("#history-table", DataTable).coordinate_to_cell_key(
            app.screen.query_one("#history-table", DataTable).cursor_coordinate).row_key.value or 0)
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, HistoryScreen)
        context.assessments.rename(wheel_id, f"{label} (renamed)")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert highlighted_label(app) == f"{label} (renamed)"
        assert f"{label} (renamed)" in screen_text(app)
        assert f"Your wheels ({WHEELS})" in screen_text(app)


async def test_home_lists_the_newest_work_and_a_rename_elsewhere_moves_it_to_the_top(context: AppContext) -> None:
    """Home shows the 30 most recently changed (with a count of the rest); renaming the oldest wheel brings it first on return."""
    add_wheels(context, 40)
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "and 10 more" in text and "Wheel 40" in text and "Wheel 10 " not in text
        assert text.index("Wheel 40") < text.index("Wheel 39")
        await pilot.press("h", "end", "r", *" (moved)", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        text = screen_text(app)
        assert "Wheel 1 (moved)" in text and text.index("Wheel 1 (moved)") < text.index("Wheel 40")
        assert "and 10 more" in text


async def test_after_a_delete_far_down_the_cursor_is_on_the_next_older_wheel(context: AppContext) -> None:
    """Delete a wheel beyond the first page of rows: the count drops and the cursor moves to the wheel after it."""
    add_wheels(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        for _ in range(8):
            await pilot.press("pagedown")
        label = highlighted_label(app)
        number = int(label.split()[1])
        await pilot.press("d", "y")
        await pilot.pause()
        assert context.assessments.count() == WHEELS - 1
        assert f"Your wheels ({WHEELS - 1})" in screen_text(app)
        assert highlighted_label(app) == f"Wheel {number - 1}"


LONG_LABEL = "and a very long label that goes past the column width for sure, and then some more words"


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_a_long_label_is_shortened_so_every_column_shows(context: AppContext, size: tuple[int, int]) -> None:
    """At 80x24 a long label ends in `…` and the framework and rated columns stay whole; at 200 columns it is whole."""
    framework = context.framework
    stamp = (START + datetime.timedelta(days=1)).isoformat()
    context.assessments.add(Assessment(0, framework.id, framework.version, LONG_LABEL, stamp, stamp))
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("h")
        await pilot.pause()
        text = screen_text(app)
        header = next(line for line in text.splitlines() if "Date" in line and "Label" in line)
        assert "Framework" in header and "Rated" in header
        row = next(line for line in text.splitlines() if "and a very long label" in line)
        assert framework.id in row and "%" in row
        if size[0] == 80:
            assert "…" in row and LONG_LABEL not in row
        else:
            assert LONG_LABEL in row
        assert context.assessments.get(1).label == LONG_LABEL  # only the cell is shortened


async def test_wheels_of_two_framework_versions_keep_every_column_at_80(context: AppContext) -> None:
    """A long label beside a wheel of an older version (its framework cell longer): Rated still shows on every row."""
    framework = context.framework
    stamp = (START + datetime.timedelta(days=1)).isoformat()
    context.assessments.add(Assessment(0, framework.id, framework.version, LONG_LABEL, stamp, stamp))
    context.assessments.add(Assessment(0, framework.id, "2019", "Old edition", stamp, stamp))
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        lines = screen_text(app).splitlines()
        header = next(line for line in lines if "Date" in line and "Label" in line)
        assert "Framework" in header and "Rated" in header
        for needle in ("and a very long label", "Old edition"):
            row = next(line for line in lines if needle in line)
            assert "%" in row, row
