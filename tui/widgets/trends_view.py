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
from rich.color import Color
from textual.color import Color as TextualColor
from textual.renderables.sparkline import Sparkline
from textual.widget import Widget

from tui.core.text import truncate
from tui.core.wheels import AreaTrend

NAME_WIDTH = 22
"""The area-name column."""

CHANGE_WIDTH = 7
"""The ``first→latest`` column of each series."""


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
        spark_width = max(4, min(24, room // series)) if series else 4
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
        colour = _colour(line.colour)
        if colour is None:
            return Sparkline(list(line.values), width=min(width, len(line.values)))
        return Sparkline(list(line.values), width=min(width, len(line.values)), min_color=colour, max_color=colour)


def _colour(name: str) -> Color | None:
    """The colour called ``name`` (None for an empty name or one Textual cannot read)."""
    if not name:
        return None
    try:
        return TextualColor.parse(name.split()[-1]).rich_color
    except Exception:  # noqa: BLE001 - a style word rather than a colour: draw in the default colours
        return None
