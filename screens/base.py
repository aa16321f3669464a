"""The base of every framewheel screen: the context, `escape` to go back, and help text."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Iterable

from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen

if TYPE_CHECKING:
    from tui.context import AppContext


class InterfaceLoop:
    """The interface's event loop, taken on the interface's thread, for callbacks from a saver's thread."""

    def __init__(self) -> None:
        """Take the running loop and the interface's context (active app ...); call on the interface's thread."""
        self._loop = asyncio.get_running_loop()
        self._context = contextvars.copy_context()

    def call_soon(self, callback: Callable[..., Any], *args: object) -> None:
        """Run ``callback`` on the interface's loop; never waits, so a closing screen cannot deadlock."""
        try:
            self._loop.call_soon_threadsafe(callback, *args, context=self._context)
        except RuntimeError:  # the loop is closed: the app has ended
            pass


class FramewheelScreen(Screen[None]):
    """A full screen of the app; subclasses set HELP and their own BINDINGS."""

    HELP: ClassVar[str] = ""
    """Markdown shown by F1 above the screen's keys."""

    BINDINGS = [Binding("escape", "back", "Back", id="screen.back")]

    @property
    def context(self) -> AppContext:
        """The run's frameworks, database and repositories."""
        return self.app.context  # type: ignore[attr-defined]

    def action_back(self) -> None:
        """Go back to the previous screen (`escape`)."""
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide `escape` (Back) where there is nothing to go back to."""
        if action == "back":
            return len(self.app.screen_stack) > 1
        return True

    def mark_saved(self, what: str = "Saved") -> None:
        """Say in the header that a change is on disk (changes are saved as they are made)."""
        self.sub_title = f"{what} {datetime.now().strftime('%H:%M:%S')}"

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Commands this screen adds to the command palette (none by default)."""
        return ()
