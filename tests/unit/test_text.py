"""Unit tests of tui.core.text: cutting text to a width in terminal cells."""

from __future__ import annotations

import pytest
from rich.cells import cell_len

from tui.core.text import ELLIPSIS, truncate


def test_short_text_is_unchanged() -> None:
    """Text that fits comes back as it was."""
    assert truncate("Communication", 20) == "Communication"


def test_exact_width_is_not_cut() -> None:
    """Text exactly as wide as the column is kept whole."""
    assert truncate("abcde", 5) == "abcde"


def test_one_cell_too_long_is_cut_with_ellipsis() -> None:
    """The last cell becomes the ellipsis."""
    assert truncate("abcdef", 5) == "abcd…"


def test_width_zero_and_negative() -> None:
    """No room: nothing at all."""
    assert truncate("abc", 0) == ""
    assert truncate("abc", -3) == ""
    assert truncate("", 0) == ""


def test_width_one() -> None:
    """One cell: the ellipsis alone, or the text when it is one cell."""
    assert truncate("abc", 1) == ELLIPSIS
    assert truncate("a", 1) == "a"
    assert truncate("中", 1) == ELLIPSIS


def test_cjk_counts_two_cells_each() -> None:
    """Wide characters are cut by cells, never overflowing the width."""
    assert truncate("技术人员承诺", 12) == "技术人员承诺"
    assert truncate("技术人员承诺", 7) == "技术人…"
    assert cell_len(truncate("技术人员承诺", 7)) == 7


def test_wide_character_straddling_the_cut_is_left_out() -> None:
    """A wide character that would be half cut goes whole; padding fills the cell."""
    assert truncate("技术人员承诺", 6) == "技术…"
    assert cell_len(truncate("技术人员承诺", 6)) == 5
    assert truncate("技术人员承诺", 6, pad=True) == "技术… "


def test_emoji() -> None:
    """Emoji are two cells."""
    assert truncate("🎯🎯🎯", 6) == "🎯🎯🎯"
    assert truncate("🎯🎯🎯", 5) == "🎯🎯…"
    assert truncate("ok 🎯 done", 6) == "ok 🎯…"
    assert truncate("ok 🎯 done", 5) == "ok …"


@pytest.mark.parametrize("text", ["abc", "技术人员承诺", "a🎯b技c", "", "mixed 技术 and 🎯 emoji"])
@pytest.mark.parametrize("width", [0, 1, 2, 3, 5, 8, 30])
def test_padded_result_is_exactly_the_width(text: str, width: int) -> None:
    """With ``pad`` the result always fills the width exactly, and never exceeds it without."""
    assert cell_len(truncate(text, width, pad=True)) == width
    assert cell_len(truncate(text, width)) <= width


def test_one_line_joins_words() -> None:
    """``one_line`` removes newlines and runs of spaces before measuring."""
    assert truncate("two\n  lines   here", 40, one_line=True) == "two lines here"
    assert truncate("two\n  lines   here", 8, one_line=True) == "two lin…"
