"""Start-up notices (a data file set aside, a migration, skipped framework files)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from screens.base import FramewheelDialog

if TYPE_CHECKING:
    from tui.context import AppContext

Restore = Callable[[Path], object]
"""Puts a backup back in place of the data file (the database's ``restore_backup``)."""


class NoticeDialog(FramewheelDialog[None]):
    """Shows what happened at start-up; offers the latest backup when one can be restored."""

    BINDINGS = [
        Binding("escape", "dismiss_notice", "Continue", id="notice.continue"),
        Binding("r", "restore", "Restore backup", id="notice.restore"),
    ]

    def __init__(self, notices: list[str], backup: Path | None, restore: Restore | None = None) -> None:
        """The sentences to show, the backup that may be restored, and what restores it.

        Without ``restore`` the backup is restored by the app's database (``Database.restore_backup``).
        """
        super().__init__()
        self.notices = notices
        self.backup = backup
        self._restore = restore

    def compose(self) -> ComposeResult:
        """Title, the notices, and the buttons."""
        with Vertical(id="dialog", classes="dialog"):
            yield Label("Before you start", classes="dialog-title")
            with VerticalScroll(id="notices"):
                for notice in self.notices:
                    yield Static(f"• {notice}", classes="notice", markup=False)
            with Horizontal(classes="dialog-buttons"):
                if self.backup is not None:
                    yield Button("Restore backup (r)", variant="warning", id="restore")
                yield Button("Continue (escape)", variant="primary", id="continue")

    def on_mount(self) -> None:
        """Focus Continue, the choice that changes nothing."""
        self.query_one("#continue", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer `r` only when there is a backup."""
        return self.backup is not None if action == "restore" else True

    @on(Button.Pressed, "#continue")
    def action_dismiss_notice(self) -> None:
        """Close the notice."""
        self.dismiss(None)

    @on(Button.Pressed, "#restore")
    def action_restore(self) -> None:
        """Put the latest backup back in place of the current (fresh) data file."""
        if self.backup is None:
            return
        restore = self._restore or cast("AppContext", getattr(self.app, "context")).db.restore_backup
        restore(self.backup)
        self.app.notify(f"Restored {self.backup.name}; your data is back as it was then.", title="Backup restored")
        self.dismiss(None)
