"""The wheel as text: a radar (rings, spokes, one polygon per series) and grouped bars.

The radar is drawn from cos/sin points in character units (one x unit is one column, one y
unit one row) on a :class:`~tui.core.text_canvas.TextCanvas`. Each series is told apart three ways, so the chart
reads with ``NO_COLOR=1`` and in 16 colours: a colour, a line marker, and a
legend letter written at every vertex (the series' letter from the framework file,
e.g. N now, W would like, O organisation). The legend names the scale's labels and rings.
A value that is not rated is left out of the polygon and shown as ``·``,
never as 0. Nothing here imports Textual; charts are plain (or ANSI) strings.

The colours are not chosen here: the caller passes a ``Palette`` (the interface builds one from
the app's theme, see ``tui.widgets.theme_colours``); with no palette a chart is drawn without colour.
"""

from __future__ import annotations

import itertools
import math
import os
from dataclasses import dataclass, replace
from collections.abc import Mapping
from typing import Sequence

from tui.core.model import Framework
from tui.core.text_canvas import Colour, TextCanvas, ansi, nearest
from tui.core.wheels import Assessment

NOT_RATED = "·"
"""How a value that is not rated is written (distinct from 0)."""

__all__ = ["Colour"]  # the colour type is the canvas's; the interface's palettes name it from here


@dataclass(frozen=True)
class Palette:
    """The colours a chart is drawn in: one per series slot, the rings and spokes, the area labels."""

    series: tuple[Colour, ...]
    rings: Colour
    labels: Colour

    def series_colour(self, slot: int) -> Colour:
        """The colour of a series slot (slots repeat when there are more series than colours)."""
        return self.series[slot % len(self.series)]


@dataclass(frozen=True)
class SeriesStyle:
    """How one series is drawn: legend letter (also written at vertices), line marker, palette slot."""

    letter: str
    marker: str
    slot: int
    name: str
    targets: bool = False
    """A role's targets rather than ratings: the legend counts them instead of giving a mean."""


SERIES_STYLES: tuple[SeriesStyle, ...] = (
    SeriesStyle("N", "•", 0, "now"),
    SeriesStyle("W", "+", 1, "would like"),
    SeriesStyle("O", "x", 2, "organisation"),
    SeriesStyle("D", "*", 3, "fourth"),
    SeriesStyle("E", "o", 4, "fifth"),
)
"""Markers and palette slots by series position; a framework's letters and titles replace the letter and name
(see :func:`series_styles`)."""

COMPARE_STYLES: tuple[SeriesStyle, SeriesStyle] = (
    SeriesStyle("A", "+", 3, "earlier"),
    SeriesStyle("B", "•", 0, "later"),
)
"""Styles of the two wheels drawn on one compare chart (their colours are the fourth and first slots')."""


ROLE_STYLE = SeriesStyle("R", "#", 4, "role", targets=True)
"""The role drawn on a wheel as one more shape: its own letter and marker, readable without colour."""

WANTED_ROLE_STYLE = SeriesStyle("T", "%", 1, "role wanted", targets=True)
"""The second role on one chart (the role you want, beside the one you have in :data:`ROLE_STYLE`)."""


@dataclass(frozen=True)
class ChartSeries:
    """One shape: its title, one value per area (None when not rated) and its style."""

    title: str
    values: tuple[int | None, ...]
    style: SeriesStyle

    def mean(self) -> float | None:
        """Mean of the rated values, or None when none is rated."""
        rated = [v for v in self.values if v is not None]
        return sum(rated) / len(rated) if rated else None


@dataclass(frozen=True)
class ChartData:
    """Everything a chart shows: area labels in wheel order, the series and the scale."""

    labels: tuple[str, ...]
    series: tuple[ChartSeries, ...]
    low: int = 0
    high: int = 10
    scale_text: str = ""
    """The scale's labels for the legend (``1 Aware … 5 Expert``); empty: none."""


def colour_wanted() -> bool:
    """False when the user asked for no colour (``NO_COLOR`` set to anything)."""
    return "NO_COLOR" not in os.environ


def style_for(position: int) -> SeriesStyle:
    """The marker and slot of the series at this position (styles repeat beyond the fifth)."""
    return SERIES_STYLES[position % len(SERIES_STYLES)]


def series_styles(framework: Framework) -> tuple[SeriesStyle, ...]:
    """How each series of the framework is drawn: its letter and title from the file, marker and slot by position."""
    return tuple(
        replace(style_for(i), letter=letter, name=series.title)
        for i, (series, letter) in enumerate(zip(framework.series, framework.series_letters))
    )


def scale_text(framework: Framework) -> str:
    """The scale for a chart's legend: its labels, or its ends when it has none."""
    return framework.scale.summary()


def area_labels(framework: Framework, full: bool = False) -> tuple[str, ...]:
    """Wheel labels: display code and short title (``1 Prof. development``); ``full``: the whole title."""
    return tuple((f"{a.code} " if a.code else "") + (a.title if full else a.label) for a in framework.areas)


FULL_LABELS_FROM = 150
"""From this chart width, a presented chart labels its areas with their whole titles."""


def wheel_data(framework: Framework, wheel: Assessment, full_labels: bool = False) -> ChartData:
    """The chart of one wheel: every series of the framework (``full_labels``: whole titles, for presenting)."""
    series = tuple(
        ChartSeries(s.title, tuple(wheel.rating(a.id, s.id) for a in framework.areas), style)
        for s, style in zip(framework.series, series_styles(framework))
    )
    return ChartData(area_labels(framework, full_labels), series, framework.scale.min, framework.scale.max,
                     scale_text(framework))


def with_role(data: ChartData, framework: Framework, title: str, targets: Mapping[str, int | str],
              style: SeriesStyle = ROLE_STYLE) -> ChartData:
    """``data`` with a role's scale targets as one more shape (areas without a scale target are not drawn)."""
    values = tuple(t if isinstance(t := targets.get(a.id), int) and not isinstance(t, bool) else None
                   for a in framework.areas)
    return replace(data, series=(*data.series, ChartSeries(title, values, style)))


def compare_data(framework: Framework, earlier: Assessment, later: Assessment, series_id: str) -> ChartData:
    """One series of two wheels on one chart (A the earlier, B the later)."""
    series = tuple(
        ChartSeries(w.label, tuple(w.rating(a.id, series_id) for a in framework.areas), style)
        for w, style in zip((earlier, later), COMPARE_STYLES)
    )
    return ChartData(area_labels(framework), series, framework.scale.min, framework.scale.max, scale_text(framework))


class _Ink:
    """The colours of one drawing: the palette's, or none at all when colour is off."""

    def __init__(self, palette: Palette | None, on: bool) -> None:
        """Ink from ``palette`` when ``on`` and a palette is given; plain otherwise."""
        self.palette = palette if on else None

    @property
    def on(self) -> bool:
        """Whether anything is coloured."""
        return self.palette is not None

    def series(self, style: SeriesStyle) -> Colour | None:
        """The colour of a series style, or None when plain."""
        return self.palette.series_colour(style.slot) if self.palette else None

    def rings(self) -> Colour | None:
        """The colour of rings and spokes, or None when plain."""
        return self.palette.rings if self.palette else None

    def labels(self) -> Colour | None:
        """The colour of area labels, or None when plain."""
        return self.palette.labels if self.palette else None


def legend(data: ChartData, width: int, palette: Palette | None = None, rings: bool = True) -> list[str]:
    """Legend lines: ``N • title (mean 6.2)`` per series, wrapped to the width (coloured by ``palette``).

    An entry wider than the width has lines of its own, wrapped at spaces, continuation lines indented by 4.

    Then, for the wheel (``rings``), what the merge mark means; the scale's labels and the values of its rings.
    """
    entries = []
    for series in data.series:
        mean = series.mean()
        if series.style.targets:
            count = sum(1 for v in series.values if v is not None)
            told = f"{count} target{'s' if count != 1 else ''}"
        else:
            told = f"mean {mean:.1f}" if mean is not None else "not rated"
        plain = f"{series.style.letter} {series.style.marker} {series.title} ({told})"
        entries.append((plain, palette.series_colour(series.style.slot) if palette else None))
    if rings and len(data.series) > 1:
        entries.append((MERGE_TEXT, palette.labels if palette else None))
    lines: list[str] = []
    current, used = "", 0
    for plain, code in entries:
        if len(plain) > width:  # one entry wider than the width: its own lines, wrapped at spaces, then indented by 4
            if current:
                lines.append(current)
            pieces: list[str] = []
            head, _, told = plain.rpartition(" (")  # "(6 targets)" is kept whole
            for word in [*head.split(" "), f"({told}"]:
                if pieces and len(pieces[-1]) + 1 + len(word) <= width:
                    pieces[-1] += " " + word
                else:
                    pieces.append(("    " if pieces else "") + word)
            lines.extend(_colour_text(piece, code) for piece in pieces)
            current, used = "", 0
            continue
        shown = _colour_text(plain, code)
        if used and used + 3 + len(plain) > width:
            lines.append(current)
            current, used = "", 0
        current += ("   " if used else "") + shown
        used += (3 if used else 0) + len(plain)
    if current:
        lines.append(current)
    if data.scale_text:
        lines.extend(_wrap([f"Scale {data.scale_text}", *([f"rings at {ring_values(data)}"] if rings else [])], width))
    return lines


def ring_values(data: ChartData) -> str:
    """The values the two rings stand for, e.g. ``3 and 5`` on 1-5 (the middle ring halfway)."""
    middle = data.low + (data.high - data.low) / 2
    return f"{middle:g} and {data.high}"


def _ring_points(cx: float, cy: float, rx: float, ry: float, count: int) -> tuple[list[float], list[float]]:
    """Points of an ellipse (a ring that looks round in character cells)."""
    xs = [cx + rx * math.cos(2 * math.pi * k / count) for k in range(count + 1)]
    ys = [cy + ry * math.sin(2 * math.pi * k / count) for k in range(count + 1)]
    return xs, ys


def radar(data: ChartData, width: int, height: int, colour: bool | None = None, palette: Palette | None = None) -> str:
    """The wheel: rings, one spoke and label per area, one polygon per series, then the legend.

    Coloured by ``palette`` unless ``colour`` is False (by default: unless ``NO_COLOR`` is set);
    with no palette the chart is plain.
    """
    ink = _Ink(palette, colour_wanted() if colour is None else colour)
    width, height = max(width, 30), max(height, 10)
    legend_lines = legend(data, width, ink.palette)
    n = len(data.labels)
    angles = [math.pi / 2 - 2 * math.pi * i / n for i in range(n)]
    labels, rx, ry, plot_height, key_lines = _fit(data.labels, width, height - len(legend_lines))
    if not _labels_apart(_label_boxes(labels, angles, width, plot_height, rx, ry)):  # full names would touch: codes
        labels, rx, ry, plot_height, key_lines = _fit(data.labels, width, height - len(legend_lines), codes_only=True)
    legend_lines = [_colour_text(line, ink.labels()) for line in key_lines] + legend_lines
    canvas = TextCanvas(width, plot_height)
    cx, cy = (width - 1) / 2, (plot_height - 1) / 2
    span = data.high - data.low or 1
    for step in RING_STEPS:
        xs, ys = _ring_points(cx, cy, rx * step, ry * step, max(16, min(64, round(2 * math.pi * rx * step / 3))))
        canvas.points(xs, ys, "·", ink.rings())
    for angle in angles:
        canvas.line((cx, cy), (cx + rx * math.cos(angle), cy + ry * math.sin(angle)), "·", ink.rings())
    vertices = [_draw_polygon(canvas, series, angles, (cx, cy, rx, ry), data.low, span, ink) for series in data.series]
    _mark_overlaps(canvas, ink)
    boxes = _label_boxes(labels, angles, width, plot_height, rx, ry)
    _write_letters(canvas, data.series, vertices, cx, boxes, ink)  # letters after lines, so no line hides a vertex
    for (row, start, _end), label in zip(boxes, labels):
        canvas.text(start, plot_height - 1 - row, label, ink.labels())
    _write_ring_values(canvas, data, angles, (cx, cy, rx, ry), ink)  # after the labels, so it never touches one
    return "\n".join(canvas.lines(ink.on) + legend_lines)


RING_STEPS = (0.5, 1.0)
"""Where the rings are, as a share of the scale: halfway and at the top."""

MERGE_MARK = "@"
"""Drawn where two or more shapes share a cell, so neither hides the other without a trace."""

MERGE_TEXT = f"{MERGE_MARK} shapes meet"
"""The legend's entry for the merge mark."""


def _mark_overlaps(canvas: TextCanvas, ink: _Ink) -> None:
    """The merge mark on every cell that two or more series drew on."""
    for x in range(canvas.width):
        for y in range(canvas.height):
            if len(canvas.owners(x, y)) > 1:
                canvas.point(x, y, MERGE_MARK, ink.labels())


def _write_letters(canvas: TextCanvas, series: Sequence[ChartSeries], vertices: Sequence[list[tuple[float, float]]],
                   cx: float, label_boxes: Sequence[tuple[int, int, int]], ink: _Ink) -> None:
    """Each series' letter at its vertices; where several series share a vertex, their letters side by side.

    The letters of a shared vertex run toward the centre, or else away from it, into cells that hold no
    other vertex and touch no label; where neither way has room the vertex gets the merge mark (the
    lines leading in say whose shapes meet).
    """
    at: dict[tuple[int, int], list[ChartSeries]] = {}
    for one, rated in zip(series, vertices):
        for x, y in rated:
            cell = (nearest(x), nearest(y))
            if one not in at.setdefault(cell, []):
                at[cell].append(one)
    near_labels = {(canvas.height - 1 - row, column) for row, start, end in label_boxes for column in range(start - 1, end + 2)}

    def free(x: int, y: int) -> bool:
        """Whether a shared vertex's letters may take the cell (x, y)."""
        return 0 <= x < canvas.width and (x, y) not in at and (x, y) not in near_labels

    for (x, y), meeting in at.items():
        if len(meeting) == 1:
            canvas.point(x, y, meeting[0].style.letter, ink.series(meeting[0].style))
            continue
        inward = -1 if x > cx else 1
        step = next((d for d in (inward, -inward) if all(free(x + d * k, y) for k in range(1, len(meeting)))), 0)
        if not step:
            canvas.point(x, y, MERGE_MARK, ink.labels())
            continue
        start = x if step > 0 else x - len(meeting) + 1
        for k, one in enumerate(meeting):  # in series order, left to right
            canvas.point(start + k, y, one.style.letter, ink.series(one.style))


def _write_ring_values(canvas: TextCanvas, data: ChartData, angles: Sequence[float],
                       geometry: tuple[float, float, float, float], ink: _Ink) -> None:
    """Each ring's value written where the ring crosses the top spoke (on it, right or left of it), else the bottom one.

    A place is free when the value's cells and the cell either side of it hold only ring dots or blanks
    (no shape, letter or label).
    """
    cx, cy, rx, ry = geometry
    span = data.high - data.low or 1
    for step in RING_STEPS:
        value = f"{data.low + span * step:g}"
        for y, shift in itertools.product((cy + ry * step, cy - ry * step), (0, 2, -2)):
            y = nearest(y)
            start = nearest(cx) - (len(value) - 1) // 2 + (shift if shift > 0 else shift - len(value) + 1 if shift else 0)
            cells = range(start - 1, start + len(value) + 1)
            if all(canvas.char_at(c, y) in " ·" and not canvas.owners(c, y) for c in cells) \
                    and 0 < start and start + len(value) < canvas.width:
                canvas.text(start, y, value, ink.rings())
                break


def _label_boxes(labels: Sequence[str], angles: Sequence[float], width: int, plot_height: int, rx: float,
                 ry: float) -> list[tuple[int, int, int]]:
    """Where each spoke's label goes: its row (from the top), first and last column."""
    cx, cy = (width - 1) / 2, (plot_height - 1) / 2
    boxes = []
    for label, angle in zip(labels, angles):
        c, s = math.cos(angle), math.sin(angle)
        side, level = (c > 0.2) - (c < -0.2), (s > 0.2) - (s < -0.2)  # -1, 0 or 1: left or right, below or above
        x, y = nearest(cx + rx * c + 2 * side), nearest(cy + ry * s + level)  # two columns or a row clear of the outer ring
        start = x if side > 0 else x - len(label) + 1 if side < 0 else x - (len(label) - 1) // 2
        boxes.append((plot_height - 1 - y, start, start + len(label) - 1))
    return boxes


def _labels_apart(boxes: Sequence[tuple[int, int, int]]) -> bool:
    """Whether no two labels touch (a blank between labels on one row) and none runs off the canvas edge."""
    for i, (row, start, end) in enumerate(boxes):
        if start < 0:
            return False
        for other_row, other_start, other_end in boxes[i + 1:]:
            if row == other_row and start <= other_end + 1 and other_start <= end + 1:
                return False
    return True


def _fit(labels: tuple[str, ...], width: int, height: int,
         codes_only: bool = False) -> tuple[tuple[str, ...], float, float, int, list[str]]:
    """Spoke labels, radii (columns, rows), plot height and key lines of the largest wheel that fits.

    Full labels take room at the sides; when codes alone (with a key of the names under the
    chart) give a much larger wheel, or ``codes_only`` (full labels would collide), codes are used.
    """

    def radii(label_width: int, rows: int) -> tuple[float, float, int]:
        """Radii and plot height for labels this wide in this many rows."""
        rows = max(rows, 7)
        ry = max((rows - 3) / 2, 2)
        rx = min(2 * ry, max(width / 2 - label_width - 2, 6))
        if rx < 2 * ry:
            ry = rx / 2
            rows = min(rows, math.ceil(2 * ry) + 4)
        return rx, ry, rows

    full = radii(max((len(label) for label in labels), default=0), height)
    codes, names = _codes(labels)
    key = _wrap([f"{code} {name}" for code, name in zip(codes, names)], width)
    compact = radii(max(len(code) for code in codes) + 1, height - len(key))
    if codes_only or compact[0] >= 1.5 * full[0] or len(labels) > CROWDED_SPOKES:
        return codes, compact[0], compact[1], compact[2], key
    return labels, full[0], full[1], full[2], []


CROWDED_SPOKES = 10
"""With more spokes than this, names beside neighbouring spokes run into each other: codes and a key are used."""


def _codes(labels: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Each spoke's code and name: the display codes where every label starts with one, else 1, 2, 3 ..."""
    parts = [label.split(" ", 1) for label in labels]
    given = [part[0] for part in parts]
    if all(len(part) == 2 and len(part[0]) <= 3 for part in parts) and len(set(given)) == len(given):
        return tuple(given), tuple(part[1] for part in parts)
    return tuple(str(i + 1) for i in range(len(labels))), labels


def _wrap(entries: list[str], width: int) -> list[str]:
    """Entries joined by three spaces, wrapped to the width."""
    lines: list[str] = []
    current = ""
    for entry in entries:
        if current and len(current) + 3 + len(entry) > width:
            lines.append(current)
            current = ""
        current += ("   " if current else "") + entry
    return lines + ([current] if current else [])


def _colour_text(text: str, colour: Colour | None) -> str:
    """Text in a colour, or as it is for None (colour off)."""
    return text if colour is None else ansi(text, colour)


def _draw_polygon(
    canvas: TextCanvas, series: ChartSeries, angles: Sequence[float], geometry: tuple[float, float, float, float],
    low: int, span: int, ink: _Ink,
) -> list[tuple[float, float]]:
    """One series' lines between consecutive rated areas; returns its rated vertices."""
    cx, cy, rx, ry = geometry
    points: list[tuple[float, float] | None] = []
    for value, angle in zip(series.values, angles):
        if value is None:
            points.append(None)
            continue
        r = (value - low) / span
        points.append((cx + rx * r * math.cos(angle), cy + ry * r * math.sin(angle)))
    rated = [(i, p) for i, p in enumerate(points) if p is not None]
    if len(rated) > 1:
        n = len(points)
        closed = rated + [rated[0]]
        skip = [k for k in range(1, len(closed)) if (closed[k - 1][0] + 1) % n != closed[k][0]]  # no line across an unrated area
        canvas.polyline([p[0] for _, p in closed], [p[1] for _, p in closed], series.style.marker,
                        ink.series(series.style), owner=series.style.letter, skip=skip)
    elif rated:
        canvas.point(*rated[0][1], series.style.marker, ink.series(series.style), owner=series.style.letter)
    return [p for _, p in rated]


def bars(data: ChartData, width: int, colour: bool | None = None, palette: Palette | None = None) -> str:
    """Grouped horizontal bars: per area its label, then one bar per series with letter and value.

    Coloured as ``radar`` is: by ``palette``, unless colour is off or no palette is given.
    """
    ink = _Ink(palette, colour_wanted() if colour is None else colour)
    width = max(width, 40)
    legend_lines = legend(data, width, ink.palette, rings=False)
    per_area = len(data.series) + 1
    rows = len(data.labels) * per_area
    canvas = TextCanvas(width, rows)
    label_width = min(max((len(label) for label in data.labels), default=0), width // 3)
    bar_left = label_width + 4
    bar_room = width - bar_left - 6
    span = data.high - data.low or 1
    for i, label in enumerate(data.labels):
        top = rows - 1 - i * per_area
        canvas.text(0, top, label[:label_width], ink.labels())
        for j, series in enumerate(data.series):
            y = top - j
            style = series.style
            pen = ink.series(style)
            canvas.text(label_width + 1, y, style.letter, pen)
            value = series.values[i]
            if value is None:
                canvas.text(bar_left, y, f"{NOT_RATED} not rated", ink.rings())
                continue
            length = round(bar_room * (value - data.low) / span)
            if length > 0:
                canvas.text(bar_left, y, style.marker * length, pen)
            canvas.text(bar_left + length + 1, y, str(value), pen)
    return "\n".join(canvas.lines(ink.on) + legend_lines)


def bars_height(data: ChartData) -> int:
    """Rows the bar chart takes, legend excluded (so a screen can size a scroll area)."""
    return len(data.labels) * (len(data.series) + 1)
