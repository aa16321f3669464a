"""Snapshots of the RAG board at 80x24 and 200x60 and of its column view (the demo's 2018-2020 plan)."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

import pytest

from tui.core.action_plan_demo import demo_plans
from tui.app import FramewheelApp
from tui.context import AppContext


def board_app(unexplained_red: bool = False) -> FramewheelApp:
    """The app on a fresh database holding the example RAG analysis (optionally a red with no comment)."""
    folder = Path(tempfile.mkdtemp(prefix="framewheel-snap-"))
    context = AppContext.open(folder / "framewheel.json", user_dir=folder / "user-frameworks")
    analysis = demo_plans()[0]
    if unexplained_red:
        first = analysis.sections[0]
        items = (replace(first.items[0], rag="red", comment="", owner="Project lead", focus=(2021, 2022)), *first.items[1:])
        analysis = replace(analysis, sections=(replace(first, items=items), *analysis.sections[1:]))
    context.action_plans.add(analysis)
    return FramewheelApp(context)


def test_board_80x24(snap_compare: object) -> None:
    """The board at the smallest size: counts, column headings, rows with letters and symbols, detail."""
    assert snap_compare(board_app(), terminal_size=(80, 24), press=["b", "enter", "down", "down"])  # type: ignore[operator]


def test_board_200x60_with_unexplained_red(snap_compare: object) -> None:
    """The board at 200x60 with a new red item that has no comment yet (flagged)."""
    assert snap_compare(board_app(unexplained_red=True), terminal_size=(200, 60), press=["b", "enter", "down"])  # type: ignore[operator]


def test_board_columns_view(snap_compare: object) -> None:
    """The items in four columns by rating."""
    assert snap_compare(board_app(), terminal_size=(200, 60), press=["b", "enter", "v"])  # type: ignore[operator]


def test_board_no_color_80x24(snap_compare: object, monkeypatch: pytest.MonkeyPatch) -> None:
    """NO_COLOR: red badges in reverse bold, amber bold, green plain, all in the text colour."""
    monkeypatch.setenv("NO_COLOR", "1")
    assert snap_compare(board_app(unexplained_red=True), terminal_size=(80, 24), press=["b", "enter", "down"])  # type: ignore[operator]
