"""The median and quartiles used by the team profile: of a team's ratings and of its ranks.

Quartiles: **the median of each half, exclusive** (Tukey's hinges without the middle value):
the sorted values are split into a lower and an upper half; when n is odd the middle value
belongs to neither half; q1 is the median of the lower half, q3 of the upper half (with one
value, both are that value).
"""

from __future__ import annotations

from collections.abc import Sequence

QUARTILE_METHOD = "median of each half, exclusive (odd n: the middle value is in neither half)"
"""How the quartiles are computed, as the outputs state it."""


def median(values: Sequence[float]) -> float:
    """The median of sorted ``values`` (the mean of the middle two when there are an even number)."""
    if not values:
        raise ValueError("the median of no values")
    n = len(values)
    middle = n // 2
    return float(values[middle]) if n % 2 else (values[middle - 1] + values[middle]) / 2


def quartiles(values: Sequence[int]) -> tuple[float, float, float]:
    """(q1, median, q3) by the median of each half, exclusive (see :data:`QUARTILE_METHOD`)."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("the quartiles of no values")
    n = len(ordered)
    if n == 1:
        only = float(ordered[0])
        return only, only, only
    half = n // 2
    lower, upper = ordered[:half], ordered[n - half:]
    return median(lower), median(ordered), median(upper)
