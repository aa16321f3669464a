"""Snapshots of the rating screen at 80x24 for the two unusual test frameworks (fixed label and dates)."""

from __future__ import annotations

from pathlib import Path

from tests.screens.test_wheel_snapshots import STAMP, open_wheel
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.wheels import Assessment

DATA = Path(__file__).resolve().parents[1] / "data"
"""The project's own test frameworks."""


def make_app(folder: Path, name: str, ratings: dict[str, dict[str, int]]) -> FramewheelApp:
    """An app on the test framework ``name`` whose database holds one wheel with these ratings."""
    context = AppContext.open(folder / "data" / "framewheel.json", user_dir=folder / "user", framework=str(DATA / f"{name}.yaml"))
    framework = context.framework
    context.assessments.add(Assessment(0, framework.id, framework.version, "Before my 1:1", STAMP, STAMP, ratings=ratings))
    return FramewheelApp(context)


def test_four_series_rating_screen_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Four sliders per row on a 0-20 scale, with the file's letters and titles, one series not rated yet."""
    ratings = {
        "chemical-handling": {"now": 12, "goal": 18, "manager": 15},
        "equipment": {"now": 20, "goal": 20, "manager": 10, "peers": 0},
        "emergencies": {"now": 0, "goal": 10, "manager": 5, "peers": 19},
    }
    assert snap_compare(make_app(tmp_path, "four-series", ratings), terminal_size=(80, 24), run_before=open_wheel, press=["tab"])


def test_sixteen_areas_rating_screen_80x24(snap_compare, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Sixteen long-titled areas on a 1-5 scale with labels; the focused 3 shows "3 · Practitioner"."""
    context_ids = [
        "reproducible-research-practice", "software-design", "testing", "performance", "data-management", "security",
        "usability", "community", "teaching", "project-management", "collaboration", "communication", "funding",
    ]
    ratings = {area: {"today": 1 + i % 5, "needed": 1 + (i + 2) % 5} for i, area in enumerate(context_ids)}
    ratings["reproducible-research-practice"]["today"] = 3
    assert snap_compare(make_app(tmp_path, "sixteen-areas", ratings), terminal_size=(80, 24), run_before=open_wheel)
