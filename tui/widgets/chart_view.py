"""ChartView: shows a text chart (lines with ANSI colour) and repaints only the lines that changed.

A wheel chart is a few thousand cells with many colour changes; repainting all of it on every
key would send tens of kilobytes to the terminal (slow over SSH). ``show(text)`` compares the
new lines with those on screen, converts only the changed ones, and refreshes only their rows.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget


class ChartView(Widget):
    """A block of pre-drawn text lines; as tall as the chart and as wide as its widest line."""

    DEFAULT_CSS = """
    ChartView {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None, classes: str | None = None) -> None:
        """An empty chart."""
        super().__init__(name=name, id=id, classes=classes)
        self._lines: list[str] = []
        self._strips: list[Strip | None] = []
        self._width = 0

    @property
    def plain(self) -> str:
        """The chart as plain text (what a person reads), for tests and copying."""
        return "\n".join(Text.from_ansi(line).plain for line in self._lines)

    def show(self, text: str) -> None:
        """Show ``text``; only rows whose line changed are converted and repainted."""
        lines = text.split("\n")
        width = max((Text.from_ansi(line).cell_len for line in lines), default=0) if len(lines) != len(self._lines) else self._width
        if len(lines) != len(self._lines):
            self._lines, self._strips, self._width = lines, [None] * len(lines), width
            self.refresh(layout=True)
            return
        changed = [y for y, (old, new) in enumerate(zip(self._lines, lines)) if old != new]
        for y in changed:
            self._lines[y] = lines[y]
            self._strips[y] = None
            self._width = max(self._width, Text.from_ansi(lines[y]).cell_len)
        for y in changed:
            self.refresh(Region(0, y, self.size.width, 1))

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """As wide as the widest line."""
        return self._width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One row per line."""
        return len(self._lines)

    def render_line(self, y: int) -> Strip:
        """The row ``y``: its line converted once, on the widget's own background."""
        if not 0 <= y < len(self._lines):
            return Strip.blank(self.size.width, self.rich_style)
        strip = self._strips[y]
        if strip is None:
            segments = list(Text.from_ansi(self._lines[y], no_wrap=True, end="").render(self.app.console))
            strip = Strip(Segment.apply_style(segments, self.rich_style))
            self._strips[y] = strip
        return strip.extend_cell_length(self.size.width, self.rich_style).crop(0, self.size.width)
