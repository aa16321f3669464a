"""Snapshots of the ranking screen at 80x24 (descriptor under the list) and 200x60 (beside it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app import FramewheelApp
from tui.context import AppContext


def ranking_app(tmp_path: Path) -> FramewheelApp:
    """An app over a database holding one named ranking with ties at 1 and at the bottom."""
    context = AppContext.open(tmp_path / "data" / "framewheel.json", user_dir=tmp_path / "user-frameworks")
    framework = context.framework
    ids = framework.area_ids
    groups = ((ids[6], ids[2]), (ids[5],), (ids[4],), (ids[0],), (ids[1],), (ids[3], ids[7]))
    context.rankings.create(framework, "Student services team", day="2026-11-24", groups=groups,
                            notes="Agreed at the away day.")
    return FramewheelApp(context)


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
def test_ranking_screen_snapshot(snap_compare: object, tmp_path: Path, size: tuple[int, int]) -> None:
    """The ranking screen with a tie at 1 and at 7, the second area focused."""
    app = ranking_app(tmp_path)
    try:
        assert snap_compare(app, terminal_size=size, press=["k", "down"])  # type: ignore[operator]
    finally:
        app.context.close()
