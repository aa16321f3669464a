"""Screens of frameworks without levels or exemplars: they say so plainly and offer no level keys."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from screens.levels.explore import ExplorerScreen
from screens.levels.finder import FinderScreen
from screens.levels.levels import LevelsScreen
from screens.levels.steps import StepScreen
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext

SIZES = [(80, 24), (200, 60)]
DATA = Path(__file__).resolve().parents[1] / "data"

LEVELS_NO_EXEMPLARS = """\
schema: framewheel/framework@1
id: levels-only
title: Levels only
version: "1"
levels:
  - {id: first, title: First}
  - {id: second, title: Second}
areas:
  - {id: one, title: One}
  - {id: two, title: Two}
  - {id: three, title: Three}
"""


def flat(text: str) -> str:
    """Screen text with panel borders dropped and wrapped lines joined, to find a sentence in it."""
    return " ".join(text.replace("│", " ").split())


def open_context(db_path: Path, tmp_path: Path, framework_id: str) -> AppContext:
    """A context on ``framework_id``, with the test frameworks in the user folder."""
    user = tmp_path / "u"
    user.mkdir(exist_ok=True)
    shutil.copy(DATA / "sixteen-areas.yaml", user / "sixteen-areas.yaml")
    (user / "levels-only.yaml").write_text(LEVELS_NO_EXEMPLARS, encoding="utf-8")
    return AppContext.open(db_path, framework_id, user_dir=user)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("framework_id", ["aspect-core-principles", "technician-commitment", "sixteen-areas"])
async def test_no_level_keys_anywhere(db_path: Path, tmp_path: Path, size: tuple[int, int], framework_id: str) -> None:
    """Levels, step view, explorer and finder of a framework without levels say so, with no level keys."""
    context = open_context(db_path, tmp_path, framework_id)
    try:
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await pilot.press("l")
            await pilot.pause()
            assert isinstance(app.screen, LevelsScreen)
            text = screen_text(app)
            assert "This framework has no levels" in text
            for key in ("Previous level", "Next level", "Step to next"):
                assert key not in text
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, LevelsScreen)
            app.push_screen(StepScreen(0))
            await pilot.pause()
            text = screen_text(app)
            assert "No levels, so no steps" in text
            assert "Lower step" not in text and "Higher step" not in text
            await pilot.press("escape", "escape", "e")
            await pilot.pause()
            assert isinstance(app.screen, ExplorerScreen)
            text = screen_text(app)
            assert "Steps" not in text and "◆ Levels" not in text
            await pilot.press("escape", "f")
            await pilot.pause()
            assert isinstance(app.screen, FinderScreen)
            text = screen_text(app)
            assert "The level finder cannot be used with this framework" in text
            assert "it has no levels" in flat(text)
            assert "No level yet" not in text and "most senior level" not in text
            assert "Consistently" not in text and "New record" not in text
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES)
async def test_finder_without_exemplars_says_why(db_path: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """Levels but no exemplar statements: the finder cannot be used, and says why; the levels screen still works."""
    context = open_context(db_path, tmp_path, "levels-only")
    try:
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await pilot.press("f")
            await pilot.pause()
            text = screen_text(app)
            assert "cannot be used" in text and "no exemplar statements" in flat(text)
            assert "No level yet" not in text and "most senior level" not in text
            await pilot.press("escape", "l")
            await pilot.pause()
            assert isinstance(app.screen, LevelsScreen)
            assert "First" in screen_text(app)
    finally:
        context.close()
