"""Wheel history (`h` from home): every wheel kept, with its date, label and how complete it is."""

from __future__ import annotations

from typing import Iterable, Sequence

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Static

from screens.record_list import WIDE_LIST, RecordListScreen
from styles import style_path
from tui.core import charts
from tui.core.labels import version_text
from tui.core.model import Framework
from tui.core.text import truncate
from tui.core.wheels import TREND_WHEELS, Assessment, area_trends
from tui.widgets.theme_colours import series_style
from tui.widgets.trends_view import TrendsView

def completeness_text(wheel: Assessment, cells_rated: int, cells: int) -> str:
    """``17/24  71%`` (or ``-`` when the framework is not loaded)."""
    if cells == 0:
        return "-"
    return f"{cells_rated}/{cells} {round(100 * cells_rated / cells):>3}%"


def framework_text(wheel: Assessment, loaded_version: str) -> str:
    """The wheel's framework id, with its own version where it differs from the loaded one (``ahep (2023; loaded: 2024)``)."""
    if not loaded_version or not wheel.framework_version or wheel.framework_version == loaded_version:
        return wheel.framework_id
    return f"{wheel.framework_id} ({version_text(wheel.framework_version, loaded_version)})"


def trends_title(framework: Framework, count: int, wheels: list[Assessment]) -> str:
    """The trends' heading: the framework, how many wheels (the latest N of more), and the dates they span."""
    if len(wheels) < 2:
        return f"Trends of {framework.title}: one wheel so far; a second one shows how each area moves."
    shown = f"the latest {len(wheels)} of {count:,} wheels" if count > len(wheels) else f"{len(wheels)} wheels"
    return f"Trends of {framework.title}: {shown}, {wheels[0].created[:10]} → {wheels[-1].created[:10]} (oldest left)"


FRAMEWORK_ROOM = 12
"""The framework column's widest below ``WIDE_LIST`` columns: an id, or one with its version note shortened with `…`."""

WIDE_FRAMEWORK_ROOM = 40
"""The framework column's widest from ``WIDE_LIST`` columns (``ahep (2023; loaded: 2024)`` whole)."""

RATED_ROOM = 12
"""The rated column's widest (``150/150 100%``)."""


class HistoryScreen(RecordListScreen[Assessment]):
    """The list of wheels, newest first: open, start new, rename, delete, summarise, compare; the trends below."""

    CSS_PATH = style_path("wheel.tcss")
    HELP_TITLE = "Wheel history"
    HELP = """\
Every wheel you have kept, newest first, with the date it was started, its label and how much of it
is rated. `enter` opens the highlighted wheel to go on rating it. `n` starts a blank wheel for the
chosen framework; `c` starts one from last time (a copy of your latest wheel's ratings and notes, to
change what has moved). `r` renames, `d` deletes (after asking), `s` shows the summary and `v`
compares the highlighted wheel with an earlier one. Under the list, **trends**: each area's course
across the highlighted wheel's framework's wheels (the latest 30 at most), oldest left, one small line
per series with its first and latest value (`4→8`), and the dates they span; `g` hides or shows
them (growth). `x` shares the highlighted wheel for a team
profile: you choose what goes in (the ratings only, unless you tick in notes, reflections or the
label; a name or code only if you type one, and named only if you agree) and see the file before it
is written.

When the chosen framework is a tailored copy (its file says `based_on`), a wheel made on its base
opens against the copy: `t` shows its summary on the copy's areas (ratings of areas the copy does
not have are listed apart, and the stored wheel is not changed), and `a` starts a new wheel on the
copy from it (all its ratings and notes copied) to go on rating there; the original stays as it was.
"""

    BINDINGS = [
        Binding("enter", "open", "Open", id="history.open"),
        Binding("n", "new", "New", id="history.new"),
        Binding("c", "copy_last", "From last time", id="history.copy"),
        Binding("r", "rename", "Rename", id="history.rename"),
        Binding("d", "delete", "Delete", id="history.delete"),
        Binding("s", "summary", "Summary", id="history.summary"),
        Binding("v", "compare", "Compare", id="history.compare"),
        Binding("g", "toggle_trends", "Trends", id="history.trends",
                tooltip="Hide or show each area's course across the framework's wheels (growth)"),
        Binding("x", "share", "Share for a team", id="history.share",
                tooltip="Write the highlighted wheel's share file for a team profile (you see it first)"),
        Binding("t", "against_tailored", "Against tailored", id="history.tailored",
                tooltip="Show a wheel of the base framework against the chosen tailored copy (the wheel is not changed)"),
        Binding("a", "copy_to_tailored", "Copy to tailored", id="history.tailored_copy",
                tooltip="Start a new wheel on the chosen tailored copy from a wheel of its base, to go on rating"),
    ]

    SCREEN_TITLE = "Wheel history"
    LIST_TITLE = "Your wheels"
    TABLE_ID = "history-table"
    EMPTY_ID = "history-empty"
    EMPTY_TEXT = "No wheels yet: n starts one, or w from the home screen."
    COLUMNS = ("Date", "Label", "Framework", "Rated")

    COUNT_IN_TITLE = True

    _trend_key: tuple[str, object] | None = None
    """What the trends panel shows now: the framework and its wheels' ids (drawn again only when they change)."""

    def compose(self) -> ComposeResult:
        """The list of the record screens, and the trends panel above the footer."""
        for widget in super().compose():
            if isinstance(widget, Footer):
                with Vertical(id="trends-panel"):
                    yield Static("", id="trends-title", markup=False)
                    with VerticalScroll(id="trends-rows", can_focus=False):
                        yield TrendsView(id="trends-view")
            yield widget

    @on(DataTable.RowHighlighted, "#history-table")
    def _trends_follow_cursor(self) -> None:
        """Show the trends of the highlighted wheel's framework (drawn again only when that changes)."""
        self.show_trends()

    def on_screen_resume(self) -> None:
        """List again if something changed, and draw the trends again if their wheels changed."""
        super().on_screen_resume()
        self.show_trends()

    def refresh_records(self, select: int | None = None, ids: Sequence[int] | None = None) -> None:
        """List the records again, then the trends."""
        super().refresh_records(select, ids)
        self.show_trends()

    def _highlighted_framework(self) -> str | None:
        """The framework id of the wheel under the cursor (from the rows shown: no wheel built), or None."""
        if not self._table_live() or not self.table.row_count:
            return None
        row = self.table.cursor_row
        if 0 <= row < len(self.records_shown):
            return self.records_shown[row].framework_id
        return None

    _trends_coming: bool = False
    """The trends are to be drawn just after the screen is next drawn (the list is usable first)."""

    def show_trends(self) -> None:
        """Draw the trends once the list on screen is drawn (a burst of cursor moves draws them once)."""
        if not self._trends_coming:
            self._trends_coming = True
            self.call_after_refresh(self._draw_trends)

    def _draw_trends(self) -> None:
        """Each area's course across the highlighted wheel's framework's wheels (its latest 30), oldest left."""
        self._trends_coming = False
        if not self.is_mounted or not self.query("#trends-panel"):
            return
        framework_id = self._highlighted_framework()
        framework = self.context.catalog.get(framework_id) if framework_id else None
        ids = self.context.assessments.ordered_ids(framework_id) if framework_id else None
        key = (framework_id or "", ids)
        if self._trend_key is not None and self._trend_key[0] == key[0] and self._trend_key[1] is ids:
            return
        self._trend_key = key
        title = self.query_one("#trends-title", Static)
        view = self.query_one("#trends-view", TrendsView)
        if framework is None or not ids:
            view.show((), ())
            title.update("Trends: no wheel highlighted." if not framework_id else f"Trends: the framework '{framework_id}' is not loaded.")
            return
        count, wheels = self.context.assessments.trend_wheels(framework.id, TREND_WHEELS)
        title.update(trends_title(framework, count, wheels))
        if len(wheels) < 2:
            view.show((), ())
            return
        view.show(area_trends(framework, wheels),
                  [series_style(self.app, style) for style in charts.series_styles(framework)])

    def action_toggle_trends(self) -> None:
        """Hide or show the trends panel (`g`, growth)."""
        panel = self.query_one("#trends-panel")
        panel.display = not panel.display

    def load_records(self) -> list[Assessment]:
        """Every wheel, newest first (the screen itself builds only the pages it shows)."""
        return self.context.assessments.list()

    def ordered_ids(self) -> Sequence[int]:
        """Every wheel's id, newest first, from the stored records (no wheel built; the same list while none changed)."""
        return self.context.assessments.ordered_ids()

    def load_page(self, ids: Sequence[int]) -> list[Assessment]:
        """The wheels with these ids, in that order."""
        return self.context.assessments.page(ids)

    def record_id(self, record: Assessment) -> int:
        """The wheel's id."""
        return record.id

    def row_cells(self, record: Assessment) -> tuple[str | Text, ...]:
        """Date started, label (shortened with `…` where it would push the other columns off), framework and how much is rated."""
        framework = self.context.catalog.get(record.framework_id)
        cells = len(framework.areas) * len(framework.series) if framework else 0
        rated = record.rated_count(framework) if framework else 0
        width = self.app.size.width
        framework_room = FRAMEWORK_ROOM if width < WIDE_LIST else WIDE_FRAMEWORK_ROOM
        framework_cell = truncate(framework_text(record, framework.version if framework else ""), framework_room)
        rated_cell = completeness_text(record, rated, cells)
        # the same room on every row, whatever its cells (a column is as wide as its widest cell): the date, the
        # framework and rated columns at their widest, the gaps
        room = width - 10 - framework_room - RATED_ROOM - 6
        return (record.created[:10], truncate(record.label, max(12, room), one_line=True), framework_cell, rated_cell)

    def fetch_record(self, record_id: int) -> Assessment | None:
        """The wheel as stored now."""
        return self.context.assessments.get(record_id)

    def nothing_highlighted(self) -> None:
        """Tell the person there is no wheel to act on."""
        self.notify("No wheel is highlighted: n starts one.", severity="warning")

    def record_gone(self, record_id: int) -> None:
        """The highlighted wheel was deleted elsewhere: say there is none highlighted."""
        self.nothing_highlighted()

    def open_record(self, record: Assessment) -> None:
        """Open the wheel to go on rating it."""
        from screens.wheel.open import wheel_screen

        self.app.push_screen(wheel_screen(self.context, record.id))

    def action_new(self) -> None:
        """Start a blank wheel for the chosen framework."""
        from screens.wheel.open import wheel_screen

        wheel = self.context.assessments.create(self.context.framework)
        self.refresh_records(select=wheel.id)
        self.app.push_screen(wheel_screen(self.context, wheel.id, discard_if_empty=True))

    def action_copy_last(self) -> None:
        """Start from last time: a new wheel with the latest wheel's ratings and notes."""
        from screens.wheel.open import wheel_screen

        framework = self.context.framework
        last = self.context.assessments.latest(framework.id)
        if last is None:
            self.notify(f"There is no earlier wheel for {framework.title} to start from; n starts a blank one.", severity="warning")
            return
        wheel = self.context.assessments.create(framework, copy_from=last)
        self.mark_saved("Copied")
        self.refresh_records(select=wheel.id)
        self.notify(f"Started from “{last.label}”.", timeout=3)
        self.app.push_screen(wheel_screen(self.context, wheel.id))

    def rename_record(self, record: Assessment) -> None:
        """Give the wheel a new label (an empty one is refused)."""
        from screens.dialogs.text_input import TextDialog

        def keep(label: str | None) -> None:
            """Save the label unless cancelled or empty."""
            if label is None:
                return
            if not label.strip():
                self.notify("A wheel needs a label; it was not renamed.", severity="warning")
                return
            self.context.assessments.rename(record.id, label)
            self.mark_saved("Renamed")
            self.refresh_records(select=record.id)

        self.app.push_screen(TextDialog("Rename wheel", record.label, placeholder="Label"), keep)

    def delete_question(self, record: Assessment) -> str:
        """Name the wheel and its date."""
        return f"Delete the wheel “{record.label}” of {record.created[:10]}?"

    def delete_record(self, record: Assessment) -> None:
        """Delete the wheel."""
        self.context.assessments.delete(record.id)

    def action_summary(self) -> None:
        """The summary of the highlighted wheel."""
        from screens.wheel.summary import SummaryScreen

        wheel = self.highlighted()
        framework = self.context.catalog.get(wheel.framework_id) if wheel else None
        if wheel is not None and framework is None:
            self.notify(f"The framework '{wheel.framework_id}' is not loaded.", severity="error")
        elif wheel is not None and framework is not None:
            self.app.push_screen(SummaryScreen(wheel.id, framework))

    def action_compare(self) -> None:
        """Compare the highlighted wheel with the one before it (both can be changed there)."""
        from screens.wheel.compare import CompareScreen

        wheel = self.highlighted()
        if wheel is None:
            return
        same = self.context.assessments.ordered_ids(wheel.framework_id)
        if len(same) < 2 or wheel.id not in same or self.context.catalog.get(wheel.framework_id) is None:
            self.notify("Comparing needs two wheels of the same framework.", severity="warning")
            return
        index = same.index(wheel.id)
        earlier = same[index + 1] if index + 1 < len(same) else same[index - 1]
        self.app.push_screen(CompareScreen(wheel.framework_id, earlier, wheel.id))

    def tailored_for(self, wheel: Assessment | None) -> Framework | None:
        """The chosen framework when it is a tailored copy of ``wheel``'s framework, else None (after saying why)."""
        from tui.core.tailoring import split_based_on

        framework = self.context.framework
        if wheel is None:
            self.nothing_highlighted()
            return None
        base_id, _ = split_based_on(framework.based_on)
        if not base_id:
            self.notify(f"{framework.title} is not a tailored copy of another framework.", severity="warning")
            return None
        if wheel.framework_id != base_id:
            self.notify(f"“{wheel.label}” was made on '{wheel.framework_id}'; {framework.title} is based on "
                        f"{framework.based_on}.", severity="warning")
            return None
        return framework

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer `t` and `a` only while the chosen framework is a tailored copy."""
        if action in ("against_tailored", "copy_to_tailored"):
            return bool(self.context.framework.based_on)
        return super().check_action(action, parameters)

    def action_against_tailored(self) -> None:
        """Show the highlighted base wheel against the chosen tailored copy (`t`); nothing stored changes."""
        from screens.wheel.summary import SummaryScreen

        wheel = self.highlighted()
        framework = self.tailored_for(wheel)
        if wheel is not None and framework is not None:
            self.app.push_screen(SummaryScreen(wheel.id, framework))

    def action_copy_to_tailored(self) -> None:
        """A new wheel on the tailored copy from the highlighted base wheel (`a`), opened to rate; the original is kept."""
        from screens.wheel.open import wheel_screen

        wheel = self.highlighted()
        framework = self.tailored_for(wheel)
        if wheel is None or framework is None:
            return
        copy = self.context.assessments.create(framework, label=f"{wheel.label} (on {framework.title})", copy_from=wheel)
        self.mark_saved("Copied")
        self.refresh_records(select=copy.id)
        self.notify(f"A new wheel on {framework.title} from “{wheel.label}”; the original is unchanged.", timeout=4)
        self.app.push_screen(wheel_screen(self.context, copy.id))

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Palette entries: the wheel against the tailored copy, while the chosen framework is one."""
        if self.context.framework.based_on:
            yield SystemCommand("Open a base wheel against the tailored framework",
                                "The highlighted wheel's summary on the tailored copy's areas (t)", self.action_against_tailored)
            yield SystemCommand("Copy a base wheel to the tailored framework",
                                "A new wheel on the tailored copy from the highlighted one (a)", self.action_copy_to_tailored)

    @work
    async def action_share(self) -> None:
        """Share the highlighted wheel for a team profile (`x`): the dialog, then the file."""
        from screens.wheel.share import share_wheel

        wheel = self.highlighted()
        if wheel is not None:
            await share_wheel(self, wheel)
