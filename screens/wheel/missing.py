"""Shown instead of a wheel that cannot be rated here (its framework is not loaded, or it is gone)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Header, Static

from screens.base import FramewheelScreen
from tui.widgets.key_footer import KeyFooter


class MissingFrameworkScreen(FramewheelScreen):
    """One sentence saying why, and `escape` back; nothing is changed."""

    HELP_TITLE = "Not available"
    HELP = "This saved work cannot be shown with the frameworks loaded now. Nothing in it was changed or lost."

    def __init__(self, message: str) -> None:
        """The sentence to show."""
        super().__init__()
        self.message = message

    def compose(self) -> ComposeResult:
        """Header, the message, footer."""
        yield Header()
        yield Static(self.message, id="missing-message")
        yield KeyFooter()
