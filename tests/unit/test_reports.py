"""The 1:1 report: its sections, the text wheel, plug-in sections, and writing it to a file."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.test_development_plan import add, rated_wheel
from tui import transfer as reports
from tui.activities import ACTIVITIES, Activity, ActivityRegistry
from tui.context import AppContext


def test_report_content(context: AppContext) -> None:
    """Wheel bars, ratings table, strengths and gaps, reflection answers and only open objectives."""
    wheel = rated_wheel(context)
    context.assessments.set_note(wheel.id, "working-together", "Ran the | team day")
    context.assessments.set_reflection(wheel.id, 2, "Yes: service excellence.")
    add(context, "Open one", target_date="2027-03-31", activities="Shadowing")
    add(context, "Closed one", status="done")
    text = reports.report_for(context, context.assessments.get(wheel.id))  # type: ignore[arg-type]
    lines = text.splitlines()
    assert lines[0] == "# 1:1 report: Before my 1:1"
    assert "Working together    N █████░░░░░  5  W ··········  –  O ··········  –" in lines
    assert "Prof. development   N ████░░░░░░  4  W ███████░░░  7  O █████████░  9" in lines
    assert "| 3. Working Together | 5 | not rated | not rated | Ran the \\| team day |" in lines
    assert "- Demonstrating Responsible Practice and Personal Integrity: 9" in lines
    assert "- Delivering Service Excellence: 3 now, 9 would like (gap 6)" in lines
    assert "- Empowering Professional Development: 4 now, 9 needed (gap 5)" in lines
    assert "**3. Were there any surprises?**" in lines and "Yes: service excellence." in lines
    assert "1. **Open one** (○ not started, by 2027-03-31)" in lines
    assert "   - Planned activities: Shadowing" in lines
    assert "Closed one" not in text
    assert text.count("```") == 2  # the wheel is one fenced block, so it keeps its columns in an email


def test_plugged_in_sections_and_wheel_drawing(context: AppContext) -> None:
    """Activities' report sections are appended (None adds nothing); a given wheel drawing replaces the bars."""
    wheel = rated_wheel(context)
    shipped = [a for a in (ACTIVITIES.get("wheel"), ACTIVITIES.get("plan")) if a is not None]
    context.activities = ActivityRegistry((
        *shipped,
        Activity("team-ranking", "A ranking", report=lambda: lambda ctx, w, f: ("Ranking", "1. Working Together")),
        Activity("nothing", "Nothing to say", report=lambda: lambda ctx, w, f: None),
    ))
    text = reports.report_for(context, wheel, wheel_text=lambda w, f: "(a drawn wheel)")
    assert text.rstrip().endswith("## Ranking\n\n1. Working Together")
    assert "(a drawn wheel)" in text and "N ████" not in text


def test_empty_parts_say_so(context: AppContext) -> None:
    """A blank wheel and an empty plan: the report says there is nothing yet instead of leaving gaps."""
    wheel = context.assessments.create(context.framework, "Blank")
    text = reports.report_for(context, wheel)
    assert "- none rated yet" in text and "- no gaps" in text
    assert "No reflection questions answered yet." in text
    assert "No open objectives in the development plan." in text


def test_write_report_file(context: AppContext, tmp_path: Path) -> None:
    """The report is written privately into the output folder, named after the wheel."""
    wheel = rated_wheel(context)
    path = reports.write_report_file(context, wheel)
    assert path == tmp_path / "output" / f"report-{wheel.id}-before-my-1-1.md"
    assert path.read_text(encoding="utf-8").startswith("# 1:1 report: Before my 1:1")
    assert path.stat().st_mode & 0o777 == 0o600


def test_report_draws_the_wheel_as_plain_text(context: AppContext) -> None:
    """The report's wheel is the radar drawn without colour (letters mark the shapes), then the bars."""
    from tui.transfer import report_for

    fw = context.framework
    wheel = context.assessments.create(fw, "Drawn")
    for area in fw.areas:
        context.assessments.set_rating(wheel.id, fw, area.id, "current", 5)
        context.assessments.set_rating(wheel.id, fw, area.id, "aspiration", 8)
    text = report_for(context, context.assessments.get(wheel.id))
    block = text.split("```text\n", 1)[1].split("```", 1)[0]
    assert "\x1b[" not in block  # no colour codes in an email
    assert "N • How confident I feel now (mean 5.0)" in block
    assert "W + Where I would like to be (mean 8.0)" in block
    assert "1 Prof. development" in block
    assert "Working together    N █████░░░░░  5  W ████████░░  8" in block
