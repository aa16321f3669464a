"""Updating a stored plan from its CSV: rows matched by section and milestone, the changes listed before anything is written."""

from __future__ import annotations

from dataclasses import replace

from tui.core.action_plans import ActionPlan, PlanItem, PlanSection
from tui.core.exchange.plan_files import plan_rows_from_csv, plan_to_csv
from tui.core.plan_update import compute_changes, no_change_text

HEAD = "section,milestone,rag,comment,owner,focus\n"


def stored_plan() -> ActionPlan:
    """A stored plan with a header, two sections and a private comment."""
    return ActionPlan(
        id=3, project="TC action plan", author="Ann Lead", date="2026-01-10", period_from="2026", period_to="2028",
        status="On track",
        sections=(
            PlanSection("Visibility", (
                PlanItem("Launch a newsletter", "amber", "Drafted", "Comms", (2026,)),
                PlanItem("Publish annual report", "green", "Done", "", (2026, 2027)),
            )),
            PlanSection("Recognition", (
                PlanItem("Appoint a technician champion", "red", "Nobody yet", "HR", (2027,), private=True),
            )),
        ),
    )


def changes_for(csv_text: str, **options: bool) -> object:
    """The changes ``csv_text`` makes to :func:`stored_plan`."""
    return compute_changes(stored_plan(), plan_rows_from_csv(csv_text), **options)


def test_own_export_changes_nothing() -> None:
    """The plan's own CSV changes nothing: every item unchanged, the result equal to the plan."""
    plan = stored_plan()
    changes = compute_changes(plan, plan_rows_from_csv(plan_to_csv(plan)))
    assert not changes.any
    assert (changes.added, changes.changed, changes.missing, changes.unchanged) == ((), (), (), 3)
    assert changes.result == plan
    assert changes.summary() == "0 changed, 0 added, 0 removed"
    assert no_change_text("plan.csv", changes) == "No change: the plan already matches plan.csv"


def test_two_ratings_changed_and_a_row_added() -> None:
    """Two edited ratings and one new row: exactly those changes, listed field by field; header and private kept."""
    text = plan_to_csv(stored_plan())
    text = text.replace("Launch a newsletter,amber", "Launch a newsletter,green")
    text = text.replace("Appoint a technician champion,red", "Appoint a technician champion,amber")
    text += "Visibility,Open a technician blog,red,No budget,,2027\n"
    changes = compute_changes(stored_plan(), plan_rows_from_csv(text))
    assert changes.summary() == "2 changed, 1 added, 0 removed"
    assert [(c.milestone, [(f.name, f.before, f.after) for f in c.fields]) for c in changes.changed] == [
        ("Launch a newsletter", [("rag", "Amber", "Green")]),
        ("Appoint a technician champion", [("rag", "Red", "Amber")]),
    ]
    assert [(a.section, a.item.milestone, a.new_section) for a in changes.added] == [("Visibility", "Open a technician blog", False)]
    lines = changes.lines()
    assert lines[0] == "~ Visibility: Launch a newsletter (line 2): rating Amber -> Green"
    assert lines[2] == "+ Visibility: Open a technician blog (line 5): Red; comment 'No budget'; focus 2027"
    result = changes.result
    assert (result.project, result.author, result.date, result.period(), result.status, result.id) == (
        "TC action plan", "Ann Lead", "2026-01-10", "2026 to 2028", "On track", 3)
    assert [i.milestone for i in result.sections[0].items] == ["Launch a newsletter", "Publish annual report", "Open a technician blog"]
    champion = result.sections[1].items[0]
    assert (champion.rag, champion.comment, champion.private) == ("amber", "Nobody yet", True)
    again = compute_changes(result, plan_rows_from_csv(text))
    assert not again.any and again.unchanged == 4


def test_empty_cells_keep_comments_and_ratings_unless_cleared() -> None:
    """A row with only section and milestone keeps the stored rating, comment, owner and focus; --clear-empty clears them."""
    text = HEAD + "visibility, launch  a NEWSLETTER ,,,,\n"
    kept = changes_for(text)
    assert [[(f.name, f.after) for f in c.fields] for c in kept.changed] == [[("milestone", "launch  a NEWSLETTER")]]
    assert kept.result.sections[0].items[0].comment == "Drafted"
    assert kept.result.sections[0].items[0].rag == "amber"
    assert [m.item.milestone for m in kept.kept] == ["Publish annual report", "Appoint a technician champion"]
    cleared = changes_for(HEAD + "Visibility,Launch a newsletter,,,,\n", clear_empty=True)
    assert [(f.name, f.before, f.after) for f in cleared.changed[0].fields] == [
        ("rag", "Amber", "Not rated"), ("comment", "Drafted", ""), ("owner", "Comms", ""), ("focus", "2026", "")]
    assert "rating Amber -> Not rated; comment 'Drafted' -> (empty); owner 'Comms' -> (empty); focus 2026 -> (none)" in cleared.lines()[0]


def test_explicit_not_rated_clears_a_rating() -> None:
    """``-`` in the rag column is "not rated", not an empty cell: it clears the rating without --clear-empty."""
    changes = changes_for(HEAD + "Visibility,Launch a newsletter,-,,,\n")
    assert [(f.name, f.after) for f in changes.changed[0].fields] == [("rag", "Not rated")]
    assert changes.result.sections[0].items[0].comment == "Drafted"


def test_items_not_in_the_file_are_kept_unless_removing() -> None:
    """An item the file leaves out is listed and kept; with remove it goes, and the summary counts it."""
    text = HEAD + "Visibility,Launch a newsletter,amber,Drafted,Comms,2026\nVisibility,Publish annual report,green,Done,,2026 2027\n"
    kept = changes_for(text)
    assert not kept.any
    assert kept.summary() == "0 changed, 0 added, 0 removed; 1 not in the file, kept"
    assert kept.lines() == ["= Recognition: Appoint a technician champion: not in the file, kept"]
    assert kept.result == stored_plan()
    assert no_change_text("p.csv", kept) == "No change: the plan already matches p.csv (1 item(s) not in the file kept)"
    removing = changes_for(text, remove=True)
    assert removing.any and removing.summary() == "0 changed, 0 added, 1 removed"
    assert removing.lines() == ["- Recognition: Appoint a technician champion: not in the file, removed"]
    assert [s.title for s in removing.result.sections] == ["Visibility", "Recognition"]
    assert removing.result.sections[1].items == ()


def test_new_section_goes_last_and_new_row_follows_the_row_before_it() -> None:
    """A row of an unknown section makes that section at the end; a new row goes after the row before it in its section."""
    text = plan_to_csv(stored_plan()).splitlines()
    text.insert(2, "Visibility,Run an open day,,,,")
    text.append("Staff well-being,Quiet room,green,,,")
    changes = changes_for("\n".join(text) + "\n")
    assert [(a.section, a.new_section) for a in changes.added] == [("Visibility", False), ("Staff well-being", True)]
    assert [i.milestone for i in changes.result.sections[0].items] == ["Launch a newsletter", "Run an open day", "Publish annual report"]
    assert changes.result.sections[2] == PlanSection("Staff well-being", (PlanItem("Quiet room", "green"),))
    assert "+ Staff well-being (new section): Quiet room (line 6): Green" in changes.lines()


def test_same_milestone_in_another_section_is_not_a_match_and_duplicates_match_in_order() -> None:
    """Matching is by section and milestone together; two rows of one milestone match its two items in turn."""
    plan = replace(stored_plan(), sections=(PlanSection("A", (PlanItem("Same", "red", "x"), PlanItem("Same", "green"))),))
    rows = plan_rows_from_csv(HEAD + "A,Same,red,x,,\nA,Same,amber,,,\nB,Same,green,,,\n")
    changes = compute_changes(plan, rows)
    assert [(c.line, [(f.name, f.after) for f in c.fields]) for c in changes.changed] == [(3, [("rag", "Amber")])]
    assert [(a.section, a.item.milestone) for a in changes.added] == [("B", "Same")]


def test_plan_named_and_best_plan() -> None:
    """A plan is found by its project name in any case; an unknown or shared name says why; a file offers its own plan."""
    from tui.core.plan_update import best_plan, plan_named

    a, b = replace(stored_plan(), id=1, project="Board test plan"), replace(stored_plan(), id=2, project="Other")
    assert plan_named([a, b], "board TEST plan") == (a, "")
    assert plan_named([a, b], "Nope") == (None, "there is no action plan named 'Nope'; the plans are 'Board test plan', 'Other'")
    assert plan_named([], "Nope") == (None, "there is no action plan named 'Nope'; there are no action plans yet")
    twin = replace(b, id=3)
    assert plan_named([b, twin], "other")[1].startswith("2 action plans are named 'other' (ids 2, 3)")
    assert best_plan([a, b], "board-test-plan", b) == a
    assert best_plan([a, b], "other", a) == b
    assert best_plan([a, b], "spreadsheet", b) == b


def test_plan_csv_told_by_its_header() -> None:
    """A file whose first line names the six plan columns (any order or case) is a plan CSV; others are not."""
    from tui.core.exchange.plan_files import is_plan_csv

    assert is_plan_csv("\ufeffSection,Milestone,RAG,comment,owner,focus\r\nA,B,,,,\n")
    assert is_plan_csv("focus,owner,comment,rag,milestone,section")
    assert not is_plan_csv("section,milestone,rag\n")
    assert not is_plan_csv('{"format": "framewheel/action-plan@1"}')
    assert not is_plan_csv("")
