"""Short texts that name things: wheel labels derived from long area titles, and a wheel's version.

Wheel labels are for areas whose file gives no ``short``.

The rule (documented in the README's "Writing a framework file"): a title that fits in
:data:`LABEL_WIDTH` cells is its own label. A longer one keeps as many of its first words
as fit, cut only between words; trailing punctuation and small words ("and", "of", "the"
...) are dropped from the end. A first word that alone is too long is cut with ``…``.
Within one framework the labels are made distinct: a label already taken (by an earlier
area's label or any area's own ``short``) gets `` 2``, `` 3`` ... appended, its words
shortened to make room.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.cells import cell_len

from tui.core.text import truncate

LABEL_WIDTH = 18
"""At most this many cells in a wheel label (the same bound as a file's ``short``)."""

SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to with via & + - – —".split()
)
"""Words a derived label does not end on."""

_TRAILING = ",;:.-–—/&+("
"""Punctuation stripped from the end of a derived label."""


def _tidy(words: Sequence[str]) -> str:
    """The words joined, with trailing small words and punctuation dropped (may be empty)."""
    kept = list(words)
    while kept:
        last = kept[-1].rstrip(_TRAILING)
        if not last or last.lower() in SMALL_WORDS:
            kept.pop()
            continue
        kept[-1] = last
        break
    return " ".join(kept)


def derive_label(title: str, width: int = LABEL_WIDTH) -> str:
    """A wheel label of at most ``width`` cells from ``title``, cut on a word boundary."""
    words = title.split()
    whole = " ".join(words)
    if cell_len(whole) <= width:
        return whole
    best = ""
    for count in range(1, len(words) + 1):
        candidate = _tidy(words[:count])
        if cell_len(" ".join(words[:count]).rstrip(_TRAILING)) > width:
            break
        if candidate:
            best = candidate
    return best or truncate(whole, width)


def _numbered(label: str, number: int, width: int) -> str:
    """``label`` with `` number`` appended, its words shortened so the whole fits ``width``."""
    suffix = f" {number}"
    room = width - cell_len(suffix)
    base = label if cell_len(label) <= room else derive_label(label, room)
    return base + suffix


def unique_labels(titles: Sequence[str], shorts: Sequence[str | None], width: int = LABEL_WIDTH) -> list[str]:
    """The wheel label of each area: its ``short`` when given, else derived and made distinct.

    ``titles`` and ``shorts`` are in wheel order. A derived label that equals an earlier
    area's label or any area's own short gets the lowest free number from 2 appended.
    """
    taken: set[str] = {short for short in shorts if short}
    labels: list[str] = []
    for title, short in zip(titles, shorts):
        if short:
            labels.append(short)
            continue
        label = derive_label(title, width)
        if label in taken:
            number = 2
            while _numbered(label, number, width) in taken:
                number += 1
            label = _numbered(label, number, width)
        taken.add(label)
        labels.append(label)
    return labels



def version_text(wheel_version: str, loaded_version: str) -> str:
    """The framework version a wheel was made with, and the loaded one where they differ.

    ``2024`` when they agree (or the wheel has none); ``2023; loaded: 2024`` when not.
    """
    if not wheel_version or wheel_version == loaded_version:
        return loaded_version
    return f"{wheel_version}; loaded: {loaded_version}"
