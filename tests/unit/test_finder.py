"""The level rule of the finder (3 and 5 levels, uneven exemplars) and the finder repository."""

from __future__ import annotations

import pytest

from tui.context import AppContext
from tui.core.finder import (
    CONSISTENTLY, NOT_YET, SOMETIMES, FinderError, FinderRecord, add_demo_finder, derive, mark_key,
)
from tui.core.model import Area, Framework, Level


def small_framework(level_ids: list[str], exemplars: dict[str, dict[str, int]]) -> Framework:
    """A framework with the given levels and, per area, how many exemplars each level has."""
    levels = tuple(Level(lid, lid.title()) for lid in level_ids)
    areas = tuple(
        Area(aid, aid.title(), exemplars={lid: tuple(f"{aid} {lid} {i}" for i in range(n)) for lid, n in counts.items()})
        for aid, counts in exemplars.items()
    )
    return Framework(id="small", title="Small", version="1", areas=areas, levels=levels)


def record(marks: dict[str, dict[str, str]]) -> FinderRecord:
    """A record with the given marks (area -> 'level/index' -> mark)."""
    return FinderRecord(1, "small", "1", "test", "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00", marks=marks)


def marked(level: str, values: str) -> dict[str, str]:
    """Marks for one level from letters: c consistently, s sometimes, x not yet, . unmarked."""
    names = {"c": CONSISTENTLY, "s": SOMETIMES, "x": NOT_YET}
    return {mark_key(level, i): names[ch] for i, ch in enumerate(values) if ch != "."}


THREE = small_framework(["first", "second", "third"], {
    "a": {"first": 3, "second": 3, "third": 3},
    "b": {"first": 1, "second": 2, "third": 4},
    "c": {"first": 2, "third": 5},
})
"""Three levels; area b has 1, 2 and 4 exemplars; area c has none at the second level."""


def test_more_than_half_consistently_reaches_a_level() -> None:
    """2 of 3 reaches; 1 of 2 does not; 2 of 2 does; sometimes does not count."""
    marks = {
        "a": {**marked("first", "ccc"), **marked("second", "ccs"), **marked("third", "css")},
        "b": {**marked("first", "c"), **marked("second", "cs"), **marked("third", "cccc")},
    }
    result = derive(THREE, record(marks))
    a, b = result.area("a"), result.area("b")
    assert a.level.id == "second"
    assert a.reason == "Second: 3 of 3 consistently at First, 2 of 3 at Second, 1 of 3 at Third"
    assert a.next_level.id == "third" and a.next_steps == ("a third 1", "a third 2")
    assert b.level.id == "first"  # 1 of 2 at second is only half; third's 4 of 4 cannot skip it
    assert b.next_steps == ("b second 1",)


def test_a_level_without_exemplars_is_skipped() -> None:
    """Area c has no second-level exemplars: reaching first and third gives third."""
    result = derive(THREE, record({"c": {**marked("first", "cc"), **marked("third", "cccxx")}}))
    c = result.area("c")
    assert c.level.id == "third" and c.next_level is None and c.next_steps == ()
    assert c.reason == "Third: 2 of 2 consistently at First, 3 of 5 at Third"


def test_nothing_reached_and_no_marks() -> None:
    """No marks: no level, the first level's exemplars are the next steps, and the overall says so."""
    result = derive(THREE, None)
    assert result.overall is None and result.marked_areas == 0
    assert result.area("b").level is None and result.area("b").next_steps == ("b first 0",)
    assert result.reason.startswith("No marks yet")
    one = derive(THREE, record({"a": marked("first", "cxx")}))
    assert one.area("a").level is None and one.overall is None and "fewer than half" in one.reason


FIVE = small_framework(["l1", "l2", "l3", "l4", "l5"], {
    f"area{n}": {"l1": 2, "l2": 3, "l3": 1, "l4": 4, "l5": 2} for n in range(1, 6)
})
"""Five levels with 2, 3, 1, 4 and 2 exemplars in every one of five areas."""


def reaching(level_count: int) -> dict[str, str]:
    """Marks that reach exactly the first ``level_count`` levels of FIVE."""
    sizes = {"l1": 2, "l2": 3, "l3": 1, "l4": 4, "l5": 2}
    marks: dict[str, str] = {}
    for position, (level, size) in enumerate(sizes.items()):
        letters = "c" * size if position < level_count else "x" * size
        marks.update(marked(level, letters))
    return marks


def test_five_levels_overall_is_highest_level_half_the_marked_areas_reach() -> None:
    """Areas at l5, l4, l3, l2 and one unmarked: overall l3 (2 of 4 at l4 or above also counts as half)."""
    marks = {"area1": reaching(5), "area2": reaching(4), "area3": reaching(3), "area4": reaching(2)}
    result = derive(FIVE, record(marks))
    assert [r.level.id if r.level else None for r in result.areas] == ["l5", "l4", "l3", "l2", None]
    assert result.marked_areas == 4
    assert result.overall.id == "l4" and result.reaching == 2
    assert result.reason == "L4: 2 of 4 marked areas at L4 or above (at least half needed)"
    marks["area5"] = reaching(1)
    result = derive(FIVE, record(marks))
    assert result.overall.id == "l3" and result.reaching == 3


def test_five_levels_uneven_thresholds() -> None:
    """3 of 4 reaches l4; 2 of 4 does not; 1 of 1 reaches l3."""
    marks = reaching(3)
    marks.update(marked("l4", "ccxc"))
    assert derive(FIVE, record({"area1": marks})).area("area1").level.id == "l4"
    marks.update(marked("l4", "ccxx"))
    result = derive(FIVE, record({"area1": marks}))
    assert result.area("area1").level.id == "l3"
    assert result.area("area1").next_steps == ("area1 l4 2", "area1 l4 3")


def test_repository_marks_notes_latest_levels_and_refusals(context: AppContext) -> None:
    """Marks and notes are stored; bad marks change nothing; latest_levels reads the newest record."""
    repo, framework = context.finder, context.framework
    assert repo.latest_levels(framework) == {}
    rec = repo.create(framework, "First go")
    for i in range(3):
        repo.set_mark(rec.id, framework, "working-together", "associate", i, CONSISTENTLY)
    repo.set_note(rec.id, framework, "working-together", "associate", 0, "  Led the team rota  ")
    stored = repo.get(rec.id)
    assert stored.mark("working-together", "associate", 2) == CONSISTENTLY
    assert stored.note("working-together", "associate", 0) == "Led the team rota"
    assert repo.latest_levels(framework) == {"working-together": "associate"}
    with pytest.raises(FinderError):
        repo.set_mark(rec.id, framework, "working-together", "associate", 7, CONSISTENTLY)
    with pytest.raises(FinderError):
        repo.set_mark(rec.id, framework, "working-together", "associate", 0, "always")
    with pytest.raises(FinderError):
        repo.set_mark(rec.id, framework, "nowhere", "associate", 0, CONSISTENTLY)
    assert repo.get(rec.id).marks == stored.marks
    repo.set_mark(rec.id, framework, "working-together", "associate", 2, None)
    assert repo.latest_levels(framework) == {"working-together": "associate"}  # 2 of 3 still reaches
    repo.set_mark(rec.id, framework, "working-together", "associate", 1, SOMETIMES)
    assert repo.latest_levels(framework) == {"working-together": None}
    assert [w.kind for w in context.saved_work()] == ["level finder"]
    repo.delete(rec.id)
    assert repo.list() == []


def test_demo_record_gives_levels(context: AppContext) -> None:
    """The demo record reaches Member overall, with two commitments at Accredited Member."""
    framework = context.catalog.frameworks["ahep"]
    add_demo_finder(context.finder, framework)
    levels = context.finder.latest_levels(framework)
    assert list(levels.values()).count("accredited-member") == 2
    assert list(levels.values()).count("member") == 6
    assert derive(framework, context.finder.latest("ahep")).overall.id == "member"
    assert add_demo_finder(context.finder, context.catalog.frameworks["aspect-core-principles"]) is None
