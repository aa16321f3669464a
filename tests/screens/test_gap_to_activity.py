"""From a person's gap to an activity, at 80x24 and 200x60: `c` on the wheel summary, in the development plan's
suggestions and on a role comparison lists the catalogue's activities for the area (and the level, for a role's
level target); choosing one stores an objective with it as the planned activity (read back); an area the
catalogue does not serve says so."""

from __future__ import annotations

from typing import Any

import pytest

from screens.dialogs.activity_picker import ActivityPickerDialog, AreaChoiceDialog
from screens.plan.plan import PlanScreen
from screens.plan.suggestions import SuggestionsDialog
from screens.roles.compare import FinderRoleScreen, WheelRoleScreen
from screens.wheel.summary import SummaryScreen
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.institution import DevelopmentActivity, activities_for, demo_catalogue
from tui.core.wheels import Assessment

SIZES = [(80, 24), (200, 60)]
"""The design's sizes."""


def flat(text: str) -> str:
    """Screen text with borders dropped and runs of spaces made one (for sentences that wrap)."""
    return " ".join(text.translate(str.maketrans("│▊▎█", "    ")).split())


def panel_text(app: FramewheelApp, selector: str) -> str:
    """What the screen shows inside one widget's region (a dialog over a chart), flattened."""
    region = app.screen.query_one(selector).region
    lines = screen_text(app).splitlines()[region.y:region.bottom]
    return flat("\n".join(line[region.x:region.right] for line in lines))


def prepare(context: AppContext) -> tuple[Assessment, list[DevelopmentActivity]]:
    """The demo's catalogue, and a wheel whose gaps are in the first area (5) and the fourth (4, no activity serves it)."""
    fw = context.framework
    catalogue = context.catalogue.add(demo_catalogue(fw))
    wheel = context.assessments.create(fw, "Before my 1:1")
    for index, area in enumerate(fw.areas):
        now, wish = {0: (2, 7), 3: (3, 7)}.get(index, (6, 6))
        context.assessments.set_rating(wheel.id, fw, area.id, "current", now)
        context.assessments.set_rating(wheel.id, fw, area.id, "aspiration", wish)
    got = context.assessments.get(wheel.id)
    assert got is not None
    return got, catalogue


def expected(context: AppContext, area_index: int, level_index: int | None = None) -> list[DevelopmentActivity]:
    """The demo's activities for an area (and level), in the picker's order."""
    fw = context.framework
    level = fw.levels[level_index].id if level_index is not None else ""
    return activities_for(context.catalogue.activities(fw.id), fw.areas[area_index].id, level)


async def press(pilot: Any, *keys: str) -> None:
    """Press keys and let the screens settle."""
    await pilot.press(*keys)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_the_wheel_summary_takes_a_gap_to_an_activity_in_the_plan(context: AppContext, size: tuple[int, int]) -> None:
    """`c`: the gaps largest first; the first area's activities with date and provider; enter stores a new objective."""
    wheel, _ = prepare(context)
    fw = context.framework
    first, fourth = fw.areas[0], fw.areas[3]
    wanted = expected(context, 0)
    assert len(wanted) == 4
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.push_screen(SummaryScreen(wheel.id, fw))
        await pilot.pause()
        await press(pilot, "c")
        assert isinstance(app.screen, AreaChoiceDialog)
        text = flat(screen_text(app))
        assert "Activities for which gap?" in text
        assert text.index(f"{first.title} (gap of 5)") < text.index(f"{fourth.title} (gap of 4)")
        await press(pilot, "enter")
        assert isinstance(app.screen, ActivityPickerDialog)
        text = flat(screen_text(app))
        assert f"Activities for {first.heading}" in text and "4 activities in the catalogue" in text
        for activity in wanted:
            assert activity.title in text
        assert f"{wanted[0].date} · {wanted[0].provider}" in text
        assert "ongoing · Example Professional Network · any level" in text
        await press(pilot, "enter")
        assert isinstance(app.screen, SummaryScreen)
        [objective] = context.development_plan.list(fw.id)
        assert objective.areas == (first.id,)
        assert objective.activities == wanted[0].planned_text()
        assert objective.title == f"Develop: {first.title}"

        await press(pilot, "c", "down", "enter")
        assert isinstance(app.screen, ActivityPickerDialog)
        text = flat(screen_text(app))
        assert f"The institution's catalogue has no activities for {fourth.title} yet." in text
        await press(pilot, "escape")
        assert isinstance(app.screen, SummaryScreen)
        assert len(context.development_plan.list(fw.id)) == 1


async def test_an_open_objective_for_the_area_gets_the_activity_added(context: AppContext) -> None:
    """The plan already has an open objective for the area: the activity is appended to its planned activities."""
    wheel, _ = prepare(context)
    fw = context.framework
    first = fw.areas[0]
    mine = context.development_plan.add(fw, title="Grow as a professional", areas=(first.id,),
                                        success_criteria="Two examples by June.", activities="Read the guide.")
    wanted = expected(context, 0)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(SummaryScreen(wheel.id, fw))
        await pilot.pause()
        await press(pilot, "c", "enter", "down", "enter")
        [objective] = context.development_plan.list(fw.id)
        assert objective.id == mine.id
        assert objective.activities == f"Read the guide. {wanted[1].planned_text()}"  # after a full stop, a space


@pytest.mark.parametrize("size", SIZES)
async def test_a_plan_suggestion_takes_the_chosen_activity_as_its_planned_activity(
        context: AppContext, size: tuple[int, int]) -> None:
    """`s` then `c` on the first suggestion (the largest gap): the activity chosen is the new objective's."""
    prepare(context)
    fw = context.framework
    wanted = expected(context, 0)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.push_screen(PlanScreen())
        await pilot.pause()
        await press(pilot, "s")
        assert isinstance(app.screen, SuggestionsDialog)
        assert f"Develop: {fw.areas[0].title}" in flat(screen_text(app))
        await press(pilot, "c")
        assert isinstance(app.screen, ActivityPickerDialog)
        assert wanted[1].title in flat(screen_text(app))
        await press(pilot, "down", "enter")
        assert isinstance(app.screen, SuggestionsDialog)
        assert f"Planned activities: {wanted[1].title}" in flat(screen_text(app))
        await press(pilot, "a", "escape")
        assert isinstance(app.screen, PlanScreen)
        [objective] = context.development_plan.list(fw.id)
        assert objective.areas == (fw.areas[0].id,)
        assert objective.activities == wanted[1].planned_text()


async def test_a_suggestion_for_an_area_without_activities_says_so(context: AppContext) -> None:
    """The second suggestion is the fourth area, which no demo activity serves."""
    prepare(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(PlanScreen())
        await pilot.pause()
        await press(pilot, "s", "x", "c")
        assert isinstance(app.screen, ActivityPickerDialog)
        assert (f"The institution's catalogue has no activities for {context.framework.areas[3].title} yet."
                in flat(screen_text(app)))


@pytest.mark.parametrize("size", SIZES)
async def test_a_role_shortfall_at_a_level_lists_that_levels_activities(context: AppContext, size: tuple[int, int]) -> None:
    """The role expects a level in the third area: its activities at that level (or any); chosen, stored."""
    prepare(context)
    fw = context.framework
    second, third = fw.areas[1], fw.areas[2]
    member = fw.levels[1]
    context.roles.create(fw, "Team leader", {second.id: 9, third.id: member.id})
    wanted = expected(context, 2, 1)
    others = [a for a in expected(context, 2) if a not in wanted]
    assert wanted and others
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.push_screen(WheelRoleScreen("saved:1"))
        await pilot.pause()
        await press(pilot, "c")
        assert isinstance(app.screen, AreaChoiceDialog)
        text = panel_text(app, "#area-choice")
        assert "Activities for which shortfall?" in text
        assert f"{second.title} (3 below (6 of 9))" in text
        assert f"{third.title} (level target; at {member.title})" in text
        await press(pilot, "down", "enter")
        assert isinstance(app.screen, ActivityPickerDialog)
        text = panel_text(app, "#activity-picker")
        assert f"Activities for {third.heading} at {member.title}" in text
        for activity in wanted:
            assert activity.title in text
        for activity in others:
            assert activity.title not in text
        await press(pilot, "enter")
        assert isinstance(app.screen, WheelRoleScreen)
        [objective] = context.development_plan.list(fw.id)
        assert objective.areas == (third.id,)
        assert objective.activities == wanted[0].planned_text()


async def test_a_level_finder_shortfall_goes_straight_to_the_expected_levels_activities(context: AppContext) -> None:
    """One shortfall against the finder (Service excellence at Associate, Member expected): its Member activities."""
    prepare(context)
    fw = context.framework
    record = context.finder.create(fw, "My level")
    for index in range(3):
        context.finder.set_mark(record.id, fw, "service-excellence", "associate", index, "consistently")
    context.roles.create(fw, "Front desk lead", {"service-excellence": "member"})
    wanted = activities_for(context.catalogue.activities(fw.id), "service-excellence", "member")
    assert [a.title for a in wanted] == ["Example: Customer service masterclass"]
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(FinderRoleScreen("saved:1"))
        await pilot.pause()
        await press(pilot, "c")
        assert isinstance(app.screen, ActivityPickerDialog)
        text = panel_text(app, "#activity-picker")
        assert "at Member" in text and "Example: Customer service masterclass" in text
        assert "New staff induction" not in text
        await press(pilot, "enter")
        [objective] = context.development_plan.list(fw.id)
        assert objective.areas == ("service-excellence",)
        assert objective.activities == wanted[0].planned_text()
