"""`home`/`end` in every table go to the first and last row (not sideways), and `pageup`/`pagedown` page: home's
"Your work" and the institution's catalogue on demo data, at 80x24 and 200x60."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import FramewheelApp
from tui.context import AppContext
from tui.widgets.row_table import RowTable

SIZES = [(80, 24), (200, 60)]
"""The design's sizes."""


async def check_ends(app: FramewheelApp, pilot: object, table: RowTable[object]) -> None:
    """`end` puts the cursor on the last row, `home` on the first, `pagedown` moves it down a page."""
    assert table.row_count > 2, "the demo must list more than two rows for this test to mean anything"
    table.focus()
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("end")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert table.cursor_row == table.row_count - 1
    await pilot.press("home")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert table.cursor_row == 0
    await pilot.press("pagedown")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert table.cursor_row > 0


@pytest.mark.parametrize("size", SIZES)
async def test_home_work_table_ends(tmp_path: Path, size: tuple[int, int]) -> None:
    """Home's "Your work" table: `end` to the oldest item, `home` to the newest."""
    context = AppContext.open_demo(user_dir=tmp_path / "none")
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#work-table", RowTable)
        await check_ends(app, pilot, table)
    context.close()


@pytest.mark.parametrize("size", SIZES)
async def test_catalogue_table_ends(tmp_path: Path, size: tuple[int, int]) -> None:
    """The institution's catalogue (`i`): `end` to the last activity, `home` to the first."""
    context = AppContext.open_demo(user_dir=tmp_path / "none")
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("i")
        await pilot.pause()
        table = app.screen.query_one("#catalogue-table", RowTable)
        await check_ends(app, pilot, table)
    context.close()


async def test_plain_datatable_would_scroll_sideways(tmp_path: Path) -> None:
    """The test above can fail: Textual's own DataTable binds `end` to scrolling, leaving the cursor on row 0."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable

    class Plain(App[None]):
        """One plain DataTable of ten rows."""

        def compose(self) -> ComposeResult:
            """The table."""
            table: DataTable[str] = DataTable(cursor_type="row")
            table.add_columns("n")
            table.add_rows([[str(n)] for n in range(10)])
            yield table

    async with Plain().run_test(size=(80, 24)) as pilot:
        await pilot.press("end")
        await pilot.pause()
        assert pilot.app.query_one(DataTable).cursor_row == 0
