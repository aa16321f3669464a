"""The 1:1 report shows the levels derived by the level finder, with the reasons and next steps."""

from __future__ import annotations

from tui.context import AppContext
from tui.reports import report_for


def test_report_has_derived_levels(context: AppContext) -> None:
    """Marks at Associate and Member in one area give Member there; the next steps name Accredited Member's exemplars."""
    fw = context.framework
    wheel = context.assessments.create(fw, "Before my 1:1")
    context.assessments.set_rating(wheel.id, fw, "working-together", "current", 6)
    record = context.finder.create(fw, "Finding my level")
    for level in ("associate", "member"):
        for index in range(3):
            context.finder.set_mark(record.id, fw, "working-together", level, index, "consistently")
    context.finder.set_mark(record.id, fw, "working-together", "accredited-member", 0, "consistently")
    text = report_for(context, context.assessments.get(wheel.id))
    assert "## Levels from the level finder" in text
    assert "**Best fit:** Member: 1 of 1 marked areas at Member or above" in text
    assert "| 3. Working Together | Member |" in text
    assert "- 3. Working Together, Accredited Member: I work across organisational boundaries" in text
    assert "I enable the development of autonomy" not in text  # already consistent: not a next step


def test_report_without_finder_record_has_no_levels_section(context: AppContext) -> None:
    """No finder record: no levels section (nothing invented)."""
    wheel = context.assessments.create(context.framework, "t")
    assert "Levels from the level finder" not in report_for(context, wheel)
