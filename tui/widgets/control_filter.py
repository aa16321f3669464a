"""The last guard between stored text and the terminal: control characters drawn as visible pictures.

Textual strips only a few control characters (bell, backspace, carriage return and
the like) from what it draws; an ESC in a wheel's label, a plan's comment or a team
file's name reached the terminal raw, so ``\\x1b]2;...`` could retitle the window or
start a sequence that swallows the screen. The App puts :class:`ControlCharacterFilter`
first among its line filters, so whatever a screen or widget shows, every C0 and C1
control character and DEL is drawn as its Unicode control picture (ESC as ``␛``) or
``�``. The text itself is never changed: only what is drawn.
"""

from __future__ import annotations

import re

from rich.segment import Segment
from textual.color import Color
from textual.filter import LineFilter
from textual.strip import Strip

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
"""What a terminal could take as a command rather than text."""


def picture(character: str) -> str:
    """The one-cell picture of a control character: ``␛`` for ESC, ``␡`` for DEL, ``�`` for the C1 controls."""
    code = ord(character)
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else "\ufffd"


def _shown(match: re.Match[str]) -> str:
    """re.sub callback: the picture of the matched character."""
    return picture(match.group())


class ControlCharacterFilter(LineFilter):
    """Draw every control character in a line's text as a visible, one-cell picture.

    A control character measures no cells and its picture one, so a line that held any is
    cut back to its measured width (its last cells, usually padding, give way): the layout
    never moves.
    """

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The segments with control characters replaced (control segments, which Textual made, untouched)."""
        changed = False
        out: list[Segment] = []
        for segment in segments:
            if segment.control is None and _CONTROL.search(segment.text):
                out.append(Segment(_CONTROL.sub(_shown, segment.text), segment.style, segment.control))
                changed = True
            else:
                out.append(segment)
        if not changed:
            return segments
        width = sum(segment.cell_length for segment in segments)
        return list(Strip(out).crop(0, width))
