"""Snapshots of the levels, explorer grid and level finder screens (fixed example data, no clock)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.finder import add_demo_finder


def build_app(tmp_path: Path, demo_finder: bool = False) -> FramewheelApp:
    """The app on a fresh database of its own, with the example finder record when asked."""
    context = AppContext.open(tmp_path / "data" / "framewheel.json", "ahep", user_dir=tmp_path / "user")
    if demo_finder:
        add_demo_finder(context.finder, context.framework)
    return FramewheelApp(context)


def test_levels_one_at_a_time_80x24(snap_compare: Callable[..., bool], tmp_path: Path) -> None:
    """At 80x24 one level is shown with its place among the four."""
    assert snap_compare(build_app(tmp_path), terminal_size=(80, 24), press=["l", "right"])


def test_explorer_grid_200x60(snap_compare: Callable[..., bool], tmp_path: Path) -> None:
    """At 200x60 the grid shows commitments down and levels across."""
    assert snap_compare(build_app(tmp_path), terminal_size=(200, 60), press=["e", "g"])


def test_finder_with_example_record_200x60(snap_compare: Callable[..., bool], tmp_path: Path) -> None:
    """The finder on the example record: marks in letters, best fit, reasons and next steps."""
    assert snap_compare(build_app(tmp_path, demo_finder=True), terminal_size=(200, 60), press=["f", "tab"])
