"""The action plans (RAG boards) of the database: list, create, open, edit the header, delete, import."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Label, Static

from screens.base import FramewheelScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.boards.dialogs import PathDialog, PlanHeaderDialog, ProblemsDialog
from styles import style_path
from tui.core.action_plans import RATINGS, ActionPlan, badge
from tui.core.exchange.plan_files import CSV_COLUMNS, PlanImportError, plan_from_csv


def plan_row(plan: ActionPlan) -> tuple[str | Text, ...]:
    """The cells of one plan in the list: project, period, status, counts, green share, changed."""
    counts = plan.counts()
    rated = "  ".join(f"{badge(r)} {counts[r]}" for r in RATINGS)
    share = f"{plan.green_share():.0%}" if plan.item_count() else "–"
    return (plan.project, plan.period(), plan.status, str(plan.item_count()), rated, share, plan.updated[:16].replace("T", " "))


class ActionPlansScreen(FramewheelScreen):
    """Every action plan, the most recently changed first."""

    CSS_PATH = style_path("board.tcss")
    HELP_TITLE = "Action plans"
    HELP = """\
Your action plans (RAG boards): each has a header (project, author, date, period, overall status)
and milestones grouped by theme, rated red, amber, green or not yet rated.

`n` starts a plan, from the Technician Commitment themes or blank. `enter` opens the board.
`e` edits the highlighted plan's header, `d` deletes it (after asking). `i` imports a plan from a
CSV file with the columns `section,milestone,rag,comment,owner,focus`; the whole file is checked
first and every problem is listed with its line, and nothing is imported until all are fixed.
"""

    BINDINGS = [
        Binding("n", "new", "New plan", id="plans.new"),
        Binding("enter", "open", "Open board", id="plans.open"),
        Binding("e", "edit_header", "Edit header", id="plans.edit"),
        Binding("d", "delete", "Delete", id="plans.delete"),
        Binding("i", "import_csv", "Import CSV", id="plans.import"),
    ]

    def compose(self) -> ComposeResult:
        """The title, the list (or a hint when empty) and the footer."""
        yield Header()
        yield Label("Action plans (RAG boards)", classes="panel-title", id="plans-title")
        yield DataTable(id="plans-table", cursor_type="row", zebra_stripes=True)
        yield Static("No action plans yet: press n to start one, or i to import a CSV.", id="plans-empty")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the list."""
        self.title = "Action plans"
        table = self.query_one("#plans-table", DataTable)
        table.add_columns("Project", "Period", "Status", "Items", "Ratings", "Green", "Changed")
        self.refresh_plans()

    def on_screen_resume(self) -> None:
        """A board may have changed a plan while it was in front."""
        self.refresh_plans()

    def refresh_plans(self, select: int | None = None) -> None:
        """List the plans again, keeping (or moving to) the highlighted one."""
        table = self.query_one("#plans-table", DataTable)
        current = self.highlighted_id()
        table.clear()
        plans = self.context.action_plans.list()
        for plan in plans:
            table.add_row(*plan_row(plan), key=str(plan.id))
        self.query_one("#plans-empty", Static).display = not plans
        wanted = select if select is not None else current
        ids = [p.id for p in plans]
        if wanted in ids:
            table.move_cursor(row=ids.index(wanted))
        table.focus()

    def highlighted_id(self) -> int | None:
        """The id of the highlighted plan, or None when the list is empty."""
        table = self.query_one("#plans-table", DataTable)
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return int(key) if key is not None else None

    @on(DataTable.RowSelected, "#plans-table")
    def action_open(self) -> None:
        """Open the highlighted plan's board."""
        from screens.boards.board import BoardScreen

        plan_id = self.highlighted_id()
        if plan_id is not None:
            self.app.push_screen(BoardScreen(plan_id))

    @work
    async def action_new(self) -> None:
        """Ask for a header and create the plan (template or blank), then open it."""
        values = await self.app.push_screen_wait(PlanHeaderDialog())
        if values is None:
            return
        template = bool(values.pop("template", True))
        plan = self.context.action_plans.create(template=template, **{k: str(v) for k, v in values.items()})
        self.mark_saved(f"Created {plan.project}:")
        self.refresh_plans(select=plan.id)
        self.action_open()

    @work
    async def action_edit_header(self) -> None:
        """Edit the highlighted plan's header."""
        plan_id = self.highlighted_id()
        plan = self.context.action_plans.get(plan_id) if plan_id is not None else None
        if plan is None:
            return
        values = await self.app.push_screen_wait(PlanHeaderDialog(plan))
        if values is not None:
            self.context.action_plans.update_header(plan.id, **{k: str(v) for k, v in values.items()})
            self.mark_saved()
            self.refresh_plans(select=plan.id)

    @work
    async def action_delete(self) -> None:
        """Delete the highlighted plan after asking."""
        plan_id = self.highlighted_id()
        plan = self.context.action_plans.get(plan_id) if plan_id is not None else None
        if plan is None:
            return
        question = f"Delete the action plan '{plan.project}' and its {plan.item_count()} items? This cannot be undone."
        if await self.app.push_screen_wait(ConfirmDialog(question)):
            self.context.action_plans.delete(plan.id)
            self.mark_saved("Deleted:")
            self.refresh_plans()

    @work
    async def action_import_csv(self) -> None:
        """Ask for a CSV file, check it whole, and import it as a new plan (or list its problems)."""
        path_text = await self.app.push_screen_wait(PathDialog(
            "Import a plan from CSV", str(Path.cwd()) + "/",
            f"The first line must name the columns {','.join(CSV_COLUMNS)}.",
        ))
        if path_text is None:
            return
        path = Path(path_text).expanduser()
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            self.notify(f"Cannot read {path}: {getattr(error, 'strerror', None) or error}", severity="error", title="Not imported")
            return
        try:
            plan = plan_from_csv(text, project=path.stem)
        except PlanImportError as error:
            await self.app.push_screen_wait(ProblemsDialog(f"{path.name}: {len(error.problems)} problem(s)", [str(p) for p in error.problems]))
            return
        stored = self.context.action_plans.add(replace(plan, status="Imported"))
        self.mark_saved("Imported:")
        self.notify(f"Imported {stored.item_count()} items from {path} as '{stored.project}'.", title="Imported")
        self.refresh_plans(select=stored.id)
