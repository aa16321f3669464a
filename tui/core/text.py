"""Text for a terminal: cut a line to a width with an ellipsis, and make control characters visible.

Wide characters (CJK, most emoji) take two cells, combining marks none, so cutting by
``len`` would overflow a column; everything here counts cells (Rich, no Textual).
``visible`` is the one function every string from a file passes through before it
reaches a terminal (so an ESC in a label cannot retitle the window or move the cursor).
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size

ELLIPSIS = "…"
"""The mark put where text was cut (one cell)."""

BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
"""Bidirectional formatting characters, which can make a terminal show text in another order."""


def visible(text: str, *, keep: str = "\n\t") -> str:
    """``text`` with every control character shown as an escape such as ``\\x1b`` (readable, harmless).

    Replaced: C0 controls (U+0000-U+001F) except those in ``keep`` (newline and tab by
    default), DEL (U+007F), C1 controls (U+0080-U+009F) and the bidirectional controls
    (U+202E and friends, shown as ``\\u202e``). Ordinary Unicode (accents, CJK, emoji and
    their joiners) is kept as it is. A backslash is kept too, so the form is for reading,
    not for undoing.
    """
    if text.isprintable() and not any(c in BIDI_CONTROLS for c in text):
        return text
    return "".join(_visible_character(c, keep) for c in text)


def _visible_character(character: str, keep: str) -> str:
    """One character as it is, or as its escape when it is a control character not in ``keep``."""
    code = ord(character)
    if character in keep:
        return character
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"\\x{code:02x}"
    if character in BIDI_CONTROLS:
        return f"\\u{code:04x}"
    return character


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
