"""Ratings a framework can no longer place on its wheel, as text for the rating and summary screens.

Kept apart from the summary screen so that the rating screen can show them without loading
the summary's analysis and ranking modules.
"""

from __future__ import annotations

from rich.text import Text

from tui.core import analysis
from tui.core.model import Framework
from tui.core.wheels import Assessment


def unplaced_text(wheel: Assessment, framework: Framework) -> Text:
    """Ratings the framework can no longer place, under a heading (empty when none)."""
    lines = analysis.unplaced_lines(wheel, framework)
    if not lines:
        return Text()
    heading = (f"Ratings kept from an earlier edition of {framework.title} (not on the wheel):\n"
               if wheel.framework_id == framework.id else
               f"Ratings of '{wheel.framework_id}' areas {framework.title} does not have (not on the wheel):\n")
    text = Text(heading, style="bold")
    for line in lines:
        text.append(f"  ! {line}\n")
    return text
