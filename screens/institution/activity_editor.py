"""One development activity entered or changed: its title, date, provider, link and what it serves.

A dialog over the catalogue. What it serves is a checklist: for each area "at any level" and one
row per level (a framework without levels has one row per area). Nothing is stored until the
activity is valid; every problem the repository finds is shown in the dialog.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from screens.base import FramewheelDialog
from styles import style_path
from tui.core.institution import ANY_LEVEL, DevelopmentActivity, InstitutionError, Served
from tui.core.model import Framework
from tui.widgets.checklist import CheckList
from tui.widgets.typed_text import TypedInput, typed_fields_changed

if TYPE_CHECKING:
    from tui.context import AppContext

FIELDS = (("title", "Title"), ("date", "Date"), ("provider", "Provider"), ("link", "Link"))
"""The text fields of the dialog: (attribute, label)."""

PLACEHOLDERS = {"title": "e.g. Coaching skills for managers", "date": "YYYY-MM-DD, or empty for an ongoing scheme",
                "provider": "who runs it (optional)", "link": "https://... (optional)"}


def serve_value(area_id: str, level_id: str) -> str:
    """The checklist value of one (area, level)."""
    return f"{area_id}|{level_id}"


def served_of(value: str) -> Served:
    """The (area, level) of a checklist value."""
    area_id, _, level_id = value.partition("|")
    return area_id, level_id


def serve_items(framework: Framework, wide: bool = True) -> list[tuple[str, str]]:
    """The checklist's (label, value) rows: each area at any level then at each level (or each area alone).

    An area is named by its code and title, or its code and short label when ``wide`` is False.
    """
    items: list[tuple[str, str]] = []
    for index, area in enumerate(framework.areas):
        name = f"{area.code or index + 1} {area.title if wide else area.label}"
        if not framework.levels:
            items.append((name, serve_value(area.id, ANY_LEVEL)))
            continue
        items.append((f"{name}: any level", serve_value(area.id, ANY_LEVEL)))
        items.extend((f"{name}: {level.title}", serve_value(area.id, level.id)) for level in framework.levels)
    return items


class ActivityEditor(FramewheelDialog["DevelopmentActivity | None"]):
    """Dismisses with the stored activity (new or changed), or None when cancelled."""

    CSS_PATH = style_path("institution.tcss")
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="activity_editor.cancel", tooltip="Close without storing anything"),
        Binding("ctrl+s", "keep", "Keep", id="activity_editor.keep", tooltip="Store the activity (checked first)"),
    ]

    def __init__(self, framework: Framework, activity: DevelopmentActivity | None = None) -> None:
        """A new activity of ``framework``, or ``activity`` to change."""
        super().__init__()
        self.framework = framework
        self.activity = activity

    @property
    def context(self) -> AppContext:
        """The run's repositories."""
        return self.app.context  # type: ignore[attr-defined]

    def compose(self) -> ComposeResult:
        """The fields, the checklist of what it serves, the problem line and the buttons."""
        activity = self.activity
        title = f"Change “{activity.title}”" if activity else "A new development activity"
        what = f"{self.framework.area_plural} and levels" if self.framework.levels else self.framework.area_plural
        with Vertical(id="activity-dialog", classes="dialog"):
            yield Label(title, classes="dialog-title")
            yield Static("", id="activity-error", markup=False)
            with VerticalScroll(id="activity-form"):
                for name, label in FIELDS:
                    with Horizontal(classes="activity-row"):
                        yield Label(label, classes="activity-label")
                        yield TypedInput(getattr(activity, name) if activity else "", placeholder=PLACEHOLDERS[name],
                                         id=f"activity-{name}", classes="activity-input", compact=True)
                yield Label(f"Serves (the {what}; space or enter ticks)", classes="section-title")
                ticked = [serve_value(a, lv) for a, lv in activity.serves] if activity else []
                wide = self.app.size.width >= 120
                yield CheckList(serve_items(self.framework, wide), ticked, id="activity-serves")
            yield Label("ctrl+s keeps it (enter in a field too) · escape cancels", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep (ctrl+s)", variant="primary", id="activity-keep")
                yield Button("Cancel (escape)", id="activity-cancel")

    def on_mount(self) -> None:
        """The title first; no problem line until there is a problem."""
        self.query_one("#activity-error", Static).display = False
        self.query_one("#activity-title", Input).focus()

    def value(self, name: str) -> str:
        """The text of one field."""
        return self.query_one(f"#activity-{name}", Input).value

    @on(Input.Submitted, ".activity-input")
    @on(Button.Pressed, "#activity-keep")
    def action_keep(self) -> None:
        """Store the activity when it is valid; otherwise say every problem and store nothing."""
        serves = [served_of(value) for value in self.query_one("#activity-serves", CheckList).ticked]
        catalogue = self.context.catalogue
        try:
            if self.activity is None:
                stored = catalogue.create(self.framework, self.value("title"), serves, self.value("date"),
                                          self.value("provider"), self.value("link"))
            else:
                changed = replace(self.activity, title=self.value("title"), serves=tuple(serves),
                                  date=self.value("date"), provider=self.value("provider"), link=self.value("link"))
                stored = catalogue.save(self.framework, changed)
        except InstitutionError as problem:
            self.show_problem("Not kept: " + str(problem))
            return
        except KeyError:
            self.show_problem("Not kept: this activity was deleted meanwhile (escape closes this).")
            return
        self.dismiss(stored)

    def typed_text(self) -> str:
        """What is typed and not kept (asked about on quitting), else ""."""
        return "a development activity" if self.is_mounted and typed_fields_changed(self) else ""

    def keep_typed_text(self) -> bool:
        """Keep the form as its keep key would (quitting); False when it is refused (the form says why)."""
        self.action_keep()
        return self not in self.app.screen_stack

    def show_problem(self, text: str) -> None:
        """Show why the activity was not kept."""
        error = self.query_one("#activity-error", Static)
        error.update(text)
        error.display = True

    @on(Button.Pressed, "#activity-cancel")
    def action_cancel(self) -> None:
        """Store nothing."""
        self.dismiss(None)
