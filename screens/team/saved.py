"""The saved team profiles: open, rename, delete (confirmed) and compare two of one framework.

They are listed here and in home's "Your work" (kind "team profile"), never among the
facilitator's own wheels.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static

from screens.record_list import RecordListScreen
from styles import style_path
from tui.core.team_profiles import SavedTeamProfile
from tui.core.text import truncate


NEW = -1
"""What the list dismisses with when `n` asks for a new profile (otherwise: the id of the one to open)."""


class TeamProfileListScreen(RecordListScreen[SavedTeamProfile]):
    """Every saved team profile, the newest first; dismisses with the one to open (or :data:`NEW`)."""

    CSS_PATH = style_path("team.tcss")
    HELP_TITLE = "Saved team profiles"
    HELP = """\
The team profiles saved from the team room, the newest first. Each keeps the counts of files,
the minimum group and each used file's ratings (no notes, no file names); the values are
computed again when it is opened, with the same "fewer than N" rule.
`enter` opens the highlighted profile, `c` compares it with an earlier one of the same framework
(the team a year on), `n` reads new share files, `r` renames it, `d` deletes it after asking.
"""

    BINDINGS = [
        Binding("enter", "open", "Open", id="team-list.open", tooltip="Open the highlighted team profile"),
        Binding("c", "compare", "Compare", id="team-list.compare", tooltip="Compare with an earlier profile of the same framework"),
        Binding("n", "new", "New", id="team-list.new", tooltip="Read a team's share files into a new profile"),
        Binding("r", "rename", "Rename", id="team-list.rename", tooltip="Rename the highlighted team profile"),
        Binding("d", "delete", "Delete", id="team-list.delete", tooltip="Delete the highlighted team profile (after asking)"),
    ]

    AUTO_FOCUS = "#team-profiles-table"

    SCREEN_TITLE = "Saved team profiles"
    LIST_TITLE = "Saved team profiles (apart from your own wheels)"
    TITLE_ID = "team-profiles-title"
    TABLE_ID = "team-profiles-table"
    EMPTY_ID = "team-profiles-empty"
    EMPTY_TEXT = "No saved team profile yet: read a team's share files (n) and save the profile (s)."
    EMPTY_ABOVE_TABLE = True
    COLUMNS = ("Name", "Framework", "Files used", "Min group", "Saved")

    def __init__(self, current_id: int | None = None) -> None:
        """The saved profiles, ``current_id`` (the one open in the team room) highlighted."""
        super().__init__()
        self.current_id = current_id

    def first_highlight(self) -> int | None:
        """The profile open in the team room."""
        return self.current_id

    def load_records(self) -> list[SavedTeamProfile]:
        """Every saved profile, the newest first."""
        return self.context.team_profiles.list()

    def ordered_ids(self) -> Sequence[int]:
        """Every saved profile's id, the newest first (no profile built; the same list while none changed)."""
        return self.context.team_profiles.ordered_ids()

    def load_page(self, ids: Sequence[int]) -> list[SavedTeamProfile]:
        """The profiles with these ids, in that order."""
        return self.context.team_profiles.page(ids)

    def record_id(self, record: SavedTeamProfile) -> int:
        """The profile's id."""
        return record.id

    def row_cells(self, record: SavedTeamProfile) -> tuple[str | Text, ...]:
        """Name, framework, files used of given, minimum group, when it was saved."""
        return (Text(truncate(record.name, 36, one_line=True)), record.framework_id,
                f"{record.files_used} of {record.files_total}", str(record.min_group), record.created[:16].replace("T", " "))

    def fetch_record(self, record_id: int) -> SavedTeamProfile | None:
        """The profile as stored now."""
        return self.context.team_profiles.get(record_id)

    def show_empty(self, empty: bool) -> None:
        """The line above the table says there are none (and is blank otherwise)."""
        self.query_one(f"#{self.EMPTY_ID}", Static).update(self.EMPTY_TEXT if empty else "")

    def nothing_highlighted(self) -> None:
        """Say there is no saved profile yet."""
        self.notify(self.EMPTY_TEXT, timeout=3)

    def record_gone(self, record_id: int) -> None:
        """Say so and list the profiles again."""
        self.notify("That team profile no longer exists.", severity="warning")
        self.refresh_records()

    def open_record(self, record: SavedTeamProfile) -> None:
        """Back to the team room with the profile to open."""
        self.dismiss(record.id)  # type: ignore[arg-type]

    def action_new(self) -> None:
        """Back to the team room, to read new share files."""
        self.dismiss(NEW)  # type: ignore[arg-type]

    def rename_record(self, record: SavedTeamProfile) -> None:
        """Ask the new name and store it."""
        self.ask_name(record.id, record.name, self.context.team_profiles.rename, "team")

    def delete_question(self, record: SavedTeamProfile) -> str:
        """Name the profile and when it was saved."""
        return f"Delete the saved team profile “{record.name}” ({record.created[:10]})? The share files are not touched."

    def delete_record(self, record: SavedTeamProfile) -> None:
        """Delete the profile, unless it went meanwhile."""
        if self.context.team_profiles.get(record.id) is not None:
            self.context.team_profiles.delete(record.id)

    def action_compare(self) -> None:
        """Compare the highlighted profile (B) with the one saved before it of the same framework (A)."""
        from screens.team.compare import TeamCompareScreen

        later = self.highlighted()
        if later is None:
            return
        same = [p for p in self.context.team_profiles.list(later.framework_id) if p.id != later.id]
        if not same:
            self.notify(f"There is no other saved team profile of {later.framework_id} to compare with.", timeout=4)
            return
        earlier = next((p for p in same if (p.created, p.id) < (later.created, later.id)), same[0])
        first, second = sorted((earlier, later), key=lambda p: (p.created, p.id))
        self.app.push_screen(TeamCompareScreen(later.framework_id, first.id, second.id))
