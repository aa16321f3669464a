"""Rich text of a framework shared by the levels, explorer, step and finder screens.

Matches of a search are highlighted in reverse video and underlined, so that
they show without colour too (``NO_COLOR=1``, 16 colours).
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from collections.abc import Sequence

from tui.core.institution import InstitutionValue, values_for_area, values_for_framework_value
from tui.core.model import Area, Framework, Level
from screens.guidance.markdown_text import markdown_text
from tui.core.search import highlight_spans

WIDE = 120
"""From this many columns the levels sit side by side and the explorer's grid is offered."""

INSTITUTION_VALUES_TITLE = "Your institution's values"
"""The heading of the institution's own values, wherever they are shown beside the framework's."""

MATCH_STYLE = "reverse underline"
"""How a search match is shown (no colour needed)."""


def highlighted(text: str, query: str = "", style: str = "") -> Text:
    """``text`` with every word of ``query`` highlighted."""
    result = Text(text, style=style)
    for start, end in highlight_spans(text, query):
        result.stylize(MATCH_STYLE, start, end)
    return result


class Hanging:
    """A paragraph with a marker in front whose wrapped lines hang under the text, not the marker."""

    def __init__(self, text: Text, marker: str = "• ") -> None:
        """``text`` after ``marker`` (continuation lines are indented by the marker's width)."""
        self.text = text
        self.marker = marker

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        """Wrap the text to the width left after the marker, and indent the continuation lines."""
        indent = len(self.marker)
        lines = self.text.wrap(console, max(1, options.max_width - indent))
        for number, line in enumerate(lines):
            yield Segment(self.marker if number == 0 else " " * indent)
            yield from line.render(console)
            yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        """As wide as the marker and the text's own measurement."""
        inner = Measurement.get(console, options, self.text)
        return Measurement(inner.minimum + len(self.marker), inner.maximum + len(self.marker))


def bullets(items: tuple[str, ...] | list[str], query: str = "", marker: str = "•") -> Group:
    """One bulleted paragraph per item, wrapped lines hanging under the text."""
    return Group(*(Hanging(highlighted(item, query), f"{marker} ") for item in items))


def level_block(level: Level, position: int, total: int, query: str = "") -> Group:
    """A level's title, its place (``level 2 of 4``) and its descriptors."""
    title = Text()
    title.append(level.title, style="bold")
    title.append(f"  (level {position + 1} of {total})\n", style="dim")
    return Group(title, bullets(level.summary, query) if level.summary else Text("No descriptors.", style="dim"))


def about_text(framework: Framework, query: str = "") -> Text:
    """The framework's title, publisher, source and description (Markdown, rendered)."""
    text = Text()
    text.append_text(highlighted(framework.title, query, "bold"))
    text.append(f"  ({framework.version})\n")
    if framework.publisher:
        text.append(f"{framework.publisher}\n", style="italic")
    if framework.source:
        text.append(f"Source: {framework.source}\n", style="dim")
    text.append("\n")
    if framework.description.strip():
        text.append_text(markdown_text(framework.description, query))
    else:
        text.append("This framework file gives no description.", style="dim")
    return text


def values_text(framework: Framework, query: str = "", institution: Sequence[InstitutionValue] = ()) -> Text:
    """The framework's values with their descriptions, then the institution's own values (when it has mapped some)."""
    text = Text()
    text.append("Values\n\n", style="bold")
    if not framework.values:
        text.append("This framework names no values.\n", style="dim")
    for value in framework.values:
        text.append_text(highlighted(value.title, query, "bold"))
        text.append("\n")
        text.append_text(markdown_text(value.description, query))
        mine = values_for_framework_value(institution, value.id)
        if mine:
            text.append("\nYour institution's values here: ", style="italic")
            text.append(", ".join(v.title for v in mine))
        text.append("\n\n")
    if institution:
        text.append_text(institution_values_text(framework, institution, query))
    return text


def institution_values_text(framework: Framework, institution: Sequence[InstitutionValue], query: str = "") -> Text:
    """The institution's own values, each with its description and the areas and framework values it maps to."""
    text = Text()
    text.append(f"{INSTITUTION_VALUES_TITLE}\n\n", style="bold underline")
    titles = {v.id: v.title for v in framework.values}
    for value in institution:
        text.append_text(highlighted(value.title, query, "bold"))
        text.append("\n")
        if value.description:
            text.append_text(highlighted(value.description, query))
            text.append("\n")
        areas = [found.heading if (found := framework.area(a)) else a for a in value.areas]
        if areas:
            text.append(f"{framework.area_words}: ", style="italic")
            text.append(", ".join(areas) + "\n")
        if value.framework_values:
            text.append("Framework values: ", style="italic")
            text.append(", ".join(titles.get(v, v) for v in value.framework_values) + "\n")
        text.append("\n")
    return text


def levels_text(framework: Framework, query: str = "") -> Group:
    """Every level one after another (the explorer's "Levels" entry)."""
    parts: list[RenderableType] = []
    for position, level in enumerate(framework.levels):
        parts.extend([level_block(level, position, len(framework.levels), query), Text("")])
    return Group(*parts)


def area_header(framework: Framework, area: Area, query: str = "", institution: Sequence[InstitutionValue] = ()) -> Text:
    """An area's heading, what it encompasses, the institution's values mapped to it (when any) and its description."""
    text = Text()
    text.append_text(highlighted(area.heading, query, "bold"))
    text.append("\n")
    if area.encompasses:
        text.append("Encompasses: ", style="italic")
        text.append_text(highlighted(area.encompasses, query))
        text.append("\n")
    mine = values_for_area(institution, area.id)
    if mine:
        text.append(f"{INSTITUTION_VALUES_TITLE} here: ", style="italic")
        text.append(", ".join(v.title for v in mine) + "\n")
    if area.description:
        text.append("\n")
        text.append_text(markdown_text(area.description, query))
        text.append("\n")
    return text


def area_detail(framework: Framework, area: Area, query: str = "", institution: Sequence[InstitutionValue] = ()) -> Group:
    """An area with the exemplars of every level (levels without exemplars are left out).

    With ``institution`` (the institution's values), those mapped to the area are named under its description.
    """
    parts: list[RenderableType] = [area_header(framework, area, query, institution)]
    for level in framework.levels:
        items = area.exemplars.get(level.id, ())
        if items:
            parts.extend([Text(level.title, style="bold underline"), bullets(items, query), Text("")])
    return Group(*parts)


def no_levels_note(framework: Framework, what: str) -> Text:
    """Says that the framework has no levels, and what the screen shows instead."""
    return Text(f"{framework.title} has no levels, so there is no {what}. Its {framework.area_plural}:\n", style="italic")


def areas_outline(framework: Framework, query: str = "") -> Text:
    """Every area with its description (how a framework without levels is shown)."""
    text = Text()
    for area in framework.areas:
        text.append("\n")
        text.append_text(area_header(framework, area, query))
    return text


def grid(framework: Framework, focused_area: str | None = None, query: str = "") -> RenderableType:
    """Areas down, levels across, exemplars in the cells (areas and descriptions when there are no levels)."""
    table = Table(show_lines=True, expand=True, header_style="bold")
    table.add_column(framework.area_word, ratio=2)
    levels = framework.levels
    if levels:
        for level in levels:
            table.add_column(level.title, ratio=3)
    else:
        table.add_column("Description", ratio=6)
    for area in framework.areas:
        mark = "▶ " if area.id == focused_area else ""
        head = Text(mark, style="bold")
        head.append_text(highlighted(area.heading, query, "bold"))
        if area.encompasses:
            head.append(f"\n({area.encompasses})", style="italic")
        if levels:
            table.add_row(head, *(bullets(area.exemplars.get(level.id, ()), query) for level in levels))
        else:
            table.add_row(head, markdown_text(area.description, query))
    return Group(table)
