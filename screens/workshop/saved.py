"""The saved workshop sequences: open (back in the sequence editor), new, rename, delete (confirmed)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding

from screens.record_list import RecordListScreen
from styles import style_path
from tui.core.text import truncate
from tui.core.workshop import WorkshopSequence

NEW = -1
"""What the list dismisses with when `n` asks for a new sequence (otherwise: the id of the one to open)."""


class WorkshopListScreen(RecordListScreen[WorkshopSequence]):
    """Every saved workshop sequence, the most recently changed first; dismisses with the one to open (or :data:`NEW`)."""

    CSS_PATH = style_path("workshop.tcss")
    HELP_TITLE = "Saved workshops"
    HELP = """\
The workshop sequences kept under a name, the most recently changed first. `enter` opens the
highlighted one in the sequence (enter there presents it), `n` starts a new one, `r` renames it,
`d` deletes it after asking (the team profile and the action plan it shows are not touched).
"""

    BINDINGS = [
        Binding("enter", "open", "Open", id="workshop-list.open", tooltip="Open the highlighted workshop sequence"),
        Binding("n", "new", "New", id="workshop-list.new", tooltip="A new sequence with the default steps"),
        Binding("r", "rename", "Rename", id="workshop-list.rename", tooltip="Rename the highlighted sequence"),
        Binding("d", "delete", "Delete", id="workshop-list.delete", tooltip="Delete the highlighted sequence (after asking)"),
    ]

    AUTO_FOCUS = "#workshop-list-table"

    SCREEN_TITLE = "Saved workshops"
    LIST_TITLE = "Saved workshop sequences"
    TITLE_ID = "workshop-list-title"
    TABLE_ID = "workshop-list-table"
    EMPTY_ID = "workshop-list-empty"
    EMPTY_TEXT = "No saved workshop yet: s in the sequence keeps one under a name."
    COLUMNS = ("Name", "Framework", "Steps", "Changed")

    def __init__(self, current_id: int | None = None) -> None:
        """The saved sequences, ``current_id`` (the one open) highlighted."""
        super().__init__()
        self.current_id = current_id

    def first_highlight(self) -> int | None:
        """The sequence open in the editor."""
        return self.current_id

    def load_records(self) -> list[WorkshopSequence]:
        """Every saved sequence, the most recently changed first."""
        return self.context.workshops.list()

    def ordered_ids(self) -> Sequence[int]:
        """Every saved sequence's id, the most recently changed first (none built; the same list while none changed)."""
        return self.context.workshops.ordered_ids()

    def load_page(self, ids: Sequence[int]) -> list[WorkshopSequence]:
        """The sequences with these ids, in that order."""
        return self.context.workshops.page(ids)

    def record_id(self, record: WorkshopSequence) -> int:
        """The sequence's id."""
        return record.id

    def row_cells(self, record: WorkshopSequence) -> tuple[str | Text, ...]:
        """Name, framework, number of steps, when it last changed."""
        return (Text(truncate(record.name, 36, one_line=True)), record.framework_id, str(len(record.steps)),
                record.updated[:16].replace("T", " "))

    def fetch_record(self, record_id: int) -> WorkshopSequence | None:
        """The sequence as stored now."""
        return self.context.workshops.get(record_id)

    def record_gone(self, record_id: int) -> None:
        """Say so and list the sequences again."""
        self.notify("That workshop sequence no longer exists.", severity="warning")
        self.refresh_records()

    def open_record(self, record: WorkshopSequence) -> None:
        """Back to the sequence editor with the sequence to open."""
        self.dismiss(record.id)  # type: ignore[arg-type]

    def action_new(self) -> None:
        """Back to the sequence editor with the default steps."""
        self.dismiss(NEW)  # type: ignore[arg-type]

    def rename_record(self, record: WorkshopSequence) -> None:
        """Ask the new name and store it."""
        self.ask_name(record.id, record.name, self.context.workshops.rename, "workshop")

    def delete_question(self, record: WorkshopSequence) -> str:
        """Name the sequence."""
        return f"Delete the workshop sequence “{record.name}” ({len(record.steps)} steps)? Its team profile and action plan stay."

    def delete_record(self, record: WorkshopSequence) -> None:
        """Delete the sequence, unless it went meanwhile."""
        if self.context.workshops.get(record.id) is not None:
            self.context.workshops.delete(record.id)
