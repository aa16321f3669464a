"""The problems of a catalogue CSV that was not imported, one a line, each with its line and column."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from screens.base import FramewheelDialog
from styles import style_path


class ImportProblemsDialog(FramewheelDialog[None]):
    """Lists what is wrong with a file; nothing was imported (`escape` or `enter` closes it)."""

    CSS_PATH = style_path("institution.tcss")

    BINDINGS = [Binding("escape", "close", "Close", id="import_problems.close")]

    def __init__(self, title: str, problems: list[str]) -> None:
        """The heading and the problems."""
        super().__init__()
        self.title_text, self.problems = title, problems

    def compose(self) -> ComposeResult:
        """The heading, the problems, what happened and a button."""
        with Vertical(id="import-problems-dialog", classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(id="import-problems-list"):
                for problem in self.problems:
                    yield Static(f"✗ {problem}", markup=False, classes="import-problem")
            yield Label("Nothing was imported: fix these in the file and import it again.", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Close (escape)", variant="primary", id="import-problems-close")

    def on_mount(self) -> None:
        """Focus the button."""
        self.query_one("#import-problems-close", Button).focus()

    @on(Button.Pressed, "#import-problems-close")
    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
