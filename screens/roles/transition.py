"""The role you have and the role you want: both shapes on one chart, and what changes between them."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Label, Static

from screens.base import FramewheelScreen
from screens.roles.pickers import role_picker
from styles import style_path
from tui.core import charts
from tui.core.model import Framework
from tui.core.roles import RoleProfile, Transition, transition
from tui.widgets.chart_view import ChartView
from tui.widgets.theme_colours import chart_palette
from tui.widgets.key_footer import KeyFooter

CHANGE_SYMBOLS = {"raise": "▲", "new": "+", "differs": "≠", "lower": "▼", "dropped": "−", "same": "="}
"""A mark per kind of change that reads without colour."""


def transition_data(framework: Framework, have: RoleProfile, want: RoleProfile) -> charts.ChartData:
    """Both roles' scale targets on one chart: the role you have (R #), the role you want (T %)."""
    data = charts.ChartData(charts.area_labels(framework), (), framework.scale.min, framework.scale.max,
                            charts.scale_text(framework))
    data = charts.with_role(data, framework, f"have: {have.name}", have.targets)
    return charts.with_role(data, framework, f"want: {want.name}", want.targets, charts.WANTED_ROLE_STYLE)


def transition_text(framework: Framework, found: Transition) -> Text:
    """The summary sentence, then every area either role names with what changes."""
    text = Text()
    text.append(f"{found.summary(framework)}\n", style="bold")
    text.append(f"\nWhat changes per {framework.area_name}\n", style="bold underline")
    if not found.changes:
        text.append(f"  Neither role names any {framework.area_name}.\n")
    for change in found.changes:
        text.append(f"  {CHANGE_SYMBOLS[change.kind]} {change.area.label}: {change.words(framework)}\n")
    text.append("  ▲ raised, + new, ≠ a scale value becomes a level (or back), ▼ lower, − no longer expected, = the same\n",
                style="dim")
    return text


class RoleTransitionScreen(FramewheelScreen):
    """Choose the role you have and the role you want; see both shapes and what to develop to move."""

    CSS_PATH = style_path("role_compare.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    HELP_TITLE = "From one role to another"
    HELP = """\
The role you have is drawn with letter **R** (marker `#`), the role you want with **T** (marker `%`);
only targets on the scale are drawn. The list says what changes in each area, the largest rises first:
`▲` raised, `+` new in the role you want, `≠` a value becomes a level (or back), `▼` lower,
`−` no longer expected, `=` the same.

`h` chooses the role you have, `t` the role you want, `x` swaps them. On a narrow terminal `v` shows
the chart instead of the text (and back).
"""

    BINDINGS = [
        Binding("h", "have", "Role I have", id="roletrans.have"),
        Binding("t", "want", "Role I want", id="roletrans.want"),
        Binding("x", "swap", "Swap", id="roletrans.swap", show=False),
        Binding("v", "toggle_chart", "Chart/text", id="roletrans.chart"),
    ]

    def __init__(self, have_key: str | None = None, want_key: str | None = None) -> None:
        """Move from role ``have_key`` to role ``want_key`` (pickers ask for whichever is not given)."""
        super().__init__()
        self.have_key, self.want_key = have_key, want_key
        self.have: RoleProfile | None = None
        self.want: RoleProfile | None = None

    @property
    def framework(self) -> Framework:
        """The chosen framework, whose roles are compared."""
        return self.context.framework

    def roles(self) -> list[RoleProfile]:
        """The framework's roles (its file's first, then those made in the app)."""
        return self.context.roles.roles_for(self.framework)

    def compose(self) -> ComposeResult:
        """Header, the heading, the chart beside the text, footer."""
        yield Header()
        yield Label("", id="roletrans-heading", markup=False)
        with Horizontal(id="roletrans-main"):
            with VerticalScroll(id="roletrans-chart-panel", classes="panel", can_focus=False):
                yield ChartView(id="roletrans-chart")
            with VerticalScroll(id="roletrans-text-panel", classes="panel"):
                yield Static(id="roletrans-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Find the two roles, then draw (or ask for the missing ones)."""
        self.title = "From one role to another"
        find = self.context.roles.find
        self.have = find(self.framework, self.have_key) if self.have_key else None
        self.want = find(self.framework, self.want_key) if self.want_key else None
        self.query_one("#roletrans-text-panel").focus()
        self.refresh_transition()
        if len(self.roles()) >= 2 and (self.have is None or self.want is None):
            self.call_after_refresh(self.action_have if self.have is None else self.action_want)

    def on_resize(self) -> None:
        """Redraw the chart for the new size."""
        self.call_after_refresh(self.draw_chart)

    def refresh_transition(self) -> None:
        """Show what changes between the two roles, or what is still to choose."""
        heading = self.query_one("#roletrans-heading", Label)
        body = self.query_one("#roletrans-text", Static)
        if len(self.roles()) < 2:
            heading.update("Two roles are needed")
            count = "only one role" if self.roles() else "no roles yet"
            body.update(Text(f"{self.framework.title} has {count}: make the roles you have and want in the roles "
                             "list (o on the home screen), then compare them here."))
            self.query_one("#roletrans-chart", ChartView).show("")
            return
        if self.have is None or self.want is None:
            heading.update("Choose the two roles")
            body.update(Text(f"The role you have: {self.have.name if self.have else 'not chosen yet (h)'}\n"
                             f"The role you want: {self.want.name if self.want else 'not chosen yet (t)'}"))
            self.query_one("#roletrans-chart", ChartView).show("")
            return
        heading.update(f"From {self.have.name} to {self.want.name}")
        body.update(transition_text(self.framework, transition(self.framework, self.have, self.want)))
        self.draw_chart()

    def draw_chart(self) -> None:
        """Draw both roles' shapes for the panel's size."""
        if self.have is None or self.want is None:
            return
        panel = self.query_one("#roletrans-chart-panel")
        width, height = max(panel.content_size.width - 1, 30), max(panel.content_size.height, 10)
        data = transition_data(self.framework, self.have, self.want)
        self.query_one("#roletrans-chart", ChartView).show(charts.radar(data, width, height, palette=chart_palette(self.app)))

    def _pick(self, title: str, current: RoleProfile | None, then: str) -> None:
        """Open a role picker; ``then`` is ``have`` or ``want``, the role it sets."""
        other = self.want if then == "have" else self.have
        roles = [r for r in self.roles() if other is None or r.key != other.key]
        if not roles:
            self.notify(f"{self.framework.title} has no other role to choose.", severity="warning")
            return

        def picked(key: str | None) -> None:
            """Set the picked role, and ask for the other one when it is still missing."""
            role = self.context.roles.find(self.framework, key) if key else None
            if role is None:
                return
            setattr(self, then, role)
            self.refresh_transition()
            if then == "have" and self.want is None:
                self.action_want()

        self.app.push_screen(role_picker(self.framework, roles, title, current), picked)

    def action_have(self) -> None:
        """Choose the role you have (`h`)."""
        self._pick("The role you have", self.have, "have")

    def action_want(self) -> None:
        """Choose the role you want (`t`)."""
        self._pick("The role you want", self.want, "want")

    def action_swap(self) -> None:
        """Swap the two roles (`x`)."""
        self.have, self.want = self.want, self.have
        self.refresh_transition()

    def action_toggle_chart(self) -> None:
        """Narrow: show the chart instead of the text (or back); wide: the text alone (or beside the chart)."""
        self.toggle_class("show-chart" if self.has_class("-narrow") else "text-only")
        self.call_after_refresh(self.draw_chart)
