"""Text measured in terminal cells: one helper to cut a line to a width with an ellipsis.

Wide characters (CJK, most emoji) take two cells, combining marks none, so cutting by
``len`` would overflow a column; everything here counts cells (Rich, no Textual).
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size

ELLIPSIS = "…"
"""The mark put where text was cut (one cell)."""


def truncate(text: str, width: int, *, one_line: bool = False, pad: bool = False) -> str:
    """``text`` in at most ``width`` cells, its end replaced by ``…`` when it does not fit.

    ``one_line`` first joins the words with single spaces (newlines and runs of spaces go);
    ``pad`` fills with spaces to exactly ``width`` cells. A width of 0 or less gives ``""``;
    a width of 1 gives ``…`` for anything longer than one cell. A wide character that would
    straddle the cut is left out whole, so the result may be a cell short unless padded.
    """
    if one_line:
        text = " ".join(text.split())
    width = max(0, width)
    if cell_len(text) > width:
        text = _cut(text, width - 1) + ELLIPSIS if width else ""
    if pad:
        text += " " * (width - cell_len(text))
    return text


def _cut(text: str, cells: int) -> str:
    """The longest start of ``text`` that fits in ``cells`` cells."""
    used = 0
    for index, character in enumerate(text):
        used += get_character_cell_size(character)
        if used > cells:
            return text[:index]
    return text
