"""The one saved-work list: a table of records with an empty state, open, new, rename and delete.

The wheel history, the action plans, the saved rankings, team profiles and workshops are each a
:class:`RecordListScreen`: the base keeps the table (rows keyed by record id, the cursor kept on
the same record across refreshes), the line shown when there is nothing yet, `enter` to open, and
a delete that is always confirmed first. A subclass says which records there are, how a row looks
and what opening, creating, renaming and deleting one means, and adds its own keys and actions.

The table holds a window of a few pages of the records (never all of them): `home` and `end`
show the first and the last page at once, and the page before or after is brought in as the
cursor or the view nears the window's edge, so a list of ten thousand records costs no more.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Header, Label, Static

from screens.base import FramewheelScreen
from screens.dialogs.confirm import ConfirmDialog
from tui.widgets.key_footer import KeyFooter

RecordT = TypeVar("RecordT")
"""The kind of record listed (a wheel, an action plan, a ranking)."""

SETTLE_SECONDS = 5.0
"""How long a window filled again waits for the table to measure its rows before it is scrolled back anyway."""

WIDE_LIST = 120
"""From this many columns a list shows all its columns; below, its :attr:`RecordListScreen.NARROW_COLUMNS` (when it has them)."""

class RecordTable(DataTable[str | Text]):
    """The records' table: `home`/`end` (and `ctrl+home`/`ctrl+end`) go to the first/last record, its rows brought in first."""

    BINDINGS = [
        Binding("home", "scroll_top", "First", show=False, id="records.first",
                tooltip="The first (newest) record, its rows brought in first if need be"),
        Binding("end", "scroll_bottom", "Last", show=False, id="records.last",
                tooltip="The last (oldest) record, its rows brought in first if need be"),
    ]

    def action_scroll_top(self) -> None:
        """Show the first window of rows (the screen's :meth:`RecordListScreen.show_first`), the cursor on the first record."""
        screen = self.screen
        if isinstance(screen, RecordListScreen):
            screen.show_first()
        else:
            super().action_scroll_top()

    def action_scroll_bottom(self) -> None:
        """Show the last window of rows (the screen's :meth:`RecordListScreen.show_last`), the cursor on the last record."""
        screen = self.screen
        if isinstance(screen, RecordListScreen):
            screen.show_last()
        else:
            super().action_scroll_bottom()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolled (the mouse wheel too): tell the screen, which brings in the page the view nears (:meth:`RecordListScreen.table_scrolled`)."""
        super().watch_scroll_y(old_value, new_value)
        screen = self.screen if self.is_mounted else None
        if round(old_value) != round(new_value) and isinstance(screen, RecordListScreen):
            screen.table_scrolled()


class RecordListScreen(FramewheelScreen, Generic[RecordT]):
    """A list of saved records, newest or most recently changed first; subclasses fill in the hooks."""

    SCREEN_TITLE: ClassVar[str] = ""
    """The screen's title in the header."""

    LIST_TITLE: ClassVar[str] = ""
    """The heading above the table (see :meth:`list_title` for one that depends on the screen)."""

    TITLE_ID: ClassVar[str | None] = None
    """The id of the heading, when the style sheet or the screen needs one."""

    TABLE_ID: ClassVar[str] = "records-table"
    """The id of the table."""

    EMPTY_ID: ClassVar[str] = "records-empty"
    """The id of the line shown when there are no records."""

    EMPTY_TEXT: ClassVar[str] = ""
    """What the empty line says."""

    EMPTY_ABOVE_TABLE: ClassVar[bool] = False
    """Put the empty line above the table rather than below it."""

    COLUMNS: ClassVar[tuple[str, ...]] = ()
    """The column headings, in order."""

    NARROW_COLUMNS: ClassVar[tuple[str, ...]] = ()
    """The columns shown below :data:`WIDE_LIST` columns (none: :attr:`COLUMNS` at every width)."""

    DELETED_NOTE: ClassVar[str] = "Deleted"
    """What the header says (before the time) after a record is deleted."""

    PAGE: ClassVar[int] = 100
    """How many rows are brought in at a time: the first page on opening, the next (or previous) as the cursor nears an edge."""

    NEAR_END: ClassVar[int] = 30
    """Rows from either edge of the window at which the next (or previous) page is brought in."""

    MAX_ROWS: ClassVar[int] = 300
    """The most rows the table holds: beyond it, the window drops the rows furthest from the cursor."""

    COUNT_IN_TITLE: ClassVar[bool] = False
    """Show how many records there are in the heading (``Your wheels (10,000)``)."""

    records_shown: list[RecordT]
    """The records in the table (the window of rows), in the table's order."""

    _ids: Sequence[int] = ()
    """Every record's id, in the order shown (from :meth:`ordered_ids`); the table holds ``_ids[_start:_stop]``."""

    _start: int = 0
    """Where the table's window begins in :attr:`_ids` (the first row's place)."""

    _stop: int = 0
    """Where the table's window ends in :attr:`_ids` (just after the last row's place)."""

    # -- what a subclass says -------------------------------------------------------------------

    def load_records(self) -> list[RecordT]:
        """Every record to list, in the order shown."""
        raise NotImplementedError

    def ordered_ids(self) -> Sequence[int]:
        """Every record's id in the order shown (by default from :meth:`load_records`).

        A list that builds its records only a page at a time overrides this and
        :meth:`load_page`; returning the same object while nothing changed lets the screen
        skip listing again when it comes back to the front.
        """
        records = self.load_records()
        self._loaded = {self.record_id(record): record for record in records}
        return [self.record_id(record) for record in records]

    def load_page(self, ids: Sequence[int]) -> list[RecordT]:
        """The records with these ids, in that order (by default those :meth:`ordered_ids` loaded)."""
        return [self._loaded[record_id] for record_id in ids if record_id in self._loaded]

    def record_id(self, record: RecordT) -> int:
        """The id that keys ``record``'s row."""
        raise NotImplementedError

    def narrow(self) -> bool:
        """Whether the list shows its :attr:`NARROW_COLUMNS`: it has them and the terminal is below :data:`WIDE_LIST` columns."""
        return bool(self.NARROW_COLUMNS) and self.app.size.width < WIDE_LIST

    def columns(self) -> tuple[str, ...]:
        """The table's column titles: :attr:`COLUMNS`, or :attr:`NARROW_COLUMNS` on a narrow terminal."""
        return self.NARROW_COLUMNS if self.narrow() else self.COLUMNS

    def row_cells(self, record: RecordT) -> tuple[str | Text, ...]:
        """The cells of ``record``'s row, one per column of :attr:`COLUMNS`."""
        raise NotImplementedError

    def fetch_record(self, record_id: int) -> RecordT | None:
        """The stored record with ``record_id`` as it is now, or None when it is gone."""
        raise NotImplementedError

    def open_record(self, record: RecordT) -> None:
        """Open ``record`` (`enter`)."""
        raise NotImplementedError

    def rename_record(self, record: RecordT) -> None:
        """Ask for ``record``'s new name (and whatever else goes with it) and store it."""
        raise NotImplementedError

    def delete_question(self, record: RecordT) -> str:
        """The question asked before ``record`` is deleted."""
        raise NotImplementedError

    def delete_record(self, record: RecordT) -> None:
        """Delete ``record`` from storage (the person has confirmed)."""
        raise NotImplementedError

    def action_new(self) -> None:
        """Start a new record (`n`)."""
        raise NotImplementedError

    def ask_name(self, record_id: int, current: str, rename: Callable[[int, str], object], prefix: str) -> None:
        """Ask for a record's new name (required, spaces trimmed) and store it with ``rename``.

        A refusal from storage (``KeyError`` or ``ValueError``: the record went, the name is bad)
        is shown and changes nothing. ``prefix`` names the dialog's ids (``<prefix>-rename``).
        """
        from screens.dialogs.text_input import TextDialog

        def given(name: str | None) -> None:
            """Store the new name."""
            if not name:
                return
            try:
                rename(record_id, name)
            except (KeyError, ValueError) as problem:
                self.notify(str(problem).strip("'\""), title="Not saved", severity="error")
                return
            self.refresh_records(record_id)
            self.mark_saved()

        self.app.push_screen(TextDialog(f"Rename “{current}”", current, strip=True, required=True,
                                        dialog_id=f"{prefix}-rename-dialog", input_id=f"{prefix}-rename"), given)

    # -- hooks with a default -------------------------------------------------------------------

    def list_title(self) -> str:
        """The heading above the table (:attr:`LIST_TITLE` unless overridden)."""
        return self.LIST_TITLE

    def first_highlight(self) -> int | None:
        """The id of the record under the cursor when the screen opens (None: the first)."""
        return None

    def show_empty(self, empty: bool) -> None:
        """Show the empty line instead of the table when ``empty``, the table otherwise."""
        self.query_one(f"#{self.EMPTY_ID}", Static).display = empty
        self.table.display = not empty

    def nothing_highlighted(self) -> None:
        """Called when a key needs a record and the list is empty (by default: nothing happens)."""

    def record_gone(self, record_id: int) -> None:
        """Called when the highlighted record is no longer stored (by default: nothing happens)."""

    # -- the list -------------------------------------------------------------------------------

    def _table_live(self) -> bool:
        """The table is still there (not so for a moment after the screen is dismissed, when a deferred call may still run)."""
        return self.is_mounted and bool(self.query(f"#{self.TABLE_ID}"))

    @property
    def table(self) -> DataTable[str | Text]:
        """The table of records."""
        return self.query_one(f"#{self.TABLE_ID}", DataTable)

    def compose(self) -> ComposeResult:
        """Header, the heading, the table and the empty line, footer."""
        yield Header()
        yield Label(self.list_title(), classes="panel-title", id=self.TITLE_ID)
        empty = Static(self.EMPTY_TEXT, id=self.EMPTY_ID)
        table = RecordTable(id=self.TABLE_ID, classes="record-table", cursor_type="row", zebra_stripes=True)
        yield from (empty, table) if self.EMPTY_ABOVE_TABLE else (table, empty)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Name the columns and fill the table."""
        self.title = self.SCREEN_TITLE
        self.table.add_columns(*self.columns())
        self.refresh_records(self.first_highlight())

    _made_for: int | None = None
    """The terminal width the rows were made for: a screen may show other columns, or shorten cells, at another."""

    def on_resize(self) -> None:
        """The terminal's width changed: make the rows again once it settles (the columns and the cells fit the width)."""
        if self._made_for is not None and self._made_for != self.app.size.width:
            self.call_after_refresh(self._refit)

    def _refit(self) -> None:
        """Make the rows again for the width now, the cursor on the same record (nothing when already made for it)."""
        if self._table_live() and self._made_for != self.app.size.width:
            self.refresh_records(self.highlighted_id())

    def on_screen_resume(self) -> None:
        """A record may have changed while another screen was in front: list again only if something did."""
        ids = self.ordered_ids()
        if ids is not self._ids:
            self.refresh_records(ids=ids)

    def presentation_changed(self) -> None:
        """Presentation mode was switched: redraw the rows (a private column hides or shows)."""
        if self.is_mounted:
            self.refresh_records(self.highlighted_id())

    def refresh_records(self, select: int | None = None, ids: Sequence[int] | None = None) -> None:
        """List the records again, the cursor on ``select`` (a record id) or where it was.

        The table holds a window of the records (a page or a few, see :meth:`show_window`): the
        one it held when the record to keep the cursor on is still in it (the cursor stays where
        it was on the screen), else one around that record, else the first page. ``ids``:
        :meth:`ordered_ids` when the caller has just asked for it.
        """
        wanted = select if select is not None else self.highlighted_id()
        ids = self.ordered_ids() if ids is None else ids
        self._ids = ids
        place = ids.index(wanted) if wanted is not None and wanted in ids else -1
        total = len(ids)
        start, stop = self._start, min(self._stop, total)
        if place < 0:
            start, stop = 0, min(total, self.PAGE)
        elif not start <= place < stop:
            start = 0 if place < self.PAGE else place - self.PAGE // 2
            stop = min(total, max(start + self.PAGE, place + 1 + self.NEAR_END))
            start = max(0, min(start, stop - self.PAGE))
        else:
            stop = min(total, max(stop, start + self.PAGE))
        self.show_window(start, stop, max(place, start), keep_on_screen=True)
        self.show_empty(not ids)
        self.table.focus()

    def show_window(self, start: int, stop: int, cursor: int, keep_on_screen: bool = False, keep_view: bool = False) -> None:
        """Fill the table with the records ``_ids[start:stop]``, the cursor on the record at place ``cursor`` of :attr:`_ids`.

        DataTable cannot insert rows at the top, so the table is cleared and filled again (at
        most :attr:`MAX_ROWS` rows). ``keep_on_screen``: the cursor keeps its line on the screen
        (the rows around it do not jump). ``keep_view``: the record at the top of the view stays
        there (the view was scrolled, the cursor perhaps out of sight; when its record is no
        longer held, the cursor goes to the record at the top). Otherwise the cursor is only
        scrolled into view.
        """
        table = self.table
        held = bool(table.row_count)
        above = table.cursor_row - round(table.scroll_y) if keep_on_screen and held else None
        view_top = self._start + round(table.scroll_y) if keep_view and held else None
        start = max(0, min(start, len(self._ids)))
        stop = max(start, min(stop, len(self._ids), start + self.MAX_ROWS))
        if view_top is not None and not start <= cursor < stop:
            cursor = view_top
        if above is not None or view_top is not None:
            # So that clear() does not move the cursor (and have it scrolled into view after the scroll below).
            table.set_reactive(DataTable.cursor_coordinate, Coordinate(0, 0))
        columns = self.columns()
        if tuple(str(column.label) for column in table.columns.values()) != columns:
            table.clear(columns=True)  # the terminal crossed a width at which the list shows other columns
            table.add_columns(*columns)
        else:
            table.clear()
        self._made_for = self.app.size.width
        self._start, self._stop = start, stop
        records = self.load_page(self._ids[start:stop])
        for record in records:
            table.add_row(*self.row_cells(record), key=str(self.record_id(record)))
        self.records_shown = records
        self.show_title()
        if not records:
            return
        row = min(max(cursor - start, 0), len(records) - 1)
        if above is None and view_top is None:
            table.move_cursor(row=row)
            return
        # Not move_cursor: DataTable would scroll the cursor into view once more after the scroll below.
        table.set_reactive(DataTable.cursor_coordinate, Coordinate(row, 0))
        top = max(0, row - max(0, above)) if above is not None else max(0, (view_top or 0) - start)
        self._settling = True
        self.call_after_refresh(self._scroll_table_to, top)

    _settling: bool = False
    """The table was just filled again and is yet to be scrolled back (:meth:`_scroll_table_to`): its scrolling means nothing."""

    @property
    def settled(self) -> bool:
        """The window's rows are in place and scrolled where they belong (not just filled again, awaiting the scroll)."""
        return not self._settling and not self._page_coming

    def _scroll_table_to(self, top: int, tries: int = 50, until: float | None = None) -> None:
        """Scroll the table so that row ``top`` is at the top (as far as it goes), once its new size is known.

        The table measures its rows when its own queue is next idle: until then (its height is
        short of its rows) it cannot scroll as far as the new rows reach, so this waits another
        refresh, ``tries`` of the screen's, then the table's own (after its queue, its measuring
        included) for up to :data:`SETTLE_SECONDS`. On a busy machine that can take many: giving
        up after a count of the screen's refreshes made the view jump when they came faster than
        the table's turn. Once measured, a ``top`` beyond the end is scrolled as far as it goes.
        """
        if not self._table_live():
            self._settling = False
            return
        table = self.table
        until = time.monotonic() + SETTLE_SECONDS if until is None else until
        measured = table.virtual_size.height >= table.row_count + (1 if table.show_header else 0)
        if top > table.max_scroll_y and not measured and time.monotonic() < until:
            waiting = self if tries else table
            waiting.call_after_refresh(self._scroll_table_to, top, max(0, tries - 1), until)
            return
        self._settling = False
        table.scroll_to(y=top, animate=False, force=True, immediate=True)
        self._page_wanted()

    def show_title(self) -> None:
        """With :attr:`COUNT_IN_TITLE`: the count in the heading, and the window's places when it does not start at the first."""
        if not self.COUNT_IN_TITLE:
            return
        title = f"{self.list_title()} ({len(self._ids):,})"
        if self._start > 0:
            title += f" · {self._start + 1:,}–{self._stop:,}"
        self.query_one(".panel-title", Label).update(title)

    def show_first(self) -> None:
        """The first page of rows, the cursor on the first record (`home`)."""
        if self._ids:
            self.show_window(0, self.PAGE, 0)
            self.table.scroll_to(y=0, animate=False)

    def show_last(self) -> None:
        """The last page of rows, the cursor on the last record (`end`)."""
        total = len(self._ids)
        if total:
            self.show_window(total - self.PAGE, total, total - 1)

    def add_rows(self, count: int) -> None:
        """Add the next ``count`` records' rows (at most) below those in the table (all again, fitted, after a resize)."""
        if self._made_for != self.app.size.width:
            self.refresh_records()
            return
        table = self.table
        records = self.load_page(self._ids[self._stop:self._stop + count])
        for record in records:
            table.add_row(*self.row_cells(record), key=str(self.record_id(record)))
        self._stop = min(len(self._ids), self._stop + count)
        self.records_shown.extend(records)
        self.show_title()

    _page_coming: bool = False
    """The next or previous page of rows is to be brought in just after the screen is next drawn."""

    @on(DataTable.RowHighlighted, ".record-table")
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """The cursor nears either edge of the window (arrows, pageup/pagedown): bring in the page it nears."""
        self._page_wanted()

    def table_scrolled(self) -> None:
        """The table was scrolled (the mouse wheel, the scroll bar): bring in the page the view nears, if any."""
        self._page_wanted()

    def _page_wanted(self) -> None:
        """When the cursor or the view nears an edge of the window, bring in that page just after the move is drawn."""
        if not self._settling and not self._page_coming and self._near_edge():
            self._page_coming = True
            self.call_after_refresh(self._next_page)

    def _near_edge(self) -> int:
        """1 when the cursor or the view nears the window's last row and records follow, -1 its first with records before, else 0."""
        if not self._table_live():
            return 0
        table = self.table
        if not table.row_count:
            return 0
        top = round(table.scroll_y)
        bottom = top + table.scrollable_content_region.height
        if self._stop < len(self._ids) and max(table.cursor_row, bottom) >= table.row_count - self.NEAR_END:
            return 1
        if self._start > 0 and min(table.cursor_row, top) < self.NEAR_END:
            return -1
        return 0

    def _next_page(self) -> None:
        """Bring in the page the cursor or the view nears (asked for by :meth:`_page_wanted`), the view kept where it is.

        Below: the rows are added after the last, unless the table would hold more than
        :attr:`MAX_ROWS` (then the window moves down a page). Above: the window moves up a page.
        The cursor stays on its record while it is held.
        """
        self._page_coming = False
        if not self._table_live() or self._settling:
            return
        edge = self._near_edge()
        cursor = self._start + self.table.cursor_row
        if edge > 0:
            stop = min(len(self._ids), self._stop + self.PAGE)
            if stop - self._start <= self.MAX_ROWS:
                self.add_rows(self.PAGE)
            else:
                self.show_window(stop - self.MAX_ROWS, stop, cursor, keep_view=True)
        elif edge < 0:
            start = max(0, self._start - self.PAGE)
            self.show_window(start, min(self._stop, start + self.MAX_ROWS), cursor, keep_view=True)

    def highlighted_id(self) -> int | None:
        """The id of the record under the cursor, or None when the list is empty."""
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    def highlighted(self) -> RecordT | None:
        """The record under the cursor as stored now, or None (after :meth:`nothing_highlighted` or :meth:`record_gone`)."""
        record_id = self.highlighted_id()
        if record_id is None:
            self.nothing_highlighted()
            return None
        record = self.fetch_record(record_id)
        if record is None:
            self.record_gone(record_id)
        return record

    # -- the keys every list has ----------------------------------------------------------------

    @on(DataTable.RowSelected, ".record-table")
    def _row_chosen(self) -> None:
        """`enter` (or a click) on a row opens it."""
        self.action_open()

    def action_open(self) -> None:
        """Open the highlighted record."""
        record = self.highlighted()
        if record is not None:
            self.open_record(record)

    def action_rename(self) -> None:
        """Rename the highlighted record."""
        record = self.highlighted()
        if record is not None:
            self.rename_record(record)

    def action_delete(self) -> None:
        """Delete the highlighted record, after asking."""
        record = self.highlighted()
        if record is None:
            return

        def answered(yes: bool | None) -> None:
            """Delete only when confirmed."""
            if yes:
                place = self._ids.index(self.record_id(record)) if self.record_id(record) in self._ids else 0
                self.delete_record(record)
                self.mark_saved(self.DELETED_NOTE)
                ids = self.ordered_ids()
                self.refresh_records(ids[min(place, len(ids) - 1)] if ids else None, ids=ids)

        self.app.push_screen(ConfirmDialog(self.delete_question(record)), answered)
