"""The home screen: choose a framework, see your saved work, start an activity."""

from __future__ import annotations

import importlib
from typing import Callable, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import FramewheelScreen
from tui.core.model import Framework, SavedWork

RECENT_WORK = 30
"""How many saved items the home screen lists (the activities' own screens list them all)."""

LIST_WIDTH = 28
"""Framework titles longer than this are shortened with an ellipsis in the list."""

ACTIVITY_ORDER = "whlefkpbtr"
"""The order activities are listed in (the design's key list); others follow."""

NOT_ACTIVITIES = {"app.quit", "app.focus_next"}
"""Home bindings that are not activities."""

CHOSEN_MARK, OTHER_MARK = "●", " "
"""Marker in front of the chosen framework (a symbol, so it reads without colour)."""


def framework_summary(framework: Framework) -> Text:
    """What the detail panel says about a framework."""
    text = Text()
    text.append(framework.title, style="bold")
    text.append(f"  ({framework.version})\n")
    if framework.publisher:
        text.append(f"{framework.publisher}\n", style="italic")
    exemplars = sum(len(items) for area in framework.areas for items in area.exemplars.values())
    counts = [f"{len(framework.areas)} {framework.area_name}s"]
    if framework.levels:
        counts.append(f"{len(framework.levels)} levels")
    if exemplars:
        counts.append(f"{exemplars} exemplars")
    if framework.values:
        counts.append(f"{len(framework.values)} values")
    text.append(" · ".join(counts) + "\n\n")
    for area in framework.areas:
        text.append(f"{area.code or '•':>3} ", style="bold")
        text.append(area.title)
        if area.encompasses:
            text.append(f"  ({area.encompasses})", style="dim")
        text.append("\n")
    if framework.levels:
        text.append("\nLevels: ", style="bold")
        text.append(", ".join(level.title for level in framework.levels) + "\n")
    if framework.path:
        text.append(f"\nFile: {framework.path}", style="dim")
    return text


class HomeScreen(FramewheelScreen):
    """Frameworks on the left, the highlighted one's outline on the right, saved work below."""

    HELP_TITLE = "Home"
    HELP = """\
The home screen. Choose the framework to work with in the list on the left
(arrows to move, `enter` to choose it; the chosen one is marked ●). Its outline is on the right.
**Your work** lists what you have saved, most recent first; `enter` opens an item.

Your own framework files go in the user configuration folder
(`framewheel frameworks list` shows where each one was loaded from).
"""

    BINDINGS = [
        Binding("q", "app.quit", "Quit", id="home.quit", show=False),
        Binding("tab", "app.focus_next", "Next panel", id="home.next", show=False),
        Binding("k", "ranking", "Ranking", id="home.ranking", show=False),
        Binding("p", "plan", "Plan", id="home.plan", show=False),
        Binding("r", "report", "1:1 report", id="home.report", show=False,
                tooltip="Write the 1:1 report of the latest wheel to a file"),
        Binding("l", "levels", "Levels", id="home.levels", show=False),
        Binding("e", "explore", "Explore", id="home.explore", show=False),
        Binding("f", "finder", "Level finder", id="home.finder", show=False),
        Binding("w", "new_wheel", "New wheel", id="home.wheel", show=False),
        Binding("h", "wheel_history", "Wheel history", id="home.history", show=False),
        Binding("b", "boards", "Action plans (RAG boards)", id="home.boards", show=False),
    ]

    AUTO_FOCUS = "#framework-list"

    WORK_OPENERS: ClassVar[dict[str, str]] = {
        "wheel": "screens.wheel.open:open_saved_wheel",
        "ranking": "screens.ranking.ranking:open_saved_ranking",
        "plan": "screens.plan.plan:open_plan",
        "level finder": "screens.levels.finder:open_saved",
        "action plan": "screens.boards.board:open_saved_plan",
    }
    """How each kind of saved work opens: ``module:function`` taking the SavedWork, giving a Screen.

    Named, not imported, so that the home screen starts without loading every activity."""

    def compose(self) -> ComposeResult:
        """Header; frameworks and activities on the left; outline and saved work on the right; footer."""
        yield Header()
        with Horizontal(id="home-body"):
            with Vertical(id="home-left"):
                with Vertical(id="framework-panel", classes="panel"):
                    yield Label("Frameworks", classes="panel-title")
                    yield OptionList(id="framework-list")
                with Vertical(id="activity-panel", classes="panel"):
                    yield Label("Activities (press the key)", classes="panel-title")
                    yield Static(id="activities")
            with Vertical(id="home-right"):
                with VerticalScroll(id="framework-detail", classes="panel"):
                    yield Static(id="framework-summary")
                with Vertical(id="work-panel", classes="panel"):
                    yield Label("Your work", classes="panel-title")
                    yield Static("Loading your work…", id="work-empty")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the panels and focus the framework list."""
        self.title = "framewheel"
        self.query_one("#activities", Static).update(self.activity_menu())
        self.refresh_frameworks()
        self.call_after_refresh(self.refresh_work)  # the screen is usable before the list is read

    @classmethod
    def activity_bindings(cls) -> list[Binding]:
        """The activity keys of the home screen, in the order of the design's key list."""
        activities = [b for b in cls.BINDINGS if isinstance(b, Binding) and b.action not in NOT_ACTIVITIES]
        return sorted(activities, key=lambda b: (ACTIVITY_ORDER.find(b.key) % 100, b.key))

    def activity_menu(self) -> Text:
        """The activity keys of this screen, one per line, in the order of the design's key list."""
        text = Text()
        for binding in self.activity_bindings():
            text.append(f" {binding.key} ", style="bold reverse")
            text.append(f" {binding.description}\n")
        text.rstrip()
        return text

    def on_screen_resume(self) -> None:
        """Saved work may have changed while another screen was in front (the first showing loads it after drawing)."""
        if self._work_loaded:
            self.refresh_work()

    def refresh_frameworks(self) -> None:
        """List the loaded frameworks, the chosen one marked and highlighted."""
        option_list = self.query_one("#framework-list", OptionList)
        option_list.clear_options()
        chosen = self.context.framework_id
        frameworks = self.context.catalog.ordered()
        for framework in frameworks:
            mark = CHOSEN_MARK if framework.id == chosen else OTHER_MARK
            title = framework.title if len(framework.title) <= LIST_WIDTH else framework.title[: LIST_WIDTH - 1] + "…"
            prompt = Text(f"{mark} {title}")
            option_list.add_option(Option(prompt, id=framework.id))
        index = next((i for i, f in enumerate(frameworks) if f.id == chosen), 0)
        option_list.highlighted = index
        self.show_framework(self.context.framework)

    _work_loaded = False
    """True once the work list has been read (it is read just after the first drawing)."""

    def refresh_work(self) -> None:
        """List the most recent saved work (the table is only built once there is some)."""
        self._work_loaded = True
        items = self.context.saved_work()
        shown = items[:RECENT_WORK]
        self._work = {f"{item.kind}:{item.record_id}": item for item in shown}
        empty = self.query_one("#work-empty", Static)
        tables = self.query("#work-table").results(DataTable)
        table = next(tables, None)
        if not items:
            empty.update("Nothing saved yet.")
            if table is not None:
                table.display = False
            return
        if table is None:
            table = DataTable(id="work-table", cursor_type="row", zebra_stripes=True)
            table.add_columns("Title", "What", "Changed", "Framework")
            self.query_one("#work-panel").mount(table, before=empty)
        table.display = True
        table.clear()
        for item in shown:
            changed = item.updated[:16].replace("T", " ")
            table.add_row(item.title, item.kind, changed, item.framework_id, key=f"{item.kind}:{item.record_id}")
        more = len(items) - len(shown)
        empty.update(f"and {more} more" if more else "")

    def show_framework(self, framework: Framework) -> None:
        """Show a framework's outline in the detail panel."""
        self.query_one("#framework-summary", Static).update(framework_summary(framework))

    def action_new_wheel(self) -> None:
        """Start a new wheel for the chosen framework, the focus on its first slider (`w`)."""
        from screens.wheel.open import start_new_wheel

        start_new_wheel(self)

    def action_wheel_history(self) -> None:
        """List the wheels kept (`h`)."""
        from screens.wheel.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_boards(self) -> None:
        """Open the action plans (RAG boards) (`b`)."""
        from screens.boards.action_plans import ActionPlansScreen

        self.app.push_screen(ActionPlansScreen())

    @on(OptionList.OptionHighlighted, "#framework-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Preview the highlighted framework."""
        framework = self.context.catalog.get(event.option.id or "")
        if framework is not None:
            self.show_framework(framework)

    @on(OptionList.OptionSelected, "#framework-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Make the selected framework the one activities use."""
        framework = self.context.choose_framework(event.option.id or "")
        self.refresh_frameworks()
        self.mark_saved()
        self.notify(f"Working with {framework.title}.", timeout=3)

    def action_ranking(self) -> None:
        """Rank the chosen framework's areas for a team (`k`)."""
        from screens.ranking.ranking import RankingScreen

        self.app.push_screen(RankingScreen())

    def action_plan(self) -> None:
        """Open the development plan of the chosen framework (`p`)."""
        from screens.plan.plan import PlanScreen

        self.app.push_screen(PlanScreen())

    def action_report(self) -> None:
        """Write the 1:1 report of the chosen framework's latest wheel (`r`)."""
        from screens.plan.plan import report_latest

        report_latest(self, self.context.framework)

    def action_levels(self) -> None:
        """Open the levels of the chosen framework (`l`)."""
        from screens.levels.levels import LevelsScreen

        self.app.push_screen(LevelsScreen())

    def action_explore(self) -> None:
        """Open the explorer of the chosen framework (`e`)."""
        from screens.levels.explore import ExplorerScreen

        self.app.push_screen(ExplorerScreen())

    def action_finder(self) -> None:
        """Open the level finder on the latest record of the chosen framework (`f`)."""
        from screens.levels.finder import FinderScreen

        self.app.push_screen(FinderScreen())

    @on(DataTable.RowSelected, "#work-table")
    def _open_work(self, event: DataTable.RowSelected) -> None:
        """Open a saved item with the screen its activity registered."""
        item = self._work.get(str(event.row_key.value))
        target = self.WORK_OPENERS.get(item.kind) if item else None
        if item is None or target is None:
            return
        module_name, _, function_name = target.partition(":")
        opener: Callable[[SavedWork], Screen] = getattr(importlib.import_module(module_name), function_name)
        self.app.push_screen(opener(item))
