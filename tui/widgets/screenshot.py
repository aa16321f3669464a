"""The F12 picture: Textual's SVG of the screen, with every run of text placed at its own column.

Rich's SVG export writes each run of same-styled cells as one ``<text>`` element, spaces inside it
as no-break spaces. With colour, a chart's blanks and its dots are separate runs; under ``NO_COLOR``
everything on a line has one style, so a whole chart line (leading blanks included) became one
element, and SVG viewers that drop or narrow the leading no-break spaces drew the radar collapsed
to the left. :func:`spaced_svg` splits each element at its runs of spaces, so every word starts at
the column it has on screen, whatever the viewer does with spaces (words one space apart stay together).
"""

from __future__ import annotations

import html
import re

from rich.cells import cell_len

_TEXT = re.compile(r'<text class="([^"]*)" x="([0-9.]+)" y="([0-9.]+)" textLength="([0-9.]+)" '
                   r'clip-path="([^"]*)">(.*?)</text>')
"""One run of text as Rich writes it (class, x, y, textLength, clip path, escaped text)."""

_SPACES = re.compile(r"((?:&#160;){2,}|^&#160;)")
"""Where an element is split: a run of two or more no-break spaces, or one that leads (single spaces between
words stay, so a phrase is still one element)."""


def _split(match: re.Match[str]) -> str:
    """The ``<text>`` element of ``match`` as one element per part between runs of spaces (the runs left out)."""
    style, x, y, length, clip, content = match.groups()
    pieces = _SPACES.split(content)
    if len(pieces) == 1:
        return match.group(0)
    text = html.unescape(content)
    char_width = float(length) / max(len(text), 1)
    out, column = [], 0
    for piece in pieces:
        plain = html.unescape(piece)
        if piece and not piece.startswith("&#160;"):
            out.append(f'<text class="{style}" x="{float(x) + column * char_width:g}" y="{y}" '
                       f'textLength="{char_width * len(plain):g}" clip-path="{clip}">{piece}</text>')
        column += cell_len(plain)
    return "".join(out)


def spaced_svg(svg: str) -> str:
    """``svg`` (Rich's export) with each text element split at its runs of spaces, each part at its own column."""
    return _TEXT.sub(_split, svg)
