"""The evidence-note dialog of the level finder: one line of text for one exemplar."""

from __future__ import annotations

from textual.binding import Binding

from screens.dialogs.text_input import TextDialog

NOTE_LIMIT = 500
"""The longest note accepted, in characters."""


def note_problem(note: str) -> str | None:
    """Why ``note`` cannot be kept (it is too long), or None when it can."""
    if len(note) > NOTE_LIMIT:
        return f"The note is {len(note)} characters; at most {NOTE_LIMIT} are kept. Shorten it."
    return None


class NoteDialog(TextDialog):
    """Type or change the evidence note; `enter` keeps it (empty clears it), `escape` cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="note.cancel", tooltip="Close without changing the note")]

    def __init__(self, exemplar: str, note: str) -> None:
        """Edit the note of ``exemplar``, starting from ``note``."""
        super().__init__(
            "Evidence note", note, "enter keeps the note (empty removes it) · escape cancels",
            placeholder="what shows it (optional)", prompt=exemplar, check=note_problem,
            private=True, dialog_id="note-dialog", input_id="note-input", error_id="note-error", select_on_focus=True,
        )
        self.exemplar = exemplar
        self.note = note
