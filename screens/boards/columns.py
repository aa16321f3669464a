"""The board's second view: the items in four columns by rating (red, amber, green, not rated)."""

from __future__ import annotations

from typing import Protocol

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Footer, Header, Label, OptionList
from textual.widgets.option_list import Option

from screens.base import FramewheelScreen
from styles import style_path
from tui.core.action_plans import RATING_TITLES, RATINGS, badge
from tui.core.board_editor import BoardEditor, Cursor
from tui.widgets.board_view import FLAG


class ColumnsHost(Protocol):
    """What the columns view needs of the board it belongs to (the board screen)."""

    @property
    def editor(self) -> BoardEditor | None:
        """The plan being edited, with its undo history."""
        ...

    def changed(self, message: str = "Saved") -> None:
        """Redraw and save after a change made through the editor."""
        ...

    def action_undo(self) -> None:
        """Undo the last change."""
        ...

    def action_redo(self) -> None:
        """Redo the last undone change."""
        ...

    def show_item(self, cursor: Cursor) -> None:
        """Put the board's cursor on the item at ``cursor``."""
        ...


class BoardColumnsScreen(FramewheelScreen):
    """Four lists side by side; rating an item here moves it to its new column (and can be undone).

    `enter` puts the board's cursor on the highlighted item and goes back; `escape` just goes back.
    """

    CSS_PATH = style_path("board.tcss")
    HELP_TITLE = "RAG board: columns"
    HELP = """\
The plan's items in four columns by rating: **R ● red**, **A ▲ amber**, **G ✔ green** and
**– ○ not rated**. `left`/`right` move between columns, `up`/`down` within one. `r` `a` `g` and
`space` rate the highlighted item, which moves to its new column; `ctrl+z`/`ctrl+y` undo and
redo. `enter` goes back to the board at the highlighted item, `escape` or `v` back to the board.
"""

    BINDINGS = [
        Binding("escape", "back", "Board", id="columns.back"),
        Binding("v", "back", "Board", id="columns.board", show=False),
        Binding("left", "column(-1)", "Column left", id="columns.left", show=False),
        Binding("right", "column(1)", "Column right", id="columns.right", show=False),
        Binding("r", "rate('red')", "Red", id="columns.red"),
        Binding("a", "rate('amber')", "Amber", id="columns.amber"),
        Binding("g", "rate('green')", "Green", id="columns.green"),
        Binding("space", "cycle", "Next rating", id="columns.cycle", show=False),
        Binding("ctrl+z", "undo", "Undo", id="columns.undo"),
        Binding("ctrl+y", "redo", "Redo", id="columns.redo"),
    ]

    def __init__(self, board: ColumnsHost) -> None:
        """The columns of ``board``'s plan; changes go through the board (saved and undoable)."""
        super().__init__()
        self.board = board

    def compose(self) -> ComposeResult:
        """A titled list per rating."""
        yield Header()
        with Horizontal(id="columns"):
            for rating in RATINGS:
                with Vertical(classes=f"rag-column column-{rating or 'none'}"):
                    yield Label("", id=f"title-{rating or 'none'}", classes="column-title")
                    yield OptionList(id=f"column-{rating or 'none'}", classes="column-list")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the columns and focus the first that has items."""
        assert self.board.editor is not None
        self.title = f"{self.board.editor.plan.project}: columns"
        self.fill()
        for rating in RATINGS:
            column = self.query_one(f"#column-{rating or 'none'}", OptionList)
            if column.option_count:
                column.focus()
                break
        else:
            self.query_one("#column-red", OptionList).focus()

    def fill(self, keep: Cursor | None = None) -> None:
        """List every item under its rating; highlight ``keep`` and focus its column."""
        assert self.board.editor is not None
        plan = self.board.editor.plan
        for rating in RATINGS:
            entries = [(s, i, item) for s, i, item in plan.items() if item.rag == rating]
            key = rating or "none"
            self.query_one(f"#title-{key}", Label).update(f"{badge(rating)} {RATING_TITLES[rating]} ({len(entries)})")
            column = self.query_one(f"#column-{key}", OptionList)
            column.clear_options()
            column.add_options(
                Option(Text.assemble(
                    (f"{FLAG} " if item.needs_comment else "", "bold reverse"), item.milestone, "\n",
                    (f"  {plan.sections[s].title}", "dim italic"),
                ), id=f"{s}:{i}")
                for s, i, item in entries
            )
            if column.option_count:
                column.highlighted = 0
            if keep is not None and f"{keep[0]}:{keep[1]}" in {f"{s}:{i}" for s, i, _ in entries}:
                column.highlighted = column.get_option_index(f"{keep[0]}:{keep[1]}")
                column.focus()

    def _focused(self) -> tuple[OptionList, Cursor | None]:
        """The focused column and its highlighted item's cursor (None when empty)."""
        column = self.focused if isinstance(self.focused, OptionList) else self.query_one("#column-red", OptionList)
        if column.highlighted is None or not column.option_count:
            return column, None
        section, item = (column.get_option_at_index(column.highlighted).id or "0:0").split(":")
        return column, (int(section), int(item))

    def action_column(self, delta: int) -> None:
        """Focus the column to the left or right."""
        lists = list(self.query(".column-list").results(OptionList))
        column, _ = self._focused()
        index = (lists.index(column) + delta) % len(lists) if column in lists else 0
        lists[index].focus()

    def _change(self, apply: str, *args: str) -> None:
        """Apply an editor change to the highlighted item through the board, then refill."""
        assert self.board.editor is not None
        _, cursor = self._focused()
        if cursor is None:
            self.notify("This column is empty.")
            return
        self.board.editor.cursor = cursor
        getattr(self.board.editor, apply)(*args)
        self.board.changed()
        self.fill(keep=self.board.editor.cursor)

    def action_rate(self, rating: str) -> None:
        """Rate the highlighted item; it moves to that column."""
        self._change("set_rating", rating)

    def action_cycle(self) -> None:
        """Give the highlighted item the next rating."""
        self._change("cycle_rating")

    def action_undo(self) -> None:
        """Undo the last change of the plan."""
        self.board.action_undo()
        assert self.board.editor is not None
        self.fill(keep=self.board.editor.cursor)

    def action_redo(self) -> None:
        """Redo the last undone change."""
        self.board.action_redo()
        assert self.board.editor is not None
        self.fill(keep=self.board.editor.cursor)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """`enter`: back to the board at this item."""
        section, item = (event.option.id or "0:0").split(":")
        self.board.show_item((int(section), int(item)))
        self.dismiss(None)

    def action_back(self) -> None:
        """Back to the board where it was (`escape`, `v`)."""
        self.dismiss(None)
