"""The role editor driven by keys at 80x24 and 200x60: a new role saved once it has a name and an area, targets
by digits, arrows and the level cycle, an area taken out and put back, renaming, targets the framework can no
longer place kept, a digit off the scale refused, and no level key for a framework without levels."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest

from screens.roles.editor import NEEDS_AREA, NEEDS_BOTH, RoleEditorScreen
from screens.roles.roles import RolesScreen
from tests.conftest import screen_text
from tests.screens.test_roles_screen import flat, notices, open_with_roles
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.roles import RoleProfile

SIZES = [(80, 24), (200, 60)]
"""The design's sizes."""

SMALL_SCALE = """\
schema: framewheel/framework@1
id: small-scale
title: Small scale
version: "1"
scale: {min: 1, max: 5}
areas:
  - {id: a, title: Alpha}
  - {id: b, title: Beta}
  - {id: c, title: Gamma}
"""
"""A framework rated 1 to 5, without levels."""


@pytest.fixture
def with_roles(db_path: Path, tmp_path: Path) -> Iterator[AppContext]:
    """A context on the roles framework (levels First and Accredited Member; areas one, two, three)."""
    context = open_with_roles(db_path, tmp_path)
    yield context
    context.close()


def stored(context: AppContext) -> list[tuple[str, dict[str, Any]]]:
    """Every saved role as (name, targets), re-read from the database."""
    return [(role.name, dict(role.targets)) for role in context.roles.list()]


async def open_editor(app: FramewheelApp, pilot: Any, keys: tuple[str, ...]) -> RoleEditorScreen:
    """`o` on home, then ``keys`` in the roles list: the editor."""
    await pilot.pause()
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(app.screen, RolesScreen)
    await pilot.press(*keys)
    await pilot.pause()
    assert isinstance(app.screen, RoleEditorScreen)
    return app.screen


@pytest.mark.parametrize("size", SIZES)
async def test_a_new_role_is_saved_once_it_has_a_name_and_an_area(with_roles: AppContext, size: tuple[int, int]) -> None:
    """n: the screen says why it is not saved yet; the name alone still is not enough; space on an area saves it."""
    app = FramewheelApp(with_roles)
    async with app.run_test(size=size) as pilot:
        await open_editor(app, pilot, ("n",))
        text = flat(screen_text(app))
        assert f"Not saved yet. {NEEDS_BOTH}" in text and "New role" in text
        await pilot.press(*"Lab lead")
        await pilot.pause()
        assert f"Not saved yet. {NEEDS_AREA}" in flat(screen_text(app)) and stored(with_roles) == []
        await pilot.press("tab", "space")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"one": 5})]
        text = flat(screen_text(app))
        assert "Saved · every change is saved as you make it (1 target)" in text
        assert "[x] 5 of 10" in text and "Capabilities: 1 of 3 in the role" in text


@pytest.mark.parametrize("size", SIZES)
async def test_targets_by_digits_arrows_and_the_level_cycle(with_roles: AppContext, size: tuple[int, int],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """1 0 quickly makes 10; right at the top says so; left lowers; l steps through the levels and back to the scale."""
    role = with_roles.roles.create(with_roles.framework, "Lab lead", {"one": 4})
    app = FramewheelApp(with_roles)
    async with app.run_test(size=size) as pilot:
        await open_editor(app, pilot, ("down", "e"))
        await pilot.press("1", "0")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"one": 10})]
        assert "10 of 10" in flat(screen_text(app))
        await pilot.press("right")
        await pilot.pause()
        assert "Already at the top of the scale." in notices(app) and stored(with_roles) == [("Lab lead", {"one": 10})]
        await pilot.press("left", "left")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"one": 8})]
        monkeypatch.setattr("screens.roles.editor.DIGIT_PAUSE", -1.0)  # every digit on its own
        await pilot.press("1", "3")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"one": 3})]
        await pilot.press("down", "l")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"one": 3, "two": "first"})]
        await pilot.press("l")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"one": 3, "two": "accredited"})]
        assert "Accredited Member" in flat(screen_text(app))
        await pilot.press("left")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"one": 3, "two": "first"})]
        await pilot.press("up", "l", "l", "l")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"one": 3, "two": "first"})]  # one: level, level, back to 3
        assert with_roles.roles.get(role.id) is not None


@pytest.mark.parametrize("size", SIZES)
async def test_taking_out_the_last_area_keeps_the_stored_role(with_roles: AppContext, size: tuple[int, int]) -> None:
    """space on the only area: the screen says a role needs an area and the stored role keeps it; space puts it back."""
    with_roles.roles.create(with_roles.framework, "Lab lead", {"three": 9})
    app = FramewheelApp(with_roles)
    async with app.run_test(size=size) as pilot:
        await open_editor(app, pilot, ("down", "e"))
        await pilot.press("down", "down", "space")
        await pilot.pause()
        text = flat(screen_text(app))
        assert f"Not saved: {NEEDS_AREA}" in text and "The stored role keeps its last name and targets." in text
        assert stored(with_roles) == [("Lab lead", {"three": 9})]
        await pilot.press("space")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"three": 9})]
        assert "Saved" in flat(screen_text(app))


@pytest.mark.parametrize("size", SIZES)
async def test_renaming_is_editing_the_name(with_roles: AppContext, size: tuple[int, int]) -> None:
    """tab to the name, rub it out: not saved (a role needs a name); type a new one: saved, and listed so."""
    with_roles.roles.create(with_roles.framework, "Lab lead", {"two": 6})
    app = FramewheelApp(with_roles)
    async with app.run_test(size=size) as pilot:
        await open_editor(app, pilot, ("down", "e"))
        await pilot.press("shift+tab", "end", *["backspace"] * len("Lab lead"))
        await pilot.pause()
        assert "Not saved: A role needs a name" in flat(screen_text(app))
        assert stored(with_roles) == [("L", {"two": 6})]  # each name typed is saved; an empty one is not
        await pilot.press(*"Head of labs")
        await pilot.pause()
        assert stored(with_roles) == [("Head of labs", {"two": 6})]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RolesScreen) and "Head of labs" in flat(screen_text(app))


@pytest.mark.parametrize("size", SIZES)
async def test_targets_the_framework_cannot_place_are_listed_and_kept(with_roles: AppContext, size: tuple[int, int]) -> None:
    """A role naming an area the framework no longer has lists it as kept; changing another target keeps it stored."""
    with_roles.roles.add(RoleProfile(0, "Old role", "rolesfw", {"one": 5, "retired-area": 3}))
    app = FramewheelApp(with_roles)
    async with app.run_test(size=size) as pilot:
        await open_editor(app, pilot, ("down", "e"))
        text = flat(screen_text(app))
        assert "Kept as they were (this framework can no longer place them): retired-area: 3" in text
        await pilot.press("right")
        await pilot.pause()
        assert stored(with_roles) == [("Old role", {"one": 6, "retired-area": 3})]
        assert "Saved" in flat(screen_text(app))


async def test_a_digit_off_the_scale_is_refused(db_path: Path, tmp_path: Path) -> None:
    """On a 1 to 5 scale, 9 and 0 are refused in words and change nothing; 4 sets 4."""
    user = tmp_path / "user-frameworks"
    user.mkdir()
    (user / "small-scale.yaml").write_text(SMALL_SCALE, encoding="utf-8")
    context = AppContext.open(db_path, "small-scale", user_dir=user)
    try:
        context.roles.create(context.framework, "Tiny", {"a": 2})
        app = FramewheelApp(context)
        async with app.run_test(size=(80, 24)) as pilot:
            await open_editor(app, pilot, ("e",))
            await pilot.press("9")
            await pilot.pause()
            assert "9 is off the scale (1 to 5); the target was not changed." in notices(app)
            await pilot.press("0")
            await pilot.pause()
            assert stored(context) == [("Tiny", {"a": 2})]
            await pilot.press("4")
            await pilot.pause()
            assert stored(context) == [("Tiny", {"a": 4})]
            assert "4 of 5" in flat(screen_text(app))
    finally:
        context.close()


@pytest.mark.parametrize("size", SIZES)
async def test_no_level_key_without_levels(db_path: Path, tmp_path: Path, size: tuple[int, int]) -> None:
    """Aspect has no levels: no Level key in the footer or the guide, and l changes nothing."""
    context = open_with_roles(db_path, tmp_path, "aspect-core-principles")
    try:
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await open_editor(app, pilot, ("n",))
            await pilot.press(*"Developer", "tab", "space", "l")
            await pilot.pause()
            text = flat(screen_text(app))
            assert "Level" not in text and "l a level" not in text and "or a level" not in text
            first = context.framework.areas[0].id
            assert stored(context) == [("Developer", {first: 5})]
    finally:
        context.close()


async def test_80x24_editor_shows_whole_words(context: AppContext) -> None:
    """AHEP's eight commitments at 80x24: every row on screen, titles in whole words (a short label where a title is long)."""
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_editor(app, pilot, ("n",))
        text = screen_text(app)
        assert "…" not in text
        words = flat(text)
        for area in context.framework.areas:
            assert area.heading in words or area.label in words
        assert "space in/out" in words and "l a level" in words


@pytest.mark.parametrize("size", SIZES)
async def test_undo_and_redo_a_change_of_the_targets(with_roles: AppContext, size: tuple[int, int]) -> None:
    """ctrl+z takes back the last change of a target (saved), ctrl+y makes it again; nothing left says so."""
    with_roles.roles.create(with_roles.framework, "Lab lead", {"one": 4})
    app = FramewheelApp(with_roles)
    async with app.run_test(size=size) as pilot:
        await open_editor(app, pilot, ("down", "e"))
        await pilot.press("right", "down", "space")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"one": 5, "two": 5})]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"one": 5})]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"one": 4})]
        assert "4 of 10" in flat(screen_text(app))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Nothing to undo." in notices(app)
        await pilot.press("ctrl+y", "ctrl+y")
        await pilot.pause()
        assert stored(with_roles) == [("Lab lead", {"one": 5, "two": 5})]
