"""The level finder's derived levels in the 1:1 report (registered by the app context)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui import reports
from tui.assessments import Assessment
from tui.finder import derive
from tui.model import Framework

if TYPE_CHECKING:
    from tui.context import AppContext


def levels_report_section(context: AppContext, wheel: Assessment, framework: Framework) -> reports.Section | None:
    """The best-fit level and each marked area's level from the latest finder record, with next steps."""
    if not framework.levels:
        return None
    record = context.finder.latest(framework.id)
    if record is None or not record.marked_count():
        return None
    result = derive(framework, record)
    lines = [f"From the level finder record \"{record.label}\" ({record.created[:10]}).", "", f"**Best fit:** {result.reason}", ""]
    lines += [f"| {framework.area_word} | Level | Why |", "|---|---|---|"]
    for area in result.areas:
        if area.marked:
            level = area.level.title if area.level else "not yet"
            lines.append(f"| {area.area.heading} | {level} | {area.reason.split(': ', 1)[-1]} |")
    steps = [(a.area, a.next_level, a.next_steps) for a in result.areas if a.marked and a.next_level and a.next_steps]
    if steps:
        lines += ["", "**Next steps** (the exemplars just above the level reached, not yet consistent):", ""]
        for area, level, items in steps:
            for item in items:
                lines.append(f"- {area.heading}, {level.title}: {item}")
    return "Levels from the level finder", "\n".join(lines)


def register() -> None:
    """Add the derived levels to every 1:1 report (idempotent)."""
    reports.register_section(levels_report_section)
