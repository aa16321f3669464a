"""The one reading of a typed date: YYYY-MM-DD and a real day, the forms Python also reads refused."""

from __future__ import annotations

import pytest

from tui.core.dates import iso_date


@pytest.mark.parametrize(("text", "found"), [
    ("2027-01-15", "2027-01-15"), ("  2027-01-15 ", "2027-01-15"), ("2024-02-29", "2024-02-29"),
    ("2027-02-30", None), ("15/01/2027", None), ("20270115", None), ("2027-W03-1", None), ("2027-1-5", None),
    ("", None), ("next week", None),
])
def test_only_a_real_day_written_yyyy_mm_dd_is_a_date(text: str, found: str | None) -> None:
    """A real day in the one written form is read; everything else, however Python would read it, is not."""
    assert iso_date(text) == found
