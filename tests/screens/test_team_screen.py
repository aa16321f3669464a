"""The team room driven by keys at 80x24 and 200x60: reading a folder, the files left out, the minimum group,
the report, saving, the saved list, compare, the demo team, and the facilitator's own wheels untouched."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Label, ProgressBar, Static

from screens.dialogs.text_input import TextDialog
from screens.team.compare import TeamCompareScreen
from screens.team.left_out import LeftOutScreen
from screens.team.room import TeamRoomScreen
from screens.team.saved import TeamProfileListScreen
from tests.conftest import screen_text
from tests.helpers.team_files import write_team
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.model import Framework
from tui.core.team_profiles import FOLDER_SETTING, demo_saved_profiles, demo_share_documents

SIZES = [(80, 24), (200, 60)]
"""The design's sizes."""


def flat(text: str) -> str:
    """Screen text with runs of spaces and line ends made one space (for sentences that wrap)."""
    return " ".join(text.split())


async def wait_for(pilot: object, done, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    """Pause until ``done()`` (or fail after ``seconds``)."""
    end = time.monotonic() + seconds
    while not done():
        assert time.monotonic() < end, "timed out"
        await pilot.pause(0.05)  # type: ignore[attr-defined]


def room(app: FramewheelApp) -> TeamRoomScreen:
    """The team room in front."""
    assert isinstance(app.screen, TeamRoomScreen)
    return app.screen


async def open_room(app: FramewheelApp, pilot: object) -> TeamRoomScreen:
    """`t` on home, `enter` on the suggested folder; wait until the profile is shown."""
    await pilot.press("t")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, TextDialog)
    await pilot.press("enter")  # type: ignore[attr-defined]
    await wait_for(pilot, lambda: isinstance(app.screen, TeamRoomScreen) and app.screen.profile is not None)
    await pilot.pause()  # type: ignore[attr-defined]
    return room(app)


async def everything_in_the_room(app: FramewheelApp, pilot: object) -> str:
    """All the room says, scrolling its body from top to bottom a page at a time."""
    body = app.screen.query_one("#team-body")
    seen = [screen_text(app)]
    while body.scroll_y < body.max_scroll_y:
        body.scroll_to(y=body.scroll_y + max(body.size.height - 2, 1), animate=False)
        await pilot.pause()  # type: ignore[attr-defined]
        seen.append(screen_text(app))
    body.scroll_to(y=0, animate=False)
    await pilot.pause()  # type: ignore[attr-defined]
    return "\n".join(seen)


@pytest.fixture
def team_context(context: AppContext, tmp_path: Path) -> AppContext:
    """A context whose team folder (remembered in settings) holds 12 files: 8 wheels, a duplicate, 3 bad."""
    framework = context.catalog.get("ahep")
    assert framework is not None
    folder = write_team(tmp_path / "team", framework)
    context.settings.set(FOLDER_SETTING, str(folder))
    return context


@pytest.mark.parametrize("size", SIZES)
async def test_the_team_room_shows_the_profile(team_context: AppContext, tmp_path: Path, size: tuple[int, int]) -> None:
    """t, enter: files used and left out, the team wheel, the spread, "discuss", "fewer than 5"."""
    app = FramewheelApp(team_context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("t")
        await pilot.pause()
        assert app.screen.query_one("#team-path", Input).value == str(tmp_path / "team")
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamRoomScreen) and app.screen.profile is not None)
        await pilot.pause()
        shown = await everything_in_the_room(app, pilot)
        assert "8 of 12 files used, 3 left out, 1 duplicate counted once" in flat(shown)
        assert "Team wheel (medians)" in shown and "N • How confident I feel now (median)" in flat(shown)
        assert "fewer than 5" in shown
        assert "‼ discuss" in shown and "Working Together" in shown
        assert "▓" in shown and "┃" in shown
        if size == (200, 60):
            assert "Spread per commitment and series" in screen_text(app)  # beside the wheel, on the first screen


@pytest.mark.parametrize("size", SIZES)
async def test_l_lists_every_file_left_out(team_context: AppContext, size: tuple[int, int]) -> None:
    """l: each bad file by file, field and message; the duplicate counted once."""
    app = FramewheelApp(team_context)
    async with app.run_test(size=size) as pilot:
        await open_room(app, pilot)
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LeftOutScreen)
        listing = str(app.screen.query_one("#left-out-text", Static).content)
        assert "off-scale.json" in listing and "ratings.professional-development.current: 11 is off the scale 0-10" in listing
        assert "old-version.json" in listing and 'framework.version: "1999" is not the loaded version' in listing
        assert "not-json.json" in listing and "the file: line 1 column" in listing and "not valid JSON" in listing
        assert "Counted once (1)" in listing and "counted once" in listing
        assert "Files left out (3)" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, TeamRoomScreen)


async def test_reading_a_thousand_files_shows_progress(context: AppContext, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A folder of 1,000 share files: the bar and "Read N of 1,000 files" move while the interface keeps drawing."""
    import tui.storage.repositories.team_profiles as repository

    framework = context.catalog.get("ahep")
    assert framework is not None
    folder = tmp_path / "many"
    folder.mkdir()
    base = demo_share_documents(framework)[0][1]
    for i in range(1000):
        doc = {**base, "created": f"2026-11-{1 + i % 28:02d}T{i // 60 % 24:02d}:{i % 60:02d}:{i // 1440:02d}+00:00"}
        (folder / f"share-{i:04d}.json").write_text(json.dumps(doc), encoding="utf-8")
    context.settings.set(FOLDER_SETTING, str(folder))
    slow = repository.read_source

    def read_slowly(path: Path):  # type: ignore[no-untyped-def]
        """Read as a slow shared folder would."""
        time.sleep(0.002)
        return slow(path)

    monkeypatch.setattr(repository, "read_source", read_slowly)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")
        seen: set[str] = set()

        def midway() -> bool:
            """The label says how far it got, part of the way."""
            label = str(app.screen.query_one("#team-progress-label", Label).content)
            seen.add(label)
            return "of 1,000 files" in label and not label.startswith("Read 1,000")

        await wait_for(pilot, midway)
        assert app.screen.query_one("#team-progress-row").display
        bar = app.screen.query_one("#team-progress", ProgressBar)
        assert bar.total == 1000 and 0 < bar.progress < 1000
        assert "Read " in screen_text(app)
        await wait_for(pilot, lambda: room(app).profile is not None, 30)
        await pilot.pause()
        assert not app.screen.query_one("#team-progress-row").display
        assert "1000 of 1000 files used" in flat(screen_text(app))


@pytest.mark.parametrize("size", SIZES)
async def test_m_changes_the_minimum_group(team_context: AppContext, size: tuple[int, int]) -> None:
    """m: 11 is refused; 3 shows the half-rated cell; 9 withholds everything ("fewer than 9")."""
    app = FramewheelApp(team_context)
    async with app.run_test(size=size) as pilot:
        screen = await open_room(app, pilot)
        framework = screen.profile.framework  # type: ignore[union-attr]
        last = (framework.areas[-1].id, framework.series[-1].id)
        assert screen.profile.cell(*last).spread is None  # type: ignore[union-attr]
        for value, stays in (("11", True), ("3", False)):
            await pilot.press("m")
            await pilot.pause()
            app.screen.query_one("#team-min", Input).value = value
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, TextDialog) is stays
        assert "the minimum group size must be 3 to 10, not 11" not in screen_text(app)
        assert screen.profile.cell(*last).spread is not None  # type: ignore[union-attr]
        assert "minimum group 3" in flat(screen_text(app))
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#team-min", Input).value = "9"
        await pilot.press("enter")
        await pilot.pause()
        shown = await everything_in_the_room(app, pilot)
        assert "fewer than 9" in shown and "fewer than 5" not in shown and "Together  ‼ discuss" not in shown


async def test_w_writes_the_team_report(team_context: AppContext, tmp_path: Path) -> None:
    """w: a Markdown team report in the output folder, with the counts, the withheld cell and the flag."""
    app = FramewheelApp(team_context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_room(app, pilot)
        await pilot.press("x")
        await pilot.pause()
    written = sorted((tmp_path / "output").glob("team-profile-*.md"))
    assert len(written) == 1
    text = written[0].read_text(encoding="utf-8")
    assert text.startswith("# Team profile: AHEP")
    assert "- Files used: 8 of 12" in text and "- Files left out: 3" in text and "- Duplicates counted once: 1" in text
    assert "fewer than 5" in text and "- Working Together: q1" in text
    assert oct(written[0].stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("size", SIZES)
async def test_save_list_open_and_compare(team_context: AppContext, size: tuple[int, int]) -> None:
    """s names and saves; v lists it; c compares with last year's profile; enter opens it in the room."""
    framework = team_context.catalog.get("ahep")
    assert framework is not None
    from datetime import datetime, timezone

    earlier = team_context.team_profiles.add(demo_saved_profiles(framework, datetime(2026, 1, 5, tzinfo=timezone.utc))[0])
    app = FramewheelApp(team_context)
    async with app.run_test(size=size) as pilot:
        await open_room(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        app.screen.query_one("#team-save-name", Input).value = "Lab team 2026"
        await pilot.press("enter")
        await pilot.pause()
        saved = [p for p in team_context.team_profiles.list() if p.name == "Lab team 2026"]
        assert len(saved) == 1 and saved[0].files_used == 8 and saved[0].files_total == 12
        assert "Saved profile “Lab team 2026”" in flat(screen_text(app))
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, TeamProfileListScreen)
        listed = screen_text(app)
        assert "Lab team 2026" in listed and earlier.name in listed and "8 of 12" in listed
        await pilot.press("c")
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, TeamCompareScreen)
        table = app.screen.query_one("#team-compare-table", Static)
        from rich.console import Console

        console = Console(width=120, record=True, file=open("/dev/null", "w"))
        console.print(table.content)
        compared = console.export_text()
        assert "fewer than 5" in compared and "Change" in compared and "+" in compared
        shown = screen_text(app)
        assert "A and B: medians of one series" in shown and "(median)" in shown
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        screen = room(app)
        assert screen.saved is not None and screen.saved.name == "Lab team 2026"


async def test_saving_leaves_the_facilitators_own_wheels_alone(team_context: AppContext) -> None:
    """After saving a team profile: the latest wheel, its 1:1 report and the plan suggestions are unchanged."""
    from tui.core.development_plan import suggest_objectives
    from tui.transfer import report_for

    framework = team_context.catalog.get("ahep")
    assert framework is not None
    mine = team_context.assessments.create(framework, "My own wheel")
    for i, area in enumerate(framework.areas):
        team_context.assessments.set_rating(mine.id, framework, area.id, "current", i % 10)
        team_context.assessments.set_rating(mine.id, framework, area.id, "organisation", 9)
    wheel = team_context.assessments.latest("ahep")
    assert wheel is not None
    before = (report_for(team_context, wheel), suggest_objectives(wheel, framework))
    app = FramewheelApp(team_context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_room(app, pilot)
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
    assert team_context.team_profiles.count() == 1
    assert team_context.assessments.count() == 1
    latest = team_context.assessments.latest("ahep")
    assert latest is not None and latest.id == mine.id and latest == wheel
    assert (report_for(team_context, latest), suggest_objectives(latest, framework)) == before


async def test_home_lists_a_saved_profile_and_opens_it(team_context: AppContext) -> None:
    """Home: the t key in Activities; a saved profile in Your work, kind "team profile"; enter opens it."""
    framework = team_context.catalog.get("ahep")
    assert framework is not None
    from datetime import datetime, timezone

    saved = team_context.team_profiles.add(demo_saved_profiles(framework, datetime(2026, 12, 1, tzinfo=timezone.utc))[1])
    app = FramewheelApp(team_context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert " t  Team profile" in screen_text(app)
        table = app.screen.query_one("#work-table", DataTable)
        title, kind = (str(cell) for cell in list(table.get_row_at(0))[:2])
        assert kind == "team profile"  # the title is whole, or shortened with … to fit 80 columns
        assert title == saved.name or (title.endswith("…") and saved.name.startswith(title[:-1]))
        table.focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.pause()
        screen = room(app)
        assert screen.saved is not None and screen.saved.id == saved.id
        assert f"Saved profile “{saved.name}”" in flat(screen_text(app))


@pytest.mark.parametrize("size", SIZES)
async def test_the_demo_team(tmp_path: Path, size: tuple[int, int]) -> None:
    """--demo: the room suggests the demo's team folder; 8 wheels and 6 rankings used; two saved profiles a year apart."""
    context = AppContext.open_demo(user_dir=tmp_path / "user-frameworks")
    try:
        assert context.temporary_dir is not None
        folder = context.temporary_dir / "team"
        assert len(list(folder.glob("share-*.json"))) == 9 and len(list(folder.glob("ranking-*.json"))) == 6
        saved = context.team_profiles.list()
        assert len(saved) == 2 and saved[0].created[:4] != saved[1].created[:4]
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await pilot.press("t")
            await pilot.pause()
            assert app.screen.query_one("#team-path", Input).value == str(folder)
            await pilot.press("enter")
            await wait_for(pilot, lambda: isinstance(app.screen, TeamRoomScreen) and app.screen.profile is not None)
            await pilot.pause()
            assert "14 of 15 files used (8 wheels, 6 rankings), 1 duplicate counted once" in flat(screen_text(app))
            await pilot.press("v")
            await pilot.pause()
            assert isinstance(app.screen, TeamProfileListScreen)
            await pilot.press("c")
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, TeamCompareScreen)
            assert "B “Research support team" in str(app.screen.query_one("#team-compare-line", Static).content)
    finally:
        context.close()


async def test_no_colour_still_shows_the_spread(team_context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR=1: the strip's shading characters, the discuss mark and the series letters carry the meaning."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = FramewheelApp(team_context)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_room(app, pilot)
        shown = screen_text(app)
        assert "░" in shown and "▓" in shown and "┃" in shown and "‼ discuss" in shown
        assert "N • How confident" in shown and "\x1b[" not in shown


async def test_no_usable_file_says_why(context: AppContext, tmp_path: Path) -> None:
    """A folder of only bad files: no profile, the sentence says so, and l still lists why."""
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.json").write_text("[]", encoding="utf-8")
    context.settings.set(FOLDER_SETTING, str(folder))
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamRoomScreen)
                       and "No team profile" in str(app.screen.query_one("#team-files", Static).content))
        await pilot.pause()
        assert "No team profile (1 file found)" in flat(screen_text(app))
        await pilot.press("l")
        await pilot.pause()
        assert "must be a JSON object" in str(app.screen.query_one("#left-out-text", Static).content)


async def test_rename_and_delete_a_saved_profile(team_context: AppContext) -> None:
    """In the saved list: r renames, d asks first (n keeps it, y deletes); the room then says it is no longer saved."""
    framework = team_context.catalog.get("ahep")
    assert framework is not None
    from datetime import datetime, timezone

    saved = team_context.team_profiles.add(demo_saved_profiles(framework, datetime(2026, 12, 1, tzinfo=timezone.utc))[1])
    app = FramewheelApp(team_context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_room(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        await pilot.press("r")
        await pilot.pause()
        app.screen.query_one("#team-rename", Input).value = "Renamed team"
        await pilot.press("enter")
        await pilot.pause()
        assert team_context.team_profiles.get(saved.id).name == "Renamed team"  # type: ignore[union-attr]
        assert "Renamed team" in screen_text(app)
        await pilot.press("d")
        await pilot.pause()
        assert "Delete the saved team profile “Renamed team”" in flat(screen_text(app))
        await pilot.press("n")
        await pilot.pause()
        assert team_context.team_profiles.count() == 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert team_context.team_profiles.count() == 0
        assert "No saved team profile yet" in flat(screen_text(app))


async def test_f1_lists_the_team_rooms_keys(team_context: AppContext) -> None:
    """F1 in the team room: its help and every key with its tooltip."""
    app = FramewheelApp(team_context)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_room(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        shown = flat(screen_text(app))
        assert "Team profile" in shown and "minimum group" in shown
        for tooltip in ("Change the minimum group size (3 to 10)", "List every file left out, by file, field and message",
                        "Write the team report (Markdown) to the output folder", "Save this team profile under a name"):
            assert tooltip in shown


async def test_no_ranking_files_no_ranking_panel(team_context: AppContext) -> None:
    """A team of wheels only: the ranking panel stays hidden and k (room ranking) is not offered."""
    app = FramewheelApp(team_context)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_room(app, pilot)
        assert not screen.query_one("#team-ranking", Static).display
        assert "Room ranking" not in screen_text(app)
        await pilot.press("k")
        await pilot.pause()
        assert app.screen is screen and team_context.rankings.list() == []


def write_rankings(folder: Path, framework: Framework, count: int) -> None:
    """Write ``count`` example ranking share files beside the team's wheels."""
    from tui.core.team_ranking import example_rankings

    for index, document in enumerate(example_rankings(framework, count)):
        (folder / f"ranking-{index:02d}.json").write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize("size", SIZES)
async def test_the_team_ranking_beside_the_wheel_and_the_room_ranking(team_context: AppContext, size: tuple[int, int]) -> None:
    """Ranking files in the folder: the team ranking is shown (rank, mean, agreement, W); k saves it as an ordinary ranking."""
    from screens.ranking.ranking import RankingScreen
    from tui.core.team import SourceFile, build_profile

    framework = team_context.catalog.get("ahep")
    assert framework is not None
    folder = Path(str(team_context.settings.get(FOLDER_SETTING)))
    write_rankings(folder, framework, 6)
    app = FramewheelApp(team_context)
    async with app.run_test(size=size) as pilot:
        screen = await open_room(app, pilot)
        profile = screen.profile
        assert profile is not None and profile.ranking is not None and profile.ranking_files_used == 6
        text = flat(await everything_in_the_room(app, pilot))
        assert "14 of 18 files used (8 wheels, 6 rankings)" in text
        assert "The team ranking (6 rankings)" in text and "Kendall's W" in text
        first = profile.ranking.ranked()[0]
        area = framework.area(first.area_id)
        assert area is not None and first.spread is not None
        assert f"{first.rank} {area.title}" in text and first.spread.agreement in text
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, RankingScreen)
        stored = team_context.rankings.list()
        assert len(stored) == 1 and stored[0].name == "The room's ranking: AHEP Professional Framework"
        assert stored[0].groups[:len(profile.ranking.groups())] == profile.ranking.groups()
    # The same ranking as computed from the files directly: nothing of the screen's own.
    sources = [SourceFile(p.name, json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("ranking-*.json"))]
    assert build_profile(sources, team_context.catalog).ranking == profile.ranking


async def test_a_saved_profile_keeps_its_rankings_and_the_minimum_group_rebuilds_them(team_context: AppContext,
                                                                                       db_path: Path) -> None:
    """s saves the rankings' orders too: reopened, the team ranking is the same; m 10 withholds it ("fewer than 10")."""
    framework = team_context.catalog.get("ahep")
    assert framework is not None
    folder = Path(str(team_context.settings.get(FOLDER_SETTING)))
    write_rankings(folder, framework, 6)
    db_file = db_path
    app = FramewheelApp(team_context)
    async with app.run_test(size=(200, 60)) as pilot:
        screen = await open_room(app, pilot)
        shown = screen.profile.ranking if screen.profile else None
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+a", *"Lab team", "enter")
        await pilot.pause()
        saved = team_context.team_profiles.list()
        assert len(saved) == 1 and len(saved[0].rankings) == 6
        record = json.loads(db_file.read_text(encoding="utf-8"))["team_profiles"]
        assert [len(r["rankings"]) for r in record.values()] == [6]
        screen.open_saved(saved[0].id)
        await pilot.pause()
        assert screen.profile is not None and screen.profile.ranking == shown
        await pilot.press("m")
        await pilot.pause()
        app.screen.query_one("#team-min", Input).value = "10"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.profile.ranking is not None and not screen.profile.ranking.shown
        text = flat(await everything_in_the_room(app, pilot))
        assert "fewer than 10 rankings: nothing is shown until at least 10 people have shared theirs" in text
        assert "Kendall" not in text and "Room ranking" not in screen_text(app)


@pytest.mark.parametrize(("name", "framework_id"), [(None, "technician-commitment"), ("four-series", "four-series"),
                                                    ("sixteen-areas", "sixteen-areas")])
@pytest.mark.parametrize("size", SIZES)
async def test_every_framework_makes_a_team_profile(tmp_path: Path, name: str | None, framework_id: str,
                                                    size: tuple[int, int]) -> None:
    """Other series, scales and area counts: the room reads the team and shows its spread and withheld cell."""
    from tests.screens.test_every_framework import context_with

    context = context_with(tmp_path, name, framework_id)
    try:
        framework = context.catalog.get(framework_id)
        assert framework is not None
        from tui.storage.repositories.team_profiles import TeamProfileRepository

        folder = tmp_path / "team"
        TeamProfileRepository.write_demo_files(folder, demo_share_documents(framework))
        context.settings.set(FOLDER_SETTING, str(folder))
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            screen = await open_room(app, pilot)
            assert screen.profile is not None and screen.profile.framework.id == framework_id
            shown = await everything_in_the_room(app, pilot)
            assert "8 of 9 files used, 1 duplicate counted once" in flat(shown)
            assert "fewer than 5" in shown and "‼ discuss" in shown
    finally:
        context.close()


async def test_the_folder_used_is_suggested_next_time(context: AppContext, tmp_path: Path) -> None:
    """First the output folder is suggested; after reading two files (a ; b) their folder is, next time."""
    framework = context.catalog.get("ahep")
    assert framework is not None
    folder = write_team(tmp_path / "elsewhere", framework, bad=False)
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("t")
        await pilot.pause()
        field = app.screen.query_one("#team-path", Input)
        assert field.value == str(tmp_path / "output")
        files = sorted(folder.glob("share-0*.json"))[:5]
        field.value = " ; ".join(str(f) for f in files)
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, TeamRoomScreen) and app.screen.profile is not None)
        await pilot.pause()
        assert "4 of 5 files used, 1 duplicate counted once" in flat(screen_text(app))  # share-03-again is share-03
        assert "nothing to draw:" in screen_text(app) and "fewer than 5 rated each" in screen_text(app)
        assert context.settings.get(FOLDER_SETTING) == str(folder)
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.query_one("#team-path", Input).value == str(folder)
