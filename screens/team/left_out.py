"""The files left out of a team profile: each by file, field and message, the duplicates, the paths not found."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from screens.base import FramewheelScreen
from styles import style_path
from tui.widgets.key_footer import KeyFooter


class LeftOutScreen(FramewheelScreen):
    """Why each file was left out (wrapped, scrolling); `escape` goes back to the team room."""

    CSS_PATH = style_path("team.tcss")
    HELP_TITLE = "Files left out"
    HELP = """\
Every file the team profile did not use, with the field and what is wrong with it: another
framework or framework version, an unknown area or series, a value off the scale, a file that is
not JSON or cannot be read. A wheel given twice (the same content) is counted once and listed
under **Counted once**. The rest of the files still make the profile. `escape` goes back.
"""

    def __init__(self, listing: Text) -> None:
        """The listing to show (made by :func:`screens.team.text.left_out_view`)."""
        super().__init__()
        self.listing = listing

    def compose(self) -> ComposeResult:
        """Header, the listing, footer."""
        yield Header()
        with VerticalScroll(id="left-out-body", classes="panel"):
            yield Static(self.listing, id="left-out-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Title and focus (so the arrows scroll)."""
        self.title = "Files left out of the team profile"
        self.query_one("#left-out-body").focus()
