"""The level finder in the 1:1 report: the derived levels of the latest record, with next steps."""

from __future__ import annotations

from tui.core.finder import FinderRecord, derive
from tui.core.model import Framework
from tui.core.reports.one_to_one import Section
from tui.core.wheels import Assessment


def levels_report_section(record: FinderRecord | None, wheel: Assessment, framework: Framework) -> Section | None:
    """The best-fit level and each marked area's level from the finder record, with next steps."""
    if not framework.levels:
        return None
    if record is None or not record.marked_count():
        return None
    result = derive(framework, record)
    lines = [f"From the level finder record \"{record.label}\" ({record.created[:10]}).", "", f"**Best fit:** {result.reason}", ""]
    lines += [f"| {framework.area_word} | Level | Why |", "|---|---|---|"]
    for found in result.areas:
        if found.marked:
            level = found.level.title if found.level else "not yet"
            lines.append(f"| {found.area.heading} | {level} | {found.reason.split(': ', 1)[-1]} |")
    steps = [(a.area, a.next_level, a.next_steps) for a in result.areas if a.marked and a.next_level and a.next_steps]
    if steps:
        lines += ["", "**Next steps** (the exemplars just above the level reached, not yet consistent):", ""]
        for area, next_level, items in steps:
            for item in items:
                lines.append(f"- {area.heading}, {next_level.title}: {item}")
    return "Levels from the level finder", "\n".join(lines)
