"""A grid of character cells to draw charts on: points, lines and text, each cell with its colour.

The wheel and the bar charts are drawn on it (see :mod:`tui.core.charts`). Coordinates are
in cells, x to the right from 0 and y *up* from 0 at the bottom row, as on a chart; a point
lands on the nearest cell. What is drawn later covers what was drawn before, except that a
cell can be asked who else drew there (:meth:`TextCanvas.owners`), so a chart can mark where
two series meet. The canvas renders to lines of text, with ANSI colours or without.

It replaces the plotting library the charts were first drawn with, which was used only as
such a grid and cost the wheel screen about 8 MiB and 110 ms to load.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Union

Colour = Union[int, tuple[int, int, int]]
"""A colour of the 256-colour table (0-15 the terminal's own 16) or an RGB triple."""


def nearest(value: float) -> int:
    """The whole number nearest to ``value``, its floating-point noise dropped first.

    ``sin(pi)`` is not 0 but 1.2e-16, so a spoke drawn to the left from a centre at ``12.5``
    would round to 13 while the one to the right rounds to 12: the horizontal spoke split
    across two rows. Rounded to nine places first, both are 12.5 (and round alike).
    """
    return round(round(value, 9))


def ansi(text: str, colour: Colour) -> str:
    """Text in a foreground colour: SGR 30-37 / 90-97 for the 16 colours, 38;5 for 256, 38;2 for RGB."""
    if isinstance(colour, tuple):
        sgr = "38;2;{};{};{}".format(*colour)
    elif colour < 8:
        sgr = str(30 + colour)
    elif colour < 16:
        sgr = str(90 + colour - 8)
    else:
        sgr = f"38;5;{colour}"
    return f"\x1b[{sgr}m{text}\x1b[0m"


class TextCanvas:
    """``width`` x ``height`` character cells, blank at first."""

    def __init__(self, width: int, height: int) -> None:
        """A blank canvas of this many columns and rows."""
        self.width = max(width, 1)
        self.height = max(height, 1)
        self._chars = [[" "] * self.width for _ in range(self.height)]
        self._colours: list[list[Colour | None]] = [[None] * self.width for _ in range(self.height)]
        self._owners: list[list[frozenset[str]]] = [[frozenset()] * self.width for _ in range(self.height)]

    def _cell(self, x: float, y: float) -> tuple[int, int] | None:
        """The (row, column) of the cell nearest to chart point (x, y), or None when it is off the canvas."""
        column, row = nearest(x), self.height - 1 - nearest(y)
        if 0 <= column < self.width and 0 <= row < self.height:
            return row, column
        return None

    def point(self, x: float, y: float, char: str, colour: Colour | None = None, owner: str = "") -> None:
        """Draw ``char`` on the cell nearest to (x, y); ``owner`` names who drew it (see :meth:`owners`)."""
        cell = self._cell(x, y)
        if cell is None:
            return
        row, column = cell
        self._chars[row][column] = char[:1] or " "
        self._colours[row][column] = colour
        if owner:
            self._owners[row][column] = self._owners[row][column] | {owner}

    def points(self, xs: Sequence[float], ys: Sequence[float], char: str, colour: Colour | None = None,
               owner: str = "") -> None:
        """Draw ``char`` at each point."""
        for x, y in zip(xs, ys):
            self.point(x, y, char, colour, owner)

    def line(self, start: tuple[float, float], end: tuple[float, float], char: str, colour: Colour | None = None,
             owner: str = "") -> None:
        """Draw ``char`` on every cell of the straight line from ``start`` to ``end`` (both ends included)."""
        (x0, y0), (x1, y1) = start, end
        steps = max(round(abs(x1 - x0)), round(abs(y1 - y0)), 1)
        for step in range(steps + 1):
            t = step / steps
            self.point(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, char, colour, owner)

    def polyline(self, xs: Sequence[float], ys: Sequence[float], char: str, colour: Colour | None = None,
                 owner: str = "", skip: Iterable[int] = ()) -> None:
        """Lines between consecutive points; the segment ending at point ``k`` is left out for each ``k`` in ``skip``."""
        left_out = set(skip)
        for k in range(1, min(len(xs), len(ys))):
            if k not in left_out:
                self.line((xs[k - 1], ys[k - 1]), (xs[k], ys[k]), char, colour, owner)

    def text(self, x: float, y: float, text: str, colour: Colour | None = None, align: str = "left") -> None:
        """Write ``text`` on row ``y``: starting at ``x`` (left), ending at it (right) or centred on it."""
        row = self.height - 1 - nearest(y)
        if not 0 <= row < self.height:
            return
        start = nearest(x) - (len(text) - 1 if align == "right" else (len(text) - 1) // 2 if align == "center" else 0)
        for offset, char in enumerate(text):
            column = start + offset
            if 0 <= column < self.width:
                self._chars[row][column] = char
                self._colours[row][column] = colour
                self._owners[row][column] = frozenset()

    def char_at(self, x: float, y: float) -> str:
        """The character on the cell nearest to (x, y) (a space off the canvas)."""
        cell = self._cell(x, y)
        return " " if cell is None else self._chars[cell[0]][cell[1]]

    def owners(self, x: float, y: float) -> frozenset[str]:
        """Who drew on the cell nearest to (x, y) since text last covered it (the ``owner`` names given)."""
        cell = self._cell(x, y)
        return frozenset() if cell is None else self._owners[cell[0]][cell[1]]

    def lines(self, colour: bool = True) -> list[str]:
        """The canvas as text lines, top row first: with ANSI colours (``colour``), else plain with no trailing blanks."""
        rendered = []
        for chars, colours in zip(self._chars, self._colours):
            if not colour:
                rendered.append("".join(chars).rstrip())
                continue
            pieces: list[str] = []
            run: list[str] = []
            run_colour: Colour | None = None
            for char, cell_colour in zip(chars, colours):
                if run and cell_colour != run_colour:
                    pieces.append(ansi("".join(run), run_colour) if run_colour is not None else "".join(run))
                    run = []
                run_colour = cell_colour
                run.append(char)
            if run:
                pieces.append(ansi("".join(run), run_colour) if run_colour is not None else "".join(run))
            rendered.append("".join(pieces))
        return rendered
