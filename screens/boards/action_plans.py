"""The action plans (RAG boards) of the database: list, create, open, edit the header, delete, import."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from rich.text import Text
from textual import work
from textual.binding import Binding
from textual.widgets import Static

from screens.boards.dialogs import ImportChoice, ImportChoiceDialog, PathDialog, PlanChangesDialog, PlanHeaderDialog, ProblemsDialog
from screens.record_list import RecordListScreen
from styles import style_path
from tui.core.action_plans import RATINGS, ActionPlan, badge
from tui.core.exchange.plan_files import CSV_COLUMNS, PlanRow, plan_from_rows, read_plan_rows
from tui.core.plan_update import best_plan, compute_changes, no_change_text
from tui.core.text import truncate


def plan_row(plan: ActionPlan) -> tuple[str | Text, ...]:
    """The cells of one plan in the list: project, period, status, counts, green share, changed."""
    counts = plan.counts()
    rated = "  ".join(f"{badge(r)} {counts[r]}" for r in RATINGS)
    share = f"{plan.green_share():.0%}" if plan.item_count() else "–"
    return (plan.project, plan.period(), plan.status, str(plan.item_count()), rated, share, plan.updated[:16].replace("T", " "))


PERIOD_ROOM, RATINGS_ROOM = len("September 2018 to Present"), len("R ● 99  A ▲ 99  G ✔ 99  — ○ 99")
"""Room kept for a long period and for the ratings, so the project's width is the same on every row."""


class ActionPlansScreen(RecordListScreen[ActionPlan]):
    """Every action plan, the most recently changed first."""

    CSS_PATH = style_path("board.tcss")
    HELP_TITLE = "Action plans"
    HELP = """\
Your action plans (RAG boards): each has a header (project, author, date, period, overall status)
and milestones grouped by theme, rated red, amber, green or not yet rated.

`n` starts a plan, from the Technician Commitment themes or blank. `enter` opens the board.
`e` edits the highlighted plan's header, `d` deletes it (after asking). `i` imports a CSV file with
the columns `section,milestone,rag,comment,owner,focus`; the whole file is checked first and every
problem is listed with its line, and nothing is imported until all are fixed.

A plan kept in a spreadsheet: `i` then `u` updates a plan from its CSV (the plan named like the
file, else the highlighted one), `n` makes a new plan. Rows are matched to milestones by section and
milestone text; the changes (changed, added, removed, not in the file) are shown, and `y` writes
them. An empty cell keeps the plan's rating, comment, owner or focus, and items the file does not
have are kept, unless you tick otherwise.
"""

    BINDINGS = [
        Binding("n", "new", "New plan", id="plans.new"),
        Binding("enter", "open", "Open board", id="plans.open"),
        Binding("e", "rename", "Edit header", id="plans.edit"),
        Binding("d", "delete", "Delete", id="plans.delete"),
        Binding("i", "import_csv", "Import CSV", id="plans.import"),
    ]

    SCREEN_TITLE = "Action plans"
    LIST_TITLE = "Action plans (RAG boards)"
    TITLE_ID = "plans-title"
    TABLE_ID = "plans-table"
    EMPTY_ID = "plans-empty"
    EMPTY_TEXT = "No action plans yet: press n to start one, or i to import a CSV."
    COLUMNS = ("Project", "Period", "Status", "Items", "Ratings", "Green", "Changed")
    NARROW_COLUMNS = ("Project", "Period", "Ratings")  # below 120 columns: F1 and the board show the rest
    DELETED_NOTE = "Deleted:"

    def load_records(self) -> list[ActionPlan]:
        """Every plan, the most recently changed first."""
        return self.context.action_plans.list()

    def ordered_ids(self) -> Sequence[int]:
        """Every plan's id, the most recently changed first (no plan built; the same list while none changed)."""
        return self.context.action_plans.ordered_ids()

    def load_page(self, ids: Sequence[int]) -> list[ActionPlan]:
        """The plans with these ids, in that order."""
        return self.context.action_plans.page(ids)

    def record_id(self, record: ActionPlan) -> int:
        """The plan's id."""
        return record.id

    def row_cells(self, record: ActionPlan) -> tuple[str | Text, ...]:
        """See :func:`plan_row`; on a narrow terminal the project is shortened with `…` so the period and ratings show whole."""
        cells = plan_row(record)
        if not self.narrow():
            return cells
        project, period, rated = str(cells[0]), str(cells[1]), cells[4]
        # the same room on every row, whatever its cells (a column is as wide as its widest cell): the period and
        # ratings at their widest (a longer one shortened with `…`), the gaps
        if len(str(rated)) > RATINGS_ROOM:
            rated = truncate(str(rated), RATINGS_ROOM)
        room = self.app.size.width - PERIOD_ROOM - RATINGS_ROOM - 8
        return (truncate(project, max(12, room), one_line=True), truncate(period, PERIOD_ROOM, one_line=True), rated)

    def fetch_record(self, record_id: int) -> ActionPlan | None:
        """The plan as stored now."""
        return self.context.action_plans.get(record_id)

    def show_empty(self, empty: bool) -> None:
        """The hint shows under the (empty) table when there are no plans."""
        self.query_one(f"#{self.EMPTY_ID}", Static).display = empty

    def open_record(self, record: ActionPlan) -> None:
        """Open the plan's board."""
        from screens.boards.board import BoardScreen

        self.app.push_screen(BoardScreen(record.id))

    def action_new(self) -> None:
        """Start a plan (`n`)."""
        self._new_plan()

    @work
    async def _new_plan(self) -> None:
        """Ask for a header and create the plan (template or blank), then open it."""
        values = await self.app.push_screen_wait(PlanHeaderDialog())
        if values is None:
            return
        template = bool(values.pop("template", True))
        plan = self.context.action_plans.create(template=template, **{k: str(v) for k, v in values.items()})
        self.mark_saved(f"Created {plan.project}:")
        self.refresh_records(select=plan.id)
        self.action_open()

    def rename_record(self, record: ActionPlan) -> None:
        """Edit the plan's header (`e`)."""

        def given(values: dict[str, object] | None) -> None:
            """Store the header unless cancelled."""
            if values is not None:
                self.context.action_plans.update_header(record.id, **{k: str(v) for k, v in values.items()})
                self.mark_saved()
                self.refresh_records(select=record.id)

        self.app.push_screen(PlanHeaderDialog(record), given)

    def delete_question(self, record: ActionPlan) -> str:
        """Name the plan and how many items go with it."""
        return f"Delete the action plan '{record.project}' and its {record.item_count()} items? This cannot be undone."

    def delete_record(self, record: ActionPlan) -> None:
        """Delete the plan and its items."""
        self.context.action_plans.delete(record.id)

    @work
    async def action_import_csv(self) -> None:
        """Ask for a CSV file and check it whole; then update a plan from it, or import it as a new plan."""
        path_text = await self.app.push_screen_wait(PathDialog(
            "Import a plan from CSV", str(Path.cwd()) + "/",
            f"The first line must name the columns {','.join(CSV_COLUMNS)}.",
        ))
        if path_text is None:
            return
        path = Path(path_text).expanduser()
        try:
            rows, problems = read_plan_rows(path)
        except (OSError, UnicodeDecodeError) as error:
            self.notify(f"Cannot read {path}: {getattr(error, 'strerror', None) or error}", severity="error", title="Not imported")
            return
        if rows is None:
            await self.app.push_screen_wait(ProblemsDialog(f"{path.name}: {len(problems)} problem(s)", [str(p) for p in problems]))
            return
        highlighted_id = self.highlighted_id()
        highlighted = self.fetch_record(highlighted_id) if highlighted_id is not None else None
        target = best_plan(self.context.action_plans.list(), path.stem, highlighted)
        if target is not None:
            choice = await self.app.push_screen_wait(ImportChoiceDialog(path.name, target, path.stem))
            if choice is None:
                return
            if choice.action == "update":
                await self._update_plan(target, rows, path, choice)
                return
        stored = self.context.action_plans.add(replace(plan_from_rows(rows, path.stem), status="Imported"))
        self.mark_saved("Imported:")
        self.notify(f"Imported {stored.item_count()} items from {path} as '{stored.project}'.", title="Imported")
        self.refresh_records(select=stored.id)

    async def _update_plan(self, target: ActionPlan, rows: list[PlanRow], path: Path, choice: ImportChoice) -> None:
        """Show the changes the rows make to ``target``, and write them once confirmed (none: say so)."""
        plan = self.context.action_plans.get(target.id)
        if plan is None:
            self.notify(f"The plan '{target.project}' is no longer stored.", severity="error", title="Not imported")
            self.refresh_records()
            return
        changes = compute_changes(plan, rows, clear_empty=choice.clear_empty, remove=choice.remove)
        if not changes.any:
            self.notify(no_change_text(path.name, changes, plan.project), title="No change")
            return
        title = f"Update '{plan.project}' from {path.name}"
        if not await self.app.push_screen_wait(PlanChangesDialog(title, changes.summary(), changes.lines())):
            self.notify("Nothing was written.", title="Not imported")
            return
        try:
            self.context.action_plans.save_changes(plan, changes.result)
        except KeyError:
            self.notify(f"The plan '{plan.project}' was deleted meanwhile; nothing was written.", severity="error")
            self.refresh_records()
            return
        self.mark_saved("Updated:")
        self.notify(f"Updated '{plan.project}' from {path.name}: {changes.summary()}.", title="Updated")
        self.refresh_records(select=plan.id)
