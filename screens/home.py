"""The home screen: choose a framework, see your saved work, start an activity."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import FramewheelScreen
from screens.guidance.markdown_text import markdown_text
from tui.collector import resume_after_start
from tui.core.model import Framework, SavedWork
from tui.core.text import truncate
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from textual.widgets import DataTable

    from tui.widgets.row_table import RowTable

WORK_COLUMNS = ("Title", "What", "Changed", "Framework")
"""The columns of "Your work" from :data:`WIDE_WORK` columns; below it, the title (shortened with `…`) and what it is."""

WIDE_WORK = 120
"""From this width "Your work" shows when each item changed and its framework."""

RECENT_WORK = 30
"""How many saved items the home screen lists (the activities' own screens list them all)."""

LIST_WIDTH = 28
"""Framework titles longer than this are shortened with an ellipsis in the list."""

ACTIVITY_ORDER = "whlefkpobtsigx"
"""The order activity keys are listed in (the design's key list); others follow."""

CHOSEN_MARK, OTHER_MARK = "●", " "
"""Marker in front of the chosen framework (a symbol, so it reads without colour)."""


def framework_summary(framework: Framework) -> Text:
    """What the detail panel says about a framework."""
    text = Text()
    text.append(framework.title, style="bold")
    text.append(f"  ({framework.version})\n")
    if framework.publisher:
        text.append(f"{framework.publisher}\n", style="italic")
    if framework.based_on:
        text.append(f"Tailored copy, based on {framework.based_on}\n", style="italic")
    exemplars = sum(len(items) for area in framework.areas for items in area.exemplars.values())
    counts = [f"{len(framework.areas)} {framework.area_plural}"]
    if framework.levels:
        counts.append(f"{len(framework.levels)} levels")
    if exemplars:
        counts.append(f"{exemplars} exemplars")
    if framework.values:
        counts.append(f"{len(framework.values)} values")
    text.append(" · ".join(counts) + "\n\n")
    if framework.description.strip():
        text.append_text(markdown_text(framework.description))
        text.append("\n\n")
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
(arrows to move, `enter` to choose it; the chosen one is marked ●). Its outline is on the right:
its description, its areas and its levels. `g` opens its guidance (hints and tips).
**Your work** lists what you have saved, most recent first; `enter` opens an item.

Your own framework files go in the user configuration folder
(`framewheel frameworks list` shows where each one was loaded from).
"""

    BINDINGS = [
        Binding("q", "app.quit", "Quit", id="home.quit", show=False),
        Binding("tab", "app.focus_next", "Next panel", id="home.next", show=False),
    ]

    AUTO_FOCUS = "#framework-list"

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
                    yield Static(id="work-empty")
        yield KeyFooter()

    def __init__(self) -> None:
        """A home screen whose activity keys are those of the run's activity registry."""
        super().__init__()
        for binding in self.activity_bindings():
            self._bindings.key_to_bindings.setdefault(binding.key, []).append(binding)

    def on_mount(self) -> None:
        """Fill every panel before the first drawing (the outline and the saved work too), and focus the framework list.

        The screen is complete from its first drawing. Drawing it with the outline and the work
        list still to come, then again with them, cost a second layout and about 50 ms more
        before it was complete (see benchmarks/startup.py).
        """
        self.title = "framewheel"
        self.query_one("#activities", Static).update(self.activity_menu())
        self.call_after_refresh(self._fit_activity_menu)
        self.refresh_frameworks()
        self.refresh_work()
        self.call_after_refresh(resume_after_start)  # the start is complete once this is drawn

    def activity_bindings(self) -> list[Binding]:
        """The activity keys of the home screen (one per launcher of the registry), in the design's key order."""
        bindings = [
            Binding(launcher.key, f"launch('{launcher.name}')", launcher.description, id=f"home.{launcher.name}",
                    show=False, tooltip=launcher.tooltip)
            for launcher in self.context.activities.launchers()
        ]
        return sorted(bindings, key=lambda b: (ACTIVITY_ORDER.find(b.key) % 100, b.key))

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Palette entries of the home screen: a tailored framework's changes from its base, when one is chosen."""
        if self.context.framework.based_on:
            from screens.institution.tailoring import open_tailoring

            yield SystemCommand("What the tailored framework changed",
                                f"{self.context.framework.title}: its changes from {self.context.framework.based_on}",
                                lambda: open_tailoring(self))

    def action_launch(self, name: str) -> None:
        """Start the activity whose launcher is called ``name`` (its key on this screen, or the palette)."""
        launcher = self.context.activities.launcher(name)
        if launcher is not None:
            launcher.start(self)

    def activity_menu(self, rows: int = 0, width: int = 0) -> Text:
        """The activity keys of this screen in the order of the design's key list: one per line, or, when
        fewer than ``rows`` lines fit, in two columns of ``width`` cells (each description shortened)."""
        text = Text()
        bindings = self.activity_bindings()
        if rows and width and len(bindings) > rows:
            half = (len(bindings) + 1) // 2
            first = min(max(len(b.description) for b in bindings[:half]), (width - 9) // 2)
            widths = (first, width - 9 - first)  # each column: " k " and a space, then its description
            for index in range(half):
                for column, binding in enumerate(bindings[index::half][:2]):
                    text.append(f" {binding.key} ", style="bold reverse")
                    text.append(" " + truncate(binding.description, widths[column], pad=column == 0) + " ")
                text.append("\n")
            text.rstrip()
            return text
        for binding in bindings:
            text.append(f" {binding.key} ", style="bold reverse")
            text.append(f" {binding.description}\n")
        text.rstrip()
        return text

    def on_resize(self) -> None:
        """Lay the activity keys out in two columns when one column would not fit the panel."""
        self.call_after_refresh(self._fit_activity_menu)

    _menu_fitted: tuple[int, int] | None = None
    """The panel size the activity keys were last laid out for (not laid out again for the same size)."""

    def _fit_activity_menu(self) -> None:
        """Redraw the activity keys for the panel's size now (nothing to do when it has not changed)."""
        panel = self.query_one("#activity-panel")
        rows, width = panel.size.height - 1, panel.size.width  # the panel's title takes a line
        if (rows, width) == self._menu_fitted:
            return
        self._menu_fitted = (rows, width)
        self.query_one("#activities", Static).update(self.activity_menu(rows, width) if rows > 0 else self.activity_menu())

    def on_screen_resume(self) -> None:
        """Saved work may have changed while another screen was in front."""
        self.refresh_work()

    def refresh_frameworks(self, outline: bool = True) -> None:
        """List the loaded frameworks, the chosen one marked and highlighted (and, with ``outline``, its outline shown)."""
        option_list = self.query_one("#framework-list", OptionList)
        option_list.clear_options()
        chosen = self.context.framework_id
        frameworks = self.context.catalog.ordered()
        for framework in frameworks:
            mark = CHOSEN_MARK if framework.id == chosen else OTHER_MARK
            title = truncate(framework.title, LIST_WIDTH)
            prompt = Text(f"{mark} {title}")
            option_list.add_option(Option(prompt, id=framework.id))
        index = next((i for i, f in enumerate(frameworks) if f.id == chosen), 0)
        option_list.highlighted = index
        if outline:
            self.show_framework(self.context.framework)

    _work_shown: tuple[list[SavedWork], int] | None = None
    """The saved work last listed and the count of all of it (the table is not built again while they are the same)."""

    def refresh_work(self) -> None:
        """List the most recent saved work (the table is only built once there is some)."""
        shown, total = self.context.recent_work(RECENT_WORK)
        if (shown, total) == self._work_shown:
            return
        self._work_shown = (shown, total)
        self._work = {f"{item.kind}:{item.record_id}": item for item in shown}
        empty = self.query_one("#work-empty", Static)
        table: RowTable | None = next(iter(self.query("#work-table")), None)  # type: ignore[assignment]
        if not total:
            empty.update("Nothing saved yet.")
            if table is not None:
                table.display = False
            return
        if table is None:
            from tui.widgets.row_table import RowTable  # loaded once there is work to list (not for an empty file's start)

            table = RowTable(id="work-table", cursor_type="row", zebra_stripes=True)
            table.add_columns(*(WORK_COLUMNS if self.app.size.width >= WIDE_WORK else WORK_COLUMNS[:2]))
            self.query_one("#work-panel").mount(table, before=empty)
        table.display = True
        table.clear()
        wide = len(table.columns) == len(WORK_COLUMNS)
        title_width = max(12, (table.size.width or self.app.size.width // 2 - 4) - 8 - max(
            [len(WORK_COLUMNS[1])] + [len(item.kind) for item in shown]))
        for item in shown:
            changed = item.updated[:16].replace("T", " ")
            cells = (item.title, item.kind, changed, item.framework_id) if wide else (truncate(item.title, title_width, one_line=True), item.kind)
            table.add_row(*cells, key=f"{item.kind}:{item.record_id}")
        more = total - len(shown)
        empty.update(f"and {more} more" if more else "")

    _shown_framework: Framework | None = None
    """The framework whose outline the detail panel shows (None until it is first filled in)."""

    def show_framework(self, framework: Framework) -> None:
        """Show a framework's outline in the detail panel (not drawn again when it already shows it)."""
        if framework is self._shown_framework:
            return
        self._shown_framework = framework
        self.query_one("#framework-summary", Static).update(framework_summary(framework))

    @on(OptionList.OptionHighlighted, "#framework-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Preview the highlighted framework."""
        framework = self.context.catalog.get(event.option.id or "")
        if framework is not None and (self._shown_framework is not None or framework is not self.context.framework):
            self.show_framework(framework)  # the chosen one's outline is first drawn just after the screen

    @on(OptionList.OptionSelected, "#framework-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """Make the selected framework the one activities use."""
        framework = self.context.choose_framework(event.option.id or "")
        self.refresh_frameworks()
        self.mark_saved()
        self.notify(f"Working with {framework.title}.", timeout=3)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Open a saved item of "Your work" with the screen its activity declares.

        Handled by name rather than with ``@on(DataTable.RowSelected, "#work-table")``, which
        would load the table's module for the first drawing of an empty file's home.
        """
        if event.data_table.id != "work-table":
            return
        item = self._work.get(str(event.row_key.value))
        opener = self.context.activities.opener(item.kind) if item else None
        if item is None or opener is None:
            return
        if item.framework_id and self.context.catalog.get(item.framework_id) is None:
            from screens.wheel.missing import MissingFrameworkScreen

            self.app.push_screen(MissingFrameworkScreen(
                f"“{item.title}” was made with the framework '{item.framework_id}', which is not loaded now. "
                "It is kept; load that framework (--framework FILE) to open it."))
            return
        self.app.push_screen(opener(item))
