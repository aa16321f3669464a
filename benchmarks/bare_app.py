"""A bare Textual app (header, one line of text, footer): the yardstick for framewheel's start time."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareApp(App[None]):
    """The smallest app that draws a usable screen."""

    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        """Header, a line of text, footer."""
        yield Header()
        yield Static("Bare app ready")
        yield Footer()


if __name__ == "__main__":
    BareApp().run()
