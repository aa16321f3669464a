"""The levels screen (`l`): every level with its descriptors, side by side when wide, one at a time when not."""

from __future__ import annotations

from typing import Iterable

from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import Header, Label, Static

from screens.base import FramewheelScreen
from screens.levels.framework_text import WIDE, areas_outline, level_block, no_levels_note
from screens.levels.search import SearchDialog
from styles import style_path
from tui.core.search import SearchHit
from tui.widgets.key_footer import KeyFooter


class LevelsScreen(FramewheelScreen):
    """The framework's levels; `left`/`right` move between them when they do not fit side by side."""

    CSS_PATH = style_path("levels.tcss")
    HELP_TITLE = "Levels"
    HELP = """\
Every level of the framework with its descriptors, to find the one that describes you.
When the window is at least 120 columns wide the levels sit side by side; when it is narrower
one level is shown at a time (the heading says which of how many): `left` and `right` move
between them. `/` searches the whole framework; `s` shows what changes from the level in front
to the next one; `e` opens the explorer with every exemplar. A framework without levels shows its
areas and their descriptions instead.
"""

    BINDINGS = [
        Binding("left", "previous", "Previous level", id="levels.previous", priority=True),
        Binding("right", "next", "Next level", id="levels.next", priority=True),
        Binding("slash", "search", "Search", id="levels.search"),
        Binding("s", "steps", "Step to next", id="levels.steps"),
        Binding("e", "explore", "Explorer", id="levels.explore"),
    ]

    current: reactive[int] = reactive(0)
    """The level shown when one is shown at a time (0 is the first)."""
    wide: reactive[bool] = reactive(False)
    """True when the levels sit side by side."""

    def __init__(self, start_level: str | None = None) -> None:
        """The levels of the current framework, starting at ``start_level`` when given."""
        super().__init__()
        self.start_level = start_level
        self.query_text = ""
        self.ready = False

    def compose(self) -> ComposeResult:
        """A heading line and one column per level (or the areas when there are no levels)."""
        yield Header()
        yield Label("", id="levels-heading", classes="panel-title")
        framework = self.context.framework
        if framework.levels:
            with Horizontal(id="levels-row"):
                for index, _level in enumerate(framework.levels):
                    with VerticalScroll(classes="level-column panel", id=f"level-{index}"):
                        yield Static(id=f"level-text-{index}")
        else:
            with VerticalScroll(id="levels-none", classes="panel"):
                yield Static(no_levels_note(framework, "level to show") + areas_outline(framework))
        yield KeyFooter()

    def on_mount(self) -> None:
        """Start at the asked-for level and fit the layout to the window."""
        self.title = f"Levels · {self.context.framework.title}"
        if self.start_level:
            self.current = max(0, self.context.framework.level_index(self.start_level))
        self.wide = self.app.size.width >= WIDE
        self.ready = True
        self.render_levels()

    def on_resize(self, event: Resize) -> None:
        """Side by side from WIDE columns, one at a time below."""
        self.wide = event.size.width >= WIDE

    def watch_wide(self) -> None:
        """Show every column, or only the current one."""
        self.render_levels()

    def watch_current(self) -> None:
        """Show the new current level."""
        self.render_levels()

    def render_levels(self) -> None:
        """Fill the columns and the heading for the layout in use."""
        if not self.ready:
            return
        framework = self.context.framework
        levels = framework.levels
        heading = self.query_one("#levels-heading", Label)
        if not levels:
            heading.update(f"This framework has no levels: below are its {framework.area_plural} and their descriptions")
            return
        for index, level in enumerate(levels):
            column = self.query_one(f"#level-{index}", VerticalScroll)
            column.display = self.wide or index == self.current
            column.set_class(index == self.current and self.wide, "current")
            self.query_one(f"#level-text-{index}", Static).update(level_block(level, index, len(levels), self.query_text))
        if self.wide:
            heading.update(f"{len(levels)} levels, first to most senior · left/right choose one for s (step)")
        else:
            heading.update(f"◀ Level {self.current + 1} of {len(levels)}: {levels[self.current].title} ▶   (left/right)")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No level keys for a framework without levels, and no step view with fewer than two."""
        levels = self.context.framework.levels
        if action in ("previous", "next") and not levels:
            return False
        if action == "steps" and len(levels) < 2:
            return False
        return super().check_action(action, parameters)

    def action_previous(self) -> None:
        """Show the level before."""
        if self.current > 0:
            self.current -= 1
        else:
            self.notify("This is the first level.", timeout=2)

    def action_next(self) -> None:
        """Show the level after."""
        if self.current < len(self.context.framework.levels) - 1:
            self.current += 1
        else:
            self.notify("This is the most senior level.", timeout=2)

    def action_search(self) -> None:
        """Open the search dialog over the whole framework."""
        self.app.push_screen(SearchDialog(self.context.framework, self.query_text), self._searched)

    def _searched(self, result: tuple[SearchHit, str] | None) -> None:
        """A level descriptor is shown here; anything else opens the explorer at it."""
        if result is None:
            return
        hit, query = result
        self.query_text = query
        if hit.kind == "level" and hit.level_id:
            self.current = max(0, self.context.framework.level_index(hit.level_id))
            self.render_levels()
        else:
            from screens.levels.explore import ExplorerScreen

            self.app.push_screen(ExplorerScreen(hit=hit, query=query))

    def action_steps(self) -> None:
        """Show what changes from the current level to the next."""
        from screens.levels.steps import StepScreen

        self.app.push_screen(StepScreen(self.current))

    def action_explore(self) -> None:
        """Open the explorer."""
        from screens.levels.explore import ExplorerScreen

        self.app.push_screen(ExplorerScreen())

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Palette entries for this screen."""
        yield SystemCommand("Search the framework", "Find words in titles, descriptors and exemplars (/)", self.action_search)
        if len(self.context.framework.levels) >= 2:
            yield SystemCommand("What changes to the next level", "The step view from the level in front (s)", self.action_steps)
