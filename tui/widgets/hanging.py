"""Lines that hang: a lead (a bullet, a number, a mark) and its text, whose wrapped lines go on under the text's first word."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text


def hanging(rows: Iterable[tuple[str | Text, str | Text]], lead: int) -> Table:
    """One row per (lead, text), the leads in a column ``lead`` cells wide and the text beside them, wrapped there.

    Plain strings become :class:`~rich.text.Text`, so a framework's brackets (``Skills [core]``)
    are shown as written, never read as markup. Any other line under a lead (an exemplar's
    evidence) is a row with an empty lead.
    """
    grid = Table.grid()
    grid.add_column(width=lead, no_wrap=True)
    grid.add_column(ratio=1)
    for left, right in rows:
        grid.add_row(Text(left) if isinstance(left, str) else left, Text(right) if isinstance(right, str) else right)
    return grid
