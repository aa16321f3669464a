"""The evidence-note dialog of the level finder: one line of text for one exemplar."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

NOTE_LIMIT = 500
"""The longest note accepted, in characters."""


class NoteDialog(ModalScreen["str | None"]):
    """Type or change the evidence note; `enter` keeps it (empty clears it), `escape` cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel")]

    def __init__(self, exemplar: str, note: str) -> None:
        """Edit the note of ``exemplar``, starting from ``note``."""
        super().__init__()
        self.exemplar = exemplar
        self.note = note

    def compose(self) -> ComposeResult:
        """The exemplar, the note box and a hint."""
        with Vertical(id="note-dialog", classes="dialog"):
            yield Label("Evidence note", classes="dialog-title")
            yield Label(self.exemplar)
            yield Input(self.note, placeholder="what shows it (optional)", id="note-input")
            yield Label("", id="note-error")
            yield Label("enter keeps the note (empty removes it) · escape cancels", classes="dialog-hint")

    @on(Input.Submitted, "#note-input")
    def _submitted(self, event: Input.Submitted) -> None:
        """Keep the note, unless it is too long (then say so and change nothing)."""
        if len(event.value) > NOTE_LIMIT:
            self.query_one("#note-error", Label).update(f"The note is {len(event.value)} characters; at most {NOTE_LIMIT} are kept. Shorten it.")
            return
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Close without changing the note."""
        self.dismiss(None)
