"""Each area's course across a framework's wheels, as one widget: a row per area, a sparkline per series.

The wheel history shows it under its list. One widget draws every row (Textual's
:class:`~textual.renderables.sparkline.Sparkline` renderable in a Rich grid), so showing the
trends of eight areas and three series adds one widget to the screen, not ninety: the list's
keys stay as quick as they are without it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from rich.color import Color, ColorParseError
from textual.renderables.sparkline import Sparkline
from textual.widget import Widget

from tui.core.text import truncate
from tui.core.wheels import AreaTrend
from tui.widgets.glyphs import ascii_wanted

NAME_WIDTH = 22
"""The area-name column."""

CHANGE_WIDTH = 7
"""The ``first→latest`` column of each series."""

ASCII_RAMP = "_.-=*#"
"""A sparkline's heights, lowest first, where the terminal cannot show block characters (``TERM=linux``)."""


def ascii_sparkline(values: Sequence[float], width: int) -> str:
    """``values`` as at most ``width`` ASCII characters of :data:`ASCII_RAMP` (each the highest of its share, as the block sparkline draws)."""
    if not values or width <= 0:
        return ""
    count = min(width, len(values))
    buckets = [max(values[len(values) * i // count:max(len(values) * (i + 1) // count, len(values) * i // count + 1)])
               for i in range(count)]
    low, high = min(values), max(values)
    span = high - low
    top = len(ASCII_RAMP) - 1
    return "".join(ASCII_RAMP[round(top * (value - low) / span) if span else top // 2] for value in buckets)


@dataclass(frozen=True)
class TrendLine:
    """One series' line of one area: its letter, colour (empty: the text's), rated values oldest first and change."""

    letter: str
    colour: str
    values: tuple[float, ...]
    change: str


class TrendsView(Widget):
    """The trends of one framework's wheels: per area its name, then per series its letter, sparkline and change."""

    DEFAULT_CSS = """
    TrendsView {
        height: auto;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        """An empty view (nothing drawn until :meth:`show`)."""
        super().__init__(id=id)
        self.labels: tuple[str, ...] = ()
        """The areas' names, in wheel order."""
        self.lines: tuple[tuple[TrendLine, ...], ...] = ()
        """Per area, its series' lines."""

    def show(self, trends: Sequence[AreaTrend], colours: Sequence[str]) -> None:
        """Draw ``trends`` (``colours``: each series' colour, in order; empty strings draw in the text's colour)."""
        self.labels = tuple(trend.label for trend in trends)
        self.lines = tuple(
            tuple(TrendLine(series.letter, colour, tuple(float(v) for v in series.rated), series.change_text)
                  for series, colour in zip(trend.series, colours))
            for trend in trends)
        self.refresh(layout=True)

    def data(self, area: int, series: int) -> list[float]:
        """The values the sparkline of area ``area`` and series ``series`` (both from 0) draws, oldest first."""
        return list(self.lines[area][series].values)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        """One row per area."""
        return len(self.lines)

    def render(self) -> RenderableType:
        """The grid of rows."""
        series = max((len(lines) for lines in self.lines), default=0)
        width = self.content_size.width or self.size.width
        room = width - NAME_WIDTH - series * (2 + CHANGE_WIDTH)
        longest = max((len(line.values) for lines in self.lines for line in lines), default=0)
        spark_width = max(4, min(24, room // series, longest)) if series else 4  # no wider than the wheels shown
        grid = Table.grid(padding=0, expand=False)
        grid.add_column(width=NAME_WIDTH, no_wrap=True)
        for _ in range(series):
            grid.add_column(width=2, no_wrap=True)
            grid.add_column(width=spark_width, no_wrap=True)
            grid.add_column(width=CHANGE_WIDTH, no_wrap=True)
        for label, lines in zip(self.labels, self.lines):
            cells: list[RenderableType] = [Text(truncate(label, NAME_WIDTH - 1), no_wrap=True)]
            for line in lines:
                cells.append(Text(line.letter, style=f"bold {line.colour}".strip()))
                cells.append(self._spark(line, spark_width))
                cells.append(Text(" " + line.change, no_wrap=True))
            grid.add_row(*cells)
        return grid

    @staticmethod
    def _spark(line: TrendLine, width: int) -> RenderableType:
        """The sparkline of ``line`` in its colour (a dot when it has no value)."""
        if not line.values:
            return Text("·", style="dim")
        if ascii_wanted():  # the block characters would all become one: heights drawn with ASCII instead
            return Text(ascii_sparkline(line.values, width), style=f"{line.colour}".strip(), no_wrap=True)
        colour = _colour(line.colour) or NEUTRAL  # one colour: a sparkline's own green-to-red would read as good-to-bad
        return Sparkline(list(line.values), width=min(width, len(line.values)), min_color=colour, max_color=colour)


NEUTRAL = Color.from_rgb(200, 200, 200)
"""The sparklines' colour where the series has none (``NO_COLOR``: drawn without colour anyway)."""


def _colour(name: str) -> Color | None:
    """The Rich colour called ``name`` (None for an empty name or one Rich cannot read)."""
    if not name:
        return None
    try:
        return Color.parse(name.split()[-1])
    except ColorParseError:  # a style word rather than a colour
        return None
