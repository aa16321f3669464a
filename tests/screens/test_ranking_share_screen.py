"""Sharing a ranking for a team from the ranking screen (`x`), by keys, at 80x24 and 200x60.

The file written holds no notes unless ticked in, is named only with the tick (and a name), equals
the preview, is private, and imports with ``framewheel import`` on its own.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, Static

from screens.ranking.ranking import RankingScreen
from screens.ranking.share import RankingShareDialog
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.cli.main import main
from tui.context import AppContext
from tui.widgets.checklist import CheckList

NOTE = "Private: Sam disagreed about working together"
"""A ranking note that must stay out unless ticked in."""

SIZES = [(80, 24), (200, 60)]
"""The design's sizes."""

GROUPS = (("working-together", "service-excellence"), ("wider-context",))
"""A tie at 1, then the rest in the framework's order."""


def ranking_with_notes(context: AppContext) -> int:
    """A stored AHEP ranking with a tie at 1 and a private note; its id."""
    ranking = context.rankings.create(context.framework, "Library team", day="2026-11-20", notes=NOTE, groups=GROUPS)
    return ranking.id


def preview(app: FramewheelApp) -> str:
    """The file shown in the ranking share dialog."""
    return str(app.screen.query_one("#share-preview", Static).content)


async def wait_for(pilot: object, path: Path) -> None:
    """Let the app write ``path`` (a worker writes it after the dialog closes)."""
    for _ in range(40):
        await pilot.pause(0.05)  # type: ignore[attr-defined]
        if path.exists():
            return


async def open_dialog(app: FramewheelApp, pilot: object) -> None:
    """From home: `k` opens the latest ranking, `x` the share dialog."""
    await pilot.press("k")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, RankingScreen)
    await pilot.press("x")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, RankingShareDialog)


@pytest.mark.parametrize("size", SIZES)
async def test_share_without_notes_by_default(context: AppContext, tmp_path: Path, size: tuple[int, int]) -> None:
    """k, x: the preview has the order and no note; ctrl+s writes exactly the preview, privately, anonymous."""
    ranking_with_notes(context)
    target = tmp_path / "mine.json"
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_dialog(app, pilot)
        text = screen_text(app)
        assert "Only what is shown here leaves your machine." in text
        assert "the file is" in text and "anonymous." in text  # the sentence wraps, its end is on screen at 80x24
        shown = json.loads(preview(app))
        assert set(shown) == {"format", "framework", "name", "date", "created", "groups"}
        assert shown["groups"][0] == ["working-together", "service-excellence"] and len(sum(shown["groups"], [])) == 8
        assert NOTE not in preview(app)
        app.screen.query_one("#share-path", Input).value = str(target)
        written = preview(app)
        await pilot.press("ctrl+s")
        await wait_for(pilot, target)
        assert not isinstance(app.screen, RankingShareDialog)
    assert target.read_text(encoding="utf-8") == written
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    doc = json.loads(written)
    assert doc["format"] == "framewheel/ranking@1" and "notes" not in doc and "person" not in doc and "share" not in doc


@pytest.mark.parametrize("size", SIZES)
async def test_notes_and_name_only_when_ticked(context: AppContext, tmp_path: Path, size: tuple[int, int]) -> None:
    """Ticking the notes puts them in; a name alone is not "named"; the tick with a name is."""
    ranking_with_notes(context)
    target = tmp_path / "named.json"
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_dialog(app, pilot)
        parts = app.screen.query_one("#share-parts", CheckList)
        assert app.focused is parts
        parts.highlighted = 0
        await pilot.press("space")
        await pilot.pause()
        assert json.loads(preview(app))["notes"] == NOTE
        app.screen.query_one("#share-person", Input).value = "P-07"
        await pilot.pause()
        doc = json.loads(preview(app))
        assert doc["person"] == "P-07" and "share" not in doc  # a name is not an agreement to be named
        named = app.screen.query_one("#share-named", CheckList)
        named.highlighted = 0
        named.focus()
        await pilot.press("space")
        await pilot.pause()
        assert json.loads(preview(app))["share"] == "named"
        app.screen.query_one("#share-path", Input).value = str(target)
        written = preview(app)
        await pilot.press("ctrl+s")
        await wait_for(pilot, target)
    assert target.read_text(encoding="utf-8") == written
    doc = json.loads(written)
    assert doc["notes"] == NOTE and doc["person"] == "P-07" and doc["share"] == "named"


async def test_named_tick_without_a_name_stays_anonymous_and_escape_writes_nothing(context: AppContext, tmp_path: Path) -> None:
    """The "named" tick without a name: no "share" key; escape closes and nothing is written."""
    ranking_with_notes(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(app, pilot)
        named = app.screen.query_one("#share-named", CheckList)
        named.highlighted = 0
        named.focus()
        await pilot.press("space")
        await pilot.pause()
        assert "share" not in json.loads(preview(app))
        assert "give a name or code" in str(app.screen.query_one("#share-named-hint", Static).content)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RankingScreen)
    assert not (tmp_path / "output").exists()


async def test_default_path_and_the_file_imports_on_its_own(context: AppContext, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """The suggested file is in the output folder; `framewheel import` takes it as one ranking, ties kept."""
    ranking_id = ranking_with_notes(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_dialog(app, pilot)
        path = Path(app.screen.query_one("#share-path", Input).value)
        assert path.parent == tmp_path / "output" and path.name.startswith(f"ranking-share-{ranking_id}-")
        await pilot.press("ctrl+s")
        await wait_for(pilot, path)
    assert NOTE not in path.read_text(encoding="utf-8")
    other = tmp_path / "facilitator.json"
    assert main(["import", "--db", str(other), str(path)]) == 0
    assert "imported 1 ranking" in capsys.readouterr().out
    facilitator = AppContext.open(other, user_dir=tmp_path / "user-frameworks")
    try:
        imported = facilitator.rankings.latest("ahep")
        assert imported is not None and imported.groups[0] == GROUPS[0] and imported.notes == ""
    finally:
        facilitator.close()


async def test_a_new_unsaved_ranking_is_not_shared(context: AppContext) -> None:
    """`x` before the ranking is saved says how to save it and opens no dialog."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, RankingScreen)
        assert "Nothing to share yet" in screen_text(app)
