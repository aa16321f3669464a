"""The development plan: objectives tied to areas, edited, reordered, suggested from a wheel."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Header, Label, Static

from screens.base import PRIVATE_PLACEHOLDER, FramewheelScreen
from screens.dialogs.confirm import ConfirmDialog
from styles import style_path
from tui.core.development_plan import (
    plural,
    STATUSES,
    Objective,
    PlanError,
    Suggestion,
    suggest_objectives,
)
from tui.core.model import Framework, SavedWork
from tui.core.text import truncate
from tui.widgets.row_table import RowTable
from tui.widgets.key_footer import KeyFooter

AREAS_WIDTH = 20
"""Characters of the areas column before it is shortened."""


def objective_detail(objective: Objective, framework: Framework, hide_notes: bool = False) -> Text:
    """Everything about one objective, for the panel under the list (``hide_notes``: the review notes stay private)."""
    text = Text()
    text.append(f"{objective.title}\n", style="bold")
    areas = ", ".join(a.heading if (a := framework.area(i)) else i for i in objective.areas)
    due = objective.target_date or "no target date"
    text.append(f"{objective.mark} {objective.status} · {due} · {areas}\n")
    if objective.role:
        text.append("For the role: ", style="bold")
        text.append(f"{objective.role}\n")
    for label, value in (("Success criteria", objective.success_criteria), ("Planned activities", objective.activities),
                         ("Review notes", PRIVATE_PLACEHOLDER if hide_notes and objective.review_notes else objective.review_notes)):
        text.append(f"{label}: ", style="bold")
        text.append(f"{value or '-'}\n")
    return text


def report_latest(screen: FramewheelScreen, framework: Framework) -> None:
    """Make the 1:1 report of the framework's latest wheel: header once, preview, then write (shared by home and plan)."""
    from screens.plan.report_flow import start_report

    start_report(screen, framework)


class PlanScreen(FramewheelScreen):
    """The objectives of one framework's development plan, in order."""

    CSS_PATH = style_path("plan.tcss")
    HELP_TITLE = "Development plan"
    HELP = """\
Your development plan: objectives, each tied to one or more areas, with **success criteria**
(required: how you will know it is met), planned activities, a target date (YYYY-MM-DD) and a status
(○ not started, ◐ in progress, ● done, × dropped).

`n` adds an objective, `enter` edits the highlighted one (`ctrl+s` saves the form), `space` moves it
to the next status, `shift+up`/`shift+down` reorder, `d` deletes (after you confirm).
`ctrl+z` undoes the last change and `ctrl+y` redoes it.
`s` suggests objectives from your latest wheel (the largest gaps and top strengths); accept or
discard each; `c` there lists the institution's development activities for the suggestion's area,
and the one chosen becomes the planned activity of the objective made from it. `x` shows the 1:1 report of your latest wheel, with your open objectives, then writes it as Markdown (`m`) or
HTML with the wheel drawn (`h`); the first report asks for the name, role and meeting date at its top.
"""

    BINDINGS = [
        Binding("n", "new", "New", id="plan.new"),
        Binding("enter", "edit", "Edit", id="plan.edit"),
        Binding("d", "delete", "Delete", id="plan.delete"),
        Binding("space", "next_status", "Status", id="plan.status"),
        Binding("shift+up", "move(-1)", "Up", id="plan.up", key_display="⇧↑", tooltip="Move the objective up the plan"),
        Binding("shift+down", "move(1)", "Down", id="plan.down", key_display="⇧↓", tooltip="Move the objective down the plan"),
        Binding("ctrl+z", "undo", "Undo", id="plan.undo", show=False),
        Binding("ctrl+y", "redo", "Redo", id="plan.redo", show=False),
        Binding("s", "suggest", "Suggest", id="plan.suggest", tooltip="Suggest objectives from my latest wheel"),
        Binding("x", "report", "Report", id="plan.report", tooltip="Preview the 1:1 report of my latest wheel, then write it (Markdown or HTML)"),
    ]

    def __init__(self, framework_id: str | None = None) -> None:
        """The plan of ``framework_id`` (default: the framework chosen on the home screen)."""
        super().__init__()
        self.framework_id = framework_id
        self.undo_stack: list[list[Objective]] = []
        """Plans as they were before each change, the latest last."""
        self.redo_stack: list[list[Objective]] = []
        """Plans undone, to redo, the latest last."""

    @property
    def framework(self) -> Framework:
        """The framework whose plan this is."""
        return self.context.catalog.get(self.framework_id or "") or self.context.framework

    def compose(self) -> ComposeResult:
        """Heading, the list of objectives, the detail of the highlighted one."""
        yield Header()
        yield Label("", id="plan-heading", classes="panel-title")
        yield RowTable(id="objectives", cursor_type="row", zebra_stripes=True)
        yield Static("", id="plan-empty")
        with VerticalScroll(id="objective-detail", classes="panel"):
            yield Static(id="objective-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Build the table and fill it."""
        self.title = "Development plan"
        table = self.query_one("#objectives", DataTable)
        table.add_column("#", key="n")
        table.add_column("Status", key="status")
        table.add_column("Objective", key="title")
        table.add_column(self.framework.area_words, key="areas")
        table.add_column("Target", key="target")
        self.refresh_plan()
        table.focus()

    def objectives(self) -> list[Objective]:
        """The plan's objectives in order."""
        return self.context.development_plan.list(self.framework.id)

    def refresh_plan(self, select: int | None = None) -> None:
        """Fill the table (keeping the highlighted objective, or moving to ``select``)."""
        table = self.query_one("#objectives", DataTable)
        current = self.current()
        wanted = select if select is not None else (current.id if current else None)
        objectives = self.objectives()
        table.clear()
        room = max(self.app.size.width - 8 - 15 - AREAS_WIDTH - 12, 16)
        for number, objective in enumerate(objectives, start=1):
            areas = ", ".join(a.label if (a := self.framework.area(i)) else i for i in objective.areas)
            table.add_row(str(number), f"{objective.mark} {objective.status}", truncate(objective.title, room),
                          truncate(areas, AREAS_WIDTH), objective.target_date or "-", key=str(objective.id))
        still_open = sum(1 for o in objectives if o.is_open)
        self.query_one("#plan-heading", Label).update(
            f"{self.framework.title}: {plural(len(objectives), 'objective')}, {still_open} open"
            + (" · enter edits" if objectives else "")
        )
        self.query_one("#plan-empty", Static).update(
            "" if objectives else "No objectives yet. Press n to add one, or s to suggest some from your latest wheel."
        )
        self.query_one("#plan-empty", Static).display = not objectives
        self.query_one("#objective-detail").display = bool(objectives)
        index = next((i for i, o in enumerate(objectives) if o.id == wanted), 0)
        if objectives:
            table.move_cursor(row=index)
        self.show_detail()

    def current(self) -> Objective | None:
        """The highlighted objective, or None when the plan is empty."""
        table = self.query_one("#objectives", DataTable)
        if table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.context.development_plan.get(int(key or 0))

    def show_detail(self) -> None:
        """Show the highlighted objective in the panel below."""
        objective = self.current()
        panel = self.query_one("#objective-text", Static)
        hide = self.hides("plan", "review_notes")
        panel.update(objective_detail(objective, self.framework, hide) if objective else "")

    def presentation_changed(self) -> None:
        """Show or hide the review notes (private while presenting)."""
        if self.is_mounted:
            self.show_detail()

    def on_resize(self) -> None:
        """Fit the columns to the new width."""
        if self.is_mounted:
            self.refresh_plan()

    @on(DataTable.RowHighlighted, "#objectives")
    def _highlighted(self) -> None:
        """Follow the cursor in the detail panel."""
        self.show_detail()

    @on(DataTable.RowSelected, "#objectives")
    def _selected(self) -> None:
        """`enter` on a row edits it."""
        self.action_edit()

    def action_new(self) -> None:
        """Add an objective through the form (`n`)."""
        from screens.plan.objective_dialog import ObjectiveDialog

        self.app.push_screen(ObjectiveDialog(self.framework), self._store_new)

    def _store_new(self, fields: dict[str, Any] | None) -> None:
        """Save the new objective from the form."""
        if fields:
            self._save(lambda: self.context.development_plan.add(self.framework, **fields), "Objective added")

    def action_edit(self) -> None:
        """Edit the highlighted objective in the form (`enter`)."""
        from screens.plan.objective_dialog import ObjectiveDialog

        objective = self.current()
        if objective is None:
            self.notify("The plan is empty; press n to add an objective.", severity="warning")
            return

        def store(fields: dict[str, Any] | None) -> None:
            """Save the changed fields."""
            if fields:
                self._save(lambda: self.context.development_plan.update(objective.id, self.framework, **fields), "Objective saved")

        self.app.push_screen(ObjectiveDialog(self.framework, objective), store)

    def remember(self) -> None:
        """Keep the plan as it is now, before a change, so `ctrl+z` can bring it back."""
        self.undo_stack.append(self.objectives())
        self.redo_stack.clear()

    def _step(self, source: list[list[Objective]], target: list[list[Objective]], word: str) -> None:
        """Undo or redo: put back the latest plan of ``source``, keeping the present one in ``target``."""
        if not source:
            self.notify(f"Nothing to {word.lower()}.", timeout=2)
            return
        target.append(self.objectives())
        self.context.development_plan.restore(self.framework.id, source.pop())
        self.refresh_plan()
        self.mark_saved("Undone" if word == "Undo" else "Redone")

    def action_undo(self) -> None:
        """Undo the last change to the plan (`ctrl+z`)."""
        self._step(self.undo_stack, self.redo_stack, "Undo")

    def action_redo(self) -> None:
        """Redo the last change undone (`ctrl+y`)."""
        self._step(self.redo_stack, self.undo_stack, "Redo")

    def _save(self, change: Any, what: str) -> None:
        """Run one change, then refresh and say it is saved (or say what was wrong)."""
        before = self.objectives()
        try:
            objective = change()
        except PlanError as error:
            self.notify("\n".join(error.problems), title="Not saved", severity="error")
            return
        self.undo_stack.append(before)
        self.redo_stack.clear()
        self.refresh_plan(select=objective.id)
        self.mark_saved(what)

    def action_next_status(self) -> None:
        """Move the highlighted objective to the next status (`space`)."""
        objective = self.current()
        if objective is not None:
            status = STATUSES[(STATUSES.index(objective.status) + 1) % len(STATUSES)] if objective.status in STATUSES else STATUSES[0]
            self._save(lambda: self.context.development_plan.update(objective.id, self.framework, status=status),
                       f"Status: {status}")

    def action_move(self, delta: int) -> None:
        """Move the highlighted objective up or down the plan (`shift+up`/`shift+down`)."""
        objective = self.current()
        if objective is None:
            return
        before = self.objectives()
        if self.context.development_plan.move(objective.id, delta):
            self.undo_stack.append(before)
            self.redo_stack.clear()
            self.refresh_plan(select=objective.id)
            self.mark_saved("Moved")
        else:
            self.notify("Already at the " + ("top." if delta < 0 else "bottom."), timeout=2)

    def action_delete(self) -> None:
        """Delete the highlighted objective after confirmation (`d`)."""
        objective = self.current()
        if objective is None:
            return

        def answered(yes: bool | None) -> None:
            """Delete when confirmed."""
            if yes:
                self.remember()
                self.context.development_plan.delete(objective.id)
                self.refresh_plan()
                self.mark_saved("Deleted")

        self.app.push_screen(ConfirmDialog(f"Delete the objective '{objective.title}'?"), answered)

    def action_suggest(self) -> None:
        """Propose objectives from the latest wheel; the person accepts or discards each (`s`)."""
        from screens.plan.suggestions import SuggestionsDialog

        wheel = self.context.assessments.latest(self.framework.id)
        if wheel is None:
            self.notify(f"There is no wheel for {self.framework.title} yet; rate yourself first (w on the home screen).",
                        title="Nothing to suggest from", severity="warning")
            return
        suggestions = suggest_objectives(wheel, self.framework, existing=self.objectives())
        if not suggestions:
            told = (f"Your latest wheel “{wheel.label}” has no ratings yet: rate it first (h, then enter on the wheel)."
                    if not wheel.rated_count(self.framework) else
                    "Your latest wheel shows no gaps or strengths that the plan does not already cover.")
            self.notify(told, title="No suggestions")
            return
        self.app.push_screen(SuggestionsDialog(suggestions, wheel.label, self.framework,
                                               self.context.catalogue.activities(self.framework.id)), self._accept)

    def _accept(self, accepted: list[Suggestion] | None) -> None:
        """Add the accepted suggestions as objectives."""
        last = None
        if accepted:
            self.remember()
        for suggestion in accepted or []:
            last = self.context.development_plan.add(self.framework, **suggestion.objective_fields())
        if last is not None:
            self.refresh_plan(select=last.id)
            self.mark_saved(f"Added {plural(len(accepted or []), 'objective')};")

    def action_report(self) -> None:
        """Preview the 1:1 report of the latest wheel, then write it (`x`)."""
        report_latest(self, self.framework)

    def screen_commands(self) -> Iterable[SystemCommand]:
        """The plan's commands in the palette."""
        yield SystemCommand("Suggest objectives from my wheel", "Largest gaps and top strengths of the latest wheel", self.action_suggest)
        yield SystemCommand("Write the 1:1 report", "Preview the report of the latest wheel, then write it as Markdown or HTML", self.action_report)


def open_plan(item: SavedWork) -> PlanScreen:
    """Open a plan from the home screen's work list."""
    return PlanScreen(item.framework_id)

