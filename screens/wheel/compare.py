"""Compare two wheels: one series of both on one chart, and the change per area in a table."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Label, Select

from screens.base import FramewheelScreen
from styles import style_path
from tui.core import charts
from tui.core.wheels import Assessment
from tui.core.model import Framework
from tui.core.text import truncate
from tui.widgets.chart_view import ChartView
from tui.widgets.theme_colours import chart_palette
from tui.widgets.row_table import RowTable
from tui.widgets.key_footer import KeyFooter


SERIES_PICKER_TEXT = 18
"""The least room a series' letter and title get in its picker (at 80 columns; more on a wider terminal)."""

WHEEL_PICKER_TEXT = 16
"""The least room a wheel picker's text gets (at 80 columns): it is shortened with `…` to stay on one line."""


def change_text(before: int | None, after: int | None) -> str:
    """``+2``, ``-1``, ``0``, or ``·`` when either side is not rated."""
    if before is None or after is None:
        return charts.NOT_RATED
    return f"{after - before:+d}" if after != before else "0"


class CompareScreen(FramewheelScreen):
    """Pick two wheels of one framework and a series; see both shapes and the change per area."""

    CSS_PATH = style_path("wheel.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    HELP_TITLE = "Compare wheels"
    HELP = """\
Two wheels of the same framework, one shape (series) at a time, picked by its letter and title: **A** (marker `+`) is the first wheel picked,
**B** (marker `•`) the second. The table gives each area's value in both and the change from A to B
(`·` where either is not rated). `tab` moves between the pickers and the table; `enter` opens a picker.
`b` switches the chart between the wheel and bars. On a narrow terminal the chart and the table take
turns: `t` shows the other.
"""

    BINDINGS = [
        Binding("b", "toggle_bars", "Wheel/bars", id="compare.bars"),
        Binding("t", "toggle_table", "Chart/table", id="compare.table"),
    ]

    def __init__(self, framework_id: str, earlier_id: int, later_id: int) -> None:
        """Compare wheel ``earlier_id`` (A) with ``later_id`` (B) of one framework."""
        super().__init__()
        self.framework_id, self.earlier_id, self.later_id = framework_id, earlier_id, later_id
        self.kind = "radar"

    @property
    def framework(self) -> Framework:
        """The framework both wheels belong to."""
        return self.context.catalog.frameworks[self.framework_id]

    def compose(self) -> ComposeResult:
        """Header, the three pickers, the chart beside the table, footer."""
        wheels = self.context.assessments.list(self.framework_id)
        room = max(WHEEL_PICKER_TEXT, (self.app.size.width - 24) // 2 - 10)  # a picker's text beside its frame and arrow
        options = [(truncate(f"{w.created[:10]} {w.label}", room, one_line=True), w.id) for w in wheels]
        series = [(truncate(f"{letter} {s.title}", max(SERIES_PICKER_TEXT, room), one_line=True), s.id)
                  for s, letter in zip(self.framework.series, self.framework.series_letters)]
        yield Header()
        with Vertical(id="compare-body"):
            with Horizontal(id="compare-pickers"):
                yield Select(options, value=self.earlier_id, allow_blank=False, id="pick-a", prompt="A")
                yield Select(options, value=self.later_id, allow_blank=False, id="pick-b", prompt="B")
                yield Select(series, value=self.framework.series[0].id, allow_blank=False, id="pick-series")
            with Horizontal(id="compare-main"):
                with VerticalScroll(id="compare-chart-panel", classes="panel", can_focus=False):
                    yield ChartView(id="compare-chart")
                with Vertical(id="compare-table", classes="panel"):
                    yield Label("Change per area (A → B)", classes="panel-title")
                    yield RowTable(id="change-table", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Draw once the layout is known."""
        self.title = "Compare wheels"
        self.query_one("#change-table", DataTable).add_columns("Area", "A", "B", "Change")
        self.query_one("#pick-a", Select).focus()
        self.call_after_refresh(self.refresh_comparison)

    def on_resize(self) -> None:
        """Redraw for the new size."""
        self.call_after_refresh(self.refresh_comparison)

    @on(Select.Changed)
    def _picked(self) -> None:
        """Another wheel or series was picked."""
        self.refresh_comparison()

    def _picked_wheels(self) -> tuple[Assessment | None, Assessment | None, str]:
        """The two wheels and the series id picked."""
        a = self.query_one("#pick-a", Select).value
        b = self.query_one("#pick-b", Select).value
        series = self.query_one("#pick-series", Select).value
        repo = self.context.assessments
        return (
            repo.get(a) if isinstance(a, int) else None,
            repo.get(b) if isinstance(b, int) else None,
            series if isinstance(series, str) else self.framework.series[0].id,
        )

    def refresh_comparison(self) -> None:
        """Redraw the chart and refill the table."""
        earlier, later, series_id = self._picked_wheels()
        if earlier is None or later is None:
            return
        framework = self.framework
        panel = self.query_one("#compare-chart-panel")
        width, height = max(panel.content_size.width - 1, 30), max(panel.content_size.height, 10)
        data = charts.compare_data(framework, earlier, later, series_id)
        palette = chart_palette(self.app)
        drawn = charts.bars(data, width, palette=palette) if self.kind == "bars" else charts.radar(data, width, height, palette=palette)
        self.query_one("#compare-chart", ChartView).show(drawn)
        table = self.query_one("#change-table", DataTable)
        table.clear()
        for area in framework.areas:
            before, after = earlier.rating(area.id, series_id), later.rating(area.id, series_id)
            table.add_row(
                f"{area.code or ''} {area.label}".strip(),
                charts.NOT_RATED if before is None else str(before),
                charts.NOT_RATED if after is None else str(after),
                change_text(before, after),
            )

    def action_toggle_table(self) -> None:
        """On a narrow terminal, show the table instead of the chart (or back)."""
        self.toggle_class("show-table")
        self.call_after_refresh(self.refresh_comparison)

    def action_toggle_bars(self) -> None:
        """Switch between the wheel and bars."""
        self.kind = "bars" if self.kind == "radar" else "radar"
        self.refresh_comparison()
