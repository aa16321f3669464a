"""A wheel against a role (the role's shape R #, the gap per area, the closest roles) and the level finder against one."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from screens.plan.suggestions import SuggestionsDialog
from screens.roles.compare import FinderRoleScreen, WheelRoleScreen
from screens.roles.pickers import PickDialog
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.wheels import Assessment
from tui.transfer import report_for
from tui.widgets.chart_view import ChartView

SIZES = [(80, 24), (200, 60)]

NOW = [3, 8, 5, 6, 7, 2, 9, 4]
"""The wheel's "now" values, in AHEP's area order."""


def prepare(context: AppContext) -> Assessment:
    """A wheel (now and would like) and three roles: Team leader (saved:1, 7s and a level), Adviser (5s), Head (9s)."""
    fw = context.framework
    wheel = context.assessments.create(fw, "Before my 1:1")
    for area, value in zip(fw.areas, NOW):
        context.assessments.set_rating(wheel.id, fw, area.id, "current", value)
        context.assessments.set_rating(wheel.id, fw, area.id, "aspiration", min(10, value + 2))
    areas = [a.id for a in fw.areas]
    context.roles.create(fw, "Team leader", {**{a: 7 for a in areas[:6]}, "service-excellence": "member"})
    context.roles.create(fw, "Adviser", {a: 5 for a in areas})
    context.roles.create(fw, "Head of service", {a: 9 for a in areas})
    got = context.assessments.get(wheel.id)
    assert got is not None
    return got


def text_of(app: FramewheelApp, selector: str) -> str:
    """The plain text a Static holds (all of it, scrolled or not)."""
    return str(app.screen.query_one(selector, Static).content)


GAP_LINES = [
    "▼ Agile & adaptable: 5 below (2 of 7)",
    "▼ Prof. development: 4 below (3 of 7)",
    "▼ Working together: 2 below (5 of 7)",
    "▼ Sustainability: 1 below (6 of 7)",
    "✓ Results & account.: met (7)",
    "▲ Responsible pract.: 1 above (8 of 7)",
]
"""Team leader against "now": shortfalls first by how far, then met, then above."""


@pytest.mark.parametrize("size", SIZES)
async def test_wheel_against_role_shows_the_gap_and_the_role_shape(context: AppContext, size: tuple[int, int]) -> None:
    """The headline, the gap lines sorted by shortfall, strengths, the level target, the closest roles, the R legend."""
    prepare(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        app.push_screen(WheelRoleScreen("saved:1"))
        await pilot.pause()
        assert "Team leader: met 2 of 6 (1 level target: compare with the level finder)" in screen_text(app)
        text = text_of(app, "#rolecmp-text")
        positions = [text.index(line) for line in GAP_LINES]
        assert positions == sorted(positions)
        strengths = text[text.index("Strengths for the role"):]
        assert "▲ Responsible pract.: 1 above (8 of 7)" in strengths
        assert "Service excellence: expected Member" in text
        closest = text[text.index("Roles this wheel is closest to"):]
        assert "1. Adviser: 85% of the way: met 5 of 8, 6 points short" in closest
        assert closest.index("Adviser") < closest.index("Team leader") < closest.index("Head of service")
        if size == (80, 24):  # the text first; `v` shows the chart instead
            assert "Agile & adaptable: 5 below (2 of 7)" in screen_text(app)
            await pilot.press("v")
            await pilot.pause()
        chart = app.screen.query_one("#rolecmp-chart", ChartView).plain
        assert "R # Team leader (6 targets)" in chart
        assert "N • How confident I feel now (mean 5.5)" in chart
        assert "R # Team leader" in screen_text(app)


async def test_role_shape_reads_without_colour(context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under NO_COLOR the chart has no colour codes; the role is its letter R and its marker #."""
    monkeypatch.setenv("NO_COLOR", "1")
    prepare(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        app.push_screen(WheelRoleScreen("saved:1"))
        await pilot.pause()
        view = app.screen.query_one("#rolecmp-chart", ChartView)
        assert "\x1b[" not in "\n".join(view._lines)
        assert "R # Team leader (6 targets)" in view.plain
        body = view.plain.split("R # Team leader")[0]
        assert "#" in body and "R" in body


async def test_series_key_compares_another_series_and_is_remembered(context: AppContext) -> None:
    """`s` compares "would like" (each value 2 higher): met 4 of 6; the wheel remembers the role and the series."""
    wheel = prepare(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(WheelRoleScreen("saved:1", wheel_id=wheel.id))
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert "Team leader: met 4 of 6" in screen_text(app)
        assert "▼ Agile & adaptable: 3 below (4 of 7)" in text_of(app, "#rolecmp-text")
        assert 'series W “Where I would like to be”' in " ".join(text_of(app, "#rolecmp-text").split())
    chosen = context.roles.chosen_for_wheel(context.framework, wheel.id)
    assert chosen is not None and chosen[0].name == "Team leader" and chosen[1] == "aspiration"
    report = " ".join(report_for(context, wheel).split())
    assert "Compared with role Team leader" in report
    assert "compared with “Where I would like to be”" in report


async def test_role_is_picked_and_then_remembered_for_the_report(context: AppContext) -> None:
    """Without a key a picker asks; the role picked is remembered: the report compares, and reopening shows it."""
    wheel = prepare(context)
    assert "Compared with role" not in report_for(context, wheel)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(WheelRoleScreen())
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        assert "Adviser (made in framewheel; 8 scale targets)" in screen_text(app)
        await pilot.press("down", "enter")  # Adviser, Head of service, Team leader (by name)
        await pilot.pause()
        assert isinstance(app.screen, WheelRoleScreen)
        assert "Head of service: met 1 of 8" in screen_text(app)
        await pilot.press("escape")
        app.push_screen(WheelRoleScreen())
        await pilot.pause()
        assert isinstance(app.screen, WheelRoleScreen)
        assert "Head of service: met 1 of 8" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        await pilot.press("escape")  # nothing changes
        await pilot.pause()
        assert "Head of service: met 1 of 8" in screen_text(app)
    report = " ".join(report_for(context, wheel).split())
    assert "## Compared with role Head of service" in report
    assert "**met 1 of 8**" in report


async def test_shortfalls_become_objectives_one_at_a_time(context: AppContext) -> None:
    """`a` offers each shortfall (largest first); the accepted ones are in the plan; `a` again offers only the rest."""
    prepare(context)
    fw = context.framework
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(WheelRoleScreen("saved:1"))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, SuggestionsDialog)
        assert "Suggestion 1 of 4" in screen_text(app)
        assert "▼ Short of the role" in screen_text(app)
        await pilot.press("a", "x", "a", "escape")
        await pilot.pause()
        assert isinstance(app.screen, WheelRoleScreen)
        objectives = context.development_plan.list(fw.id)
        assert sorted(o.title for o in objectives) == [
            "For the role Team leader: Being Agile and Adaptable",
            "For the role Team leader: Working Together",
        ]
        assert {o.areas for o in objectives} == {("agile-and-adaptable",), ("working-together",)}
        assert {o.role for o in objectives} == {"Team leader"}, "each objective is tied to the role"
        await pilot.press("a")
        await pilot.pause()
        assert "Suggestion 1 of 2" in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_summary_key_compares_the_wheel_with_a_role(context: AppContext, size: tuple[int, int]) -> None:
    """From the history, `s` the summary, `o` compares that wheel with a role (the picker first)."""
    wheel = prepare(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert "Compare with a role" in screen_text(app)
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        await pilot.press("end", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WheelRoleScreen) and screen.wheel is not None and screen.wheel.id == wheel.id
        assert "Team leader: met 2 of 6" in screen_text(app)


async def test_no_wheel_and_no_roles_are_said_plainly(context: AppContext) -> None:
    """A database without wheels, then a wheel but a framework without roles: a sentence each, no picker."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(WheelRoleScreen())
        await pilot.pause()
        assert "No wheel to compare" in screen_text(app)
        assert "rate yourself first (w on the home screen)" in text_of(app, "#rolecmp-text")
        assert "Series" not in screen_text(app)  # nothing to compare: the footer offers no series
        await pilot.press("escape")
        context.assessments.create(context.framework, "Only a wheel")
        app.push_screen(WheelRoleScreen())
        await pilot.pause()
        assert isinstance(app.screen, WheelRoleScreen)
        assert "AHEP Professional Framework has no roles yet" in text_of(app, "#rolecmp-text")
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, WheelRoleScreen)


def mark_associate(context: AppContext) -> None:
    """A level-finder record where Service excellence reaches Associate (every Associate exemplar consistently)."""
    fw = context.framework
    record = context.finder.create(fw, "My level")
    for index in range(3):
        context.finder.set_mark(record.id, fw, "service-excellence", "associate", index, "consistently")
    context.finder.set_mark(record.id, fw, "service-excellence", "member", 1, "consistently")


@pytest.mark.parametrize("size", SIZES)
async def test_finder_against_role_gives_the_next_exemplars(context: AppContext, size: tuple[int, int]) -> None:
    """Associate where Member is expected: one level below, and Member's exemplars not yet consistent, word for word."""
    prepare(context)
    mark_associate(context)
    member = context.framework.area("service-excellence").exemplars["member"]  # type: ignore[union-attr]
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        app.push_screen(FinderRoleScreen("saved:1"))
        await pilot.pause()
        assert "Team leader: met 0 of 1 (6 scale targets: compare with a wheel)" in screen_text(app)
        text = text_of(app, "#rolefind-text")
        assert "▼ Service excellence: Associate, expected Member (1 level below)" in text
        assert "Next to work on (Member):" in text
        joined = " ".join(text.split())  # an exemplar may wrap (with a hanging indent)
        assert f"- {member[0]}" in joined and f"- {member[2]}" in joined
        assert member[1] not in joined  # already consistent
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, SuggestionsDialog)
        await pilot.press("a")
        await pilot.pause()
    objectives = context.development_plan.list(context.framework.id)
    assert [o.title for o in objectives] == ["For the role Team leader: Delivering Service Excellence"]
    assert member[0] in objectives[0].activities


async def test_wheel_screen_f_opens_the_level_comparison(context: AppContext) -> None:
    """`f` on the wheel comparison sets the same role's level targets against the level finder."""
    prepare(context)
    mark_associate(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(WheelRoleScreen("saved:1"))
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, FinderRoleScreen)
        assert "Service excellence: Associate, expected Member" in text_of(app, "#rolefind-text")


async def test_finder_comparison_empty_states(context: AppContext) -> None:
    """No finder record yet, then a framework without levels (Aspect): a clear sentence each."""
    prepare(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(FinderRoleScreen("saved:1"))
        await pilot.pause()
        assert "No level-finder record yet" in screen_text(app)
        await pilot.press("escape")
        context.choose_framework("aspect-core-principles")
        app.push_screen(FinderRoleScreen())
        await pilot.pause()
        assert "No levels to compare" in screen_text(app)
        assert "it has no levels" in text_of(app, "#rolefind-text")


async def test_wheel_key_compares_another_wheel_and_the_palette_offers_the_keys(context: AppContext) -> None:
    """`w` picks another wheel (the role stays); the command palette offers the screen's actions."""
    first = prepare(context)
    fw = context.framework
    later = context.assessments.create(fw, "After the course")
    for area in fw.areas:
        context.assessments.set_rating(later.id, fw, area.id, "current", 7)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(WheelRoleScreen("saved:1"))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WheelRoleScreen)
        assert "Team leader: met 6 of 6" in screen_text(app)  # the latest wheel
        titles = [command.title for command in screen.screen_commands()]
        assert "Role: add the shortfalls to my plan" in titles and "Role: compare another series" in titles
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, PickDialog)
        await pilot.press("end", "enter")  # the older wheel
        await pilot.pause()
        assert screen.wheel is not None and screen.wheel.id == first.id
        assert "Team leader: met 2 of 6" in screen_text(app)
    for wheel_id in (first.id, later.id):
        chosen = context.roles.chosen_for_wheel(fw, wheel_id)
        assert chosen is not None and chosen[0].name == "Team leader"


def region_text(app: FramewheelApp, selector: str) -> str:
    """What the screen shows inside one widget's region, its runs of spaces made one (for lines that wrap)."""
    region = app.screen.query_one(selector).region
    lines = screen_text(app).splitlines()[region.y:region.bottom]
    return " ".join(" ".join(line[region.x:region.right] for line in lines).split())


LONG_NAME = "Departmental research operations lead with extra responsibilities"
"""A role name that makes every comparison headline longer than 80 columns."""


async def test_the_headlines_wrap_whole_at_80x24(context: AppContext) -> None:
    """At 80x24 the wheel, level-finder and move headlines of a long-named role wrap and are shown whole."""
    from screens.roles.transition import RoleTransitionScreen

    prepare(context)
    mark_associate(context)
    areas = [a.id for a in context.framework.areas]
    context.roles.create(context.framework, LONG_NAME, {**{a: 7 for a in areas[:6]}, "service-excellence": "member"})
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(WheelRoleScreen("saved:4"))
        await pilot.pause()
        assert f"{LONG_NAME}: met 2 of 6 (1 level target: compare with the level finder)" in region_text(app, "#rolecmp-heading")
        app.push_screen(FinderRoleScreen("saved:4"))
        await pilot.pause()
        assert f"{LONG_NAME}: met 0 of 1 (6 scale targets: compare with a wheel)" in region_text(app, "#rolefind-heading")
        app.push_screen(RoleTransitionScreen("saved:4", "saved:1"))
        await pilot.pause()
        assert f"From {LONG_NAME} to Team leader" in region_text(app, "#roletrans-heading")


async def test_wheel_against_role_shows_the_level_found_for_each_level_target(context: AppContext) -> None:
    """With a level-finder record that has marks, each level target shows the level found against the expected one."""
    prepare(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(WheelRoleScreen("saved:1"))
        await pilot.pause()
        text = text_of(app, "#rolecmp-text")
        assert "Service excellence: expected Member" in text and "f: the level comparison" not in text
        app.pop_screen()
        await pilot.pause()
        mark_associate(context)
        app.push_screen(WheelRoleScreen("saved:1"))
        await pilot.pause()
        text = text_of(app, "#rolecmp-text")
        assert "f: the level comparison" in text
        assert "▼ Service excellence: Associate, expected Member (1 level below)" in text
        assert "Service excellence: expected Member\n" not in text
        await pilot.press("end")
        await pilot.pause()
        assert "Service excellence: Associate, expected" in screen_text(app)


async def test_a_wrapped_exemplar_keeps_its_indent_at_80x24(context: AppContext) -> None:
    """At 80x24 an exemplar too long for one line continues under its first word, not at the panel's edge."""
    prepare(context)
    mark_associate(context)
    member = context.framework.area("service-excellence").exemplars["member"]  # type: ignore[union-attr]
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(FinderRoleScreen("saved:1"))
        await pilot.pause()
        lines = screen_text(app).splitlines()
        first = next(i for i, line in enumerate(lines) if f"- {member[0][:30]}" in line)
        assert f"- {member[0]}" not in lines[first]  # it wraps at 80 columns
        dash = lines[first].index("- ")
        assert lines[first + 1][:dash + 2].replace("│", " ").strip() == ""  # the continuation starts under the words
        assert lines[first + 1][dash + 2] != " "


def add_levels_role(context: AppContext) -> None:
    """A role whose targets are all levels (saved:4): Member in Service excellence, Associate in Working together
    and in Wider context."""
    context.roles.create(context.framework, "Senior adviser (levels)",
                         {"service-excellence": "member", "working-together": "associate", "wider-context": "associate"})


def dialog_text(app: FramewheelApp) -> str:
    """The suggestions dialog's heading and suggestion, its runs of white space made one."""
    heading = str(app.screen.query_one("#suggest-heading").content)
    return " ".join(f"{heading} {text_of(app, '#suggestion')}".split())


@pytest.mark.parametrize("size", SIZES)
async def test_a_role_of_level_targets_suggests_the_level_shortfalls_the_wheel_screen_shows(
        context: AppContext, size: tuple[int, int]) -> None:
    """A role of level targets only, against a wheel and a level-finder record: `a` offers the ▼ level shortfalls
    the screen shows (as `f` then `a` does), not "nothing is short"; the accepted ones are in the plan."""
    prepare(context)
    mark_associate(context)
    add_levels_role(context)
    fw = context.framework
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        app.push_screen(WheelRoleScreen("saved:4"))
        await pilot.pause()
        text = text_of(app, "#rolecmp-text")
        assert "The role sets no target on the scale" in text
        heading = text_of(app, "#rolecmp-heading")
        assert "Senior adviser (levels): levels met " in heading and "met 0 of 0" not in heading  # the levels, not the scale
        assert "▼ Service excellence: Associate, expected Member (1 level below)" in text
        assert "▼ Working together: no level yet, expected Associate (1 level below)" in text
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, SuggestionsDialog), [n.message for n in app._notifications]
        shown = dialog_text(app)
        assert "Suggestion 1 of 3 from 'Senior adviser (levels) · Before my 1:1 · My level'" in shown
        assert "Working Together is at no level yet, expected Associate (1 level below)." in shown
        await pilot.press("a")
        await pilot.pause()
        assert "Suggestion 2 of 3" in dialog_text(app)
        assert ("For the role “Senior adviser (levels)”, Delivering Service Excellence is at Associate, "
                "expected Member (1 level below).") in dialog_text(app)
        await pilot.press("x", "a")
        await pilot.pause()
        assert isinstance(app.screen, WheelRoleScreen)
        assert not any("nothing is short" in n.message for n in app._notifications)
        objectives = context.development_plan.list(fw.id)
        assert sorted(o.areas for o in objectives) == [("wider-context",), ("working-together",)]
        assert {o.role for o in objectives} == {"Senior adviser (levels)"}
        assert any("I show the Associate exemplars" in o.success_criteria for o in objectives)
        await pilot.press("a")  # only the one discarded is left
        await pilot.pause()
        assert "Suggestion 1 of 1" in dialog_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f", "a")  # the level comparison offers the same one
        await pilot.pause()
        assert isinstance(app.screen, SuggestionsDialog)
        assert "Suggestion 1 of 1" in dialog_text(app)
        assert "Delivering Service Excellence" in dialog_text(app)


async def test_a_wheel_and_level_role_suggests_both_kinds_of_shortfall(context: AppContext) -> None:
    """Team leader (scale targets and one level target): the wheel's 4 shortfalls, then the level one."""
    prepare(context)
    mark_associate(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(WheelRoleScreen("saved:1"))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert "Suggestion 1 of 5" in dialog_text(app)
        assert "Being Agile and Adaptable is 5 below (2 of 7)" in dialog_text(app)
        await pilot.press("x", "x", "x", "x")
        await pilot.pause()
        assert "Suggestion 5 of 5" in dialog_text(app)
        assert "Delivering Service Excellence is at Associate, expected Member" in dialog_text(app)
        await pilot.press("a")
        await pilot.pause()
    objectives = context.development_plan.list(context.framework.id)
    assert [o.title for o in objectives] == ["For the role Team leader: Delivering Service Excellence"]


async def test_level_targets_without_a_level_finder_record_are_not_said_to_be_met(context: AppContext) -> None:
    """A role of level targets only and no level-finder record: `a` says the levels need a record, not that
    nothing is short."""
    prepare(context)
    add_levels_role(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(WheelRoleScreen("saved:4"))
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, WheelRoleScreen)
        messages = [n.message for n in app._notifications]
        assert messages[-1] == ("No objectives to suggest: nothing on the scale is short of the role, and its "
                                "3 level targets need a level-finder record with marks (f on the home screen).")
