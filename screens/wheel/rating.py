"""The rating screen of one wheel: a slider per area and series, the focused area's detail, the live wheel.

Every change is drawn first and saved right after (``call_after_refresh``), so
the wheel follows the keys even on a large database. At 160 columns and more
the sliders and the chart sit side by side; on a narrow terminal (80x24) `v`
shows the chart full-screen.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Hashable, Iterable

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.css.scalar import Scalar
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Header, Label, Static

from screens.base import FramewheelScreen, InterfaceLoop
from screens.guidance.markdown_text import markdown_text
from screens.wheel.unplaced import unplaced_text
from styles import style_path
from tui.core import charts
from tui.core.wheels import Assessment
from tui.core.model import Framework
from tui.core.text import truncate
from tui.widgets.chart_view import ChartView
from tui.widgets.theme_colours import chart_palette, series_style
from tui.widgets.rating_slider import RatingSlider, ideal_width
from tui.widgets.key_footer import KeyFooter

SAVE_SETTLE = 0.15
"""Seconds without a change before the saver writes (a held key or fast typing is one write)."""

SAVED_PAUSE = 0.4
"""Seconds after the last save of a burst before the header says "Saved"."""

MAX_HEADING = 28
"""A column is widened for its heading up to this many cells (wider than one cell per point needs)."""

DIGITS_MOVE_ON_KEY = "rating.digits_move_on"
"""The setting: a digit that cannot start a longer value moves on to the next slider (on unless set False)."""

AREA_NAME_WIDTH, PANEL_FRAME, RATING_PANEL_WIDTH, WIDE_FROM = 22, 4, 80, 120
"""The area-name column, the panel's border and padding, the panel's usual width when wide, where wide starts."""


def digit_ranges(digits: list[int]) -> str:
    """Digits as short runs: ``[0, 2, 3, 4, 5]`` is ``0, 2-5``."""
    runs: list[list[int]] = []
    for digit in digits:
        if runs and digit == runs[-1][-1] + 1:
            runs[-1].append(digit)
        else:
            runs.append([digit])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}" for run in runs)


class SeriesHead(Static):
    """The heading of one slider column: the series' letter and title, cut with … to leave one cell apart."""

    def __init__(self, letter: str, title: str, colour: str) -> None:
        """A heading for the series ``title`` marked ``letter``, in the series' colour."""
        super().__init__(classes="series-head")
        self.words, self.colour = f"{letter} {title}", colour

    def render(self) -> Text:
        """The heading cut to the column's width less one cell."""
        return Text(truncate(self.words, self.size.width - 1), style=f"bold {self.colour}", no_wrap=True)


class RatingScreen(FramewheelScreen):
    """Rate every area of a framework in each series, and watch the wheel change."""

    CSS_PATH = style_path("wheel.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE_FROM, "-wide")]
    HELP_TITLE = "Rating a wheel"
    HELP = """\
Rate how confident you feel in each area from the centre of the wheel (lowest) to its edge
(highest), once per shape (series) of the framework; on the guide's wheel three times: **N** how you
feel now, **W** where you would like to be, **O** where your organisation needs you to be. Each shape
has a letter (from the framework file) and a marker as well as a colour; the column headings name
them. Top right, the scale's label for the focused value (or the scale's ends).

On a slider: type a **digit** to set the value, `left`/`right` by one, `home`/`end` to the ends,
`backspace` clears it to *not rated* (shown `·`, which is not 0). `tab`/`shift+tab` move to the
next/previous slider, `up`/`down` to the row above/below.
**Quick path:** a digit that cannot start a longer value (`0`, `2`-`9` on 0-10) moves on to the
next slider by itself, so `6 8 7 ...` types a whole 8 x 3 wheel in about 25 key presses; `1` waits
for a `0` (10), and a `tab` right after a digit moved on is that same move. The line under the
sliders says so; `ctrl+p` "Wheel: digits move on" turns it off (remembered): then digits stay on
their slider and `1` then `0` quickly makes 10.

Every change is saved at once. `b` switches the chart between the wheel and bars; `v` shows it
full-screen (on a narrow terminal it is only shown that way). `enter` writes a note on the area,
`r` opens the reflection questions and `s` the summary (strengths, development needs ...).
`x` shares this wheel for a team profile: the ratings only unless you tick more in, and you see
the file before it is written.
"""

    BINDINGS = [
        Binding("b", "toggle_bars", "Wheel/bars", id="wheel.bars"),
        Binding("v", "toggle_full", "Chart", id="wheel.full"),
        Binding("enter", "note", "Note", id="wheel.note"),
        Binding("r", "reflection", "Reflection", id="wheel.reflection"),
        Binding("s", "summary", "Summary", id="wheel.summary"),
        Binding("x", "share", "Share for a team", id="wheel.share",
                tooltip="Write this wheel's share file for a team profile (you see it first)"),
    ]

    chart_kind: reactive[str] = reactive("radar", init=False)
    """Which chart is shown: ``radar`` (the wheel) or ``bars``."""

    def __init__(self, wheel_id: int, framework: Framework, *, discard_if_empty: bool = False) -> None:
        """The screen of wheel ``wheel_id``, rated against ``framework``.

        ``discard_if_empty``: a wheel just started is removed again when it is left with nothing in it.
        """
        super().__init__()
        self._full_for_presenting = False
        """The chart went full-screen because presentation mode began (F5 off gives the sliders back)."""
        self.wheel_id = wheel_id
        self.framework = framework
        self.discard_if_empty = discard_if_empty
        self.wheel: Assessment | None = None
        self._area_index = 0
        self._last_slider: RatingSlider | None = None
        self._drawn: tuple[object, ...] | None = None
        self._interface: InterfaceLoop | None = None
        """The interface's loop, for the saver's callbacks (taken when the screen is mounted)."""
        self._saved_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Header, the sliders with their detail, the chart panel and the footer."""
        self._saver = self.context.assessments.saver(self._saved_in_thread, self._failed_in_thread, settle=SAVE_SETTLE)
        self.wheel = self.context.assessments.get(self.wheel_id)
        wheel = self.wheel
        framework = self.framework
        yield Header()
        with Horizontal(id="wheel-body"):
            with Vertical(id="rating-panel", classes="panel"):
                with Horizontal(id="title-row"):
                    yield Label("", id="wheel-title", classes="panel-title")
                    yield Static("", id="scale-hint")
                with Horizontal(id="series-heads"):
                    yield Label("", classes="area-name")
                    for head in self._column_heads():
                        yield head
                styles = charts.series_styles(framework)
                with VerticalScroll(id="slider-rows", can_focus=False):
                    for i, area in enumerate(framework.areas):
                        with Horizontal(classes="area-row"):
                            name = f"{area.code or ''} {area.label}".strip()
                            yield Label(truncate(name, AREA_NAME_WIDTH - 1), classes="area-name")
                            for j, series in enumerate(framework.series):
                                style = styles[j]
                                slider = RatingSlider(
                                    area.id, series.id, wheel.rating(area.id, series.id) if wheel else None,
                                    low=framework.scale.min, high=framework.scale.max, letter=style.letter,
                                    colour=series_style(self.app, style), id=f"slider-{i}-{j}",
                                    tooltip=f"{area.title}: {series.title}", moves_on=self.digits_move_on,
                                )
                                slider.styles.max_width = self._column_width
                                yield slider
                yield Static(self._keys_hint(), id="keys-hint", markup=False)
                with VerticalScroll(id="area-detail-panel", can_focus=False):
                    yield Static(id="area-heading")
                    yield Static(id="area-values")
                    yield Static(id="area-detail")
                    yield Static(id="unplaced", classes="unplaced")
            with VerticalScroll(id="chart-panel", classes="panel", can_focus=False):
                yield ChartView(id="wheel-chart")
        yield KeyFooter()

    @property
    def digits_move_on(self) -> bool:
        """The quick path's setting: a digit that cannot start a longer value moves on (on by default)."""
        return self.context.settings.get(DIGITS_MOVE_ON_KEY, True) is not False

    def _keys_hint(self) -> str:
        """The line under the sliders: how to type a value, and the setting (on or off) with how to switch it."""
        scale = self.framework.scale
        probe = RatingSlider("", "", low=scale.min, high=scale.max)
        digits = [d for d in range(10) if scale.min <= d <= scale.max or probe.can_extend(str(d))]
        waiting = [d for d in digits if probe.can_extend(str(d))]
        if not self.digits_move_on:
            return f"type {scale.min}-{scale.max}, tab for the next" + (f"; {waiting[0]} 0 quickly makes {waiting[0]}0" if waiting == [1] else "") \
                + " · ctrl+p: digits move on"
        moving = digit_ranges([d for d in digits if d not in waiting])
        wait = f"; {waiting[0]} 0 makes {waiting[0]}0" if waiting == [1] else (f"; {digit_ranges(waiting)} wait for a 2nd digit" if waiting else "")
        return f"type {scale.min}-{scale.max}; {moving} move on to the next{wait} · ctrl+p turns it off"

    def set_digits_move_on(self, on: bool) -> None:
        """Switch the quick path's moving on (remembered), on every slider and in the hint, and say so."""
        self.context.settings.set(DIGITS_MOVE_ON_KEY, on)
        for slider in self.query(RatingSlider):
            slider.moves_on = on
        self.query_one("#keys-hint", Static).update(self._keys_hint())
        self.notify("Digits move on to the next slider." if on else "Digits stay on their slider; tab moves on.", timeout=4)

    def action_toggle_digits_move_on(self) -> None:
        """Digits move on to the next slider, or stay (the command palette)."""
        self.set_digits_move_on(not self.digits_move_on)

    @property
    def _column_width(self) -> int:
        """The widest a slider column gets: one track cell per point of the scale, or room for its heading."""
        heading = max(cell_len(f"{letter} {s.title}") + 1 for s, letter in zip(self.framework.series, self.framework.series_letters))
        return max(ideal_width(self.framework.scale.min, self.framework.scale.max), min(heading, MAX_HEADING))

    def _column_heads(self) -> list[SeriesHead]:
        """One heading per slider column: the series' letter and title from the file (cut with … to the column)."""
        heads = []
        for series, style in zip(self.framework.series, charts.series_styles(self.framework)):
            head = SeriesHead(style.letter, series.title, series_style(self.app, style))
            head.styles.max_width = self._column_width
            heads.append(head)
        return heads

    def _fit_panel(self) -> None:
        """Wide: give the sliders the room for one cell per point (up to half the screen); narrow: the CSS decides."""
        panel = self.query_one("#rating-panel")
        needed = AREA_NAME_WIDTH + len(self.framework.series) * self._column_width + PANEL_FRAME
        wide = self.size.width >= WIDE_FROM
        width = max(RATING_PANEL_WIDTH, min(needed, self.size.width // 2)) if wide else None
        if panel.styles.width != (None if width is None else Scalar.parse(str(width))):
            panel.styles.width = width

    def screen_commands(self) -> Iterable[SystemCommand]:
        """The rating screen's actions in the command palette."""
        yield SystemCommand("Wheel: switch wheel/bars", "Draw the ratings as a wheel or as bars (b)", self.action_toggle_bars)
        yield SystemCommand("Wheel: chart full-screen", "Show the chart on its own, and back (v)", self.action_toggle_full)
        on = self.digits_move_on
        yield SystemCommand("Wheel: digits move on " + ("(on: turn off)" if on else "(off: turn on)"),
                            "A digit that cannot start a longer value moves on to the next slider" if not on
                            else "Digits stay on their slider; tab moves on", self.action_toggle_digits_move_on)
        yield SystemCommand("Wheel: note on this area", "Write a note on the focused area (enter)", self.action_note)
        if self.framework.reflection:
            yield SystemCommand("Wheel: reflection questions", "Answer the framework's reflection questions (r)", self.action_reflection)
        yield SystemCommand("Wheel: summary", "Strengths, development needs, organisation needs (s)", self.action_summary)

    def on_mount(self) -> None:
        """Focus the first slider and draw."""
        if self.wheel is None:
            self.notify("This wheel no longer exists.", severity="error")
            self.call_later(self.app.pop_screen)
            return
        self.title = self.framework.title
        self._interface = InterfaceLoop()
        first = self.query(RatingSlider).first()
        first.focus()
        self._last_slider = first
        self._fit_panel()
        scale = self.framework.scale
        widest = max(cell_len(scale.hint(value)) for value in range(scale.min, scale.max + 1))
        self.query_one("#scale-hint").styles.width = widest  # fixed, so that a new hint needs no layout
        self._show_title()
        self._show_detail()
        self._show_hint()
        if self.presenting and self.wheel.ratings:
            self.action_toggle_full()  # a rated wheel is presented as its chart; v shows the sliders
            self._full_for_presenting = True
        self.call_after_refresh(self.redraw)

    def on_screen_resume(self) -> None:
        """Notes and reflections may have changed in a dialog or another screen."""
        self._saver.flush()
        stored = self.context.assessments.get(self.wheel_id)
        if stored is not None:
            self.wheel = stored
            self._show_detail()

    def on_resize(self) -> None:
        """Fit the panel to the new size, and redraw the chart once the layout is done."""
        self._fit_panel()
        self.call_after_refresh(self.redraw)

    @on(RatingSlider.Changed)
    def _rated(self, event: RatingSlider.Changed) -> None:
        """Draw the change at once, then save it."""
        assert self.wheel is not None
        self.wheel = self.wheel.with_rating(event.area_id, event.series_id, event.value)
        self.redraw()
        self.call_after_refresh(self._after_draw, event.slider, event.area_id, event.series_id, event.value)

    def _after_draw(self, slider: RatingSlider, area_id: str, series_id: str, value: int | None) -> None:
        """Once the wheel is on screen: the title, the scale hint and the detail panel, and the save handed to the saver."""
        self._show_title()
        self._show_hint()
        self._show_detail()
        repo, framework, wheel_id = self.context.assessments, self.framework, self.wheel_id
        self._saver.submit(
            ("rating", area_id, series_id, slider.id),
            lambda: repo.set_rating(wheel_id, framework, area_id, series_id, value),
        )

    def _from_thread(self, callback: Callable[..., Any], *args: object) -> None:
        """Run ``callback`` on the interface's thread (from the saver's thread)."""
        if self._interface is not None:
            self._interface.call_soon(callback, *args)

    def _saved_in_thread(self, key: Hashable, result: object) -> None:
        """A save is on disk: say so in the header (once typing pauses; see ``_saved``)."""
        self._from_thread(self._saved)

    def _saved(self) -> None:
        """Say "Saved" in the header a moment after the last save of a burst of keys.

        Changing the header lays out the whole screen, which would repaint every cell; while
        keys come quickly only the changed rows of the wheel are sent to the terminal.
        """
        if self._saved_timer is not None:
            self._saved_timer.stop()
        self._saved_timer = self.set_timer(SAVED_PAUSE, self.mark_saved)

    def _failed_in_thread(self, key: Hashable, error: Exception) -> None:
        """A save was refused or failed: tell the person on the interface's thread."""
        self._from_thread(self._save_failed, key, error)

    def _save_failed(self, key: Hashable, error: Exception) -> None:
        """Say what was not saved and show the stored value again."""
        what = " / ".join(str(part) for part in key[1:3]) if isinstance(key, tuple) else str(key)
        self.notify(f"{what}: not saved: {error}", severity="error", timeout=8)
        stored = self.context.assessments.get(self.wheel_id)
        if stored is None or self.wheel is None or not self.is_attached:
            return
        self.wheel = replace(self.wheel, ratings=stored.ratings, notes=stored.notes)
        for slider in self.query(RatingSlider):
            slider.value = stored.rating(slider.area_id, slider.series_id)
        self.redraw()
        self._show_detail()

    def on_unmount(self) -> None:
        """Let every change reach the disk before the screen goes; a new wheel left empty is not kept.

        The screen can go by `escape`, by the command palette starting another activity, or
        by quitting: an unrated new wheel is dropped whichever way.
        """
        self._saver.close()
        if self._drop_if_empty():
            self.app.notify("The new wheel had no ratings, so it was not kept.", timeout=4)

    def _drop_if_empty(self) -> bool:
        """Delete this wheel if it is new and nothing was rated, noted or answered; True if it was."""
        if not self.discard_if_empty:
            return False
        wheel = self.context.assessments.get(self.wheel_id)
        if wheel is None or wheel.ratings or wheel.notes or wheel.reflections:
            return False
        self.context.assessments.delete(self.wheel_id)
        self.discard_if_empty = False
        return True

    def flush_saves(self) -> bool:
        """Wait until every change made on this screen is on disk (False after 10 s)."""
        return self._saver.flush()

    def on_descendant_focus(self) -> None:
        """Show the detail of the area whose slider has the focus."""
        focused = self.focused
        if isinstance(focused, RatingSlider):
            self._last_slider = focused
            index = self.framework.area_ids.index(focused.area_id)
            if index != self._area_index:
                self._area_index = index
                self._show_detail()
            self._show_hint()

    def _show_title(self) -> None:
        """How much of the wheel is rated, then its label (cut with … when the scale hint needs the room)."""
        if self.wheel is None:
            return
        done = self.wheel.rated_count(self.framework)
        cells = len(self.framework.areas) * len(self.framework.series)
        title = f"{done}/{cells} rated · {self.wheel.label}"
        label = self.query_one("#wheel-title", Label)
        if str(label.content) != title:
            label.update(title)

    def presentation_changed(self) -> None:
        """Show or hide the focused area's note; presenting a rated wheel shows its chart full-screen."""
        if self.is_mounted and self.wheel is not None:
            self._show_detail()
            full = self.has_class("chart-full")
            if self.presenting and not full and self.wheel.ratings:
                self.action_toggle_full()
                self._full_for_presenting = True
            elif not self.presenting and full and self._full_for_presenting:
                self.action_toggle_full()  # the sliders again, as before presenting
            if not self.presenting:
                self._full_for_presenting = False
            self.call_after_refresh(self.redraw)

    def _show_detail(self) -> None:
        """Full title, what it encompasses, the values, the note and the descriptor of the focused area.

        Only what changed is updated, and the one-line values without a layout pass, so that a
        rating change costs no layout of the screen.
        """
        if self.wheel is None:
            return
        area = self.framework.areas[self._area_index]
        values = Text(no_wrap=True, overflow="ellipsis")
        for j, series in enumerate(self.framework.series):
            value = self.wheel.rating(area.id, series.id)
            values.append(("  ·  " if j else "") + f"{self.framework.series_letters[j]} {'not rated' if value is None else value}")
        self._update_if_changed("#area-values", values, layout=False)
        heading = Text()
        heading.append(area.heading, style="bold")
        if area.encompasses:
            heading.append(f"  (encompasses {area.encompasses})", style="italic")
        self._update_if_changed("#area-heading", heading)
        detail = Text()
        note = self.wheel.notes.get(area.id)
        if note and self.hides("wheel", "notes"):
            detail.append("Note: (private: hidden while presenting)\n", style="dim")
        else:
            detail.append(f"Note: {note}\n" if note else "No note (enter to write one)\n", style="" if note else "dim")
        if area.description:
            detail.append_text(markdown_text(area.description))
        self._update_if_changed("#area-detail", detail)
        found = unplaced_text(self.wheel, self.framework)
        unplaced = self.query_one("#unplaced", Static)
        if self._update_if_changed("#unplaced", found):
            unplaced.display = bool(found.plain)

    def _show_hint(self) -> None:
        """What the focused slider's value means on the scale (``3 · Practitioner``), else the scale's ends."""
        slider = self._last_slider
        value = slider.value if slider is not None else None
        hint = Text(self.framework.scale.hint(value), no_wrap=True, overflow="ellipsis", justify="right")
        self._update_if_changed("#scale-hint", hint, layout=False)

    def _update_if_changed(self, selector: str, text: Text, layout: bool = True) -> bool:
        """Put new text in a Static only when it differs from what it shows; True when it did."""
        static = self.query_one(selector, Static)
        shown = static.content
        if isinstance(shown, Text) and shown.plain == text.plain and shown.spans == text.spans:
            return False
        static.update(text, layout=layout)
        return True

    def redraw(self) -> None:
        """Draw the chart for the panel's size (skipped when nothing it shows has changed)."""
        panel = self.query_one("#chart-panel")
        if self.wheel is None or not panel.display:
            return
        width, height = panel.content_size.width - 1, panel.content_size.height
        if width < 20 or height < 5:
            return
        data = charts.wheel_data(self.framework, self.wheel, self.presenting and width >= charts.FULL_LABELS_FROM)
        palette = chart_palette(self.app)
        key = (data, width, height, self.chart_kind, palette)
        if key == self._drawn:
            return
        self._drawn = key
        drawn = charts.bars(data, width, palette=palette) if self.chart_kind == "bars" else charts.radar(data, width, height, palette=palette)
        self.query_one("#wheel-chart", ChartView).show(drawn)

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
        self._saver.flush()
        if self._drop_if_empty():
            self.notify("The new wheel had no ratings, so it was not kept.", timeout=4)
        super().action_back()

    def _focused_area_id(self) -> str:
        """The id of the area whose detail is shown."""
        return self.framework.areas[self._area_index].id

    def action_note(self) -> None:
        """Write or change the note on the focused area (empty text removes it)."""
        from screens.dialogs.text_input import TextDialog

        if self.wheel is None or self.refuse_private("wheel", "notes", "A note"):
            return
        area = self.framework.areas[self._area_index]

        def keep(text: str | None) -> None:
            """Save the note unless the dialog was cancelled."""
            if text is None or self.wheel is None:
                return
            notes = {**self.wheel.notes, area.id: text} if text.strip() else {k: v for k, v in self.wheel.notes.items() if k != area.id}
            self.wheel = replace(self.wheel, notes=notes)
            self._show_detail()
            repo, wheel_id = self.context.assessments, self.wheel_id
            self._saver.submit(("note", area.id), lambda: repo.set_note(wheel_id, area.id, text))

        self.app.push_screen(
            TextDialog(f"Note on {area.heading}", self.wheel.notes.get(area.id, ""), "enter keeps it · empty removes it · escape cancels",
                       private=True),
            keep,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No Reflection key for a framework without reflection questions; the rest as every screen."""
        if action == "reflection" and not self.framework.reflection:
            return False
        return super().check_action(action, parameters)

    def action_reflection(self) -> None:
        """Answer the framework's reflection questions for this wheel."""
        from screens.wheel.reflection import ReflectionScreen

        self._saver.flush()
        self.app.push_screen(ReflectionScreen(self.wheel_id, self.framework))

    def action_summary(self) -> None:
        """Strengths, development needs and organisation needs of this wheel."""
        from screens.wheel.summary import SummaryScreen

        self._saver.flush()
        self.app.push_screen(SummaryScreen(self.wheel_id, self.framework))

    @work
    async def action_share(self) -> None:
        """Share this wheel for a team profile (`x`): every change saved first, then the dialog and the file."""
        from screens.wheel.share import share_wheel

        self._saver.flush()
        wheel = self.context.assessments.get(self.wheel_id)
        if wheel is None:
            self.notify("This wheel is no longer stored, so there is nothing to share.", severity="error")
            return
        await share_wheel(self, wheel)
