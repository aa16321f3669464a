"""The Guidance activity, the rendered descriptions and the framework's own team questions, with Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Markdown, OptionList

from screens.dialogs.help import HelpScreen
from screens.guidance.guidance import GuidanceScreen
from screens.home import HomeScreen
from screens.ranking.ranking import RankingScreen
from screens.wheel.rating import RatingScreen
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext

SIZES = [(80, 24), (200, 60)]

TEAM_TITLE = "Hints and tips for using the Framework to enhance team performance"


async def open_section(app: FramewheelApp, pilot: object, title: str) -> None:
    """Highlight the section called ``title`` and open it (`enter`)."""
    screen = app.screen
    assert isinstance(screen, GuidanceScreen)
    index = next(i for i, section in enumerate(screen.sections) if section.title == title)
    screen.query_one("#guidance-list", OptionList).highlighted = index
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.press("enter")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]


@pytest.mark.parametrize("size", SIZES)
async def test_guidance_lists_sections_and_renders_markdown(context: AppContext, size: tuple[int, int]) -> None:
    """`g` lists AHEP's sections; a section's Markdown is rendered: bold words shown, no `**`."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GuidanceScreen)
        text = screen_text(app)
        assert "About this framework" in text
        assert "Hints and tips for using the" in text and "Hints and tips for successful" in text
        rows = [row.strip("│ ") for row in text.splitlines()]
        assert sum(row.startswith("• ") for row in rows) == 4  # one bullet a section, however many lines it takes
        wrapped = next(line for line in text.splitlines() if "professional development" in line and "•" not in line)
        assert wrapped.startswith("│   ")  # a wrapped title's next line hangs under its first word
        await open_section(app, pilot, TEAM_TITLE)
        await pilot.pause(0.3)
        text = screen_text(app)
        assert "Provide a briefing session" in text
        assert "**" not in text
        body = app.screen.query_one("#guidance-body", Markdown)
        assert "**Provide a briefing session**" in body.source
        await pilot.press("right_square_bracket")
        await pilot.pause(0.3)
        assert "Be clear" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        if size[0] < 100:  # the text took the screen: escape comes back to the list first
            assert isinstance(app.screen, GuidanceScreen)
            assert app.screen.query_one("#guidance-list").display
            await pilot.press("escape")
            await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_guidance_of_aspect_holds_introduction_and_code(db_path: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """Aspect's guidance lists its introduction, conclusion and code of conduct, rendered."""
    context = AppContext.open(db_path, "aspect-core-principles", user_dir=tmp_path / "u")
    try:
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await pilot.press("g")
            await pilot.pause()
            text = screen_text(app)
            for title in ("Introduction", "Practical applications", "Conclusion", "Code of conduct: personal conduct"):
                assert title in text
            await open_section(app, pilot, "Introduction")
            await pilot.pause(0.3)
            text = screen_text(app)
            assert "The first Core Principles for Education Improvement Professionals" in text
            assert "*Core" not in text
    finally:
        context.close()


async def test_help_points_to_guidance_and_opens_it(context: AppContext) -> None:
    """F1 help names the guidance key, and `g` in the help opens the guidance."""
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "g guidance for this framework" in screen_text(app)
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GuidanceScreen)


async def test_guidance_is_in_the_registry_and_the_activities_panel(context: AppContext) -> None:
    """The Guidance launcher comes from the registry: key g on home, listed in the Activities panel."""
    launcher = context.activities.launcher("guidance")
    assert launcher is not None and launcher.key == "g"
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert " g  Guidance" in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_home_and_explorer_show_the_description_rendered(db_path: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """The framework's description is on home's outline and the explorer's "About" entry, without Markdown marks."""
    context = AppContext.open(db_path, "aspect-core-principles", user_dir=tmp_path / "u")
    try:
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            summary = str(app.screen.query_one("#framework-summary").render())
            assert "Educational development and improvement professionals should:" in summary
            assert "**" not in summary
            await pilot.press("e")
            await pilot.pause()
            await pilot.press("home")
            await pilot.pause()
            text = screen_text(app)
            assert "About this framework" in text
            assert "Educational development and" in text and "**" not in text
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES)
async def test_rating_screen_renders_aspect_descriptions(db_path: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """The focused principle's description on the rating screen is rendered: no `**`, the words there."""
    context = AppContext.open(db_path, "aspect-core-principles", user_dir=tmp_path / "u")
    try:
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await pilot.press("w")
            await pilot.pause()
            assert isinstance(app.screen, RatingScreen)
            detail = app.screen.query_one("#area-detail").render()
            assert "Encourage personalised success" in str(detail)
            assert "**" not in str(detail)
            assert "**" not in screen_text(app)
    finally:
        context.close()


QUESTIONS_FILE = """\
schema: framewheel/framework@1
id: own-questions
title: Own questions
version: "1"
area_name: theme
areas:
  - {id: one, title: One, description: "**Bold** start"}
  - {id: two, title: Two}
  - {id: three, title: Three}
team_questions:
  - How do we practise this theme here?
  - Who could show the rest of us?
"""


@pytest.mark.parametrize("size", SIZES)
async def test_ranking_shows_the_files_own_questions(db_path: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """The ranking screen shows a file's `team_questions` word for word, and the descriptor rendered."""
    user = tmp_path / "u"
    user.mkdir()
    (user / "own.yaml").write_text(QUESTIONS_FILE, encoding="utf-8")
    context = AppContext.open(db_path, "own-questions", user_dir=user)
    try:
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await pilot.press("k")
            await pilot.pause()
            assert isinstance(app.screen, RankingScreen)
            descriptor = str(app.screen.query_one("#descriptor").render())
            assert "How do we practise this theme here?" in descriptor
            assert "Who could show the rest of us?" in descriptor
            assert "What exactly" not in descriptor
            assert "Bold start" in descriptor and "**" not in descriptor
    finally:
        context.close()


async def test_ranking_of_ahep_shows_the_guides_questions(context: AppContext) -> None:
    """AHEP's questions come from its file: the guide's wording, "professional commitment" and all."""
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("k")
        await pilot.pause()
        descriptor = str(app.screen.query_one("#descriptor").render())
        assert "What exactly does this professional commitment mean in our context?" in descriptor
        assert "What additional development might the team need in this area?" in descriptor
