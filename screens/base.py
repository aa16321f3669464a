"""The bases of every framewheel screen and dialog: the context, `escape` to go back, help text, the dialog's footer."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, TypeVar

from textual import events, on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from tui.widgets.key_footer import KeyFooter

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


PRIVATE_PLACEHOLDER = "(private: hidden while presenting)"
"""What stands in for a private field's text in presentation mode."""


def write_refused(write: Callable[[Path, str], object], path: Path, text: str) -> str | None:
    """Write ``text`` to ``path`` with a repository's ``write``; None when written, else what went wrong.

    The repository refuses a path it will not write (ValueError, its words) and the system may
    fail to (OSError, told as "Cannot write PATH: reason").
    """
    try:
        write(path, text)
    except ValueError as refusal:
        return str(refusal)
    except OSError as error:
        return f"Cannot write {path}: {error.strerror or error}"
    return None


def is_presenting(screen: Screen[Any]) -> bool:
    """True while the app is in presentation mode (any screen or dialog may ask)."""
    return bool(getattr(screen.app, "presenting", False))


def hides(screen: Screen[Any], activity: str, field: str) -> bool:
    """True when ``field`` of ``activity`` is private (the Activity registry says) and the app is presenting."""
    if not is_presenting(screen):
        return False
    context = getattr(screen.app, "context", None)
    registry = getattr(context, "activities", None)
    declared = registry.get(activity) if registry is not None else None
    return declared is not None and field in declared.private_fields


ResultT = TypeVar("ResultT")
"""What a dialog dismisses with."""


class FramewheelDialog(ModalScreen[ResultT]):
    """The base of every dialog (a ``ModalScreen[T]`` closed with ``dismiss()``): its own keys in the footer.

    A dialog covers the screen behind, whose footer would otherwise still show that screen's
    keys, which do nothing (or type letters) while the dialog is up. Every dialog therefore
    has a :class:`KeyFooter` of its own docked at the bottom, showing the dialog's bindings
    (those with ``show``), fitted to the width as on a screen. Subclasses compose as any
    ModalScreen does; the footer is added once they are mounted.
    """

    @on(events.Mount)
    def _add_key_footer(self) -> None:
        """Add the dialog's footer at the bottom (whatever the subclass composed)."""
        self.mount(KeyFooter(id="dialog-footer"))


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

    @property
    def presenting(self) -> bool:
        """True while the app is in presentation mode."""
        return is_presenting(self)

    def hides(self, activity: str, field: str) -> bool:
        """True when ``field`` of ``activity`` is private and the app is presenting (see :func:`hides`)."""
        return hides(self, activity, field)

    def shown(self, activity: str, field: str, text: str) -> str:
        """``text`` of a field, or a placeholder when that field is private and the app is presenting."""
        return PRIVATE_PLACEHOLDER if text.strip() and self.hides(activity, field) else text

    def refuse_private(self, activity: str, field: str, what: str) -> bool:
        """When ``field`` is hidden, say that ``what`` cannot be opened while presenting; True when refused."""
        if not self.hides(activity, field):
            return False
        self.notify(f"{what} stays private while presenting (F5 ends presentation mode).", severity="warning")
        return True

    def presentation_changed(self) -> None:
        """Presentation mode was switched: screens that show private fields redraw them (nothing by default)."""

    def mark_saved(self, what: str = "Saved") -> None:
        """Say in the header that a change is on disk (changes are saved as they are made)."""
        self.sub_title = f"{what} {datetime.now().strftime('%H:%M:%S')}"

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Commands this screen adds to the command palette (none by default)."""
        return ()
