"""Appending a chosen development activity to an objective's planned activities: each once, joined as prose."""

from __future__ import annotations

from screens.plan.planned_activity import with_activity
from tui.core.institution import DevelopmentActivity


def _activity(title: str, provider: str = "") -> DevelopmentActivity:
    """A catalogue activity of AHEP's first area."""
    return DevelopmentActivity(1, "ahep", title, (("professional-development", ""),), provider=provider)


def test_activities_are_joined_with_a_semicolon_or_after_a_full_stop_with_a_space() -> None:
    """"Read a book; Coaching (Network)", but "Shadow a colleague this term. Coaching (Network)", never ".;"."""
    coaching = _activity("Coaching", "Network")
    assert with_activity("", coaching) == "Coaching (Network)"
    assert with_activity("Read a book", coaching) == "Read a book; Coaching (Network)"
    assert with_activity("Read a book;  ", coaching) == "Read a book; Coaching (Network)"
    assert with_activity("Shadow a colleague this term.", coaching) == "Shadow a colleague this term. Coaching (Network)"
    assert with_activity("Read a book; Coaching (Network)", coaching) == "Read a book; Coaching (Network)"  # once
