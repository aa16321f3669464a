"""The RAG board of one action plan, edited in place, with undo and redo."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, Hashable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.notifications import SeverityLevel
from textual.widgets import Header, Input, Label, Static, TextArea
from textual.widgets.input import Selection

from screens.base import FramewheelScreen, InterfaceLoop, write_refused
from screens.boards.columns import BoardColumnsScreen
from screens.boards.dialogs import PathDialog, PlanHeaderDialog
from screens.boards.text import (
    BOARD_HELP,
    FIELD_NAMES,
    detail_text,
    export_name,
    next_rating_filter,
    next_section_filter,
    summary_parts,
)
from screens.dialogs.confirm import ConfirmDialog
from styles import style_path
from tui.core.action_plans import ActionPlan, FocusError, format_focus, outside_period_text, with_header
from tui.core.exchange.plan_files import plan_to_csv, plan_to_markdown
from tui.core.board_editor import HEADING, BoardEditor, Cursor, EditError, Row, visible_rows
from tui.core.model import SavedWork
from tui.core.text import truncate
from tui.widgets.board_view import BoardView, Needs, header_line
from tui.widgets.typed_text import TypedInput, TypedTextArea
from tui.widgets.key_footer import KeyFooter

EDITING_ACTIONS = {"back", "keep_edit", "help", "quit", "command_palette"}
"""The only actions that answer while a field is being edited."""


class BoardScreen(FramewheelScreen):
    """One plan's board: sections and items, ratings with letters and symbols, edited in place."""

    CSS_PATH = style_path("board.tcss")
    HELP_TITLE = "RAG board"
    HELP = BOARD_HELP

    BINDINGS: ClassVar = [
        Binding("r", "rate('red')", "Red", id="board.red"),
        Binding("a", "rate('amber')", "Amber", id="board.amber"),
        Binding("g", "rate('green')", "Green", id="board.green"),
        Binding("space", "cycle", "Next rating", id="board.cycle", show=False),
        Binding("p", "private", "Private comment", id="board.private", show=False,
                tooltip="Mark the focused item's comment private (hidden in presentation mode) or public"),
        Binding("enter", "edit", "Edit", id="board.edit"),
        Binding("n", "new_item", "New item", id="board.new"),
        Binding("N", "new_section", "New section", id="board.new-section", show=False),
        Binding("d", "delete", "Delete", id="board.delete"),
        Binding("shift+up", "move(-1)", "Move up", id="board.move-up", show=False),
        Binding("shift+down", "move(1)", "Move down", id="board.move-down", show=False),
        Binding("ctrl+z", "undo", "Undo", id="board.undo"),
        Binding("ctrl+y", "redo", "Redo", id="board.redo"),
        Binding("v", "columns", "Columns", id="board.columns"),
        Binding("f", "filter_rating", "Filter RAG", id="board.filter-rating"),
        Binding("s", "filter_section", "Filter section", id="board.filter-section", show=False),
        Binding("slash", "search", "Search", id="board.search"),
        Binding("x", "clear_filters", "Clear filters", id="board.clear", show=False),
        Binding("e", "edit_header", "Header", id="board.header", show=False),
        Binding("m", "export('md')", "Export Markdown", id="board.export-md", show=False),
        Binding("c", "export('csv')", "Export CSV", id="board.export-csv", show=False),
        Binding("ctrl+s", "keep_edit", "Keep edit", id="board.keep", show=False),
        Binding("ctrl+down", "scroll_detail(1)", "Scroll detail down", id="board.detail-down", show=False,
                tooltip="Show more of the focused item's milestone and comment in the pane below the board"),
        Binding("ctrl+up", "scroll_detail(-1)", "Scroll detail up", id="board.detail-up", show=False),
    ]

    def __init__(self, plan_id: int) -> None:
        """The board of the plan with id ``plan_id``."""
        super().__init__()
        self.plan_id = plan_id
        self.editor: BoardEditor | None = None
        self.rating_filter: str | None = None
        self.section_filter: int | None = None
        self.search = ""
        self._columns_width: tuple[int, Needs] | None = None
        """The board width and the column needs the column headings were drawn for."""
        self._summary: dict[str, str] = {}
        """What each part of the counts line shows now (only changed parts are redrawn)."""
        self.editing: tuple[str, Cursor] | None = None
        self._editing_from = ""
        """The text the in-place editor started with (a changed text is asked about on quitting)."""
        """The field being edited in place and the cursor it belongs to, or None."""
        self._saved_plan: ActionPlan | None = None
        """The plan as this board last handed it to the saver: the base each change is a difference from."""
        self._save_numbers = itertools.count()
        """Numbers the saves, so that each change is its own job, run in order."""
        self._interface: InterfaceLoop | None = None
        """The interface's loop, for the saver's callbacks (taken when the screen is mounted)."""
        self._detail_row: Row | None = None
        """The row the detail pane was last drawn for (its scroll is kept while the row stays)."""

    def compose(self) -> ComposeResult:
        """Header, counts, search, column headings, the board, the focused item's detail, footer."""
        self._saver = self.context.action_plans.saver(self._saved_in_thread, self._failed_in_thread)
        yield Header()
        with Horizontal(id="board-summary"):
            for part in ("count-red", "count-amber", "count-green", "count-none", "count-share", "count-flag", "count-period", "count-note"):
                yield Label("", id=part, classes=f"summary-part {part}", markup=False)
        yield TypedInput(placeholder="Search milestones, comments, owners (enter keeps, escape clears)", id="board-search")
        yield Static(id="board-columns")
        yield BoardView(id="board")
        with VerticalScroll(id="board-detail", can_focus=False):
            yield Static(id="board-detail-text", markup=False)
        yield TypedInput(id="cell-editor", classes="cell-editor", select_on_focus=False)
        yield TypedTextArea(id="comment-editor", classes="cell-editor comment-editor", soft_wrap=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the plan and show it."""
        plan = self.context.action_plans.get(self.plan_id)
        if plan is None:
            self.notify("That plan no longer exists.", severity="error")
            self.app.pop_screen()
            return
        self.editor = BoardEditor(plan)
        self.view.hide_private = self.hides("boards", "comment")
        self._saved_plan = plan
        self._interface = InterfaceLoop()
        self.query_one("#board-search", Input).display = False
        for widget in self.query(".cell-editor"):
            widget.display = False
        self.title = plan.project
        self.redraw()
        self.query_one(BoardView).focus()

    def on_resize(self) -> None:
        """The column headings follow the board's width; a tall screen shows more of the detail."""
        self.query_one("#board-detail", VerticalScroll).styles.height = 13 if self.size.height >= 40 else 7
        self._columns_line()
        if self.editor is not None and self.editing is None:
            self.call_after_refresh(self._detail)  # the "more" hint follows the pane's new size

    # -- drawing -----------------------------------------------------------------
    @property
    def view(self) -> BoardView:
        """The board widget."""
        return self.query_one(BoardView)

    def redraw(self) -> None:
        """Show the plan after a change: rows after the filters, counts, cursor, detail."""
        assert self.editor is not None
        plan = self.editor.plan
        rows = visible_rows(plan, self.rating_filter, self.section_filter, self.search, self.hides("boards", "comment"))
        self.view.show(plan, rows, _row_index(rows, self.editor.cursor))
        for part, value in summary_parts(plan, self.rating_filter, self.section_filter, self.search, self.size.width >= 120).items():
            if self._summary.get(part) != value:
                label = self.query_one(f"#{part}", Label)
                label.update(value)
                label.display = bool(value)
                self._summary[part] = value
        self._columns_line()
        self.call_after_refresh(self._columns_line)  # again once laid out: fewer or more rows may add or drop the scroll bar
        self._detail()

    def _columns_line(self) -> None:
        """The column headings above the board."""
        width = self.view.scrollable_content_region.width or self.size.width
        if (width, self.view.needs) != self._columns_width:
            self._columns_width = (width, self.view.needs)
            self.query_one("#board-columns", Static).update(Text(header_line(width, self.view.needs), style="bold"))

    def _detail(self) -> None:
        """The focused row in full below the board."""
        assert self.editor is not None
        hide = self.hides("boards", "comment")
        row = self.view.row
        self.show_detail(detail_text(self.editor.plan, row, self.view.field, hide), keep_scroll=row == self._detail_row)
        self._detail_row = row

    def show_detail(self, content: Text, keep_scroll: bool = False) -> None:
        """Show ``content`` in the detail pane below the board, wrapped; from its top unless ``keep_scroll``."""
        pane = self.query_one("#board-detail", VerticalScroll)
        self.query_one("#board-detail-text", Static).update(content)
        if not keep_scroll:
            pane.scroll_home(animate=False, immediate=True)
        self._detail_hint(content)

    def _detail_hint(self, content: Text) -> None:
        """Say on the pane's top edge when there is more of the detail than it shows, and which keys scroll it."""
        pane = self.query_one("#board-detail", VerticalScroll)
        region = pane.scrollable_content_region
        lines = len(content.wrap(self.app.console, max(1, region.width))) if region.width else 0
        hint = "more: ctrl+down / ctrl+up scroll" if lines > region.height > 0 else ""
        if str(pane.border_title or "") != hint:
            pane.border_title = hint

    def action_scroll_detail(self, delta: int) -> None:
        """Scroll the detail pane by most of its height (`ctrl+down`, `ctrl+up`)."""
        pane = self.query_one("#board-detail", VerticalScroll)
        pane.scroll_relative(y=delta * max(1, pane.scrollable_content_region.height - 1), animate=False)

    def presentation_changed(self) -> None:
        """Show or hide the private comments (hidden while presenting)."""
        if self.is_mounted and self.editor is not None:
            self.view.hide_private = self.hides("boards", "comment")
            if self.view.hide_private and self.editing is not None and self.editing[0] == "comment":
                s, i = self.editing[1]
                if self.editor.plan.sections[s].items[i].private:
                    self._close_editor()  # what was typed is not kept: the comment stays as it was
            self.redraw()

    def _follow_view(self) -> None:
        """Take the cursor from the board widget itself: keys typed in one burst (over SSH) reach an
        action before the board's own CursorMoved message does, and must act on the row now focused."""
        if self.editor is not None and self.view.row is not None:
            self.editor.cursor = self.view.row.cursor

    @on(BoardView.CursorMoved, "#board")
    def _moved(self, event: BoardView.CursorMoved) -> None:
        """Follow the board's cursor."""
        if self.editor is not None and event.row is not None:
            self.editor.cursor = event.row.cursor
        if self.editor is not None:
            self._detail()

    def say(self, message: str, severity: SeverityLevel = "information", title: str = "") -> None:
        """Tell the person something: a toast, and the same words where they are looking (the detail line)."""
        self.notify(message, severity=severity, title=title)
        self.show_detail(Text(f"{title + ': ' if title else ''}{message}", style="bold"))

    # -- changes -----------------------------------------------------------------
    def changed(self, message: str = "Saved") -> None:
        """Redraw now, hand the change to the saver once the screen is drawn, and say so when it is on disk."""
        self.redraw()
        self.call_after_refresh(self._store, message)

    def _store(self, message: str) -> None:
        """Hand the change since the last save to the saver: off the interface's thread, merged under the lock."""
        assert self.editor is not None and self._saved_plan is not None
        base, mine = self._saved_plan, self.editor.plan
        if mine is base:
            return
        self._saved_plan = mine
        plans = self.context.action_plans
        self._saver.submit(("plan", self.plan_id, next(self._save_numbers), message), lambda: plans.save_changes(base, mine))

    def _from_thread(self, callback: Callable[..., Any], *args: object) -> None:
        """Run ``callback`` on the interface's thread (from the saver's thread)."""
        if self._interface is not None:
            self._interface.call_soon(callback, *args)

    def _saved_in_thread(self, key: Hashable, result: object) -> None:
        """A change is on disk: say so in the header, on the interface's thread."""
        message = key[-1] if isinstance(key, tuple) else "Saved"
        self._from_thread(self.mark_saved, str(message))

    def _failed_in_thread(self, key: Hashable, error: Exception) -> None:
        """A save failed: tell the person on the interface's thread."""
        self._from_thread(self._save_failed, error)

    def _save_failed(self, error: Exception) -> None:
        """Say that the change was not saved, and why."""
        if isinstance(error, KeyError):
            self.notify("This plan was deleted elsewhere; the change could not be saved.", severity="error")
        else:
            self.notify(f"Not saved: {error}", severity="error", timeout=8)

    def flush_saves(self) -> bool:
        """Wait until every change made on this board is on disk (False after 10 s)."""
        return self._saver.flush()

    def on_unmount(self) -> None:
        """Let every change reach the disk before the screen goes."""
        self._saver.close()

    def _do(self, change: Callable[..., object], *args: object, message: str = "Saved") -> bool:
        """Run one editor change; show its refusal as a message. True when something changed."""
        assert self.editor is not None
        before = self.editor.plan
        try:
            change(*args)
        except (EditError, FocusError) as error:
            self.say(str(error), severity="warning")
            return False
        if self.editor.plan is not before:
            self.changed(message)
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a field is being edited only keep, cancel, help and quit answer."""
        if self.editing is not None and action not in EDITING_ACTIONS:
            return False
        if action == "keep_edit":
            return self.editing is not None
        return super().check_action(action, parameters)

    def action_rate(self, rating: str) -> None:
        """Rate the focused item (`r`, `a`, `g`)."""
        self._follow_view()
        assert self.editor is not None
        self._do(self.editor.set_rating, rating)

    def action_private(self) -> None:
        """Mark the focused item's comment private or public (`p`): private comments are hidden while presenting."""
        self._follow_view()
        assert self.editor is not None
        row = self.view.row
        if row is None or row.is_heading:
            self.notify("Choose an item first: p marks its comment private.", severity="warning")
            return
        item = self.editor.plan.sections[row.section].items[row.item]
        editor, private = self.editor, not item.private
        self._do(lambda: editor.set_item(private=private),
                 message="Comment private (hidden while presenting)" if private else "Comment public")

    def action_cycle(self) -> None:
        """Give the focused item the next rating (`space`)."""
        self._follow_view()
        assert self.editor is not None
        self._do(self.editor.cycle_rating)

    def action_new_item(self) -> None:
        """Add an item below the focused one and edit its milestone at once (`n`)."""
        self._follow_view()
        assert self.editor is not None
        self._clear_filters_quietly()
        if self._do(self.editor.add_item, "New milestone"):
            self.view.field_index = 1
            self.action_edit()  # the placeholder is selected: typing replaces it

    def action_new_section(self) -> None:
        """Add a section after the focused one and edit its title (`N`)."""
        self._follow_view()
        assert self.editor is not None
        self._clear_filters_quietly()
        if self._do(self.editor.add_section, "New section"):
            self.action_edit()

    @work
    async def action_delete(self) -> None:
        """Delete the focused item, or section with its items, after asking (`d`)."""
        assert self.editor is not None
        row = self.view.row
        if row is None:
            return
        section = self.editor.plan.sections[row.section]
        if row.is_heading:
            question = f"Delete the section '{section.title}' and its {len(section.items)} items? (ctrl+z undoes)"
        else:
            question = f"Delete the item '{truncate(section.items[row.item].milestone, 60, one_line=True)}'? (ctrl+z undoes)"
        if await self.app.push_screen_wait(ConfirmDialog(question)):
            self.editor.cursor = row.cursor
            self._do(self.editor.delete, message="Deleted:")

    def action_move(self, delta: int) -> None:
        """Move the focused item up or down, across into the next section at an edge."""
        self._follow_view()
        assert self.editor is not None
        if self.rating_filter is not None or self.section_filter is not None or self.search:
            self.say("Clear the filters (x) to move items: hidden items would be in the way.", severity="warning")
            return
        self._do(self.editor.move, delta)

    def action_undo(self) -> None:
        """Undo the last change (`ctrl+z`, many levels)."""
        assert self.editor is not None
        if self.editor.undo():
            self.changed("Undone, saved")
        else:
            self.say("Nothing to undo.")

    def action_redo(self) -> None:
        """Redo the last undone change (`ctrl+y`)."""
        assert self.editor is not None
        if self.editor.redo():
            self.changed("Redone, saved")
        else:
            self.say("Nothing to redo.")

    # -- editing in place ----------------------------------------------------------
    def action_edit(self) -> None:
        """Edit the focused field where it is (`enter`); on the rating it cycles the rating."""
        self._follow_view()
        assert self.editor is not None
        row = self.view.row
        if row is None:
            self.action_new_item()
            return
        field = "title" if row.is_heading else self.view.field
        if field == "rag":
            self.action_cycle()
            return
        plan = self.editor.plan
        if field == "comment" and plan.sections[row.section].items[row.item].private \
                and self.refuse_private("boards", "comment", "A private comment"):
            return
        if field == "title":
            value = plan.sections[row.section].title
        else:
            item = plan.sections[row.section].items[row.item]
            value = format_focus(item.focus) if field == "focus" else str(getattr(item, field))
        region = self.view.cell_region(field)
        editor: Input | TextArea
        if field == "comment":
            editor = self.query_one("#comment-editor", TextArea)
            editor.load_text(value)
            width = min(max(region.width, 50), self.size.width - 2)
            x = max(0, min(region.x - 1, self.size.width - width))
            y = max(1, min(region.y - 1, self.size.height - 10))
        else:
            editor = self.query_one("#cell-editor", Input)
            editor.value = value
            editor.selection = Selection(0, len(value))  # typing replaces the old text; end or an arrow keeps it
            width = max(region.width, 20)
            x, y = min(region.x, self.size.width - width), region.y
        editor.styles.width = width
        editor.styles.offset = (x, y)
        self.editing = (field, row.cursor)
        self._editing_from = value
        editor.display = True
        editor.focus()
        self.refresh_bindings()
        hint = "ctrl+s keeps the comment, escape cancels" if field == "comment" else "enter keeps, escape cancels"
        self.show_detail(Text(f"Editing {field}: {hint}", style="bold"))

    @on(Input.Submitted, "#cell-editor")
    def _input_kept(self, event: Input.Submitted) -> None:
        """`enter` in a one-line editor keeps the text."""
        event.stop()
        self.action_keep_edit()

    def action_keep_edit(self) -> None:
        """Keep what was typed (`enter`, or `ctrl+s` in a comment); bad input keeps the editor open."""
        if self.editing is None or self.editor is None:
            return
        field, cursor = self.editing
        value = self.query_one("#comment-editor", TextArea).text if field == "comment" else self.query_one("#cell-editor", Input).value
        self.editor.cursor = cursor
        try:
            if field == "title":
                self.editor.rename_section(value)
            else:
                self.editor.set_item(**{field: value.strip() if field != "comment" else value.rstrip()})
        except (EditError, FocusError) as error:
            self.say(f"{FIELD_NAMES.get(field, field).capitalize()}: {error} Fix it, or escape to cancel.", severity="error", title="Not changed")
            return
        self._close_editor()
        self.changed()
        if field == "focus":
            self._warn_outside_period(cursor)

    def _edited_value(self) -> str | None:
        """The text in the in-place editor now (None when not editing)."""
        if self.editing is None:
            return None
        if self.editing[0] == "comment":
            return self.query_one("#comment-editor", TextArea).text
        return self.query_one("#cell-editor", Input).value

    def typed_text(self) -> str:
        """The cell being edited when its text was changed and not kept (asked about on quitting), else ""."""
        value = self._edited_value()
        if value is None or self.editing is None or value == self._editing_from:
            return ""
        return f"the {FIELD_NAMES.get(self.editing[0], self.editing[0])} being edited on the board"

    def keep_typed_text(self) -> bool:
        """Keep the edit as `enter` would (quitting); False when it is refused (the board says why)."""
        self.action_keep_edit()
        return self.editing is None

    def _warn_outside_period(self, cursor: Cursor) -> None:
        """Warn (a warning, not a refusal: the years are kept) when the item's focus falls outside the plan's period."""
        assert self.editor is not None
        item = self.editor.item(cursor)
        outside = self.editor.plan.years_outside_period(item) if item is not None else ()
        if outside:
            self.notify(f"Focus {outside_period_text(outside, self.editor.plan)}. Kept: check the years, "
                        "or the period in the header (e).", severity="warning", title="Outside the period", timeout=8)

    def _close_editor(self) -> None:
        """Remove the in-place editor and give the keys back to the board."""
        self.editing = None
        self.view.focus()
        for widget in self.query(".cell-editor"):
            widget.display = False
        self.refresh_bindings()
        self._detail()

    def action_back(self) -> None:
        """`escape`: cancel an edit, else close the search, else go back."""
        search = self.query_one("#board-search", Input)
        if self.editing is not None:
            self._close_editor()
        elif search.display:
            search.value, self.search = "", ""
            search.display = False
            self.view.focus()
            self.redraw()
        else:
            self._saver.flush()  # the list this returns to shows the plan as saved
            super().action_back()

    def action_search(self) -> None:
        """Open the search line (`/`); the board filters as you type."""
        search = self.query_one("#board-search", Input)
        search.display = True
        search.focus()

    @on(Input.Changed, "#board-search")
    def _search_changed(self, event: Input.Changed) -> None:
        """Filter as the search text changes."""
        self.search = event.value
        self.redraw()

    @on(Input.Submitted, "#board-search")
    def _search_kept(self) -> None:
        """`enter` keeps the search and returns to the board."""
        self.view.focus()

    # -- filters -----------------------------------------------------------------
    def action_filter_rating(self) -> None:
        """Show only one rating, cycling all, red, amber, green, not rated (`f`)."""
        self.rating_filter = next_rating_filter(self.rating_filter)
        self.redraw()

    def action_filter_section(self) -> None:
        """Show only one section, cycling through them and back to all (`s`)."""
        assert self.editor is not None
        self.section_filter = next_section_filter(self.section_filter, len(self.editor.plan.sections))
        self.redraw()

    def action_clear_filters(self) -> None:
        """Show every item again (`x`)."""
        self._clear_filters_quietly()
        self.redraw()

    def _clear_filters_quietly(self) -> None:
        """Drop the filters and search without redrawing."""
        self.rating_filter = self.section_filter = None
        self.search = ""
        search = self.query_one("#board-search", Input)
        search.value, search.display = "", False

    # -- columns, header, export -----------------------------------------------------
    @work
    async def action_columns(self) -> None:
        """Show the items in columns by rating (`v`), opened on the focused item; the focus comes back with it."""
        self._follow_view()
        await self.app.push_screen_wait(BoardColumnsScreen(self))
        self.redraw()

    def show_item(self, cursor: Cursor) -> None:
        """Put the cursor on an item chosen in the columns view (the filters go, so that it shows)."""
        assert self.editor is not None
        self._clear_filters_quietly()
        self.editor.cursor = cursor

    @work
    async def action_edit_header(self) -> None:
        """Edit the plan's header (`e`)."""
        assert self.editor is not None
        values = await self.app.push_screen_wait(PlanHeaderDialog(self.editor.plan))
        if values is not None:
            header = {name: str(value) for name, value in values.items() if name != "template"}
            self.editor.replace_plan(with_header(self.editor.plan, **header))
            self.title = self.editor.plan.project
            self.changed()

    @work
    async def action_export(self, kind: str) -> None:
        """Write the plan as a Markdown report (`m`) or CSV (`c`) and say where."""
        assert self.editor is not None
        plan = self.editor.plan
        suggested = self.context.action_plans.export_folder() / export_name(plan.project, kind)
        what = "Markdown progress/RAG report" if kind == "md" else "CSV (section,milestone,rag,comment,owner,focus)"
        path_text = await self.app.push_screen_wait(PathDialog(f"Export the plan as {what}", str(suggested), "An existing file is replaced after you confirm."))
        if path_text is None:
            return
        path = Path(path_text).expanduser().absolute()
        plans = self.context.action_plans
        refusal = plans.export_refusal(path)
        if refusal is not None:
            self.say(refusal, severity="error", title="Not exported")
            return
        if path.exists() and not await self.app.push_screen_wait(ConfirmDialog(f"Replace {path}?", yes="Replace")):
            return
        text = plan_to_markdown(plan) if kind == "md" else plan_to_csv(plan)
        problem = write_refused(plans.write_export, path, text)  # private (0600), complete or not at all
        if problem is not None:
            self.say(problem, severity="error", title="Not exported")
            return
        self.say(f"Wrote {path}", title="Exported")


def _row_index(rows: list[Row], cursor: Cursor) -> int:
    """The index of the row at ``cursor``, else of the nearest row after it (else the last)."""
    for index, row in enumerate(rows):
        if row.cursor == cursor:
            return index
    for index, row in enumerate(rows):
        if (row.section, row.item if row.item != HEADING else -1) > cursor:
            return index
    return max(0, len(rows) - 1)


def open_saved_plan(item: SavedWork) -> BoardScreen:
    """Open a saved action plan on its board (from the home screen's work list)."""
    return BoardScreen(item.record_id)
