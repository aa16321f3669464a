"""RatingSlider: a focusable slider for one rating on a whole-number scale (Textual has none).

Keys: ``left``/``right`` by one, ``home``/``end`` to the ends, digits type the
value (on a 0-10 scale ``1`` then ``0`` within a short pause makes 10; a single
``7`` sets 7 at once), ``backspace``/``delete`` clear it to "not rated";
``tab``/``shift+tab`` and ``up``/``down`` move between sliders (``up``/``down``
to the same series in the row above or below). Mouse click and drag set the
value. "Not rated" (``·``) is distinct from 0. The slider never touches
storage: it posts :class:`RatingSlider.Changed` and its screen saves.

The track adapts to the room the slider gets: one cell per point of the scale when
it fits (``width`` = :func:`ideal_width`), otherwise the knob is placed in proportion
on a shorter track; the letter and the value are always shown.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Callable

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

DIGIT_PAUSE = 0.8
"""Seconds within which a second digit extends the first (``1`` ``0`` makes 10)."""

NOT_RATED_MARK = "·"
"""Shown instead of a number when nothing is rated (not 0)."""

TRACK_START = 2
"""Columns before the track: the legend letter and a space."""

MIN_TRACK = 2
"""The shortest track drawn (the value is shown beside it whatever the room)."""


def value_width(low: int, high: int) -> int:
    """Columns the value takes (at least 2, so ``·`` and one digit line up with two)."""
    return max(len(str(low)), len(str(high)), 2)


def ideal_width(low: int, high: int) -> int:
    """The width at which the track has one cell per point: letter, space, track, space, value, one cell apart."""
    return TRACK_START + (high - low + 1) + 1 + value_width(low, high) + 1


class RatingSlider(Widget, can_focus=True):
    """One rating of one area in one series, shown as ``N ━━━━━●──── 6``."""

    HELP_KEYS = (("0 … 9", "type the value (for 10 type 1 then 0 quickly)"),)
    """Keys the slider reads itself, not as bindings, for F1's key table."""

    DEFAULT_CSS = """
    RatingSlider {
        width: 17;
        height: 1;
        padding: 0;
    }
    RatingSlider:focus {
        text-style: reverse bold;
    }
    """

    BINDINGS = [
        Binding("left", "step(-1)", "−1", id="slider.down", show=False),
        Binding("right", "step(1)", "+1", id="slider.up", show=False),
        Binding("home", "to_end(False)", "Lowest", id="slider.home", show=False),
        Binding("end", "to_end(True)", "Highest", id="slider.end", show=False),
        Binding("backspace,delete", "clear", "Not rated", id="slider.clear", show=False),
        Binding("up", "move_row(-1)", "Row above", id="slider.row_up", show=False),
        Binding("down", "move_row(1)", "Row below", id="slider.row_down", show=False),
        Binding("tab", "move(1)", "Next slider", id="slider.next", show=False),
        Binding("shift+tab", "move(-1)", "Previous slider", id="slider.previous", show=False),
    ]

    value: reactive[int | None] = reactive(None, init=False)
    """The rating, or None when not rated."""

    @dataclass
    class Changed(Message):
        """The person changed the rating (None: cleared to not rated)."""

        slider: RatingSlider
        area_id: str
        series_id: str
        value: int | None

        @property
        def control(self) -> RatingSlider:
            """The slider that changed (for ``@on`` selectors)."""
            return self.slider

    def __init__(
        self, area_id: str, series_id: str, value: int | None = None, *, low: int = 0, high: int = 10,
        letter: str = "", colour: str = "", name: str | None = None, id: str | None = None, classes: str | None = None,
        tooltip: str | None = None,
    ) -> None:
        """A slider for ``area_id``/``series_id`` on the scale ``low``..``high`` with its legend letter."""
        super().__init__(name=name, id=id, classes=classes)
        self.area_id, self.series_id = area_id, series_id
        self.low, self.high = low, high
        self.letter, self.colour = letter, colour
        self._typed, self._typed_at = "", 0.0
        self._dragging = False
        self.set_reactive(RatingSlider.value, value if value is None or low <= value <= high else None)
        if tooltip:
            self.tooltip = tooltip

    @property
    def points(self) -> int:
        """How many values the scale has."""
        return self.high - self.low + 1

    @property
    def track_width(self) -> int:
        """One cell per point of the scale where the room allows; fewer (at least MIN_TRACK) otherwise."""
        width = self.size.width
        if width <= 0:
            return self.points
        room = width - TRACK_START - 1 - value_width(self.low, self.high) - 1
        return max(MIN_TRACK, min(self.points, room))

    def cell_of(self, value: int) -> int:
        """The track cell of a value (in proportion when the track is shorter than the scale)."""
        track = self.track_width
        if track >= self.points:
            return value - self.low
        return round((value - self.low) * (track - 1) / (self.points - 1))

    def render(self) -> Text:
        """Letter, track with its knob, and the value (``·`` when not rated)."""
        text = Text(no_wrap=True)
        text.append(self.letter or " ", style=f"bold {self.colour}".strip())
        text.append(" ")
        track, digits = self.track_width, value_width(self.low, self.high)
        if self.value is None:
            text.append("·" * track, style="dim")
            text.append(f" {NOT_RATED_MARK:>{digits}}")
            return text
        filled = self.cell_of(self.value)
        text.append("━" * filled, style=self.colour or "")
        text.append("●", style=f"bold {self.colour}".strip())
        text.append("─" * (track - filled - 1), style="dim")
        text.append(f" {self.value:>{digits}}")
        return text

    def set_value(self, value: int | None) -> None:
        """Set the value as the person did (clamped to the scale) and post Changed if it changed."""
        if value is not None:
            value = max(self.low, min(self.high, value))
        if value == self.value:
            return
        self.value = value
        self.post_message(self.Changed(self, self.area_id, self.series_id, value))

    def action_step(self, delta: int) -> None:
        """Change by ``delta`` (from not rated, the first step lands on the nearer end)."""
        self._typed = ""
        if self.value is None:
            self.set_value(self.low if delta > 0 else self.high)
        else:
            self.set_value(self.value + delta)

    def action_to_end(self, top: bool) -> None:
        """Jump to the top or bottom of the scale."""
        self._typed = ""
        self.set_value(self.high if top else self.low)

    def action_clear(self) -> None:
        """Back to not rated."""
        self._typed = ""
        self.set_value(None)

    def action_move_row(self, delta: int) -> None:
        """Focus the slider of the same series in the row above or below (tab order otherwise)."""
        same = [s for s in self.screen.query(RatingSlider) if s.series_id == self.series_id and s.display]
        if self in same:
            index = same.index(self) + delta
            if 0 <= index < len(same):
                self.screen.set_focus(same[index])  # at once, so the next key goes there
                return
        self.action_move(delta)

    def action_move(self, delta: int) -> None:
        """Focus the next (1) or previous (-1) widget, at once."""
        if delta > 0:
            self.screen.focus_next()
        else:
            self.screen.focus_previous()

    def on_key(self, event: events.Key) -> None:
        """Every slider key is handled here, in the order typed.

        Textual checks ordinary bindings only after a key has bubbled up to the App, while the
        next key is already on its way to the focused widget; typed quickly (``7 tab 5``), the
        ``5`` would reach this slider before ``tab`` moved the focus. So the slider handles its
        keys itself, moves the focus at once, and hands a key that was sent to it before the
        focus moved on to the slider that has the focus now.
        """
        handler = self._handler(event)
        if handler is None:
            return
        event.stop()
        event.prevent_default()
        focused = self.app.focused
        target = self if focused is self or not isinstance(focused, RatingSlider) else focused
        handler(target)

    def _handler(self, event: events.Key) -> Callable[[RatingSlider], None] | None:
        """What a key does to a slider, or None for keys that are not the slider's."""
        character = event.character or ""
        if len(character) == 1 and character.isdigit():
            return lambda slider: slider.type_digit(character)
        return KEY_HANDLERS.get(event.key)

    def type_digit(self, character: str) -> None:
        """A digit typed: a quick second digit extends the first when that stays on the scale."""
        now = time.monotonic()
        if self._typed and now - self._typed_at <= DIGIT_PAUSE and self.low <= int(self._typed + character) <= self.high:
            self._typed += character
        else:
            self._typed = character
        self._typed_at = now
        typed = int(self._typed)
        if not self.low <= typed <= self.high:
            self._typed = ""
            self.app.bell()
            self.notify(f"{typed} is off the scale ({self.low} to {self.high}); the rating was not changed.", severity="warning")
            return
        self.set_value(typed)

    def _value_at(self, x: int) -> int | None:
        """The scale value under column ``x`` of the widget (None left of the track)."""
        offset = x - TRACK_START
        if offset < 0:
            return None
        track = self.track_width
        cell = min(offset, track - 1)
        if track >= self.points:
            return self.low + cell
        return self.low + round(cell * (self.points - 1) / (track - 1))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        """Click sets the value under the pointer and starts a drag."""
        self.focus()
        value = self._value_at(event.x)
        if value is not None:
            self._dragging = True
            self.capture_mouse()
            self.set_value(value)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        """While dragging, follow the pointer."""
        if self._dragging:
            value = self._value_at(event.x)
            self.set_value(self.low if value is None else value)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        """End a drag."""
        if self._dragging:
            self._dragging = False
            self.release_mouse()


KEY_HANDLERS: dict[str, Callable[[RatingSlider], None]] = {
    "left": lambda s: s.action_step(-1),
    "right": lambda s: s.action_step(1),
    "home": lambda s: s.action_to_end(False),
    "end": lambda s: s.action_to_end(True),
    "backspace": lambda s: s.action_clear(),
    "delete": lambda s: s.action_clear(),
    "up": lambda s: s.action_move_row(-1),
    "down": lambda s: s.action_move_row(1),
    "tab": lambda s: s.action_move(1),
    "shift+tab": lambda s: s.action_move(-1),
}
"""The slider's keys (also listed in BINDINGS, for the footer and F1 help)."""
