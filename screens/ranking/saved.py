"""The saved rankings of a framework: open, start, rename, duplicate and delete them."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from screens.ranking.details import RankingDetails, RankingDetailsDialog
from screens.record_list import RecordListScreen
from styles import style_path
from tui.core.rankings import RankError, Ranking, rows
from tui.core.text import truncate


NARROW_NAME = 22
"""Cells of a ranking's name on a narrow terminal (below ``WIDE_LIST`` columns)."""

NARROW_FIRST = 16
"""Cells of the first areas on a narrow terminal."""


def shorten(text: str, width: int) -> Text:
    """One line of at most ``width`` cells, an ellipsis marking a cut."""
    return Text(truncate(text, width, one_line=True))


class RankingListScreen(RecordListScreen[Ranking]):
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

    SCREEN_TITLE = "Saved rankings"
    TITLE_ID = "rankings-title"
    TABLE_ID = "rankings-table"
    EMPTY_ID = "rankings-empty"
    EMPTY_TEXT = "No saved ranking yet: press n to start one."
    EMPTY_ABOVE_TABLE = True
    COLUMNS = ("Name", "Date", "First", "Notes", "Changed")
    NARROW_COLUMNS = ("Name", "Date", "First", "Notes")  # no "Changed", so the notes show at 80 columns

    def __init__(self, framework_id: str, current_id: int | None = None) -> None:
        """The rankings of ``framework_id``; ``current_id`` (the one being edited) is highlighted."""
        super().__init__()
        self.framework_id = framework_id
        self.current_id = current_id

    def list_title(self) -> str:
        """``Rankings of`` the framework's title."""
        framework = self.context.catalog.get(self.framework_id)
        return f"Rankings of {framework.title if framework else self.framework_id}"

    def first_highlight(self) -> int | None:
        """The ranking being edited when the list was opened."""
        return self.current_id

    def load_records(self) -> list[Ranking]:
        """The framework's rankings, the most recently changed first."""
        return self.context.rankings.list(self.framework_id)

    def ordered_ids(self) -> Sequence[int]:
        """The framework's rankings' ids, the most recently changed first (no ranking built; the same list while none changed)."""
        return self.context.rankings.ordered_ids(self.framework_id)

    def load_page(self, ids: Sequence[int]) -> list[Ranking]:
        """The rankings with these ids, in that order."""
        return self.context.rankings.page(ids)

    def record_id(self, record: Ranking) -> int:
        """The ranking's id."""
        return record.id

    def row_cells(self, record: Ranking) -> tuple[str | Text, ...]:
        """Name, date, the first area(s), notes and (from 120 columns) when it changed, long texts shortened with `…`."""
        notes = self.shown("ranking", "notes", record.notes)
        if self.narrow():  # the notes get what the name, the date, the first areas and the gaps leave
            room = self.app.size.width - NARROW_NAME - 10 - NARROW_FIRST - 12
            return (shorten(record.name, NARROW_NAME), record.date, self.first_text(record, NARROW_FIRST),
                    shorten(notes, max(12, room)))
        return (shorten(record.name, 34), record.date, self.first_text(record), shorten(notes, 30),
                record.updated[:16].replace("T", " "))

    def fetch_record(self, record_id: int) -> Ranking | None:
        """The ranking as stored now."""
        return self.context.rankings.get(record_id)

    def show_empty(self, empty: bool) -> None:
        """The line above the table says there are none (and is blank otherwise)."""
        self.query_one(f"#{self.EMPTY_ID}", Static).update(self.EMPTY_TEXT if empty else "")

    def nothing_highlighted(self) -> None:
        """Say there is no ranking yet."""
        self.notify(self.EMPTY_TEXT, timeout=3)

    def record_gone(self, record_id: int) -> None:
        """Say so and list the rankings again."""
        self.notify("That ranking no longer exists.", severity="warning")
        self.refresh_records()

    def first_text(self, ranking: Ranking, width: int = 24) -> Text:
        """The area(s) at rank 1, shortened to ``width`` cells."""
        framework = self.context.catalog.get(self.framework_id)
        groups = ranking.ordered(framework) if framework else ranking.groups
        firsts = [r.area_id for r in rows(groups) if r.rank == 1]
        labels: list[str] = []
        for area_id in firsts:
            area = framework.area(area_id) if framework else None
            labels.append(area.label if area else area_id)
        return shorten(" = ".join(labels), width)

    def open_record(self, record: Ranking) -> None:
        """Close the list with the ranking to open."""
        self.dismiss(record.id)  # type: ignore[arg-type]

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

    def rename_record(self, record: Ranking) -> None:
        """Change the ranking's name, date and notes."""

        def given(details: RankingDetails | None) -> None:
            """Store the new details."""
            if details is None:
                return
            try:
                self.context.rankings.set_details(record.id, details.name, details.date, details.notes)
            except RankError as problem:
                self.notify(str(problem), title="Not saved", severity="error")
                return
            self.refresh_records(record.id)
            self.mark_saved()

        self.app.push_screen(RankingDetailsDialog(f"Rename '{record.name}'", record.name, record.date, record.notes), given)

    def action_duplicate(self) -> None:
        """Copy the highlighted ranking as "Copy of ..."."""
        ranking = self.highlighted()
        if ranking is None:
            return
        try:
            copy = self.context.rankings.duplicate(ranking.id)
        except RankError as problem:
            self.notify(str(problem), title="Not saved", severity="error")
            return
        self.refresh_records(copy.id)
        self.mark_saved()
        self.notify(f"Duplicated as '{copy.name}'. Press r to rename it.", timeout=4)

    def delete_question(self, record: Ranking) -> str:
        """Name the ranking and its date."""
        return f"Delete the ranking '{record.name}' ({record.date})?"

    def delete_record(self, record: Ranking) -> None:
        """Delete the ranking, unless it went meanwhile."""
        if self.context.rankings.get(record.id) is not None:
            self.context.rankings.delete(record.id)
