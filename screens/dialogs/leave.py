"""Quitting with typed text not yet kept, or from the demo: the question asked before the app ends.

A screen or dialog that holds typed text not yet saved (a note being written, an objective
being filled in, a board cell being edited) says so through two optional methods, found by
:func:`typed_text_holders`:

- ``typed_text() -> str``: what it holds, in a few words ("Note on C1 ..."), or ``""`` when nothing
  typed is waiting;
- ``keep_typed_text() -> bool``: keep it as the screen's own keep key would (a dialog dismisses
  with it, so its caller saves it); False when it cannot be kept (the screen says why).

A screen that saves as you type may also have ``save_typed_text() -> None``: called before
quitting, it writes what is still waiting for its pause.
"""

from __future__ import annotations

from typing import Any, Iterable, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Label

from screens.base import FramewheelDialog

LeaveChoice = Literal["save", "discard", "stay"]
"""What the person chose: save and quit, quit without saving, or stay."""

DEMO_WARNING = "The demo data will be deleted when you quit."
"""Said before quitting a `--demo` run: its temporary database goes with it."""


def typed_text_holders(stack: Iterable[Screen[Any]]) -> list[Screen[Any]]:
    """The screens of ``stack`` holding typed text not yet kept, the top one first."""
    holders = []
    for screen in reversed(list(stack)):
        typed = getattr(screen, "typed_text", None)
        if callable(typed) and typed():
            holders.append(screen)
    return holders


def describe(holders: list[Screen[Any]]) -> str:
    """The typed text waiting, in words: ``"Note on C1 ..."`` or several joined with ``;``."""
    return "; ".join(str(getattr(screen, "typed_text")()) for screen in holders)


class LeaveDialog(FramewheelDialog[LeaveChoice]):
    """Asks what to do with typed text before quitting: save and quit, quit without saving, or stay."""

    BINDINGS = [
        Binding("s", "answer('save')", "Save and quit", id="leave.save"),
        Binding("d", "answer('discard')", "Quit without saving", id="leave.discard",
                tooltip="Quit and lose the text typed"),
        Binding("escape", "answer('stay')", "Stay", id="leave.stay", tooltip="Go back to the text"),
    ]

    def __init__(self, what: str, *, demo: bool = False) -> None:
        """A question about ``what`` is typed; ``demo`` adds that the demo data will be deleted."""
        super().__init__()
        self.what = what
        self.demo = demo

    def compose(self) -> ComposeResult:
        """The question, what is typed, and three buttons."""
        with Vertical(id="leave-dialog", classes="dialog"):
            yield Label("Quit with text not saved?", classes="dialog-title")
            yield Label(f"Typed and not yet saved: {self.what}", id="leave-what", markup=False)
            if self.demo:
                yield Label(DEMO_WARNING, id="leave-demo")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save and quit (s)", variant="primary", id="save")
                yield Button("Quit without saving (d)", variant="error", id="discard")
                yield Button("Stay (esc)", id="stay")

    def on_mount(self) -> None:
        """Focus "Save and quit": `enter` loses nothing."""
        self.query_one("#save", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        """Answer by button."""
        choice = event.button.id
        if choice in ("save", "discard", "stay"):
            self.dismiss(choice)  # type: ignore[arg-type]

    def action_answer(self, choice: LeaveChoice) -> None:
        """Answer by key."""
        self.dismiss(choice)
