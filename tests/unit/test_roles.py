"""Role profiles: the gap, the level comparison, the fit ranking and the move between roles, against hand-computed cases.

The cases use a small framework (scale 0 to 10, three levels, seven behaviours) so that every
number can be worked out by hand; each expected value is written out, never computed here.
"""

from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from tui.context import AppContext
from tui.core.finder import CONSISTENTLY, NOT_YET, FinderRecord, derive, mark_key
from tui.core.frameworks import parse_framework
from tui.core.model import Framework
from tui.core.roles import (EXAMPLE_MARK, RoleError, RoleProfile, check_role, closest_roles, compare_finder,
                            compare_wheel, demo_roles, framework_roles, role_suggestions, target_problem, transition,
                            unplaced_targets)
from tui.core.wheels import Assessment

TINY = textwrap.dedent(
    """\
    schema: framewheel/framework@1
    id: tiny
    title: Tiny framework
    version: "1"
    area_name: behaviour
    levels:
      - {id: first, title: First}
      - {id: second, title: Second}
      - {id: third, title: Third}
    areas:
      - id: one
        title: One
        exemplars:
          first: ["I do one."]
          second: ["I lead one.", "I teach one."]
          third: ["I shape one."]
      - id: two
        title: Two
        exemplars:
          first: ["I do two."]
          second: ["I lead two."]
      - id: three
        title: Three
        exemplars:
          first: ["I do three."]
      - id: four
        title: Four
        exemplars:
          first: ["I do four."]
      - {id: five, title: Five}
      - {id: six, title: Six}
      - {id: seven, title: Seven}
    roles:
      - id: lead
        title: Lead
        targets: {two: 7, one: second}
    """
)


@pytest.fixture
def tiny() -> Framework:
    """The small framework of these cases."""
    return parse_framework(TINY, "tiny.yaml")


def wheel_of(ratings: dict[str, int], series: str = "current", **more: dict[str, int]) -> Assessment:
    """A wheel of the tiny framework with these ratings in one series (and others by name)."""
    cells: dict[str, dict[str, int]] = {a: {series: v} for a, v in ratings.items()}
    for other, values in more.items():
        for a, v in values.items():
            cells.setdefault(a, {})[other] = v
    return Assessment(1, "tiny", "1", "Mine", "2026-11-01T10:00:00+00:00", "2026-11-01T10:00:00+00:00", ratings=cells)


def role(name: str, **targets: int | str) -> RoleProfile:
    """A role made in the app over the tiny framework."""
    return RoleProfile(1, name, "tiny", dict(targets))


# --- a wheel against a role ---------------------------------------------------------------------


def test_gap_order_shortfalls_by_size_ties_in_framework_order(tiny: Framework) -> None:
    """Shortfalls largest first (a tie in framework order), then unrated, met, and strengths by how far above."""
    target = role("Wide", one=6, two=7, three=5, four=8, five=5, six=4, seven=3)
    wheel = wheel_of({"one": 4, "two": 4, "three": 3, "five": 6, "six": 8, "seven": 3})
    comparison = compare_wheel(tiny, wheel, target)
    assert [(g.area.id, g.status, g.gap) for g in comparison.gaps] == [
        ("two", "short", 3), ("one", "short", 2), ("three", "short", 2), ("four", "unrated", 0),
        ("seven", "met", 0), ("six", "above", 0), ("five", "above", 0)]
    assert [g.symbol for g in comparison.gaps] == ["▼", "▼", "▼", "·", "✓", "▲", "▲"]
    assert [g.words() for g in comparison.gaps] == [
        "3 below (4 of 7)", "2 below (4 of 6)", "2 below (3 of 5)", "not rated (target 8)", "met (3)",
        "4 above (8 of 4)", "1 above (6 of 5)"]
    assert (comparison.met, comparison.total, comparison.headline) == (3, 7, "met 3 of 7")
    assert [g.area.id for g in comparison.shortfalls] == ["two", "one", "three"]
    assert [g.area.id for g in comparison.strengths] == ["six", "five"]
    assert [g.area.id for g in comparison.unrated] == ["four"]
    assert comparison.series_id == "current" and comparison.series_title == "How confident I feel now"


def test_an_unrated_area_is_never_met(tiny: Framework) -> None:
    """A wheel with nothing rated meets nothing, even a target at the bottom of the scale."""
    comparison = compare_wheel(tiny, wheel_of({}), role("Low", one=0, two=1))
    assert [g.status for g in comparison.gaps] == ["unrated", "unrated"]
    assert comparison.headline == "met 0 of 2" and comparison.shortfalls == ()


def test_met_and_above_both_count_as_met(tiny: Framework) -> None:
    """On the target is met, beyond it is above: both count in "met n of m"; only above is a strength."""
    comparison = compare_wheel(tiny, wheel_of({"one": 5, "two": 9}), role("R", one=5, two=5))
    assert [(g.area.id, g.status) for g in comparison.gaps] == [("one", "met"), ("two", "above")]
    assert comparison.headline == "met 2 of 2"
    assert [g.area.id for g in comparison.strengths] == ["two"]


def test_mixed_scale_and_level_targets(tiny: Framework) -> None:
    """Level targets are left to the level finder: named in the headline, not counted in "met n of m"."""
    comparison = compare_wheel(tiny, wheel_of({"one": 9, "two": 4}), role("Mixed", one="second", two=6, three="first"))
    assert [g.area.id for g in comparison.gaps] == ["two"]
    assert [(a.id, level) for a, level in comparison.level_targets] == [("one", "second"), ("three", "first")]
    assert comparison.headline == "met 0 of 1 (2 level targets: compare with the level finder)"
    single = compare_wheel(tiny, wheel_of({}), role("One level", one="second", two=6))
    assert single.headline == "met 0 of 1 (1 level target: compare with the level finder)"


def test_another_series_and_an_unknown_one(tiny: Framework) -> None:
    """A series of the person's choosing is compared; one the framework lacks is refused with its series named."""
    wheel = wheel_of({"one": 2}, aspiration={"one": 8})
    assert compare_wheel(tiny, wheel, role("R", one=6)).headline == "met 0 of 1"
    other = compare_wheel(tiny, wheel, role("R", one=6), "aspiration")
    assert other.headline == "met 1 of 1" and other.series_title == "Where I would like to be"
    with pytest.raises(RoleError) as refused:
        compare_wheel(tiny, wheel, role("R", one=6), "later")
    assert str(refused.value) == "'later' is not a series of Tiny framework (its series: current (N), aspiration (W), organisation (O))"


# --- a level-finder result against a role -------------------------------------------------------


def finder_record(marks: dict[str, dict[str, str]]) -> FinderRecord:
    """A level-finder record of the tiny framework with these marks."""
    return FinderRecord(1, "tiny", "1", "Finding my level", "2026-11-20T09:00:00+00:00", "2026-11-20T09:00:00+00:00",
                        marks=marks)


def test_compare_finder_derived_against_expected(tiny: Framework) -> None:
    """Per area the derived level against the expected one; the next level's unmet exemplars for a shortfall."""
    record = finder_record({
        # one: First reached (1 of 1); Second 1 of 2 consistently (not more than half): derived First.
        "one": {mark_key("first", 0): CONSISTENTLY, mark_key("second", 0): CONSISTENTLY, mark_key("second", 1): NOT_YET},
        # two: First and Second reached: derived Second, above the expected First.
        "two": {mark_key("first", 0): CONSISTENTLY, mark_key("second", 0): CONSISTENTLY},
        # three: nothing marked: no level yet; four: First reached, as expected.
        "four": {mark_key("first", 0): CONSISTENTLY},
    })
    target = role("Levels", one="third", two="first", three="first", four="first", five=5)
    comparison = compare_finder(tiny, derive(tiny, record), target)
    assert [(g.area.id, g.status, g.levels_short) for g in comparison.gaps] == [
        ("one", "short", 2), ("three", "short", 1), ("two", "above", 0), ("four", "met", 0)]
    one, three, two, four = comparison.gaps
    assert one.words() == "First, expected Third (2 levels below)"
    assert one.next_level is not None and one.next_level.id == "second"
    assert one.next_exemplars == ("I teach one.",)  # the next level's exemplar not yet consistent
    assert three.words() == "no level yet, expected First (1 level below)"
    assert three.next_exemplars == ("I do three.",)
    assert two.words() == "Second, expected First (above)" and two.next_exemplars == () and two.next_level is None
    assert four.words() == "First, expected First (met)" and four.symbol == "✓"
    assert [g.symbol for g in comparison.gaps] == ["▼", "▼", "▲", "✓"]
    assert (comparison.met, comparison.total) == (2, 4)
    assert comparison.headline == "met 2 of 4 (1 scale target: compare with a wheel)"
    assert [g.area.id for g in comparison.shortfalls] == ["one", "three"]


def test_compare_finder_without_marks_is_short_everywhere(tiny: Framework) -> None:
    """No record at all: every level target is short by its level's position plus one."""
    comparison = compare_finder(tiny, derive(tiny, None), role("L", one="second", two="first"))
    assert [(g.area.id, g.levels_short) for g in comparison.gaps] == [("one", 2), ("two", 1)]
    assert comparison.headline == "met 0 of 2"
    assert comparison.gaps[0].next_exemplars == ("I do one.",)


# --- which roles fit ------------------------------------------------------------------------------


def test_closest_roles_ordering_and_closeness(tiny: Framework) -> None:
    """Closeness = 1 - points missing / points needed (from the scale's bottom; unrated counts in full).

    Wheel: one 4, two 4, three 7, five 5, four not rated.
    * Ready (three 5, five 5): needed 10, missing 0 -> 1.0.
    * Half (one 4, two 8): needed 12, missing 0 + 4 -> 2/3, met 1.
    * Zed lead (one 6, two 6) and Alpha lead (one 5, two 7): needed 12, missing 4 -> 2/3, met 0: by name.
    * Far (one 4, four 8): needed 12, missing 0 + 8 (not rated) -> 1/3.
    * Levels only: nothing to compare on the scale, so not ranked.
    """
    wheel = wheel_of({"one": 4, "two": 4, "three": 7, "five": 5})
    roles = [role("Zed lead", one=6, two=6), role("Far", one=4, four=8), role("Levels only", one="first"),
             role("Alpha lead", one=5, two=7), role("Half", one=4, two=8), role("Ready", three=5, five=5)]
    ranked = closest_roles(tiny, wheel, roles, count=10)
    assert [f.role.name for f in ranked] == ["Ready", "Half", "Alpha lead", "Zed lead", "Far"]
    assert [f.closeness for f in ranked] == pytest.approx([1.0, 2 / 3, 2 / 3, 2 / 3, 1 / 3])
    assert [f.percent for f in ranked] == [100, 67, 67, 67, 33]
    assert [f.words() for f in ranked] == [
        "100% of the way: met 2 of 2", "67% of the way: met 1 of 2, 4 points short",
        "67% of the way: met 0 of 2, 4 points short", "67% of the way: met 0 of 2, 4 points short",
        "33% of the way: met 1 of 2, 1 not rated"]
    assert [f.role.name for f in closest_roles(tiny, wheel, roles)] == ["Ready", "Half", "Alpha lead"]


def test_closeness_one_point_short(tiny: Framework) -> None:
    """One target of 8 rated 7: 1 - 1/8 = 0.875, 88% (and "1 point short", singular)."""
    [found] = closest_roles(tiny, wheel_of({"one": 7}), [role("R", one=8)])
    assert found.closeness == 0.875 and found.percent == 88
    assert found.words() == "88% of the way: met 0 of 1, 1 point short"


# --- moving between roles -------------------------------------------------------------------------


def test_transition_raise_new_lower_dropped(tiny: Framework) -> None:
    """Every area either role names: raises first (largest, ties in framework order), then new, differs, lower, dropped, same."""
    have = role("Officer", one=5, two="first", three=6, four=4, six=5, seven=5)
    want = role("Manager", one=7, two="third", four=3, five=6, six=5, seven="first")
    moved = transition(tiny, have, want)
    assert [(c.area.id, c.kind, c.by) for c in moved.changes] == [
        ("one", "raise", 2), ("two", "raise", 2), ("five", "new", 0), ("seven", "differs", 0),
        ("four", "lower", 1), ("three", "dropped", 0), ("six", "same", 0)]
    assert [c.words(tiny) for c in moved.changes] == [
        "raise by 2 points (5 to 7)", "raise by 2 levels (First to Third)", "new: 6", "5 becomes First",
        "lower by 1 point (4 to 3)", "no longer expected (was 6)", "the same (5)"]
    assert [c.area.id for c in moved.raises] == ["one", "two", "five", "seven"]
    assert moved.summary(tiny) == ("To move from Officer to Manager: One raise by 2 points (5 to 7); "
                                   "Two raise by 2 levels (First to Third); Five new: 6; Seven 5 becomes First.")


def test_transition_to_a_smaller_role_needs_nothing_more(tiny: Framework) -> None:
    """Moving to a role that asks less: the summary says nothing needs more."""
    moved = transition(tiny, role("Big", one=8, two=8), role("Small", one=1))
    assert [(c.area.id, c.kind, c.by) for c in moved.changes] == [("one", "lower", 7), ("two", "dropped", 0)]
    assert moved.summary(tiny) == "To move from Big to Small: no behaviour needs more."
    assert transition(tiny, role("A", one="first"), role("B", one="first")).changes[0].words(tiny) == "the same (First)"


# --- from gaps to a plan ----------------------------------------------------------------------------


def test_role_suggestions_from_the_wheel(tiny: Framework) -> None:
    """One suggestion per shortfall, largest first, tied to the area and the role, dated 91 days on."""
    comparison = compare_wheel(tiny, wheel_of({"one": 4, "two": 6, "five": 2, "six": 9}),
                               role("Lead", one=6, two=7, five=5, six=5))
    found = role_suggestions(tiny, comparison, today=date(2026, 12, 1))
    assert [(s.kind, s.area_id) for s in found] == [("role", "five"), ("role", "one"), ("role", "two")]
    five, one = found[0], found[1]
    assert one.title == "For the role Lead: One"
    assert one.reason == "For the role “Lead”, One is 2 below (4 of 6)."
    assert one.success_criteria == "At my next wheel I rate myself 6 or more in One, the target of the role “Lead”."
    assert one.activities == ("Read the exemplars for this behaviour; agree one piece of work that builds it "
                              "towards the role with my manager.")
    assert five.activities == "Agree one piece of work that builds it towards the role with my manager."  # no exemplars
    assert five.reason == "For the role “Lead”, Five is 3 below (2 of 5)."
    assert {s.target_date for s in found} == {"2027-03-02"}
    assert one.objective_fields()["areas"] == ("one",)


def test_role_suggestions_from_the_level_finder(tiny: Framework) -> None:
    """A level shortfall suggests working on the next exemplars."""
    record = finder_record({"one": {mark_key("first", 0): CONSISTENTLY}})
    comparison = compare_finder(tiny, derive(tiny, record), role("Senior", one="second", four="first"))
    found = role_suggestions(tiny, comparison, today=date(2026, 1, 1))
    assert [s.area_id for s in found] == ["one", "four"]
    assert found[0].reason == "For the role “Senior”, One is at First, expected Second (1 level below)."
    assert found[0].success_criteria == "I show the Second exemplars of One consistently, as the role expects."
    assert found[0].activities == "Work on the next exemplars: I lead one. I teach one."  # sentences, not ".;"
    assert found[0].target_date == "2026-04-02"
    assert role_suggestions(tiny, compare_wheel(tiny, wheel_of({"one": 9}), role("R", one=5))) == []



def test_role_suggestions_from_the_wheel_and_the_level_finder_together(tiny: Framework) -> None:
    """A role with scale and level targets: the wheel's shortfalls, then the level finder's, each area once."""
    mixed = role("Mixed", one="second", two=7, four="first", five=5)
    wheel = compare_wheel(tiny, wheel_of({"two": 4, "five": 5}), mixed)
    levels = compare_finder(tiny, derive(tiny, finder_record({"one": {mark_key("first", 0): CONSISTENTLY}})), mixed)
    assert [g.area.id for g in wheel.shortfalls] == ["two"]
    found = role_suggestions(tiny, wheel, levels, today=date(2026, 1, 1))
    assert [s.area_id for s in found] == ["two", "one", "four"]
    assert found[0].reason == "For the role “Mixed”, Two is 3 below (4 of 7)."
    assert found[1].reason == "For the role “Mixed”, One is at First, expected Second (1 level below)."
    assert role_suggestions(tiny, levels, levels) == role_suggestions(tiny, levels)  # an area is suggested once


def test_a_role_of_levels_only_is_short_only_in_the_level_finder(tiny: Framework) -> None:
    """Every target a level: the wheel alone suggests nothing, the wheel with the level finder the level shortfalls."""
    levels_only = role("Senior", one="second", two="first")
    wheel = compare_wheel(tiny, wheel_of({"one": 1, "two": 1}), levels_only)
    levels = compare_finder(tiny, derive(tiny, finder_record({"one": {mark_key("first", 0): CONSISTENTLY}})), levels_only)
    assert role_suggestions(tiny, wheel) == []
    assert [s.area_id for s in role_suggestions(tiny, wheel, levels)] == ["one", "two"]


# --- targets the framework cannot place -------------------------------------------------------------


def test_target_problem_messages(tiny: Framework) -> None:
    """Each reason a target cannot be placed, in words naming the area and the framework."""
    assert target_problem(tiny, "one", 7) is None and target_problem(tiny, "one", "third") is None
    assert target_problem(tiny, "one", 0) is None and target_problem(tiny, "one", 10) is None
    assert target_problem(tiny, "nope", 7) == "'nope' is not a behaviour of Tiny framework"
    assert target_problem(tiny, "one", 11) == "the target 11 for 'one' is off the scale (0 to 10)"
    assert target_problem(tiny, "one", -1) == "the target -1 for 'one' is off the scale (0 to 10)"
    assert target_problem(tiny, "one", "boss") == (
        "'boss' for 'one' is not a level of Tiny framework (its levels: first, second, third)")
    for wrong in (True, 7.5, None, ["first"], {"level": "first"}):
        assert target_problem(tiny, "one", wrong) == "the target for 'one' must be a value on the scale or a level id"
    plain = parse_framework(TINY.replace("area_name: behaviour", "area_name: item").split("levels:")[0]
                            + "areas:\n  - {id: a, title: A}\n  - {id: b, title: B}\n  - {id: c, title: C}\n", "p.yaml")
    assert target_problem(plain, "x", 1) == "'x' is not an item of Tiny framework"
    assert target_problem(plain, "a", "first") == "'first' for 'a' is not a level of Tiny framework (its levels: none: it has no levels)"


def test_check_role_lists_every_problem(tiny: Framework) -> None:
    """No name, no areas, and each target that cannot be placed: all of them at once."""
    assert check_role(tiny, "  ", {}) == ["a role needs a name", "a role needs at least one area with a target"]
    assert check_role(tiny, "R", {"one": 12, "nope": 1}) == [
        "the target 12 for 'one' is off the scale (0 to 10)", "'nope' is not a behaviour of Tiny framework"]
    assert check_role(tiny, "R", {"one": 3}) == []


def smaller_tiny(scale: str = "") -> Framework:
    """The tiny framework after a change: no behaviour "seven", no level "third" (and another scale if given)."""
    text = (TINY.replace("  - {id: seven, title: Seven}\n", "").replace("  - {id: third, title: Third}\n", "")
            .replace('      third: ["I shape one."]\n', "").replace("roles:", scale + "roles:")
            .replace("targets: {two: 7, one: second}", "targets: {two: 4}"))
    return parse_framework(text, "changed.yaml")


def test_a_changed_framework_keeps_every_target(tiny: Framework) -> None:
    """Targets of an area or level gone, or now off the scale, are listed as unplaced, left out of the gap, and kept."""
    smaller = smaller_tiny(scale="scale: {min: 1, max: 5}\n")
    made = role("Old", one=4, two="third", three=9, seven=3)
    assert unplaced_targets(smaller, made) == {"two": "third", "three": 9, "seven": 3}
    comparison = compare_wheel(smaller, wheel_of({"one": 4, "seven": 3}), made)
    assert [g.area.id for g in comparison.gaps] == ["one"] and comparison.headline == "met 1 of 1"
    assert comparison.unplaced == {"two": "third", "three": 9, "seven": 3}
    assert compare_finder(smaller, derive(smaller, None), made).gaps == ()
    assert made.targets == {"one": 4, "two": "third", "three": 9, "seven": 3}


def test_framework_roles_and_demo_roles(tiny: Framework) -> None:
    """A framework file's roles come keyed by their id, targets in framework order; demo roles are marked examples."""
    [lead] = framework_roles(tiny)
    assert (lead.key, lead.name, lead.source, lead.from_framework) == ("lead", "Lead", "in the framework file", True)
    assert list(lead.targets) == ["one", "two"]
    examples = demo_roles(tiny)
    assert examples and all(r.name.startswith(EXAMPLE_MARK) and r.example and r.source == "example" for r in examples)
    assert all(check_role(tiny, r.name, r.targets) == [] for r in examples)


# --- the repository -------------------------------------------------------------------------------------


def test_repository_create_save_rename_delete(context: AppContext, tiny: Framework) -> None:
    """Create, change targets, rename and delete; every refusal names the problem and stores nothing."""
    repo = context.roles
    with pytest.raises(RoleError) as refused:
        repo.create(tiny, " ", {})
    assert str(refused.value) == "a role needs a name; a role needs at least one area with a target"
    with pytest.raises(RoleError) as refused:
        repo.create(tiny, "Officer", {})
    assert str(refused.value) == "a role needs at least one area with a target"
    with pytest.raises(RoleError) as refused:
        repo.create(tiny, "Officer", {"one": 11})
    assert str(refused.value) == "the target 11 for 'one' is off the scale (0 to 10)"
    assert repo.count() == 0
    made = repo.create(tiny, "  Team lead ", {"two": 6, "one": "second"})
    assert (made.key, made.name, made.source) == (f"saved:{made.id}", "Team lead", "made in framewheel")
    assert list(made.targets) == ["one", "two"]  # framework order
    changed = repo.save(tiny, made.with_target(tiny, "three", 4).without("two"))
    assert repo.get(made.id) == changed and changed.targets == {"one": "second", "three": 4}
    with pytest.raises(RoleError):
        made.with_target(tiny, "three", 40)
    with pytest.raises(RoleError) as refused:
        repo.save(tiny, changed.without("one").without("three"))
    assert str(refused.value) == "a role needs at least one area with a target"
    with pytest.raises(RoleError) as refused:
        repo.rename(made.id, "   ")
    assert str(refused.value) == "a role needs a name"
    assert repo.rename(made.id, " Lead two ").name == "Lead two"
    stored = repo.get(made.id)
    assert stored is not None and stored.name == "Lead two" and stored.targets == {"one": "second", "three": 4}
    repo.delete(made.id)
    assert repo.get(made.id) is None and repo.count() == 0
    with pytest.raises(KeyError):
        repo.rename(made.id, "Gone")
    with pytest.raises(KeyError):
        repo.save(tiny, stored)


def test_repository_saves_a_role_whose_framework_changed(context: AppContext, tiny: Framework) -> None:
    """A role whose old targets the framework can no longer place can still be changed; the old targets stay."""
    repo = context.roles
    made = repo.create(tiny, "Old", {"one": 4, "two": "third", "seven": 3})
    smaller = smaller_tiny()
    saved = repo.save(smaller, made.with_target(smaller, "one", 6))
    assert saved.targets == {"one": 6, "two": "third", "seven": 3}
    with pytest.raises(RoleError) as refused:  # a new target must be placeable
        repo.save(smaller, RoleProfile(made.id, "Old", "tiny", {**saved.targets, "two": "fourth"}))
    assert str(refused.value).startswith("'fourth' for 'two' is not a level of Tiny framework")
    assert repo.get(made.id) == saved


def test_roles_for_find_and_chosen_for_wheel(context: AppContext, tiny: Framework) -> None:
    """The file's roles first, then those made in the app by name; found by key or name; the role chosen for a wheel."""
    repo = context.roles
    zed = repo.create(tiny, "Zed", {"one": 3})
    alpha = repo.create(tiny, "alpha", {"two": 3})
    repo.create(context.framework, "Elsewhere", {context.framework.areas[0].id: 3})
    assert [r.key for r in repo.roles_for(tiny)] == ["lead", f"saved:{alpha.id}", f"saved:{zed.id}"]
    assert repo.find(tiny, "lead").name == "Lead"  # type: ignore[union-attr]
    assert repo.find(tiny, f"saved:{zed.id}") == zed and repo.find(tiny, str(zed.id)) == zed
    assert repo.find(tiny, "  ZED ") == zed and repo.find(tiny, "Elsewhere") is None and repo.find(tiny, "saved:99") is None
    assert repo.chosen_for_wheel(tiny, 5) is None
    repo.choose_for_wheel(5, alpha, "aspiration")
    repo.choose_for_wheel(6, framework_roles(tiny)[0])
    assert repo.chosen_for_wheel(tiny, 5) == (alpha, "aspiration")
    chosen = repo.chosen_for_wheel(tiny, 6)
    assert chosen is not None and chosen[0].key == "lead" and chosen[1] == ""
    repo.delete(alpha.id)
    assert repo.chosen_for_wheel(tiny, 5) is None  # the role is gone: nothing is chosen
    repo.choose_for_wheel(6, None)
    assert repo.chosen_for_wheel(tiny, 6) is None
    assert [(w.kind, w.title) for w in repo.saved_work()] == [("role", "Elsewhere"), ("role", "Zed")]


def test_demo_has_example_roles(tmp_path: Path) -> None:
    """``--demo`` carries example roles, each named "Example: ..." and marked an example."""
    context = AppContext.open_demo(user_dir=tmp_path / "none")
    try:
        roles = context.roles.roles_for(context.catalog.frameworks["ahep"])
        assert [r.name for r in roles] == ["Example: Head of service", "Example: New starter",
                                           "Example: Senior adviser (levels)", "Example: Team leader"]
        assert all(r.example and r.source == "example" for r in roles)
    finally:
        context.close()


def test_a_name_another_role_has_is_refused(context: AppContext, tiny: Framework) -> None:
    """Names pick roles: a new, renamed or changed role may not take the name of another (the file's own too)."""
    repo = context.roles
    with pytest.raises(RoleError) as refused:
        repo.create(tiny, " lead ", {"one": 5})
    assert str(refused.value) == "a role named “lead” already exists (lead); give this one another name"
    first = repo.create(tiny, "Officer", {"one": 5})
    second = repo.create(tiny, "Adviser", {"one": 6})
    with pytest.raises(RoleError, match="“OFFICER” already exists \\(saved:1\\)"):
        repo.rename(second.id, "OFFICER")
    from dataclasses import replace
    with pytest.raises(RoleError, match="already exists"):
        repo.save(tiny, replace(second, name="Officer"))
    assert repo.save(tiny, replace(first, targets={"one": 7})).targets == {"one": 7}, "its own name is no clash"
    assert sorted(r.name for r in repo.list(tiny.id)) == ["Adviser", "Officer"], "nothing renamed by a refusal"
    assert [r.key for r in repo.matching(tiny, "officer")] == [f"saved:{first.id}"]
