"""The screen shown while the terminal is smaller than framewheel needs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

MIN_WIDTH, MIN_HEIGHT = 80, 24
"""The smallest terminal (columns, rows) framewheel lays out in; below it this screen shows."""


class TooSmallScreen(Screen[None]):
    """Asks for a larger window; it goes away by itself once the window is 80x24 or more."""

    def compose(self) -> ComposeResult:
        """One centred message."""
        yield Static("", id="too-small-message")

    def on_mount(self) -> None:
        """Say how large the window is now."""
        self._update()

    def on_resize(self) -> None:
        """Keep the size in the message current."""
        self._update()

    def _update(self) -> None:
        """Write the message with the present size."""
        size = self.app.size
        self.query_one("#too-small-message", Static).update(
            f"Please make the window larger.\n\nframewheel needs at least {MIN_WIDTH} x {MIN_HEIGHT};"
            f" this one is {size.width} x {size.height}.\n\nctrl+q quits."
        )
