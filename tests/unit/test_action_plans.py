"""The action-plan core: the repository, the board editor with undo/redo, CSV and Markdown, the exchange form."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from tui.core.action_plan_demo import demo_plans
from tui.core.action_plans import (
    TEMPLATE_SECTIONS,
    ActionPlan,
    FocusError,
    PlanFormatError,
    PlanItem,
    PlanSection,
    parse_focus,
    plan_from_dict,
    plan_to_dict,
)
from tui.core.board_editor import HEADING, BoardEditor, EditError, visible_rows
from tui.context import AppContext
from tui.core.exchange.plan_files import (
    PlanImportError,
    plan_from_csv,
    plan_to_csv,
    plan_to_markdown,
)


def plan() -> ActionPlan:
    """Two sections: A (a1, a2) and B (b1)."""
    return ActionPlan(id=0, project="P", sections=(
        PlanSection("A", (PlanItem("a1", "red", "late"), PlanItem("a2", "green"))),
        PlanSection("B", (PlanItem("b1"),)),
    ))


def names(p: ActionPlan) -> list[list[str]]:
    """Milestones per section."""
    return [[i.milestone for i in s.items] for s in p.sections]


def test_repository_create_template_blank_save_delete_and_saved_work(context: AppContext) -> None:
    """Plans are created from the template or blank, saved whole, listed as saved work, deleted."""
    repo = context.action_plans
    templ = repo.create("Ours", author="Lead")
    blank = repo.create("Empty", template=False)
    assert [s.title for s in templ.sections] == list(TEMPLATE_SECTIONS) and blank.sections == ()
    editor = BoardEditor(templ, (0, HEADING))
    editor.add_item("First")
    repo.save(editor.plan)
    assert repo.get(templ.id).sections[0].items[0].milestone == "First"  # type: ignore[union-attr]
    assert repo.update_header(templ.id, status="Ongoing").status == "Ongoing"
    assert {w.title for w in context.saved_work()} == {"Ours", "Empty"}
    repo.delete(blank.id)
    assert repo.count() == 1


def test_editor_ratings_fields_and_many_undo_levels() -> None:
    """Each change can be undone in turn and redone; a new change forgets the redo."""
    editor = BoardEditor(plan(), (0, 1))
    editor.set_rating("amber")
    editor.cycle_rating()
    editor.set_item(comment="ok", focus="2021-2023")
    assert editor.item() == PlanItem("a2", "green", "ok", "", (2021, 2022, 2023))
    assert editor.undo() and editor.item().focus == ()  # type: ignore[union-attr]
    assert editor.undo() and editor.item().rag == "amber"  # type: ignore[union-attr]
    assert editor.undo() and editor.item().rag == "green"  # type: ignore[union-attr]
    assert not editor.undo()
    assert editor.redo() and editor.redo() and editor.item().rag == "green"  # type: ignore[union-attr]
    editor.set_rating("red")
    assert not editor.redo()


def test_editor_refuses_bad_edits_without_change() -> None:
    """An empty milestone, bad focus years, rating a heading: refused, nothing recorded."""
    editor = BoardEditor(plan(), (0, 0))
    with pytest.raises(EditError):
        editor.set_item(milestone="  ")
    with pytest.raises(FocusError, match="'20x1' is not a year"):
        editor.set_item(focus="2021 20x1")
    editor.cursor = (1, HEADING)
    with pytest.raises(EditError):
        editor.set_rating("red")
    assert editor.plan == plan() and not editor.can_undo


def test_move_across_sections_and_back_by_undo() -> None:
    """Moving past a section's edge enters the next section; at the plan's edge it is refused."""
    editor = BoardEditor(plan(), (0, 1))
    editor.move(1)
    assert names(editor.plan) == [["a1"], ["a2", "b1"]] and editor.cursor == (1, 0)
    editor.move(-1)
    assert names(editor.plan) == [["a1", "a2"], ["b1"]] and editor.cursor == (0, 1)
    editor.cursor = (0, 0)
    with pytest.raises(EditError, match="top"):
        editor.move(-1)
    editor.undo()
    assert names(editor.plan) == [["a1"], ["a2", "b1"]]


def test_add_delete_sections_and_items() -> None:
    """`n` on a heading adds first in the section; deleting a heading removes the section; undo restores."""
    editor = BoardEditor(plan(), (1, HEADING))
    editor.add_item("b0")
    assert names(editor.plan)[1] == ["b0", "b1"] and editor.cursor == (1, 0)
    editor.add_section("C")
    assert [s.title for s in editor.plan.sections] == ["A", "B", "C"]
    editor.cursor = (0, HEADING)
    editor.delete()
    assert [s.title for s in editor.plan.sections] == ["B", "C"]
    editor.undo()
    assert [s.title for s in editor.plan.sections] == ["A", "B", "C"]
    empty = BoardEditor(ActionPlan(id=1, project="x"))
    empty.add_item("first")
    assert names(empty.plan) == [["first"]]


def test_visible_rows_filters() -> None:
    """Rating, section and search filters; headings shown only when their section has matches."""
    p = plan()
    assert [r.cursor for r in visible_rows(p, rating="red")] == [(0, HEADING), (0, 0)]
    assert [r.cursor for r in visible_rows(p, section=1)] == [(1, HEADING), (1, 0)]
    assert [r.cursor for r in visible_rows(p, search="LATE")] == [(0, HEADING), (0, 0)]
    assert len(visible_rows(p)) == 5
    assert p.unexplained_reds() == [] and p.counts() == {"red": 1, "amber": 0, "green": 1, "": 1}


def test_csv_round_trip_and_columns() -> None:
    """Export then import gives the same sections and items; the header row is the contract."""
    source = demo_plans()[1]
    text = plan_to_csv(source)
    assert text.splitlines()[0] == "section,milestone,rag,comment,owner,focus"
    back = plan_from_csv(text)
    assert [(s.title, s.items) for s in back.sections] == [(s.title, s.items) for s in source.sections]


def test_csv_import_reports_every_problem_with_line_and_column() -> None:
    """Every bad row is reported with its line (multi-line cells counted) and column; nothing is returned."""
    text = (
        "section,milestone,rag,comment,owner,focus\n"
        'Vis,"Two\nlines",R,,,2021\n'
        "Vis,ok,purple,,,\n"
        ",no section,,,,\n"
        "Rec,bad year,G,,,20x1\n"
        "Rec,short\n"
    )
    with pytest.raises(PlanImportError) as caught:
        plan_from_csv(text)
    assert [str(p) for p in caught.value.problems] == [
        "line 4, column rag: 'purple' is not red, amber, green (R, A, G) or empty",
        "line 5, column section: is empty; every item belongs to a section",
        "line 6, column focus: '20x1' is not a year (write years such as 2021 2022, or 2021-2023)",
        "line 7: has 2 values; expected 6 (section,milestone,rag,comment,owner,focus)",
    ]


@pytest.mark.parametrize(("text", "expected"), [
    ("", "line 1: the file is empty"),
    ("section,milestone,rag\nA,b,\n", "line 1: missing column(s) comment, owner, focus"),
    ("section,milestone,rag,comment,owner,focus,extra\n", "line 1: unknown column(s) extra"),
    ("section,milestone,rag,comment,owner,focus\n", "line 1: the file has a header but no items"),
])
def test_csv_import_header_problems(text: str, expected: str) -> None:
    """A missing or wrong header, or no rows, is reported on line 1."""
    with pytest.raises(PlanImportError) as caught:
        plan_from_csv(text)
    assert str(caught.value.problems[0]).startswith(expected)


def test_markdown_report_has_header_counts_tables_and_reds() -> None:
    """The seed's layout: header table, counts with letters, the reds explained first, then one table by theme."""
    p = BoardEditor(plan(), (1, 0))
    p.set_rating("red")
    text = plan_to_markdown(p.plan)
    assert "| **Project** | P |" in text
    assert "**3 milestones:** R ● Red 2 · A ▲ Amber 0 · G ✔ Green 1 · – ○ Not rated 0; green: 33%" in text
    assert "**1 red milestone(s) have no explanation yet.**" in text
    reds, by_theme = text.split("## Red milestones and their explanations")[1].split("## Milestones by theme")
    assert "| Theme | Milestone description | Explanation |" in reds
    assert "| A | a1 | late |" in reds and "| B | b1 | **No explanation given yet.** |" in reds
    assert by_theme.index("| **A** |") < by_theme.index("| a1 | R ● Red | late |") < by_theme.index("| **B** |")
    assert "| Milestone description | RAG rating | Comments |" in by_theme


def test_markdown_report_flags_focus_years_outside_the_period() -> None:
    """A focus year outside a 2026-2028 plan is marked in its row and listed, with words and a symbol."""
    board = ActionPlan(id=1, project="P", period_from="2026", period_to="2028", sections=(
        PlanSection("Visibility", (PlanItem("Annual report", focus=(2027, 2028, 2029)), PlanItem("Forum", focus=(2026,)))),))
    text = plan_to_markdown(board)
    assert "**⚠ 1 milestone(s) have focus years outside the plan's period (2026 to 2028).**" in text
    assert "| Annual report | – ○ Not rated |   | 2027 2028 2029 (⚠ 2029 outside the period) |" in text
    assert "| Forum | – ○ Not rated |   | 2026 |" in text
    assert "- ⚠ Annual report (Visibility): 2029 is outside the plan's period (2026 to 2028)" in text
    assert "outside" not in plan_to_markdown(replace(board, period_to="Present"))


def test_exchange_dict_round_trip_and_errors() -> None:
    """plan_to_dict / plan_from_dict round-trip; every bad field is named."""
    source = demo_plans()[0]
    back = plan_from_dict(plan_to_dict(source))
    assert back.sections == source.sections and back.project == source.project and back.example
    with pytest.raises(PlanFormatError) as caught:
        plan_from_dict({"format": "framewheel/action-plan@1", "sections": [{"title": "A", "items": [{"milestone": "", "rag": "blue", "focus": ["x"]}]}]})
    assert caught.value.problems == [
        "sections[0].items[0].milestone: every item needs a milestone",
        "sections[0].items[0].rag: 'blue' is not red, amber, green or empty",
        "sections[0].items[0].focus: must be a list of years such as [2021, 2022]",
    ]


def test_parse_focus_forms() -> None:
    """Years, lists and ranges."""
    assert parse_focus("2023, 2021;2022") == (2021, 2022, 2023)
    assert parse_focus("2021-2023") == (2021, 2022, 2023)
    assert parse_focus("") == ()
    with pytest.raises(FocusError):
        parse_focus("2023-2021")


def test_demo_plans_come_from_the_seed_without_people() -> None:
    """Appendix A's milestones and comments and Appendix B's actions, marked as examples, with no names or contacts."""
    analysis, actions = demo_plans()
    assert analysis.example and actions.example and "example" in analysis.status.lower()
    assert analysis.item_count() == 33 and actions.item_count() == 28
    assert [s.title for s in analysis.sections][:2] == ["Ongoing Actions", "Visibility"]
    drive = actions.sections[0].items[0]
    assert drive.milestone.startswith("Drive progress") and drive.focus == (2021, 2022, 2023)
    assert analysis.sections[1].items[3].milestone == "Introduce a biennial Technical Staff Conference from 2019/20"
    assert "<p>" not in repr(plan_to_dict(analysis))
    everything = repr(plan_to_dict(analysis)) + repr(plan_to_dict(actions))
    for person in ("Rodney", "Day,", "Ivie", "McIntyre", "Sue Grant", "Campbell"):
        assert person not in everything
    assert not re.search(r"[\w.]+@[\w-]+\.[a-z]{2,}", everything) and "01707" not in everything


def test_demo_database_has_the_plans(tmp_path: Path) -> None:
    """--demo fills the example plans."""
    context = AppContext.open_demo(user_dir=tmp_path / "u")
    try:
        assert context.action_plans.count() == 2
    finally:
        context.close()


def plan_on_disk(db_path: Path, plan_id: int) -> ActionPlan:
    """The plan as it is in the data file now, read from disk (not any instance's memory)."""
    import json

    record = json.loads(db_path.read_text(encoding="utf-8"))["action_plans"][str(plan_id)]
    return ActionPlan.from_record({**record, "id": plan_id})


def test_two_instances_on_one_board_keep_each_others_changes(db_path: Path, tmp_path: Path) -> None:
    """A rates item one and B (another instance, same file) edits item two: both changes are in the file."""
    first = AppContext.open(db_path, user_dir=tmp_path / "none")
    second = AppContext.open(db_path, user_dir=tmp_path / "none")
    try:
        stored = first.action_plans.add(plan())
        board_a, board_b = BoardEditor(stored), BoardEditor(second.action_plans.get(stored.id) or stored)
        board_a.cursor = (0, 0)
        board_a.set_rating("amber")
        board_b.cursor = (0, 1)
        board_b.set_item(comment="done in May", owner="Sam")
        first.action_plans.save_changes(stored, board_a.plan)
        second.action_plans.save_changes(stored, board_b.plan)
        items = plan_on_disk(db_path, stored.id).sections[0].items
        assert (items[0].rag, items[0].comment) == ("amber", "late")
        assert (items[1].rag, items[1].comment, items[1].owner) == ("green", "done in May", "Sam")
        # B adds an item while A, who has not seen it, renames a section: nothing is lost either.
        base_b = second.action_plans.get(stored.id)
        assert base_b is not None
        board_b = BoardEditor(base_b, (1, 0))
        board_b.add_item("b2")
        second.action_plans.save_changes(base_b, board_b.plan)
        base_a = board_a.plan
        board_a.cursor = (1, HEADING)
        board_a.rename_section("B renamed")
        first.action_plans.save_changes(base_a, board_a.plan)
        on_disk = plan_on_disk(db_path, stored.id)
        assert names(on_disk) == [["a1", "a2"], ["b1", "b2"]]
        assert on_disk.sections[1].title == "B renamed" and on_disk.sections[0].items[1].owner == "Sam"
    finally:
        first.close()
        second.close()


def test_a_structural_change_keeps_item_edits_made_elsewhere(db_path: Path, tmp_path: Path) -> None:
    """A deletes item b1 while B rates a2: the file has a2 rated and b1 gone."""
    first = AppContext.open(db_path, user_dir=tmp_path / "none")
    second = AppContext.open(db_path, user_dir=tmp_path / "none")
    try:
        stored = first.action_plans.add(plan())
        board_b = BoardEditor(stored, (0, 1))
        board_b.set_rating("red")
        second.action_plans.save_changes(stored, board_b.plan)
        board_a = BoardEditor(stored, (1, 0))
        board_a.delete()
        first.action_plans.save_changes(stored, board_a.plan)
        on_disk = plan_on_disk(db_path, stored.id)
        assert names(on_disk) == [["a1", "a2"], []]
        assert on_disk.sections[0].items[1].rag == "red"
    finally:
        first.close()
        second.close()


def test_a_private_comment_travels_in_the_exchange_form_and_a_bad_mark_is_refused() -> None:
    """`"private": true` survives the JSON exchange form; anything but true/false is refused by name."""
    from tui.core.action_plans import ActionPlan, PlanFormatError, PlanItem, PlanSection, plan_from_dict, plan_to_dict

    plan = ActionPlan(id=0, project="P", sections=(PlanSection("S", (PlanItem("M", "red", "why", private=True), PlanItem("N"))),))
    data = plan_to_dict(plan)
    assert data["sections"][0]["items"][0]["private"] is True and "private" not in data["sections"][0]["items"][1]
    assert plan_from_dict(data).sections[0].items[0].private is True
    data["sections"][0]["items"][0]["private"] = "yes"
    try:
        plan_from_dict(data)
    except PlanFormatError as error:
        assert "sections[0].items[0].private" in str(error) or "private: must be true or false" in str(error)
    else:
        raise AssertionError("a private mark of 'yes' must be refused")
