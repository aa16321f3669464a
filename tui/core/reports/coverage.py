"""The coverage view as text: Markdown (what a lead pastes into a submission), CSV and JSON.

Areas x levels with the count of activities in each cell, areas x activities, the headline,
and the institution's values beside the framework's. An area or level no activity covers is
marked ``× U`` (a symbol and a letter, never colour alone). No Textual here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from tui.core.institution import (ANY_LEVEL, UNCOVERED, Coverage, DevelopmentActivity, InstitutionValue, area_label,
                                  serves_text,
                                  sorted_activities)
from tui.core.model import Framework

COVERAGE_FORMAT = "framewheel/coverage@1"
"""The ``format`` of ``framewheel coverage --format json``."""

NONE_MARK = "–"
"""A cell no activity serves (the area or level as a whole is marked with UNCOVERED)."""


def cell(text: str) -> str:
    """Text made safe for one Markdown table cell (pipes escaped, lines joined)."""
    return " ".join(text.replace("|", "\\|").split()) or " "


def count_text(count: int) -> str:
    """A cell's count, or the none mark."""
    return str(count) if count else NONE_MARK


def level_columns(coverage: Coverage) -> list[tuple[str, str]]:
    """(level id, heading) of each column of the areas x levels table: the levels, then "Any level" when used."""
    columns = [(level.level_id, level.title) for level in coverage.levels]
    if columns and coverage.any_level_count:
        columns.append((ANY_LEVEL, "Any level"))
    return columns


def level_marks(coverage: Coverage) -> dict[str, str]:
    """Level id -> its mark in the areas x activities table: the initials of its words (L1, L2 ... if they clash)."""
    marks = {level.id: "".join(word[:1].upper() for word in level.title.split()) or level.id[:1].upper()
             for level in coverage.framework.levels}
    if len(set(marks.values())) < len(marks):
        marks = {level.id: f"L{i + 1}" for i, level in enumerate(coverage.framework.levels)}
    return marks


def area_name(coverage: Coverage, area_id: str) -> str:
    """"1 Empowering Professional Development" (code and title)."""
    area = coverage.framework.area(area_id)
    return area_label(area) if area else area_id


def activity_marks(coverage: Coverage, activity: DevelopmentActivity, area_id: str) -> str:
    """What an areas x activities cell shows: the initials of the levels served, "●" for any level, "" for none."""
    levels = activity.levels_for(area_id)
    if not levels:
        return ""
    known = level_marks(coverage)
    return " ".join(dict.fromkeys(known.get(level_id, "●") for level_id in levels))


def coverage_markdown(coverage: Coverage, values: Sequence[InstitutionValue] = ()) -> str:
    """The coverage view in Markdown: headline, areas x levels, gaps, areas x activities, values, the catalogue."""
    framework = coverage.framework
    noun = framework.area_name.capitalize()
    lines = [f"# Coverage of development activities: {framework.title}", "", f"**{coverage.headline()}**", ""]
    if coverage.filter.describe():
        lines += [f"Counting activities {coverage.filter.describe()}.", ""]
    if any(a.example for a in coverage.activities) or any(v.example for v in values):
        lines += ["> Example data: the activities and values are examples, not a real institution's.", ""]
    columns = level_columns(coverage)
    lines += ["## " + (f"{framework.area_plural.capitalize()} by level" if framework.levels
                       else f"Activities by {framework.area_name}"), ""]
    lines += ["| " + " | ".join([noun, *(title for _, title in columns), "All" if columns else "Activities"]) + " |",
              "|" + "---|" * (len(columns) + 2)]
    for row in coverage.areas:
        counts = [count_text(row.by_level.get(level_id, 0)) for level_id, _ in columns]
        total = str(row.activities) if row.covered else UNCOVERED
        lines.append("| " + " | ".join([cell(area_name(coverage, row.area_id)), *counts, total]) + " |")
    if coverage.levels:
        footer = [f"{level.areas} of {len(coverage.areas)}" if level.covered else UNCOVERED for level in coverage.levels]
        if len(columns) > len(coverage.levels):
            footer.append(" ")
        lines.append("| " + " | ".join([f"**{framework.area_plural.capitalize()} covered**", *footer, " "]) + " |")
    lines += ["", f"{UNCOVERED}: no activity covers it. {NONE_MARK}: no activity in that cell.", ""]
    gaps = [area_name(coverage, a.area_id) for a in coverage.uncovered_areas]
    gaps += [f"{level.title} level" for level in coverage.uncovered_levels]
    lines += ["## Gaps in provision", ""]
    lines += [f"- {UNCOVERED} {gap}" for gap in gaps] or [f"No {framework.area_name} or level is without an activity."]
    lines.append("")
    if coverage.activities:
        codes = [a.code or str(i + 1) for i, a in enumerate(framework.areas)]
        lines += [f"## Activities by {framework.area_name}", ""]
        lines += ["| Activity | Date | " + " | ".join(codes) + " |", "|---|---|" + "---|" * len(codes)]
        for activity in coverage.activities:
            cells = [activity_marks(coverage, activity, area.id) or " " for area in framework.areas]
            lines.append(f"| {cell(activity.title)} | {cell(activity.date or 'ongoing')} | " + " | ".join(cells) + " |")
        counts = [str(row.activities) if row.covered else UNCOVERED for row in coverage.areas]
        lines.append("| **Activities** | | " + " | ".join(counts) + " |")
        level_key = level_marks(coverage)
        key = ", ".join(f"{level_key[level.id]} {level.title}" for level in framework.levels)
        lines += ["", f"Columns: {', '.join(f'{c} {a.title}' for c, a in zip(codes, framework.areas))}.",
                  f"Marks: {key + ', ' if key else ''}● any level.", ""]
    if values:
        lines += values_table(framework, values) + [""]
    if coverage.activities:
        lines += ["## The activities", "", "| Activity | Date | Provider | Serves | Link |", "|---|---|---|---|---|"]
        for activity in coverage.activities:
            lines.append(f"| {cell(activity.title)} | {cell(activity.date or 'ongoing')} | {cell(activity.provider)} | "
                         f"{cell(serves_text(framework, activity))} | {cell(activity.link)} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def values_table(framework: Framework, values: Sequence[InstitutionValue]) -> list[str]:
    """The "institution's values" section: each value with the areas and framework values it maps to."""
    lines = ["## The institution's values", "", f"| Value | {framework.area_plural.capitalize()} | Framework values |",
             "|---|---|---|"]
    for value in values:
        areas = "; ".join(area_label(a) for a in framework.areas if a.id in value.areas)
        own = ", ".join(v.title for v in framework.values if v.id in value.framework_values)
        lines.append(f"| {cell(value.title)} | {cell(areas)} | {cell(own)} |")
    return lines


def values_markdown(framework: Framework, values: Sequence[InstitutionValue]) -> str:
    """The value mapping on its own, in Markdown."""
    lines = [f"# The institution's values mapped to {framework.title}", ""]
    if any(v.example for v in values):
        lines += ["> Example data: the values are examples, not a real institution's.", ""]
    if not values:
        return "\n".join(lines + ["No values are mapped yet.", ""])
    return "\n".join(lines + values_table(framework, values)[2:]) + "\n"


def coverage_csv(coverage: Coverage) -> str:
    """The coverage as CSV: one row per area and level column, with its count and whether the area is covered."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["area", "area_title", "level", "level_title", "activities", "area_covered"])
    columns = level_columns(coverage) or [(ANY_LEVEL, "")]
    titles = dict(columns)
    for row in coverage.areas:
        for level_id, _ in columns:
            writer.writerow([row.area_id, row.title, level_id, titles[level_id],
                             row.by_level.get(level_id, 0), "yes" if row.covered else "no"])
    return out.getvalue()


def coverage_json(coverage: Coverage, values: Sequence[InstitutionValue] = ()) -> dict[str, Any]:
    """The coverage as a ``framewheel/coverage@1`` document."""
    framework = coverage.framework
    chosen = coverage.filter
    return {
        "format": COVERAGE_FORMAT,
        "framework": {"id": framework.id, "version": framework.version},
        "headline": coverage.headline(),
        "filter": {"from": chosen.since, "to": chosen.until, "provider": chosen.provider},
        "activities_counted": len(coverage.activities),
        "activities_in_catalogue": coverage.total_activities,
        "areas": [{"id": row.area_id, "title": row.title, "activities": row.activities, "covered": row.covered,
                   "levels": {level_id: row.by_level.get(level_id, 0) for level_id in row.by_level if level_id},
                   "any_level": row.by_level.get(ANY_LEVEL, 0)} for row in coverage.areas],
        "levels": [{"id": level.level_id, "title": level.title, "areas_covered": level.areas,
                    "activities": level.activities, "covered": level.covered} for level in coverage.levels],
        "uncovered": {"areas": [a.area_id for a in coverage.uncovered_areas],
                      "levels": [lv.level_id for lv in coverage.uncovered_levels]},
        "activities": [{"title": a.title, "date": a.date, "provider": a.provider, "link": a.link,
                        "serves": [{"area": area, "level": level} for area, level in a.serves]}
                       for a in coverage.activities],
        "values": [{"title": v.title, "areas": list(v.areas), "framework_values": list(v.framework_values)}
                   for v in values],
    }


def catalogue_to_markdown(framework: Framework, activities: Sequence[DevelopmentActivity]) -> str:
    """The catalogue as a Markdown table: activity, date, provider, what it serves, link."""
    lines = [f"# Development activities: {framework.title}", ""]
    if any(a.example for a in activities):
        lines += ["> Example data: the activities are examples, not a real institution's catalogue.", ""]
    if not activities:
        return "\n".join(lines + ["No activities yet.", ""])
    lines += ["| Activity | Date | Provider | Serves | Link |", "|---|---|---|---|---|"]
    for activity in sorted_activities(activities):
        lines.append(f"| {cell(activity.title)} | {cell(activity.date or 'ongoing')} | {cell(activity.provider)} | "
                     f"{cell(serves_text(framework, activity))} | {cell(activity.link)} |")
    return "\n".join(lines) + "\n"
