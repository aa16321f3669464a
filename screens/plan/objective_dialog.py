"""The form that adds or edits one objective of the development plan."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from screens.base import FramewheelDialog
from screens.dialogs.confirm import ConfirmDialog
from styles import style_path
from tui.core.development_plan import (
    STATUS_MARKS,
    STATUSES,
    Objective,
    check_objective,
    date_problem,
)
from tui.core.model import Framework
from tui.widgets.checklist import CheckList
from tui.widgets.typed_text import TypedInput, TypedTextArea


class ObjectiveDialog(FramewheelDialog["dict[str, Any] | None"]):
    """Dismisses with the objective's fields (checked) or None when cancelled."""

    CSS_PATH = style_path("plan.tcss")
    BINDINGS = [
        Binding("ctrl+s", "save", "Save objective", id="objective.save"),
        Binding("escape", "cancel", "Cancel", id="objective.cancel"),
    ]

    def __init__(self, framework: Framework, objective: Objective | None = None, fields: dict[str, Any] | None = None) -> None:
        """A form for a new objective (optionally pre-filled with ``fields``) or for ``objective``."""
        super().__init__()
        self.framework = framework
        self.objective = objective
        start = {name: getattr(objective, name) for name in ("title", "areas", "success_criteria", "activities",
                                                             "target_date", "status", "review_notes")} if objective else {}
        self.start: dict[str, Any] = {"title": "", "areas": (), "success_criteria": "", "activities": "", "target_date": "",
                                      "status": STATUSES[0], "review_notes": "", **start, **(fields or {})}

    def compose(self) -> ComposeResult:
        """The fields, a line for problems, and the buttons."""
        word = self.framework.area_word
        with Vertical(id="objective-dialog", classes="dialog"):
            yield Label("Edit objective" if self.objective else "New objective", classes="dialog-title")
            with VerticalScroll(id="objective-fields"):
                yield Label("Title *", classes="field-label")
                yield TypedInput(self.start["title"], placeholder="What you want to achieve", id="title")
                yield Label(f"{word}s * (space ticks [x])", classes="field-label", markup=False)
                yield CheckList(((area.heading, area.id) for area in self.framework.areas), self.start["areas"], id="areas")
                yield Label("Success criteria * (how you will know it is met)", classes="field-label")
                yield TypedTextArea(self.start["success_criteria"], id="criteria", classes="field-text")
                yield Label("Planned activities", classes="field-label")
                yield TypedTextArea(self.start["activities"], id="activities", classes="field-text")
                yield Label("Target date (YYYY-MM-DD)", classes="field-label")
                yield TypedInput(self.start["target_date"], placeholder="e.g. 2027-03-31", id="target-date")
                yield Label("Status", classes="field-label")
                yield Select([(f"{STATUS_MARKS[s]} {s}", s) for s in STATUSES], value=self.start["status"],
                             allow_blank=False, id="status")
                yield Label("Review notes", classes="field-label private")
                yield TypedTextArea(self.start["review_notes"], id="review", classes="field-text private")
                yield Label("Review notes are private: hidden while presenting, and kept as they are.",
                            classes="field-label presenting-only")
            yield Static("", id="objective-problems", classes="field-problem")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Cancel (escape)", id="cancel")

    def on_mount(self) -> None:
        """Start in the title field."""
        self.query_one("#title", Input).focus()

    def fields(self) -> dict[str, Any]:
        """The values in the form now."""
        status = self.query_one("#status", Select).value
        return {
            "title": self.query_one("#title", Input).value.strip(),
            "areas": tuple(self.query_one("#areas", CheckList).ticked),
            "success_criteria": self.query_one("#criteria", TextArea).text.strip(),
            "activities": self.query_one("#activities", TextArea).text.strip(),
            "target_date": self.query_one("#target-date", Input).value.strip(),
            "status": status if isinstance(status, str) else STATUSES[0],
            "review_notes": self.query_one("#review", TextArea).text.strip(),
        }

    @on(Input.Changed, "#target-date")
    def _check_date(self, event: Input.Changed) -> None:
        """Say at once when the target date is not a date."""
        why = date_problem(event.value)
        self.query_one("#objective-problems", Static).update(f"✗ Target date: {why}" if why else "")

    @on(Input.Submitted)
    def _next_field(self) -> None:
        """`enter` in a one-line field moves on to the next field."""
        self.focus_next()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        """Check the fields; close with them when they are all right, else say what is wrong."""
        self._save()

    def _save(self) -> bool:
        """Close with the fields when they are all right (True), else say what is wrong (False)."""
        fields = self.fields()
        problems = check_objective(fields, self.framework)
        if problems:
            self.query_one("#objective-problems", Static).update("\n".join(f"✗ {p}" for p in problems))
            self.notify(problems[0], title="Not saved", severity="error")
            return False
        self.dismiss(fields)
        return True

    def _changed(self) -> bool:
        """True when the form differs from what it started with."""
        now = self.fields()
        return {**now, "areas": set(now["areas"])} != {**self.start, "areas": set(self.start["areas"])}

    def typed_text(self) -> str:
        """What is being typed and not saved (asked about on quitting), else ""."""
        if not self.is_mounted or not self._changed():
            return ""
        title = self.fields()["title"]
        what = "the objective" if self.objective else "a new objective"
        return f"{what} “{title}”" if title else what

    def keep_typed_text(self) -> bool:
        """Save the objective as `ctrl+s` would (quitting); False when a field is wrong (the form says which)."""
        return self._save()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        """Close without saving; ask first when something was typed."""
        if not self._changed():
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            """Close when the person agrees to lose the changes."""
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmDialog("Discard the changes to this objective?", yes="Discard", no="Keep editing"), answered)
