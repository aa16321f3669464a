"""The development plan screen driven by its keys from the home screen, at 80x24 and 200x60."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot

from tests.conftest import screen_text
from tests.unit.test_development_plan import add, rated_wheel
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.reports.one_to_one import ReportHeader

SIZES = [(80, 24), (200, 60)]
"""The smallest supported terminal and a large one."""


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type ``text`` key by key, as a person would."""
    await pilot.press(*("space" if c == " " else c for c in text))


def notified(app: FramewheelApp) -> str:
    """The messages of the notifications showing now (their toasts wrap at 80 columns, so read them whole)."""
    return " | ".join(notification.message for notification in app._notifications)


def titles(context: AppContext) -> list[str]:
    """The stored objectives' titles in plan order."""
    return [o.title for o in context.development_plan.list("ahep")]


@pytest.mark.parametrize("size", SIZES)
async def test_add_objective_by_keys(context: AppContext, size: tuple[int, int]) -> None:
    """p opens the plan; n, the fields by tab, a bad date refused with a message, then ctrl+s saves."""
    app = FramewheelApp(context)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("p")
        assert "No objectives yet. Press n to add one" in screen_text(app)
        await pilot.press("n")
        await type_text(pilot, "Lead a project")
        await pilot.press("tab", "down", "down", "space")  # tick 3. Working Together
        await pilot.press("tab")
        await type_text(pilot, "Delivered on time")
        await pilot.press("tab")
        await type_text(pilot, "Ask to lead")
        await pilot.press("tab")
        await type_text(pilot, "2027-13-01")
        await pilot.pause()
        assert "'2027-13-01' is not a date; write it as YYYY-MM-DD" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert context.development_plan.count() == 0
        assert "Target date: '2027-13-01' is not a date" in screen_text(app)
        await pilot.press(*["backspace"] * 5)
        await type_text(pilot, "06-30")
        await pilot.press("ctrl+s")
        await pilot.pause()
        [objective] = context.development_plan.list("ahep")
        assert (objective.title, objective.areas, objective.success_criteria, objective.activities, objective.target_date) == (
            "Lead a project", ("working-together",), "Delivered on time", "Ask to lead", "2027-06-30")
        text = screen_text(app)
        assert "○ not started" in text and "Lead a project" in text and "2027-06-30" in text
        assert "Objective added" in app.screen.sub_title


@pytest.mark.parametrize("size", SIZES)
async def test_required_fields_are_named(context: AppContext, size: tuple[int, int]) -> None:
    """Saving an empty form says what is missing and stores nothing; escape then asks nothing (no changes)."""
    app = FramewheelApp(context)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("p", "n", "ctrl+s")
        await pilot.pause()
        text = screen_text(app)
        assert "✗ Title: an objective needs a title" in text
        assert "✗ Success criteria: say how you will know" in text
        await pilot.press("escape")
        await pilot.pause()
        assert context.development_plan.count() == 0
        assert "No objectives yet" in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_edit_status_reorder_delete(context: AppContext, size: tuple[int, int]) -> None:
    """enter edits in place, space moves the status on, shift+down/up reorder, d deletes after y."""
    add(context, "Alpha")
    add(context, "Beta")
    add(context, "Gamma")
    app = FramewheelApp(context)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("p", "enter", "end")
        await type_text(pilot, " plus")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert titles(context) == ["Alpha plus", "Beta", "Gamma"]
        await pilot.press("space", "space")
        assert context.development_plan.list("ahep")[0].status == "done"
        assert "● done" in screen_text(app)
        await pilot.press("shift+down", "shift+down")
        assert titles(context) == ["Beta", "Gamma", "Alpha plus"]
        await pilot.press("shift+down")
        await pilot.pause()
        assert "Already at the bottom." in notified(app) and "Already at the bottom." in screen_text(app)
        await pilot.press("shift+up")
        assert titles(context) == ["Beta", "Alpha plus", "Gamma"]
        await pilot.press("d")
        await pilot.pause()
        assert "Delete the objective 'Alpha plus'?" in screen_text(app)
        await pilot.press("n")
        assert len(titles(context)) == 3
        await pilot.press("d", "y")
        await pilot.pause()
        assert titles(context) == ["Beta", "Gamma"]
        assert "Alpha plus" not in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_undo_and_redo(context: AppContext, size: tuple[int, int]) -> None:
    """ctrl+z undoes a delete, a move and an edit in turn; ctrl+y redoes them."""
    add(context, "Alpha")
    add(context, "Beta", review_notes="kept")
    app = FramewheelApp(context)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("p", "space", "shift+down", "d", "y")
        await pilot.pause()
        assert titles(context) == ["Beta"]
        await pilot.press("ctrl+z")
        assert titles(context) == ["Beta", "Alpha"] and "Alpha" in screen_text(app)
        await pilot.press("ctrl+z")
        assert titles(context) == ["Alpha", "Beta"]
        await pilot.press("ctrl+z")
        assert context.development_plan.list("ahep")[0].status == "not started"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Nothing to undo." in notified(app)
        await pilot.press("ctrl+y", "ctrl+y", "ctrl+y")
        assert titles(context) == ["Beta"] and context.development_plan.list("ahep")[0].review_notes == "kept"
        assert "Redone" in app.screen.sub_title


async def test_escape_with_changes_asks_before_discarding(context: AppContext) -> None:
    """Typed changes are not lost silently: escape asks, n keeps editing, escape then y discards."""
    add(context, "Alpha")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("p", "enter", "x", "escape")
        await pilot.pause()
        assert "Discard the changes to this objective?" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert "Edit objective" in screen_text(app)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert titles(context) == ["Alpha"] and "Edit objective" not in screen_text(app)


@pytest.mark.parametrize("size", SIZES)
async def test_suggestions_accept_or_discard_each(context: AppContext, size: tuple[int, int]) -> None:
    """s proposes objectives from the latest wheel; a accepts, x discards, escape stops keeping those accepted."""
    rated_wheel(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("p", "s")
        await pilot.pause()
        text = screen_text(app)
        assert "Suggestion 1 of 5 from 'Before my 1:1'" in text and "▲ Largest gap" in text
        assert "Develop: Delivering Service Excellence" in text
        await pilot.press("a", "x", "a")
        await pilot.pause()
        assert "Suggestion 4 of 5" in screen_text(app) and "★ Top strength" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert titles(context) == ["Develop: Delivering Service Excellence", "Develop: Being Agile and Adaptable"]
        assert "Added 2 objectives" in app.screen.sub_title
        await pilot.press("s")
        await pilot.pause()
        assert "Suggestion 1 of 4" in screen_text(app)  # the areas now in the plan are not proposed again


async def test_suggestions_without_a_wheel(context: AppContext) -> None:
    """No wheel yet: s says so instead of opening an empty dialog."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("p", "s")
        await pilot.pause()
        assert "There is no wheel for AHEP Professional Framework yet" in notified(app)
        assert "Nothing to suggest from" in screen_text(app)


async def test_suggestions_from_a_wheel_not_rated_yet(context: AppContext) -> None:
    """A latest wheel with no rating: s says to rate it, not that the plan already covers its gaps."""
    context.assessments.create(context.framework, "Started, not rated")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("p", "s")
        await pilot.pause()
        told = notified(app)
        assert "“Started, not rated” has no ratings yet: rate it first" in told and "already cover" not in told


@pytest.mark.parametrize("size", SIZES)
async def test_report_key_writes_file_and_says_where(context: AppContext, tmp_path: Path, size: tuple[int, int]) -> None:
    """x on home and on the plan: the header asked once, the report previewed, written on `m`, and the full path said."""
    wheel = rated_wheel(context)
    add(context, "Alpha")
    app = FramewheelApp(context)
    expected = tmp_path / "output" / f"report-{wheel.id}-before-my-1-1.md"
    async with app.run_test(size=size, notifications=True) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert "The report's header" in screen_text(app)
        await pilot.press(*"Sam Lee", "tab", *"Technician", "tab", "end", "ctrl+u", *"2027-01-15", "enter")
        await pilot.pause()
        assert context.report_header() == ReportHeader("Sam Lee", "Technician", "2027-01-15")
        text = screen_text(app)
        assert "Preview of the 1:1 report" in text and "1:1 report: Before my 1:1" in text
        assert "Name: Sam Lee · Role: Technician · Meeting: 2027-01-15" in text
        assert not expected.exists()  # nothing is written before the person says so
        await pilot.press("m")
        await pilot.pause()
        assert expected.is_file()
        assert "**Name:** Sam Lee · **Role:** Technician" in expected.read_text(encoding="utf-8")
        assert f"1:1 report of 'Before my 1:1' (Markdown) written to {expected}" in notified(app)
        assert "Report written" in screen_text(app)
        expected.unlink()
        await pilot.press("p", "x")  # the header is remembered: straight to the preview
        await pilot.pause()
        assert "Preview of the 1:1 report" in screen_text(app) and "The report's header" not in screen_text(app)
        await pilot.press("m")
        await pilot.pause()
        assert "1. **Alpha**" in expected.read_text(encoding="utf-8")


async def test_report_preview_html_header_and_escape(context: AppContext, tmp_path: Path) -> None:
    """From the preview: `e` changes the header, `h` writes the HTML file, `escape` writes nothing; a bad date is said."""
    wheel = rated_wheel(context)
    context.set_report_header(ReportHeader("Sam", "", ""))
    app = FramewheelApp(context)
    html = tmp_path / "output" / f"report-{wheel.id}-before-my-1-1.html"
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert "Preview of the 1:1 report" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Preview of the 1:1 report" not in screen_text(app) and not (tmp_path / "output").exists()
        await pilot.press("x", "e")
        await pilot.pause()
        await pilot.press("tab", "tab", *"15/01/2027", "enter")
        await pilot.pause()
        assert "Meeting date: '15/01/2027' is not a date written YYYY-MM-DD" in screen_text(app)
        await pilot.press("end", "ctrl+u", *"2027-01-15", "enter")
        await pilot.pause()
        assert "Meeting: 2027-01-15" in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        assert html.is_file() and "<dd>2027-01-15</dd>" in html.read_text(encoding="utf-8")
        assert f"1:1 report of 'Before my 1:1' (HTML) written to {html}" in notified(app)


async def test_report_in_a_browser_is_downloaded(context: AppContext, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under `framewheel serve` the chosen file is sent to the browser, and nothing is written on the server."""
    rated_wheel(context)
    context.set_report_header(ReportHeader("Sam", "Technician", "2027-01-15"))
    app = FramewheelApp(context)
    sent: list[tuple[str, str, str | None]] = []
    monkeypatch.setattr(type(app), "is_web", property(lambda self: True))
    monkeypatch.setattr(app, "deliver_text", lambda stream, save_filename=None, mime_type=None, **_: sent.append(
        (stream.read(), save_filename or "", mime_type)))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("x")
        await pilot.pause()
        assert "Files go to your browser (a download); nothing is written" in screen_text(app).replace("\n", " ")
        await pilot.press("h")
        await pilot.pause()
    [(text, name, mime)] = sent
    assert text.startswith("<!DOCTYPE html>") and name == "report-1-before-my-1-1.html" and mime == "text/html"
    assert "sent to your browser as report-1-before-my-1-1.html" in notified(app)
    assert not (tmp_path / "output").exists()


async def test_f12_saves_the_screen_as_svg(context: AppContext, tmp_path: Path) -> None:
    """F12 writes an SVG of the screen in front into the output folder and says where."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("p", "f12")
        await pilot.pause()
        [svg] = (tmp_path / "output").glob("screen-plan-*.svg")
        assert svg.read_text(encoding="utf-8").lstrip().startswith("<svg")
        assert "No objectives yet" in svg.read_text(encoding="utf-8").replace("&#160;", " ")
        assert f"Screen saved as {svg}" in notified(app) and "Screenshot" in screen_text(app)


async def test_plan_opens_from_your_work(context: AppContext) -> None:
    """The plan is listed under Your work on home; enter there opens it."""
    add(context, "Alpha")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        assert "Plan: 1 objective, 1 op…" in screen_text(app)  # shortened with … to fit beside what it is at 80 columns
        await pilot.press("tab", "tab", "enter")  # past the framework outline to the work list
        await pilot.pause()
        assert "AHEP Professional Framework: 1 objective, 1 open" in screen_text(app)


async def test_report_preview_hides_notes_while_presenting(context: AppContext) -> None:
    """In presentation mode the preview says the report is hidden instead of showing the notes."""
    wheel = rated_wheel(context)
    context.assessments.set_note(wheel.id, "working-together", "A private remark")
    context.set_report_header(ReportHeader("Sam", "", ""))
    for presenting in (False, True):
        app = FramewheelApp(context, presenting=presenting)
        async with app.run_test(size=(200, 60)) as pilot:
            await pilot.press("x")
            await pilot.pause()
            await pilot.press("pagedown")  # down to the ratings table and its notes
            await pilot.pause()
            text = screen_text(app)
            assert ("A private remark" in text) is not presenting
            assert ("hidden while presenting" in text) is presenting
