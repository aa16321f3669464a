"""The app shell driven with Pilot: home, framework choice, help, palette, theme, size, crashes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from screens.dialogs.help import HelpScreen
from screens.home import HomeScreen
from screens.dialogs.notice import NoticeDialog
from screens.too_small import TooSmallScreen
from tests.conftest import screen_text
from tests.helpers.waiting import wait_until
from tui.app import CrashReport, FramewheelApp
from tui.context import AppContext


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_home_lists_frameworks_and_empty_work(context: AppContext, size: tuple[int, int]) -> None:
    """At both sizes the home screen shows the frameworks, the outline and the empty work list."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = screen_text(app)
        assert "● AHEP Professional Framework" in text
        assert "Technician Commitment" in text
        assert "8 commitments · 4 levels · 96" in text
        assert "Nothing saved yet." in text
        assert "Help" in text.splitlines()[-1]


async def test_choose_framework_by_keys_is_remembered(context: AppContext, db_path: Path, tmp_path: Path) -> None:
    """Arrow down and enter choose another framework; the choice survives a restart."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        chosen = context.framework_id
        assert chosen != "ahep"
        assert f"● {context.framework.title}"[:20] in screen_text(app)
    again = AppContext.open(db_path, user_dir=tmp_path / "user-frameworks")
    try:
        assert again.framework_id == chosen
    finally:
        again.close()


async def test_f1_help_shows_screen_help_and_keys(context: AppContext) -> None:
    """F1 opens help for the home screen with its keys; escape closes it."""
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Help: Home" in text
        assert "Keys on this screen" in text and "Next panel" in text
        assert "Copy selected text" in text and "super+c" not in text  # a terminal never sends super keys
        assert "Scroll Left" not in text and "Scroll Right" not in text  # no pane here scrolls sideways
        assert "Focus previous" in text and "Focus Previous" not in text  # Textual's own keys in our sentence case
        await pilot.press("end")  # the help scrolls like any page
        await pilot.pause()
        assert "command palette" in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_command_palette_has_app_commands(context: AppContext) -> None:
    """ctrl+p lists the app's own commands beside Textual's, and running one works."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"help for")
        await pilot.pause(0.3)
        assert "Help for this screen" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_theme_is_remembered(context: AppContext, db_path: Path, tmp_path: Path) -> None:
    """A theme chosen in one run is used by the next."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "textual-light"
        await pilot.pause()
    assert context.settings.get("theme") == "textual-light"
    again = AppContext.open(db_path, user_dir=tmp_path / "user-frameworks")
    try:
        assert FramewheelApp(again).theme == "textual-light"
    finally:
        again.close()


async def test_too_small_terminal_message(context: AppContext) -> None:
    """Below 80x24 a clear message asks for a larger window; it goes once the window grows."""
    app = FramewheelApp(context)
    async with app.run_test(size=(70, 20)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "Please make the window larger." in screen_text(app)
        assert "this one is 70 x 20" in screen_text(app)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_no_color_home_is_readable(context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """With NO_COLOR=1 the chosen framework is still marked by a symbol."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "● AHEP Professional Framework" in screen_text(app)


async def test_unexpected_error_shows_sentence_and_log(context: AppContext, tmp_path: Path) -> None:
    """An unexpected failure becomes one sentence naming the log file; the log has the traceback."""
    app = FramewheelApp(context)

    def boom() -> None:
        raise ValueError("something odd")

    with pytest.raises(CrashReport):
        async with app.run_test(size=(80, 24)) as pilot:
            app.call_later(boom)
            await pilot.pause()
    assert "unexpected error (ValueError: something odd)" in app.crash_message
    logs = list((tmp_path / "logs").glob("crash-*.log"))
    assert len(logs) == 1 and str(logs[0]) in app.crash_message
    assert "Traceback" in logs[0].read_text(encoding="utf-8")
    assert logs[0].stat().st_mode & 0o777 == 0o600


async def test_unreadable_file_notice_offers_backup(db_path: Path, tmp_path: Path) -> None:
    """A damaged data file is set aside; the app says where, and `r` restores the latest backup."""
    first = AppContext.open(db_path, user_dir=tmp_path / "u")
    first.choose_framework("aspect-core-principles")
    first.close()
    AppContext.open(db_path, user_dir=tmp_path / "u").close()  # a second open keeps a daily backup
    db_path.write_text("{ this is not json", encoding="utf-8")
    context = AppContext.open(db_path, user_dir=tmp_path / "u")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NoticeDialog)
        text = screen_text(app)
        assert ".unreadable-" in text
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    context.close()
    data = json.loads(db_path.read_text(encoding="utf-8"))
    assert "aspect-core-principles" in json.dumps(data)
    assert list(db_path.parent.glob("*.unreadable-*"))


async def test_a_wrong_shaped_record_is_named_on_opening(db_path: Path, tmp_path: Path) -> None:
    """A record no screen can read is named by record and field in the opening notice, and the app still opens."""
    good = {"framework_id": "ahep", "framework_version": "2024", "label": "Kept wheel",
            "created": "2026-01-01T00:00:00+00:00", "ratings": {}}
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_text(json.dumps({"_meta": {"1": {"schema_version": 1}},
                                   "assessments": {"1": good, "2": {**good, "ratings": "x"}}}), encoding="utf-8")
    context = AppContext.open(db_path, user_dir=tmp_path / "u")
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NoticeDialog)
        text = " ".join(line.split("█")[1].strip() for line in screen_text(app).splitlines() if line.count("█") == 2)
        assert "wheel 2: field 'ratings': expected an object" in text and ".damaged-" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Kept wheel" in screen_text(app)
    context.close()


def test_demo_never_touches_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--demo works on a temporary database that is removed afterwards."""
    user_db = tmp_path / "mine.json"
    monkeypatch.setenv("FRAMEWHEEL_DB", str(user_db))
    demo = AppContext.open_demo(user_dir=tmp_path / "u")
    folder = demo.temporary_dir
    assert folder is not None and demo.db.path.parent == folder
    assert demo.settings.get("demo") is True
    demo.close()
    assert not folder.exists()
    assert not user_db.exists()


async def test_home_lists_recent_saved_work(context: AppContext) -> None:
    """Saved work from the activities is listed newest first, at most 30, with a count of the rest."""
    from tui.core.model import SavedWork

    from tui.activities import Activity

    items = [SavedWork("wheel", i, f"Wheel number {i}", f"2026-11-{1 + i % 28:02d}T10:{i % 60:02d}:00", framework_id="ahep") for i in range(40)]

    class Listing:
        """A repository that lists the test's saved work."""

        def saved_work(self) -> list[SavedWork]:
            """The forty items."""
            return items

    context.activities = context.activities.with_activity(
        Activity("listed", "Listed work", work_kind="wheel", repository=lambda db: Listing()))
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Wheel number 27" in text  # 2026-11-28 is the newest date
        assert text.index("Wheel number 27") < text.index("Wheel number 26")
        assert "and 10 more" in text


async def test_every_kind_of_saved_work_opens_from_home(tmp_path: Path) -> None:
    """Each kind of work the demo saves (wheel, ranking, plan, finder record, action plan) opens with enter."""
    context = AppContext.open_demo(user_dir=tmp_path / "u")
    kinds = {item.kind for item in context.saved_work()}
    assert {"wheel", "ranking", "plan", "level finder", "action plan"} <= kinds
    for kind in kinds:
        assert callable(context.activities.opener(kind)), kind
    app = FramewheelApp(context)
    async with app.run_test(size=(200, 60)) as pilot:
        await pilot.pause()
        opened = set()
        for row in range(app.screen.query_one("#work-table").row_count):
            table = app.screen.query_one("#work-table")
            table.focus()
            table.move_cursor(row=row)
            kind = app.screen._work[str(table.coordinate_to_cell_key((row, 0)).row_key.value)].kind
            await pilot.press("enter")
            await pilot.pause(0.2)
            assert not isinstance(app.screen, HomeScreen), kind
            opened.add(kind)
            while not isinstance(app.screen, HomeScreen):
                await pilot.press("escape")
                await pilot.pause(0.1)
        assert opened == kinds
    context.close()


async def test_command_palette_starts_activities_from_any_screen(context: AppContext) -> None:
    """ctrl+p finds the activities by name ("Ranking") and starts one, even from another screen."""
    from screens.levels.levels import LevelsScreen
    from screens.ranking.ranking import RankingScreen

    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LevelsScreen)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"ranking")
        await pilot.pause(0.3)
        assert "key k on the home screen" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, RankingScreen)
        assert len(app.screen_stack) == 2  # home, then the ranking: the levels screen was left


async def test_saved_work_of_a_framework_not_loaded_says_so(tmp_path: Path) -> None:
    """A plan made with a framework file given once, opened from home later without it: a message, not an empty AHEP plan."""
    data = Path(__file__).resolve().parents[1] / "data" / "four-series.yaml"
    db = tmp_path / "data.json"
    first = AppContext.open(db, str(data), user_dir=tmp_path / "u")
    first.development_plan.add(first.framework, title="Run the spring drill", areas=("emergencies",),
                               success_criteria="The drill is run and written up.")
    first.close()
    context = AppContext.open(db, user_dir=tmp_path / "u")
    try:
        app = FramewheelApp(context)
        async with app.run_test(size=(200, 60)) as pilot:
            await wait_until(pilot, lambda: app.screen.query("#work-table"), what="the work list")
            table = app.screen.query_one("#work-table")
            table.focus()
            await pilot.press("enter")
            await wait_until(pilot, lambda: "is not loaded now" in screen_text(app), what="the message")
            text = screen_text(app)
            assert "was made with the framework 'four-series', which is not loaded now" in text
            assert "0 objectives" not in text
    finally:
        context.close()


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_every_activity_key_is_on_the_home_screen(context: AppContext, size: tuple[int, int]) -> None:
    """Fourteen activity keys: in two columns at 80x24 (none cut off the panel), one per line when there is room."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await wait_until(pilot, lambda: " x  1:1 report" in screen_text(app), what="the activity keys laid out")
        text = screen_text(app)
        for launcher in context.activities.launchers():
            assert f" {launcher.key}  {launcher.description[:9]}" in text, launcher.key
        two_columns = any(" w  New wheel" in line and " o  Roles" in line for line in text.splitlines())
        assert two_columns == (size == (80, 24))


async def test_the_collector_paused_for_the_start_resumes_once_home_is_complete(
        context: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line pauses the cycle collector for the start; the home screen's work list drawn, it runs again."""
    import gc

    from tui import collector

    monkeypatch.setattr("tui.app.START_SECONDS", 600.0)  # not the app's latest time: the home screen resumes it
    collector.pause_for_start()
    try:
        app = FramewheelApp(context)
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, lambda: "Nothing saved yet." in screen_text(app))
            await wait_until(pilot, lambda: gc.isenabled())
            assert not collector.paused_for_start()
    finally:
        collector.resume_after_start()
        gc.unfreeze()
