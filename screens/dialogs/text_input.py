"""A one-line text question in a dialog (a wheel's label, an area's note): `enter` keeps, `escape` cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class TextDialog(ModalScreen["str | None"]):
    """Dismisses with the text typed (`enter`), or None when cancelled (`escape`)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="text_dialog.cancel")]

    def __init__(self, title: str, value: str = "", hint: str = "", placeholder: str = "") -> None:
        """A title, the current text, and a hint line under the field."""
        super().__init__()
        self.title_text, self.value, self.hint, self.placeholder = title, value, hint, placeholder

    def compose(self) -> ComposeResult:
        """Title, the field and the hint."""
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            yield Input(self.value, placeholder=self.placeholder, id="text-dialog-input", select_on_focus=False)
            yield Label(self.hint or "enter keeps it · escape cancels", classes="dialog-hint")

    @on(Input.Submitted, "#text-dialog-input")
    def _keep(self, event: Input.Submitted) -> None:
        """Keep the text."""
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Change nothing."""
        self.dismiss(None)
