"""A bare Textual app that redraws a number on a key press: the yardstick for framewheel's key-to-wheel time."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class BareKeysApp(App[None]):
    """`right`/`left` change a number shown on screen as ``value N``."""

    BINDINGS = [("ctrl+q", "quit", "Quit"), ("right", "step(1)", "+1"), ("left", "step(-1)", "-1")]

    def __init__(self) -> None:
        """Start at 0."""
        super().__init__()
        self.value = 0

    def compose(self) -> ComposeResult:
        """Header, the number, footer."""
        yield Header()
        yield Static("value 0", id="value")
        yield Footer()

    def action_step(self, delta: int) -> None:
        """Change the number and redraw it."""
        self.value += delta
        self.query_one("#value", Static).update(f"value {self.value}")


if __name__ == "__main__":
    BareKeysApp().run()
