"""The action plans and the RAG board driven with the real keys from the home screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from screens.boards.action_plans import ActionPlansScreen
from screens.boards.board import BoardScreen
from screens.boards.columns import BoardColumnsScreen
from screens.dialogs.confirm import ConfirmDialog
from tests.conftest import screen_text
from tests.helpers.waiting import wait_until
from tui.core.action_plans import TEMPLATE_SECTIONS, ActionPlan, PlanItem, PlanSection
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.widgets.board_view import BoardView, header_line

SIZES = [(80, 24), (200, 60)]


def small_plan() -> ActionPlan:
    """Two sections of two items each, in a known order."""
    return ActionPlan(
        id=0, project="Board test plan", author="Lead", date="2026-01-05", period_from="2026", period_to="2027",
        status="Ongoing", sections=(
            PlanSection("Visibility", (PlanItem("Publish a newsletter"), PlanItem("Hold a showcase", "green", "Done in May"))),
            PlanSection("Recognition", (PlanItem("Award category", "amber"), PlanItem("Register staff"))),
        ),
    )


def stored(context: AppContext, plan_id: int = 1) -> ActionPlan:
    """The plan as it is in the database now."""
    plan = context.action_plans.get(plan_id)
    assert plan is not None
    return plan


def milestones(plan: ActionPlan) -> list[list[str]]:
    """The milestones of each section, in order."""
    return [[item.milestone for item in section.items] for section in plan.sections]


async def open_board(pilot: Pilot) -> BoardScreen:
    """From home: `b`, then `enter` on the (only or first) plan."""
    await pilot.press("b")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ActionPlansScreen)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, BoardScreen)
    return pilot.app.screen


async def press(pilot: Pilot, *keys: str) -> None:
    """Press keys and let the screen draw and save (the board saves off the interface's thread)."""
    await pilot.press(*keys)
    await pilot.pause()
    await pilot.pause()
    flush_boards(pilot)


def flush_boards(pilot: Pilot) -> None:
    """Wait until every open board's changes are on disk."""
    for screen in pilot.app.screen_stack:
        if isinstance(screen, BoardScreen):
            assert screen.flush_saves()


@pytest.mark.parametrize("size", SIZES)
async def test_rating_keys_set_and_cycle_the_rating(context: AppContext, size: tuple[int, int]) -> None:
    """`r`, `a`, `g` set the rating of the focused item and `space` cycles it; each is saved."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_board(pilot)
        await press(pilot, "down", "r")
        assert stored(context).sections[0].items[0].rag == "red"
        assert "⚑ 1 red needs a comment" in screen_text(app)
        await press(pilot, "a")
        assert stored(context).sections[0].items[0].rag == "amber"
        await press(pilot, "g")
        assert stored(context).sections[0].items[0].rag == "green"
        await press(pilot, "space")
        assert stored(context).sections[0].items[0].rag == ""
        await press(pilot, "space")
        assert stored(context).sections[0].items[0].rag == "red"
        text = screen_text(app)
        wide = size[0] >= 120
        assert ("R ● Red 1" if wide else "R ● 1") in text and ("G ✔ Green 1" if wide else "G ✔ 1") in text
        assert "Green 25% of 4" in text
        await press(pilot, "ctrl+z", "ctrl+z")
        assert stored(context).sections[0].items[0].rag == "green"
        await press(pilot, "ctrl+y")
        assert stored(context).sections[0].items[0].rag == ""


@pytest.mark.parametrize("size", SIZES)
async def test_edit_in_place_keeps_with_enter_and_cancels_with_escape(context: AppContext, size: tuple[int, int]) -> None:
    """`enter` opens the focused field; typing and `enter` keep it; `escape` leaves it as it was."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        board = await open_board(pilot)
        await press(pilot, "down", "enter", "ctrl+u", *"Weekly news", "enter")
        assert stored(context).sections[0].items[0].milestone == "Weekly news"
        await press(pilot, "enter", *" dropped", "escape")
        assert stored(context).sections[0].items[0].milestone == "Weekly news"
        assert isinstance(app.screen, BoardScreen) and board.editing is None
        await press(pilot, "right", "right", "enter", *"Comms", "enter")
        assert stored(context).sections[0].items[0].owner == "Comms"
        await press(pilot, "right", "enter", *"2026 2027", "enter")
        assert stored(context).sections[0].items[0].focus == (2026, 2027)


async def test_bad_focus_years_say_what_and_change_nothing(context: AppContext) -> None:
    """Focus years that are not years are refused with a message; the editor stays open."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "down", "end")
        await press(pilot, "home", "down", *["right"] * 4, "enter", *"20x1", "enter")
        assert board.editing is not None
        assert "'20x1' is not a year" in screen_text(app)
        await press(pilot, "escape")
        assert stored(context).sections[0].items[0].focus == ()


async def test_multiline_comment_keeps_with_ctrl_s(context: AppContext) -> None:
    """In a comment `enter` starts a new line and `ctrl+s` keeps the text."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_board(pilot)
        await press(pilot, "down", "r", "right", "enter", *"Not started", "enter", *"No budget yet", "ctrl+s")
        item = stored(context).sections[0].items[0]
        assert item.comment == "Not started\nNo budget yet"
        assert "needs a comment" not in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_new_item_delete_and_undo_redo(context: AppContext, size: tuple[int, int]) -> None:
    """`n` adds an item below and edits it; `d` deletes after asking; ctrl+z and ctrl+y step back and forth."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_board(pilot)
        await press(pilot, "down", "n")
        await press(pilot, *"Blog post", "enter")  # typing replaces the "New milestone" placeholder
        assert milestones(stored(context))[0] == ["Publish a newsletter", "Blog post", "Hold a showcase"]
        await press(pilot, "d")
        assert isinstance(app.screen, ConfirmDialog)
        await press(pilot, "n")
        assert milestones(stored(context))[0] == ["Publish a newsletter", "Blog post", "Hold a showcase"]
        await press(pilot, "d", "y")
        assert milestones(stored(context))[0] == ["Publish a newsletter", "Hold a showcase"]
        await press(pilot, "ctrl+z")
        assert milestones(stored(context))[0] == ["Publish a newsletter", "Blog post", "Hold a showcase"]
        await press(pilot, "ctrl+z")
        assert milestones(stored(context))[0] == ["Publish a newsletter", "New milestone", "Hold a showcase"]
        await press(pilot, "ctrl+z")
        assert milestones(stored(context))[0] == ["Publish a newsletter", "Hold a showcase"]
        await press(pilot, "ctrl+y", "ctrl+y")
        assert milestones(stored(context))[0] == ["Publish a newsletter", "Blog post", "Hold a showcase"]
        await press(pilot, "ctrl+y")
        assert milestones(stored(context))[0] == ["Publish a newsletter", "Hold a showcase"]


@pytest.mark.parametrize("size", SIZES)
async def test_shift_arrows_move_items_across_sections(context: AppContext, size: tuple[int, int]) -> None:
    """`shift+down` at a section's last item moves it into the next section; undo puts it back."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_board(pilot)
        await press(pilot, "down", "shift+down")
        assert milestones(stored(context)) == [["Hold a showcase", "Publish a newsletter"], ["Award category", "Register staff"]]
        await press(pilot, "shift+down")
        assert milestones(stored(context)) == [["Hold a showcase"], ["Publish a newsletter", "Award category", "Register staff"]]
        await press(pilot, "shift+up", "shift+up")
        assert milestones(stored(context)) == [["Publish a newsletter", "Hold a showcase"], ["Award category", "Register staff"]]
        await press(pilot, "ctrl+z", "ctrl+z", "ctrl+z")
        assert milestones(stored(context)) == [["Hold a showcase", "Publish a newsletter"], ["Award category", "Register staff"]]
        await press(pilot, "ctrl+y")
        assert milestones(stored(context)) == [["Hold a showcase"], ["Publish a newsletter", "Award category", "Register staff"]]


async def test_filters_search_and_section_rename(context: AppContext) -> None:
    """`f` filters by rating, `s` by section, `/` searches, `x` clears; `enter` on a heading renames it."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_board(pilot)
        await press(pilot, "f", "f", "f")
        text = screen_text(app)
        assert "only green" in text and "Hold a showcase" in text and "Publish a newsletter" not in text
        await press(pilot, "x", "s", "s")
        text = screen_text(app)
        assert "section Recognition" in text and "Award category" in text and "Hold a showcase" not in text
        await press(pilot, "x", "slash", *"regist", "enter")
        text = screen_text(app)
        assert "Register staff" in text and "Award category" not in text
        await press(pilot, "escape", "home", "enter", "ctrl+u", *"Being visible", "enter")
        assert stored(context).sections[0].title == "Being visible"


async def test_columns_view_rates_and_returns(context: AppContext) -> None:
    """`v` shows the items in columns by rating; `r` there moves an item to the red column."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_board(pilot)
        await press(pilot, "v")
        assert isinstance(app.screen, BoardColumnsScreen)
        text = screen_text(app)
        assert "R ● Red (0)" in text and "A ▲ Amber (1)" in text and "G ✔ Green (1)" in text and "– ○ Not rated (2)" in text
        await press(pilot, "r")  # the board's focus was the first heading: its section's first item
        assert stored(context).sections[0].items[0].rag == "red"
        assert "R ● Red (1)" in screen_text(app)
        await press(pilot, "ctrl+z")
        assert stored(context).sections[0].items[0].rag == ""
        await press(pilot, "escape")
        assert isinstance(app.screen, BoardScreen)


async def test_columns_at_80x24_keep_each_count_whole(context: AppContext) -> None:
    """At 80x24 a column's title that does not fit is shortened with `…` before its count, which stays whole."""
    items = tuple(PlanItem(f"Item {number}") for number in range(27))
    context.action_plans.add(ActionPlan(id=0, project="Many", author="Lead", date="2026-01-05", period_from="2026",
                                        period_to="2027", status="Ongoing", sections=(PlanSection("All", items),)))
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await press(pilot, "v")
        assert isinstance(app.screen, BoardColumnsScreen)
        text = screen_text(app)
        assert "R ● Red (0)" in text and "G ✔ Green (0)" in text
        title = next(line for line in text.splitlines() if "Red (0)" in line)
        assert "(27)" in title and "…" in title  # "– ○ Not rat… (27)": the count whole, the cut marked


async def test_plans_list_new_from_template_header_and_delete(context: AppContext) -> None:
    """`n` creates a plan from the template and opens it; `e` edits a header; `d` deletes after asking."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await press(pilot, "b", "n", *"Our plan", "tab", *"Me", "enter")
        assert isinstance(app.screen, BoardScreen)
        plan = stored(context)
        assert plan.project == "Our plan" and plan.author == "Me"
        assert [s.title for s in plan.sections] == list(TEMPLATE_SECTIONS)
        await press(pilot, "escape")
        assert isinstance(app.screen, ActionPlansScreen)
        await press(pilot, "e", "tab", "tab", "ctrl+u", *"7 Jan", "enter")
        assert stored(context).date == "7 Jan"
        await press(pilot, "n", *"Blank", *["tab"] * 6, "space", "ctrl+s")
        blank = context.action_plans.get(2)
        assert blank is not None and blank.sections == ()
        await press(pilot, "escape", "d", "y")
        assert context.action_plans.count() == 1 and context.action_plans.get(1) is not None


async def test_export_and_import_by_keys(context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`m` and `c` write files and say where; `i` imports the CSV back, and a bad CSV lists its problems."""
    monkeypatch.chdir(tmp_path)
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_board(pilot)
        await press(pilot, "m", "enter")
        report = context.output_folder / "board-test-plan-rag-report.md"  # the output folder, not the current one
        assert report.exists() and "| **Visibility** |" in report.read_text(encoding="utf-8")
        assert f"Wrote {report}" in screen_text(app)
        await press(pilot, "c", "enter")
        csv_file = context.output_folder / "board-test-plan.csv"
        assert csv_file.read_text(encoding="utf-8").startswith("section,milestone,rag,comment,owner,focus\n")
        await press(pilot, "escape", "i", "ctrl+u", *str(csv_file), "enter")
        await press(pilot, "n")  # a new plan, not an update of the plan the file came from
        assert context.action_plans.count() == 2
        imported = context.action_plans.get(2)
        assert imported is not None and milestones(imported) == milestones(small_plan())
        (tmp_path / "bad.csv").write_text("section,milestone,rag,comment,owner,focus\nA,B,purple,,,\n", encoding="utf-8")
        await press(pilot, "i", *"bad.csv", "enter")
        assert "line 2, column rag: 'purple'" in screen_text(app)
        assert context.action_plans.count() == 2


async def test_saved_plan_opens_from_home(context: AppContext) -> None:
    """A plan is listed under Your work and `enter` there opens its board."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Board test plan" in screen_text(app)
        for _ in range(3):
            if app.focused is not None and app.focused.id == "work-table":
                break
            await press(pilot, "tab")
        await press(pilot, "enter")
        assert isinstance(app.screen, BoardScreen)
        assert "Publish a newsletter" in screen_text(app)


async def test_new_section_help_and_columns_enter_returns_to_item(context: AppContext) -> None:
    """`N` adds a section and edits its title; F1 lists the board's keys; `enter` in the columns view returns to that item."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        board = await open_board(pilot)
        await press(pilot, "N", "ctrl+u", *"Well-being", "enter")
        assert [s.title for s in stored(context).sections] == ["Visibility", "Well-being", "Recognition"]
        await press(pilot, "f1")
        text = screen_text(app)
        assert "Help: RAG board" in text and "Move up" in text and "Undo" in text and "Export Markdown" in text
        await press(pilot, "escape", "v", "enter")
        assert isinstance(app.screen, BoardScreen)
        assert board.view.row is not None and board.view.row.cursor == (2, 0)
        assert "A ▲ Amber  ·  Recognition  ·  item 1 of 2" in screen_text(app)


async def test_keys_in_one_burst_rate_the_items_they_reach(context: AppContext) -> None:
    """Keys arriving together (over SSH): `down r down a` rates the first item red and the second amber."""
    from textual import events

    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        for key, character in (("down", None), ("r", "r"), ("down", None), ("a", "a")):
            app.post_message(events.Key(key, character))  # no waiting between keys, as from a terminal
        await pilot.pause()
        await pilot.pause()
        flush_boards(pilot)
        items = stored(context).sections[0].items
        assert [items[0].rag, items[1].rag] == ["red", "amber"]


@pytest.mark.parametrize("size", SIZES)
async def test_columns_view_opens_on_the_focused_item_and_rates_it(context: AppContext, size: tuple[int, int]) -> None:
    """Focus a green item, `v`, `a`: that item turns amber (not the first card); back on the board it is still focused."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        board = await open_board(pilot)
        await press(pilot, "down", "down")  # Hold a showcase (green)
        await press(pilot, "v")
        assert isinstance(app.screen, BoardColumnsScreen)
        assert "▶ G ✔ Hold a showcase" in screen_text(app)
        await press(pilot, "a")
        plan = stored(context)
        assert plan.sections[0].items[1].rag == "amber"  # the card shown
        assert [plan.sections[0].items[0].rag, plan.sections[1].items[0].rag, plan.sections[1].items[1].rag] == ["", "amber", ""]
        assert "▶ A ▲ Hold a showcase" in screen_text(app)  # it moved column and stays the card the keys act on
        await press(pilot, "r")
        assert stored(context).sections[0].items[1].rag == "red"
        await press(pilot, "escape")
        assert isinstance(app.screen, BoardScreen)
        assert board.view.row is not None and board.view.row.cursor == (0, 1)
        assert "R ● Red  ·  Visibility  ·  item 2 of 2" in screen_text(app)
        await press(pilot, "down", "down", "v")  # Award category (amber): the view opens on it
        assert "▶ A ▲ Award category" in screen_text(app)
        await press(pilot, "v")
        assert board.view.row is not None and board.view.row.cursor == (1, 0)


async def test_editing_a_name_selects_it_so_typing_replaces_and_end_appends(context: AppContext) -> None:
    """`N` or `enter` on a heading, or `enter` on a milestone: typing replaces the old text; `end` or an arrow keeps it."""
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await press(pilot, "N", *"Equality & inclusion", "enter")
        assert [s.title for s in stored(context).sections] == ["Visibility", "Equality & inclusion", "Recognition"]
        await press(pilot, "home", "enter", *"Sustainability", "enter")
        assert stored(context).sections[0].title == "Sustainability"
        await press(pilot, "enter", "end", *" and visibility", "enter")
        assert stored(context).sections[0].title == "Sustainability and visibility"
        await press(pilot, "down", "enter", *"Monthly bulletin", "enter")
        assert stored(context).sections[0].items[0].milestone == "Monthly bulletin"
        await press(pilot, "enter", "right", *" for staff", "enter")
        assert stored(context).sections[0].items[0].milestone == "Monthly bulletin for staff"
        await press(pilot, "enter", "left", *"A ", "enter")
        assert stored(context).sections[0].items[0].milestone == "A Monthly bulletin for staff"
        await press(pilot, "down", "right", "right", "enter", *"Lead", "enter")
        await press(pilot, "enter", *"Comms", "enter")
        assert stored(context).sections[0].items[1].owner == "Comms"
        assert "Comms" in screen_text(app)


LONG_MILESTONE = ("Publish an annual report on technical staff development, recognition and career pathways, "
                  "agreed with the steering group and closing with milestoneend")
LONG_COMMENT = ("Drafted in March with the heads of department. " * 6 + "The board asked for one more round of figures; "
                "the last sentence of this comment ends with commentend.")
MID_COMMENT = "Waiting for the HR figures for 2026; the steering group reviews the draft in June."


def long_plan() -> ActionPlan:
    """One section: an item with a long milestone and a long comment, one with a mid-length comment."""
    return ActionPlan(
        id=0, project="Long text plan", period_from="2026", period_to="2027", sections=(
            PlanSection("Visibility", (PlanItem(LONG_MILESTONE, "amber", LONG_COMMENT, "Comms"),
                                       PlanItem("Hold a showcase", "green", MID_COMMENT))),
        ),
    )


async def test_detail_pane_shows_the_whole_milestone_and_comment_at_80x24(context: AppContext) -> None:
    """At 80x24 the pane below the board wraps the focused item's milestone and comment; ctrl+down scrolls to the end."""
    context.action_plans.add(long_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await press(pilot, "down", "right")  # field: comment
        text = screen_text(app)
        assert "field: comment" in text
        assert "milestoneend" in text  # the milestone's last word, wrapped in the pane (cut in the table)
        assert "Comment: Drafted in March" in text
        assert "more: ctrl+down / ctrl+up scroll" in text
        assert "commentend" not in text
        await press(pilot, "ctrl+down")
        await wait_until(pilot, lambda: "commentend." in screen_text(app), what="the end of the comment")
        await press(pilot, "ctrl+up")
        await wait_until(pilot, lambda: "milestoneend" in screen_text(app), what="the top of the detail again")
        await press(pilot, "down")  # another item: its detail from the top, no hint when it all fits
        text = screen_text(app)
        assert f"Comment: {MID_COMMENT[:40]}" in text and "more: ctrl+down" not in text


@pytest.mark.parametrize("size", SIZES)
async def test_comment_column_follows_the_terminal_width(context: AppContext, size: tuple[int, int]) -> None:
    """At 200x60 a comment that fits shows in full in the table; at 80x24 the table cuts it (the pane has it whole)."""
    context.action_plans.add(long_plan())
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_board(pilot)
        await press(pilot, "down", "down")
        table = [line for line in screen_text(app).splitlines() if "Hold a showcase" in line]
        assert table, "the item's row is on screen"
        if size == (200, 60):
            assert MID_COMMENT in table[0]
        else:
            assert MID_COMMENT not in table[0] and MID_COMMENT[:15] in table[0] and "…" in table[0]
            assert MID_COMMENT[:40] in screen_text(app)  # in the detail pane, wrapped


async def test_focus_outside_the_period_is_kept_and_flagged(context: AppContext) -> None:
    """Focus years beyond the period are stored, with a warning, a ⚠ on the row, words in the pane and the counts line."""
    context.action_plans.add(small_plan())  # period 2026 to 2027
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_board(pilot)
        await press(pilot, "down", *["right"] * 3, "enter", *"2027-2029", "enter")
        assert stored(context).sections[0].items[0].focus == (2027, 2028, 2029)  # a warning, not a refusal
        warnings = " | ".join(f"{n.title}: {n.message}" for n in app._notifications if n.severity == "warning")
        assert "Outside the period: Focus 2028, 2029 are outside the plan's period (2026 to 2027). Kept" in warnings
        text = screen_text(app)
        assert "⚠ Focus 2028, 2029 are outside the plan's period (2026 to 2027)." in text
        assert "⚠2027-2029" in text
        assert "⚠ 1 outside period" in text
        await press(pilot, "down")
        assert "outside the plan's period" not in screen_text(app)  # another item: nothing to flag
        await press(pilot, "e", *["tab"] * 4, "ctrl+u", *"Present", "enter")  # an open period flags nothing
        assert stored(context).period_to == "Present"
        await press(pilot, "up")
        text = screen_text(app)
        assert "⚠" not in text and "outside" not in text


async def test_the_column_headings_stay_over_their_columns_when_a_filter_changes_the_rows(context: AppContext) -> None:
    """80x24, a plan taller than the board: `f` (fewer rows, no scroll bar) and `x` (all again) keep the headings in line
    with the rows' columns, and adding an item brings no sideways scroll bar."""
    items = tuple(PlanItem(f"Milestone number {number}", "green" if number % 3 else "") for number in range(30))
    context.action_plans.add(ActionPlan(id=0, project="Tall", author="Lead", date="2026-01-05", period_from="2026",
                                        period_to="2027", status="Ongoing", sections=(PlanSection("All", items),)))
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        board = await open_board(pilot)
        view = board.query_one(BoardView)

        def headings_fit() -> bool:
            """The headings on screen are those laid out for the board's width now."""
            shown = next(line for line in screen_text(app).splitlines() if "Milestone" in line and "RAG" in line)
            return shown.strip() == header_line(view.scrollable_content_region.width, view.needs).strip()

        assert headings_fit()
        for key in ("f", "f", "x"):  # each filter by rating (fewer rows: no scroll bar), then everything again
            await press(pilot, key)
            await pilot.pause()
            assert headings_fit(), key
        await press(pilot, "down", "n", *"My new item", "enter")
        await pilot.pause()
        assert not view.show_horizontal_scrollbar
        assert any(item.milestone == "My new item" for item in stored(context).sections[0].items)
