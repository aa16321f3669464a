"""Dialogs of the action plans: a plan's header (new or edited), a file path, and import problems."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Static

from screens.dialogs.text_input import TextDialog
from styles import style_path
from tui.core.action_plans import HEADER_FIELDS, TEMPLATE_SECTIONS, ActionPlan
from tui.widgets.typed_text import TypedInput

HEADER_LABELS = {
    "project": "Project", "author": "Author", "date": "Date", "period_from": "Period from",
    "period_to": "Period to", "status": "Overall status",
}
"""The label of each header field."""


class PlanHeaderDialog(ModalScreen["dict[str, object] | None"]):
    """A plan's header: dismisses with the fields (and ``template`` for a new plan), or None."""

    CSS_PATH = style_path("board.tcss")

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="plan-header.cancel"),
        Binding("ctrl+s", "keep", "Keep", id="plan-header.keep"),
    ]

    def __init__(self, plan: ActionPlan | None = None) -> None:
        """Edit ``plan``'s header, or (None) describe a new plan."""
        super().__init__()
        self.plan = plan

    def compose(self) -> ComposeResult:
        """One labelled input per header field, the template choice for a new plan, and buttons."""
        title = "New action plan" if self.plan is None else "Plan header"
        with Vertical(id="plan-header-dialog", classes="dialog"):
            yield Label(title, classes="dialog-title")
            for name in HEADER_FIELDS:
                with Horizontal(classes="header-row"):
                    yield Label(HEADER_LABELS[name], classes="header-label")
                    value = getattr(self.plan, name) if self.plan else ""
                    yield TypedInput(value, id=f"header-{name}", classes="header-input")
            if self.plan is None:
                yield Checkbox("Start from the Technician Commitment themes", value=True, id="template")
                yield Static("Themes: " + ", ".join(TEMPLATE_SECTIONS) + ". Untick for a blank plan.", classes="dialog-hint")
            yield Label("enter or ctrl+s keeps, escape cancels", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep (ctrl+s)", variant="primary", id="keep")
                yield Button("Cancel (escape)", id="cancel")

    def on_mount(self) -> None:
        """Start in the project field."""
        self.query_one("#header-project", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#keep")
    def action_keep(self) -> None:
        """Dismiss with the fields typed (a project name is required)."""
        values: dict[str, object] = {name: self.query_one(f"#header-{name}", Input).value.strip() for name in HEADER_FIELDS}
        if not values["project"]:
            self.notify("Give the plan a project name (the first field).", severity="error")
            self.query_one("#header-project", Input).focus()
            return
        if self.plan is None:
            values["template"] = self.query_one("#template", Checkbox).value
        self.dismiss(values)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Dismiss without changes."""
        self.dismiss(None)


class PathDialog(TextDialog):
    """Asks for a file path (prefilled); dismisses with it, or None."""

    CSS_PATH = style_path("board.tcss")

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="path.cancel", tooltip="Close without a path")]

    def __init__(self, title: str, value: str, hint: str) -> None:
        """The question, the suggested path and a line of help; `enter` on a blank path does nothing."""
        super().__init__(
            title, value, "enter keeps, escape cancels", explain=hint, strip=True, required=True,
            dialog_id="path-dialog", input_id="path-input", select_on_focus=True,
        )


class ProblemsDialog(ModalScreen[None]):
    """Lists what is wrong with a file, one problem a line; nothing was imported."""

    CSS_PATH = style_path("board.tcss")

    BINDINGS = [Binding("escape", "close", "Close", id="problems.close")]

    def __init__(self, title: str, problems: list[str]) -> None:
        """The heading and the problems."""
        super().__init__()
        self.title_text, self.problems = title, problems

    def compose(self) -> ComposeResult:
        """The heading, the problems, a closing hint."""
        with Vertical(id="problems-dialog", classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            with VerticalScroll(id="problems-list"):
                for problem in self.problems:
                    yield Static(f"✗ {problem}", markup=False, classes="problem")
            yield Label("Nothing was imported. escape closes this.", classes="dialog-hint")

    def action_close(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
