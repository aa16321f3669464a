"""A yes/no question asked before anything is deleted or replaced."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from screens.base import FramewheelDialog


class ConfirmDialog(FramewheelDialog[bool]):
    """Dismisses with True when the person confirms, False otherwise (`y`/`n`, `escape`)."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n", "answer(False)", "No", id="confirm.no"),
        Binding("escape", "answer(False)", "Cancel", id="confirm.cancel"),
    ]

    def __init__(self, question: str, yes: str = "Delete", no: str = "Keep") -> None:
        """A question and the words on its two buttons."""
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        """The question and two buttons; the safe one has the focus."""
        with Vertical(id="dialog", classes="dialog"):
            yield Label(self.question, id="question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(f"{self.yes} (y)", variant="error", id="yes")
                yield Button(f"{self.no} (n)", variant="primary", id="no")

    def on_mount(self) -> None:
        """Focus the button that changes nothing."""
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        """Confirm."""
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        """Decline."""
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        """Answer by key."""
        self.dismiss(answer)
