"""The roles of the chosen framework: its file's own (read-only) and those made in the app.

The list is on the left, the focused role's target in each area beside it. From here a role is
compared with a wheel (`enter`) or a level-finder result (`f`), set against another role (`m`),
made (`n`), copied (`c`, also from a framework's role), edited (`e`), deleted (`d`, confirmed)
or written as a ``framewheel/role@1`` file (`x`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import FramewheelScreen, write_refused
from screens.dialogs.confirm import ConfirmDialog
from screens.dialogs.text_input import TextDialog
from styles import style_path
from tui.core.exchange import to_json
from tui.core.exchange.roles import role_to_dict
from tui.core.model import Framework
from tui.core.roles import RoleProfile, target_text, unplaced_targets
from tui.widgets.key_footer import KeyFooter

EMPTY_TEXT = "This framework file defines no roles. Press n to make one, or run with --demo for examples."
"""What the list says when the framework has no roles and none was made in the app."""

READ_ONLY = "Roles in the framework file are changed in the file; press c to copy it."
"""Why a framework's own role cannot be edited or deleted here."""

FILE_MARK = "◆"
"""The mark of a role from the framework file (read-only), readable without colour."""

MADE_MARK = "●"
"""The mark of a role made in framewheel."""

def key_guide(levels: bool) -> Text:
    """The key summary under the list on a wide terminal (no level-finder key without levels)."""
    return Text.assemble(
        ("Keys\n", "bold"),
        ("enter", "bold"), "  compare a wheel with this role\n",
        *((("f", "bold"), "      compare a level-finder result with it\n") if levels else ()),
        ("m", "bold"), "      move from this role to another\n",
        ("n", "bold"), " new  ", ("c", "bold"), " copy  ", ("e", "bold"), " edit  ", ("d", "bold"), " delete\n",
        ("x", "bold"), "      write it as a role file",
    )


NARROW_HINT = Text.assemble(("enter", "bold"), " compare a wheel · ", ("m", "bold"), " move to another role")
"""The keys the footer leaves out (the list takes `enter`; `m` makes room at 80 columns)."""


def role_file_name(role: RoleProfile) -> str:
    """The suggested name of a role file, e.g. ``role-team-leader.json``."""
    slug = re.sub(r"[^a-z0-9]+", "-", role.name.lower()).strip("-")[:60] or "profile"
    return f"role-{slug}.json"


def role_prompt(role: RoleProfile) -> Text:
    """One entry of the list: the mark and whole name of the role (wrapped at spaces), and where it comes from."""
    mark = FILE_MARK if role.from_framework else MADE_MARK
    text = Text.assemble((f"{mark} ", "bold"), (" ".join(role.name.split()), "bold" if role.from_framework else ""))
    text.append("\n  framework file, read-only" if role.from_framework else f"\n  {role.source}", style="italic")
    return text


def targets_text(framework: Framework, role: RoleProfile, wide: bool) -> Text:
    """The role's name and source, and its target in each area it names (framework order), then those kept but not placed."""
    text = Text()
    text.append(role.name, style="bold")
    text.append("\n")
    if role.from_framework:
        text.append(f"{FILE_MARK} In the framework file (read-only here; c copies it to change)\n", style="italic")
    else:
        text.append(f"{MADE_MARK} {role.source[:1].upper()}{role.source[1:]}; e edits it\n", style="italic")
    unplaced = unplaced_targets(framework, role)
    placed = [(area, role.targets[area.id]) for area in framework.areas if area.id in role.targets and area.id not in unplaced]
    count, total = len(placed), len(framework.areas)
    text.append(f"\nTargets in {count} of {total} {framework.area_plural}", style="bold")
    text.append(f" (scale {framework.scale.min} to {framework.scale.max}"
                + (", or a level" if framework.levels else "") + ")\n")
    width = max((cell_len(area.heading if wide else area.label) for area, _ in placed), default=0)
    for area, target in placed:
        name = area.heading if wide else area.label
        kind = "level" if isinstance(target, str) else "rating"
        text.append(f"  {name}{' ' * (width - cell_len(name))}")
        text.append("  ")
        text.append(target_text(framework, target), style="bold")
        text.append(f" ({kind})\n", style="dim")
    missing = [area for area in framework.areas if area.id not in role.targets]
    if missing:
        text.append(f"\nNot in this role: {', '.join(a.label for a in missing)}\n", style="dim")
    if unplaced:
        text.append("\nKept, but this framework can no longer place them:\n", style="bold")
        for area_id, target in unplaced.items():
            text.append(f"  {area_id}: {target}\n")
    return text


class RolesScreen(FramewheelScreen):
    """Every role of the chosen framework; the focused one's targets beside the list."""

    CSS_PATH = style_path("roles.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    HELP_TITLE = "Role profiles"
    HELP = """\
A role profile is the rating (on the framework's scale) or the level a role expects in each
area. The list shows the roles of the chosen framework: those its file defines (marked ◆,
read-only here) and those made in framewheel (marked ●), saved as you make them.

- `enter` compares a wheel with the focused role: the gap per area, shortfalls first.
- `f` compares a level-finder result with it (frameworks with levels).
- `m` sets it as the role you have, against a role you want: what changes between them.
- `n` makes a new role; `c` copies the focused one (a framework's role too) as a starting point.
- `e` edits a role made in framewheel; `d` deletes one, after asking.
- `x` writes the focused role as a `framewheel/role@1` file, to hand out or import elsewhere.
"""

    BINDINGS = [
        Binding("enter", "compare", "Compare", id="roles.compare", show=False, priority=True,
                tooltip="Compare a wheel with the focused role"),
        Binding("f", "finder", "Finder", id="roles.finder", tooltip="Compare a level-finder result with the focused role"),
        Binding("m", "move", "Move", id="roles.move", show=False, tooltip="From the focused role (the one you have) to another"),
        Binding("n", "new", "New", id="roles.new", tooltip="Make a new role, starting blank"),
        Binding("c", "copy", "Copy", id="roles.copy", tooltip="A new role starting from the focused one"),
        Binding("e", "edit", "Edit", id="roles.edit", tooltip="Edit the focused role (roles made in framewheel)"),
        Binding("d", "delete", "Delete", id="roles.delete", tooltip="Delete the focused role (after asking)"),
        Binding("x", "export", "Export", id="roles.export", tooltip="Write the focused role as a framewheel/role@1 file"),
    ]

    AUTO_FOCUS = "#roles-list"

    def __init__(self) -> None:
        """The roles of the framework chosen on the home screen."""
        super().__init__()
        self.roles: list[RoleProfile] = []

    @property
    def framework(self) -> Framework:
        """The chosen framework."""
        return self.context.framework

    def compose(self) -> ComposeResult:
        """Header, a line about the framework, the list and the targets, footer."""
        yield Header()
        yield Static(id="roles-info")
        with Horizontal(id="roles-body"):
            with Vertical(id="roles-list-panel", classes="panel"):
                yield Label("Roles", id="roles-list-title", classes="panel-title")
                yield Static(EMPTY_TEXT, id="roles-empty")
                yield OptionList(id="roles-list")
                yield Static(key_guide(bool(self.framework.levels)), id="roles-guide")
                yield Static(NARROW_HINT, id="roles-hint")
            with VerticalScroll(id="role-targets-panel", classes="panel"):
                yield Static(id="role-targets")
        yield KeyFooter()

    def on_mount(self) -> None:
        """List the roles."""
        self.title = "Role profiles"
        self.refresh_roles()

    def on_screen_resume(self) -> None:
        """A role may have been made, changed or deleted in the editor: a role just made gets the cursor."""
        known = {role.key for role in self.roles}
        made = next((role.key for role in self.context.roles.roles_for(self.framework) if role.key not in known), None)
        self.refresh_roles(select=made if known else None)

    def on_resize(self) -> None:
        """Area titles in full on a wide terminal, short labels on a narrow one."""
        self.show_targets()

    # ----- showing

    def refresh_roles(self, select: str | None = None) -> None:
        """List the roles again, the cursor on the role with key ``select`` or where it was."""
        framework = self.framework
        wanted = select or self.focused_key()
        self.roles = self.context.roles.roles_for(framework)
        option_list = self.query_one("#roles-list", OptionList)
        option_list.clear_options()
        for role in self.roles:
            option_list.add_option(Option(role_prompt(role), id=role.key))
        empty = not self.roles
        self.query_one("#roles-empty", Static).display = empty
        option_list.display = not empty
        keys = [r.key for r in self.roles]
        if keys:
            option_list.highlighted = keys.index(wanted) if wanted in keys else 0
        shipped = sum(1 for r in self.roles if r.from_framework)
        info = Text.assemble(("Roles of ", ""), (framework.title, "bold"))
        if self.roles:
            info.append(f" · {shipped} in the framework file ({FILE_MARK}), {len(self.roles) - shipped} made in framewheel ({MADE_MARK})")
        self.query_one("#roles-info", Static).update(info)
        self.query_one("#roles-list-title", Label).update(f"Roles ({len(self.roles)})")
        option_list.focus()
        self.show_targets()

    def focused_key(self) -> str | None:
        """The key of the highlighted role, or None."""
        option_list = self.query_one("#roles-list", OptionList)
        if option_list.highlighted is None or option_list.option_count == 0:
            return None
        return option_list.get_option_at_index(option_list.highlighted).id

    def focused_role(self) -> RoleProfile | None:
        """The highlighted role (None, said, when there is none)."""
        key = self.focused_key()
        role = next((r for r in self.roles if r.key == key), None)
        if role is None:
            self.notify("No role yet: press n to make one.", timeout=3)
        return role

    def show_targets(self) -> None:
        """The focused role's targets, or what a role is when there are none."""
        if not self.is_mounted:
            return
        key = self.focused_key()
        role = next((r for r in self.roles if r.key == key), None)
        panel = self.query_one("#role-targets", Static)
        if role is None:
            panel.update(Text.assemble(
                ("No roles yet\n\n", "bold"),
                f"A role profile is the rating or level a role expects in each {self.framework.area_name}. "
                "Make one with n, then compare your wheel with it (enter) to see what to develop.",
            ))
            return
        panel.update(targets_text(self.framework, role, self.size.width >= 120))

    @on(OptionList.OptionHighlighted, "#roles-list")
    def _highlighted(self) -> None:
        """Follow the focus with the targets."""
        self.show_targets()

    @on(OptionList.OptionSelected, "#roles-list")
    def _selected(self) -> None:
        """`enter` on a role compares a wheel with it."""
        self.action_compare()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No level-finder key for a framework without levels."""
        if action == "finder" and not self.framework.levels:
            return False
        return super().check_action(action, parameters)

    # ----- comparing

    def action_compare(self) -> None:
        """Compare a wheel with the focused role."""
        role = self.focused_role()
        if role is None:
            return
        from screens.roles.compare import WheelRoleScreen

        self.app.push_screen(WheelRoleScreen(role_key=role.key))

    def action_finder(self) -> None:
        """Compare a level-finder result with the focused role."""
        if not self.framework.levels:
            self.notify(f"{self.framework.title} has no levels, so there is no level-finder result to compare.", timeout=4)
            return
        role = self.focused_role()
        if role is None:
            return
        from screens.roles.compare import FinderRoleScreen

        self.app.push_screen(FinderRoleScreen(role_key=role.key))

    def action_move(self) -> None:
        """From the focused role (the one you have) to another (the one you want)."""
        role = self.focused_role()
        if role is None:
            return
        if len(self.roles) < 2:
            self.notify("Moving to another role needs a second role: press n to make one or c to copy this one.", timeout=5)
            return
        from screens.roles.transition import RoleTransitionScreen

        self.app.push_screen(RoleTransitionScreen(have_key=role.key))

    # ----- making and changing

    def action_new(self) -> None:
        """A new role, starting blank."""
        from screens.roles.editor import RoleEditorScreen

        self.app.push_screen(RoleEditorScreen())

    def action_copy(self) -> None:
        """A new role starting from the focused one (a framework's role too)."""
        role = self.focused_role()
        if role is None:
            return
        from screens.roles.editor import RoleEditorScreen

        self.app.push_screen(RoleEditorScreen(copy_of=role.key))

    def refuse_framework_role(self, role: RoleProfile) -> bool:
        """Say that a framework's role is changed in its file; True when ``role`` is one."""
        if role.from_framework:
            self.notify(READ_ONLY, title="Read-only", severity="warning", timeout=5)
        return role.from_framework

    def action_edit(self) -> None:
        """Edit the focused role (refused for a framework's role)."""
        role = self.focused_role()
        if role is None or self.refuse_framework_role(role):
            return
        from screens.roles.editor import RoleEditorScreen

        self.app.push_screen(RoleEditorScreen(role_id=role.id))

    def action_delete(self) -> None:
        """Delete the focused role, after asking (refused for a framework's role)."""
        role = self.focused_role()
        if role is None or self.refuse_framework_role(role):
            return

        def answered(yes: bool | None) -> None:
            """Delete only when confirmed."""
            if not yes:
                return
            if self.context.roles.get(role.id) is not None:
                self.context.roles.delete(role.id)
            self.mark_saved("Deleted")
            self.refresh_roles()

        count = len(role.targets)
        self.app.push_screen(ConfirmDialog(f"Delete the role “{role.name}” ({count} target{'s' if count != 1 else ''})? "
                                           "Wheels compared with it are kept."), answered)

    @work
    async def action_export(self) -> None:
        """Write the focused role as a ``framewheel/role@1`` file, asking where (an existing file is replaced after asking)."""
        role = self.focused_role()
        if role is None:
            return
        roles = self.context.roles
        suggested = roles.export_folder() / role_file_name(role)
        path_text = await self.app.push_screen_wait(TextDialog(
            f"Write “{role.name}” as a role file", str(suggested), "enter writes it · escape cancels",
            explain="A framewheel/role@1 file: framewheel import reads it, with every target checked.",
            strip=True, required=True, dialog_id="role-export-dialog", input_id="role-export-path", select_on_focus=True, kept_on_quit=False,
        ))
        if not path_text:
            return
        path = Path(path_text).expanduser().absolute()
        refusal = roles.export_refusal(path)
        if refusal is not None:
            self.notify(refusal, title="Not exported", severity="error")
            return
        if path.exists() and not await self.app.push_screen_wait(ConfirmDialog(f"Replace {path}?", yes="Replace")):
            return
        text = to_json(role_to_dict(role, self.framework.version))
        problem = write_refused(roles.write_export, path, text)  # private (0600), complete or not at all
        if problem is not None:
            self.notify(problem, title="Not exported", severity="error")
            return
        self.notify(f"Wrote {path}", title="Exported", timeout=6)

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Palette entries for this screen."""
        yield SystemCommand("Roles: new role", "Make a new role, starting blank (n)", self.action_new)
        yield SystemCommand("Roles: copy the focused role", "A new role starting from it (c)", self.action_copy)
        yield SystemCommand("Roles: write a role file", "The focused role as a framewheel/role@1 file (x)", self.action_export)

