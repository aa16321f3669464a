"""The coverage of the chosen framework by the institution's development activities.

The headline at the top ("7 of 8 commitments covered; Fellow level covered in 2 (12 activities)"),
then the areas x levels table with the count of activities in each cell (or, with `a`, areas x
activities). An area or level no activity covers is marked ``× U`` (a symbol and a letter, never
colour alone). Filters by date range and provider; `x` writes the Markdown a lead pastes into a
submission. The institution's values are listed beside, with the areas each maps to.
"""

from __future__ import annotations

from typing import Iterable

from rich.text import Text
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Input, Label, Select, Static

from screens.base import FramewheelScreen, write_refused
from styles import style_path
from tui.core.institution import (ONCE, UNCOVERED, Coverage, CoverageFilter, InstitutionError, InstitutionValue,
                                  coverage, providers)
from tui.core.model import Framework
from tui.core.text import truncate
from tui.core.reports.coverage import (NONE_MARK, activity_marks, area_name, count_text, coverage_markdown,
                                       level_columns, level_marks)
from tui.widgets.row_table import RowTable
from tui.widgets.key_footer import KeyFooter

LEVELS_VIEW, ACTIVITIES_VIEW = "levels", "activities"
"""The two views of the table: areas x levels, areas x activities."""

TITLE_WIDTH = 26
"""Cells of the activity column below 120 columns (so the area columns fit at 80): a longer title ends in `…`."""


def cell_text(count: int) -> Text:
    """A count cell: the number, ``! 1`` for a single activity, the none mark for none."""
    if count == 1:
        return Text(ONCE, style="bold")
    return Text(count_text(count), style="dim" if not count else "")


def uncovered_text() -> Text:
    """The mark of an uncovered area or level."""
    return Text(UNCOVERED, style="bold reverse")


def area_codes(framework: Framework) -> list[str]:
    """Each area's code (or number), in order."""
    return [area.code or str(i + 1) for i, area in enumerate(framework.areas)]


def values_text(framework: Framework, values: list[InstitutionValue]) -> Text:
    """The institution's values, each with the areas (codes) and framework values it maps to."""
    text = Text()
    if not values:
        text.append("No institution values are mapped to this framework yet.", style="italic")
        return text
    if any(v.example for v in values):
        text.append("Examples, not a real institution's.\n", style="italic")
    titles = {v.id: v.title for v in framework.values}
    for value in values:
        text.append(f"\n{value.title}\n", style="bold")
        mapped = [f"{code} {area.title}" for area, code in zip(framework.areas, area_codes(framework))
                  if area.id in value.areas]
        if mapped:
            text.append("  " + "\n  ".join(mapped) + "\n")
        own = [titles.get(v, v) for v in value.framework_values]
        if own:
            text.append(f"  values: {', '.join(own)}\n", style="dim")
    return text


class CoverageScreen(FramewheelScreen):
    """The framework's areas by levels (or by activities) with the count of activities, the gaps marked."""

    CSS_PATH = style_path("institution.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    HELP_TITLE = "Coverage"
    HELP = f"""\
The map of provision: how many of the institution's development activities serve each area at
each level. An area or level no activity covers is marked `{UNCOVERED}`; a cell with no activity
shows `{NONE_MARK}`, a cell with a single activity `{ONCE}`.

- `a` switches between areas by levels and areas by activities (each activity's row shows the
  levels it serves in each area, by initials; ● is any level).
- The filters count only activities dated in a range (from, to: YYYY-MM-DD; ongoing activities
  are always counted) or run by one provider. Type a date and press `enter`; a date that is not
  one is named and nothing changes.
- `x` writes the coverage as Markdown to the output folder, to paste into a submission.

The institution's values are listed beside, with the areas each maps to.
"""

    BINDINGS = [
        Binding("a", "toggle_view", "Levels/activities", id="coverage.toggle",
                tooltip="Areas by levels, or areas by activities"),
        Binding("x", "export", "Export", id="coverage.export", tooltip="Write the coverage as Markdown to the output folder"),
        Binding("f", "focus_filters", "Filters", id="coverage.filters", tooltip="Go to the date and provider filters"),
    ]

    AUTO_FOCUS = "#coverage-levels"

    def __init__(self) -> None:
        """The coverage of the framework chosen on the home screen, unfiltered."""
        super().__init__()
        self.filter = CoverageFilter()
        self.view = LEVELS_VIEW
        self.result: Coverage | None = None

    @property
    def framework(self) -> Framework:
        """The chosen framework."""
        return self.context.framework

    def compose(self) -> ComposeResult:
        """Header, the headline, the filters, the table and legend, the values, footer."""
        catalogue = self.context.catalogue.activities(self.framework.id)
        choices = [(name, name) for name in providers(catalogue)]
        yield Header()
        yield Static(id="coverage-headline")
        with Horizontal(id="coverage-filters"):
            yield Label("From", classes="filter-label")
            yield Input(placeholder="YYYY-MM-DD", id="coverage-from", classes="filter-date", compact=True)
            yield Label("To", classes="filter-label")
            yield Input(placeholder="YYYY-MM-DD", id="coverage-to", classes="filter-date", compact=True)
            yield Label("Provider", classes="filter-label")
            yield Select(choices, prompt="Any provider", id="coverage-provider", compact=True)
        yield Static("", id="coverage-error", markup=False)
        with VerticalScroll(id="coverage-body"):
            with Vertical(id="coverage-main"):
                yield Label("", id="coverage-table-title", classes="section-title")
                yield RowTable(id="coverage-levels", cursor_type="row", zebra_stripes=True)
                yield RowTable(id="coverage-activities", cursor_type="row", zebra_stripes=True)
                yield Static(id="coverage-legend")
            with Vertical(id="coverage-values-panel", classes="panel"):
                yield Label("The institution's values", classes="panel-title")
                yield Static(id="coverage-values")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Count and show."""
        self.title = "Coverage"
        self.sub_title = self.framework.title
        self.query_one("#coverage-error", Static).display = False
        self.query_one("#coverage-values", Static).update(
            values_text(self.framework, self.context.institution_values.values(self.framework.id)))
        self.recount()

    def on_screen_resume(self) -> None:
        """The catalogue may have changed."""
        self.recount()

    # ----- counting

    def recount(self) -> None:
        """Count the activities the filter keeps and show the headline, table and legend."""
        activities = self.context.catalogue.activities(self.framework.id)
        self.result = coverage(self.framework, activities, self.filter)
        headline = Text(self.result.headline(), style="bold")
        if self.filter.describe():
            headline.append(f"\nCounting activities {self.filter.describe()}.", style="italic")
        if not self.result.total_activities:
            headline.append("\nNo development activities yet: escape, then n adds one (or m imports a catalogue CSV).",
                            style="italic")
        if any(a.example for a in self.result.activities):
            headline.append("\nThe activities are examples (from --demo), not a real institution's.", style="dim")
        self.query_one("#coverage-headline", Static).update(headline)
        self.fill_levels(self.result)
        self.fill_activities(self.result)
        self.show_view()

    def fill_levels(self, result: Coverage) -> None:
        """Areas x levels: the count in each cell, × U on uncovered areas and levels."""
        framework = self.framework
        table = self.query_one("#coverage-levels", DataTable)
        table.clear(columns=True)
        columns = level_columns(result)
        wide = self.size.width >= 120
        marks = level_marks(result)
        table.add_column(framework.area_name.capitalize(), key="area")
        for level_id, title in columns:
            table.add_column(title if wide else marks.get(level_id, "Any"), key=f"level-{level_id}")
        table.add_column("All" if columns else "Activities", key="all")
        for row in result.areas:
            cells = [cell_text(row.by_level.get(level_id, 0)) for level_id, _ in columns]
            total = cell_text(row.activities) if row.covered else uncovered_text()
            table.add_row(self.area_label(result, row.area_id), *cells, total, key=row.area_id)
        if result.levels:
            footer: list[Text] = [Text(f"{framework.area_plural.capitalize()} covered" if wide else "Covered",
                                       style="bold")]
            footer += [Text(f"{level.areas} of {len(result.areas)}") if level.covered else uncovered_text()
                       for level in result.levels]
            footer += [Text("")] * (len(columns) - len(result.levels) + 1)
            table.add_row(*footer, key="covered")

    def area_label(self, result: Coverage, area_id: str) -> Text:
        """An area's code and title on a wide terminal, its code and short label on a narrow one; × U when uncovered."""
        area = self.framework.area(area_id)
        if self.size.width >= 120 or area is None:
            name = area_name(result, area_id)
        else:
            name = f"{area.code} {area.label}".strip()
        row = next((r for r in result.areas if r.area_id == area_id), None)
        if row is not None and not row.covered:
            return Text.assemble((UNCOVERED, "bold reverse"), " ", name)
        return Text(name)

    def on_resize(self) -> None:
        """Whole titles on a wide terminal, short labels on a narrow one."""
        if self.result is not None:
            self.fill_levels(self.result)
            self.fill_activities(self.result)
            self.show_view()

    def fill_activities(self, result: Coverage) -> None:
        """Areas x activities: each activity's row with the levels it serves in each area."""
        framework = self.framework
        table = self.query_one("#coverage-activities", DataTable)
        table.clear(columns=True)
        codes = area_codes(framework)
        narrow = self.size.width < 120
        table.add_column("Activity", key="title", width=TITLE_WIDTH if narrow else None)  # the area columns fit at 80
        table.add_column("Date", key="date")
        for area, code in zip(framework.areas, codes):
            table.add_column(code, key=f"area-{area.id}")
        for activity in result.activities:
            marks = [activity_marks(result, activity, area.id) for area in framework.areas]
            title = truncate(activity.title, TITLE_WIDTH, one_line=True) if narrow else activity.title
            table.add_row(title, activity.date or "ongoing", *marks, key=str(activity.id))
        totals = [Text(str(row.activities)) if row.covered else uncovered_text() for row in result.areas]
        table.add_row(Text("Activities", style="bold"), "", *totals, key="totals")

    def legend(self, result: Coverage) -> Text:
        """The legend of the table shown."""
        framework = self.framework
        text = Text()
        text.append(UNCOVERED, style="bold")
        text.append(": no activity covers it · ")
        if self.view == LEVELS_VIEW:
            if framework.levels and self.size.width < 120:
                marks = level_marks(result)
                text.append("Levels: " + ", ".join(f"{marks[level.id]} {level.title}" for level in framework.levels)
                            + (", Any: any level" if result.any_level_count else "") + " · ")
            text.append(NONE_MARK, style="bold")
            text.append(": no activity in that cell · ")
            text.append(ONCE, style="bold")
            text.append(": a single activity")
            gaps = [area_name(result, a.area_id) for a in result.uncovered_areas]
            gaps += [f"{level.title} level" for level in result.uncovered_levels]
            text.append("\nGaps: ", style="bold")
            text.append("; ".join(f"{UNCOVERED} {gap}" for gap in gaps) if gaps
                        else f"none: every {framework.area_name}" + (" and level" if framework.levels else "")
                        + " has an activity")
            return text
        marks = level_marks(result)
        key = ", ".join(f"{marks[level.id]} {level.title}" for level in framework.levels)
        text.append("Marks: " + (key + ", " if key else "") + "● any level")
        wide = self.size.width >= 120
        text.append("\nColumns: " + ", ".join(f"{code} {area.title if wide else area.label}"
                                             for code, area in zip(area_codes(framework), framework.areas)))
        return text

    def show_view(self) -> None:
        """Show the table of the chosen view, its title and legend."""
        levels = self.view == LEVELS_VIEW
        framework = self.framework
        self.query_one("#coverage-levels", DataTable).display = levels
        self.query_one("#coverage-activities", DataTable).display = not levels
        if levels:
            title = (f"{framework.area_plural.capitalize()} by level" if framework.levels
                     else f"Activities by {framework.area_name}")
        else:
            title = f"{framework.area_plural.capitalize()} by activity"
        self.query_one("#coverage-table-title", Label).update(f"{title} (a switches)")
        if self.result is not None:
            self.query_one("#coverage-legend", Static).update(self.legend(self.result))

    def action_toggle_view(self) -> None:
        """Areas by levels, or areas by activities."""
        self.view = ACTIVITIES_VIEW if self.view == LEVELS_VIEW else LEVELS_VIEW
        self.show_view()
        self.query_one("#coverage-levels" if self.view == LEVELS_VIEW else "#coverage-activities", DataTable).focus()

    def action_focus_filters(self) -> None:
        """Go to the first filter."""
        self.query_one("#coverage-from", Input).focus()

    # ----- filters

    def apply_filter(self) -> None:
        """Take the typed filter; a bad date is named and nothing changes."""
        since = self.query_one("#coverage-from", Input).value
        until = self.query_one("#coverage-to", Input).value
        chosen = self.query_one("#coverage-provider", Select).value
        provider = chosen if isinstance(chosen, str) else ""
        error = self.query_one("#coverage-error", Static)
        try:
            wanted = CoverageFilter.checked(since, until, provider)
        except InstitutionError as problem:
            error.update(f"Not applied: {problem}. The counts are unchanged.")
            error.display = True
            return
        error.display = False
        if wanted != self.filter:
            self.filter = wanted
            self.recount()

    @on(Input.Submitted, ".filter-date")
    def _dates(self) -> None:
        """`enter` in a date applies the filter."""
        self.apply_filter()

    @on(Select.Changed, "#coverage-provider")
    def _provider(self) -> None:
        """A provider chosen applies the filter at once."""
        self.apply_filter()

    # ----- the Markdown

    def action_export(self) -> None:
        """Write the coverage as Markdown to the output folder, and say where."""
        if self.result is None:
            return
        catalogue = self.context.catalogue
        path = catalogue.export_folder() / f"coverage-{self.framework.id}.md"
        refusal = catalogue.export_refusal(path)
        if refusal is not None:
            self.notify(refusal, title="Not exported", severity="error")
            return
        text = coverage_markdown(self.result, self.context.institution_values.values(self.framework.id))
        problem = write_refused(catalogue.write_export, path, text)
        if problem is not None:
            self.notify(problem, title="Not exported", severity="error")
            return
        self.notify(f"Wrote {path}", title="Exported", timeout=8)

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Palette entries for this screen."""
        yield SystemCommand("Coverage: switch the table", "Areas by levels, or by activities (a)", self.action_toggle_view)
        yield SystemCommand("Coverage: write the Markdown", "To the output folder (x)", self.action_export)
