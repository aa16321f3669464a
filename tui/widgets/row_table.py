"""A row table whose `home`/`end` keys go to the first and last row, as every list of the app does."""

from __future__ import annotations

from typing import TypeVar

from textual.binding import Binding
from textual.widgets import DataTable

CellT = TypeVar("CellT")
"""The kind of cell value the table holds."""


class RowTable(DataTable[CellT]):
    """A :class:`~textual.widgets.DataTable` with `home`/`end` on the first/last row (and `ctrl+home`/`ctrl+end` likewise).

    Textual's DataTable binds `home`/`end` to horizontal scrolling; the app's convention
    (DESIGN.md, Keys) is that they go to the ends of a list, in every list and table.
    `pageup`/`pagedown` keep DataTable's page moves of the cursor.
    """

    BINDINGS = [
        Binding("home", "first_row", "First", show=False, id="table.first", tooltip="The first row"),
        Binding("end", "last_row", "Last", show=False, id="table.last", tooltip="The last row"),
        Binding("ctrl+home", "first_row", "First", show=False, id="table.first_ctrl", tooltip="The first row"),
        Binding("ctrl+end", "last_row", "Last", show=False, id="table.last_ctrl", tooltip="The last row"),
    ]

    def action_first_row(self) -> None:
        """Move the cursor to the first row (`home`)."""
        if self.row_count:
            self.move_cursor(row=0, animate=False)

    def action_last_row(self) -> None:
        """Move the cursor to the last row (`end`)."""
        if self.row_count:
            self.move_cursor(row=self.row_count - 1, animate=False)

