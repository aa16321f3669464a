"""While a dialog is up, the footer shows the dialog's own keys, never the keys of the screen behind it, and it
covers nothing of the dialog: the note dialog, the history's rename, the plan's objective form, the team room's
"Read a team's share files", the report header and the 1:1 report preview, at 80x24 and 200x60. Every dialog of
screens/ is a FramewheelDialog, so a new one gets its footer too."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from pathlib import Path
from typing import Any

import pytest
from textual.screen import ModalScreen, Screen
from textual.widgets import Label
from textual.widgets._footer import FooterKey

import screens
from screens.base import FramewheelDialog
from screens.dialogs.report_header import ReportHeaderDialog
from screens.dialogs.report_preview import ReportPreview
from screens.dialogs.text_input import TextDialog
from screens.plan.objective_dialog import ObjectiveDialog
from tests.conftest import screen_text
from tests.helpers.waiting import wait_until
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.widgets.key_footer import KeyFooter

SIZES = [(80, 24), (200, 60)]
"""The smallest terminal framewheel lays out in, and a large one."""


def bottom_line(app: FramewheelApp) -> str:
    """The last line of the terminal: where the footer is."""
    return screen_text(app).splitlines()[-1]


def shown_keys(screen: Screen[Any]) -> list[str]:
    """The keys (key and description, as shown) of the footer of ``screen``."""
    return [f"{key.key_display} {key.description}".strip() for footer in screen.query(KeyFooter)
            for key in footer.query(FooterKey)]


def dialog_footer_keys(app: FramewheelApp) -> list[str]:
    """The keys (key and description, as shown) of the footer of the dialog in front."""
    return shown_keys(app.screen)


async def footer_built(app: FramewheelApp, pilot: Any, what: str) -> None:
    """Wait until the dialog in front is up with its footer built (its keys shown on the bottom line)."""
    def built() -> bool:
        if not isinstance(app.screen, FramewheelDialog) or not app.screen.query(KeyFooter):
            return False
        keys = dialog_footer_keys(app)
        return bool(keys) and keys[0] in bottom_line(app)
    await wait_until(pilot, built, what=f"the footer of {what}")


def behind_only_keys(app: FramewheelApp) -> list[str]:
    """The keys shown in the footer of the screen behind the dialog that the dialog's footer does not show."""
    own = set(dialog_footer_keys(app))
    return [key for key in shown_keys(app.screen_stack[-2]) if key not in own]


def covered_by_footer(app: FramewheelApp) -> list[str]:
    """The parts of the dialog in front that reach into its footer's line (none when it fits above)."""
    footer = app.screen.query_one(KeyFooter)
    parts = [child for child in app.screen.children
             if child is not footer and child.display and child.id not in ("textual-toastrack", "textual-tooltip")]
    assert parts, "the dialog shows nothing"
    return [f"{part!r} ends on row {part.region.bottom}, the footer is row {footer.region.y}"
            for part in parts if part.region.bottom > footer.region.y]


def assert_own_keys(app: FramewheelApp, expected: list[str], *, keys_behind: bool = True) -> None:
    """The bottom line shows the dialog's ``expected`` keys, none of the keys of the screen behind, and covers nothing.

    ``keys_behind``: the footer of the screen behind is checked to have keys of its own (else the check that none
    of them shows proves nothing); False for a dialog opened as its screen starts, whose footer may not be built.
    """
    line = bottom_line(app)
    for key in expected:
        assert key in line, f"{key!r} is not in the footer {line!r}"
    left_behind = behind_only_keys(app)
    if keys_behind:
        assert left_behind, "the screen behind shows keys of its own"
    assert [key for key in left_behind if key in line] == []
    assert covered_by_footer(app) == []


def test_every_dialog_is_a_framewheel_dialog() -> None:
    """Every ModalScreen defined in screens/ is a FramewheelDialog (so it shows its own keys at the bottom)."""
    found: list[type[ModalScreen[Any]]] = []
    for module_info in pkgutil.walk_packages(screens.__path__, f"{screens.__name__}."):
        module = importlib.import_module(module_info.name)
        found += [cls for _, cls in inspect.getmembers(module, inspect.isclass)
                  if issubclass(cls, ModalScreen) and cls.__module__ == module.__name__ and cls is not FramewheelDialog]
    assert {"ConfirmDialog", "TextDialog", "ReportPreview", "ObjectiveDialog", "HelpScreen"} <= {cls.__name__ for cls in found}
    assert [cls.__name__ for cls in found if not issubclass(cls, FramewheelDialog)] == []


@pytest.mark.parametrize("size", SIZES)
async def test_the_note_dialog_shows_its_own_keys_not_the_rating_screens(context: AppContext,
                                                                         size: tuple[int, int]) -> None:
    """`w` then `enter`: the rating screen's footer (Wheel/bars, Chart ...) gives way to the note dialog's `esc Cancel`."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("w")
        await wait_until(pilot, lambda: "Wheel/bars" in bottom_line(app), what="the rating screen's footer")
        await pilot.press("enter")
        await footer_built(app, pilot, "the note dialog")
        assert isinstance(app.screen, TextDialog) and app.screen.title_text.startswith("Note on")
        line = bottom_line(app)
        assert "esc Cancel" in line
        for behind in ("Wheel/bars", "Chart", "Note", "Reflection", "Back"):
            assert behind not in line
        assert covered_by_footer(app) == []
        await pilot.press(*"b v", "enter")  # in the dialog, b and v type letters: the note is kept, as typed
        await wait_until(pilot, lambda: not isinstance(app.screen, TextDialog), what="the note kept")
        await wait_until(pilot, lambda: "Wheel/bars" in bottom_line(app), what="the rating screen's footer again")


DEMO_DIALOGS: list[tuple[tuple[str, ...], type[Any], list[str]]] = [
    (("h", "r"), TextDialog, ["esc Cancel"]),
    (("p", "enter"), ObjectiveDialog, ["^s Save objective", "esc Cancel"]),
    (("t",), TextDialog, ["esc Cancel"]),  # opened as the team room starts: its line was blank
    (("p", "x"), ReportHeaderDialog, ["esc Cancel", "^s Keep"]),
    (("p", "x", "A", "enter"), ReportPreview, ["m Write Markdown", "h Write HTML", "e Edit header", "esc Close"]),
]
"""Key paths from home on the demo data to a dialog, the dialog, and the keys its footer shows."""


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("keys", "dialog", "expected"), DEMO_DIALOGS, ids=[" ".join(keys) for keys, _, _ in DEMO_DIALOGS])
async def test_a_dialog_shows_its_own_keys(tmp_path: Path, keys: tuple[str, ...], dialog: type[Any],
                                           expected: list[str], size: tuple[int, int]) -> None:
    """The history's rename, the objective form, the team's files, the report header and preview: their keys only."""
    context = AppContext.open_demo(user_dir=tmp_path / "none")
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await wait_until(pilot, lambda: isinstance(app.screen, dialog), what=dialog.__name__)
        await footer_built(app, pilot, dialog.__name__)
        team_files = keys == ("t",)
        assert_own_keys(app, expected, keys_behind=not team_files)
        if team_files:
            assert isinstance(app.screen, TextDialog) and app.screen.title_text == "Read a team's share files"


MORE_DIALOGS: list[tuple[str, ...]] = [
    ("f1",), ("w", "x"), ("h", "d"), ("e", "slash"), ("k", "r"), ("p", "s"), ("b", "n"), ("i", "n"), ("i", "v", "n"),
]
"""Key paths from home on the demo data to other dialogs: help, share, confirm, search, a ranking's details, the
suggestions, a plan's header, an activity and an institution value (the tall ones fill the screen above the footer)."""


@pytest.mark.parametrize("size", SIZES)
async def test_every_dialog_of_the_walk_shows_its_keys_above_nothing(tmp_path: Path, size: tuple[int, int]) -> None:
    """Each dialog shows its own keys at the bottom, none of the screen's behind, and its footer covers none of it."""
    context = AppContext.open_demo(user_dir=tmp_path / "none")
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        for keys in MORE_DIALOGS:
            while len(app.screen_stack) > 1:
                app.pop_screen()
                await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            await footer_built(app, pilot, " ".join(keys))
            own = dialog_footer_keys(app)
            assert own and all(key in bottom_line(app) for key in own[:2]), keys
            assert [key for key in behind_only_keys(app) if key in bottom_line(app)] == [], keys
            assert covered_by_footer(app) == [], keys


@pytest.mark.parametrize("size", SIZES)
async def test_the_report_preview_says_where_files_go_before_anything_is_written(
        tmp_path: Path, size: tuple[int, int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Before a write the preview says "Files go to FOLDER", never "Written to"; the write is then said with its file."""
    out = tmp_path / "out"
    monkeypatch.setenv("FRAMEWHEEL_OUTPUT_DIR", str(out))
    context = AppContext.open_demo(user_dir=tmp_path / "none")
    app = FramewheelApp(context)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("p", "x", "A", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReportPreview), what="the preview")
        await footer_built(app, pilot, "the preview")
        said = str(app.screen.query_one("#report-preview-keys", Label).content)
        assert said.startswith(f"Files go to {out}; nothing is written until m or h.")
        assert "Files go to" in screen_text(app) and "Written to" not in screen_text(app) and not out.exists()
        await pilot.press("m")
        await wait_until(pilot, lambda: not isinstance(app.screen, ReportPreview), what="the preview closed")
        [written] = out.glob("report-*.md")
        messages = [str(notification.message) for notification in app._notifications]
        assert any(f"written to {written}" in message for message in messages)
