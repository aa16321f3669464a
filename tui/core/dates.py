"""The one reading of a date a person types: ``YYYY-MM-DD``, a real day, nothing else.

Rankings, the development plan, the institution's catalogue and the 1:1 report's meeting date
all take a date this way and say in their own words what is wrong with one that is not.
"""

from __future__ import annotations

import datetime


def iso_date(text: str) -> str | None:
    """``text`` (spaces around it ignored) as ``YYYY-MM-DD`` when it is a real day written that way, else None.

    Python reads more forms than this (``20260315``, week dates); they are refused so that every
    date stored reads the same.
    """
    text = text.strip()
    if len(text) != 10 or text[4] != "-" or text[7] != "-":
        return None
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        return None
