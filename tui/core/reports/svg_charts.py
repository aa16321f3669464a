"""The wheel drawn as SVG for the HTML report: a radar and horizontal bars, from :class:`~tui.core.charts.ChartData`.

The numbers are those of the text charts (``charts.wheel_data``), so the picture and the
ratings table agree. Every series is told apart three ways, so a greyscale print still reads:
a colour, a line pattern (solid, dashed, dotted ...) and its letter at every vertex and bar.
Each drawn value carries ``data-series``, ``data-area`` and ``data-value`` attributes and a
``<title>``, so a test (or a reader hovering) can check it. A value that is not rated is left
out of the polygon (never drawn as 0) and written "not rated" in the bars. All text is escaped.
Nothing here imports Textual, and the SVG refers to nothing outside itself.
"""

from __future__ import annotations

import math
from html import escape

from tui.core.charts import ChartData, ChartSeries

COLOURS = ("#1f5fa8", "#c0502a", "#2e7d32", "#6a3d9a", "#8a6d00")
"""Series colours by palette slot: dark enough for white paper, distinct in colour print."""

DASHES = ("", "7 4", "2 3", "9 3 2 3", "4 2")
"""Line patterns by palette slot (solid, dashed, dotted ...), so the shapes differ in greyscale too."""

RADAR_SIZE = 430
"""Width and height of the radar picture, in SVG units (scaled to the page by the browser)."""

RADIUS = 170
"""Radius of the outermost ring (the top of the scale)."""

LABEL_ROOM = 130
"""Room left and right of the radar for the area labels."""

BAR_WIDTH = 300
"""Length of a bar at the top of the scale."""


def _colour(series: ChartSeries) -> str:
    """The series' colour."""
    return COLOURS[series.style.slot % len(COLOURS)]


def _dash(series: ChartSeries) -> str:
    """The series' stroke pattern attribute (empty for a solid line)."""
    pattern = DASHES[series.style.slot % len(DASHES)]
    return f' stroke-dasharray="{pattern}"' if pattern else ""


def _num(value: float) -> str:
    """A coordinate with two decimals at most."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def ring_steps(low: int, high: int) -> list[int]:
    """The values that get a ring: about five, evenly spaced, always the top of the scale."""
    span = max(high - low, 1)
    step = max(1, math.ceil(span / 5))
    steps = list(range(low + step, high, step))
    return [*steps, high]


def vertex(value: int, angle: float, low: int, high: int, centre: float = RADAR_SIZE / 2) -> tuple[float, float]:
    """Where ``value`` sits on the spoke at ``angle`` (radians, 0 = right, counter-clockwise on paper)."""
    radius = RADIUS * (value - low) / max(high - low, 1)
    return centre + radius * math.cos(angle), centre - radius * math.sin(angle)


def _angles(count: int) -> list[float]:
    """The spokes' angles: the first area at the top, then clockwise."""
    return [math.pi / 2 - 2 * math.pi * i / count for i in range(count)]


def radar_svg(data: ChartData, title: str = "The wheel") -> str:
    """The wheel as one SVG radar: rings with their values, one spoke and label per area, a shape per series."""
    centre = RADAR_SIZE / 2
    count = max(len(data.labels), 1)
    angles = _angles(count)
    parts = [f'<svg viewBox="{-LABEL_ROOM} 0 {RADAR_SIZE + 2 * LABEL_ROOM} {RADAR_SIZE}" class="radar" '
             f'role="img" aria-label="{escape(title)}" font-family="sans-serif" font-size="13">',
             f"<title>{escape(title)}</title>"]
    for value in ring_steps(data.low, data.high):
        points = " ".join(f"{_num(x)},{_num(y)}" for x, y in (vertex(value, a, data.low, data.high) for a in angles))
        parts.append(f'<polygon class="ring" points="{points}" fill="none" stroke="#bbb" stroke-width="1"/>')
        _, y = vertex(value, math.pi / 2, data.low, data.high)
        parts.append(f'<text class="ring-value" x="{_num(centre - 9)}" y="{_num(y + 4)}" text-anchor="end" fill="#666" font-size="10">{value}</text>')
    for label, angle in zip(data.labels, angles):
        x, y = vertex(data.high, angle, data.low, data.high)
        parts.append(f'<line class="spoke" x1="{_num(centre)}" y1="{_num(centre)}" x2="{_num(x)}" y2="{_num(y)}" '
                     'stroke="#bbb" stroke-width="1"/>')
        lx, ly = centre + (RADIUS + 14) * math.cos(angle), centre - (RADIUS + 14) * math.sin(angle)
        cos = math.cos(angle)
        anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
        baseline = ly + 4 + (6 if math.sin(angle) < -0.5 else -2 if math.sin(angle) > 0.5 else 0)
        parts.append(f'<text class="area-label" x="{_num(lx)}" y="{_num(baseline)}" text-anchor="{anchor}" '
                     f'fill="#222">{escape(label)}</text>')
    for series in data.series:
        parts.append(_radar_series(series, data, angles))
    parts.append("</svg>")
    return "\n".join(parts)


def _radar_series(series: ChartSeries, data: ChartData, angles: list[float]) -> str:
    """One series' shape (rated vertices only), with its letter and value marked at each vertex."""
    colour, letter = _colour(series), escape(series.style.letter)
    rated = [(i, v, vertex(v, angles[i], data.low, data.high)) for i, v in enumerate(series.values) if v is not None]
    out = [f'<g class="series" data-series="{letter}" data-title="{escape(series.title)}">']
    if len(rated) >= 2:
        points = " ".join(f"{_num(x)},{_num(y)}" for _, _, (x, y) in rated)
        shape = "polygon" if len(rated) > 2 else "polyline"
        out.append(f'<{shape} points="{points}" fill="{colour}" fill-opacity="0.08" stroke="{colour}" '
                   f'stroke-width="2"{_dash(series)}/>')
    for index, value, (x, y) in rated:
        label = escape(data.labels[index])
        out.append(f'<g class="vertex" data-series="{letter}" data-area="{label}" data-value="{value}" '
                   f'data-x="{_num(x)}" data-y="{_num(y)}">'
                   f"<title>{escape(series.title)}, {label}: {value}</title>"
                   f'<circle cx="{_num(x)}" cy="{_num(y)}" r="7" fill="#fff" stroke="{colour}" stroke-width="1.5"/>'
                   f'<text x="{_num(x)}" y="{_num(y + 3.5)}" text-anchor="middle" font-size="9" font-weight="bold" '
                   f'fill="{colour}">{letter}</text></g>')
    out.append("</g>")
    return "\n".join(out)


BAR_LABEL_WIDTH, BAR_ROW, BAR_GAP = 190, 16, 10
"""The bars' area-label column, the height of one bar's row, and the space under each area (SVG units)."""


def _bars_frame(height: int, title: str, extra_class: str = "") -> str:
    """The opening tag of one strip of the bars chart (every strip has the same width, so they line up)."""
    width = BAR_LABEL_WIDTH + BAR_WIDTH + 90
    return (f'<svg viewBox="0 0 {width} {height}" class="bars{extra_class}" role="img" aria-label="{escape(title)}" '
            f'font-family="sans-serif" font-size="12">')


def _bar_x(value: int, low: int, span: int) -> float:
    """Where a value ends on the bars' axis."""
    return BAR_LABEL_WIDTH + 20 + BAR_WIDTH * (value - low) / span


def bars_svg(data: ChartData, title: str = "Ratings by area") -> str:
    """The ratings as horizontal bars: one small SVG per area (so a printed page may break between areas),
    one bar per series with its letter and value, then the scale's axis."""
    span = max(data.high - data.low, 1)
    steps = ring_steps(data.low, data.high)
    height = BAR_ROW * len(data.series) + BAR_GAP
    strips = []
    for a, label in enumerate(data.labels):
        parts = [_bars_frame(height, f"{title}: {label}"), f"<title>{escape(label)}</title>"]
        for step in steps:
            x = _num(_bar_x(step, data.low, span))
            parts.append(f'<line x1="{x}" y1="0" x2="{x}" y2="{height}" stroke="#ddd" stroke-width="1"/>')
        parts.append(f'<text class="area-label" x="0" y="{BAR_ROW - 4}" fill="#222">{escape(label)}</text>')
        for s, series in enumerate(data.series):
            y = s * BAR_ROW
            value = series.values[a] if a < len(series.values) else None
            colour, letter = _colour(series), escape(series.style.letter)
            parts.append(f'<text x="{BAR_LABEL_WIDTH + 6}" y="{y + BAR_ROW - 4}" font-weight="bold" fill="{colour}">{letter}</text>')
            if value is None:
                parts.append(f'<text class="bar" data-series="{letter}" data-area="{escape(label)}" data-value="" '
                             f'x="{BAR_LABEL_WIDTH + 20}" y="{y + BAR_ROW - 4}" fill="#666" font-style="italic">not rated</text>')
                continue
            end = _bar_x(value, data.low, span)
            length = end - _bar_x(data.low, data.low, span)
            parts.append(f'<g class="bar" data-series="{letter}" data-area="{escape(label)}" data-value="{value}">'
                         f"<title>{escape(series.title)}, {escape(label)}: {value}</title>"
                         f'<rect x="{BAR_LABEL_WIDTH + 20}" y="{y + 2}" width="{_num(length)}" height="{BAR_ROW - 5}" '
                         f'fill="{colour}" fill-opacity="0.25" stroke="{colour}"{_dash(series)}/>'
                         f'<text x="{_num(end + 6)}" y="{y + BAR_ROW - 4}" fill="#222">{value}</text></g>')
        parts.append("</svg>")
        strips.append("\n".join(parts))
    axis = [_bars_frame(18, "the scale", " bars-axis")]
    for step in steps:
        axis.append(f'<text x="{_num(_bar_x(step, data.low, span))}" y="12" text-anchor="middle" fill="#666" '
                    f'font-size="10">{step}</text>')
    axis.append("</svg>")
    strips.append("\n".join(axis))
    return f'<div class="bars-chart" role="group" aria-label="{escape(title)}">\n' + "\n".join(strips) + "\n</div>"


def legend_items(data: ChartData) -> list[tuple[str, str, str, str]]:
    """(letter, title, colour, dash pattern) of each series, for the report's legend."""
    return [(s.style.letter, s.title, _colour(s), DASHES[s.style.slot % len(DASHES)]) for s in data.series]
