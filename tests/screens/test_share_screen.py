"""Sharing a wheel for a team from the wheel history and the rating screen, by keys, at 80x24 and 200x60."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from screens.dialogs.share import ShareDialog
from screens.wheel.history import HistoryScreen
from screens.wheel.rating import RatingScreen
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.widgets.checklist import CheckList

NOTE, ANSWER = "Only for me: the café talk", "Monthly with Zoë"
"""A note and a reflection answer that must stay out unless ticked in."""

SIZES = [(80, 24), (200, 60)]
"""The design's sizes."""


def wheel_with_text(context: AppContext) -> int:
    """A rated wheel with a note and a reflection answer; its id."""
    framework = context.framework
    wheel = context.assessments.create(framework, "Before my 1:1")
    for area in framework.areas:
        context.assessments.set_rating(wheel.id, framework, area.id, "current", 5)
    context.assessments.set_note(wheel.id, framework.areas[0].id, NOTE)
    context.assessments.set_reflection(wheel.id, 0, ANSWER)
    return wheel.id


def preview(app: FramewheelApp) -> str:
    """The file shown in the share dialog."""
    return str(app.screen.query_one("#share-preview", Static).content)


async def share_with_notes(app: FramewheelApp, pilot: object, target: Path) -> None:
    """In the open dialog: ratings only at first, tick the notes, see them, write to ``target``."""
    assert isinstance(app.screen, ShareDialog)
    shown = json.loads(preview(app))
    assert set(shown) == {"format", "framework", "created", "ratings"}
    assert NOTE not in preview(app) and ANSWER not in preview(app)
    assert "Only what is shown here leaves your machine" in str(app.screen.query_one("#share-confidential", Static).content)
    parts = app.screen.query_one("#share-parts", CheckList)
    assert app.focused is parts
    parts.highlighted = 0
    await pilot.press("space")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert parts.ticked == ["notes"]
    assert NOTE in preview(app) and ANSWER not in preview(app)
    app.screen.query_one("#share-path", Input).value = str(target)
    written = preview(app)
    await pilot.press("ctrl+s")  # type: ignore[attr-defined]
    for _ in range(20):
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        if target.exists():
            break
    assert not isinstance(app.screen, ShareDialog)
    assert target.read_text(encoding="utf-8") == written
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    doc = json.loads(written)
    assert NOTE in doc["notes"].values() and "reflections" not in doc and "person" not in doc and "share" not in doc


@pytest.mark.parametrize("size", SIZES)
async def test_share_from_history(context: AppContext, tmp_path: Path, size: tuple[int, int]) -> None:
    """h, x on the highlighted wheel: the dialog previews the file; the notes go in only when ticked."""
    wheel_with_text(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("x")
        await pilot.pause()
        await share_with_notes(app, pilot, tmp_path / "from-history.json")


@pytest.mark.parametrize("size", SIZES)
async def test_share_from_the_rating_screen(context: AppContext, tmp_path: Path, size: tuple[int, int]) -> None:
    """h, enter, x on the rating screen: the same dialog and file."""
    wheel_with_text(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RatingScreen)
        await pilot.press("x")
        await pilot.pause()
        await share_with_notes(app, pilot, tmp_path / "from-rating.json")


async def test_named_needs_a_name_and_escape_writes_nothing(context: AppContext, tmp_path: Path) -> None:
    """Ticking "named" without a name leaves the file anonymous; with a name it says named; escape cancels."""
    wheel_with_text(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "x")
        await pilot.pause()
        named = app.screen.query_one("#share-named", CheckList)
        named.highlighted = 0
        named.focus()
        await pilot.press("space")
        await pilot.pause()
        assert "share" not in json.loads(preview(app))
        app.screen.query_one("#share-person", Input).value = "P-07"
        await pilot.pause()
        doc = json.loads(preview(app))
        assert doc["person"] == "P-07" and doc["share"] == "named"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
    assert not (tmp_path / "output").exists()


async def test_default_path_is_in_the_output_folder(context: AppContext, tmp_path: Path) -> None:
    """The suggested file is share-<id>-<date>.json in the output folder, which is made when written."""
    wheel_id = wheel_with_text(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "x")
        await pilot.pause()
        path = Path(app.screen.query_one("#share-path", Input).value)
        assert path.parent == tmp_path / "output" and path.name.startswith(f"share-{wheel_id}-")
        await pilot.press("ctrl+s")
        for _ in range(20):
            await pilot.pause(0.05)
            if path.exists():
                break
        assert NOTE not in path.read_text(encoding="utf-8")
