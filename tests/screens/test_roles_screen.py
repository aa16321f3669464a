"""The roles list driven by keys from home (`o`) at 80x24 and 200x60: a framework's own roles and those made in
the app, the focused role's targets, the empty state, copy, refusals for a framework's roles, a confirmed delete,
the role file written, and the comparison screens opened with the focused role's key."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path
from typing import Any, Iterator

import pytest

from screens.base import FramewheelScreen
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.text_input import TextDialog
from screens.roles.editor import RoleEditorScreen
from screens.roles.roles import EMPTY_TEXT, READ_ONLY, RolesScreen
from tests.conftest import screen_text
from tui.app import FramewheelApp
from tui.context import AppContext
from tui.core.exchange.roles import role_to_dict

SIZES = [(80, 24), (200, 60)]
"""The design's sizes."""

ROLES_FRAMEWORK = """\
schema: framewheel/framework@1
id: rolesfw
title: Roles test framework
version: "3"
area_name: capability
levels:
  - {id: first, title: First}
  - {id: accredited, title: Accredited Member}
areas:
  - {id: one, title: Leading people, short: Leading}
  - {id: two, title: Working together, short: Together}
  - {id: three, title: Delivering results, short: Results}
roles:
  - id: team-leader
    title: Team leader
    targets: {one: 7, two: accredited}
"""
"""A framework with levels whose file defines one role."""


def flat(text: str) -> str:
    """Screen text with panel borders dropped and runs of spaces made one (for sentences that wrap)."""
    return " ".join(text.replace("│", " ").replace("▊", " ").split())


def panel_text(app: FramewheelApp, selector: str) -> str:
    """What the screen shows inside one widget's region (a column of a side-by-side layout), flattened."""
    region = app.screen.query_one(selector).region
    lines = screen_text(app).splitlines()[region.y:region.bottom]
    return flat("\n".join(line[region.x:region.right] for line in lines))


def notices(app: FramewheelApp) -> str:
    """The messages of the notifications raised so far."""
    return " | ".join(n.message for n in app._notifications)


def open_with_roles(db_path: Path, tmp_path: Path, framework_id: str = "rolesfw") -> AppContext:
    """A context on ``framework_id`` with the roles framework in the user folder."""
    user = tmp_path / "user-frameworks"
    user.mkdir(exist_ok=True)
    (user / "rolesfw.yaml").write_text(ROLES_FRAMEWORK, encoding="utf-8")
    return AppContext.open(db_path, framework_id, user_dir=user)


@pytest.fixture
def with_roles(db_path: Path, tmp_path: Path) -> Iterator[AppContext]:
    """A context on the roles framework."""
    context = open_with_roles(db_path, tmp_path)
    yield context
    context.close()


class StubScreen(FramewheelScreen):
    """Stands in for a comparison screen, remembering what it was opened with."""

    opened: list[tuple[str, dict[str, Any]]] = []

    def __init__(self, **kwargs: Any) -> None:
        """Remember the keyword arguments."""
        super().__init__()
        StubScreen.opened.append((type(self).__name__, kwargs))


@pytest.fixture
def stub_comparisons(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    """screens.roles.compare and screens.roles.transition replaced by stubs (they are built elsewhere)."""
    StubScreen.opened = []
    compare = types.ModuleType("screens.roles.compare")
    compare.WheelRoleScreen = type("WheelRoleScreen", (StubScreen,), {})  # type: ignore[attr-defined]
    compare.FinderRoleScreen = type("FinderRoleScreen", (StubScreen,), {})  # type: ignore[attr-defined]
    transition = types.ModuleType("screens.roles.transition")
    transition.RoleTransitionScreen = type("RoleTransitionScreen", (StubScreen,), {})  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "screens.roles.compare", compare)
    monkeypatch.setitem(sys.modules, "screens.roles.transition", transition)
    return StubScreen.opened


async def open_roles(app: FramewheelApp, pilot: Any) -> RolesScreen:
    """`o` on home: the roles screen."""
    await pilot.pause()
    await pilot.press("o")
    await pilot.pause()
    assert isinstance(app.screen, RolesScreen)
    return app.screen


@pytest.mark.parametrize("size", SIZES)
async def test_the_framework_roles_and_those_made_in_the_app_are_listed_with_their_targets(
        with_roles: AppContext, size: tuple[int, int]) -> None:
    """The file's role is marked read-only, a saved one as made in framewheel; the focused one's targets in words."""
    framework = with_roles.framework
    with_roles.roles.create(framework, "Lab manager", {"three": 9})
    app = FramewheelApp(with_roles)
    async with app.run_test(size=size) as pilot:
        await open_roles(app, pilot)
        text = flat(screen_text(app))
        assert "Roles of Roles test framework" in text
        assert "◆ Team leader" in text
        assert "● Lab manager" in text and "made in framewheel" in text
        assert "Targets in 2 of 3 capabilities" in text
        assert "7 (rating)" in text and "Accredited Member (level)" in text
        assert ("Leading people" if size[0] >= 120 else "Leading") in text
        assert "Not in this role: Results" in text
        await pilot.press("down")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "Targets in 1 of 3 capabilities" in text and "9 (rating)" in text and "e edits it" in text


@pytest.mark.parametrize("size", SIZES)
async def test_no_roles_says_how_to_make_one(context: AppContext, size: tuple[int, int]) -> None:
    """AHEP defines no roles: the list says so in words and names n and --demo; keys needing a role say so."""
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await open_roles(app, pilot)
        assert flat(EMPTY_TEXT) in panel_text(app, "#roles-list-panel")
        text = panel_text(app, "#role-targets-panel")
        assert "No roles yet" in text and "Make one with n" in text
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, RolesScreen)
        assert "No role yet: press n to make one." in notices(app)


async def test_the_demo_roles_are_listed_as_examples(tmp_path: Path) -> None:
    """--demo fills AHEP with example roles, labelled as examples."""
    demo = AppContext.open_demo("ahep", user_dir=tmp_path / "u")
    try:
        app = FramewheelApp(demo)
        async with app.run_test(size=(200, 60)) as pilot:
            await open_roles(app, pilot)
            text = flat(screen_text(app))
            assert "Example: Team leader" in text and "Example: Senior adviser (levels)" in text
    finally:
        demo.close()


@pytest.mark.parametrize("size", SIZES)
async def test_a_framework_role_is_copied_not_edited_or_deleted(with_roles: AppContext, size: tuple[int, int]) -> None:
    """e and d on the file's role are refused in words; c makes a saved copy with the same targets, listed on return."""
    app = FramewheelApp(with_roles)
    async with app.run_test(size=size) as pilot:
        await open_roles(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, RolesScreen) and READ_ONLY in notices(app)
        app.clear_notifications()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, RolesScreen) and READ_ONLY in notices(app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, RoleEditorScreen)
        stored = with_roles.roles.list()
        assert [(r.name, dict(r.targets)) for r in stored] == [("Copy of Team leader", {"one": 7, "two": "accredited"})]
        text = flat(screen_text(app))
        assert "Copy of Team leader" in text and "Saved" in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, RolesScreen)
        assert "● Copy of Team leader" in flat(screen_text(app))
        await pilot.press("home", "c")  # a second copy of the file's role takes the next free name
        await pilot.pause()
        assert isinstance(app.screen, RoleEditorScreen)
        assert sorted(r.name for r in with_roles.roles.list()) == ["Copy of Team leader", "Copy of Team leader (2)"]


@pytest.mark.parametrize("size", SIZES)
async def test_a_new_role_from_the_list_is_saved_and_listed(with_roles: AppContext, size: tuple[int, int]) -> None:
    """n opens a blank editor; a name and one area save it; back in the list it is there with its target."""
    app = FramewheelApp(with_roles)
    async with app.run_test(size=size) as pilot:
        await open_roles(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RoleEditorScreen)
        await pilot.press(*"Coordinator", "enter", "down", "space")
        await pilot.pause()
        stored = with_roles.roles.list()
        assert [(r.name, dict(r.targets)) for r in stored] == [("Coordinator", {"two": 5})]
        await pilot.press("escape")
        await pilot.pause()
        text = flat(screen_text(app))
        assert "● Coordinator" in text


@pytest.mark.parametrize("size", SIZES)
async def test_a_saved_role_is_edited_and_deleted_only_when_confirmed(with_roles: AppContext, size: tuple[int, int]) -> None:
    """e opens the saved role in the editor; d asks first: n keeps it, y deletes it and the list says so."""
    role = with_roles.roles.create(with_roles.framework, "Lab manager", {"three": 9})
    app = FramewheelApp(with_roles)
    async with app.run_test(size=size) as pilot:
        await open_roles(app, pilot)
        await pilot.press("down", "e")
        await pilot.pause()
        assert isinstance(app.screen, RoleEditorScreen) and app.screen.role is not None and app.screen.role.id == role.id
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Delete the role “Lab manager” (1 target)?" in flat(screen_text(app))
        await pilot.press("n")
        await pilot.pause()
        assert [r.id for r in with_roles.roles.list()] == [role.id]
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, RolesScreen)
        assert with_roles.roles.list() == [] and with_roles.roles.get(role.id) is None
        text = flat(screen_text(app))
        assert "Lab manager" not in text and "Deleted" in text and "Team leader" in text


@pytest.mark.parametrize("size", SIZES)
async def test_x_writes_the_focused_role_as_a_role_file(with_roles: AppContext, tmp_path: Path, size: tuple[int, int]) -> None:
    """x suggests a file in the output folder; enter writes framewheel/role@1 JSON (private); again asks to replace."""
    app = FramewheelApp(with_roles)
    async with app.run_test(size=size) as pilot:
        await open_roles(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, TextDialog)
        wanted = tmp_path / "output" / "role-team-leader.json"
        assert app.screen.value == str(wanted)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, RolesScreen)
        document = json.loads(wanted.read_text(encoding="utf-8"))
        role = with_roles.roles.find(with_roles.framework, "team-leader")
        assert role is not None
        assert document == role_to_dict(role, "3")
        assert document["format"] == "framewheel/role@1" and document["targets"] == {"one": 7, "two": "accredited"}
        assert document["framework"] == {"id": "rolesfw", "version": "3"}
        assert wanted.stat().st_mode & 0o777 == 0o600
        assert f"Wrote {wanted}" in notices(app)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, ConfirmDialog) and "Replace" in flat(screen_text(app))
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, RolesScreen)


async def test_x_refuses_a_folder(with_roles: AppContext, tmp_path: Path) -> None:
    """A folder named as the role file is refused in words, nothing written."""
    folder = tmp_path / "a-folder"
    folder.mkdir()
    app = FramewheelApp(with_roles)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roles(app, pilot)
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TextDialog)
        dialog.query_one("#role-export-path").value = str(folder)  # type: ignore[attr-defined]
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert "is not a regular file" in notices(app) and list(folder.iterdir()) == []


@pytest.mark.parametrize("size", SIZES)
async def test_the_comparisons_open_with_the_focused_roles_key(with_roles: AppContext, size: tuple[int, int],
                                                               stub_comparisons: list[tuple[str, dict[str, Any]]]) -> None:
    """enter compares a wheel, f a level-finder result, m moves to another role: each with the focused role's key."""
    saved = with_roles.roles.create(with_roles.framework, "Lab manager", {"three": 9})
    app = FramewheelApp(with_roles)
    async with app.run_test(size=size) as pilot:
        await open_roles(app, pilot)
        for key in ("enter", "f", "m"):
            await pilot.press(key)
            await pilot.pause()
            assert not isinstance(app.screen, RolesScreen)
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
    assert stub_comparisons == [
        ("WheelRoleScreen", {"role_key": "team-leader"}),
        ("FinderRoleScreen", {"role_key": "team-leader"}),
        ("RoleTransitionScreen", {"have_key": "team-leader"}),
        ("WheelRoleScreen", {"role_key": f"saved:{saved.id}"}),
    ]


@pytest.mark.parametrize("size", SIZES)
async def test_a_framework_without_levels_offers_no_finder_key(db_path: Path, tmp_path: Path, size: tuple[int, int],
                                                              stub_comparisons: list[tuple[str, dict[str, Any]]]) -> None:
    """Aspect has no levels: no f in the footer, f does nothing; a role made there lists its targets; m needs two roles."""
    context = open_with_roles(db_path, tmp_path, "aspect-core-principles")
    try:
        framework = context.framework
        context.roles.create(framework, "Educational developer", {framework.areas[0].id: 8})
        app = FramewheelApp(context)
        async with app.run_test(size=size) as pilot:
            await open_roles(app, pilot)
            text = flat(screen_text(app))
            assert "Finder" not in text and "Educational developer" in text and "8 (rating)" in text
            assert "or a level" not in text
            await pilot.press("f", "m")
            await pilot.pause()
            assert isinstance(app.screen, RolesScreen) and stub_comparisons == []
            assert "Moving to another role needs a second role" in notices(app)
    finally:
        context.close()


async def test_80x24_shows_whole_words(with_roles: AppContext) -> None:
    """At 80x24 the list, the targets and the keys are whole words: nothing cut with an ellipsis."""
    with_roles.roles.create(with_roles.framework, "Research facilities manager", {"one": 6, "three": "first"})
    app = FramewheelApp(with_roles)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roles(app, pilot)
        assert "…" not in screen_text(app)
        listed = panel_text(app, "#roles-list-panel")
        for phrase in ("Team leader", "Research facilities manager", "framework file, read-only", "made in framewheel",
                       "enter compare a wheel", "m move to another role"):
            assert phrase in listed
        footer = flat(screen_text(app).splitlines()[-1])
        # the keys that fit, whole, and F1 (whose help lists `x` Export and the rest)
        assert all(word in footer for word in ("Back", "Finder", "New", "Copy", "Edit", "Delete", "Help"))
        assert "Accredited Member (level)" in panel_text(app, "#role-targets-panel")
        await pilot.press("down")
        await pilot.pause()
        assert "…" not in screen_text(app)
        targets = panel_text(app, "#role-targets-panel")
        assert "Research facilities manager" in targets and "First (level)" in targets and "6 (rating)" in targets


async def test_f1_explains_the_roles_and_their_keys(with_roles: AppContext) -> None:
    """F1 on the roles list: what a role profile is, and its keys."""
    from screens.dialogs.help import HelpScreen

    app = FramewheelApp(with_roles)
    async with app.run_test(size=(200, 60)) as pilot:
        await open_roles(app, pilot)
        await pilot.press("f1")
        await pilot.pause(0.3)
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Help: Role profiles" in text and "A role profile is the rating (on the framework's scale)" in text
        for tip in ("Compare a wheel with the focused role", "Compare a level-finder result with the focused role", "Make a new role, starting blank",
                    "A new role starting from the focused one", "Delete the focused role (after asking)",
                    "Write the focused role as a framewheel/role@1 file"):
            assert tip in text


@pytest.mark.parametrize("size", SIZES)
async def test_the_delete_question_and_the_export_title_are_shown_whole(tmp_path: Path, size: tuple[int, int]) -> None:
    """d on a demo role asks the whole question (wrapped in the dialog); x on a long-named role shows its whole title."""
    demo = AppContext.open_demo(user_dir=tmp_path / "u")
    try:
        long_name = "Departmental research operations lead with extra responsibilities"
        demo.roles.create(demo.framework, long_name, {demo.framework.areas[0].id: 5})
        app = FramewheelApp(demo)
        async with app.run_test(size=size) as pilot:
            screen = await open_roles(app, pilot)
            keys = [role.key for role in screen.roles]
            names = [role.name for role in screen.roles]
            option_list = screen.query_one("#roles-list")
            option_list.highlighted = names.index("Example: Head of service")  # type: ignore[attr-defined]
            await pilot.pause()
            await pilot.press("d")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmDialog)
            text = panel_text(app, "#question")
            assert "“Example: Head of service”" in text and "Wheels compared with it are kept." in text
            await pilot.press("n")
            await pilot.pause()
            option_list.highlighted = keys.index(next(r.key for r in screen.roles if r.name == long_name))  # type: ignore[attr-defined]
            await pilot.pause()
            await pilot.press("x")
            await pilot.pause()
            assert isinstance(app.screen, TextDialog)
            assert f"Write “{long_name}” as a role file" in panel_text(app, "#role-export-dialog .dialog-title")
            await pilot.press("escape")
    finally:
        demo.close()


async def test_a_long_role_name_in_the_list_is_not_cut_mid_word(with_roles: AppContext) -> None:
    """At 80x24 a long role name in the list is shown in whole words (wrapped), never cut inside a word."""
    name = "Departmental Research Operations Lead With Extra Responsibilities"
    with_roles.roles.create(with_roles.framework, name, {"one": 6})
    app = FramewheelApp(with_roles)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_roles(app, pilot)
        listed = panel_text(app, "#roles-list-panel")
        assert name in listed
        assert "Responsibi…" not in screen_text(app)


async def test_a_role_just_made_has_the_cursor_back_in_the_list(with_roles: AppContext) -> None:
    """n, a name and a target, escape: the list's cursor is on the new role and its targets are shown."""
    app = FramewheelApp(with_roles)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_roles(app, pilot)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Coordinator", "enter", "down", "space")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        made = next(role for role in screen.roles if role.name == "Coordinator")
        assert screen.focused_key() == made.key and screen.roles[0].name == "Team leader"
        assert panel_text(app, "#role-targets-panel").startswith("╭") and "Coordinator" in panel_text(app, "#role-targets-panel")
        assert "Team leader" not in panel_text(app, "#role-targets-panel")
