"""CSV cells that a spreadsheet cannot take for a formula (OWASP's advice), and their undoing on import.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is written
with a ``'`` in front (``=HYPERLINK(...)`` becomes ``'=HYPERLINK(...)``), which
spreadsheets show as text. A cell that already starts with ``'`` (or several) before one
of those characters gets one more, so reading a cell back with ``from_csv_cell`` gives
exactly what was written: export then import round-trips. No Textual here.
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""The first characters that make a spreadsheet read a cell as a formula."""

QUOTE = "'"
"""The prefix that makes a spreadsheet read a cell as text."""


def needs_prefix(cell: str) -> bool:
    """Whether ``cell`` (after any leading ``'``) starts with a formula character."""
    return cell.lstrip(QUOTE).startswith(FORMULA_STARTS)


def to_csv_cell(cell: object) -> object:
    """A cell made safe for a spreadsheet: text that could start a formula gets a ``'`` in front.

    Anything that is not text (a number, None) is returned as it is: ``-1`` stays a number.
    """
    if isinstance(cell, str) and needs_prefix(cell):
        return QUOTE + cell
    return cell


def from_csv_cell(cell: str) -> str:
    """The text ``to_csv_cell`` was given: one leading ``'`` before a formula character is taken off."""
    if cell.startswith(QUOTE) and needs_prefix(cell[1:]):
        return cell[1:]
    return cell


def safe_row(cells: list[object]) -> list[object]:
    """A CSV row with every cell passed through ``to_csv_cell``."""
    return [to_csv_cell(cell) for cell in cells]
