"""Updating a plan from its CSV in the app at 80x24: `i`, the file, `u` update or `n` new, the changes shown, `y` writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from screens.boards.action_plans import ActionPlansScreen
from screens.boards.dialogs import ImportChoiceDialog, PlanChangesDialog
from tests.conftest import screen_text
from tests.helpers.waiting import wait_until
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.action_plans import ActionPlan, PlanItem, PlanSection
from tui.core.exchange.plan_files import plan_to_csv


def lead_plan() -> ActionPlan:
    """The plan the lead keeps in a spreadsheet: a header, two sections, a private comment."""
    return ActionPlan(
        id=0, project="Board test plan", author="Lead", date="2026-01-05", period_from="2026", period_to="2027",
        status="Ongoing", sections=(
            PlanSection("Visibility", (PlanItem("Publish a newsletter"), PlanItem("Hold a showcase", "green", "Done in May"))),
            PlanSection("Recognition", (PlanItem("Award category", "amber", "Judges found", private=True),
                                        PlanItem("Register staff"))),
        ),
    )


def the_sheet(tmp_path: Path) -> Path:
    """The plan's CSV as the board exports it, with one rating changed (and explained) and one row added."""
    text = plan_to_csv(lead_plan()).replace("Publish a newsletter,,", "Publish a newsletter,red,No editor yet")
    path = tmp_path / "board-test-plan.csv"
    path.write_text(text + "Recognition,Nominate for an award,,,,2027\n", encoding="utf-8")
    return path


def stored(context: AppContext, plan_id: int) -> ActionPlan:
    """The plan as it is in the database now."""
    plan = context.action_plans.get(plan_id)
    assert plan is not None
    return plan


async def shows(pilot: Pilot, text: str) -> None:
    """Wait until ``text`` is on the screen (a dialog is drawn just after it is pushed)."""
    await wait_until(pilot, lambda: text in screen_text(pilot.app), what=repr(text) + " on\n" + screen_text(pilot.app))


def notices(app: FramewheelApp) -> str:
    """The messages of the notifications raised so far."""
    return " | ".join(n.message for n in app._notifications)


async def choose_file(pilot: Pilot, name: str) -> None:
    """`i` on the plans list, the file's name, `enter`: wait for the choice (update or new)."""
    await pilot.press("i")
    await wait_until(pilot, lambda: pilot.app.screen.__class__.__name__ == "PathDialog", what="the path dialog")
    await pilot.press(*name, "enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, ImportChoiceDialog), what="the update-or-new choice")


async def test_update_from_csv_shows_changes_then_writes_and_again_says_no_change(
        context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plan named like the file is offered (not the highlighted one); `u` lists the changes; `y` writes exactly them."""
    monkeypatch.chdir(tmp_path)
    plan = context.action_plans.add(lead_plan())
    other = context.action_plans.add(ActionPlan(id=0, project="Other plan", sections=(PlanSection("A", (PlanItem("x"),)),)))
    sheet = the_sheet(tmp_path)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionPlansScreen), what="the plans list")
        await choose_file(pilot, sheet.name)
        await shows(pilot, "u: update the plan 'Board test plan'")
        text = screen_text(app)
        assert "New plan (n)" in text and "Update plan (u)" in text
        await pilot.press("u")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanChangesDialog), what="the list of changes")
        await shows(pilot, "1 changed, 1 added, 0 removed")
        await shows(pilot, "~ Visibility: Publish a newsletter (line 2): rating Not rated -> Red;")
        await shows(pilot, "comment (empty) -> 'No editor yet'")
        await shows(pilot, "+ Recognition: Nominate for an award (line 6): Not rated; focus 2027")
        assert stored(context, plan.id) == plan
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionPlansScreen), what="the plans list again")
        await wait_until(pilot, lambda: "Updated 'Board test plan' from board-test-plan.csv: 1 changed, 1 added, 0 removed."
                         in notices(app), what="the notice")
        after = stored(context, plan.id)
        newsletter = after.sections[0].items[0]
        assert (newsletter.rag, newsletter.comment) == ("red", "No editor yet")
        assert [i.milestone for i in after.sections[1].items] == ["Award category", "Register staff", "Nominate for an award"]
        assert after.sections[1].items[0] == lead_plan().sections[1].items[0]
        assert (after.project, after.author, after.period(), after.status) == ("Board test plan", "Lead", "2026 to 2027", "Ongoing")
        assert context.action_plans.count() == 2 and stored(context, other.id) == other

        await choose_file(pilot, sheet.name)
        await pilot.press("u")
        await wait_until(pilot, lambda: "No change: the plan 'Board test plan' already matches board-test-plan.csv"
                         in notices(app), what="the no-change notice")
        assert isinstance(app.screen, ActionPlansScreen)
        assert stored(context, plan.id) == after


async def test_new_plan_cancel_and_remove(context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`n` makes a new plan; `n` on the changes writes nothing; ticking "remove" removes the rows the file lacks."""
    monkeypatch.chdir(tmp_path)
    plan = context.action_plans.add(lead_plan())
    short = tmp_path / "short.csv"
    short.write_text("section,milestone,rag,comment,owner,focus\nVisibility,Publish a newsletter,green,,,\n", encoding="utf-8")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionPlansScreen), what="the plans list")
        await choose_file(pilot, short.name)
        await shows(pilot, "u: update the plan 'Board test plan'")  # the highlighted plan
        await pilot.press("n")
        await wait_until(pilot, lambda: context.action_plans.count() == 2, what="the new plan")
        new = next(p for p in context.action_plans.list() if p.id != plan.id)
        assert new.project == "short" and new.item_count() == 1

        await pilot.press("down")  # highlight the lead's plan again (the newest is listed first)
        await wait_until(pilot, lambda: app.screen.highlighted_id() == plan.id, what="the lead's plan highlighted")  # type: ignore[attr-defined]
        await choose_file(pilot, short.name)
        await shows(pilot, "u: update the plan 'short'")  # named like the file
        await shows(pilot, "n: make a new plan 'short' of the file's rows (a second plan of that")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionPlansScreen), what="the plans list")

        (tmp_path / "lead.csv").write_text(short.read_text(encoding="utf-8"), encoding="utf-8")
        await choose_file(pilot, "lead.csv")
        await shows(pilot, "u: update the plan 'Board test plan'")
        await pilot.press("u")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanChangesDialog), what="the list of changes")
        await shows(pilot, "1 changed, 0 added, 0 removed; 3 not in the file, kept")
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionPlansScreen), what="the plans list")
        assert stored(context, plan.id) == plan

        await choose_file(pilot, "lead.csv")
        for _ in range(6):  # from "Update plan" past the buttons to the "remove" tick box
            if app.focused is not None and app.focused.id == "remove-missing":
                break
            await pilot.press("tab")
        await pilot.press("space")
        await wait_until(pilot, lambda: app.screen.query_one("#remove-missing").value, what="remove ticked")  # type: ignore[attr-defined]
        await pilot.press("u")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanChangesDialog), what="the list of changes")
        await shows(pilot, "1 changed, 0 added, 3 removed")
        await pilot.press("y")
        await wait_until(pilot, lambda: stored(context, plan.id).item_count() == 1, what="the items removed")
        assert stored(context, plan.id).sections[0].items[0].rag == "green"


async def test_many_changes_scroll_and_the_keys_stay_on_screen(context: AppContext, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Twenty added rows at 80x24: the list scrolls, the summary and the Write button stay visible, `y` writes all."""
    monkeypatch.chdir(tmp_path)
    plan = context.action_plans.add(lead_plan())
    rows = "".join(f"Visibility,New action number {n} with a long milestone that wraps on a small screen,red,Why {n},,\n"
                   for n in range(20))
    (tmp_path / "many.csv").write_text("section,milestone,rag,comment,owner,focus\n" + rows, encoding="utf-8")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, ActionPlansScreen), what="the plans list")
        await choose_file(pilot, "many.csv")
        await pilot.press("u")
        await wait_until(pilot, lambda: isinstance(app.screen, PlanChangesDialog), what="the list of changes")
        await shows(pilot, "0 changed, 20 added, 0 removed; 4 not in the file, kept")
        await shows(pilot, "Write (y)")
        assert "(line 21)" not in screen_text(app)
        await pilot.press("end")
        await shows(pilot, "(line 21)")
        await shows(pilot, "Write (y)")
        await pilot.press("y")
        await wait_until(pilot, lambda: stored(context, plan.id).item_count() == 24, what="the 20 items added")
