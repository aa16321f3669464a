"""Compare two saved team profiles of one framework (the team a year on): both medians, each n and the change.

The chart shows one series (picked) of both team wheels, A and B, on one wheel; the table gives
every area and series, with "fewer than N" wherever either profile withheld it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Label, Select, Static

from screens.base import FramewheelScreen
from screens.team.text import compare_view
from styles import style_path
from tui.core.model import Framework
from tui.core.team import TeamProfile
from tui.core.team_profiles import SavedTeamProfile, compare
from tui.core.text import truncate
from tui.widgets.chart_view import ChartView
from tui.widgets.theme_colours import chart_palette
from tui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:
    from tui.core.charts import ChartData


class TeamCompareScreen(FramewheelScreen):
    """Two saved team profiles of one framework: the medians of one series on one chart, every change in a table."""

    CSS_PATH = style_path("team.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    HELP_TITLE = "Compare team profiles"
    HELP = """\
Two saved team profiles of the same framework: **A** (marker `+`) and **B** (marker `•`), picked at
the top, with the series whose medians the chart shows. The table lists every area and series: A's
median and n, B's, and the change from A to B. Where fewer than a profile's minimum group rated it,
that profile shows "fewer than N" and there is no change (`·`). `tab` moves between the pickers and
the table; `b` switches the chart between the wheel and bars.
"""

    BINDINGS = [
        Binding("b", "toggle_bars", "Wheel/bars", id="team-compare.bars", tooltip="Switch the chart between the wheel and bars"),
    ]

    def __init__(self, framework_id: str, a_id: int, b_id: int) -> None:
        """Compare saved profile ``a_id`` (A, the earlier) with ``b_id`` (B) of one framework."""
        super().__init__()
        self.framework_id, self.a_id, self.b_id = framework_id, a_id, b_id
        self.kind = "radar"

    @property
    def framework(self) -> Framework:
        """The framework both profiles belong to."""
        return self.context.catalog.frameworks[self.framework_id]

    def compose(self) -> ComposeResult:
        """Header, the pickers, the chart beside (or above) the table, footer."""
        saved = self.context.team_profiles.list(self.framework_id)
        options = [(truncate(f"{p.created[:4]} {p.name}", 16), p.id) for p in saved]
        series = [(truncate(f"{letter} {s.title}", 16), s.id)
                  for s, letter in zip(self.framework.series, self.framework.series_letters)]
        yield Header()
        with Horizontal(id="team-compare-pickers"):
            yield Select(options, value=self.a_id, allow_blank=False, id="team-pick-a", prompt="A")
            yield Select(options, value=self.b_id, allow_blank=False, id="team-pick-b", prompt="B")
            yield Select(series, value=self.framework.baseline.id, allow_blank=False, id="team-pick-series")
        with VerticalScroll(id="team-compare-body"):
            with Horizontal(id="team-compare-main"):
                with Vertical(id="team-compare-chart-panel", classes="panel"):
                    yield Label("A and B: medians of one series", classes="panel-title")
                    yield ChartView(id="team-compare-chart")
                with Vertical(id="team-compare-table-panel", classes="panel"):
                    yield Label("Per area and series: A → B", classes="panel-title")
                    yield Static("", id="team-compare-line")
                    yield Static("", id="team-compare-table")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Draw once the layout is known."""
        self.title = "Compare team profiles"
        self.query_one("#team-compare-body").focus()
        self.call_after_refresh(self.refresh_comparison)

    def on_resize(self) -> None:
        """Redraw for the new size."""
        self.call_after_refresh(self.refresh_comparison)

    @on(Select.Changed)
    def _picked(self) -> None:
        """Another profile or series was picked."""
        self.refresh_comparison()

    def picked(self) -> tuple[SavedTeamProfile | None, SavedTeamProfile | None, str]:
        """The two saved profiles and the series picked."""
        a = self.query_one("#team-pick-a", Select).value
        b = self.query_one("#team-pick-b", Select).value
        series = self.query_one("#team-pick-series", Select).value
        repository = self.context.team_profiles
        return (repository.get(a) if isinstance(a, int) else None, repository.get(b) if isinstance(b, int) else None,
                series if isinstance(series, str) else self.framework.baseline.id)

    def refresh_comparison(self) -> None:
        """Redraw the chart and the table."""
        from tui.core import charts

        first, second, series_id = self.picked()
        if first is None or second is None or not self.is_mounted:
            return
        framework = self.framework
        a, b = first.profile(framework), second.profile(framework)
        self.query_one("#team-compare-line", Static).update(
            f"A “{first.name}” ({first.created[:10]}, {_files(a)}, minimum group {a.min_group}) · "
            f"B “{second.name}” ({second.created[:10]}, {_files(b)}, minimum group {b.min_group})")
        self.query_one("#team-compare-table", Static).update(compare_view(framework, compare(a, b), a.withheld, b.withheld,
                                                                                   compact=self.size.width < 120))
        data = self.chart_data(a, b, first.name, second.name, series_id)
        wide = self.size.width >= 120
        panel = self.query_one("#team-compare-chart-panel")
        width = max(panel.content_size.width - 1, 30)
        height = max(self.size.height - 10, 16) if wide else max(min(self.size.height - 6, 24), 16)
        palette = chart_palette(self.app)
        drawn = charts.bars(data, width, palette=palette) if self.kind == "bars" else charts.radar(data, width, height, palette=palette)
        self.query_one("#team-compare-chart", ChartView).show(drawn)

    def chart_data(self, a: TeamProfile, b: TeamProfile, a_name: str, b_name: str, series_id: str) -> ChartData:
        """One series' medians of both profiles (rounded to whole points; withheld: not drawn)."""
        from tui.core import charts

        framework = self.framework
        shapes = []
        for profile, name, style in zip((a, b), (a_name, b_name), charts.COMPARE_STYLES):
            values = []
            for area in framework.areas:
                found = profile.cell(area.id, series_id).spread
                values.append(math.floor(found.median + 0.5) if found else None)
            shapes.append(charts.ChartSeries(f"{name} (median)", tuple(values), style))
        return charts.ChartData(charts.area_labels(framework), tuple(shapes), framework.scale.min, framework.scale.max,
                                charts.scale_text(framework))

    def action_toggle_bars(self) -> None:
        """Switch between the wheel and bars."""
        self.kind = "bars" if self.kind == "radar" else "radar"
        self.refresh_comparison()


def _files(profile: TeamProfile) -> str:
    """``8 wheels`` or ``8 wheels, 6 rankings``: what a compared profile was made of."""
    wheels, rankings = profile.wheel_files_used, profile.ranking_files_used
    text = f"{wheels} wheel{'' if wheels == 1 else 's'}"
    return text + (f", {rankings} ranking{'' if rankings == 1 else 's'}" if rankings else "")
