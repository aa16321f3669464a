"""Focus years against a plan's period: flagged (a warning), never refused."""

from __future__ import annotations

from tui.core.action_plans import ActionPlan, PlanItem, PlanSection, outside_period_text, period_year


def plan(period_from: str, period_to: str, *focus: tuple[int, ...]) -> ActionPlan:
    """A plan of one section whose items have the given focus years."""
    items = tuple(PlanItem(f"Milestone {i}", focus=years) for i, years in enumerate(focus))
    return ActionPlan(id=1, project="P", period_from=period_from, period_to=period_to,
                      sections=(PlanSection("S", items),))


def test_period_year_reads_the_year_of_each_end() -> None:
    """ "April 2018" is 2018; "Present" and "" name no year."""
    assert [period_year(t) for t in ("April 2018", "2026", "Present", "", "12345")] == [2018, 2026, None, None, None]


def test_years_outside_a_closed_period_are_named() -> None:
    """2027-2029 in a 2026-2028 plan: 2029 is outside; an item inside is not flagged."""
    board = plan("2026", "2028", (2027, 2028, 2029), (2026,))
    first, second = board.sections[0].items
    assert board.years_outside_period(first) == (2029,)
    assert board.years_outside_period(second) == ()
    assert [entry[2].milestone for entry in board.outside_period()] == ["Milestone 0"]
    assert outside_period_text((2029,), board) == "2029 is outside the plan's period (2026 to 2028)"
    assert outside_period_text((2024, 2029), board) == "2024, 2029 are outside the plan's period (2026 to 2028)"


def test_an_open_period_flags_nothing() -> None:
    """ "April 2018 to Present" has no end year, so no focus year is outside it."""
    board = plan("April 2018", "Present", (2010, 2030))
    assert board.period_years() is None
    assert board.outside_period() == []
