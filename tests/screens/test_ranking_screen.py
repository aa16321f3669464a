"""The ranking screen driven with the real keys from the home screen; stored ranks asserted."""

from __future__ import annotations

import pytest

from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.help import HelpScreen
from screens.home import HomeScreen
from screens.ranking.ranking import RankingScreen
from screens.ranking.details import RankingDetailsDialog
from screens.ranking.saved import RankingListScreen
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.rankings import rank_by_area

SIZES = [(80, 24), (200, 60)]


def messages(app: FramewheelApp) -> str:
    """The text of the notifications on screen, their wrapped lines joined."""
    lines = [line.split("▌", 1)[1] for line in screen_text(app).splitlines() if "▌" in line]
    return " ".join(" ".join(lines).replace("│", " ").split())


def stored_ranks(context: AppContext) -> list[int]:
    """The stored ranks of the latest ranking, in the framework's area order."""
    ranking = context.rankings.latest("ahep")
    assert ranking is not None
    ranks = rank_by_area(ranking, context.framework)
    return [ranks[a] for a in context.framework.area_ids]


def stored_order(context: AppContext) -> list[str]:
    """The stored areas top first."""
    ranking = context.rankings.latest("ahep")
    assert ranking is not None
    return [a for g in ranking.groups for a in g]


@pytest.mark.parametrize("size", SIZES)
async def test_k_opens_the_areas_with_ranks_rule_and_descriptor(context: AppContext, size: tuple[int, int]) -> None:
    """`k` lists the 8 commitments ranked 1-8, states the tie rule, and shows the focused descriptor."""
    app = FramewheelApp(context)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, RankingScreen)
        text = screen_text(app)
        assert "New ranking (not saved yet)" in text
        assert "Tied areas share a rank and the next rank is skipped (1, 1, 3)" in text
        assert "  1  1. Empowering Professional Development" in text
        assert "  8  8. Engaging with the Wider Context" in text
        assert "Investing in development" in text
        await pilot.press("down", "down", "down", "down")
        await pilot.pause()
        text = screen_text(app)
        assert "Consistently working towards agreed objectives" in text  # Appendix 2 slip corrected
        assert "Fundamental to service excellence" not in text
        assert context.rankings.count() == 0  # looking saves nothing


@pytest.mark.parametrize("size", SIZES)
async def test_move_by_keys_is_stored(context: AppContext, size: tuple[int, int]) -> None:
    """shift+down and shift+up move the focused area; each change is saved as made."""
    app = FramewheelApp(context)
    ids = context.framework.area_ids
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("k", "shift+down", "shift+down")
        await pilot.pause()
        assert stored_order(context)[:3] == [ids[1], ids[2], ids[0]]
        assert "Saved" in app.screen.sub_title
        await pilot.press("end", "shift+up")
        await pilot.pause()
        assert stored_order(context)[-2:] == [ids[7], ids[6]]
        await pilot.press("home", "shift+up")
        await pilot.pause()
        assert "Already at the top." in messages(app)
        assert stored_ranks(context) == [3, 1, 2, 4, 5, 6, 8, 7]


@pytest.mark.parametrize("size", SIZES)
async def test_tie_and_untie_at_one_and_at_the_bottom(context: AppContext, size: tuple[int, int]) -> None:
    """`=` ties with the area above (1, 1, 3 ... 7, 7); `=` again unties."""
    app = FramewheelApp(context)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("k", "down", "=")
        await pilot.pause()
        assert stored_ranks(context) == [1, 1, 3, 4, 5, 6, 7, 8]
        assert "1=  2. Demonstrating" in screen_text(app)
        await pilot.press("down", "=")
        await pilot.pause()
        assert stored_ranks(context) == [1, 1, 1, 4, 5, 6, 7, 8]
        await pilot.press("end", "=")
        await pilot.pause()
        assert stored_ranks(context) == [1, 1, 1, 4, 5, 6, 7, 7]
        assert "7=  8. Engaging with the Wider Context" in screen_text(app)
        await pilot.press("=")
        await pilot.pause()
        assert stored_ranks(context) == [1, 1, 1, 4, 5, 6, 7, 8]
        await pilot.press("home", "down", "=")
        await pilot.pause()
        assert stored_ranks(context) == [1, 2, 2, 4, 5, 6, 7, 8]
        await pilot.press("home", "=")
        await pilot.pause()
        assert "The first area has no area above it to tie with." in messages(app)
        assert stored_ranks(context) == [1, 2, 2, 4, 5, 6, 7, 8]


async def test_digits_give_a_rank_and_refuse_a_rank_inside_a_tie(context: AppContext) -> None:
    """A digit places the focused area at that rank; a rank a tie skips is refused with a message."""
    app = FramewheelApp(context)
    ids = context.framework.area_ids
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("k", "end", "1")
        await pilot.pause()
        assert stored_order(context)[0] == ids[7]
        assert stored_ranks(context) == [2, 3, 4, 5, 6, 7, 8, 1]
        await pilot.press("down", "=", "end", "2")
        await pilot.pause()
        assert "Rank 2 is not possible: 2 areas share rank 1, so the next rank is 3" in messages(app)
        assert stored_ranks(context) == [1, 3, 4, 5, 6, 7, 8, 1]
        await pilot.press("9")
        await pilot.pause()
        assert "Rank 9 is not possible: ranks go from 1 to 8." in messages(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored_ranks(context) == [2, 3, 4, 5, 6, 7, 8, 1]
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert stored_ranks(context) == [1, 3, 4, 5, 6, 7, 8, 1]


async def test_details_name_date_notes_and_bad_date(context: AppContext) -> None:
    """`r` names the ranking; a bad date is explained in the dialog and nothing is saved."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("k", "r")
        await pilot.pause()
        assert isinstance(app.screen, RankingDetailsDialog)
        await pilot.press(*"Exams office", "tab", "end", "ctrl+u", *"24/11", "enter")
        await pilot.pause()
        assert "is not a date written YYYY-MM-DD" in screen_text(app)
        assert context.rankings.count() == 0
        await pilot.press("end", "ctrl+u", *"2026-11-20", "tab", *"After the survey", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, RankingScreen)
        ranking = context.rankings.latest("ahep")
        assert ranking is not None
        assert (ranking.name, ranking.date, ranking.notes) == ("Exams office", "2026-11-20", "After the survey")
        text = screen_text(app)
        assert "Exams office · 2026-11-20" in text and "Notes: After the survey" in text


async def test_saved_rankings_open_new_rename_duplicate_delete(context: AppContext) -> None:
    """`o` lists the rankings: enter opens, n makes one, r renames, c duplicates, d deletes after asking."""
    fw = context.framework
    older = context.rankings.create(fw, "Library team", day="2026-01-10")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("k", "o")
        await pilot.pause()
        assert isinstance(app.screen, RankingListScreen)
        assert "Library team" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert {r.name for r in context.rankings.list()} == {"Library team", "Copy of Library team"}
        await pilot.press("r", "end", "ctrl+u", *"Library, evening", "enter")
        await pilot.pause()
        assert {r.name for r in context.rankings.list()} == {"Library team", "Library, evening"}
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert context.rankings.count() == 2
        await pilot.press("d", "y")
        await pilot.pause()
        assert [r.name for r in context.rankings.list()] == ["Library team"]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RankingScreen)
        assert "Library team · 2026-01-10" in screen_text(app)
        await pilot.press("o", "n", *"Estates", "enter")
        await pilot.pause()
        assert isinstance(app.screen, RankingScreen)
        assert "Estates ·" in screen_text(app)
        assert {r.name for r in context.rankings.list()} == {"Library team", "Estates"}
        await pilot.press("shift+down")
        await pilot.pause()
        assert context.rankings.get(older.id).groups == older.groups  # type: ignore[union-attr]


@pytest.mark.parametrize("size", SIZES)
async def test_saved_rankings_show_the_notes_at_80_columns(context: AppContext, size: tuple[int, int]) -> None:
    """At 80x24 the list leaves out "Changed" so the notes show, shortened with `…`; at 200x60 every column is there."""
    notes = "Agreed at the away day after a long talk about what the team does first"
    context.rankings.create(context.framework, "Student services team", day="2026-11-24", notes=notes)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("k", "o")
        await pilot.pause()
        text = screen_text(app)
        header = next(line for line in text.splitlines() if "Name" in line and "Notes" in line)
        row = next(line for line in text.splitlines() if "Student services" in line)
        assert "Agreed at the" in row and "…" in row and notes not in row
        assert ("Changed" in header) is (size[0] >= 120)


async def test_saved_rankings_fit_the_width_again_after_a_resize(context: AppContext) -> None:
    """Opened at 80 columns, then widened to 200 and back: the columns follow the width, and renaming still works."""
    for number in range(3):
        context.rankings.create(context.framework, f"Team {number}", day="2026-11-24", notes="Agreed at the away day")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k", "o")
        await pilot.pause()
        header = next(line for line in screen_text(app).splitlines() if "Name" in line and "Notes" in line)
        assert "Changed" not in header
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        await pilot.pause()
        header = next(line for line in screen_text(app).splitlines() if "Name" in line and "Notes" in line)
        assert "Changed" in header
        await pilot.press("r", "end", "ctrl+u", *"Renamed wide", "enter")  # the rows are made again: one cell per column
        await pilot.pause()
        assert "Renamed wide" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        await pilot.pause()
        text = screen_text(app)
        assert "Renamed wide" in text and "Changed" not in text
    assert {r.name for r in context.rankings.list()} >= {"Renamed wide"}


async def test_home_work_list_opens_a_ranking(context: AppContext) -> None:
    """A saved ranking is in "Your work"; enter opens it on the ranking screen."""
    fw = context.framework
    ids = fw.area_ids
    context.rankings.create(fw, "Finance team", groups=((ids[3], ids[4]),))
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        assert "Finance team" in screen_text(app)
        while app.focused is None or app.focused.id != "work-table":
            await pilot.press("tab")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RankingScreen)
        text = screen_text(app)
        assert "Finance team" in text and "1=  4. Taking Sustainable Approaches" in text
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_help_states_the_rule_and_keys_once(context: AppContext) -> None:
    """F1 on the ranking screen explains ties and lists 1-9 once."""
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("k", "f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Tie the focused area with the one above" in text
        assert text.count("Give the focused area this rank") == 1
        await pilot.press("end")
        await pilot.pause()
        assert "the next rank is skipped (1, 1, 3)" in screen_text(app)


async def test_other_framework_uses_its_areas_and_words(context: AppContext) -> None:
    """On a framework of 4 themes, ranks go 1-4, a 5 is refused, and no questions are made up for it."""
    context.choose_framework("technician-commitment")
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60), notifications=True) as pilot:
        await pilot.press("k")
        await pilot.pause()
        text = screen_text(app)
        assert "Rank  Theme" in text
        assert "gives no questions for a team to discuss" in text
        assert "What exactly" not in text
        await pilot.press("5")
        await pilot.pause()
        assert "Rank 5 is not possible: ranks go from 1 to 4." in messages(app)
        await pilot.press("end", "=")
        await pilot.pause()
        ranking = context.rankings.latest("technician-commitment")
        assert ranking is not None
        assert sorted(rank_by_area(ranking).values()) == [1, 2, 3, 3]
