"""The ASCII fallbacks: when they are used (TERM, locale, override), one cell each, and the F12 SVG's split runs."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.segment import Segment
from textual.color import Color

from tui.widgets.glyphs import FALLBACKS, AsciiFilter, ascii_text, ascii_wanted, key_text
from tui.widgets.screenshot import spaced_svg


@pytest.mark.parametrize(("environ", "wanted"), [
    ({"TERM": "linux", "LANG": "en_GB.UTF-8"}, True),
    ({"TERM": "xterm-256color", "LANG": "en_GB.UTF-8"}, False),
    ({"TERM": "xterm", "LANG": "C.UTF-8"}, False),
    ({"TERM": "xterm", "LANG": "en_US.utf8"}, False),
    ({"TERM": "xterm", "LANG": "en_GB.ISO-8859-1"}, True),
    ({"TERM": "xterm", "LC_ALL": "C", "LANG": "en_GB.UTF-8"}, True),  # LC_ALL first
    ({"TERM": "xterm", "LC_CTYPE": "en_GB.UTF-8", "LANG": "C"}, False),  # then LC_CTYPE
    ({"TERM": "xterm"}, False),  # no locale set: UTF-8 assumed
    ({"TERM": "linux", "FRAMEWHEEL_GLYPHS": "unicode"}, False),
    ({"TERM": "xterm", "LANG": "C.UTF-8", "FRAMEWHEEL_GLYPHS": "ascii"}, True),
])
def test_ascii_wanted_from_the_environment(environ: dict[str, str], wanted: bool) -> None:
    """The Linux console and a locale that is not UTF-8 get ASCII; the override decides when set."""
    assert ascii_wanted(environ) is wanted


def test_every_fallback_is_one_ascii_cell() -> None:
    """Each glyph's stand-in is one printable ASCII character, so no layout moves."""
    for glyph, fallback in FALLBACKS.items():
        assert len(fallback) == 1 and fallback.isascii() and fallback.isprintable(), glyph
        assert cell_len(glyph) == 1, glyph


def test_ascii_text_keeps_widths_and_plain_text() -> None:
    """Symbols become their fallbacks, Latin-1 letters stay, others become ? per cell."""
    assert ascii_text("R ● 8  A ▲ 13  G ✔ 12  ⚑ 1 red needs a comment…") == "R * 8  A ^ 13  G + 12  ! 1 red needs a comment~"
    assert ascii_text("café £5") == "café £5"
    assert ascii_text("日本") == "????"
    assert ascii_text("plain") == "plain"


def test_every_box_and_block_character_has_a_line_or_a_joint() -> None:
    """All of U+2500-U+259F (Rich's mixed heavy and light table joints, Textual's frames) is drawn as ASCII, none as ``?``."""
    for code in range(0x2500, 0x25A0):
        drawn = ascii_text(chr(code))
        assert len(drawn) == 1 and drawn.isascii() and drawn != "?", (hex(code), drawn)
    assert ascii_text("┡━━╇━━┩") == "+--+--+"  # a Rich table's head rule
    assert ascii_text("┆╎┊") == "|||" and ascii_text("┈╼╾") == "---"
    assert ascii_text("╱╲╳") == "/\\X"
    assert ascii_text("█▀▀▀█") == "#####"  # a dialog's thick frame: its top as solid as its sides


def test_key_names_are_spelt_out() -> None:
    """The footer's ⏎ and arrows become words."""
    assert key_text("⏎") == "enter" and key_text("⇧↑") == "shift+up"


def test_filter_changes_only_text() -> None:
    """The line filter keeps styles and control segments; an all-ASCII line is returned as it is."""
    plain = [Segment("abc")]
    assert AsciiFilter().apply(plain, Color(0, 0, 0)) is plain
    out = AsciiFilter().apply([Segment("● x", None), Segment("", None, [])], Color(0, 0, 0))
    assert out[0].text == "* x" and out[1].control == []


def test_spaced_svg_splits_runs_at_their_columns() -> None:
    """A run with leading blanks and a gap is split; each part starts at its own column; single spaces stay."""
    element = ('<text class="t-r2" x="24.4" y="68.8" textLength="158.6" clip-path="url(#t-line-2)">'
               '&#160;&#160;1&#160;Prof.&#160;&#160;&#160;W</text>')
    out = spaced_svg(f"<svg>{element}</svg>")
    assert 'x="48.8" y="68.8" textLength="85.4" clip-path="url(#t-line-2)">1&#160;Prof.</text>' in out
    assert 'x="170.8" y="68.8" textLength="12.2" clip-path="url(#t-line-2)">W</text>' in out
    assert out.count("<text") == 2
    untouched = '<text class="t-r2" x="0" y="1" textLength="24.4" clip-path="url(#t-line-0)">ab</text>'
    assert spaced_svg(untouched) == untouched
