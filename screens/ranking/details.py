"""The dialog that names a ranking: its name (team or context), date and notes."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label, TextArea

from screens.base import FramewheelDialog
from styles import style_path
from tui.core.rankings import RankError, check_date
from tui.widgets.typed_text import TypedInput, TypedTextArea, typed_fields_changed


@dataclass(frozen=True)
class RankingDetails:
    """What the dialog gives back: a checked name, date and notes."""

    name: str
    date: str
    notes: str


class RankingDetailsDialog(FramewheelDialog[RankingDetails | None]):
    """Name, date and notes of a ranking; `enter` in a field or `ctrl+s` is done, `escape` cancels."""

    CSS_PATH = style_path("ranking.tcss")

    BINDINGS = [
        Binding("ctrl+s", "done", "Done", id="ranking-details.done"),
        Binding("escape", "cancel", "Cancel", id="ranking-details.cancel"),
    ]

    def __init__(self, title: str, name: str, day: str, notes: str = "") -> None:
        """A dialog titled ``title`` filled with the current values."""
        super().__init__()
        self.dialog_title = title
        self.initial = RankingDetails(name, day, notes)

    def compose(self) -> ComposeResult:
        """Three labelled fields, an error line and two buttons."""
        with Vertical(id="ranking-details", classes="dialog"):
            yield Label(self.dialog_title, classes="dialog-title")
            yield Label("Name (the team or the context)")
            yield TypedInput(self.initial.name, placeholder="e.g. Student services team", id="details-name")
            yield Label("Date (YYYY-MM-DD)")
            yield TypedInput(self.initial.date, placeholder="2026-11-24", id="details-date")
            yield Label("Notes", classes="private")
            yield TypedTextArea(self.initial.notes, id="details-notes", soft_wrap=True, classes="private")
            yield Label("The notes are private: hidden while presenting, and kept as they are.", classes="presenting-only")
            yield Label("", id="details-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Done (ctrl+s)", variant="primary", id="details-done")
                yield Button("Cancel (esc)", id="details-cancel")

    def on_mount(self) -> None:
        """Start in the name field."""
        self.query_one("#details-name", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#details-done")
    def action_done(self) -> None:
        """Check the fields; close with them, or say what is wrong and stay."""
        name = self.query_one("#details-name", Input).value.strip()
        error = self.query_one("#details-error", Label)
        if not name:
            error.update("Name: a ranking needs a name (the team or the context).")
            self.query_one("#details-name", Input).focus()
            return
        try:
            day = check_date(self.query_one("#details-date", Input).value)
        except RankError as problem:
            error.update(str(problem))
            self.query_one("#details-date", Input).focus()
            return
        self.dismiss(RankingDetails(name, day, self.query_one("#details-notes", TextArea).text.strip()))

    def typed_text(self) -> str:
        """What is typed and not kept (asked about on quitting), else ""."""
        return self.dialog_title if self.is_mounted and typed_fields_changed(self) else ""

    def keep_typed_text(self) -> bool:
        """Keep the form as its keep key would (quitting); False when it is refused (the form says why)."""
        self.action_done()
        return self not in self.app.screen_stack

    @on(Button.Pressed, "#details-cancel")
    def action_cancel(self) -> None:
        """Close without changing anything."""
        self.dismiss(None)
