"""The workshop driven by keys at 80x24 and 200x60: s on home, the default steps, enter presents in presentation
mode, right/pagedown and left/pageup step through, save under a name and reopen, missing data, no names on screen."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from textual.widgets import DataTable

from screens.dialogs.text_input import TextDialog
from screens.home import HomeScreen
from screens.workshop.add_step import AddStepDialog
from screens.workshop.present import WorkshopScreen
from screens.workshop.saved import WorkshopListScreen
from screens.workshop.sequence import SequenceScreen
from styles.presentation import PRESENTATION_THEME_NAME
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.team_profiles import demo_saved_profiles
from tui.core.workshop import BOARD, COMMITMENT, TEAM_WHEEL, WorkshopStep

SIZES = [(80, 24), (200, 60)]
"""The design's sizes."""


def flat(text: str) -> str:
    """Screen text with runs of spaces and line ends made one space (for sentences that wrap)."""
    return " ".join(text.split())


@pytest.fixture
def demo(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A demo context: saved team profiles, action plans and "Demo workshop"."""
    context = AppContext.open_demo(user_dir=tmp_path / "u")
    yield context
    context.close()


async def open_editor(app: FramewheelApp, pilot) -> SequenceScreen:  # type: ignore[no-untyped-def]
    """`s` on home: the sequence editor."""
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(app.screen, SequenceScreen)
    return app.screen


@pytest.mark.parametrize("size", SIZES)
async def test_stepping_through_the_default_workshop(demo: AppContext, size: tuple[int, int]) -> None:
    """s, enter: the commitments with their descriptor and team questions, the wheel, the spreads, back again, the board."""
    app = FramewheelApp(demo)
    async with app.run_test(size=size) as pilot:
        editor = await open_editor(app, pilot)
        assert len(editor.entries) == 19 and not app.presenting
        assert "Team profile: Research support team" in flat(screen_text(app))
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, WorkshopScreen)
        assert app.presenting and app.theme == PRESENTATION_THEME_NAME
        text = flat(screen_text(app))
        assert "Commitment: 1. Empowering Professional Development" in text and "1 of 19" in text
        footer = next(line for line in screen_text(app).splitlines() if "1 of 19" in line)
        assert footer.rstrip().endswith("esc back")  # the keys whole at 80 columns: a long name is shortened
        assert "Investing in development to enhance professional skills" in text
        assert "1. What exactly does this professional commitment mean in our context?" in text
        await pilot.press("right")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Commitment: 2. Demonstrating Responsible Practice and Personal Integrity" in text and "2 of 19" in text
        for _ in range(6):
            await pilot.press("pagedown")
        await pilot.press("right")
        await pilot.pause(0.3)
        text = flat(screen_text(app))
        assert "Team wheel (medians)" in text and "9 of 19" in text and "Prof. development" in text
        await pilot.press("right")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Spread: 1. Empowering Professional Development" in text and "10 of 19" in text and "median" in text and "people" in text
        assert "2 Demonstrating Responsible" not in text
        await pilot.press("left")
        await pilot.pause()
        assert "Team wheel (medians)" in flat(screen_text(app))
        await pilot.press("pageup")
        await pilot.pause()
        assert "Commitment: 8. Engaging with the Wider Context" in flat(screen_text(app))
        await pilot.press("end")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "RAG board" in text and "19 of 19" in text and "Institution action plan" in text and "R ● Red" in text
        await pilot.press("left")
        await pilot.pause()
        assert "Team ranking" in flat(screen_text(app)) and "Kendall" in flat(screen_text(app))
        await pilot.press("home")
        await pilot.pause()
        assert "1 of 19" in flat(screen_text(app))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SequenceScreen) and not app.presenting


@pytest.mark.parametrize("size", SIZES)
async def test_a_sequence_kept_under_a_name_reopens_with_the_same_steps(demo: AppContext, size: tuple[int, int]) -> None:
    """Take a step out, move one, s saves it under a name; reopened from home's list and from v, the same steps in order."""
    app = FramewheelApp(demo)
    async with app.run_test(size=size) as pilot:
        editor = await open_editor(app, pilot)
        await pilot.press("down", "space")  # commitment 2 out
        await pilot.press("down", "shift+up")  # commitment 3 above commitment 2
        await pilot.pause()
        wanted = tuple(e.step for e in editor.entries if e.included)
        assert len(wanted) == 18 and wanted[1] == WorkshopStep(COMMITMENT, "working-together")
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"Spring away day")
        await pilot.press("enter")
        await pilot.pause()
        saved = [w for w in demo.workshops.list() if w.name == "Spring away day"]
        assert len(saved) == 1 and saved[0].steps == wanted
        assert "Saved as “Spring away day”" in flat(screen_text(app))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        app.screen.refresh_work()
        await pilot.pause()
        table = app.screen.query_one("#work-table", DataTable)
        table.focus()
        keys = [str(table.coordinate_to_cell_key((row, 0)).row_key.value) for row in range(table.row_count)]
        table.move_cursor(row=keys.index(f"workshop:{saved[0].id}"))
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, SequenceScreen)
        assert tuple(e.step for e in app.screen.entries) == wanted
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, WorkshopListScreen)
        text = flat(screen_text(app))
        assert "Spring away day" in text and "Demo workshop" in text
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SequenceScreen) and app.screen.saved is not None
        assert app.screen.saved.name == "Spring away day"
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, WorkshopScreen)
        await pilot.press("right")
        await pilot.pause()
        assert "Commitment: 3. Working Together" in flat(screen_text(app)) and "2 of 18" in flat(screen_text(app))


async def test_add_and_remove_a_step_and_data_that_is_missing(context: AppContext) -> None:
    """No team profile, no plan: 8 commitments; a adds the team wheel, d removes a step; the wheel says what is missing."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        editor = await open_editor(app, pilot)
        assert len(editor.entries) == 8
        assert "Team profile: none" in flat(screen_text(app))
        for _ in range(2):
            await pilot.press("a")
            await pilot.pause()
            assert isinstance(app.screen, AddStepDialog)
            await pilot.press(*["down"] * 16, "enter")
            await pilot.pause()
            assert editor.entries[1].step == WorkshopStep(TEAM_WHEEL) and len(editor.entries) == 9
            if not _:
                await pilot.press("d")
                await pilot.pause()
                assert len(editor.entries) == 8 and editor.entries[1].step == WorkshopStep(COMMITMENT, "responsible-practice")
                await pilot.press("up")
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("right")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Team wheel (medians)" in text and "No team profile was chosen for this workshop" in text


async def test_no_names_and_no_private_comment_on_screen_while_stepping(context: AppContext) -> None:
    """A team profile whose people opted in to be named: no name in the wheel or spread; board comments through shown()."""
    framework = context.catalog.get("ahep")
    assert framework is not None
    newest = demo_saved_profiles(framework, datetime.now(timezone.utc).replace(microsecond=0))[-1]
    names = ("Annabel Quist", "Bartholomew Ng", "Cordelia Vance")
    context.team_profiles.add(replace(newest, names=names))
    plan = context.action_plans.create("Lab plan", template=False)
    from tui.core.action_plans import PlanItem, PlanSection

    context.action_plans.save(replace(plan, sections=(PlanSection("Visibility", (
        PlanItem("Hold a showcase", "red", comment="Postponed: the hall was booked"),
        PlanItem("Confirm the sponsor", "amber", comment="Sponsor on leave until May", private=True))),)))
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        editor = await open_editor(app, pilot)
        assert editor.entries[-1].step == WorkshopStep(BOARD)
        await pilot.press("enter")
        await pilot.pause(0.3)
        seen = []
        for _ in range(len(editor.entries)):
            seen.append(screen_text(app))
            await pilot.press("right")
            await pilot.pause(0.1)
        everything = flat("\n".join(seen))
        assert not any(name in everything for name in names)
        assert "R ● Hold a showcase" in everything and "Postponed: the hall was booked" in everything
        assert "A ▲ Confirm the sponsor" in everything and "Sponsor on leave" not in everything, \
            "a comment marked private is not presented; a public one is"
        assert isinstance(app.screen, WorkshopScreen)


def test_the_spread_step_counts_people_per_value_and_withholds_small_groups(context: AppContext) -> None:
    """Each count stands under its value on the scale; a group under the minimum shows "fewer than N" and no figures."""
    from rich.console import Console

    from screens.workshop.text import spread_strips

    framework = context.catalog.get("ahep")
    assert framework is not None
    saved = demo_saved_profiles(framework, datetime.now(timezone.utc).replace(microsecond=0))[-1]
    profile = saved.profile(framework)
    console = Console(width=100, record=True, color_system=None)
    console.print(spread_strips(profile, "professional-development", 90))
    lines = console.export_text().replace("\xa0", " ").splitlines()
    cell = profile.cell("professional-development", framework.baseline.id)
    assert cell.spread is not None
    at = next(i for i, line in enumerate(lines) if line.startswith("value"))
    scale_line, people = lines[at], lines[at + 1]
    columns = {int(m.group()): m.start() for m in re.finditer(r"\d+", scale_line)}
    for value, count in zip(range(framework.scale.min, framework.scale.max + 1), cell.spread.histogram):
        if count:
            assert people[columns[value]:columns[value] + len(str(count))] == str(count), (value, count)
    assert people.split()[1:] == [str(c) for c in cell.spread.histogram if c]
    withheld = saved.profile(framework, min_group=10)
    console = Console(width=100, record=True, color_system=None)
    console.print(spread_strips(withheld, "professional-development", 90))
    text = console.export_text()
    assert text.count("fewer than 10: not shown") == len(framework.series) and "median 4" not in text and "people  " not in text
