"""The role you have and the role you want: both shapes (R #, T %), the summary and the change per area."""

from __future__ import annotations

import pytest

from screens.roles.pickers import PickDialog
from screens.roles.transition import RoleTransitionScreen
from tests.conftest import screen_text
from tests.helpers.waiting import wait_until
from tests.screens.test_role_compare import prepare, text_of
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.widgets.chart_view import ChartView


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_transition_shows_both_shapes_and_what_changes(context: AppContext, size: tuple[int, int]) -> None:
    """Adviser (5s everywhere) to Team leader (7s in six areas, a level in one): raises first, then the rest."""
    prepare(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        app.push_screen(RoleTransitionScreen("saved:2", "saved:1"))
        await pilot.pause()
        assert "From Adviser to Team leader" in screen_text(app)
        text = text_of(app, "#roletrans-text")
        assert text.startswith("To move from Adviser to Team leader: Prof. development raise by 2 points (5 to 7); ")
        lines = [
            "▲ Prof. development: raise by 2 points (5 to 7)",
            "▲ Agile & adaptable: raise by 2 points (5 to 7)",
            "≠ Service excellence: 5 becomes Member",
            "− Wider context: no longer expected (was 5)",
        ]
        positions = [text.index(line) for line in lines]
        assert positions == sorted(positions)
        if size == (80, 24):
            assert "▲ Prof. development: raise by 2 points (5 to 7)" in screen_text(app)
            await pilot.press("v")
            await pilot.pause()
        chart = app.screen.query_one("#roletrans-chart", ChartView).plain
        assert "R # have: Adviser (8 targets)" in chart
        assert "T % want: Team leader (6 targets)" in chart
        assert "T % want: Team leader" in screen_text(app)


async def test_transition_reads_without_colour(context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under NO_COLOR both shapes are told apart by their letters and markers alone."""
    monkeypatch.setenv("NO_COLOR", "1")
    prepare(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        app.push_screen(RoleTransitionScreen("saved:2", "saved:3"))
        await pilot.pause()
        view = app.screen.query_one("#roletrans-chart", ChartView)
        assert "\x1b[" not in "\n".join(view._lines)
        body = view.plain.split("R # have")[0]
        assert "#" in body and "%" in body


async def test_pickers_ask_for_both_roles_and_x_swaps(context: AppContext) -> None:
    """Without keys: the role you have, then the role you want (the first left out); `x` swaps; `t` changes one."""
    prepare(context)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RoleTransitionScreen())
        await wait_until(pilot, lambda: isinstance(app.screen, PickDialog) and "The role you have" in screen_text(app),
                         what="the first picker")
        assert isinstance(app.screen, PickDialog)
        await pilot.press("enter")  # Adviser
        await wait_until(pilot, lambda: isinstance(app.screen, PickDialog) and "The role you want" in screen_text(app),
                         what="the second picker")
        assert isinstance(app.screen, PickDialog)
        assert "Adviser (made" not in screen_text(app)
        await pilot.press("enter")  # Head of service
        await wait_until(pilot, lambda: "From Adviser" in screen_text(app), what="the transition")
        assert "From Adviser to Head of service" in screen_text(app)
        assert "Prof. development: raise by 4 points (5 to 9)" in text_of(app, "#roletrans-text")
        await pilot.press("x")
        await wait_until(pilot, lambda: "From Head of service to Adviser" in screen_text(app), what="the swap")
        assert "From Head of service to Adviser" in screen_text(app)
        assert "To move from Head of service to Adviser: no commitment needs more." in text_of(app, "#roletrans-text")
        assert "▼ Prof. development: lower by 4 points (9 to 5)" in text_of(app, "#roletrans-text")
        await pilot.press("t")
        await wait_until(pilot, lambda: isinstance(app.screen, PickDialog), what="the picker")
        await pilot.press("end", "enter")  # Team leader
        await wait_until(pilot, lambda: "to Team leader" in screen_text(app), what="the new role")
        assert "From Head of service to Team leader" in screen_text(app)


async def test_fewer_than_two_roles_is_said_plainly(context: AppContext) -> None:
    """With one role there is nothing to move between: a sentence, no picker."""
    context.roles.create(context.framework, "Only one", {"working-together": 5})
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(RoleTransitionScreen())
        await pilot.pause()
        assert isinstance(app.screen, RoleTransitionScreen)
        assert "Two roles are needed" in screen_text(app)
        assert "has only one role" in text_of(app, "#roletrans-text")
