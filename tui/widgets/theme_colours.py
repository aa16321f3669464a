"""The chart colours from the app's theme: the one module where colour values are written.

A chart's series, rings and labels take their colours from theme variables (``$series-1`` ...
``$series-5``, ``$chart-rings``, ``$chart-labels``). A theme may set them in its ``variables``;
a theme that does not gets the defaults below, which are the terminal's own 16 colours, so the
charts read the same in every theme, with ``TERM=linux`` and over SSH. Screens and widgets read
colours through this module and pass them to ``tui.core.charts`` (which never imports Textual).
"""

from __future__ import annotations

from typing import Protocol

from rich.color import Color as RichColor
from textual.color import Color, ColorParseError

from tui.core.charts import SERIES_STYLES, Colour, Palette, SeriesStyle

SERIES_VARIABLES = tuple(f"series-{n}" for n in range(1, len(SERIES_STYLES) + 1))
"""Theme variables of the series colours, by palette slot."""

RINGS_VARIABLE, LABELS_VARIABLE = "chart-rings", "chart-labels"
"""Theme variables of the rings and spokes, and of the area labels."""

DEFAULTS: dict[str, str] = {
    "series-1": "ansi_cyan",     # N, how I feel now; B, the later wheel of a comparison
    "series-2": "ansi_green",    # W, where I would like to be
    "series-3": "ansi_magenta",  # O, where my organisation needs me to be
    "series-4": "ansi_yellow",   # a fourth series; A, the earlier wheel of a comparison
    "series-5": "ansi_blue",     # a fifth series
    RINGS_VARIABLE: "ansi_bright_black",
    LABELS_VARIABLE: "ansi_white",
}
"""The value of each chart variable in a theme that does not set it (the terminal's 16 colours)."""


class Themed(Protocol):
    """What this module needs of the app: its theme's CSS variables."""

    def get_css_variables(self) -> dict[str, str]:
        """The CSS variables of the current theme (Textual's App provides it)."""


def theme_value(app: Themed, name: str) -> str:
    """The value of the chart variable ``name`` in the app's theme (or its default)."""
    variables = getattr(app, "theme_variables", None) or app.get_css_variables()
    return variables.get(name) or DEFAULTS[name]


def _colour(value: str, fallback: str) -> Color:
    """A theme value as a Textual colour (the default when the theme's value is not a colour)."""
    try:
        return Color.parse(value)
    except ColorParseError:
        return Color.parse(fallback)


def terminal_colour(colour: Color) -> Colour:
    """A Textual colour as the charts draw it: the terminal's colour number, or red, green, blue."""
    if colour.ansi is not None and colour.ansi >= 0:
        return colour.ansi
    return (colour.r, colour.g, colour.b)


def _variable_colour(app: Themed, name: str) -> Color:
    """The colour of the chart variable ``name`` in the app's theme."""
    return _colour(theme_value(app, name), DEFAULTS[name])


def chart_palette(app: Themed) -> Palette:
    """The palette the charts are drawn in, read from the app's current theme."""
    return Palette(
        series=tuple(terminal_colour(_variable_colour(app, name)) for name in SERIES_VARIABLES),
        rings=terminal_colour(_variable_colour(app, RINGS_VARIABLE)),
        labels=terminal_colour(_variable_colour(app, LABELS_VARIABLE)),
    )


def rich_colour(colour: Colour) -> str:
    """A chart colour as a Rich colour name, so that a widget's text matches the chart."""
    if isinstance(colour, tuple):
        return RichColor.from_rgb(*colour).name
    return RichColor.from_ansi(colour).name


def series_style(app: Themed, style: SeriesStyle) -> str:
    """The Rich colour of a series style in the app's theme (for sliders and headings).

    Under ``NO_COLOR`` (the app's ``no_color``) none: the text colour, so no series is drawn as a
    dim grey; the series' letters tell them apart.
    """
    if getattr(app, "no_color", False):
        return ""
    return rich_colour(chart_palette(app).series_colour(style.slot))
