"""The 1:1 report: one wheel as Markdown that reads well in an email and rendered.

:func:`build_report` is pure: it takes the wheel, its framework, the open
objectives and any extra sections. Each activity adds its sections through its
entry in :mod:`tui.activities` (levels, ranking ...); :func:`tui.transfer.report_for`
gathers them for a stored wheel, and writes report files.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from tui.core.analysis import series_gaps, top_strengths
from tui.core.wheels import Assessment
from tui.core.development_plan import Objective
from tui.core.labels import version_text
from tui.core.model import Framework
from tui.core.reports.markdown import wrap_markdown

Section = tuple[str, str]
"""An extra report section: (title, Markdown body)."""

WheelText = Callable[[Assessment, Framework], str]
"""A function drawing the wheel as plain text."""

REPORT_WIDTH, REPORT_HEIGHT = 72, 30
"""Size of the drawn wheel in a report: fits an email and a Markdown code block."""

BAR_WIDTH = 10
"""Characters in one bar of the text wheel."""


def series_letter(framework: Framework, index: int) -> str:
    """The letter that marks series ``index`` of the framework in text (from the file, or derived)."""
    return framework.series_letters[index]


def bar(value: int | None, framework: Framework) -> str:
    """A bar of BAR_WIDTH characters, filled in proportion on the scale (dots when not rated)."""
    if value is None:
        return "·" * BAR_WIDTH
    span = max(framework.scale.max - framework.scale.min, 1)
    filled = round((value - framework.scale.min) * BAR_WIDTH / span)
    return "█" * filled + "░" * (BAR_WIDTH - filled)


def wheel_bars(wheel: Assessment, framework: Framework) -> str:
    """The wheel as lines of bars per area and series, with a legend (plain text)."""
    width = max(len(area.label) for area in framework.areas)
    digits = len(str(framework.scale.max))
    legend = ", ".join(f"{series_letter(framework, i)} = {s.title}" for i, s in enumerate(framework.series))
    lines = [f"{legend} ({framework.scale.min} to {framework.scale.max}; · not rated)", ""]
    for area in framework.areas:
        cells = []
        for index, series in enumerate(framework.series):
            value = wheel.rating(area.id, series.id)
            shown = "–" if value is None else str(value)
            cells.append(f"{series_letter(framework, index)} {bar(value, framework)} {shown:>{digits}}")
        lines.append(f"{area.label:<{width}}  " + "  ".join(cells))
    return "\n".join(lines)


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ").strip()


def ratings_table(wheel: Assessment, framework: Framework) -> str:
    """The ratings as a Markdown table, with each area's note."""
    head = [framework.area_word, *(f"{s.title} ({series_letter(framework, i)})" for i, s in enumerate(framework.series)), "Note"]
    rows = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for area in framework.areas:
        values = [wheel.rating(area.id, s.id) for s in framework.series]
        cells = [_cell(area.heading), *("not rated" if v is None else str(v) for v in values), _cell(wheel.notes.get(area.id, ""))]
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def _analysis(wheel: Assessment, framework: Framework) -> list[str]:
    """Top strengths and the gaps from the baseline to each other series, as Markdown lines."""
    lines = ["## Strengths and gaps", ""]
    base = framework.baseline
    top = top_strengths(wheel, framework)
    lines.append(f"**Top strengths** (rated above the midpoint, {framework.scale.midpoint:g}, in “{base.title}”):")
    lines.extend(f"- {s.area.title}: {s.value}" for s in top)
    if not top:
        rated = any(wheel.rating(area.id, base.id) is not None for area in framework.areas)
        lines.append("- none above the midpoint yet" if rated else "- none rated yet")
    for found in series_gaps(wheel, framework):
        guide = found.guide_name
        lines.extend(["", f"**{guide or found.title}** (largest gap first):"])
        if guide:  # the guide's own words: "3 now, 9 would like"
            where = "would like" if found.target.id == "aspiration" else "needed"
            lines.extend(f"- {g.area.title}: {g.base} now, {g.target} {where} (gap {g.gap})" for g in found.gaps)
        else:
            lines.extend(f"- {g.area.title}: {g.base} → {g.target} (gap {g.gap})" for g in found.gaps)
        if not found.gaps:
            lines.append("- no gaps")
    return lines


def _objective_lines(objective: Objective, framework: Framework, number: int) -> list[str]:
    """One objective as Markdown lines."""
    areas = ", ".join(a.title if (a := framework.area(i)) else i for i in objective.areas)
    due = f", by {objective.target_date}" if objective.target_date else ""
    lines = [f"{number}. **{objective.title}** ({objective.mark} {objective.status}{due})", f"   - {framework.area_words}: {areas}",
             f"   - Success criteria: {objective.success_criteria}"]
    if objective.role:
        lines.append(f"   - For the role: {objective.role}")
    if objective.activities:
        lines.append(f"   - Planned activities: {objective.activities}")
    if objective.review_notes:
        lines.append(f"   - Review notes: {objective.review_notes}")
    return lines


def drawn_wheel(wheel: Assessment, framework: Framework) -> str:
    """The wheel drawn as plain text (the radar, no colour: letters mark the shapes), then the bars."""
    from tui.core import charts  # the charts are loaded only when a report is made

    radar = charts.radar(charts.wheel_data(framework, wheel), REPORT_WIDTH, REPORT_HEIGHT, colour=False)
    lines = [line.rstrip() for line in radar.splitlines()]
    return "\n".join(lines) + "\n\n" + wheel_bars(wheel, framework)


def build_report(
    wheel: Assessment,
    framework: Framework,
    objectives: Sequence[Objective] = (),
    extra_sections: Iterable[Section] = (),
    wheel_text: WheelText | None = None,
) -> str:
    """The 1:1 report of one wheel as Markdown."""
    created = wheel.created[:16].replace("T", " ")
    about = [f"{framework.title} ({version_text(wheel.framework_version, framework.version)})", f"wheel of {created}"]
    if wheel.person:
        about.insert(0, wheel.person)
    drawing = (wheel_text or drawn_wheel)(wheel, framework)
    lines = [f"# 1:1 report: {wheel.label}", "", " · ".join(about), "", "## The wheel", "", "```text", drawing, "```", "",
             "## Ratings", "", f"Scale: {framework.scale.summary()}", "", ratings_table(wheel, framework), ""]
    unplaced = wheel.unplaced_ratings(framework)
    if unplaced:
        kept = "; ".join(f"{a}: " + ", ".join(f"{s} {v}" for s, v in vals.items()) for a, vals in unplaced.items())
        lines.extend([f"Ratings kept for areas or series this framework no longer has: {kept}.", ""])
    lines.extend(_analysis(wheel, framework))
    lines.extend(["", "## Reflection", ""])
    answered = [(i, q) for i, q in enumerate(framework.reflection) if wheel.reflections.get(str(i), "").strip()]
    for index, question in answered:
        lines.extend([f"**{index + 1}. {question}**", "", wheel.reflections[str(index)].strip(), ""])
    if not answered:
        lines.extend(["No reflection questions answered yet.", ""])
    lines.extend(["## Open objectives", ""])
    for number, objective in enumerate(objectives, start=1):
        lines.extend(_objective_lines(objective, framework, number))
    if not objectives:
        lines.append("No open objectives in the development plan.")
    for title, body in extra_sections:
        lines.extend(["", f"## {title}", "", body.strip()])
    return wrap_markdown("\n".join(lines).rstrip() + "\n")


def slug(text: str) -> str:
    """A short file-name-safe form of ``text``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "wheel"
