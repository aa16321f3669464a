"""Dialogs of the action plans: a plan's header (new or edited), a file path, import problems, and updating a plan from CSV."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Static

from screens.base import FramewheelDialog
from screens.dialogs.text_input import TextDialog
from styles import style_path
from tui.core.action_plans import HEADER_FIELDS, TEMPLATE_SECTIONS, ActionPlan
from tui.core.plan_update import match_key
from tui.widgets.typed_text import TypedInput, typed_fields_changed

HEADER_LABELS = {
    "project": "Project", "author": "Author", "date": "Date", "period_from": "Period from",
    "period_to": "Period to", "status": "Overall status",
}
"""The label of each header field."""


class PlanHeaderDialog(FramewheelDialog["dict[str, object] | None"]):
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

    def typed_text(self) -> str:
        """What is typed and not kept (asked about on quitting), else ""."""
        return "the action plan's header" if self.is_mounted and typed_fields_changed(self) else ""

    def keep_typed_text(self) -> bool:
        """Keep the form as its keep key would (quitting); False when it is refused (the form says why)."""
        self.action_keep()
        return self not in self.app.screen_stack

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


class ProblemsDialog(FramewheelDialog[None]):
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


@dataclass(frozen=True)
class ImportChoice:
    """What to do with a plan CSV: ``update`` the offered plan or make a ``new`` one, and how to update."""

    action: str
    clear_empty: bool = False
    remove: bool = False


class ImportChoiceDialog(FramewheelDialog["ImportChoice | None"]):
    """Asks whether a plan CSV updates the offered plan or becomes a new plan; dismisses with the choice, or None."""

    CSS_PATH = style_path("board.tcss")

    BINDINGS = [
        Binding("u", "choose('update')", "Update plan", id="plan-import.update"),
        Binding("n", "choose('new')", "New plan", id="plan-import.new"),
        Binding("escape", "cancel", "Cancel", id="plan-import.cancel"),
    ]

    def __init__(self, file_name: str, plan: ActionPlan, new_name: str) -> None:
        """The file chosen, the plan it would update, and the name a new plan would get."""
        super().__init__()
        self.file_name, self.plan, self.new_name = file_name, plan, new_name

    def compose(self) -> ComposeResult:
        """The two choices, the two update options (off), and buttons."""
        with Vertical(id="plan-choice-dialog", classes="dialog"):
            yield Label(f"Import {self.file_name}", classes="dialog-title")
            yield Static(
                f"u: update the plan '{self.plan.project}' from the file (rows matched by section and milestone; "
                "you see the changes before anything is written).", id="plan-choice-update", markup=False)
            twin = " (a second plan of that name)" if match_key(self.new_name) == match_key(self.plan.project) else ""
            yield Static(f"n: make a new plan '{self.new_name}' of the file's rows{twin}.", id="plan-choice-new", markup=False)
            yield Checkbox("Empty cells clear ratings, comments, owners and focus", value=False, id="clear-empty")
            yield Checkbox("Remove the plan's items the file does not have", value=False, id="remove-missing")
            yield Label("To update another plan: escape, highlight it in the list, press i again.", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Update plan (u)", variant="primary", id="update")
                yield Button("New plan (n)", id="new")
                yield Button("Cancel (escape)", id="cancel")

    def on_mount(self) -> None:
        """Focus the update button (the choice a lead keeping a spreadsheet makes)."""
        self.query_one("#update", Button).focus()

    @on(Button.Pressed, "#update")
    def _update(self) -> None:
        """Update the offered plan."""
        self.action_choose("update")

    @on(Button.Pressed, "#new")
    def _new(self) -> None:
        """Make a new plan."""
        self.action_choose("new")

    def action_choose(self, action: str) -> None:
        """Dismiss with the choice and the two options as ticked."""
        self.dismiss(ImportChoice(action, self.query_one("#clear-empty", Checkbox).value,
                                  self.query_one("#remove-missing", Checkbox).value))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Dismiss without importing."""
        self.dismiss(None)


class PlanChangesDialog(FramewheelDialog[bool]):
    """The changes an import would make to a plan, one a line; dismisses with True to write them."""

    CSS_PATH = style_path("board.tcss")

    BINDINGS = [
        Binding("y", "answer(True)", "Write the changes", id="plan-changes.yes"),
        Binding("n", "answer(False)", "Cancel", id="plan-changes.no"),
        Binding("escape", "answer(False)", "Cancel", id="plan-changes.cancel"),
    ]

    def __init__(self, title: str, summary: str, lines: list[str]) -> None:
        """The heading (plan and file), the counts (``1 changed, 2 added, 0 removed``) and the changes."""
        super().__init__()
        self.title_text, self.summary, self.lines = title, summary, lines

    def compose(self) -> ComposeResult:
        """The heading, the changes (scrollable), the question and buttons."""
        with Vertical(id="plan-changes-dialog", classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Label(self.summary, id="plan-changes-summary", markup=False)
            with VerticalScroll(id="plan-changes-list"):
                for line in self.lines:
                    yield Static(line, markup=False, classes="plan-change")
            yield Label("~ changed  + added  - removed  = not in the file, kept.  y writes them, n cancels.", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Write (y)", variant="primary", id="yes")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        """Focus the list, so that arrows scroll it."""
        self.query_one("#plan-changes-list", VerticalScroll).focus()

    @on(Button.Pressed, "#yes")
    def _yes(self) -> None:
        """Write the changes."""
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _no(self) -> None:
        """Write nothing."""
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        """Answer by key."""
        self.dismiss(answer)
