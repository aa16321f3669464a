"""The one rule for dates and times in exchange files: ISO 8601 with a UTC offset.

A time without its offset (``2026-11-22T10:15:00``) means a different moment on every
machine, so import refuses it and says how to write it; ``Z`` counts as ``+00:00``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import datetime

EXAMPLE = "2026-11-22T10:15:00+00:00"
"""How a date and time is written in an exchange file."""


def timestamp_problem(value: object) -> str | None:
    """Why ``value`` is not a date and time with a UTC offset, or None when it is one."""
    if not isinstance(value, str) or "T" not in value:
        return f"{json.dumps(value, ensure_ascii=False)} is not a date and time like {EXAMPLE}"
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return f"{json.dumps(value, ensure_ascii=False)} is not a date and time like {EXAMPLE}"
    if parsed.tzinfo is None:
        return f"{value} has no UTC offset; write it like {value}+00:00"
    return None


def timestamp_problems(doc: Mapping[str, object], names: Iterable[str] = ("created", "updated"),
                       required: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(field, message) for each named timestamp of ``doc`` that is wrong; a required one must be there.

    An optional field may be left out, or be empty to mean "now" as before.
    """
    needed = set(required)
    problems: list[tuple[str, str]] = []
    for name in names:
        if name not in doc or (doc[name] in ("", None) and name not in needed):
            if name in needed:
                problems.append((name, f"is missing; write the date and time like {EXAMPLE}"))
            continue
        problem = timestamp_problem(doc[name])
        if problem:
            problems.append((name, problem))
    return problems
