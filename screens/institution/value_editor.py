"""The form of one institution value: its title, a description, and the areas and framework values it maps to.

Nothing is kept until the value is valid: the form hands the fields to its ``save`` (the values
screen's call into the repository) and shows any problem it raises, staying open.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label

from screens.base import FramewheelDialog
from styles import style_path
from tui.core.institution import InstitutionError, InstitutionValue
from tui.core.model import Framework
from tui.widgets.checklist import CheckList
from tui.widgets.typed_text import TypedInput, typed_fields_changed

Save = Callable[[str, str, Sequence[str], Sequence[str]], InstitutionValue]
"""Keep (title, description, area ids, framework value ids); raises InstitutionError listing the problems."""

EDITOR_HINT = "tab next · space ticks · ctrl+s (or enter in a text field) keeps it · escape cancels"
"""The keys line of the form."""


class ValueEditorDialog(FramewheelDialog[InstitutionValue | None]):
    """Dismisses with the value as kept, or None when cancelled (`escape`)."""

    CSS_PATH = style_path("institution_values.tcss")
    BINDINGS = [
        Binding("ctrl+s", "keep", "Keep", id="value_editor.keep", priority=True, tooltip="Check and keep the value"),
        Binding("escape", "cancel", "Cancel", id="value_editor.cancel", tooltip="Close without changing anything"),
    ]

    def __init__(self, framework: Framework, save: Save, value: InstitutionValue | None = None) -> None:
        """A new value of ``framework`` (or ``value`` to change), kept through ``save``."""
        super().__init__()
        self.framework, self.save, self.value = framework, save, value

    def compose(self) -> ComposeResult:
        """The title and description fields, the two checklists side by side, the problem line and the keys."""
        value = self.value
        framework = self.framework
        with Vertical(id="value-editor", classes="dialog"):
            yield Label("Change the value" if value else "A new institution value", classes="dialog-title")
            yield TypedInput(value.title if value else "", placeholder="Title, e.g. Integrity", id="value-title")
            yield TypedInput(value.description if value else "", placeholder="What it means (optional)",
                             id="value-description")
            with Horizontal(id="value-maps"):
                with Vertical(id="value-areas-column"):
                    yield Label(f"Maps to these {framework.area_plural}", classes="field-label")
                    yield CheckList(((f"{a.code} {a.title}".strip() if a.code else a.title, a.id)
                                     for a in framework.areas), value.areas if value else (), id="value-areas")
                if framework.values:
                    with Vertical(id="value-values-column"):
                        yield Label("and framework values", classes="field-label")
                        yield CheckList(((v.title, v.id) for v in framework.values),
                                        value.framework_values if value else (), id="value-values")
            yield Label("", id="value-problem")
            yield Label(EDITOR_HINT, classes="dialog-hint")

    def on_mount(self) -> None:
        """Start in the title."""
        self.query_one("#value-title", Input).focus()

    def ticked(self, selector: str) -> list[str]:
        """The ticked ids of one checklist (none when the framework has no values)."""
        found = self.query(selector)
        return found.first(CheckList).ticked if found else []

    @on(Input.Submitted)
    def action_keep(self) -> None:
        """Check and keep the value; a problem is shown and the form stays open."""
        title = self.query_one("#value-title", Input).value
        description = self.query_one("#value-description", Input).value
        try:
            kept = self.save(title, description, self.ticked("#value-areas"), self.ticked("#value-values"))
        except InstitutionError as error:
            self.query_one("#value-problem", Label).update(f"Not kept: {error}")
            return
        except KeyError:
            self.query_one("#value-problem", Label).update("Not kept: this value was deleted meanwhile.")
            return
        self.dismiss(kept)

    def typed_text(self) -> str:
        """What is typed and not kept (asked about on quitting), else ""."""
        return "an institution value" if self.is_mounted and typed_fields_changed(self) else ""

    def keep_typed_text(self) -> bool:
        """Keep the form as its keep key would (quitting); False when it is refused (the form says why)."""
        self.action_keep()
        return self not in self.app.screen_stack

    def action_cancel(self) -> None:
        """Change nothing."""
        self.dismiss(None)
