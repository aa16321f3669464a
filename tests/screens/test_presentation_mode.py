"""Presentation mode on the screens: the chart takes the screen, private board comments hide, dim text is full strength."""

from __future__ import annotations

import json

from rich.segment import Segment
from rich.style import Style
from textual.color import Color

from screens.boards.board import BoardScreen
from styles.presentation import UndimFilter
from tests.conftest import screen_text
from tests.screens.test_board_screen import open_board, press, stored
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.action_plans import ActionPlan, PlanItem, PlanSection

PRIVATE = "Sponsor on sick leave, do not say in the room"
PUBLIC = "Showcase held in May"


def plan_with_comments() -> ActionPlan:
    """One section: an item whose comment is private, and one whose comment is public."""
    return ActionPlan(
        id=0, project="Presented plan", author="Lead", date="2026-01-05", period_from="2026", period_to="2027",
        status="Ongoing", sections=(PlanSection("Visibility", (
            PlanItem("Confirm the sponsor", "red", PRIVATE, private=True),
            PlanItem("Hold a showcase", "green", PUBLIC),
        )),),
    )


async def test_board_hides_private_comments_while_presenting(context: AppContext) -> None:
    """Presenting: the private comment is nowhere, the public one is shown; F5 off shows both again."""
    context.action_plans.add(plan_with_comments())
    app = FramewheelApp(context, presenting=True)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_board(pilot)
        await press(pilot, "down")
        text = screen_text(app)
        assert "Sponsor on sick" not in text and "(private comment)" in text and PUBLIC in text
        assert "hidden while presenting" in text
        await press(pilot, "right", "enter")
        assert isinstance(app.screen, BoardScreen) and app.screen.view.field == "comment"
        assert app.screen.query_one("#comment-editor").display is False, "no editor opens on a private comment"
        assert app.screen.query_one("#cell-editor").display is False
        assert "Sponsor on sick" not in screen_text(app)
        await press(pilot, "f5")
        assert "Sponsor on sick" in screen_text(app)


async def test_p_marks_a_comment_private_and_it_is_stored(context: AppContext) -> None:
    """`p` on an item marks its comment private (saved), and `p` again makes it public."""
    context.action_plans.add(plan_with_comments())
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await press(pilot, "down", "down", "p")
        assert stored(context).sections[0].items[1].private is True
        assert isinstance(app.screen, BoardScreen)
        assert "Private comment" in screen_text(app)
        await press(pilot, "p")
        assert stored(context).sections[0].items[1].private is False
    on_disk = json.loads(context.db.path.read_text(encoding="utf-8"))
    (record,) = on_disk["action_plans"].values()
    assert record["sections"][0]["items"][0]["private"] is True, "the data file keeps the mark"


async def test_presenting_a_rated_wheel_shows_its_chart_full_screen(context: AppContext) -> None:
    """With --present a rated wheel opens on its chart alone; F5 gives the sliders back."""
    from tui.core.wheels import add_demo_wheels

    add_demo_wheels(context.assessments, context.catalog.get("ahep"))
    app = FramewheelApp(context, presenting=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert app.screen.has_class("chart-full")
        assert "Prof. development" in screen_text(app) and "How confident" in screen_text(app)
        await pilot.press("f5")
        await pilot.pause(0.3)
        assert not app.screen.has_class("chart-full")
        await pilot.press("v", "f5", "f5")  # the chart full-screen by choice stays so after presenting
        await pilot.pause(0.3)
        assert app.screen.has_class("chart-full")


def test_undim_filter_takes_dim_off_and_leaves_the_rest() -> None:
    """Dim text is drawn at full strength while presenting; other styles are kept."""
    segments = [Segment("muted", Style(dim=True, italic=True)), Segment("plain", Style(bold=True)), Segment("bare")]
    out = UndimFilter().apply(segments, Color(0, 0, 0))
    assert out[0].text == "muted" and out[0].style is not None
    assert not out[0].style.dim and out[0].style.italic
    assert out[1] == segments[1] and out[2] == segments[2]


async def test_presenting_hides_an_open_note_dialog_and_an_open_private_comment(context: AppContext) -> None:
    """Presentation mode switched on while a note or a private comment is open: neither stays on screen."""
    from screens.dialogs.text_input import TextDialog
    from tui.core.wheels import add_demo_wheels

    add_demo_wheels(context.assessments, context.catalog.get("ahep"))
    context.action_plans.add(plan_with_comments())
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press("enter")  # the note of the first area, in a dialog
        await pilot.pause()
        assert isinstance(app.screen, TextDialog) and "Example note" in screen_text(app)
        await pilot.press("f5")  # F5 works inside a dialog too
        await pilot.pause()
        assert app.presenting and "Example note" not in screen_text(app)
        assert "private: hidden while presenting" in screen_text(app)
        await pilot.press("escape", "f5")
        await pilot.pause()
        app.pop_screen()
        app.pop_screen()
        await pilot.pause()
        await open_board(pilot)
        await press(pilot, "down", "right", "enter")
        assert "Sponsor on sick" in screen_text(app)
        await press(pilot, "f5")
        assert "Sponsor on sick" not in screen_text(app)
        assert isinstance(app.screen, BoardScreen) and app.screen.editing is None
        assert stored(context).sections[0].items[0].comment == PRIVATE, "the comment is kept as it was"


async def test_board_search_does_not_look_into_private_comments_while_presenting(context: AppContext) -> None:
    """A word only in a private comment finds nothing while presenting (a match would give it away)."""
    context.action_plans.add(plan_with_comments())
    app = FramewheelApp(context, presenting=True)
    async with app.run_test(size=(200, 60)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "slash", *"sick", "enter")
        assert board.search == "sick" and "Confirm the sponsor" not in screen_text(app)
        await press(pilot, "f5")
        assert "Confirm the sponsor" in screen_text(app)


async def test_a_theme_chosen_while_presenting_is_the_one_after(context: AppContext) -> None:
    """Choosing a theme during presentation mode: it is saved, and F5 off shows it (not the one before)."""
    app = FramewheelApp(context, presenting=True)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "nord"
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        assert app.theme == "nord" and context.settings.get("theme") == "nord"
