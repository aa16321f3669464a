"""The RAG board as one scrolling grid drawn line by line (fast for hundreds of items).

Only the rows on screen are drawn, so a key press costs the same for 30 items
or 3,000. The widget shows what it is given and moves its cursor; it posts
:class:`BoardView.CursorMoved` upward and never touches storage.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.text import truncate
from tui.core.action_plans import RATING_TITLES, ActionPlan, badge
from tui.core.board_editor import ITEM_FIELDS, Row

FLAG = "⚑"
"""Marks a red item with no comment (a plan must explain every red)."""

OUTSIDE_PERIOD = "⚠"
"""Marks focus years outside the plan's period (the detail pane and the counts line say it in words)."""


@dataclass(frozen=True)
class Column:
    """Where one field sits across a row: first cell and width."""

    x: int
    width: int


@dataclass(frozen=True)
class Needs:
    """How wide each text column's longest entry is (cells): the layout gives no column much more than it needs."""

    milestone: int = 1000
    comment: int = 1000
    owner: int = 1000
    focus: int = 1000


NO_NEEDS = Needs()
"""Needs large enough that every column keeps its default share."""

MIN_WIDTHS = {"milestone": 12, "comment": 9, "owner": 5, "focus": 5}
"""The narrowest each text column gets (its heading fits)."""


@lru_cache(maxsize=64)
def column_layout(width: int, needs: Needs = NO_NEEDS) -> dict[str, Column]:
    """The x and width of each field for a board ``width`` cells wide (80 columns and up).

    Owner and focus get a fixed width, or less when no entry needs it. Milestone and comment
    share the rest: on a narrow board the milestone gets a little more than half; it stops
    growing at 48 cells (or two fifths), so on a wide terminal the comment column takes the rest
    and most comments show in full. A column whose longest entry is shorter than its share
    gives the spare cells to the other.
    """
    owner_default, focus_default = (16, 14) if width >= 120 else (9, 10)
    owner = min(owner_default, max(MIN_WIDTHS["owner"], needs.owner))
    focus = min(focus_default, max(MIN_WIDTHS["focus"], needs.focus))
    x = 2
    layout = {"rag": Column(x, 3)}
    x += 4
    flexible = max(20, width - x - owner - focus - 3)
    milestone = min(flexible * 11 // 20, max(flexible * 2 // 5, 48))
    milestone_want = max(MIN_WIDTHS["milestone"], needs.milestone)
    comment_want = max(MIN_WIDTHS["comment"], needs.comment)
    if milestone_want < milestone:
        milestone = milestone_want if comment_want > flexible - milestone_want else max(milestone_want, flexible - comment_want)
    elif comment_want < flexible - milestone:
        milestone = flexible - comment_want
    layout["milestone"] = Column(x, milestone)
    x += milestone + 1
    layout["comment"] = Column(x, flexible - milestone)
    x += flexible - milestone + 1
    layout["owner"] = Column(x, owner)
    layout["focus"] = Column(x + owner + 1, focus)
    return layout


def plan_needs(plan: ActionPlan) -> Needs:
    """The widths the plan's longest milestone, comment, owner and focus years take on the board."""
    milestone = comment = owner = focus = 0
    for _, _, item in plan.items():
        milestone = max(milestone, cell_len(item.milestone) if "\n" not in item.milestone else 1000)
        if item.needs_comment:
            comment = max(comment, cell_len(NEEDS_COMMENT))
        elif item.comment:
            comment = max(comment, cell_len(item.comment) if "\n" not in item.comment else 1000, len(PRIVATE_COMMENT) if item.private else 0)
        owner = max(owner, cell_len(item.owner))
        if item.focus:
            focus = max(focus, len(focus_label(item.focus)) + 1)  # room for the outside-the-period mark
    return Needs(milestone, comment, owner, focus)


def focus_label(years: tuple[int, ...]) -> str:
    """Focus years compactly: runs of years as ranges (``2021-2023``), others listed."""
    if not years:
        return ""
    runs: list[list[int]] = [[years[0]]]
    for year in years[1:]:
        if year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return " ".join(f"{run[0]}-{run[-1]}" if len(run) > 1 else str(run[0]) for run in runs)


PRIVATE_COMMENT = "(private comment)"
"""What stands in for a private comment in presentation mode."""

NEEDS_COMMENT = "needs a comment: explain this red"
"""What the comment cell of a red item with no comment says."""

COLUMN_TITLES = {"rag": "RAG", "milestone": "Milestone", "comment": "Comment", "owner": "Owner", "focus": "Focus"}
"""The heading of each column."""


def header_line(width: int, needs: Needs = NO_NEEDS) -> str:
    """The column headings for a board ``width`` cells wide (laid out for ``needs``)."""
    line = [" "] * width
    for name, col in column_layout(width, needs).items():
        for offset, char in enumerate(truncate(COLUMN_TITLES[name], col.width, one_line=True, pad=True)):
            if col.x + offset < width:
                line[col.x + offset] = char
    return "".join(line).rstrip()


NO_COLOUR_IN_TEXT_COLOUR = frozenset({"red", "amber", "green", "flag"})
"""The components drawn in the text colour under ``NO_COLOR`` (else the theme's dark red would be a dim grey)."""


class BoardView(ScrollView, can_focus=True):
    """Section headings and items of a plan; the cursor is a row and a field."""

    DEFAULT_CSS = """
    BoardView { height: 1fr; background: $surface; }
    BoardView > .board--heading { text-style: bold; color: $text-accent; }
    BoardView > .board--cursor-row { background: $boost; }
    BoardView > .board--cursor-cell { background: $accent; color: $text; text-style: bold; }
    BoardView > .board--red { color: $error; text-style: bold reverse; }
    BoardView > .board--amber { color: $warning; text-style: bold; }
    BoardView > .board--green { color: $success; text-style: none; }
    BoardView > .board--none { color: $text-muted; }
    BoardView > .board--flag { color: $error; text-style: bold reverse; }
    BoardView > .board--muted { color: $text-muted; }
    """
    """Red is the most visible rating (reverse and bold), then amber (bold), then green (plain): with colour or
    without. Under ``NO_COLOR`` the ratings are drawn in the text colour, so none is dimmed to a dark grey
    (see :meth:`BoardView.style_of`)."""

    COMPONENT_CLASSES = {
        "board--heading", "board--cursor-row", "board--cursor-cell", "board--red", "board--amber",
        "board--green", "board--none", "board--flag", "board--muted",
    }

    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", id="board.up", show=False),
        Binding("down", "cursor(1)", "Down", id="board.down", show=False),
        Binding("left", "field(-1)", "Field left", id="board.left", show=False),
        Binding("right", "field(1)", "Field right", id="board.right", show=False),
        Binding("pageup", "page(-1)", "Page up", id="board.pageup", show=False),
        Binding("pagedown", "page(1)", "Page down", id="board.pagedown", show=False),
        Binding("home", "ends(0)", "First", id="board.home", show=False),
        Binding("end", "ends(1)", "Last", id="board.end", show=False),
    ]

    row_index: reactive[int] = reactive(0, layout=False, always_update=True)
    """The index of the cursor's row among the rows shown."""
    field_index: reactive[int] = reactive(1)
    """The index in ITEM_FIELDS of the cursor's field (milestone by default)."""

    class CursorMoved(Message):
        """The cursor is on another row or field."""

        def __init__(self, board: BoardView, row: Row | None, field: str) -> None:
            """The board, the row now under the cursor (None when the board is empty) and the field."""
            super().__init__()
            self.board = board
            self.row = row
            self.field = field

        @property
        def control(self) -> BoardView:
            """The board that sent the message (for ``@on(..., "#id")``)."""
            return self.board

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """An empty board; call :meth:`show` to fill it."""
        super().__init__(id=id)
        self.plan: ActionPlan | None = None
        self.needs = NO_NEEDS
        """The widths the plan's entries need (the columns are laid out for them)."""
        self.rows: list[Row] = []
        self.hide_private = False
        """Private comments are drawn as a placeholder (the screen sets this in presentation mode)."""
        self._styles: dict[str, Style] = {}
        """Component styles, looked up once per theme or CSS change (drawing is hot)."""

    def notify_style_update(self) -> None:
        """Forget the cached component styles when the theme or CSS changes."""
        self._styles = {}
        super().notify_style_update()

    def style_of(self, name: str) -> Style:
        """The Rich style of component class ``board--name`` (cached)."""
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"board--{name}")
            if name in NO_COLOUR_IN_TEXT_COLOUR and self.app.no_color:  # NO_COLOR: the text colour, set off by its style
                style += Style(color=self.rich_style.color)
            self._styles[name] = style
        return style

    # -- data --------------------------------------------------------------------
    def show(self, plan: ActionPlan, rows: list[Row], row_index: int) -> None:
        """Show ``rows`` of ``plan`` with the cursor on ``row_index`` (clamped)."""
        if plan is not self.plan:
            self.needs = plan_needs(plan)
        self.plan, self.rows = plan, rows
        self.virtual_size = Size(0, len(rows))  # rows are drawn to the width there is: never a sideways scroll bar
        self.row_index = max(0, min(row_index, len(rows) - 1))
        self.refresh()

    @property
    def row(self) -> Row | None:
        """The row under the cursor, or None when nothing is shown."""
        return self.rows[self.row_index] if 0 <= self.row_index < len(self.rows) else None

    @property
    def field(self) -> str:
        """The field under the cursor."""
        return ITEM_FIELDS[self.field_index]

    def watch_row_index(self, old: int, new: int) -> None:
        """Keep the cursor in view, redraw the two rows that changed, and tell the screen."""
        top = int(self.scroll_offset.y)
        self.scroll_to_region(Region(0, new, 1, 1), animate=False, force=True, immediate=True)
        if int(self.scroll_offset.y) == top:
            self.refresh_lines(old - top)
            self.refresh_lines(new - top)
        else:
            self.refresh()
        self.post_message(self.CursorMoved(self, self.row, self.field))

    def watch_field_index(self) -> None:
        """Redraw the cursor's row and tell the screen."""
        self.refresh_lines(self.row_index - int(self.scroll_offset.y))
        self.post_message(self.CursorMoved(self, self.row, self.field))

    # -- keys --------------------------------------------------------------------
    def action_cursor(self, delta: int) -> None:
        """Move the cursor up or down one row."""
        if self.rows:
            self.row_index = max(0, min(self.row_index + delta, len(self.rows) - 1))

    def action_field(self, delta: int) -> None:
        """Move the cursor to the field left or right."""
        self.field_index = max(0, min(self.field_index + delta, len(ITEM_FIELDS) - 1))

    def action_page(self, delta: int) -> None:
        """Move the cursor one screen up or down."""
        self.action_cursor(delta * max(1, self.scrollable_content_region.height - 1))

    def action_ends(self, end: int) -> None:
        """Move the cursor to the first or the last row."""
        if self.rows:
            self.row_index = len(self.rows) - 1 if end else 0

    # -- geometry ----------------------------------------------------------------
    def cell_region(self, field: str) -> Region:
        """Where the cursor's cell is on the screen (for an editor laid over it)."""
        region = self.scrollable_content_region
        y = region.y + self.row_index - int(self.scroll_offset.y)
        if field == "title":
            return Region(region.x + 2, y, max(20, region.width - 4), 1)
        col = column_layout(region.width, self.needs)[field]
        return Region(region.x + col.x, y, col.width, 1)

    # -- drawing -----------------------------------------------------------------
    def render_line(self, y: int) -> Strip:
        """One line of the board: a heading, an item, or blank below the last row."""
        index = y + int(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        if self.plan is None or not 0 <= index < len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        on_cursor = index == self.row_index
        base = self.rich_style + (self.style_of("cursor-row") if on_cursor else Style())
        segments = self._heading(row, width, base, on_cursor) if row.is_heading else self._item(row, width, base, on_cursor)
        return Strip(segments).adjust_cell_length(width, base)

    def _heading(self, row: Row, width: int, base: Style, on_cursor: bool) -> list[Segment]:
        """A section heading: its title and its counts by rating."""
        assert self.plan is not None
        section = self.plan.sections[row.section]
        counts = {r: sum(1 for item in section.items if item.rag == r) for r in ("red", "amber", "green", "")}
        summary = "  ".join(f"{badge(r)} {n}" for r, n in counts.items() if n)
        title_style = base + self.style_of("heading")
        if on_cursor:
            title_style += self.style_of("cursor-cell")
        text = f"▾ {section.title}"
        tail = f"  {len(section.items)} item{'s' if len(section.items) != 1 else ''}  {summary}"
        head = truncate(text, min(cell_len(text), width), one_line=True, pad=True)
        rest = truncate(tail.strip(), max(0, width - cell_len(head) - 2), one_line=True, pad=True)
        return [Segment(head, title_style), Segment("  " + rest, base + self.style_of("muted"))]

    def _item(self, row: Row, width: int, base: Style, on_cursor: bool) -> list[Segment]:
        """An item: flag, rating (letter and symbol), milestone, comment, owner, focus."""
        assert self.plan is not None
        item = self.plan.sections[row.section].items[row.item]
        layout = column_layout(width, self.needs)
        cursor_style = self.style_of("cursor-cell")
        rating_style = self.style_of(item.rag or "none")
        flag = Segment(FLAG, base + self.style_of("flag")) if item.needs_comment else Segment(" ", base)
        segments = [flag, Segment(" ", base)]
        texts = {
            "rag": badge(item.rag), "milestone": item.milestone, "comment": item.comment,
            "owner": item.owner, "focus": focus_label(item.focus),
        }
        outside = bool(item.focus) and bool(self.plan.years_outside_period(item))
        if outside:
            texts["focus"] = OUTSIDE_PERIOD + texts["focus"]
        x = 2
        for name in ("rag", "milestone", "comment", "owner", "focus"):
            col = layout[name]
            if col.x > x:
                segments.append(Segment(" " * (col.x - x), base))
            style = base + (rating_style if name == "rag" else self.style_of("amber") if name == "focus" and outside else Style())
            if name == "comment" and item.needs_comment:
                text, style = NEEDS_COMMENT, base + self.style_of("muted")
            elif name == "comment" and item.private and self.hide_private and item.comment:
                text, style = PRIVATE_COMMENT, base + self.style_of("muted")
            else:
                text = texts[name]
            if on_cursor and name == self.field:
                style = style + cursor_style
            segments.append(Segment(truncate(text, col.width, one_line=True, pad=True), style))
            x = col.x + col.width
        return segments

    def rating_title(self) -> str:
        """The cursor item's rating in words (for screen readers of the detail line)."""
        row = self.row
        if self.plan is None or row is None or row.is_heading:
            return ""
        return RATING_TITLES[self.plan.sections[row.section].items[row.item].rag]
