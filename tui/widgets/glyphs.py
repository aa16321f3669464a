"""ASCII fallbacks for the glyphs a terminal cannot show: decided once, from the environment, for every screen.

The app draws symbols (``● ▲ ✔ ⚑ ⚠ • · ▶ … ━`` and Textual's own ``⭘ ⏎ ╭``) that the Linux console
(``TERM=linux``) and a terminal on a non-UTF-8 locale show as blanks or diamonds. Rather than each
screen checking, the app puts :class:`AsciiFilter` among its line filters when :func:`ascii_wanted`
says so: whatever a screen or widget draws, each glyph of :data:`FALLBACKS` is drawn as its one-cell
ASCII stand-in (so no layout moves) and any other character the terminal cannot show as ``?``.
Key names in the footer and in F1 are spelt out instead (:func:`key_text`: ``⏎`` is ``enter``).

``FRAMEWHEEL_GLYPHS=ascii`` or ``unicode`` overrides the guess.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Mapping
from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter

GLYPHS_VARIABLE = "FRAMEWHEEL_GLYPHS"
"""The environment variable that overrides the guess: ``ascii`` or ``unicode``."""

FALLBACKS: dict[str, str] = {
    # ratings, flags and marks
    "●": "*", "○": "o", "◐": "%", "◆": "#", "★": "*", "▲": "^", "▼": "v", "▾": "v", "▶": ">", "◀": "<",
    "✔": "+", "✓": "+", "✗": "x", "×": "x", "⚑": "!", "⚠": "!", "‼": "!", "≠": "#", "⭘": "o",
    # chart dots and markers
    "·": ".", "•": "o",
    # arrows
    "→": ">", "←": "<", "↑": "^", "↓": "v", "⇧": "^", "⏎": "<",
    # punctuation
    "…": "~", "–": "-", "—": "-", "−": "-", "“": '"', "”": '"', "‘": "'", "’": "'",
    # lines, boxes and blocks (Textual's borders, sliders, scroll bars, check boxes)
    "━": "-", "─": "-", "═": "=", "┃": "|", "│": "|", "║": "|",
    "╭": "+", "╮": "+", "╰": "+", "╯": "+", "┌": "+", "┐": "+", "└": "+", "┘": "+",
    "┏": "+", "┓": "+", "┗": "+", "┛": "+", "╔": "+", "╗": "+", "╚": "+", "╝": "+",
    "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+", "╶": "-", "╴": "-", "╷": "|", "╵": "|",
    "╌": "-", "╍": "-", "┄": "-", "┅": "-", "▏": "|", "▕": "|", "▎": "|", "▍": "|", "▋": "]", "▊": "]", "▉": "#",
    "░": ":", "▒": ":", "▓": "#", "█": "#", "▌": "]", "▐": "[", "▀": "#", "▄": "#",  # a dialog's thick frame
    "▁": " ", "▂": " ", "▃": " ", "▅": " ", "▆": " ", "▇": " ", "▔": " ",
    # control pictures (see tui.widgets.control_filter)
    "␛": "?", "␡": "?", "\ufffd": "?",
}
"""Each glyph the app (or Textual) draws, and the one ASCII cell drawn instead where it cannot be shown."""

KEY_WORDS: dict[str, str] = {"⏎": "enter", "↑": "up", "↓": "down", "←": "left", "→": "right", "⇧": "shift+"}
"""Key symbols spelt out in the footer and F1 (there the width is measured after, so words fit)."""



def box_fallback(char: str) -> str:
    """The ASCII stand-in of a box-drawing or block character not in :data:`FALLBACKS`, from its Unicode name.

    A line that runs only across is ``-``, only up and down ``|``, a joint or corner ``+``
    (the mixed light and heavy joints of Rich's table heads: ``┡ ╇ ┩``), a diagonal ``/``, ``\\``
    or ``X``; a quadrant block is ``#``. Any other character is ``?``.
    """
    name = unicodedata.name(char, "")
    if name.startswith("QUADRANT"):
        return "#"
    if not name.startswith("BOX DRAWINGS"):
        return "?"
    if "DIAGONAL" in name:
        return "X" if "CROSS" in name else "/" if "UPPER RIGHT" in name else "\\"
    words = set(name.split())
    across = bool(words & {"HORIZONTAL", "LEFT", "RIGHT"})
    upright = bool(words & {"VERTICAL", "UP", "DOWN"})
    return "+" if across and upright else "-" if across else "|" if upright else "?"


BOX_FALLBACKS: dict[str, str] = {chr(code): box_fallback(chr(code)) for code in range(0x2500, 0x25A0)
                                 if chr(code) not in FALLBACKS}
"""The rest of the box-drawing and block characters (U+2500-U+259F), each by :func:`box_fallback`."""

_TABLE = str.maketrans({**BOX_FALLBACKS, **FALLBACKS})


def ascii_wanted(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the terminal cannot show the glyphs: ``TERM=linux``, or a locale that is not UTF-8.

    The locale is the first of ``LC_ALL``, ``LC_CTYPE``, ``LANG`` that is set (none set: UTF-8 is
    assumed). ``FRAMEWHEEL_GLYPHS=ascii`` or ``unicode`` decides instead.
    """
    env = os.environ if environ is None else environ
    chosen = env.get(GLYPHS_VARIABLE, "").strip().lower()
    if chosen in ("ascii", "unicode"):
        return chosen == "ascii"
    if env.get("TERM", "") == "linux":
        return True
    locale = next((env[name] for name in ("LC_ALL", "LC_CTYPE", "LANG") if env.get(name)), "")
    return bool(locale) and "utf-8" not in locale.lower() and "utf8" not in locale.lower()


@lru_cache(maxsize=4096)
def ascii_text(text: str) -> str:
    """``text`` as the terminal can show it: glyphs by their fallbacks, any other non-Latin-1 character by ``?``.

    Every character keeps its width in cells (a two-cell character becomes ``??``).
    """
    if text.isascii():
        return text
    out = text.translate(_TABLE)
    if out.isascii():
        return out
    return "".join(char if ord(char) < 0x100 else "?" * max(cell_len(char), 1) for char in out)


def key_text(text: str) -> str:
    """A key's name for the footer and F1 in ASCII: its symbols spelt out (``⏎`` as ``enter``)."""
    for symbol, word in KEY_WORDS.items():
        text = text.replace(symbol, word)
    return ascii_text(text)


class AsciiFilter(LineFilter):
    """Draw every line with ASCII fallbacks for the glyphs (the app adds it when :func:`ascii_wanted`)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The segments with their text in ASCII (control segments untouched); the same list when all is ASCII."""
        if all(segment.control is not None or segment.text.isascii() for segment in segments):
            return segments
        return [segment if segment.control is not None else Segment(ascii_text(segment.text), segment.style)
                for segment in segments]
