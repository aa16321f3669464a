"""Every screen and dialog at 80x24 shows whole words: walked by keys from home on the demo data, each screen's
text is checked against the texts its widgets were given, and a word cut mid-word (not ended by `…`) fails.

The detector itself is tested on cut strings first, so the walk's passing means something."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from screens.home import HomeScreen
from tests.helpers.waiting import wait_until
from tests.conftest import screen_text
from tests.helpers.whole_words import cut_words, plain, source_texts
from textual.widgets import Static
from tui.app import FramewheelApp
from tui.context import AppContext

WALK: list[tuple[str, ...]] = [
    (),
    ("f1",),
    ("w",), ("w", "f1"), ("w", "r"), ("w", "s"), ("w", "v"), ("w", "enter"), ("w", "x"),
    ("h",), ("h", "d"), ("h", "v"), ("h", "s"), ("h", "r"), ("h", "x"), ("h", "f1"),
    ("l",), ("e",), ("e", "slash"), ("e", "s"), ("f",), ("f", "f1"),
    ("k",), ("k", "r"), ("k", "o"), ("k", "x"),
    ("p",), ("p", "n"), ("p", "s"), ("p", "d"),
    ("b",), ("b", "n"), ("b", "d"), ("b", "enter"), ("b", "enter", "f1"), ("b", "enter", "v"), ("b", "enter", "m"),
    ("t",), ("t", "v"),
    ("g",), ("s",), ("s", "n"),
    ("o",), ("o", "enter"),
    ("i",), ("i", "c"), ("i", "v"), ("i", "n"), ("i", "t"),
]
"""The key paths from home that open every screen and dialog (each from a fresh home)."""


def test_detector_finds_a_cut_word() -> None:
    """A word shown cut against its source is found; a whole word and a word ended by `…` are not."""
    sources = ["This cannot be undone", "your role and your performance", "Changed", "Quit"]
    found = cut_words(["This cannot be undo", "and your perform", "Chan… ^q Quit"], sources)
    assert [(line, word) for line, word, _ in found] == [(0, "undo"), (1, "perform")]
    assert cut_words(["^q Qu"], sources) == [(0, "Qu", "quit")]


async def back_home(app: FramewheelApp, pilot: Any) -> None:
    """Close every screen above home."""
    for _ in range(12):
        if isinstance(app.screen, HomeScreen):
            return
        try:
            app.pop_screen()
        except Exception:  # a screen that cannot be popped now: let the app settle and try again
            pass
        await pilot.pause()
    assert isinstance(app.screen, HomeScreen)


async def test_every_screen_shows_whole_words(tmp_path: Path) -> None:
    """At 80x24, no screen or dialog of the walk shows a word cut mid-word.

    (At 200x60 the walk would only add the long paths scrolled inside file-name fields, which an
    input box clips by design; the wide layouts are checked by each screen's own tests.)
    """
    size = (80, 24)
    context = AppContext.open_demo(user_dir=tmp_path / "none")
    app = FramewheelApp(context)
    problems: list[str] = []
    async with app.run_test(size=size) as pilot:
        for path in WALK:
            await back_home(app, pilot)
            await pilot.pause()
            for key in path:
                await pilot.press(key)
                await pilot.pause()
                await pilot.pause()
            await pilot.pause(0.1)
            lines = screen_text(app).splitlines()
            sources = [text for screen in app.screen_stack for text in source_texts(screen)]
            where = " ".join(path) or "home"
            for number, word, whole in cut_words(lines, sources):
                problems.append(f"[{where}] {type(app.screen).__name__} line {number}: '{word}' (of '{whole}'): {lines[number].strip()}")
    context.close()
    assert problems == [], "\n".join(problems)


async def test_help_lists_a_sliders_digits_and_backspace(tmp_path: Path) -> None:
    """F1 on the rating screen, a slider focused, lists the digits and backspace with the other keys."""
    context = AppContext.open_demo(user_dir=tmp_path / "none")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        keys = plain(app.screen.query_one("#help-keys", Static).content)  # the whole key table, scrolled or not
        assert "0-9" in keys and "Type the value" in keys
        assert "⌫" in keys and "Not rated" in keys  # backspace, as Textual shows it
    context.close()


def test_footer_keeps_whole_keys_and_f1() -> None:
    """The footer drops keys from the end until the rest fit, and never drops F1."""
    from textual.widgets._footer import FooterKey

    from tui.widgets.key_footer import keys_that_fit

    keys = [FooterKey("escape", "esc", "Back", "back"), FooterKey("n", "n", "New plan", "new"),
            FooterKey("ctrl+q", "^q", "Quit", "quit"), FooterKey("f1", "f1", "Help", "help")]
    assert [key.key for key in keys_that_fit(keys, 40, compact=False)] == ["escape", "n", "ctrl+q", "f1"]
    assert [key.key for key in keys_that_fit(keys, 31, compact=False)] == ["escape", "n", "f1"]
    assert [key.key for key in keys_that_fit(keys, 8, compact=False)] == ["f1"]


async def test_narrow_footer_shows_no_cut_key(tmp_path: Path) -> None:
    """At 80x24 the action plans' footer ends with whole keys and F1; at 200x60 it has room for every key."""
    context = AppContext.open_demo(user_dir=tmp_path / "none")
    for size, expect_quit in (((80, 24), False), ((200, 60), True)):
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("b")
            await pilot.pause()
            footer = screen_text(app).splitlines()[-1]
            assert "f1 Help" in footer and ("^q Quit" in footer) == expect_quit
            assert not cut_words([footer], ["Quit", "Help", "Commands", "Back", "New plan", "Edit header", "Delete", "Import CSV"])
    context.close()


async def test_footer_refits_on_a_wider_terminal_and_is_not_rebuilt_for_nothing(tmp_path: Path) -> None:
    """Widening the terminal fits more keys, narrowing drops them again; a height change keeps the same keys."""
    from textual.widgets._footer import FooterKey

    context = AppContext.open_demo(user_dir=tmp_path / "none")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await wait_until(pilot, lambda: "f1 Help" in screen_text(app).splitlines()[-1])
        assert "^q Quit" not in screen_text(app).splitlines()[-1]
        await pilot.resize_terminal(200, 60)
        await wait_until(pilot, lambda: "^q Quit" in screen_text(app).splitlines()[-1], what="the wider footer")
        keys = list(app.screen.query(FooterKey))
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        await pilot.pause()
        assert list(app.screen.query(FooterKey)) == keys  # the same widgets: not built again
        await pilot.resize_terminal(80, 24)
        await wait_until(pilot, lambda: "^q Quit" not in screen_text(app).splitlines()[-1], what="the narrower footer")
        assert "f1 Help" in screen_text(app).splitlines()[-1]
    context.close()
