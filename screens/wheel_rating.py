"""The rating screen of one wheel: a slider per area and series, the focused area's detail, the live wheel.

Every change is drawn first and saved right after (``call_after_refresh``), so
the wheel follows the keys even on a large database. At 160 columns and more
the sliders and the chart sit side by side; on a narrow terminal (80x24) `v`
shows the chart full-screen.
"""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Footer, Header, Label, Static

from screens.base import FramewheelScreen
from styles import style_path
from tui import charts
from tui.assessments import Assessment, RatingError
from tui.model import Framework
from tui.storage import StorageError
from tui.widgets.rating_slider import RatingSlider

COLOUR_NAMES = {0: "black", 1: "red", 2: "green", 3: "yellow", 4: "blue", 5: "magenta", 6: "cyan", 7: "white"}
"""Rich names of the 16-colour codes the charts use, so sliders match the chart."""


def rich_colour(code: int) -> str:
    """The Rich colour name of a 16-colour code."""
    return COLOUR_NAMES.get(code, "")


def unplaced_text(wheel: Assessment, framework: Framework) -> Text:
    """Ratings the framework can no longer place, one line per area (empty when none)."""
    text = Text()
    unplaced = wheel.unplaced_ratings(framework)
    if not unplaced:
        return text
    text.append(f"Ratings kept from an earlier edition of {framework.title} (not on the wheel):\n", style="bold")
    titles = {s.id: s.title for s in framework.series}
    for area_id, values in sorted(unplaced.items()):
        shown = ", ".join(f"{titles.get(s, s)} {v}" for s, v in values.items())
        text.append(f"  ! {area_id}: {shown}\n")
    return text


class RatingScreen(FramewheelScreen):
    """Rate every area of a framework in each series, and watch the wheel change."""

    CSS_PATH = style_path("wheel.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    HELP_TITLE = "Rating a wheel"
    HELP = """\
Rate how confident you feel in each area from the centre of the wheel (lowest) to its edge
(highest), three times: **N** how you feel now, **W** where you would like to be, **O** where your
organisation needs you to be. Each shape has a letter and a marker as well as a colour.

On a slider: type a **digit** to set the value (`1` then `0` quickly makes 10), `left`/`right` by one,
`home`/`end` to the ends, `backspace` clears it to *not rated* (shown `·`, which is not 0).
`tab`/`shift+tab` move to the next/previous slider, `up`/`down` to the row above/below.
**Quick path:** digit, `tab`, digit, `tab` ... types a whole 8 x 3 wheel in 48 key presses.

Every change is saved at once. `b` switches the chart between the wheel and bars; `v` shows it
full-screen (on a narrow terminal it is only shown that way). `enter` writes a note on the area.
"""

    BINDINGS = [
        Binding("b", "toggle_bars", "Wheel/bars", id="wheel.bars"),
        Binding("v", "toggle_full", "Chart", id="wheel.full"),
        Binding("enter", "note", "Note", id="wheel.note"),
        Binding("r", "reflection", "Reflection", id="wheel.reflection"),
        Binding("s", "summary", "Summary", id="wheel.summary"),
    ]

    chart_kind: reactive[str] = reactive("radar", init=False)
    """Which chart is shown: ``radar`` (the wheel) or ``bars``."""

    def __init__(self, wheel_id: int, framework: Framework, *, discard_if_empty: bool = False) -> None:
        """The screen of wheel ``wheel_id``, rated against ``framework``.

        ``discard_if_empty``: a wheel just started is removed again when it is left with nothing in it.
        """
        super().__init__()
        self.wheel_id = wheel_id
        self.framework = framework
        self.discard_if_empty = discard_if_empty
        self.wheel: Assessment | None = None
        self._area_index = 0
        self._last_slider: RatingSlider | None = None
        self._drawn: tuple[object, ...] | None = None

    def compose(self) -> ComposeResult:
        """Header, the sliders with their detail, the chart panel and the footer."""
        self.wheel = self.context.assessments.get(self.wheel_id)
        wheel = self.wheel
        framework = self.framework
        yield Header()
        with Horizontal(id="wheel-body"):
            with Vertical(id="rating-panel", classes="panel"):
                yield Label("", id="wheel-title", classes="panel-title")
                yield Static(self._column_heads(), id="series-heads")
                with VerticalScroll(id="slider-rows", can_focus=False):
                    for i, area in enumerate(framework.areas):
                        with Horizontal(classes="area-row"):
                            name = f"{area.code or ''} {area.label}".strip()
                            yield Label(name[:21], classes="area-name")
                            for j, series in enumerate(framework.series):
                                style = charts.style_for(j)
                                yield RatingSlider(
                                    area.id, series.id, wheel.rating(area.id, series.id) if wheel else None,
                                    low=framework.scale.min, high=framework.scale.max, letter=style.letter,
                                    colour=rich_colour(style.colour), id=f"slider-{i}-{j}",
                                    tooltip=f"{area.title}: {series.title}",
                                )
                with VerticalScroll(id="area-detail-panel", can_focus=False):
                    yield Static(id="area-detail")
                    yield Static(id="unplaced", classes="unplaced")
            with VerticalScroll(id="chart-panel", classes="panel", can_focus=False):
                yield Static(id="wheel-chart")
        yield Footer()

    def _column_heads(self) -> Text:
        """The series letters and names above the slider columns."""
        text = Text(" " * 22, no_wrap=True, overflow="ellipsis")
        for j, _series in enumerate(self.framework.series):
            style = charts.style_for(j)
            text.append(f"{style.letter} {style.name}"[:16].ljust(17), style=f"bold {rich_colour(style.colour)}")
        return text

    def on_mount(self) -> None:
        """Focus the first slider and draw."""
        if self.wheel is None:
            self.notify("This wheel no longer exists.", severity="error")
            self.call_later(self.app.pop_screen)
            return
        self.title = self.framework.title
        first = self.query(RatingSlider).first()
        first.focus()
        self._last_slider = first
        self._show_title()
        self._show_detail()
        self.call_after_refresh(self.redraw)

    def on_screen_resume(self) -> None:
        """Notes and reflections may have changed in a dialog or another screen."""
        stored = self.context.assessments.get(self.wheel_id)
        if stored is not None:
            self.wheel = stored
            self._show_detail()

    def on_resize(self) -> None:
        """Redraw the chart for its new size once the layout is done."""
        self.call_after_refresh(self.redraw)

    @on(RatingSlider.Changed)
    def _rated(self, event: RatingSlider.Changed) -> None:
        """Draw the change at once, then save it."""
        assert self.wheel is not None
        ratings = {a: dict(v) for a, v in self.wheel.ratings.items()}
        cell = ratings.setdefault(event.area_id, {})
        if event.value is None:
            cell.pop(event.series_id, None)
            if not cell:
                ratings.pop(event.area_id)
        else:
            cell[event.series_id] = event.value
        self.wheel = replace(self.wheel, ratings=ratings)
        self.redraw()
        self._show_title()
        self._show_detail()
        self.call_after_refresh(self._save, event.slider, event.area_id, event.series_id, event.value)

    def _save(self, slider: RatingSlider, area_id: str, series_id: str, value: int | None) -> None:
        """Store one rating; on a refusal, say why and show the stored value again."""
        try:
            self.context.assessments.set_rating(self.wheel_id, self.framework, area_id, series_id, value)
        except (RatingError, StorageError, KeyError) as error:
            self.notify(f"{area_id} / {series_id}: not saved: {error}", severity="error", timeout=8)
            stored = self.context.assessments.get(self.wheel_id)
            if stored is not None:
                self.wheel = stored
                slider.value = stored.rating(area_id, series_id)
                self.redraw()
            return
        self.mark_saved()

    def on_descendant_focus(self) -> None:
        """Show the detail of the area whose slider has the focus."""
        focused = self.focused
        if isinstance(focused, RatingSlider):
            self._last_slider = focused
            index = self.framework.area_ids.index(focused.area_id)
            if index != self._area_index:
                self._area_index = index
                self._show_detail()

    def _show_title(self) -> None:
        """Label, and how much of the wheel is rated."""
        if self.wheel is None:
            return
        done = self.wheel.rated_count(self.framework)
        cells = len(self.framework.areas) * len(self.framework.series)
        self.query_one("#wheel-title", Label).update(f"{self.wheel.label} · {done}/{cells} rated")

    def _show_detail(self) -> None:
        """Full title, what it encompasses, its descriptor, the values and the note of the focused area."""
        if self.wheel is None:
            return
        area = self.framework.areas[self._area_index]
        text = Text()
        text.append(area.heading, style="bold")
        if area.encompasses:
            text.append(f"  (encompasses {area.encompasses})", style="italic")
        text.append("\n")
        shown = []
        for j, series in enumerate(self.framework.series):
            value = self.wheel.rating(area.id, series.id)
            shown.append(f"{charts.style_for(j).letter} {'not rated' if value is None else value}")
        text.append("  ·  ".join(shown) + "\n")
        note = self.wheel.notes.get(area.id)
        text.append(f"Note: {note}\n" if note else "No note (enter to write one)\n", style="" if note else "dim")
        if area.description:
            text.append(area.description.strip())
        self.query_one("#area-detail", Static).update(text)
        unplaced = self.query_one("#unplaced", Static)
        found = unplaced_text(self.wheel, self.framework)
        unplaced.update(found)
        unplaced.display = bool(found.plain)

    def redraw(self) -> None:
        """Draw the chart for the panel's size (skipped when nothing it shows has changed)."""
        panel = self.query_one("#chart-panel")
        if self.wheel is None or not panel.display:
            return
        width, height = panel.content_size.width - 1, panel.content_size.height
        if width < 20 or height < 5:
            return
        data = charts.wheel_data(self.framework, self.wheel)
        key = (data, width, height, self.chart_kind)
        if key == self._drawn:
            return
        self._drawn = key
        if self.chart_kind == "bars":
            drawn = charts.bars(data, width)
        else:
            drawn = charts.radar(data, width, height)
        self.query_one("#wheel-chart", Static).update(Text.from_ansi(drawn, no_wrap=True))

    def watch_chart_kind(self) -> None:
        """Draw the other chart."""
        self.redraw()

    def action_toggle_bars(self) -> None:
        """Switch between the wheel and the bars."""
        self.chart_kind = "bars" if self.chart_kind == "radar" else "radar"

    def action_toggle_full(self) -> None:
        """Show the chart full-screen, or the sliders again."""
        full = not self.has_class("chart-full")
        self.set_class(full, "chart-full")
        panel = self.query_one("#chart-panel")
        panel.can_focus = full
        if full:
            panel.focus()
        elif self._last_slider is not None:
            self._last_slider.focus()
        self.call_after_refresh(self.redraw)

    def action_back(self) -> None:
        """Leave full-screen chart first; otherwise go back."""
        if self.has_class("chart-full"):
            self.action_toggle_full()
            return
        wheel = self.context.assessments.get(self.wheel_id)
        if self.discard_if_empty and wheel is not None and not (wheel.ratings or wheel.notes or wheel.reflections):
            self.context.assessments.delete(self.wheel_id)
            self.notify("The new wheel had no ratings, so it was not kept.", timeout=4)
        super().action_back()

    def _focused_area_id(self) -> str:
        """The id of the area whose detail is shown."""
        return self.framework.areas[self._area_index].id

    def action_note(self) -> None:
        """Write or change the note on the focused area (empty text removes it)."""
        from screens.text_dialog import TextDialog

        if self.wheel is None:
            return
        area = self.framework.areas[self._area_index]

        def keep(text: str | None) -> None:
            """Save the note unless the dialog was cancelled."""
            if text is None:
                return
            self.wheel = self.context.assessments.set_note(self.wheel_id, area.id, text)
            self._show_detail()
            self.mark_saved("Note saved")

        self.app.push_screen(
            TextDialog(f"Note on {area.heading}", self.wheel.notes.get(area.id, ""), "enter keeps it · empty removes it · escape cancels"),
            keep,
        )

    def action_reflection(self) -> None:
        """Answer the framework's reflection questions for this wheel."""
        from screens.wheel_reflection import ReflectionScreen

        self.app.push_screen(ReflectionScreen(self.wheel_id, self.framework))

    def action_summary(self) -> None:
        """Strengths, development needs and organisation needs of this wheel."""
        from screens.wheel_summary import SummaryScreen

        self.app.push_screen(SummaryScreen(self.wheel_id, self.framework))
