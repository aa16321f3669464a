"""Presentation mode shows nothing private: a marker planted in every private field is nowhere on screen.

The private fields are the ones the Activity registry declares (``private_fields``); the test
plants a marker in each of them in every record of the demo data (whatever activity keeps it),
then walks every screen in presentation mode: the home screen, every activity's key, every
saved item opened from the work list, and the screens and dialogs reached from those with the
keys that show notes, reflections, details and summaries. Out of presentation mode, the same
walk must find the marker (so the test cannot pass by showing nothing).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext

MARKER = "Zq7"
"""Planted in every private field; short so a cut or wrapped field still shows it whole."""

PLANTED = f"{MARKER}secret{MARKER}"
"""The planted text."""

FOLLOW_UPS: dict[str, tuple[str, ...]] = {
    "RatingScreen": ("v", "r", "escape", "s", "escape", "enter"),
    "HistoryScreen": ("s", "escape", "v"),
    "PlanScreen": ("enter",),
    "FinderScreen": ("n",),
    "RankingScreen": ("r",),
    "RankingListScreen": ("r",),
    "TeamProfileListScreen": ("enter",),
    "BoardScreen": ("down", "down", "right", "right", "v"),
    "SequenceScreen": ("enter", *("right",) * 20),
}
"""Keys pressed on a screen to reach what it opens (reflection, summary, note, details, columns ...)."""


def _plant(value: Any, fields: tuple[str, ...]) -> Any:
    """``value`` with every private field (at any depth) holding the marker; a board item's comment also marked private."""
    if isinstance(value, list):
        return [_plant(item, fields) for item in value]
    if not isinstance(value, dict):
        return value
    planted: dict[str, Any] = {}
    for key, item in value.items():
        if key in fields:
            planted[key] = _marked(item) if item else EMPTY_PLANTS.get(key, PLANTED)
        else:
            planted[key] = _plant(item, fields)
    if "comment" in fields and "comment" in value and "milestone" in value:
        planted["private"] = True
    return planted


EMPTY_PLANTS: dict[str, Any] = {"reflections": {"0": PLANTED, "2": PLANTED}, "names": [PLANTED, PLANTED]}
"""What is planted in a private field that the demo left empty (its stored shape)."""


def _marked(value: Any) -> Any:
    """A private field's value with the marker in place of every text, at any depth (keys kept)."""
    if isinstance(value, dict):
        return {key: _marked(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_marked(item) for item in value]
    return PLANTED


def _plant_everywhere(context: AppContext) -> int:
    """Plant the marker in every private field of every stored record; how many records were changed."""
    changed = 0
    for activity in context.activities:
        if not activity.private_fields or activity.repository is None:
            continue
        table = context.repository(activity.name)._records  # the repository's own table
        for record in table.all():
            record_id = record.pop("id")
            table.replace(record_id, _plant(record, activity.private_fields))
            changed += 1
    return changed


async def _settle(app: FramewheelApp, pilot: Any) -> None:
    """Let the screen draw and its background work (reading a team's files) finish."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def _visit(app: FramewheelApp, pilot: Any, seen: list[tuple[str, str]], where: str) -> None:
    """Record what is on screen, then follow the screen's own keys, recording each."""
    await pilot.pause()
    seen.append((where, screen_text(app)))
    for key in FOLLOW_UPS.get(type(app.screen).__name__, ()):
        await pilot.press(key)
        await pilot.pause()
        seen.append((f"{where} then {key} ({type(app.screen).__name__})", screen_text(app)))


async def _back_home(app: FramewheelApp, pilot: Any) -> None:
    """Back to the home screen, however deep the walk went."""
    for _ in range(8):
        if len(app.screen_stack) <= 1:
            return
        app.pop_screen()
        await pilot.pause()


async def _walk_all(context: AppContext, presenting: bool, size: tuple[int, int]) -> list[tuple[str, str]]:
    """Walk every screen and return what each showed."""
    app = FramewheelApp(context, presenting=presenting)
    seen: list[tuple[str, str]] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await _visit(app, pilot, seen, "home")
        for launcher in context.activities.launchers():
            await pilot.press(launcher.key)
            await _settle(app, pilot)
            await _visit(app, pilot, seen, f"key {launcher.key} ({launcher.description})")
            await _back_home(app, pilot)
        for item in context.saved_work():
            opener = context.activities.opener(item.kind)
            assert opener is not None
            app.push_screen(opener(item))
            await _settle(app, pilot)
            await _visit(app, pilot, seen, f"{item.kind} '{item.title}'")
            await _back_home(app, pilot)
    return seen


@pytest.fixture
def planted_demo(tmp_path: Any) -> Iterator[AppContext]:
    """The demo data with the marker in every private field."""
    context = AppContext.open_demo(user_dir=tmp_path / "frameworks")
    assert _plant_everywhere(context) >= 5
    try:
        yield context
    finally:
        context.close()


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_nothing_private_on_any_screen_while_presenting(planted_demo: AppContext, size: tuple[int, int]) -> None:
    """In presentation mode the marker appears on no screen of the walk."""
    seen = await _walk_all(planted_demo, presenting=True, size=size)
    assert len(seen) > 20
    leaks = [where for where, text in seen if MARKER in text]
    assert not leaks, f"private text on screen while presenting: {leaks}"


async def test_the_walk_finds_private_text_when_not_presenting(planted_demo: AppContext) -> None:
    """Out of presentation mode the same walk shows the marker (notes, reflections and comments are on screen)."""
    seen = await _walk_all(planted_demo, presenting=False, size=(200, 60))
    shown = [where for where, text in seen if MARKER in text]
    assert len(shown) >= 4, shown
