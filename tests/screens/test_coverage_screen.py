"""The coverage view driven by keys (home `i`, then `c`) at 80x24 and 200x60: the headline, the counts per area
and level, × U on an uncovered area and level, the filters by provider and by date changing the counts, a bad
date named with nothing changed, the areas x activities view, the Markdown written, the institution's values
beside, and a framework without levels (Aspect)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, Input, Select

from screens.institution.coverage import CoverageScreen
from screens.institution.institution import InstitutionScreen
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext

SIZES = [(80, 24), (200, 60)]
"""The design's sizes."""

ALL = "3 of 8 commitments covered; Accredited Member level not covered (3 activities)"
BY_NETWORK = ("2 of 8 commitments covered; Associate, Member and Accredited Member levels not covered "
              "(2 activities of 3, filtered)")
UNTIL_FEBRUARY = "2 of 8 commitments covered; Accredited Member and Fellow levels not covered (2 activities of 3, filtered)"


def flat(text: str) -> str:
    """Screen text with panel borders dropped and runs of spaces made one (for sentences that wrap)."""
    return " ".join(text.replace("│", " ").replace("▊", " ").replace("▎", " ").split())


def notices(app: FramewheelApp) -> str:
    """The messages of the notifications raised so far."""
    return " | ".join(n.message for n in app._notifications)


def catalogue(context: AppContext) -> None:
    """Three activities of AHEP: two providers, one ongoing, an area served twice, five areas served by none."""
    framework = context.framework
    context.catalogue.create(framework, "Induction", [("professional-development", "associate"),
                                                      ("responsible-practice", "member")], "2027-01-10",
                             "People Development")
    context.catalogue.create(framework, "Coaching", [("working-together", "fellow")], "2027-03-01", "Network")
    context.catalogue.create(framework, "Mentoring", [("professional-development", "")], "", "Network")
    context.institution_values.create(framework, "Integrity", ["responsible-practice"])


async def open_coverage(app: FramewheelApp, pilot: Any) -> CoverageScreen:
    """`i` on home, then `c`: the coverage view."""
    await pilot.pause()
    await pilot.press("i")
    await pilot.pause()
    assert isinstance(app.screen, InstitutionScreen)
    await pilot.press("c")
    await pilot.pause()
    assert isinstance(app.screen, CoverageScreen)
    return app.screen


def row_cells(screen: CoverageScreen, area_id: str) -> list[str]:
    """The plain text of one area's row of the areas x levels table."""
    table = screen.query_one("#coverage-levels", DataTable)
    return [str(getattr(cell, "plain", cell)) for cell in table.get_row(area_id)]


async def type_text(pilot: Any, text: str) -> None:
    """Type ``text`` key by key."""
    await pilot.press(*text)


@pytest.mark.parametrize("size", SIZES)
async def test_the_headline_counts_and_uncovered_marks_are_shown(context: AppContext, size: tuple[int, int]) -> None:
    """The headline; per cell counts (! 1 for one activity); × U on an uncovered area and level; the legend."""
    catalogue(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        screen = await open_coverage(app, pilot)
        text = flat(screen_text(app))
        assert ALL in text
        assert "× U 4. " in text  # the uncovered area, marked by symbol and letter beside its name
        assert "× U: no activity covers it" in text and "! 1: a single activity" in text
        assert "Gaps: × U 4. Taking Sustainable Approaches; × U 5. " in text
        assert "× U Accredited Member level" in text
        assert row_cells(screen, "professional-development")[1:] == ["! 1", "–", "–", "–", "! 1", "2"]
        assert row_cells(screen, "sustainable-approaches")[-1] == "× U"
        covered = [str(getattr(c, "plain", c)) for c in screen.query_one("#coverage-levels", DataTable).get_row("covered")]
        assert covered[1:5] == ["1 of 8", "1 of 8", "× U", "1 of 8"]
        if size[0] >= 120:
            assert "Accredited Member" in text and "The institution's values" in text and "Integrity" in text
        else:
            assert "Levels: A Associate, M Member, AM Accredited Member, F Fellow" in text


@pytest.mark.parametrize("size", SIZES)
async def test_a_provider_filter_changes_the_counts(context: AppContext, size: tuple[int, int]) -> None:
    """Choosing a provider counts only its activities; choosing none again counts all."""
    catalogue(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        screen = await open_coverage(app, pilot)
        screen.query_one("#coverage-provider", Select).value = "Network"
        await pilot.pause()
        text = flat(screen_text(app))
        assert BY_NETWORK in text and "provided by Network" in text
        assert row_cells(screen, "responsible-practice")[-1] == "× U"
        assert row_cells(screen, "professional-development")[1:] == ["–", "–", "–", "–", "! 1", "! 1"]
        screen.query_one("#coverage-provider", Select).clear()
        await pilot.pause()
        assert ALL in flat(screen_text(app))


@pytest.mark.parametrize("size", SIZES)
async def test_a_date_filter_changes_the_counts(context: AppContext, size: tuple[int, int]) -> None:
    """A "to" date typed with enter: the later activity is left out, the ongoing one kept."""
    catalogue(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        screen = await open_coverage(app, pilot)
        await pilot.press("f", "tab")
        assert screen.focused is screen.query_one("#coverage-to", Input)
        await type_text(pilot, "2027-02-01")
        await pilot.press("enter")
        await pilot.pause()
        text = flat(screen_text(app))
        assert UNTIL_FEBRUARY in text
        assert "dated any time to 2027-02-01 (ongoing activities included)" in text
        assert row_cells(screen, "working-together")[-1] == "× U"


@pytest.mark.parametrize("size", SIZES)
async def test_a_bad_date_is_named_and_nothing_changes(context: AppContext, size: tuple[int, int]) -> None:
    """A "from" date that is not one: the message names the field and the text; the counts stay."""
    catalogue(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        screen = await open_coverage(app, pilot)
        before = row_cells(screen, "professional-development")
        await pilot.press("f")
        await type_text(pilot, "2027-13-01")
        await pilot.press("enter")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Not applied: from: '2027-13-01' is not a date" in text and "The counts are unchanged." in text
        assert ALL in text
        assert row_cells(screen, "professional-development") == before


@pytest.mark.parametrize("size", SIZES)
async def test_the_areas_by_activities_view(context: AppContext, size: tuple[int, int]) -> None:
    """a: one row per activity with level marks in each area's column, the totals with × U, the marks' key."""
    catalogue(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        screen = await open_coverage(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        table = screen.query_one("#coverage-activities", DataTable)
        assert table.display and not screen.query_one("#coverage-levels", DataTable).display
        text = flat(screen_text(app))
        assert "Commitments by activity" in text
        assert "Induction" in text and "Coaching" in text and "Mentoring" in text and "ongoing" in text
        assert "Marks: A Associate, M Member, AM Accredited Member, F Fellow, ● any level" in text
        rows = [[str(getattr(c, "plain", c)) for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0][:5] == ["Induction", "2027-01-10", "A", "M", ""]
        assert rows[-1][0] == "Activities" and rows[-1][5] == "× U"
        await pilot.press("a")
        await pilot.pause()
        assert "Commitments by level" in flat(screen_text(app))


LONG_TITLE = "Project management for technical staff in research groups"


@pytest.mark.parametrize("size", SIZES)
async def test_a_long_activity_title_ends_in_an_ellipsis_at_80_columns(context: AppContext, size: tuple[int, int]) -> None:
    """a at 80x24: a title longer than its column is cut with `…` (not mid-word without a mark); at 200x60 it is whole."""
    catalogue(context)
    context.catalogue.create(context.framework, LONG_TITLE, [("working-together", "member")], "2027-02-03", "Network")
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        screen = await open_coverage(app, pilot)
        await pilot.press("a")
        await pilot.pause()
        table = screen.query_one("#coverage-activities", DataTable)
        titles = [str(getattr(table.get_row_at(i)[0], "plain", table.get_row_at(i)[0])) for i in range(table.row_count)]
        shown = next(title for title in titles if title.startswith("Project management"))
        text = screen_text(app)
        if size[0] == 80:
            assert shown.endswith("…") and len(shown) <= 26 and shown in text
        else:
            assert shown == LONG_TITLE and LONG_TITLE in text
        assert "Induction" in titles  # a short title as it is


@pytest.mark.parametrize("size", SIZES)
async def test_export_writes_the_coverage_markdown(context: AppContext, tmp_path: Path, size: tuple[int, int]) -> None:
    """x writes coverage-ahep.md (with the filter applied and the institution's values) and says where."""
    catalogue(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        screen = await open_coverage(app, pilot)
        screen.query_one("#coverage-provider", Select).value = "Network"
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        path = tmp_path / "output" / "coverage-ahep.md"
        markdown = path.read_text(encoding="utf-8")
        assert f"**{BY_NETWORK}**" in markdown
        assert "| 2. Demonstrating Responsible Practice and Personal Integrity | – | – | – | – | – | × U |" in markdown
        assert "## The institution's values" in markdown and "| Integrity |" in markdown
        assert f"Wrote {path}" in notices(app)


@pytest.mark.parametrize("size", SIZES)
async def test_a_framework_without_levels_has_one_activities_column(db_path: Path, tmp_path: Path,
                                                                  size: tuple[int, int]) -> None:
    """Aspect: principles by activity count, one "Activities" column, × U on the uncovered principles."""
    context = AppContext.open(db_path, "aspect-core-principles", user_dir=tmp_path / "u")
    try:
        framework = context.framework
        context.catalogue.create(framework, "Equity forum", [("social-justice", "")], "2027-04-01", "Network")
        context.catalogue.create(framework, "Leadership course", [("social-justice", ""), ("integrity", "")])
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            screen = await open_coverage(app, pilot)
            text = flat(screen_text(app))
            assert "2 of 6 principles covered (2 activities)" in text
            assert "Activities by principle" in text
            table = screen.query_one("#coverage-levels", DataTable)
            assert [str(c.label) for c in table.columns.values()] == ["Principle", "Activities"]
            assert row_cells(screen, "social-justice")[-1] == "2"
            assert row_cells(screen, "success-for-all")[-1] == "× U"
            assert "× U 1. " in text
            assert "Levels:" not in text
    finally:
        context.close()


async def test_f1_explains_the_coverage_and_its_marks(context: AppContext) -> None:
    """F1 on the coverage view: the marks and the keys."""
    from screens.dialogs.help import HelpScreen

    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_coverage(app, pilot)
        await pilot.press("f1")
        await pilot.pause(0.3)
        assert isinstance(app.screen, HelpScreen)
        text = flat(screen_text(app))
        assert "Help: Coverage" in text and "× U" in text
        assert "Areas by levels, or areas by activities" in text
        assert "Write the coverage as Markdown to the output folder" in text


@pytest.mark.parametrize("size", SIZES)
async def test_no_activities_marks_every_area_and_says_how_to_add(context: AppContext, size: tuple[int, int]) -> None:
    """An empty catalogue: nothing covered, every area × U, and how to add activities."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        screen = await open_coverage(app, pilot)
        text = flat(screen_text(app))
        assert "0 of 8 commitments covered" in text
        assert "No development activities yet: escape, then n adds one" in text
        assert all(row_cells(screen, area.id)[-1] == "× U" for area in context.framework.areas)
