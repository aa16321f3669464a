"""Suggested objectives from a wheel, shown one at a time to accept or discard."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Label, Static

from screens.base import FramewheelDialog
from styles import style_path
from screens.dialogs.activity_picker import ActivityPickerDialog
from tui.core.development_plan import Suggestion
from tui.core.institution import DevelopmentActivity
from tui.core.model import Framework

KIND_TITLES = {"gap": "▲ Largest gap", "strength": "★ Top strength", "role": "▼ Short of the role"}
"""How each kind of suggestion is introduced (a symbol as well as words)."""


class SuggestionsDialog(FramewheelDialog[list[Suggestion]]):
    """Dismisses with the suggestions the person accepted (also when stopped early with `escape`)."""

    CSS_PATH = style_path("plan.tcss")
    BINDINGS = [
        Binding("a", "accept", "Accept", id="suggest.accept"),
        Binding("x", "discard", "Discard", id="suggest.discard"),
        Binding("c", "activities", "Activities", id="suggest.activities",
                tooltip="Choose one of the institution's activities for this area as the planned activity"),
        Binding("escape", "finish", "Stop here", id="suggest.finish"),
    ]

    def __init__(self, suggestions: list[Suggestion], source: str, framework: Framework | None = None,
                 catalogue: Sequence[DevelopmentActivity] = (), levels: Mapping[str, str] | None = None) -> None:
        """The suggestions and what they were drawn from (the wheel's label).

        With ``framework``, `c` lists the ``catalogue``'s activities for the suggestion's area (at the level
        ``levels`` gives for it, when it does: a role's expected level); the one chosen becomes the planned
        activity of the objective made from the suggestion.
        """
        super().__init__()
        self.suggestions = list(suggestions)
        self.source = source
        self.framework, self.catalogue, self.levels = framework, list(catalogue), dict(levels or {})
        self.index = 0
        self.accepted: list[Suggestion] = []

    def compose(self) -> ComposeResult:
        """A heading, the suggestion in front, and the buttons."""
        with Vertical(id="suggest-dialog", classes="dialog"):
            yield Label("", id="suggest-heading", classes="dialog-title")
            with VerticalScroll(id="suggestion-scroll"):
                yield Static(id="suggestion")
            with Horizontal(classes="dialog-buttons"):
                if self.framework is not None:
                    yield Button("Activities (c)", id="activities")
                yield Button("Accept (a)", variant="success", id="accept")
                yield Button("Discard (x)", variant="default", id="discard")
                yield Button("Stop (escape)", id="finish")

    def on_mount(self) -> None:
        """Show the first suggestion and focus Accept."""
        self.show_current()
        self.query_one("#accept", Button).focus()

    def show_current(self) -> None:
        """Show the suggestion in front."""
        item = self.suggestions[self.index]
        self.query_one("#suggest-heading", Label).update(
            f"Suggestion {self.index + 1} of {len(self.suggestions)} from '{self.source}'"
        )
        text = Text()
        text.append(f"{KIND_TITLES.get(item.kind, item.kind)}\n", style="bold")
        text.append(f"{item.reason}\n\n")
        for label, value in (("Objective", item.title), ("Success criteria", item.success_criteria),
                             ("Planned activities", item.activities), ("Target date", item.target_date)):
            text.append(f"{label}: ", style="bold")
            text.append(f"{value}\n")
        text.append(f"\nAccepted so far: {len(self.accepted)}", style="italic")
        self.query_one("#suggestion", Static).update(text)

    def _next(self) -> None:
        """Move to the next suggestion, or finish after the last."""
        self.index += 1
        if self.index >= len(self.suggestions):
            self.dismiss(self.accepted)
        else:
            self.show_current()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """`c` only when the dialog knows the framework (and so the catalogue's activities)."""
        if action == "activities":
            return self.framework is not None
        return True

    @on(Button.Pressed, "#activities")
    def action_activities(self) -> None:
        """List the catalogue's activities for this suggestion's area; the one chosen becomes its planned activity."""
        if self.framework is None:
            return
        item = self.suggestions[self.index]

        def chosen(activity: DevelopmentActivity | None) -> None:
            """Make the chosen activity the suggestion's planned activities."""
            if activity is not None:
                self.suggestions[self.index] = replace(item, activities=activity.planned_text())
                self.show_current()
                self.query_one("#accept", Button).focus()

        self.app.push_screen(ActivityPickerDialog(self.framework, self.catalogue, item.area_id,
                                                  self.levels.get(item.area_id, "")), chosen)

    @on(Button.Pressed, "#accept")
    def action_accept(self) -> None:
        """Keep this suggestion as an objective."""
        self.accepted.append(self.suggestions[self.index])
        self._next()

    @on(Button.Pressed, "#discard")
    def action_discard(self) -> None:
        """Leave this suggestion out."""
        self._next()

    @on(Button.Pressed, "#finish")
    def action_finish(self) -> None:
        """Stop; the suggestions accepted so far are kept."""
        self.dismiss(self.accepted)
