"""No control character from a file reaches the terminal raw: the interface draws them as pictures (issue 14, item 5).

Textual strips only bell, backspace and a few others; before this filter an ESC in a wheel's
label was written to the terminal as it was (``\\x1b]2;PWNED`` retitled the window).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.segment import Segment
from textual.color import Color

from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.wheels import Assessment
from tui.widgets.control_filter import ControlCharacterFilter

HOSTILE = "Evil \x1b]2;PWNED\x07 \x9b31m label\x7f"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_a_label_with_escape_sequences_is_drawn_visibly(context: AppContext, size: tuple[int, int]) -> None:
    """Home's work list shows the hostile label with ␛ and no raw control character anywhere on screen."""
    context.assessments.add(Assessment(id=0, framework_id="ahep", framework_version="2024", label=HOSTILE,
                                       created="2026-01-01T00:00:00+00:00", updated="2026-01-01T00:00:00+00:00"))
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Evil ␛]2;PWNED" in text
        assert not RAW.search(text), "a raw control character reached the screen"
    stored = context.assessments.list()[0]
    assert stored.label == HOSTILE, "only the drawing changes; the stored label is as it was"


def test_the_filter_keeps_the_line_width() -> None:
    """A control character measures no cells and its picture one: the line is cut back to its width."""
    segments = [Segment("ab\x1b[2Jcd"), Segment("  ")]
    width = sum(s.cell_length for s in segments)
    shown = ControlCharacterFilter().apply(segments, Color(0, 0, 0))
    assert "".join(s.text for s in shown) == "ab␛[2Jcd "
    assert sum(s.cell_length for s in shown) == width


def test_lines_without_control_characters_are_left_alone() -> None:
    """The common case returns the very same segments."""
    segments = [Segment("plain text ✔ 日本")]
    assert ControlCharacterFilter().apply(segments, Color(0, 0, 0)) is segments
