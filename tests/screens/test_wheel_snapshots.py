"""Snapshots of the rating screen at 80x24 and 200x60, and of the bar view (fixed label and dates)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from screens.wheel.open import wheel_screen
from tui.app import FramewheelApp
from tui.core.wheels import Assessment
from tui.context import AppContext

STAMP = "2026-03-02T09:30:00+00:00"
"""A fixed date, so the snapshot never changes with the clock."""


def make_app(folder: Path) -> FramewheelApp:
    """An app whose database holds one AHEP wheel, mostly rated (one area left unrated)."""
    context = AppContext.open(folder / "data" / "framewheel.json", user_dir=folder / "user")
    framework = context.framework
    ratings = {
        area.id: {"current": 3 + i % 5, "aspiration": 8 - i % 3, "organisation": 5 + i % 4}
        for i, area in enumerate(framework.areas[:-1])
    }
    ratings[framework.areas[2].id]["organisation"] = 0
    context.assessments.add(Assessment(0, framework.id, framework.version, "Before my 1:1", STAMP, STAMP, ratings=ratings))
    return FramewheelApp(context)


async def open_wheel(pilot: Pilot[None]) -> None:
    """Open the stored wheel's rating screen."""
    app = pilot.app
    await app.push_screen(wheel_screen(app.context, app.context.assessments.list()[0].id))  # type: ignore[attr-defined]
    await pilot.pause()


def test_rating_screen_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Narrow: sliders, the focused area's detail; the chart waits for v."""
    assert snap_compare(make_app(tmp_path), terminal_size=(80, 24), run_before=open_wheel, press=["down"])


def test_rating_screen_200x60(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Wide: sliders and the wheel side by side."""
    assert snap_compare(make_app(tmp_path), terminal_size=(200, 60), run_before=open_wheel)


def test_bar_view_200x60(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The bars, shown full-screen."""
    assert snap_compare(make_app(tmp_path), terminal_size=(200, 60), run_before=open_wheel, press=["b", "v"])


def overlapping_app(folder: Path) -> FramewheelApp:
    """An app whose one AHEP wheel has W and O equal on most areas and N crossing them (shapes that share cells)."""
    context = AppContext.open(folder / "data" / "framewheel.json", user_dir=folder / "user")
    framework = context.framework
    ratings = {
        area.id: {"current": (4, 7, 3, 8, 5, 6, 2, 7)[i], "aspiration": 7, "organisation": 7 if i % 4 else 9}
        for i, area in enumerate(framework.areas)
    }
    context.assessments.add(Assessment(0, framework.id, framework.version, "Overlapping", STAMP, STAMP, ratings=ratings))
    return FramewheelApp(context)


def test_radar_80x24_with_overlapping_series(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The wheel full-screen at 80x24 with W and O on one another: the merge mark, joined letters, ring values."""
    assert snap_compare(overlapping_app(tmp_path), terminal_size=(80, 24), run_before=open_wheel, press=["v"])
