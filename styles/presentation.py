"""The presentation theme: high contrast for a projector (every text colour at least 7:1 on its background).

Presentation mode (``framewheel --present``, or ``F5`` in the app) switches to this theme and
puts the ``-presenting`` class on the App, which ``presentation.tcss`` uses to give the chart the
screen. The colours are chosen for a dim room and a washed-out projector: white and bright
yellow on black, and the chart series in bright colours that stay apart in greyscale.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter
from textual.theme import Theme

PRESENTATION_THEME_NAME = "framewheel-present"
"""The theme's name (also how settings and tests refer to it)."""

TEXT_VARIABLES = ("text", "text-muted", "text-disabled", "text-primary", "text-secondary", "text-accent",
                  "text-warning", "text-error", "text-success", "foreground", "footer-foreground",
                  "footer-key-foreground", "footer-description-foreground", "chart-labels")
"""The theme variables that colour text; each must reach 7:1 against every background below."""

BACKGROUND_VARIABLES = ("background", "surface", "panel", "footer-background")
"""The theme variables that text is drawn on."""

HIGHLIGHT_VARIABLES = ("primary", "accent", "boost", "block-cursor-background", "primary-muted")
"""Backgrounds of highlighted things (cursors, selected cells); ``$text`` on each must reach 7:1 too."""

PRESENTATION_THEME = Theme(
    name=PRESENTATION_THEME_NAME,
    primary="#FFFF00",
    secondary="#00FFFF",
    accent="#FFD000",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#141414",
    boost="#1E1E1E",
    warning="#FFA500",
    error="#FF8080",
    success="#00FF00",
    dark=True,
    text_alpha=1.0,
    variables={
        # Textual draws muted and disabled text as the contrasting colour at 60% and 38%; projected,
        # that is too faint. ("auto" keeps text readable on light backgrounds such as the cursor.)
        "text-muted": "auto 90%",
        "text-disabled": "auto 75%",
        "foreground-muted": "#E0E0E0",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#FFFF00",
        "block-cursor-blurred-foreground": "#000000",
        "block-cursor-blurred-background": "#D0D0D0",
        "footer-key-foreground": "#FFFF00",
        "footer-background": "#141414",
        "input-selection-background": "#FFFF0066",
        # The charts' colours (see tui.widgets.theme_colours): bright, and apart in greyscale too.
        "series-1": "#00FFFF",
        "series-2": "#00FF00",
        "series-3": "#FF80FF",
        "series-4": "#FFFF00",
        "series-5": "#80C0FF",
        "chart-rings": "#A0A0A0",
        "chart-labels": "#FFFFFF",
    },
)
"""The high-contrast theme of presentation mode."""


NOT_DIM = Style(dim=False)
"""Added to every dim style while presenting."""


class UndimFilter(LineFilter):
    """Draw dim text at full strength: dimmed on a projector, it falls below 7:1 and cannot be read.

    The App puts it first among its line filters in presentation mode (before Textual's own
    filter that turns dim into a blend with the background).
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The segments with the dim attribute taken off."""
        return [
            Segment(segment.text, segment.style + NOT_DIM, segment.control)
            if segment.style is not None and segment.style.dim else segment
            for segment in segments
        ]
