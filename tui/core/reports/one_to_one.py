"""The 1:1 report: one wheel as Markdown that reads well in an email and rendered.

:func:`build_report` is pure: it takes the wheel, its framework, the open
objectives and any extra sections. Each activity adds its sections through its
entry in :mod:`tui.activities` (levels, ranking ...); :func:`tui.transfer.report_for`
gathers them for a stored wheel, and writes report files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from collections.abc import Callable, Iterable, Sequence

from tui.core.analysis import series_gaps, top_strengths, wishes_above_need
from tui.core.wheels import Assessment
from tui.core.development_plan import Objective
from tui.core.labels import version_text
from tui.core.model import Framework
from tui.core.reports.markdown import wrap_markdown
from tui.core.dates import iso_date

Section = tuple[str, str]
"""An extra report section: (title, Markdown body)."""


@dataclass(frozen=True)
class ReportHeader:
    """Who the report is for and when they meet: asked once in the app, remembered, changeable."""

    name: str = ""
    role: str = ""
    meeting_date: str = ""
    """The 1:1's date, ``YYYY-MM-DD`` (empty: not given)."""

    def for_wheel(self, wheel: Assessment) -> ReportHeader:
        """This header, with the wheel's own person as the name when none is given."""
        return self if self.name.strip() or not wheel.person else replace(self, name=wheel.person)

    def items(self) -> list[tuple[str, str]]:
        """The header's filled-in parts as (word, value): Name, Role, Meeting."""
        parts = [("Name", self.name), ("Role", self.role), ("Meeting", self.meeting_date)]
        return [(word, " ".join(value.split())) for word, value in parts if value.strip()]

    def as_dict(self) -> dict[str, str]:
        """The header as a dictionary for the settings."""
        return {"name": self.name, "role": self.role, "meeting_date": self.meeting_date}

    @classmethod
    def from_value(cls, value: object) -> ReportHeader | None:
        """A header from a stored settings value, or None when none (or nothing usable) is stored."""
        if not isinstance(value, dict):
            return None
        return cls(*(str(value.get(key) or "") for key in ("name", "role", "meeting_date")))

WheelText = Callable[[Assessment, Framework], str]
"""A function drawing the wheel as plain text."""

REPORT_WIDTH, REPORT_HEIGHT = 72, 30
"""Size of the drawn wheel in a report: fits an email and a Markdown code block."""

BAR_WIDTH = 10
"""Characters in one bar of the text wheel."""


def meeting_date_problem(text: str) -> str | None:
    """What is wrong with a meeting date (it must be a real ``YYYY-MM-DD`` date), or None when it is right."""
    if iso_date(text) is None:
        return f"'{text}' is not a date written YYYY-MM-DD (e.g. 2027-01-15)"
    return None


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


def _analysis(wheel: Assessment, framework: Framework) -> str:
    """Top strengths and the gaps from the baseline to each other series, as a Markdown body."""
    lines: list[str] = []
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
    return "\n".join(lines)


WISH_ABOVE_NEED_TITLE = "Wish above the organisation's need"
"""The section of the areas where the person would like to be above what the organisation needs (as in the summary)."""


def _wish_above_need(wheel: Assessment, framework: Framework) -> str | None:
    """The areas where the wish is above the organisation's need, largest first; None when there are none."""
    found = wishes_above_need(wheel, framework)
    if not found:
        return None
    lines = ["Where you would like to be above what your organisation needs (largest difference first):"]
    lines.extend(f"- {g.area.title}: +{g.gap} (needs {g.base}, would like {g.target})" for g in found)
    return "\n".join(lines)


def _reflection(wheel: Assessment, framework: Framework) -> str | None:
    """The answered reflection questions; None when the framework asks none."""
    if not framework.reflection:
        return None
    answered = [(i, q) for i, q in enumerate(framework.reflection) if wheel.reflections.get(str(i), "").strip()]
    lines: list[str] = []
    for index, question in answered:
        lines.extend([f"**{index + 1}. {question}**", "", wheel.reflections[str(index)].strip(), ""])
    return "\n".join(lines).rstrip() if answered else "No reflection questions answered yet."


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


def _ratings(wheel: Assessment, framework: Framework) -> str:
    """The scale, the ratings table and any ratings kept for areas the framework no longer has."""
    lines = [f"Scale: {framework.scale.summary()}", "", ratings_table(wheel, framework)]
    unplaced = wheel.unplaced_ratings(framework)
    if unplaced:
        kept = "; ".join(f"{a}: " + ", ".join(f"{s} {v}" for s, v in vals.items()) for a, vals in unplaced.items())
        lines.extend(["", f"Ratings kept for areas or series this framework no longer has: {kept}."])
    return "\n".join(lines)


def _objectives(objectives: Sequence[Objective], framework: Framework) -> str:
    """The open objectives of the development plan (or a line saying there are none)."""
    lines: list[str] = []
    for number, objective in enumerate(objectives, start=1):
        lines.extend(_objective_lines(objective, framework, number))
    return "\n".join(lines) if lines else "No open objectives in the development plan."


def report_sections(
    wheel: Assessment,
    framework: Framework,
    objectives: Sequence[Objective] = (),
    extra_sections: Iterable[Section] = (),
) -> list[Section]:
    """The report's sections after the wheel, as (title, Markdown body): only those the framework has."""
    sections: list[Section] = [("Ratings", _ratings(wheel, framework)), ("Strengths and gaps", _analysis(wheel, framework))]
    if (wish := _wish_above_need(wheel, framework)) is not None:
        sections.append((WISH_ABOVE_NEED_TITLE, wish))
    if (reflection := _reflection(wheel, framework)) is not None:
        sections.append(("Reflection", reflection))
    sections.append(("Open objectives", _objectives(objectives, framework)))
    sections.extend((title, body.strip()) for title, body in extra_sections)
    return sections


def about_line(wheel: Assessment, framework: Framework) -> str:
    """The framework, its version and when the wheel was made: ``AHEP (version 2) · wheel of 2026-11-02 10:15``."""
    created = wheel.created[:16].replace("T", " ")
    return " · ".join([f"{framework.title} ({version_text(wheel.framework_version, framework.version)})", f"wheel of {created}"])


def build_report(
    wheel: Assessment,
    framework: Framework,
    objectives: Sequence[Objective] = (),
    extra_sections: Iterable[Section] = (),
    wheel_text: WheelText | None = None,
    header: ReportHeader | None = None,
) -> str:
    """The 1:1 report of one wheel as Markdown."""
    header = (header or ReportHeader()).for_wheel(wheel)
    lines = [f"# 1:1 report: {wheel.label}", ""]
    if header.items():
        lines.extend([" · ".join(f"**{word}:** {value}" for word, value in header.items()), ""])
    drawing = (wheel_text or drawn_wheel)(wheel, framework)
    lines.extend([about_line(wheel, framework), "", "## The wheel", "", "```text", drawing, "```"])
    for title, body in report_sections(wheel, framework, objectives, extra_sections):
        lines.extend(["", f"## {title}", "", body])
    return wrap_markdown("\n".join(lines).rstrip() + "\n")


def slug(text: str) -> str:
    """A short file-name-safe form of ``text``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "wheel"
