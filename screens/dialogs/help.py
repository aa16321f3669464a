"""F1 help: what the screen in front is for, and every key it answers to."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Label, Markdown, Static

from screens.base import FramewheelDialog

GLOBAL_HELP = """\
**Everywhere:** `escape` goes back, `F1` shows this help, `ctrl+p` opens the command palette
(type to search every command, including changing the theme), `ctrl+q` quits.
**Guidance:** `g` on the home screen (or `g` in this help) opens the guidance for the chosen
framework: its description and its hints and tips.
Every change is saved the moment it is made; the header says when.
"""


TEXTUAL_NOISE = frozenset({"scroll_left", "scroll_right", "page_left", "page_right"})
"""Actions of Textual's own widget keys left out of the table: sideways scrolling of panes that never scroll sideways."""


def _own_words(binding: Binding) -> str:
    """What a key does, as the table says it: ours as written, Textual's own (no id) in sentence case ("Focus Previous" as "Focus previous")."""
    text = binding.tooltip or binding.description
    return text if binding.id is not None else text[:1] + text[1:].lower()


def _listed(binding: Binding) -> bool:
    """Whether a key has a row: any of ours with a description; of Textual's own, not the sideways scrolling or a ``super`` key
    (a terminal never sends one: ``ctrl+c`` copies)."""
    if not binding.description:
        return False
    return binding.id is not None or (binding.action not in TEXTUAL_NOISE and not binding.key.startswith("super+"))


def key_table(screen: Screen) -> Table:
    """A two-column table of the keys active on ``screen`` and what they do."""
    table = Table(show_header=True, header_style="bold", box=None, expand=True, pad_edge=False)
    table.add_column("Key", no_wrap=True, ratio=1)
    table.add_column("What it does", ratio=3)
    seen: set[tuple[str, str]] = set()
    rank = {screen: 0, screen.app: 1}
    ordered = sorted(screen.active_bindings.items(), key=lambda pair: rank.get(pair[1].node, 2))
    for key, active in ordered:
        binding = active.binding
        display = screen.app.get_key_display(binding)
        if not _listed(binding) or (binding.description, display) in seen:
            continue  # one row for keys shown alike (e.g. the digits 1-9 of one action)
        if binding.action == "back" and screen.app.screen_stack[0] is screen:
            continue  # nothing to go back to from the bottom screen
        seen.add((binding.description, display))
        table.add_row(Text(display, style="bold"), Text(_own_words(binding)))
    focused = screen.focused
    for key, what in getattr(focused, "HELP_KEYS", ()) if focused is not None else ():
        table.add_row(Text(key, style="bold"), Text(what))  # keys a widget handles itself, such as a slider's digits
    return table


class HelpScreen(FramewheelDialog[None]):
    """Help for one screen: its HELP text, then its keys; `escape` or `F1` closes it."""

    BINDINGS = [
        Binding("escape", "close", "Close help", id="help.close"),
        Binding("f1", "close", "Close help", id="help.close-f1", show=False),
        Binding("q", "close", "Close help", id="help.close-q", show=False),
        Binding("g", "guidance", "Guidance for this framework", id="help.guidance"),
    ]

    def __init__(self, screen: Screen) -> None:
        """Help for ``screen`` (the one in front when F1 was pressed)."""
        super().__init__()
        self.target = screen

    def compose(self) -> ComposeResult:
        """Title, the screen's own help, and the key table."""
        title = getattr(self.target, "HELP_TITLE", "") or type(self.target).__name__.removesuffix("Screen")
        with Vertical(id="help-dialog", classes="dialog"):
            yield Label(f"Help: {title}", classes="dialog-title")
            with VerticalScroll(id="help-body"):
                yield Label("Keys on this screen", classes="section-title")
                yield Static(key_table(self.target), id="help-keys")
                yield Label("About this screen", classes="section-title")
                yield Markdown(getattr(self.target, "HELP", "") + "\n\n" + GLOBAL_HELP)
            yield Label("escape closes this help · g guidance for this framework", classes="dialog-hint")

    def action_guidance(self) -> None:
        """Close the help and open the chosen framework's guidance (unless it is already in front)."""
        from screens.guidance.guidance import GuidanceScreen

        self.dismiss(None)
        if not isinstance(self.target, GuidanceScreen):
            self.app.push_screen(GuidanceScreen())

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)
