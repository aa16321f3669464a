"""The institution's catalogue driven by keys from home (`i`) at 80x24 and 200x60: the demo's activities listed
as examples, the empty state, an activity added with `n` (in the repository and in the data file), changed with
`enter`, deleted after asking, the catalogue written as CSV and Markdown, and a catalogue CSV imported (or refused
with every problem's line and column, nothing stored); a framework without levels (Aspect)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.text_input import TextDialog
from screens.institution.activity_editor import ActivityEditor
from screens.institution.coverage import CoverageScreen
from screens.institution.institution import InstitutionScreen
from screens.institution.problems import ImportProblemsDialog
from tests.conftest import screen_text
from tests.helpers.waiting import wait_until
from textual.widgets import DataTable, Input, Markdown
from tui.app import FramewheelApp
from tui.context import AppContext

SIZES = [(80, 24), (200, 60)]
"""The design's sizes."""


def flat(text: str) -> str:
    """Screen text with panel borders dropped and runs of spaces made one (for sentences that wrap)."""
    return " ".join(text.replace("│", " ").replace("▊", " ").replace("▎", " ").split())


def notices(app: FramewheelApp) -> str:
    """The messages of the notifications raised so far."""
    return " | ".join(n.message for n in app._notifications)


def stored_titles(db_path: Path) -> list[str]:
    """The titles of the activities in the data file on disk."""
    data = json.loads(db_path.read_text(encoding="utf-8"))
    return sorted(record["title"] for record in data.get("catalogue", {}).values())


async def type_text(pilot: Any, text: str) -> None:
    """Type ``text`` key by key."""
    await pilot.press(*("space" if c == " " else c for c in text))


async def open_institution(app: FramewheelApp, pilot: Any) -> InstitutionScreen:
    """`i` on home: the institution's catalogue."""
    await pilot.pause()
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, InstitutionScreen)
    return app.screen


def add_two(context: AppContext) -> None:
    """Two activities of AHEP, one dated, one ongoing."""
    framework = context.framework
    context.catalogue.create(framework, "Coaching skills", [("working-together", "member")], "2027-02-17",
                             "People Development", "https://example.org/coaching")
    context.catalogue.create(framework, "Mentoring scheme", [("professional-development", "")], "", "Network")


@pytest.mark.parametrize("size", SIZES)
async def test_the_demo_catalogue_is_listed_as_examples(tmp_path: Path, size: tuple[int, int]) -> None:
    """--demo: a dozen example activities, labelled as examples; the highlighted one described."""
    demo = AppContext.open_demo("ahep", user_dir=tmp_path / "u")
    try:
        app = FramewheelApp(demo)
        async with app.run_test(size=size) as pilot:
            await open_institution(app, pilot)
            text = flat(screen_text(app))
            assert "12 activities (12 examples)" in text
            assert "Example: New staff induction" in text and "2027-01-12" in text
            assert "An example activity (from --demo)" in text
            assert "Development activities (12)" in text
    finally:
        demo.close()


@pytest.mark.parametrize("size", SIZES)
async def test_an_empty_catalogue_says_how_to_add_activities(context: AppContext, size: tuple[int, int]) -> None:
    """No activities: n, m and `framewheel import FILE.csv` with the header are named; enter and d say why not."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_institution(app, pilot)
        text = flat(screen_text(app))
        assert "No development activities yet" in text
        assert "n adds one" in text
        assert "framewheel import FILE.csv" in text and "activity,area,level,date,provider,link" in text
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, InstitutionScreen)
        assert "No activity yet: press n to add one" in notices(app)


@pytest.mark.parametrize("size", SIZES)
async def test_an_activity_added_with_n_is_stored_and_listed(context: AppContext, db_path: Path,
                                                           size: tuple[int, int]) -> None:
    """n, a title, a date, a provider, two ticks and ctrl+s: in the repository, in the data file, on the list."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_institution(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ActivityEditor)
        await type_text(pilot, "Writing retreat")
        await pilot.press("tab")
        await type_text(pilot, "2027-05-01")
        await pilot.press("tab")
        await type_text(pilot, "Library")
        await pilot.press("tab", "tab")  # past the link, to what it serves
        await pilot.press("space", "down", "down", "space")  # area 1 at any level and at Member
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InstitutionScreen)
        [stored] = context.catalogue.activities(context.framework_id)
        assert (stored.title, stored.date, stored.provider) == ("Writing retreat", "2027-05-01", "Library")
        assert stored.serves == (("professional-development", ""), ("professional-development", "member"))
        assert stored_titles(db_path) == ["Writing retreat"]
        text = flat(screen_text(app))
        assert "Writing retreat" in text and "2027-05-01" in text and "Saved" in text
        assert "Empowering Professional Development (any level, Member)" in text


@pytest.mark.parametrize("size", SIZES)
async def test_the_editor_shows_every_problem_and_stores_nothing(context: AppContext, size: tuple[int, int]) -> None:
    """No title, nothing ticked, a bad date: every problem in the dialog, which stays open; nothing stored."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_institution(app, pilot)
        await pilot.press("n", "tab")
        await type_text(pilot, "2027-13-40")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ActivityEditor)
        text = flat(screen_text(app))
        assert "Not kept: an activity needs a title" in text
        assert "not a date" in text
        assert context.catalogue.activities(context.framework_id) == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InstitutionScreen)


@pytest.mark.parametrize("size", SIZES)
async def test_enter_edits_the_highlighted_activity(context: AppContext, db_path: Path, size: tuple[int, int]) -> None:
    """enter opens the editor filled in; a changed title is saved and listed."""
    add_two(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_institution(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, ActivityEditor)
        assert editor.query_one("#activity-title", Input).value == "Coaching skills"
        await pilot.press("end")
        await type_text(pilot, " for managers")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, InstitutionScreen)
        titles = [a.title for a in context.catalogue.activities(context.framework_id)]
        assert titles == ["Coaching skills for managers", "Mentoring scheme"]
        assert stored_titles(db_path) == ["Coaching skills for managers", "Mentoring scheme"]
        assert "Coaching skills for managers" in flat(screen_text(app))


@pytest.mark.parametrize("size", SIZES)
async def test_delete_is_confirmed(context: AppContext, db_path: Path, size: tuple[int, int]) -> None:
    """d asks; n keeps it; d then y deletes it, from the data file too."""
    add_two(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_institution(app, pilot)
        await pilot.press("down", "d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Mentoring scheme" in flat(screen_text(app))
        await pilot.press("n")
        await pilot.pause()
        assert len(context.catalogue.activities(context.framework_id)) == 2
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert [a.title for a in context.catalogue.activities(context.framework_id)] == ["Coaching skills"]
        assert stored_titles(db_path) == ["Coaching skills"]
        assert app.screen.query_one("#catalogue-table", DataTable).row_count == 1
        assert "Deleted “Mentoring scheme”." in notices(app) and "Deleted" in app.screen.sub_title


@pytest.mark.parametrize("size", SIZES)
async def test_export_writes_the_catalogue_as_csv_and_markdown(context: AppContext, tmp_path: Path,
                                                             size: tuple[int, int]) -> None:
    """x writes catalogue-ahep.csv and .md to the output folder and says where."""
    add_two(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_institution(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        folder = tmp_path / "output"
        csv_text = (folder / "catalogue-ahep.csv").read_text(encoding="utf-8")
        markdown = (folder / "catalogue-ahep.md").read_text(encoding="utf-8")
        assert csv_text.splitlines()[0] == "activity,area,level,date,provider,link"
        assert "Coaching skills" in csv_text and "working-together" in csv_text
        assert "| Coaching skills | 2027-02-17 | People Development |" in markdown
        assert str(folder / "catalogue-ahep.csv") in notices(app)


BAD_CSV = """\
activity,area,level,date,provider,link
Induction,1,associate,2027-01-12,People Development,
Induction,no-such-area,member,2027-01-12,People Development,
Forum,working-together,,not-a-date,Network,
"""
"""A catalogue with an unknown area on line 3 and a bad date on line 4."""

GOOD_CSV = """\
activity,area,level,date,provider,link
Induction,1,associate,2027-01-12,People Development,
Induction,2,member,2027-01-12,People Development,
Forum,working-together,,,Network,https://example.org/forum
"""
"""A catalogue of two activities (the first serving two areas)."""


async def import_file(app: FramewheelApp, pilot: Any, path: Path) -> None:
    """m, the path typed over the suggested one, enter."""
    await pilot.press("m")
    await pilot.pause()
    assert isinstance(app.screen, TextDialog)
    field = app.screen.query_one("#catalogue-import-path", Input)
    field.value = ""
    await type_text(pilot, str(path))
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_a_catalogue_csv_with_problems_lists_each_and_stores_nothing(context: AppContext, tmp_path: Path,
                                                                         db_path: Path, size: tuple[int, int]) -> None:
    """m on a CSV with a bad area and a bad date: both listed with line and column; nothing stored."""
    path = tmp_path / "bad.csv"
    path.write_text(BAD_CSV, encoding="utf-8")
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_institution(app, pilot)
        await import_file(app, pilot, path)
        assert isinstance(app.screen, ImportProblemsDialog)
        text = flat(screen_text(app))
        assert "bad.csv: 2 problems" in text
        assert "line 3, column area: 'no-such-area' is not a commitment" in text
        assert "line 4, column date:" in text
        assert "Nothing was imported" in text
        assert context.catalogue.activities(context.framework_id) == []
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InstitutionScreen)
        assert "No development activities yet" in flat(screen_text(app))
    assert not db_path.exists() or stored_titles(db_path) == []


@pytest.mark.parametrize("size", SIZES)
async def test_a_good_catalogue_csv_is_stored_and_counted(context: AppContext, tmp_path: Path, db_path: Path,
                                                        size: tuple[int, int]) -> None:
    """m on a good CSV: two activities stored, listed, and the count said."""
    path = tmp_path / "good.csv"
    path.write_text(GOOD_CSV, encoding="utf-8")
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_institution(app, pilot)
        await import_file(app, pilot, path)
        assert isinstance(app.screen, InstitutionScreen)
        assert "Imported 2 activities from good.csv." in notices(app)
        found = {a.title: a.serves for a in context.catalogue.activities(context.framework_id)}
        assert found == {"Induction": (("professional-development", "associate"), ("responsible-practice", "member")),
                         "Forum": (("working-together", ""),)}
        assert stored_titles(db_path) == ["Forum", "Induction"]
        text = flat(screen_text(app))
        assert "Induction" in text and "Forum" in text and "ongoing" in text


async def test_a_missing_csv_file_is_named(context: AppContext, tmp_path: Path) -> None:
    """m on a path that does not exist: said in words, nothing stored."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_institution(app, pilot)
        await import_file(app, pilot, tmp_path / "nowhere.csv")
        assert isinstance(app.screen, InstitutionScreen)
        assert "nowhere.csv does not exist" in notices(app)


@pytest.mark.parametrize("size", SIZES)
async def test_a_framework_without_levels_ticks_areas_only(db_path: Path, tmp_path: Path,
                                                         size: tuple[int, int]) -> None:
    """Aspect: the editor lists one row per principle (no levels); the activity is stored and listed; c opens coverage."""
    context = AppContext.open(db_path, "aspect-core-principles", user_dir=tmp_path / "u")
    try:
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await open_institution(app, pilot)
            await pilot.press("n")
            await pilot.pause()
            text = flat(screen_text(app))
            assert "Serves (the principles; space or enter ticks)" in text
            assert "any level" not in text
            await type_text(pilot, "Equity forum")
            await pilot.press("tab", "tab", "tab", "tab", "down", "space", "ctrl+s")
            await pilot.pause()
            assert isinstance(app.screen, InstitutionScreen)
            [stored] = context.catalogue.activities("aspect-core-principles")
            assert stored.serves == (("social-justice", ""),)
            text = flat(screen_text(app))
            assert "Equity forum" in text and "ongoing" in text
            await pilot.press("c")
            await pilot.pause()
            assert isinstance(app.screen, CoverageScreen)
    finally:
        context.close()


async def test_f1_explains_the_catalogue_and_its_keys(context: AppContext) -> None:
    """F1 on the catalogue: what it is, the CSV header, and each key's tooltip."""
    from screens.dialogs.help import HelpScreen

    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_institution(app, pilot)
        await pilot.press("f1")
        await wait_until(pilot, lambda: "Help: The institution's view" in flat(screen_text(app)), what="the help")
        assert isinstance(app.screen, HelpScreen)
        text = flat(screen_text(app))
        assert "Help: The institution's view" in text
        # The CSV header is further down the help text than a screen shows at once.
        assert "activity,area,level,date,provider,link" in app.screen.query_one(Markdown).source
        for tip in ("Add a development activity", "Change the highlighted activity",
                    "Delete the highlighted activity (after asking)", "Write the catalogue as CSV and Markdown"):
            assert tip in text


async def test_v_lists_the_values_and_t_says_the_framework_is_not_tailored(context: AppContext) -> None:
    """`v` opens the institution's values; `t` on AHEP (no based_on) says how to make a tailored copy."""
    from screens.institution.tailoring import NOT_TAILORED
    from screens.institution.values import ValuesScreen

    context.institution_values.create(context.framework, "Integrity", ["responsible-practice"], [])
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_institution(app, pilot)
        await pilot.press("v")
        await wait_until(pilot, lambda: isinstance(app.screen, ValuesScreen), what="the values screen")
        assert "Integrity" in flat(screen_text(app))
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, InstitutionScreen), what="the catalogue again")
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, InstitutionScreen)
        assert NOT_TAILORED in notices(app)
