"""The explorer (`e`): values, levels and areas in a list, the focused one's text beside it, and a grid view."""

from __future__ import annotations

import textwrap
from typing import Iterable

from rich.console import RenderableType
from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import FramewheelScreen
from screens.levels.framework_text import WIDE, about_text, area_detail, grid, levels_text, values_text
from screens.levels.search import SearchDialog
from styles import style_path
from tui.core.institution import InstitutionValue
from tui.core.search import SearchHit
from tui.widgets.key_footer import KeyFooter

ABOUT, VALUES, LEVELS = "_about", "_values", "_levels"
"""Option ids of the list's first entries (area ids are slugs, so they never start with _)."""


LIST_TEXT_WIDTH = 27
"""Characters per line inside the list (34 wide, less border, padding and scroll bar), for hanging lines."""


def values_entry(framework_values: bool, institution_values: int) -> str:
    """The list's values entry: "◆ Values", with the institution's own counted when it has mapped some."""
    if not institution_values:
        return "◆ Values"
    return f"◆ Values (and yours: {institution_values})" if framework_values else "◆ Your institution's values"


class ExplorerScreen(FramewheelScreen):
    """Browse a framework: the list on the left, the text of the highlighted entry on the right."""

    CSS_PATH = style_path("levels.tcss")
    HELP_TITLE = "Explorer"
    HELP = """\
The whole framework. The list on the left holds what the framework is about (its description), the values, the levels and every area
(code, title and the attribute it encompasses); the panel on the right shows the highlighted
entry: an area's description and its exemplars at every level. `enter` (or `tab`) moves into the
text, where arrows and `pageup`/`pagedown` scroll; `tab` or `shift+tab` goes back to the list.
`g` switches to the grid (areas down, levels across, exemplars in the cells) when the window is at
least 120 columns wide; `g` again goes back. `/` searches titles, descriptors and exemplars as you
type, and `enter` on a result jumps there with the words highlighted (shown in reverse video).
`s` shows what changes from one level to the next. Where your institution has mapped its own values
to the framework, they follow the framework's values ("Your institution's values"), and each area
names the institution values mapped to it. A framework without levels shows its areas and
descriptions, with no empty level columns.
"""

    BINDINGS = [
        Binding("slash", "search", "Search", id="explore.search"),
        Binding("g", "toggle_grid", "Grid", id="explore.grid"),
        Binding("s", "steps", "Steps", id="explore.steps"),
        Binding("tab", "app.focus_next", "Next panel", id="explore.next", show=False),
    ]

    grid_view: reactive[bool] = reactive(False)
    """True while the grid of areas x levels is shown."""

    def __init__(self, hit: SearchHit | None = None, query: str = "") -> None:
        """Start on the place of a search hit when given, with its words highlighted."""
        super().__init__()
        self.start_hit = hit
        self.query_text = query
        self.selected_id = VALUES
        self._detail: RenderableType = Text("")
        """What the detail panel shows now (kept to find a search match in it)."""
        self.ready = False
        self.institution: list[InstitutionValue] = []
        """The institution's own values mapped to the framework (shown beside its values and under each area)."""

    def compose(self) -> ComposeResult:
        """List and detail side by side, and the grid (hidden until asked for)."""
        yield Header()
        with Horizontal(id="explore-main"):
            yield OptionList(id="explore-list", classes="panel")
            with VerticalScroll(id="explore-detail", classes="panel"):
                yield Static(id="explore-text")
        with VerticalScroll(id="explore-grid", classes="panel"):
            yield Static(id="explore-grid-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the list and go to the starting place."""
        framework = self.context.framework
        self.title = f"Explore · {framework.title}"
        options = [Option(Text("◆ About this framework"), id=ABOUT)]
        self.institution = self.context.institution_values.values(framework.id)
        if framework.values or self.institution:
            options.append(Option(Text(values_entry(bool(framework.values), len(self.institution))), id=VALUES))
        if framework.levels:
            options.append(Option(Text(f"◆ Levels ({len(framework.levels)})"), id=LEVELS))
        for area in framework.areas:
            title = textwrap.fill(area.title, LIST_TEXT_WIDTH, initial_indent=f"{area.code or '•':>2} ", subsequent_indent="   ")
            prompt = Text(title)
            if area.encompasses:
                prompt.append("\n" + textwrap.fill(f"({area.encompasses})", LIST_TEXT_WIDTH, initial_indent="   ", subsequent_indent="    "), style="italic")
            options.append(Option(prompt, id=area.id))
        option_list = self.query_one("#explore-list", OptionList)
        option_list.add_options(options)
        self.query_one("#explore-grid").display = False
        self.ready = True
        if self.start_hit is not None:
            self.go_to(self.start_hit)
        else:
            option_list.highlighted = option_list.get_option_index(framework.areas[0].id)
        option_list.focus()

    def go_to(self, hit: SearchHit) -> None:
        """Highlight the list entry holding ``hit`` and show it."""
        target = hit.area_id or (LEVELS if hit.kind == "level" else VALUES)
        option_list = self.query_one("#explore-list", OptionList)
        if target not in {option.id for option in option_list.options}:
            target = ABOUT
        index = option_list.get_option_index(target)
        option_list.highlighted = index
        self.show(target)
        self.call_after_refresh(self._scroll_to_match, hit)

    def _scroll_to_match(self, hit: SearchHit) -> None:
        """Scroll the detail so that the start of the hit's text is in view."""
        width = self.query_one("#explore-text", Static).content_size.width
        if width <= 0:
            return
        console = self.app.console
        lines = console.render_lines(self._detail, console.options.update_width(width), pad=False)
        probe = hit.text.split(":")[0][:16] if hit.kind == "value" else hit.text[:16]
        row = next((i for i, line in enumerate(lines) if probe in "".join(seg.text for seg in line)), 0)
        self.query_one("#explore-detail", VerticalScroll).scroll_to(y=max(0, row - 2), animate=False)

    @on(OptionList.OptionHighlighted, "#explore-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Show the highlighted entry."""
        self.show(event.option.id or VALUES)

    @on(OptionList.OptionSelected, "#explore-list")
    def _selected(self) -> None:
        """`enter` on an entry moves into its text (arrows and page keys then scroll it)."""
        self.query_one("#explore-detail", VerticalScroll).focus()

    def show(self, entry_id: str) -> None:
        """Show the values, the levels or one area in the detail panel."""
        framework = self.context.framework
        self.selected_id = entry_id
        text: RenderableType
        if entry_id == ABOUT:
            text = about_text(framework, self.query_text)
        elif entry_id == VALUES:
            text = values_text(framework, self.query_text, self.institution)
        elif entry_id == LEVELS:
            text = levels_text(framework, self.query_text)
        else:
            area = framework.area(entry_id)
            text = area_detail(framework, area, self.query_text, self.institution) if area else Text("")
        self._detail = text
        self.query_one("#explore-text", Static).update(text)
        self.query_one("#explore-detail", VerticalScroll).scroll_home(animate=False)
        if self.grid_view:
            self.query_one("#explore-grid-text", Static).update(grid(framework, entry_id, self.query_text))

    def on_resize(self, event: Resize) -> None:
        """Leave the grid when the window becomes too narrow for it."""
        if self.grid_view and event.size.width < WIDE:
            self.grid_view = False
            self.notify("The window is narrower than 120 columns: back to the list.", timeout=3)

    def action_toggle_grid(self) -> None:
        """Switch between the list and the grid (the grid needs WIDE columns)."""
        if not self.grid_view and self.app.size.width < WIDE:
            self.notify(f"The grid needs a window at least {WIDE} columns wide (this one is {self.app.size.width}).", severity="warning", timeout=4)
            return
        self.grid_view = not self.grid_view

    def watch_grid_view(self, on_grid: bool) -> None:
        """Show the grid or the list and detail."""
        if not self.ready:
            return
        self.query_one("#explore-main").display = not on_grid
        self.query_one("#explore-grid").display = on_grid
        if on_grid:
            table = grid(self.context.framework, self.selected_id, self.query_text)
            self.query_one("#explore-grid-text", Static).update(table)
            self.query_one("#explore-grid").focus()
            self.call_after_refresh(self._scroll_grid_to_focused, table)
        else:
            self.query_one("#explore-list").focus()

    def _scroll_grid_to_focused(self, table: RenderableType) -> None:
        """Bring the row of the area that was highlighted in the list (marked ▶) into view."""
        width = self.query_one("#explore-grid-text", Static).content_size.width
        if width <= 0:
            return
        console = self.app.console
        lines = console.render_lines(table, console.options.update_width(width), pad=False)
        row = next((i for i, line in enumerate(lines) if "▶" in "".join(seg.text for seg in line)), 0)
        container = self.query_one("#explore-grid", VerticalScroll)
        visible = row < container.scrollable_content_region.height // 2
        container.scroll_to(y=0 if visible else row - 1, animate=False)

    def action_search(self) -> None:
        """Open the search dialog."""
        self.app.push_screen(SearchDialog(self.context.framework, self.query_text), self._searched)

    def _searched(self, result: tuple[SearchHit, str] | None) -> None:
        """Jump to the chosen hit with its words highlighted."""
        if result is not None:
            self.query_text = result[1]
            self.go_to(result[0])

    def action_steps(self) -> None:
        """The step view, from the first level."""
        from screens.levels.steps import StepScreen

        self.app.push_screen(StepScreen(0))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No step view for a framework with fewer than two levels (there is nothing to step between)."""
        if action == "steps" and len(self.context.framework.levels) < 2:
            return False
        return super().check_action(action, parameters)

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Palette entries for this screen."""
        yield SystemCommand("Search the framework", "Find words in titles, descriptors and exemplars (/)", self.action_search)
        yield SystemCommand("Grid of areas and levels", "Toggle the grid view (g)", self.action_toggle_grid)
