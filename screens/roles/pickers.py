"""Pickers of the role screens: choose a role or a wheel from a list, `enter` to take it, `escape` to keep what was."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, Optional, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from screens.base import FramewheelDialog
from styles import style_path
from tui.core.model import Framework
from tui.core.roles import RoleProfile
from tui.core.wheels import Assessment

T = TypeVar("T")


class PickDialog(FramewheelDialog[Optional[T]], Generic[T]):
    """A titled list of choices; dismisses with the chosen value, or None when left with `escape`."""

    CSS_PATH = style_path("role_compare.tcss")
    BINDINGS = [
        Binding("escape", "close", "Keep as it was", id="rolepick.close"),
    ]

    def __init__(self, title: str, choices: Sequence[tuple[str, T]], current: T | None = None) -> None:
        """``choices`` are (text, value) pairs; ``current`` is highlighted first when it is among them."""
        super().__init__()
        self.heading = title
        self.choices = list(choices)
        self.current = current

    def compose(self) -> ComposeResult:
        """The title, the choices and a hint."""
        with Vertical(id="rolepick-dialog", classes="dialog"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            yield OptionList(*(Option(text) for text, _ in self.choices), id="rolepick-list")
            yield Label("up/down choose · enter takes it · escape keeps what was", classes="dialog-hint")

    def on_mount(self) -> None:
        """Highlight the current choice (else the first) and focus the list."""
        found = self.query_one("#rolepick-list", OptionList)
        values = [value for _, value in self.choices]
        found.highlighted = values.index(self.current) if self.current in values else 0
        found.focus()

    @on(OptionList.OptionSelected, "#rolepick-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Take the selected choice."""
        self.dismiss(self.choices[event.option_index][1])

    def action_close(self) -> None:
        """Leave without choosing."""
        self.dismiss(None)


def role_choice(framework: Framework, role: RoleProfile) -> str:
    """A role as a line of a picker: its name, where it comes from and how many targets it sets."""
    scale, levels = len(role.scale_targets()), len(role.level_targets())
    parts = [f"{scale} scale target{'s' if scale != 1 else ''}"] if scale else []
    if levels:
        parts.append(f"{levels} level target{'s' if levels != 1 else ''}")
    return f"{role.name} ({role.source}; {', '.join(parts) or 'no targets'})"


def role_picker(framework: Framework, roles: Sequence[RoleProfile], title: str,
                current: RoleProfile | None = None) -> PickDialog[str]:
    """A picker of roles that dismisses with the chosen role's key."""
    return PickDialog(title, [(role_choice(framework, r), r.key) for r in roles], current.key if current else None)


def wheel_picker(wheels: Sequence[Assessment], current: int | None = None) -> PickDialog[int]:
    """A picker of wheels (newest first) that dismisses with the chosen wheel's id."""
    return PickDialog("Compare which wheel?", [(f"{w.created[:10]}  {w.label}", w.id) for w in wheels], current)
