"""The wheel summary's and the guidance list's text: a framework's words as they are, brackets and all."""

from __future__ import annotations

from screens.guidance.guidance import section_prompt
from screens.wheel.summary import numbered
from tests.conftest import rich_text


def test_brackets_in_a_title_are_shown_not_read_as_markup() -> None:
    """An area called "Research [/data]" (a closing tag to Rich) or "Skills [core]" is listed as written."""
    listed = rich_text(numbered(["Research [/data] (3): +2", "Skills [core] (4): +1"]))
    assert "   1. Research [/data] (3): +2" in listed and "   2. Skills [core] (4): +1" in listed
    assert rich_text(section_prompt("Using [bold]the[/bold] framework")) == "• Using [bold]the[/bold] framework"


def test_a_long_line_hangs_under_its_first_word() -> None:
    """At 30 cells the second line of an entry starts under its words, not under the number."""
    lines = rich_text(numbered(["Empowering Professional Development (1): +2 (now 5, would like 7)"]), width=30).splitlines()
    assert lines[0].startswith("   1. Empowering") and len(lines) > 1
    assert all(line.startswith(" " * 6) and line.strip() for line in lines[1:])
