"""The board's second view: the items in four columns by rating (red, amber, green, not rated)."""

from __future__ import annotations

from typing import Protocol

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Label, OptionList
from textual.widgets.option_list import Option

from screens.base import FramewheelScreen
from styles import style_path
from tui.core.action_plans import RATING_TITLES, RATINGS, badge
from tui.core.board_editor import HEADING, BoardEditor, Cursor
from tui.core.text import truncate
from tui.widgets.board_view import FLAG, OUTSIDE_PERIOD
from tui.widgets.key_footer import KeyFooter


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


def fit_words(text: str, width: int) -> str:
    """``text`` with each word wider than ``width`` shortened with `…`, so a card wraps between words and never cuts one."""
    return " ".join(word if len(word) <= width else truncate(word, width) for word in text.split(" "))


def column_title(mark: str, title: str, count: int, width: int) -> str:
    """``● Red (3)`` in ``width`` cells: the title shortened with `…` when it does not fit, the mark and the count always whole."""
    count_text = f"({count})"
    return f"{mark} {truncate(title, width - len(mark) - len(count_text) - 2)} {count_text}"


class BoardColumnsScreen(FramewheelScreen):
    """Four lists side by side; rating an item here moves it to its new column (and can be undone).

    It opens on the board's focused item (on a heading, the section's first item), and every key
    acts on the card highlighted in the focused column, which the line below the columns names.
    `enter` puts the board's cursor on that card (clearing the board's filters so that it shows)
    and goes back; `escape` and `v` go back with the board's focus on that card too.
    """

    CSS_PATH = style_path("board.tcss")
    HELP_TITLE = "RAG board: columns"
    HELP = """\
The plan's items in four columns by rating: **R ● red**, **A ▲ amber**, **G ✔ green** and
**– ○ not rated**. The view opens on the item focused on the board, and the line below the
columns names the card the keys act on. `left`/`right` move between columns, `up`/`down` within
one. `r` `a` `g` and `space` rate that card, which moves to its new column (and stays the one
focused); `ctrl+z`/`ctrl+y` undo and redo. `enter`, `escape` or `v` go back to the board with
its focus on the same card (`enter` also clears the board's filters so that the card shows).
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
        self._column: OptionList | None = None
        """The column the keys act on: the one last focused (set at once; Textual's focus follows a moment later)."""

    def compose(self) -> ComposeResult:
        """A titled list per rating."""
        yield Header()
        with Horizontal(id="columns"):
            for rating in RATINGS:
                with Vertical(classes=f"rag-column column-{rating or 'none'}"):
                    yield Label("", id=f"title-{rating or 'none'}", classes="column-title")
                    yield OptionList(id=f"column-{rating or 'none'}", classes="column-list")
        yield Label("", id="columns-focused", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the columns and focus the board's focused item (else the first column that has items)."""
        assert self.board.editor is not None
        self.title = f"{self.board.editor.plan.project}: columns"
        start = self._start_cursor()
        self.fill(keep=start)
        if start is None:
            for rating in RATINGS:
                column = self.query_one(f"#column-{rating or 'none'}", OptionList)
                if column.option_count:
                    self._focus_column(column)
                    break
            else:
                self._focus_column(self.query_one("#column-red", OptionList))
        self.call_after_refresh(self._name_focused)

    def _start_cursor(self) -> Cursor | None:
        """The item the board has focused; on a section heading, that section's first item (None if empty)."""
        assert self.board.editor is not None
        editor = self.board.editor
        section, item = editor.cursor
        if editor.item((section, item)) is not None:
            return (section, item)
        if item == HEADING and 0 <= section < len(editor.plan.sections) and editor.plan.sections[section].items:
            return (section, 0)
        return None

    def _name_focused(self) -> None:
        """Name, below the columns, the card the keys act on (the focused column's highlighted card)."""
        assert self.board.editor is not None
        label = self.query_one("#columns-focused", Label)
        _, cursor = self._focused()
        item = self.board.editor.item(cursor) if cursor is not None else None
        if cursor is None or item is None:
            label.update("This column is empty: left and right move to another column.")
            return
        section = self.board.editor.plan.sections[cursor[0]].title
        keys = "  r a g space rate it, enter shows it on the board"
        card = truncate(f"▶ {badge(item.rag)} {item.milestone} ({section})", max(20, self.size.width - 2 - len(keys)), one_line=True)
        label.update(card + keys)

    @on(OptionList.OptionHighlighted)
    def _highlighted(self) -> None:
        """Another card is highlighted: name the one the keys act on."""
        self._name_focused()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Another column is focused (a click, or a key here): it is the one the keys act on; name its card."""
        if isinstance(event.widget, OptionList):
            self._column = event.widget
        self._name_focused()

    def fill(self, keep: Cursor | None = None) -> None:
        """List every item under its rating; highlight ``keep`` and focus its column."""
        assert self.board.editor is not None
        plan = self.board.editor.plan
        room = max(8, self.app.size.width // len(RATINGS) - 7)  # a column's text, inside its frame, padding and scroll bar
        for rating in RATINGS:
            entries = [(s, i, item) for s, i, item in plan.items() if item.rag == rating]
            key = rating or "none"
            self.query_one(f"#title-{key}", Label).update(column_title(badge(rating), RATING_TITLES[rating], len(entries), room + 3))
            column = self.query_one(f"#column-{key}", OptionList)
            column.clear_options()
            column.add_options(
                Option(Text.assemble(
                    (f"{FLAG} " if item.needs_comment else "", "bold reverse"), fit_words(item.milestone, room), "\n",
                    (f"  {fit_words(plan.sections[s].title, room)}", "dim italic"),
                    (f"\n  {OUTSIDE_PERIOD} focus outside the period" if plan.years_outside_period(item) else "", "bold"),
                ), id=f"{s}:{i}")
                for s, i, item in entries
            )
            if column.option_count:
                column.highlighted = 0
            if keep is not None and f"{keep[0]}:{keep[1]}" in {f"{s}:{i}" for s, i, _ in entries}:
                column.highlighted = column.get_option_index(f"{keep[0]}:{keep[1]}")
                self._focus_column(column)

    def _focus_column(self, column: OptionList) -> None:
        """Make ``column`` the one the keys act on, and focus it."""
        self._column = column
        column.focus()

    def _focused(self) -> tuple[OptionList, Cursor | None]:
        """The focused column and its highlighted item's cursor (None when empty)."""
        column = self._column or (self.focused if isinstance(self.focused, OptionList) else None) \
            or self.query_one("#column-red", OptionList)
        if column.highlighted is None or not column.option_count:
            return column, None
        section, item = (column.get_option_at_index(column.highlighted).id or "0:0").split(":")
        return column, (int(section), int(item))

    def action_column(self, delta: int) -> None:
        """Focus the column to the left or right."""
        lists = list(self.query(".column-list").results(OptionList))
        column, _ = self._focused()
        index = (lists.index(column) + delta) % len(lists) if column in lists else 0
        self._focus_column(lists[index])
        self._name_focused()

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
        self._name_focused()

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
        self._name_focused()

    def action_redo(self) -> None:
        """Redo the last undone change."""
        self.board.action_redo()
        assert self.board.editor is not None
        self.fill(keep=self.board.editor.cursor)
        self._name_focused()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """`enter`: back to the board at this item."""
        section, item = (event.option.id or "0:0").split(":")
        self.board.show_item((int(section), int(item)))
        self.dismiss(None)

    def action_back(self) -> None:
        """Back to the board with its focus on the card focused here (`escape`, `v`)."""
        assert self.board.editor is not None
        _, cursor = self._focused()
        if cursor is not None:
            self.board.editor.cursor = cursor
        self.dismiss(None)
