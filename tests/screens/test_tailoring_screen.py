"""The tailored framework view, and wheels of the base opened against the tailored copy (Pilot)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Static

from screens.institution.tailoring import NOT_TAILORED, TailoringScreen, open_tailoring
from screens.wheel.history import HistoryScreen
from screens.wheel.rating import RatingScreen
from screens.wheel.summary import SummaryScreen
from tests.conftest import rich_text, screen_text
from tests.helpers.tailored import NEW_EXEMPLAR, write_edited_copy
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.wheels import add_demo_wheels


@pytest.fixture
def tailored(db_path: Path, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A context whose chosen framework is an edited tailored copy of AHEP (ahep-college)."""
    folder = tmp_path / "user-frameworks"
    write_edited_copy(folder)
    ctx = AppContext.open(db_path, "ahep-college", user_dir=folder)
    yield ctx
    ctx.close()


def flat(app: FramewheelApp) -> str:
    """The screen's words in one line: panel borders dropped, wrapped lines joined."""
    return " ".join(re.sub(r"[│╭╮╰╯─▊▎▏▁▔┃█▌▐]", " ", screen_text(app)).split())


def notices(app: FramewheelApp) -> str:
    """The messages of the notifications raised so far, one a line."""
    return "\n".join(n.message for n in app._notifications)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_view_shows_the_changes_from_the_base(tailored: AppContext, size: tuple[int, int]) -> None:
    """The view lists the renamed, added and removed commitments, and (scrolled) the changed exemplar."""
    app = FramewheelApp(tailored)
    async with app.run_test(size=size) as pilot:
        open_tailoring(app.screen)
        await pilot.pause()
        assert isinstance(app.screen, TailoringScreen)
        text = screen_text(app)
        assert "ahep-college against ahep@2024" in text
        assert "Commitments renamed" in text
        assert "Working Together Across the College" in text
        assert "! " not in text.split("Commitments renamed")[0].split("ahep-college against")[0]  # no warning
        whole = app.screen.shown_text  # type: ignore[attr-defined]
        assert "+ digital-practice: Digital Practice" in whole
        assert "- wider-context: Engaging with the Wider Context" in whole
        await pilot.press("end")
        await pilot.pause()
        bottom = flat(app)
        assert "exemplar at associate" in bottom and "their impact on colleagues" in bottom
        if size == (200, 60):
            assert NEW_EXEMPLAR in bottom
        else:  # the wrapped exemplar continues under its text, not under its mark
            assert any(line.startswith("│     on others.") for line in screen_text(app).splitlines())
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, TailoringScreen)


async def test_not_a_tailored_copy_is_said(context: AppContext) -> None:
    """open_tailoring on a framework without based_on notifies instead of opening."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        open_tailoring(app.screen)
        await pilot.pause()
        assert not isinstance(app.screen, TailoringScreen)
        assert NOT_TAILORED in notices(app)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_base_not_loaded_warns_that_the_diff_cannot_be_shown(db_path: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """A copy whose based_on names a framework that is not loaded opens, with the warning on screen."""
    folder = tmp_path / "user-frameworks"
    path = write_edited_copy(folder)
    path.write_text(path.read_text(encoding="utf-8").replace('based_on: "ahep@2024"', "based_on: gone@1"), encoding="utf-8")
    ctx = AppContext.open(db_path, "ahep-college", user_dir=folder)
    try:
        app = FramewheelApp(ctx)
        async with app.run_test(size=size) as pilot:
            open_tailoring(app.screen)
            await pilot.pause()
            text = flat(app)
            assert "based on gone@1, which is not loaded, so the changes from it cannot be shown" in text
            assert "The changes cannot be shown without the base framework" in text
    finally:
        ctx.close()


async def test_home_palette_and_outline_name_the_base(tailored: AppContext) -> None:
    """The home screen says the chosen framework is a tailored copy and offers the view in the palette."""
    app = FramewheelApp(tailored)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        assert "Tailored copy, based on ahep@2024" in screen_text(app)
        titles = [command.title for command in app.screen.screen_commands()]  # type: ignore[attr-defined]
        assert "What the tailored framework changed" in titles


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_base_wheel_opens_against_the_tailored_copy(tailored: AppContext, size: tuple[int, int]) -> None:
    """t in the history: the base wheel's summary on the copy, the removed area's ratings apart; a copies it."""
    ahep = tailored.catalog.frameworks["ahep"]
    older, newer = add_demo_wheels(tailored.assessments, ahep)
    stored = tailored.assessments.get(newer.id)
    app = FramewheelApp(tailored)
    async with app.run_test(size=size) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen) and app.screen.framework.id == "ahep-college"
        whole = rich_text(app.screen.query_one("#summary-text", Static).content)
        assert "Ratings of 'ahep' areas AHEP at Our College does not have (not on the wheel):" in whole
        assert "! wider-context:" in whole
        assert "Working Together Across the College" in whole or "Working together" in whole
        assert tailored.assessments.get(newer.id) == stored  # nothing stored changed
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, RatingScreen) and app.screen.framework.id == "ahep-college"
        assert "the original is unchanged" in notices(app)
        copies = [w for w in tailored.assessments.list() if w.framework_id == "ahep-college"]
        assert len(copies) == 1 and copies[0].ratings == stored.ratings  # type: ignore[union-attr]
        assert "wider-context" in flat(app) or size == (80, 24)
        assert tailored.assessments.get(newer.id) == stored


async def test_history_keys_refuse_a_wheel_of_another_framework(tailored: AppContext) -> None:
    """t on a wheel that is not of the copy's base says so, and opens nothing."""
    tailored.assessments.create(tailored.catalog.frameworks["aspect-core-principles"], label="Aspect wheel")
    app = FramewheelApp(tailored)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "“Aspect wheel” was made on 'aspect-core-principles'" in notices(app)
