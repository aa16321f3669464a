"""WorkshopScreen: a workshop's steps one at a time, full screen, in presentation mode.

`right`/`pagedown` go to the next step, `left`/`pageup` to the previous one, `home`/`end` to the
first and the last. Each step is a big title line, the view, and a footer "3 of 20". The screen
switches presentation mode on when it opens (and off again when it closes, if it was off), so
nothing private is on screen: no people's names from the team profile, and every board comment
through :meth:`~screens.base.FramewheelScreen.shown`.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from screens.base import FramewheelScreen
from styles import style_path
from tui.core.action_plans import RATING_TITLES, RATINGS, ActionPlan, badge
from tui.core.model import Framework
from tui.core.text import truncate
from tui.core.team import TeamProfile
from tui.core.workshop import (
    BOARD, COMMITMENT, SPREAD, TEAM_RANKING, TEAM_WHEEL, WorkshopSequence, WorkshopStep, position, step_title,
)
from tui.widgets.chart_view import ChartView

WIDE = 120
"""From this width the spread and the ranking name each series in full."""


def commitment_view(framework: Framework, area_id: str | None) -> RenderableType:
    """An area's descriptor word for word from the framework, what it encompasses, and the team questions, numbered."""
    area = framework.area(area_id or "")
    if area is None:
        return Text(f"{framework.title} has no {framework.area_name} '{area_id}'.")
    parts: list[RenderableType] = []
    if area.encompasses:
        parts.append(Text(f"Encompassing {area.encompasses}", style="bold"))
    parts.append(Text(area.description or f"The framework gives no description of this {framework.area_name}."))
    if framework.team_questions:
        parts.append(Text(""))
        parts.append(Text("Questions for the team", style="bold underline"))
        for number, question in enumerate(framework.team_questions, 1):
            parts.append(Text.assemble((f"{number:>2}. ", "bold"), question))
    return Group(*parts)


class WorkshopScreen(FramewheelScreen):
    """One step of a workshop at a time, full screen; the arrows and page keys step through."""

    CSS_PATH = style_path("workshop.tcss")
    HELP_TITLE = "Presenting a workshop"
    HELP = """\
The workshop's steps one at a time, full screen, in presentation mode (high contrast, nothing
private on screen). `right` or `pagedown` shows the next step, `left` or `pageup` the previous
one, `home` the first and `end` the last; `up`/`down` scroll a long step. `escape` goes back to
the sequence.
"""

    BINDINGS = [
        Binding("right,pagedown", "step(1)", "Next", id="workshop.next", tooltip="The next step of the workshop"),
        Binding("left,pageup", "step(-1)", "Previous", id="workshop.previous", tooltip="The previous step"),
        Binding("home", "first", "First", id="workshop.first", tooltip="The first step"),
        Binding("end", "last", "Last", id="workshop.last", tooltip="The last step"),
        Binding("down", "scroll(1)", "Scroll down", id="workshop.scroll_down", show=False),
        Binding("up", "scroll(-1)", "Scroll up", id="workshop.scroll_up", show=False),
    ]

    AUTO_FOCUS = None

    def __init__(self, sequence: WorkshopSequence, framework: Framework, profile: TeamProfile | None,
                 plan: ActionPlan | None, start: int = 0) -> None:
        """Present ``sequence`` over the rebuilt team ``profile`` and the action ``plan`` (either may be None)."""
        super().__init__()
        self.sequence, self.framework, self.profile, self.plan = sequence, framework, profile, plan
        self.index = max(0, min(start, len(sequence.steps) - 1))
        self._was_presenting = False
        self._leaving = False

    @property
    def steps(self) -> tuple[WorkshopStep, ...]:
        """The steps presented, in order."""
        return self.sequence.steps

    @property
    def step(self) -> WorkshopStep:
        """The step on screen."""
        return self.steps[self.index]

    def compose(self) -> ComposeResult:
        """The big title line, the step's view (scrolling when long), the footer line."""
        with Vertical(id="workshop-frame"):
            yield Static("", id="workshop-title", markup=False)
            with VerticalScroll(id="workshop-body", can_focus=False):
                yield Static("", id="workshop-view")
                yield ChartView(id="workshop-chart")
            yield Static("", id="workshop-footer", markup=False)

    def on_mount(self) -> None:
        """Presentation mode on; the first step."""
        self.title = f"Workshop · {self.sequence.name}"
        self._was_presenting = self.presenting
        set_presenting = getattr(self.app, "set_presenting", None)
        if callable(set_presenting):
            set_presenting(True)
        self.show_step()

    def on_unmount(self) -> None:
        """Presentation mode back off when it was off before the workshop."""
        self._leaving = True
        set_presenting = getattr(self.app, "set_presenting", None)
        if callable(set_presenting) and not self._was_presenting:
            set_presenting(False)

    def presentation_changed(self) -> None:
        """Presentation mode was switched (F5): show the step again (board comments may be hidden)."""
        if self.is_mounted and not self._leaving:
            self.show_step()

    def on_resize(self) -> None:
        """Draw the step again for the new size."""
        if not self._leaving:
            self.show_step()

    # -- the keys ----------------------------------------------------------------------------

    def action_step(self, by: int) -> None:
        """The next (``by`` 1) or previous (-1) step, stopping at the ends."""
        self.go(self.index + by)

    def action_first(self) -> None:
        """The first step."""
        self.go(0)

    def action_last(self) -> None:
        """The last step."""
        self.go(len(self.steps) - 1)

    def action_scroll(self, by: int) -> None:
        """Scroll a long step by a line."""
        body = self.query_one("#workshop-body", VerticalScroll)
        body.scroll_to(y=body.scroll_y + by, animate=False)

    def go(self, index: int) -> None:
        """Show the step at ``index`` (kept within the ends)."""
        index = max(0, min(index, len(self.steps) - 1))
        if index != self.index:
            self.index = index
            self.show_step()

    # -- the views ---------------------------------------------------------------------------

    def show_step(self) -> None:
        """The title, the view and the footer of the step on screen."""
        if not self.steps:
            self.query_one("#workshop-title", Static).update("This workshop has no steps")
            return
        step = self.step
        self.query_one("#workshop-title", Static).update(step_title(self.framework, step))
        where, keys = position(self.index, len(self.steps)), "→ next ← previous · esc back"
        room = self.app.size.width - 4 - len(where) - len(keys) - 6  # the padding and the two " · ": the keys stay whole
        self.query_one("#workshop-footer", Static).update(
            f"{where} · {truncate(self.sequence.name, max(8, room), one_line=True)} · {keys}")
        chart = self.query_one("#workshop-chart", ChartView)
        view = self.query_one("#workshop-view", Static)
        self.query_one("#workshop-body", VerticalScroll).scroll_home(animate=False)
        chart.display = False
        if step.kind == TEAM_WHEEL and self.profile is not None:
            view.update(self.wheel_caption(self.profile))
            chart.display = True
            self.call_after_refresh(self.draw_chart)
            return
        view.update(self.view_of(step))

    def view_of(self, step: WorkshopStep) -> RenderableType:
        """The view of a step that is text (everything but a drawn team wheel)."""
        from screens.team.text import ranking_view
        from screens.workshop.text import spread_strips

        compact = self.size.width < WIDE
        if step.kind == COMMITMENT:
            return commitment_view(self.framework, step.area_id)
        if step.kind == BOARD:
            return self.board_view()
        if self.profile is None:
            return Text("No team profile was chosen for this workshop: escape, then t in the sequence chooses one.")
        if step.kind == TEAM_WHEEL:
            return Text("")
        if step.kind == SPREAD:
            if self.framework.area(step.area_id or "") is None:
                return Text(f"{self.framework.title} has no {self.framework.area_name} '{step.area_id}'.")
            width = self.query_one("#workshop-view", Static).content_size.width or self.size.width - 6
            return spread_strips(self.profile, step.area_id or "", min(width, 110), full=not compact)
        if step.kind == TEAM_RANKING:
            if self.profile.ranking is None:
                return Text("This team profile holds no rankings: nobody shared a ranking file.")
            return ranking_view(self.profile.ranking, compact, room_hint=False)
        return Text(f"A step of kind '{step.kind}' cannot be shown.")

    def wheel_caption(self, profile: TeamProfile) -> Text:
        """The line above the team wheel: how many people, the minimum group (never names)."""
        people = profile.wheel_files_used
        text = Text(f"The medians of {people} {'person' if people == 1 else 'people'} "
                    f"(fewer than {profile.min_group} ratings: not drawn).", style="dim")
        if all(cell.spread is None for cell in profile.cells):
            text = Text(f"Nothing to draw: {profile.withheld} people rated each {self.framework.area_name}.")
        return text

    def draw_chart(self) -> None:
        """The team wheel of medians, as large as the screen allows."""
        from tui.core import charts
        from tui.core.team_report import chart_data
        from tui.widgets.theme_colours import chart_palette

        if self.profile is None or not self.is_mounted or self.step.kind != TEAM_WHEEL:
            return
        body = self.query_one("#workshop-body", VerticalScroll)
        width = max(body.content_size.width - 2, 30)
        room = max(body.content_size.height - self.query_one("#workshop-view", Static).outer_size.height, 12)
        data, palette = chart_data(self.profile), chart_palette(self.app)
        height = room
        drawn = charts.radar(data, width, height, palette=palette)
        while drawn.count("\n") + 1 > room and height > 12:  # the legend is under the wheel: fit both
            height -= drawn.count("\n") + 1 - room
            drawn = charts.radar(data, width, max(height, 12), palette=palette)
        self.query_one("#workshop-chart", ChartView).show(drawn)

    def board_view(self) -> RenderableType:
        """The RAG board read-only: its header, the counts per rating, each section's items with letter and symbol."""
        plan = self.plan
        if plan is None:
            return Text("No action plan was chosen for this workshop: escape, then b in the sequence chooses one.")
        parts: list[RenderableType] = []
        header = Text(plan.project, style="bold")
        if plan.period():
            header.append(f"  ·  {plan.period()}")
        if plan.status:
            header.append(f"  ·  overall status {plan.status}")
        parts.append(header)
        counts, total = plan.counts(), plan.item_count()
        share = f"{plan.green_share():.0%}" if total else "–"
        parts.append(Text("   ".join(f"{badge(r)} {RATING_TITLES[r]} {counts[r]}" for r in RATINGS)
                          + f"   Green {share} of {total}", style="bold"))
        for section in plan.sections:
            parts.append(Text(""))
            parts.append(Text(f"{section.title} ({len(section.items)})", style="bold underline"))
            if not section.items:
                parts.append(Text("  no items", style="dim"))
            for item in section.items:
                line = Text.assemble((f"  {badge(item.rag)}  ", "bold"), item.milestone)
                comment = (self.shown("boards", "comment", item.comment) if item.private else item.comment).strip()
                if comment:
                    line.append(f"\n       {comment}", style="dim")
                elif item.needs_comment:
                    line.append("\n       ⚑ red with no comment", style="bold")
                parts.append(line)
        if not plan.sections:
            parts.append(Text("This plan has no sections yet."))
        return Group(*parts)
