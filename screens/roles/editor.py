"""The role editor: a role's name and, per area of its framework, whether the role names it and its target.

One row per area: `space` puts the area in the role or takes it out, `left`/`right` lower or raise
its target on the scale by one, digits type the value (a quick second digit extends the first, as
on a rating slider), `l` makes it a level target and steps through the framework's levels. The
name is typed at the top. Like the rest of the app every change is saved when it is made: a new
role is stored once it has a name and an area, and the screen says why until it can be. Targets
the framework can no longer place (an area or level gone) are listed as kept and never lost.
"""

from __future__ import annotations

import time
from dataclasses import replace

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import FramewheelScreen
from styles import style_path
from tui.core.model import Area, Framework
from tui.core.roles import RoleError, RoleProfile, Target, target_text, unplaced_targets
from tui.core.text import truncate
from tui.widgets.rating_slider import DIGIT_PAUSE
from tui.widgets.typed_text import TypedInput
from tui.widgets.key_footer import KeyFooter

NEEDS_BOTH = "A role needs a name and at least one area: type its name above, then press space on an area."
"""Why a new role is not saved yet, when it has neither a name nor an area."""

NEEDS_NAME = "A role needs a name: type it above (tab goes there)."
"""Why a role is not saved, when it has no name."""

NEEDS_AREA = "A role needs at least one area: press space on one to put it in."
"""Why a role is not saved, when it names no area."""

INCLUDED, LEFT_OUT = "[x]", "[ ]"
"""The marks of an area in the role and one left out, readable without colour."""

DIGIT_BINDINGS = [
    Binding(digit, f"digit('{digit}')", "Type target", key_display="0-9", show=digit == "0",
            tooltip="Type the focused area's target on the scale", id=f"role-editor.digit-{digit}")
    for digit in "0123456789"
]
"""Digits type the focused area's target directly."""


class RoleEditorScreen(FramewheelScreen):
    """Make or change a role made in framewheel: its name and the target in each area it names."""

    CSS_PATH = style_path("roles.tcss")
    HELP_TITLE = "Role editor"
    HELP = """\
A role is the rating or level it expects in each area it names. The name is at the top; below
it one row per area of the framework.

- `space` puts the focused area in the role, or takes it out.
- `left` / `right` lower or raise its target by one; digits type it (`1` then `0` quickly makes 10).
- `l` makes it a level target and steps through the framework's levels (frameworks with levels).
- `ctrl+z` / `ctrl+y` undo and redo a change of the targets.
- `tab` moves between the name and the areas.

Every change is saved when you make it. A role needs a name and at least one area before it
can be saved; until then the line under the name says what is missing. Targets the framework
can no longer place (an area or a level it no longer has) are kept as they were.
"""

    BINDINGS = [
        Binding("space", "include", "In/out", id="role-editor.toggle", tooltip="Put the focused area in the role, or take it out"),
        Binding("left", "step(-1)", "−1", key_display="←", id="role-editor.lower", tooltip="Lower the focused area's target by one"),
        Binding("right", "step(1)", "+1", key_display="→", id="role-editor.raise", tooltip="Raise the focused area's target by one"),
        *DIGIT_BINDINGS,
        Binding("l", "level", "Level", id="role-editor.level", tooltip="Make the target a level; again for the next level"),
        Binding("ctrl+z", "undo", "Undo", id="role-editor.undo", show=False, tooltip="Undo the last change of a target"),
        Binding("ctrl+y", "redo", "Redo", id="role-editor.redo", show=False, tooltip="Make the last undone change again"),
    ]

    AUTO_FOCUS = "#role-areas"

    def __init__(self, role_id: int | None = None, copy_of: str | None = None) -> None:
        """Edit the saved role ``role_id``, start from the role with key ``copy_of``, or (neither) start blank."""
        super().__init__()
        self.role_id, self.copy_of = role_id, copy_of
        self.role: RoleProfile | None = None
        self.framework: Framework | None = None
        self.role_name = ""
        self.targets: dict[str, Target] = {}
        """The target of every area of the framework the role names (as the framework orders them)."""
        self.kept: dict[str, Target] = {}
        """Targets for areas the framework no longer has: kept as they were, saved with the role."""
        self.remembered: dict[str, Target] = {}
        """The last target of each area taken out, restored when it is put back."""
        self.last_scale: dict[str, int] = {}
        """The last scale target of each area, restored when `l` cycles past the last level."""
        self.origin = ""
        self.undo_stack: list[dict[str, Target]] = []
        self.redo_stack: list[dict[str, Target]] = []
        self._typed, self._typed_at, self._typed_area = "", 0.0, ""

    # ----- loading

    def compose(self) -> ComposeResult:
        """Header, what is edited, the name, the saved state, the areas, the keys, footer."""
        yield Header()
        yield Static(id="role-editor-info")
        with Horizontal(id="role-name-row"):
            yield Label("Name", id="role-name-label")
            yield TypedInput(placeholder="The role's name, e.g. Team leader", id="role-name")
        yield Static(id="role-status")
        with Vertical(id="role-areas-panel", classes="panel"):
            yield Label("Areas", id="role-areas-title", classes="panel-title")
            yield OptionList(id="role-areas")
            yield Static(id="role-kept")
            yield Static(id="role-editor-guide")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the role asked for (or a copy, or nothing) and show it."""
        self.title = "Role editor"
        if not self.load():
            self.app.call_later(self.action_back)
            return
        self.query_one("#role-name", TypedInput).value = self.role_name
        self.refresh_rows()
        if self.role is None and self.copy_of is None:
            self.query_one("#role-name", TypedInput).focus()
        if self.copy_of is not None:
            self.persist()
        else:
            self.show_status()

    def load(self) -> bool:
        """Fill the editor from the saved role, the role copied, or blank; False (said) when that cannot be."""
        context = self.context
        if self.role_id is not None:
            role = context.roles.get(self.role_id)
            if role is None:
                self.notify("That role no longer exists.", severity="error")
                return False
            framework = context.catalog.get(role.framework_id)
            if framework is None:
                self.notify(f"The framework '{role.framework_id}' of this role is not loaded.", severity="error")
                return False
            self.role, self.framework, self.role_name = role, framework, role.name
            self.origin = f"{role.source[:1].upper()}{role.source[1:]}"
            self.take_targets(framework, role)
            return True
        framework = self.framework = context.framework
        if self.copy_of is None:
            self.origin = "New role"
            return True
        source = context.roles.find(framework, self.copy_of)
        if source is None:
            self.notify("The role to copy no longer exists.", severity="error")
            return False
        unplaced = unplaced_targets(framework, source)
        if unplaced:
            self.notify(f"Not copied (the framework cannot place them): {', '.join(f'{a}: {t}' for a, t in unplaced.items())}",
                        severity="warning", timeout=6)
        self.role_name = context.roles.free_name(framework, f"Copy of {source.name}")
        self.origin = f"A copy of “{source.name}” ({'from the framework file' if source.from_framework else source.source})"
        self.targets = {a: t for a, t in source.targets.items() if a not in unplaced}
        self.last_scale = {a: t for a, t in self.targets.items() if isinstance(t, int)}
        return True

    def take_targets(self, framework: Framework, role: RoleProfile) -> None:
        """The role's targets: those of the framework's areas in the rows, those of areas it lacks kept aside."""
        self.targets = {a: t for a, t in role.targets.items() if framework.area(a) is not None}
        self.kept = {a: t for a, t in role.targets.items() if framework.area(a) is None}
        self.last_scale = {a: t for a, t in self.targets.items() if isinstance(t, int)}

    # ----- showing

    @property
    def areas(self) -> OptionList:
        """The list of areas."""
        return self.query_one("#role-areas", OptionList)

    def target_width(self) -> int:
        """The width of the target column: the longest level title or scale value."""
        framework = self.framework
        assert framework is not None
        widths = [len(f"{framework.scale.max} of {framework.scale.max}"), len(f"{framework.scale.min} of {framework.scale.max}")]
        widths += [cell_len(level.title) for level in framework.levels]
        return max(widths)

    def row_prompt(self, area: Area) -> Text:
        """One area's row: in the role or not, its target, and its title (the short label when the title does not fit)."""
        framework = self.framework
        assert framework is not None
        width = self.target_width()
        target = self.targets.get(area.id)
        text = Text(no_wrap=True)
        text.append(f"{INCLUDED if target is not None else LEFT_OUT} ", style="bold" if target is not None else "dim")
        if target is None:
            text.append(f"{'·':<{width}}", style="dim")
        elif framework.level(target) is None if isinstance(target, str) else not framework.scale.contains(target):
            text.append(truncate(f"kept: {target}", width, pad=True), style="bold")
        elif isinstance(target, int):
            text.append(f"{target} of {framework.scale.max}".ljust(width), style="bold")
        else:
            text.append(truncate(target_text(framework, target), width, pad=True), style="bold")
        room = max(10, self.size.width - width - 12)
        title = area.heading if cell_len(area.heading) <= room else (f"{area.code}. {area.label}" if area.code else area.label)
        text.append("  ")
        text.append(truncate(title, room, one_line=True), style="" if target is not None else "dim")
        return text

    def refresh_rows(self) -> None:
        """Draw every row again, the cursor staying where it was."""
        framework = self.framework
        if framework is None:
            return
        areas = self.areas
        highlighted = areas.highlighted
        areas.clear_options()
        for area in framework.areas:
            areas.add_option(Option(self.row_prompt(area), id=area.id))
        areas.highlighted = highlighted if highlighted is not None else 0
        count = len(self.targets)
        self.query_one("#role-areas-title", Label).update(
            f"{framework.area_words}: {count} of {len(framework.areas)} in the role")
        info = Text.assemble((self.origin, "bold"), f" · {framework.title}")
        info.append(f" · scale {framework.scale.min} to {framework.scale.max}" + (", or a level" if framework.levels else ""))
        self.query_one("#role-editor-info", Static).update(info)
        guide = "space in/out · ←/→ or digits the target"
        if framework.levels:
            guide += " · l a level"
        self.query_one("#role-editor-guide", Static).update(guide + " · tab the name")
        kept = self.query_one("#role-kept", Static)
        unplaced = {**self.kept, **unplaced_targets(framework, RoleProfile(0, self.role_name, framework.id, self.targets))}
        kept.display = bool(unplaced)
        kept.update("Kept as they were (this framework can no longer place them): "
                    + "; ".join(f"{a}: {t}" for a, t in unplaced.items()))

    def refresh_row(self, area_id: str) -> None:
        """Draw one row again, and the count in the title."""
        framework = self.framework
        area = framework.area(area_id) if framework else None
        if framework is None or area is None:
            return
        self.areas.replace_option_prompt(area_id, self.row_prompt(area))
        self.query_one("#role-areas-title", Label).update(
            f"{framework.area_words}: {len(self.targets)} of {len(framework.areas)} in the role")

    def on_resize(self) -> None:
        """Titles in full where they fit."""
        if self.framework is not None:
            self.refresh_rows()

    def problem(self) -> str | None:
        """Why the role cannot be saved as it is, or None."""
        if not self.role_name.strip() and not self.targets:
            return NEEDS_BOTH
        if not self.role_name.strip():
            return NEEDS_NAME
        if not self.targets:
            return NEEDS_AREA
        return None

    def show_status(self, problem: str | None = None) -> None:
        """Say whether the role is saved, and if not, why."""
        status = self.query_one("#role-status", Static)
        problem = problem or self.problem()
        status.set_class(problem is not None, "-unsaved")
        if problem is None and self.role is not None:
            count = len(self.role.targets)
            status.update(f"Saved · every change is saved as you make it ({count} target{'s' if count != 1 else ''})")
        elif self.role is None:
            status.update(f"Not saved yet. {problem}")
        else:
            status.update(f"Not saved: {problem} The stored role keeps its last name and targets.")

    # ----- saving

    def persist(self) -> None:
        """Save the role as it is now (a new one is stored once it can be), and say so or say why not."""
        framework = self.framework
        if framework is None:
            return
        problem = self.problem()
        if problem is not None:
            self.show_status(problem)
            return
        roles = self.context.roles
        targets = {**self.targets, **self.kept}
        try:
            if self.role is not None:
                try:
                    self.role = roles.save(framework, replace(self.role, name=self.role_name, targets=targets))
                except KeyError:
                    self.notify("This role was deleted meanwhile; it is saved again as a new role.", severity="warning")
                    self.role = None
            if self.role is None:
                self.role = roles.create(framework, self.role_name, targets)
                self.origin = "Made in framewheel"
                self.refresh_rows()
        except RoleError as refused:
            self.show_status(f"{str(refused)[:1].upper()}{str(refused)[1:]}.")
            return
        self.mark_saved()
        self.show_status()

    # ----- the name

    @on(Input.Changed, "#role-name")
    def _renamed(self, event: Input.Changed) -> None:
        """A changed name is saved at once."""
        if event.value == self.role_name:
            return
        self.role_name = event.value
        self.persist()

    @on(Input.Submitted, "#role-name")
    def _name_done(self) -> None:
        """`enter` in the name goes to the areas."""
        self.areas.focus()

    # ----- the areas

    def focused_area(self) -> str | None:
        """The id of the highlighted area, if any."""
        areas = self.areas
        if areas.highlighted is None or areas.option_count == 0:
            return None
        return areas.get_option_at_index(areas.highlighted).id

    def set_target(self, area_id: str, target: Target | None) -> None:
        """Put ``area_id`` in the role with ``target`` (None: take it out), redraw its row and save."""
        if self.targets.get(area_id) == target:
            return
        self.undo_stack.append(dict(self.targets))
        self.redo_stack.clear()
        if target is None:
            if area_id in self.targets:
                self.remembered[area_id] = self.targets.pop(area_id)
        else:
            framework = self.framework
            assert framework is not None
            self.targets[area_id] = target
            self.targets = {a.id: self.targets[a.id] for a in framework.areas if a.id in self.targets}
            if isinstance(target, int):
                self.last_scale[area_id] = target
        self.refresh_row(area_id)
        self.persist()

    def restore(self, targets: dict[str, Target]) -> None:
        """Show and save ``targets`` (from undo or redo)."""
        self._typed = ""
        self.targets = targets
        self.last_scale.update({a: t for a, t in targets.items() if isinstance(t, int)})
        self.refresh_rows()
        self.persist()

    def action_undo(self) -> None:
        """Go back to the targets before the last change."""
        if not self.undo_stack:
            self.notify("Nothing to undo.", timeout=3)
            return
        self.redo_stack.append(dict(self.targets))
        self.restore(self.undo_stack.pop())

    def action_redo(self) -> None:
        """Make the last undone change again."""
        if not self.redo_stack:
            self.notify("Nothing to redo.", timeout=3)
            return
        self.undo_stack.append(dict(self.targets))
        self.restore(self.redo_stack.pop())

    def default_target(self, area_id: str) -> Target:
        """The target an area gets when put in the role: its last one, else the middle of the scale."""
        framework = self.framework
        assert framework is not None
        found = self.remembered.get(area_id)
        if found is not None:
            return found
        return self.last_scale.get(area_id, round(framework.scale.midpoint))

    def action_include(self) -> None:
        """Put the focused area in the role, or take it out."""
        area_id = self.focused_area()
        if area_id is None:
            return
        self._typed = ""
        self.set_target(area_id, None if area_id in self.targets else self.default_target(area_id))

    def action_step(self, delta: int) -> None:
        """Lower or raise the focused area's target by one (a level target steps to the level below or above)."""
        framework, area_id = self.framework, self.focused_area()
        if framework is None or area_id is None:
            return
        self._typed = ""
        current = self.targets.get(area_id)
        if current is None:
            self.set_target(area_id, self.default_target(area_id))
            return
        if isinstance(current, str):
            if framework.level(current) is None:
                self.set_target(area_id, framework.levels[0].id if framework.levels else self.default_scale(area_id))
                return
            index = framework.level_index(current) + delta
            if not 0 <= index < len(framework.levels):
                self.notify(f"Already the {'first' if delta < 0 else 'last'} level.", timeout=2)
                return
            self.set_target(area_id, framework.levels[index].id)
            return
        value = max(framework.scale.min, min(framework.scale.max, current + delta))
        if not framework.scale.contains(current):
            value = self.default_scale(area_id)
        if value == current:
            self.notify(f"Already at the {'bottom' if delta < 0 else 'top'} of the scale.", timeout=2)
            return
        self.set_target(area_id, value)

    def default_scale(self, area_id: str) -> int:
        """A scale target for an area: its last one, else the middle of the scale."""
        framework = self.framework
        assert framework is not None
        last = self.last_scale.get(area_id)
        return last if last is not None and framework.scale.contains(last) else round(framework.scale.midpoint)

    def action_digit(self, character: str) -> None:
        """A digit typed on an area: its target on the scale (a quick second digit extends the first)."""
        framework, area_id = self.framework, self.focused_area()
        if framework is None or area_id is None:
            return
        low, high = framework.scale.min, framework.scale.max
        now = time.monotonic()
        if (self._typed and area_id == self._typed_area and now - self._typed_at <= DIGIT_PAUSE
                and low <= int(self._typed + character) <= high):
            self._typed += character
        else:
            self._typed = character
        self._typed_at, self._typed_area = now, area_id
        typed = int(self._typed)
        if not low <= typed <= high:
            self._typed = ""
            self.app.bell()
            self.notify(f"{typed} is off the scale ({low} to {high}); the target was not changed.", severity="warning")
            return
        self.set_target(area_id, typed)

    def action_level(self) -> None:
        """Make the focused area's target a level, or step to the next level (past the last: back to the scale)."""
        framework, area_id = self.framework, self.focused_area()
        if framework is None or area_id is None:
            return
        if not framework.levels:
            self.notify(f"{framework.title} has no levels: targets are values on its scale.", timeout=3)
            return
        self._typed = ""
        current = self.targets.get(area_id)
        ids = [level.id for level in framework.levels]
        if isinstance(current, str) and current in ids:
            index = ids.index(current) + 1
            self.set_target(area_id, ids[index] if index < len(ids) else self.default_scale(area_id))
        else:
            self.set_target(area_id, ids[0])

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No level key for a framework without levels."""
        if action == "level" and self.framework is not None and not self.framework.levels:
            return False
        return super().check_action(action, parameters)
