"""The institution's values (`v` on the institution's view, here opened with ``open_values``) at 80x24 and 200x60:
a value mapped with `n`, typed, ticked and kept (read back from the repository and the data file), refused while
it has no mapping, changed with `enter`, deleted after a confirmation, and shown on the explorer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from screens.dialogs.confirm import ConfirmDialog
from screens.institution.value_editor import ValueEditorDialog
from screens.institution.values import ValuesScreen, open_values
from screens.levels.explore import ExplorerScreen
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext

SIZES = [(80, 24), (200, 60)]
"""The design's sizes."""


def flat(text: str) -> str:
    """Screen text with borders dropped and runs of spaces made one (for sentences that wrap)."""
    return " ".join(text.translate(str.maketrans("│▊▎█", "    ")).split())


def stored_values(db_path: Path) -> list[dict[str, Any]]:
    """The institution values in the data file on disk."""
    data = json.loads(db_path.read_text(encoding="utf-8"))
    return list(data.get("institution_values", {}).values())


def panel_text(app: FramewheelApp, selector: str) -> str:
    """What the screen shows inside one widget's region (a column of a side-by-side layout), flattened."""
    region = app.screen.query_one(selector).region
    lines = screen_text(app).splitlines()[region.y:region.bottom]
    return flat("\n".join(line[region.x:region.right] for line in lines))


async def open_screen(app: FramewheelApp, pilot: Any) -> ValuesScreen:
    """The values screen, opened the way the institution's view opens it."""
    await pilot.pause()
    open_values(app.screen)
    await pilot.pause()
    assert isinstance(app.screen, ValuesScreen)
    return app.screen


async def tick(pilot: Any, app: FramewheelApp, selector: str, index: int) -> None:
    """Tick the option at ``index`` of one of the editor's checklists."""
    checklist = app.screen.query_one(selector)
    checklist.focus()
    checklist.highlighted = index
    await pilot.press("space")
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
async def test_a_value_is_mapped_typed_kept_changed_and_deleted(context: AppContext, db_path: Path,
                                                                size: tuple[int, int]) -> None:
    """`n`, the title typed, an area and a framework value ticked, `ctrl+s`: kept; `enter` changes it; `d` deletes it."""
    framework = context.framework
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_screen(app, pilot)
        assert "No institution values are mapped to" in flat(screen_text(app))
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ValueEditorDialog)
        await pilot.press(*"Openness")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ValueEditorDialog)
        assert "Not kept: a value is mapped to at least one commitment" in flat(screen_text(app))
        assert context.institution_values.values(framework.id) == []
        await tick(pilot, app, "#value-areas", 1)
        await tick(pilot, app, "#value-values", 0)
        assert "[x]" in screen_text(app)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ValuesScreen)
        [value] = context.institution_values.values(framework.id)
        assert value.title == "Openness"
        assert value.areas == (framework.areas[1].id,)
        assert value.framework_values == (framework.values[0].id,)
        [record] = stored_values(db_path)
        assert record["title"] == "Openness" and record["areas"] == [framework.areas[1].id]
        text = flat(screen_text(app))
        assert "Openness" in text and framework.areas[1].title in text and framework.values[0].title in text
        assert "1 value mapped to" in text

        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ValueEditorDialog)
        title = app.screen.query_one("#value-title")
        title.focus()
        await pilot.press("end", *" and trust")
        await tick(pilot, app, "#value-areas", 3)
        await pilot.press("ctrl+s")
        await pilot.pause()
        [changed] = context.institution_values.values(framework.id)
        assert changed.title == "Openness and trust"
        assert changed.areas == (framework.areas[1].id, framework.areas[3].id)
        assert stored_values(db_path)[0]["title"] == "Openness and trust"
        assert "Openness and trust" in flat(screen_text(app))

        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert len(context.institution_values.values(framework.id)) == 1
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert context.institution_values.values(framework.id) == []
        assert stored_values(db_path) == []
        assert "No institution values are mapped to" in flat(screen_text(app))


async def test_a_second_value_of_the_same_name_is_refused_in_the_form(context: AppContext) -> None:
    """The repository's problem is shown in the form, which stays open; nothing is kept."""
    framework = context.framework
    context.institution_values.create(framework, "Integrity", [framework.areas[0].id])
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_screen(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"integrity")
        await tick(pilot, app, "#value-areas", 2)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ValueEditorDialog)
        assert "already mapped" in flat(screen_text(app))
        await pilot.press("escape")
        await pilot.pause()
        assert len(context.institution_values.values(framework.id)) == 1


@pytest.mark.parametrize("size", SIZES)
async def test_the_explorer_shows_the_institution_values_beside_the_framework_values(
        context: AppContext, size: tuple[int, int]) -> None:
    """The values entry lists "Your institution's values"; an area names those mapped to it; another area none."""
    framework = context.framework
    first, second = framework.areas[0], framework.areas[1]
    context.institution_values.create(framework, "Curiosity", [first.id], [framework.values[0].id],
                                      "We ask why, and find out.")
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        app.push_screen(ExplorerScreen())
        await pilot.pause()
        explorer = app.screen
        assert isinstance(explorer, ExplorerScreen)
        text = panel_text(app, "#explore-detail")
        assert "Your institution's values here: Curiosity" in text
        explorer.show(second.id)
        await pilot.pause()
        assert "Your institution's values" not in panel_text(app, "#explore-detail")
        explorer.show("_values")
        await pilot.pause()
        text = panel_text(app, "#explore-detail")
        assert "Your institution's values" in text and "Curiosity" in text
        assert "Your institution's values here: Curiosity" in text  # under the framework value it maps to


async def test_the_explorer_shows_nothing_of_the_institution_without_values(context: AppContext) -> None:
    """No institution values: no heading of them anywhere."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.push_screen(ExplorerScreen())
        await pilot.pause()
        app.screen.show("_values")
        await pilot.pause()
        assert "institution" not in flat(screen_text(app))
