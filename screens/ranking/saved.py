"""The saved rankings of a framework: open, start, rename, duplicate and delete them."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Label, Static

from screens.base import FramewheelScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.ranking.details import RankingDetails, RankingDetailsDialog
from styles import style_path
from tui.core.rankings import RankError, Ranking, rows


def shorten(text: str, width: int) -> Text:
    """One line of at most ``width`` characters, an ellipsis marking a cut."""
    line = " ".join(text.split())
    return Text(line if len(line) <= width else line[: width - 1] + "…")


class RankingListScreen(FramewheelScreen):
    """The named rankings of one framework, most recently changed first; dismisses with the one to open."""

    CSS_PATH = style_path("ranking.tcss")
    HELP_TITLE = "Saved rankings"
    HELP = """\
The rankings saved for this framework, the most recently changed first. Each has a name
(the team or the context), a date and notes. `enter` opens the highlighted ranking, `n` starts
a new one, `r` renames it (and changes its date and notes), `c` duplicates it (to try another
order without losing this one), `d` deletes it after asking.
"""

    BINDINGS = [
        Binding("enter", "open", "Open", id="ranking-list.open"),
        Binding("n", "new", "New", id="ranking-list.new"),
        Binding("r", "rename", "Rename", id="ranking-list.rename"),
        Binding("c", "duplicate", "Duplicate", id="ranking-list.duplicate"),
        Binding("d", "delete", "Delete", id="ranking-list.delete"),
    ]

    AUTO_FOCUS = "#rankings-table"

    def __init__(self, framework_id: str, current_id: int | None = None) -> None:
        """The rankings of ``framework_id``; ``current_id`` (the one being edited) is highlighted."""
        super().__init__()
        self.framework_id = framework_id
        self.current_id = current_id

    def compose(self) -> ComposeResult:
        """Header, the table of rankings (or a line saying there are none), footer."""
        yield Header()
        yield Label("", id="rankings-title", classes="panel-title")
        yield Static("", id="rankings-empty")
        yield DataTable(id="rankings-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table."""
        self.title = "Saved rankings"
        framework = self.context.catalog.get(self.framework_id)
        name = framework.title if framework else self.framework_id
        self.query_one("#rankings-title", Label).update(f"Rankings of {name}")
        self.query_one("#rankings-table", DataTable).add_columns("Name", "Date", "First", "Notes", "Changed")
        self.refresh_table(self.current_id)

    def refresh_table(self, highlight: int | None = None) -> None:
        """List the rankings again, keeping ``highlight`` (a ranking id) under the cursor."""
        table = self.query_one("#rankings-table", DataTable)
        rankings = self.context.rankings.list(self.framework_id)
        table.clear()
        for ranking in rankings:
            table.add_row(
                shorten(ranking.name, 34), ranking.date, self.first_text(ranking), shorten(ranking.notes, 30),
                ranking.updated[:16].replace("T", " "), key=str(ranking.id),
            )
        self.query_one("#rankings-empty", Static).update(
            "" if rankings else "No saved ranking yet: press n to start one."
        )
        index = next((i for i, r in enumerate(rankings) if r.id == highlight), 0)
        if rankings:
            table.move_cursor(row=index)

    def first_text(self, ranking: Ranking) -> Text:
        """The area(s) at rank 1, shortened."""
        framework = self.context.catalog.get(self.framework_id)
        groups = ranking.ordered(framework) if framework else ranking.groups
        firsts = [r.area_id for r in rows(groups) if r.rank == 1]
        labels = [(framework.area(a).label if framework and framework.area(a) else a) for a in firsts]  # type: ignore[union-attr]
        return shorten(" = ".join(labels), 24)

    def selected(self) -> Ranking | None:
        """The highlighted ranking, or None (with a message) when there is none."""
        table = self.query_one("#rankings-table", DataTable)
        if table.row_count == 0:
            self.notify("No saved ranking yet: press n to start one.", timeout=3)
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        ranking = self.context.rankings.get(int(key or 0))
        if ranking is None:
            self.notify("That ranking no longer exists.", severity="warning")
            self.refresh_table()
        return ranking

    @on(DataTable.RowSelected, "#rankings-table")
    def action_open(self) -> None:
        """Open the highlighted ranking."""
        ranking = self.selected()
        if ranking is not None:
            self.dismiss(ranking.id)  # type: ignore[arg-type]

    def action_new(self) -> None:
        """Ask a name, date and notes, then open the new ranking."""
        self.app.push_screen(RankingDetailsDialog("New ranking", "", date.today().isoformat()), self._new_given)

    def _new_given(self, details: RankingDetails | None) -> None:
        """Create the ranking and open it."""
        framework = self.context.catalog.get(self.framework_id)
        if details is None or framework is None:
            return
        try:
            ranking = self.context.rankings.create(framework, details.name, day=details.date, notes=details.notes)
        except RankError as problem:
            self.notify(str(problem), title="Not saved", severity="error")
            return
        self.dismiss(ranking.id)  # type: ignore[arg-type]

    def action_rename(self) -> None:
        """Change the highlighted ranking's name, date and notes."""
        ranking = self.selected()
        if ranking is None:
            return

        def given(details: RankingDetails | None) -> None:
            """Store the new details."""
            if details is None:
                return
            try:
                self.context.rankings.set_details(ranking.id, details.name, details.date, details.notes)
            except RankError as problem:
                self.notify(str(problem), title="Not saved", severity="error")
                return
            self.refresh_table(ranking.id)
            self.mark_saved()

        self.app.push_screen(RankingDetailsDialog(f"Rename '{ranking.name}'", ranking.name, ranking.date, ranking.notes), given)

    def action_duplicate(self) -> None:
        """Copy the highlighted ranking as "Copy of ..."."""
        ranking = self.selected()
        if ranking is None:
            return
        try:
            copy = self.context.rankings.duplicate(ranking.id)
        except RankError as problem:
            self.notify(str(problem), title="Not saved", severity="error")
            return
        self.refresh_table(copy.id)
        self.mark_saved()
        self.notify(f"Duplicated as '{copy.name}'. Press r to rename it.", timeout=4)

    def action_delete(self) -> None:
        """Delete the highlighted ranking after asking."""
        ranking = self.selected()
        if ranking is None:
            return

        def answered(yes: bool | None) -> None:
            """Delete when confirmed."""
            if not yes:
                return
            if self.context.rankings.get(ranking.id) is not None:
                self.context.rankings.delete(ranking.id)
            self.refresh_table()
            self.mark_saved("Deleted")

        self.app.push_screen(ConfirmDialog(f"Delete the ranking '{ranking.name}' ({ranking.date})?"), answered)
