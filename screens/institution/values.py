"""The institution's own values, each mapped to the framework's areas and values (`v` from the institution's view).

The list shows each value with its description and what it maps to; `n` adds one, `enter` changes
the highlighted one, `d` deletes it (after you confirm). Every change is kept at once, through
``context.institution_values``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import FramewheelScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.institution.value_editor import ValueEditorDialog
from screens.levels.framework_text import INSTITUTION_VALUES_TITLE
from styles import style_path
from tui.core.institution import InstitutionValue
from tui.core.model import Framework
from tui.widgets.key_footer import KeyFooter

VALUES_TITLE = INSTITUTION_VALUES_TITLE
"""The heading of the list (the same words the explorer uses beside the framework's values)."""


def mapped_areas(framework: Framework, value: InstitutionValue) -> str:
    """The areas a value maps to, by code and title, in the framework's order."""
    names = []
    for area_id in value.areas:
        area = framework.area(area_id)
        names.append((f"{area.code} {area.title}".strip() if area.code else area.title) if area else area_id)
    return ", ".join(names)


def mapped_values(framework: Framework, value: InstitutionValue) -> str:
    """The framework values a value maps to, by title."""
    titles = {v.id: v.title for v in framework.values}
    return ", ".join(titles.get(v, v) for v in value.framework_values)


def value_prompt(framework: Framework, value: InstitutionValue) -> Text:
    """One value in the list: its title, its description and what it maps to (each on its own line)."""
    text = Text(value.title, style="bold")
    if value.description:
        text.append(f"\n  {value.description}", style="italic")
    if value.areas:
        text.append(f"\n  {framework.area_words}: ", style="bold")
        text.append(mapped_areas(framework, value))
    if value.framework_values:
        text.append("\n  Framework values: ", style="bold")
        text.append(mapped_values(framework, value))
    return text


class ValuesScreen(FramewheelScreen):
    """The institution's values for the chosen framework, each with the areas and framework values it maps to."""

    CSS_PATH = style_path("institution_values.tcss")
    HELP_TITLE = "Your institution's values"
    HELP = """\
Your institution's own values, each mapped to the framework's areas (and to its own values, where
it has some), as an institution does when it lines its values up with the framework. The explorer
(`e` on the home screen) shows them beside the framework's values and under each area they map to.

`n` adds a value: its title, what it means, and a tick (`space`) for each area and framework value
it maps to; `enter` or `ctrl+s` keeps it, once it has a title and at least one mapping. `enter` on a
value changes it; `d` deletes it (after you confirm). Every change is saved at once.
"""

    BINDINGS = [
        Binding("n", "new", "New", id="values.new", tooltip="Map a new institution value"),
        Binding("enter", "edit", "Edit", id="values.edit", show=False, tooltip="Change the highlighted value"),
        Binding("d", "delete", "Delete", id="values.delete", tooltip="Delete the highlighted value (confirmed)"),
    ]

    def __init__(self, framework_id: str | None = None) -> None:
        """The values of ``framework_id`` (default: the framework chosen on the home screen)."""
        super().__init__()
        self.framework_id = framework_id
        self.values: list[InstitutionValue] = []

    @property
    def framework(self) -> Framework:
        """The framework the values are mapped to."""
        return self.context.catalog.get(self.framework_id or "") or self.context.framework

    def compose(self) -> ComposeResult:
        """Header, the heading, the list (or the empty state), footer."""
        yield Header()
        yield Label("", id="values-heading", classes="panel-title", markup=False)
        yield OptionList(id="values-list", classes="panel")
        yield Static("", id="values-empty", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the list."""
        self.title = f"{VALUES_TITLE} · {self.framework.title}"
        self.refresh_values()
        self.query_one("#values-list", OptionList).focus()

    def refresh_values(self, select: int | None = None) -> None:
        """Read the values again and show them (keeping the highlighted one, or moving to ``select``)."""
        current = self.current()
        wanted = select if select is not None else (current.id if current else None)
        framework = self.framework
        self.values = self.context.institution_values.values(framework.id)
        listing = self.query_one("#values-list", OptionList)
        listing.clear_options()
        listing.add_options([Option(value_prompt(framework, v), id=str(v.id)) for v in self.values])
        count = len(self.values)
        self.query_one("#values-heading", Label).update(
            f"{count} value{'s' if count != 1 else ''} mapped to {framework.title}" + (" · enter changes one" if count else ""))
        empty = self.query_one("#values-empty", Static)
        empty.update("" if count else f"No institution values are mapped to {framework.title} yet. Press n to map "
                                      f"one of your institution's values to its {framework.area_plural}.")
        empty.display = not count
        listing.display = bool(count)
        if count:
            index = next((i for i, v in enumerate(self.values) if v.id == wanted), 0)
            listing.highlighted = index

    def current(self) -> InstitutionValue | None:
        """The highlighted value, or None."""
        if not self.is_mounted:
            return None
        listing = self.query_one("#values-list", OptionList)
        index = listing.highlighted
        return self.values[index] if index is not None and 0 <= index < len(self.values) else None

    @on(OptionList.OptionSelected, "#values-list")
    def _selected(self) -> None:
        """`enter` on a value changes it."""
        self.action_edit()

    def _save(self, value: InstitutionValue | None) -> Any:
        """The editor's ``save``: create a new value, or keep the changes to ``value`` (the repository checks)."""
        framework, repository = self.framework, self.context.institution_values

        def save(title: str, description: str, areas: Sequence[str], values: Sequence[str]) -> InstitutionValue:
            """Store through the repository; InstitutionError when something is wrong, nothing kept."""
            if value is None:
                return repository.create(framework, title, areas, values, description)
            return repository.save(framework, replace(value, title=title, description=description,
                                                      areas=tuple(areas), framework_values=tuple(values)))

        return save

    def _kept(self, what: str) -> Any:
        """After the editor: show the list again on the value kept."""
        def kept(value: InstitutionValue | None) -> None:
            """Select the kept value and say it is saved."""
            if value is not None:
                self.refresh_values(select=value.id)
                self.mark_saved(what)
        return kept

    def action_new(self) -> None:
        """Map a new value (`n`)."""
        self.app.push_screen(ValueEditorDialog(self.framework, self._save(None)), self._kept("Value added"))

    def action_edit(self) -> None:
        """Change the highlighted value (`enter`)."""
        value = self.current()
        if value is None:
            self.notify("There is no value yet; press n to map one.", severity="warning")
            return
        self.app.push_screen(ValueEditorDialog(self.framework, self._save(value), value), self._kept("Value saved"))

    def action_delete(self) -> None:
        """Delete the highlighted value after confirmation (`d`)."""
        value = self.current()
        if value is None:
            return

        def answered(yes: bool | None) -> None:
            """Delete when confirmed."""
            if yes:
                self.context.institution_values.delete(value.id)
                self.refresh_values()
                self.mark_saved("Deleted")

        self.app.push_screen(ConfirmDialog(f"Delete the institution value “{value.title}”?"), answered)

    def screen_commands(self) -> Iterable[SystemCommand]:
        """The list's commands in the palette."""
        yield SystemCommand("Values: map a new institution value", "Its title and the areas it maps to (n)",
                            self.action_new)


def open_values(screen: Screen[Any]) -> None:
    """Open the institution's values for the chosen framework (bound to `v` on the institution's view)."""
    screen.app.push_screen(ValuesScreen())
