"""The rank rule (standard competition ranking), the edits, and the RankingRepository."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.context import AppContext
from tui.core.rankings import (
    RankError, Ranking, check_date, group_ranks, move_down, move_up, normalise, rank_by_area, rank_label,
    ranks_of, rows, set_rank, toggle_tie,
)

AREAS = tuple("abcdefgh")


@st.composite
def orders_with_ties(draw: st.DrawFn) -> tuple[tuple[str, ...], ...]:
    """A random order of some areas, cut into random tie groups."""
    count = draw(st.integers(min_value=1, max_value=12))
    order = draw(st.permutations([f"area-{i}" for i in range(count)]))
    cuts = draw(st.lists(st.booleans(), min_size=count - 1, max_size=count - 1))
    groups, current = [], [order[0]]
    for area, cut in zip(order[1:], cuts):
        if cut:
            groups.append(tuple(current))
            current = []
        current.append(area)
    groups.append(tuple(current))
    return tuple(groups)


def flat(groups: tuple[tuple[str, ...], ...]) -> list[str]:
    """The areas top first."""
    return [a for g in groups for a in g]


@given(orders_with_ties())
def test_rank_is_one_more_than_the_areas_strictly_above(groups: tuple[tuple[str, ...], ...]) -> None:
    """Standard competition ranking: tied areas share a rank, the ranks after a tie are skipped."""
    ranks = ranks_of(groups)
    position = {a: i for i, g in enumerate(groups) for a in g}
    for area, rank in ranks.items():
        above = sum(1 for other in ranks if position[other] < position[area])
        assert rank == above + 1
        assert all(ranks[o] == rank for o in ranks if position[o] == position[area])
    assert min(ranks.values()) == 1
    assert max(ranks.values()) == len(ranks) - len(groups[-1]) + 1 <= len(ranks)


@given(orders_with_ties(), st.lists(st.tuples(st.sampled_from(["up", "down", "tie", "rank"]), st.integers(0, 11), st.integers(1, 13)), max_size=25))
def test_edits_keep_every_area_once_and_do_what_they_say(groups: tuple[tuple[str, ...], ...], edits: list[tuple[str, int, int]]) -> None:
    """Any sequence of edits is a reordering with ties of the same areas; each edit's promise holds."""
    areas = sorted(flat(groups))
    for kind, pick, rank in edits:
        area = flat(groups)[pick % len(areas)]
        before = ranks_of(groups)
        others = [a for a in flat(groups) if a != area]
        if kind == "up":
            groups = move_up(groups, area)
            assert ranks_of(groups)[area] <= before[area]
            assert [a for a in flat(groups) if a != area] == others
        elif kind == "down":
            groups = move_down(groups, area)
            assert ranks_of(groups)[area] >= before[area]
            assert [a for a in flat(groups) if a != area] == others
        elif kind == "tie":
            try:
                changed = toggle_tie(groups, area)
            except RankError:
                assert flat(groups)[0] == area
                continue
            assert flat(changed) == flat(groups)  # nothing moves on the list
            assert toggle_tie(changed, area) == groups  # `=` twice changes nothing
            groups = changed
        else:
            try:
                changed = set_rank(groups, area, rank)
            except RankError:
                rest = tuple(g for g in (tuple(a for a in grp if a != area) for grp in groups) if g)
                assert rank > len(areas) or rank - 1 not in [r - 1 for r in group_ranks(rest)] + [len(areas) - 1]
                continue
            assert ranks_of(changed)[area] == rank
            assert next(g for g in changed if area in g) == (area,)
            assert [a for a in flat(changed) if a != area] == others
            groups = changed
        assert sorted(flat(groups)) == areas
        assert all(groups)


def test_ties_at_the_top_and_bottom_follow_the_convention() -> None:
    """Two at 1 are followed by 3; two at the bottom of eight share 7."""
    groups = (("a", "b"), ("c",), ("d",), ("e",), ("f",), ("g", "h"))
    assert group_ranks(groups) == [1, 3, 4, 5, 6, 7]
    assert [rank_label(r.rank, r.tied) for r in rows(groups)] == ["1=", "1=", "3", "4", "5", "6", "7=", "7="]
    assert [r.tied_above for r in rows(groups)] == [False, True, False, False, False, False, False, True]


def test_move_steps_out_of_a_tie_and_swaps_with_a_whole_tie() -> None:
    """A tied area steps out just above or below its tie; a lone area swaps with the tie next to it."""
    groups = (("a", "b"), ("c",))
    assert move_up(groups, "b") == (("b",), ("a",), ("c",))
    assert move_down(groups, "a") == (("b",), ("a",), ("c",))
    assert move_up(groups, "c") == (("c",), ("a", "b"))
    assert move_up((("a",), ("b",)), "a") == (("a",), ("b",))
    assert move_down((("a",), ("b",)), "b") == (("a",), ("b",))


def test_toggle_tie_joins_and_splits() -> None:
    """`=` ties with the area above (bringing its own tie along) and unties from it."""
    assert toggle_tie((("a",), ("b", "c")), "b") == (("a", "b", "c"),)
    assert toggle_tie((("a", "b", "c"),), "b") == (("a",), ("b", "c"))
    with pytest.raises(RankError, match="first area"):
        toggle_tie((("a",), ("b",)), "a")


def test_set_rank_places_alone_or_explains_why_not() -> None:
    """A digit places the area alone at that rank; a rank inside a tie or off the list is refused."""
    groups = tuple((a,) for a in AREAS)
    assert set_rank(groups, "h", 1)[0] == ("h",)
    assert ranks_of(set_rank(groups, "a", 8))["a"] == 8
    tied = (("a", "b"), ("c",), ("d",))
    with pytest.raises(RankError, match="2 areas share rank 1, so the next rank is 3"):
        set_rank(tied, "d", 2)
    with pytest.raises(RankError, match="ranks go from 1 to 4"):
        set_rank(tied, "d", 9)
    assert set_rank(tied, "b", 2) == (("a",), ("b",), ("c",), ("d",))


def test_normalise_drops_unknown_and_appends_missing_areas() -> None:
    """A ranking over a framework that changed still lists exactly its areas."""
    assert normalise([["x", "b"], ["a", "a"]], ["a", "b", "c"]) == (("b",), ("a",), ("c",))


def test_check_date() -> None:
    """Dates are YYYY-MM-DD; anything else is refused with the text and the form."""
    assert check_date(" 2026-01-05 ") == "2026-01-05"
    with pytest.raises(RankError, match="'5/1/26' is not a date written YYYY-MM-DD"):
        check_date("5/1/26")


def test_repository_saves_every_change(context: AppContext) -> None:
    """Create, reorder, rename, duplicate, list, latest and delete, all stored."""
    framework = context.framework
    repo = context.rankings
    first = repo.create(framework, "Library team", day="2026-11-02", notes="Away day")
    assert first.groups == tuple((a,) for a in framework.area_ids)
    ids = framework.area_ids
    changed = repo.set_groups(first.id, ((ids[2], ids[6]),) + tuple((a,) for a in ids if a not in (ids[2], ids[6])))
    assert rank_by_area(repo.get(first.id))[ids[6]] == 1 == rank_by_area(changed)[ids[2]]
    assert rank_by_area(changed)[ids[0]] == 3
    renamed = repo.set_details(first.id, "Library front desk", "2026-11-03", "  Second session ")
    assert (renamed.name, renamed.date, renamed.notes) == ("Library front desk", "2026-11-03", "Second session")
    copy = repo.duplicate(first.id)
    assert copy.name == "Copy of Library front desk" and copy.groups == renamed.groups and copy.id != first.id
    assert [r.id for r in repo.list(framework.id)][0] == copy.id
    assert repo.latest(framework.id).id == copy.id  # type: ignore[union-attr]
    assert repo.latest("technician-commitment") is None
    assert {w.title for w in context.saved_work() if w.kind == "ranking"} == {"Library front desk", "Copy of Library front desk"}
    repo.delete(copy.id)
    assert repo.count() == 1


def test_repository_refuses_bad_input_and_changes_nothing(context: AppContext) -> None:
    """An empty name or a bad date is refused; a deleted ranking cannot be changed."""
    repo = context.rankings
    with pytest.raises(RankError, match="needs a name"):
        repo.create(context.framework, "  ")
    ranking = repo.create(context.framework, "Team")
    with pytest.raises(RankError, match="not a date"):
        repo.set_details(ranking.id, "Team", "tomorrow", "")
    assert repo.get(ranking.id) == ranking
    repo.delete(ranking.id)
    with pytest.raises(RankError, match="no longer exists"):
        repo.set_groups(ranking.id, ranking.groups)


def test_record_round_trip_is_tolerant() -> None:
    """A stored record round-trips, and a damaged one still loads."""
    ranking = Ranking(3, "ahep", "2024", "Team", "2026-01-01", "c", "u", (("a", "b"), ("c",)), "n", "example")
    assert Ranking.from_record({**ranking.to_record(), "id": 3}) == ranking
    assert Ranking.from_record({"id": 4, "groups": "junk"}).groups == ()
