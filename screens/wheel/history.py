"""Wheel history (`h` from home): every wheel kept, with its date, label and how complete it is."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Label, Static

from screens.base import FramewheelScreen
from styles import style_path
from tui.core.wheels import Assessment


def completeness_text(wheel: Assessment, cells_rated: int, cells: int) -> str:
    """``17/24  71%`` (or ``-`` when the framework is not loaded)."""
    if cells == 0:
        return "-"
    return f"{cells_rated}/{cells} {round(100 * cells_rated / cells):>3}%"


class HistoryScreen(FramewheelScreen):
    """The list of wheels, newest first: open, start new, rename, delete, summarise, compare."""

    CSS_PATH = style_path("wheel.tcss")
    HELP_TITLE = "Wheel history"
    HELP = """\
Every wheel you have kept, newest first, with the date it was started, its label and how much of it
is rated. `enter` opens the highlighted wheel to go on rating it. `n` starts a blank wheel for the
chosen framework; `c` starts one from last time (a copy of your latest wheel's ratings and notes, to
change what has moved). `r` renames, `d` deletes (after asking), `s` shows the summary and `v`
compares the highlighted wheel with an earlier one.
"""

    BINDINGS = [
        Binding("enter", "open", "Open", id="history.open"),
        Binding("n", "new", "New", id="history.new"),
        Binding("c", "copy_last", "From last time", id="history.copy"),
        Binding("r", "rename", "Rename", id="history.rename"),
        Binding("d", "delete", "Delete", id="history.delete"),
        Binding("s", "summary", "Summary", id="history.summary"),
        Binding("v", "compare", "Compare", id="history.compare"),
    ]

    def compose(self) -> ComposeResult:
        """Header, title, the table (or a hint when empty), footer."""
        yield Header()
        yield Label("Your wheels", classes="panel-title")
        yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
        yield Static("No wheels yet: n starts one, or w from the home screen.", id="history-empty")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table."""
        self.title = "Wheel history"
        table = self.query_one("#history-table", DataTable)
        table.add_columns("Date", "Label", "Framework", "Rated")
        self.refresh_list()
        table.focus()

    def on_screen_resume(self) -> None:
        """A wheel may have changed while it was open."""
        self.refresh_list()

    def refresh_list(self, select: int | None = None) -> None:
        """List the wheels, keeping the cursor on ``select`` (a wheel id) or where it was."""
        table = self.query_one("#history-table", DataTable)
        current = select if select is not None else self.selected_id()
        self._wheels = self.context.assessments.list()
        table.clear()
        for wheel in self._wheels:
            framework = self.context.catalog.get(wheel.framework_id)
            cells = len(framework.areas) * len(framework.series) if framework else 0
            rated = wheel.rated_count(framework) if framework else 0
            table.add_row(
                wheel.created[:10], wheel.label, wheel.framework_id, completeness_text(wheel, rated, cells),
                key=str(wheel.id),
            )
        empty = not self._wheels
        self.query_one("#history-empty", Static).display = empty
        table.display = not empty
        ids = [w.id for w in self._wheels]
        if current in ids:
            table.move_cursor(row=ids.index(current))

    def selected_id(self) -> int | None:
        """The id of the highlighted wheel, or None when there are none."""
        table = self.query_one("#history-table", DataTable)
        wheels = getattr(self, "_wheels", [])
        if not wheels or table.cursor_row is None or not 0 <= table.cursor_row < len(wheels):
            return None
        return wheels[table.cursor_row].id

    def _selected(self) -> Assessment | None:
        """The highlighted wheel, telling the person when there is none."""
        wheel_id = self.selected_id()
        wheel = self.context.assessments.get(wheel_id) if wheel_id is not None else None
        if wheel is None:
            self.notify("No wheel is highlighted: n starts one.", severity="warning")
        return wheel

    @on(DataTable.RowSelected, "#history-table")
    def _row_chosen(self) -> None:
        """`enter` on a row opens it."""
        self.action_open()

    def action_open(self) -> None:
        """Open the highlighted wheel."""
        from screens.wheel.open import wheel_screen

        wheel = self._selected()
        if wheel is not None:
            self.app.push_screen(wheel_screen(self.context, wheel.id))

    def action_new(self) -> None:
        """Start a blank wheel for the chosen framework."""
        from screens.wheel.open import wheel_screen

        wheel = self.context.assessments.create(self.context.framework)
        self.refresh_list(select=wheel.id)
        self.app.push_screen(wheel_screen(self.context, wheel.id, discard_if_empty=True))

    def action_copy_last(self) -> None:
        """Start from last time: a new wheel with the latest wheel's ratings and notes."""
        from screens.wheel.open import wheel_screen

        framework = self.context.framework
        last = self.context.assessments.latest(framework.id)
        if last is None:
            self.notify(f"There is no earlier wheel for {framework.title} to start from; n starts a blank one.", severity="warning")
            return
        wheel = self.context.assessments.create(framework, copy_from=last)
        self.mark_saved("Copied")
        self.refresh_list(select=wheel.id)
        self.notify(f"Started from “{last.label}”.", timeout=3)
        self.app.push_screen(wheel_screen(self.context, wheel.id))

    def action_rename(self) -> None:
        """Give the highlighted wheel a new label."""
        from screens.dialogs.text_input import TextDialog

        wheel = self._selected()
        if wheel is None:
            return

        def keep(label: str | None) -> None:
            """Save the label unless cancelled or empty."""
            if label is None:
                return
            if not label.strip():
                self.notify("A wheel needs a label; it was not renamed.", severity="warning")
                return
            self.context.assessments.rename(wheel.id, label)
            self.mark_saved("Renamed")
            self.refresh_list(select=wheel.id)

        self.app.push_screen(TextDialog("Rename wheel", wheel.label, placeholder="Label"), keep)

    def action_delete(self) -> None:
        """Delete the highlighted wheel after asking."""
        from screens.dialogs.confirm import ConfirmDialog

        wheel = self._selected()
        if wheel is None:
            return

        def answer(yes: bool | None) -> None:
            """Delete only on yes."""
            if yes:
                self.context.assessments.delete(wheel.id)
                self.mark_saved("Deleted")
                self.refresh_list()

        self.app.push_screen(ConfirmDialog(f"Delete the wheel “{wheel.label}” of {wheel.created[:10]}?"), answer)

    def action_summary(self) -> None:
        """The summary of the highlighted wheel."""
        from screens.wheel.summary import SummaryScreen

        wheel = self._selected()
        framework = self.context.catalog.get(wheel.framework_id) if wheel else None
        if wheel is not None and framework is None:
            self.notify(f"The framework '{wheel.framework_id}' is not loaded.", severity="error")
        elif wheel is not None and framework is not None:
            self.app.push_screen(SummaryScreen(wheel.id, framework))

    def action_compare(self) -> None:
        """Compare the highlighted wheel with the one before it (both can be changed there)."""
        from screens.wheel.compare import CompareScreen

        wheel = self._selected()
        if wheel is None:
            return
        same = [w for w in self._wheels if w.framework_id == wheel.framework_id]
        if len(same) < 2 or self.context.catalog.get(wheel.framework_id) is None:
            self.notify("Comparing needs two wheels of the same framework.", severity="warning")
            return
        index = [w.id for w in same].index(wheel.id)
        earlier = same[index + 1] if index + 1 < len(same) else same[index - 1]
        self.app.push_screen(CompareScreen(wheel.framework_id, earlier.id, wheel.id))
