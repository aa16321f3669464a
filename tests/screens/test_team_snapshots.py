"""Snapshots of the team room at 80x24 (the wheel above the spread, scrolling) and 200x60 (side by side)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from tests.helpers.team_files import write_team
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.team_profiles import FOLDER_SETTING


def team_app(tmp_path: Path) -> FramewheelApp:
    """An app whose remembered team folder holds 8 wheels, a duplicate and 3 files to leave out."""
    context = AppContext.open(tmp_path / "data" / "framewheel.json", user_dir=tmp_path / "user-frameworks")
    framework = context.catalog.get("ahep")
    assert framework is not None
    context.settings.set(FOLDER_SETTING, str(write_team(tmp_path / "team", framework)))
    return FramewheelApp(context)


async def read_the_team(pilot) -> None:  # type: ignore[no-untyped-def]
    """t, enter on the suggested folder, and wait until the profile is drawn."""
    from screens.team.room import TeamRoomScreen

    await pilot.press("t")
    await pilot.pause()
    await pilot.press("enter")
    for _ in range(200):
        screen = pilot.app.screen
        if isinstance(screen, TeamRoomScreen) and screen.profile is not None:
            break
        await asyncio.sleep(0.02)
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_team_room_snapshot(snap_compare: object, tmp_path: Path, size: tuple[int, int]) -> None:
    """The team room after reading 12 files: the files line, the team wheel and (wide) the spread beside it."""
    app = team_app(tmp_path)
    try:
        assert snap_compare(app, terminal_size=size, run_before=read_the_team)  # type: ignore[operator]
    finally:
        app.context.close()


def test_team_room_spread_snapshot_80x24(snap_compare: object, tmp_path: Path) -> None:
    """Narrow, scrolled to the spread: strips, "fewer than 5", the discuss flag, text wrapped."""
    app = team_app(tmp_path)
    try:
        assert snap_compare(app, terminal_size=(80, 24), run_before=read_the_team,  # type: ignore[operator]
                            press=["pagedown", "pagedown", "pagedown", "pagedown"])
    finally:
        app.context.close()


def compare_app(tmp_path: Path) -> FramewheelApp:
    """An app holding the demo team's two saved profiles, a year apart (fixed dates)."""
    from datetime import datetime, timezone

    from tui.core.team_profiles import demo_saved_profiles

    context = AppContext.open(tmp_path / "data" / "framewheel.json", user_dir=tmp_path / "user-frameworks")
    framework = context.catalog.get("ahep")
    assert framework is not None
    for saved in demo_saved_profiles(framework, datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)):
        context.team_profiles.add(saved)
    return FramewheelApp(context)


async def open_compare(pilot) -> None:  # type: ignore[no-untyped-def]
    """t, escape (no files), v, c: the two saved profiles compared."""
    await pilot.press("t")
    await pilot.pause()
    await pilot.press("escape")
    await pilot.pause()
    await pilot.press("v")
    await pilot.pause()
    await pilot.press("c")
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_team_compare_snapshot(snap_compare: object, tmp_path: Path, size: tuple[int, int]) -> None:
    """Two saved profiles a year apart: both wheels on one chart and (wide) the table beside it."""
    app = compare_app(tmp_path)
    try:
        assert snap_compare(app, terminal_size=size, run_before=open_compare)  # type: ignore[operator]
    finally:
        app.context.close()
