"""The institution's view: its catalogue of development activities mapped to the chosen framework.

The activities are listed (title, date or "ongoing", provider, the areas each serves as codes);
the highlighted one is described beside the list. From here an activity is added (`n`), changed
(`enter`), deleted (`d`, confirmed); the coverage of the framework opens (`c`); the catalogue is
written as CSV and Markdown (`x`) or read from a catalogue CSV (`m`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import DataTable, Header, Label, Static

from screens.base import FramewheelScreen, write_refused
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.text_input import TextDialog
from screens.institution.activity_editor import ActivityEditor
from screens.institution.problems import ImportProblemsDialog
from styles import style_path
from tui.core.exchange.institution import CATALOGUE_COLUMNS, CsvImportError, catalogue_from_csv, catalogue_to_csv
from tui.core.institution import DevelopmentActivity, serves_text
from tui.core.model import Framework
from tui.core.reports.coverage import catalogue_to_markdown
from tui.core.text import truncate
from tui.widgets.row_table import RowTable
from tui.widgets.key_footer import KeyFooter

EXAMPLE_TAG = "example"
"""What the list's last column says of an example activity (from --demo)."""


def empty_text(framework: Framework) -> Text:
    """What the list says when the catalogue is empty: how to add activities."""
    return Text.assemble(
        ("No development activities yet for ", ""), (framework.title, "bold"), ".\n\n",
        ("n", "bold"), f" adds one: its title, date, provider, link and the {framework.area_plural} it serves.\n",
        ("m", "bold"), " imports a catalogue CSV, or run ", ("framewheel import FILE.csv", "bold"),
        f" with the header {','.join(CATALOGUE_COLUMNS)}.",
    )


def area_codes(framework: Framework, activity: DevelopmentActivity) -> str:
    """The codes (or numbers) of the areas an activity serves, in the framework's order: "1 2 7"."""
    codes = {area.id: area.code or str(i + 1) for i, area in enumerate(framework.areas)}
    return " ".join(codes.get(area_id, area_id) for area_id in activity.areas)


def detail_text(framework: Framework, activity: DevelopmentActivity) -> Text:
    """The highlighted activity in words: title, when, who, what it serves, the link."""
    text = Text()
    text.append(activity.title, style="bold")
    if activity.example:
        text.append("\nAn example activity (from --demo), not a real institution's.", style="italic")
    text.append("\n\nWhen: ", style="bold")
    text.append(activity.date or "ongoing (counted in every date range)")
    text.append("\nProvider: ", style="bold")
    text.append(activity.provider or "not given")
    text.append("\nServes: ", style="bold")
    text.append(serves_text(framework, activity) or "nothing")
    text.append("\nLink: ", style="bold")
    text.append(activity.link or "none")
    return text


def file_stem(framework: Framework) -> str:
    """The start of the export files' names: ``catalogue-ahep``."""
    return f"catalogue-{framework.id}"


class InstitutionScreen(FramewheelScreen):
    """The catalogue of the chosen framework's development activities, the highlighted one beside it."""

    CSS_PATH = style_path("institution.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    HELP_TITLE = "The institution's view"
    HELP = """\
The institution's development activities (courses, events, mentoring schemes, network forums),
each mapped to the areas (and levels) of the chosen framework it serves. This is the map of
provision the guide asks for; the coverage view (`c`) shows the gaps.

- `n` adds an activity; `enter` changes the highlighted one; `d` deletes it, after asking.
- `c` opens the coverage: areas by levels with the count of activities, gaps marked × U.
- `x` writes the catalogue as CSV and Markdown to the output folder.
- `m` imports a catalogue CSV (header `activity,area,level,date,provider,link`, one row per area
  and level an activity serves). The file is checked whole: every problem is listed with its
  line and column, and nothing is stored until all are fixed.
- `v` lists the institution's values mapped to the framework's areas and values.
- `t` shows what a tailored copy of a framework (`framewheel frameworks tailor`) changed from its base.

Every change is saved as it is made.
"""

    BINDINGS = [
        Binding("n", "new", "New", id="institution.new", tooltip="Add a development activity"),
        Binding("enter", "edit", "Edit", id="institution.edit", priority=True,
                tooltip="Change the highlighted activity"),
        Binding("d", "delete", "Delete", id="institution.delete", tooltip="Delete the highlighted activity (after asking)"),
        Binding("c", "coverage", "Coverage", id="institution.coverage",
                tooltip="Areas by levels with the count of activities; the gaps"),
        Binding("x", "export", "Export", id="institution.export",
                tooltip="Write the catalogue as CSV and Markdown to the output folder"),
        Binding("m", "import_csv", "Import CSV", id="institution.import", tooltip="Read a catalogue CSV (checked whole)"),
        Binding("v", "values", "Values", id="institution.values",
                tooltip="The institution's values mapped to the framework's areas and values"),
        Binding("t", "tailoring", "Tailoring", id="institution.tailoring",
                tooltip="What a tailored copy of a framework changed from its base"),
    ]

    AUTO_FOCUS = "#catalogue-table"

    def __init__(self) -> None:
        """The catalogue of the framework chosen on the home screen."""
        super().__init__()
        self.activities: list[DevelopmentActivity] = []

    @property
    def framework(self) -> Framework:
        """The chosen framework."""
        return self.context.framework

    def compose(self) -> ComposeResult:
        """Header, a line about the catalogue, the list and the detail, footer."""
        yield Header()
        yield Static(id="catalogue-info")
        with Horizontal(id="catalogue-body"):
            with Vertical(id="catalogue-panel", classes="panel"):
                yield Label("Development activities", id="catalogue-title", classes="panel-title")
                yield Static(empty_text(self.framework), id="catalogue-empty")
                yield RowTable(id="catalogue-table", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="catalogue-detail-panel", classes="panel"):
                yield Static(id="catalogue-detail")
        yield KeyFooter()

    def on_mount(self) -> None:
        """List the activities."""
        self.title = "The institution's view"
        table = self.query_one("#catalogue-table", DataTable)
        table.add_column("Activity", key="title")
        table.add_column("Date", key="date")
        table.add_column(self.framework.area_plural.capitalize(), key="serves")
        table.add_column("Provider", key="provider")
        self.refresh_catalogue()

    def on_screen_resume(self) -> None:
        """The catalogue may have changed elsewhere (an import on the command line, another session)."""
        self.refresh_catalogue()

    # ----- showing

    def text_widths(self) -> tuple[int, int]:
        """The widths the activity's title and provider get, so that the row fits the terminal (each shortened with `…`)."""
        serves = max([len(self.framework.area_plural)] + [len(area_codes(self.framework, a)) for a in self.activities])
        room = max(24, self.app.size.width - 8 - 10 - serves - 8)  # the frame, the date, the areas, the gaps
        provider = min(max([len("Provider")] + [len(a.provider or "–") for a in self.activities]), max(8, room // 3))
        return room - provider, provider

    def refresh_catalogue(self, select: int | None = None) -> None:
        """List the activities again, the cursor on the activity ``select`` or where it was."""
        framework = self.framework
        wanted = select if select is not None else self.focused_id()
        table = self.query_one("#catalogue-table", DataTable)
        row = table.cursor_row
        self.activities = self.context.catalogue.activities(framework.id)
        table.clear()
        title_width, provider_width = self.text_widths()
        for activity in self.activities:
            table.add_row(truncate(activity.title, title_width, one_line=True), activity.date or "ongoing",
                          area_codes(framework, activity), truncate(activity.provider or "–", provider_width, one_line=True),
                          key=str(activity.id))
        empty = not self.activities
        self.query_one("#catalogue-empty", Static).display = empty
        table.display = not empty
        ids = [a.id for a in self.activities]
        if ids:
            table.move_cursor(row=ids.index(wanted) if wanted in ids else min(row, len(ids) - 1), animate=False)
        examples = sum(1 for a in self.activities if a.example)
        info = Text.assemble("Development activities mapped to ", (framework.title, "bold"))
        if self.activities:
            count = len(self.activities)
            info.append(f" · {count} activit{'y' if count == 1 else 'ies'}")
            if examples:
                info.append(f" ({examples} examples)", style="italic")
        self.query_one("#catalogue-info", Static).update(info)
        self.query_one("#catalogue-title", Label).update(f"Development activities ({len(self.activities)})")
        self.show_detail()

    def focused_id(self) -> int | None:
        """The id of the highlighted activity, or None."""
        table = self.query_one("#catalogue-table", DataTable)
        if not self.activities or table.row_count == 0:
            return None
        index = min(max(table.cursor_row, 0), len(self.activities) - 1)
        return self.activities[index].id

    def focused_activity(self) -> DevelopmentActivity | None:
        """The highlighted activity (None, said, when there is none)."""
        wanted = self.focused_id()
        activity = next((a for a in self.activities if a.id == wanted), None)
        if activity is None:
            self.notify("No activity yet: press n to add one, or m to import a catalogue CSV.", timeout=4)
        return activity

    def show_detail(self) -> None:
        """The highlighted activity in words, or what an activity is when there are none."""
        wanted = self.focused_id()
        activity = next((a for a in self.activities if a.id == wanted), None)
        panel = self.query_one("#catalogue-detail", Static)
        if activity is None:
            panel.update(Text.assemble(
                ("No activities yet\n\n", "bold"),
                f"Each activity serves some of the {self.framework.area_plural}"
                + (" at some of the levels" if self.framework.levels else "")
                + ". The coverage view (c) then shows where provision is missing.",
            ))
            return
        panel.update(detail_text(self.framework, activity))

    @on(DataTable.RowHighlighted, "#catalogue-table")
    def _highlighted(self) -> None:
        """Follow the cursor with the detail."""
        self.show_detail()

    # ----- making and changing

    def action_new(self) -> None:
        """Add an activity."""
        self.app.push_screen(ActivityEditor(self.framework), self.stored)

    def action_edit(self) -> None:
        """Change the highlighted activity."""
        activity = self.focused_activity()
        if activity is None:
            return
        self.app.push_screen(ActivityEditor(self.framework, activity), self.stored)

    def stored(self, activity: DevelopmentActivity | None) -> None:
        """The editor kept an activity: list it, the cursor on it, and say it is saved."""
        if activity is None:
            return
        self.refresh_catalogue(select=activity.id)
        self.mark_saved()
        self.notify(f"Saved “{activity.title}”.", timeout=3)

    def action_delete(self) -> None:
        """Delete the highlighted activity, after asking."""
        activity = self.focused_activity()
        if activity is None:
            return

        def answered(yes: bool | None) -> None:
            """Delete only when confirmed."""
            if not yes:
                return
            if self.context.catalogue.get(activity.id) is not None:
                self.context.catalogue.delete(activity.id)
            self.mark_saved("Deleted")
            self.notify(f"Deleted “{activity.title}”.", timeout=3)
            self.refresh_catalogue()

        self.app.push_screen(ConfirmDialog(f"Delete the activity “{activity.title}”? "
                                           "Development plans that name it keep their text."), answered)

    def action_coverage(self) -> None:
        """The coverage of the framework by the catalogue."""
        from screens.institution.coverage import CoverageScreen

        self.app.push_screen(CoverageScreen())

    def action_values(self) -> None:
        """The institution's values mapped to the framework."""
        from screens.institution.values import open_values

        open_values(self)

    def action_tailoring(self) -> None:
        """The chosen framework's changes from its base, when it is a tailored copy."""
        from screens.institution.tailoring import open_tailoring

        open_tailoring(self)

    # ----- files

    def action_export(self) -> None:
        """Write the catalogue as CSV and Markdown to the output folder, and say where."""
        catalogue = self.context.catalogue
        folder = catalogue.export_folder()
        written: list[Path] = []
        texts = ((folder / f"{file_stem(self.framework)}.csv", catalogue_to_csv(self.activities)),
                 (folder / f"{file_stem(self.framework)}.md", catalogue_to_markdown(self.framework, self.activities)))
        for path, text in texts:
            refusal = catalogue.export_refusal(path)
            if refusal is not None:
                self.notify(refusal, title="Not exported", severity="error")
                return
            problem = write_refused(catalogue.write_export, path, text)
            if problem is not None:
                self.notify(problem, title="Not exported", severity="error")
                return
            written.append(path)
        self.notify(f"Wrote {written[0]} and {written[1]}", title="Exported", timeout=8)

    @work
    async def action_import_csv(self) -> None:
        """Ask for a catalogue CSV, check it whole, and store its activities (or list every problem)."""
        catalogue = self.context.catalogue
        suggested = catalogue.export_folder() / f"{file_stem(self.framework)}.csv"
        path_text = await self.app.push_screen_wait(TextDialog(
            "Import a catalogue CSV", str(suggested), "enter imports it · escape cancels",
            explain=f"The first line is {','.join(CATALOGUE_COLUMNS)}; one row per area and level an activity "
                    "serves. The file is checked whole before anything is stored.",
            strip=True, required=True, dialog_id="catalogue-import-dialog", input_id="catalogue-import-path",
            select_on_focus=True, kept_on_quit=False,
        ))
        if not path_text:
            return
        path = Path(path_text).expanduser()
        try:
            text = catalogue.read_import_text(path)
        except ValueError as problem:
            self.notify(str(problem), title="Not imported", severity="error", timeout=8)
            return
        try:
            found = catalogue_from_csv(text, self.framework)
        except CsvImportError as error:
            count = len(error.problems)
            await self.app.push_screen_wait(ImportProblemsDialog(
                f"{path.name}: {count} problem{'s' if count != 1 else ''}", [str(p) for p in error.problems]))
            return
        added = catalogue.add(found)
        self.refresh_catalogue(select=added[0].id if added else None)
        self.mark_saved("Imported")
        self.notify(f"Imported {len(added)} activit{'y' if len(added) == 1 else 'ies'} from {path.name}.",
                    title="Imported", timeout=6)

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Palette entries for this screen."""
        yield SystemCommand("Institution: new activity", "Add a development activity (n)", self.action_new)
        yield SystemCommand("Institution: coverage", "Areas by levels with the count of activities (c)",
                            self.action_coverage)
        yield SystemCommand("Institution: export the catalogue", "CSV and Markdown to the output folder (x)",
                            self.action_export)
        yield SystemCommand("Institution: import a catalogue CSV", "Checked whole before anything is stored (m)",
                            self.action_import_csv)
