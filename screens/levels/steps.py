"""The step view (`s`): what changes from one level to the next, area by area, side by side."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Label, Static

from screens.base import FramewheelScreen
from screens.levels.framework_text import areas_outline, bullets, no_levels_note
from styles import style_path
from tui.core.model import Framework
from tui.widgets.key_footer import KeyFooter


def step_table(framework: Framework, lower: int) -> RenderableType:
    """Every area with the exemplars at level ``lower`` and at the next level, side by side."""
    first, second = framework.levels[lower], framework.levels[lower + 1]
    parts: list[RenderableType] = []
    for area in framework.areas:
        low, high = area.exemplars.get(first.id, ()), area.exemplars.get(second.id, ())
        if not low and not high:
            continue
        parts.append(Text(f"\n{area.heading}" + (f"  ({area.encompasses})" if area.encompasses else ""), style="bold"))
        table = Table(expand=True, show_header=True, header_style="bold", show_lines=False)
        table.add_column(f"{first.title} (level {lower + 1})", ratio=1)
        table.add_column(f"→ {second.title} (level {lower + 2})", ratio=1)
        none = Text("No exemplars at this level.", style="italic")
        table.add_row(bullets(low) if low else none, bullets(high) if high else none)
        parts.append(table)
    if not parts:
        parts.append(Text(f"No {framework.area_name} has exemplars at {first.title} or {second.title}.", style="italic"))
    return Group(*parts)


class StepScreen(FramewheelScreen):
    """Two adjacent levels side by side for every area; `left`/`right` choose the pair."""

    CSS_PATH = style_path("levels.tcss")
    HELP_TITLE = "Step view"
    HELP = """\
What changes from one level to the next: for every area, the exemplars at the lower level on the
left and at the next level on the right. `left` and `right` choose the pair of adjacent levels
(for AHEP: Associate → Member, Member → Accredited Member, Accredited Member → Fellow).
Arrows `up`/`down`, `pageup`/`pagedown`, `home`/`end` scroll. A framework without levels has no
steps; its areas and descriptions are shown instead.
"""

    BINDINGS = [
        Binding("left", "previous", "Lower step", id="steps.previous", priority=True),
        Binding("right", "next", "Higher step", id="steps.next", priority=True),
    ]

    def __init__(self, lower: int = 0) -> None:
        """Start with level ``lower`` and the one above it (clamped to the framework)."""
        super().__init__()
        self.lower = lower

    def compose(self) -> ComposeResult:
        """The heading naming the pair, and the areas below."""
        yield Header()
        yield Label("", id="steps-heading", classes="panel-title")
        with VerticalScroll(id="steps-body", classes="panel"):
            yield Static(id="steps-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the starting pair."""
        framework = self.context.framework
        self.title = f"Steps · {framework.title}"
        self.lower = max(0, min(self.lower, len(framework.levels) - 2))
        self.render_step()
        self.query_one("#steps-body").focus()

    def render_step(self) -> None:
        """Fill the heading and the areas for the current pair."""
        framework = self.context.framework
        heading = self.query_one("#steps-heading", Label)
        body = self.query_one("#steps-text", Static)
        if len(framework.levels) < 2:
            reason = "No levels" if not framework.levels else "Only one level"
            heading.update(f"{reason}, so no steps: the {framework.area_plural} and their descriptions")
            body.update(no_levels_note(framework, "step between levels") + areas_outline(framework))
            return
        first, second = framework.levels[self.lower], framework.levels[self.lower + 1]
        steps = len(framework.levels) - 1
        heading.update(f"◀ What changes from {first.title} to {second.title} ▶   (step {self.lower + 1} of {steps}, left/right)")
        body.update(step_table(framework, self.lower))
        self.query_one("#steps-body", VerticalScroll).scroll_home(animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No step keys for a framework with fewer than two levels (there is no pair to choose)."""
        if action in ("previous", "next") and len(self.context.framework.levels) < 2:
            return False
        return super().check_action(action, parameters)

    def action_previous(self) -> None:
        """The pair one level lower."""
        if self.lower > 0:
            self.lower -= 1
            self.render_step()
        else:
            self.notify("This is the first step.", timeout=2)

    def action_next(self) -> None:
        """The pair one level higher."""
        if self.lower < len(self.context.framework.levels) - 2:
            self.lower += 1
            self.render_step()
        else:
            self.notify("This is the last step.", timeout=2)
