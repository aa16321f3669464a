"""SequenceScreen: choose a workshop's team profile, action plan and steps, keep them under a name, present them.

A new sequence starts with the default steps (:func:`tui.core.workshop.default_steps`) over the
newest saved team profile of the framework and the most recent action plan. `t` and `b` change
the team profile and the action plan (or none); `space` takes a step in or out, `shift+up` and
`shift+down` move it, `a` adds one, `d` removes it; `enter` presents the steps that are in, `s`
keeps the sequence under a name and `v` lists the saved ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Label, Static

from screens.base import FramewheelScreen
from screens.dialogs.text_input import TextDialog
from styles import style_path
from tui.core.action_plans import ActionPlan
from tui.core.model import Framework
from tui.core.text import truncate
from tui.core.team_profiles import SavedTeamProfile
from tui.core.workshop import WorkshopSequence, WorkshopStep, default_steps, fitted_steps, moved, step_title
from tui.widgets.row_table import RowTable
from tui.widgets.key_footer import KeyFooter

IN_MARK, OUT_MARK = "✔", "·"
"""The marks of a step that is in the workshop and of one left out (symbols, so they read without colour)."""


@dataclass(frozen=True)
class Entry:
    """A step of the editor's list and whether it is presented."""

    step: WorkshopStep
    included: bool = True


class SequenceScreen(FramewheelScreen):
    """The steps of a workshop over a team profile and an action plan; `enter` presents them."""

    CSS_PATH = style_path("workshop.tcss")
    HELP_TITLE = "A workshop's steps"
    HELP = """\
The views a workshop steps through, in order: each commitment with its descriptor and the guide's
team questions, the team wheel, the spread of each area, the team ranking and the RAG board.

- `t` changes the saved team profile shown (or none), `b` the action plan (or none).
- `space` takes the highlighted step in or out (✔ in, · out); `shift+up`/`shift+down` move it.
- `a` adds a step below the highlighted one (a commitment or the spread of one area, the team
  wheel, the ranking, the board); `d` removes the highlighted step from this list.
- `enter` presents the steps that are in, full screen in presentation mode: `right`/`pagedown`
  next, `left`/`pageup` previous, `home`/`end` first and last.
- `s` keeps the sequence under a name; `v` lists the saved sequences to reopen one (they are also
  in the home screen's "Your work").
"""

    BINDINGS = [
        Binding("enter", "present", "Present", id="workshop-seq.present", tooltip="Present the steps that are in"),
        Binding("space", "toggle_step", "In/out", id="workshop-seq.toggle", tooltip="Take the highlighted step in or out"),
        Binding("shift+up", "move(-1)", "Move up", id="workshop-seq.up", tooltip="Move the highlighted step up"),
        Binding("shift+down", "move(1)", "Move down", id="workshop-seq.down", tooltip="Move the highlighted step down"),
        Binding("a", "add", "Add", id="workshop-seq.add", tooltip="Add a step below the highlighted one"),
        Binding("d", "remove", "Remove", id="workshop-seq.remove", tooltip="Remove the highlighted step from the list"),
        Binding("t", "team", "Team profile", id="workshop-seq.team", tooltip="Show another saved team profile, or none"),
        Binding("b", "board", "Action plan", id="workshop-seq.board", tooltip="Show another action plan, or none"),
        Binding("s", "save", "Save", id="workshop-seq.save", tooltip="Keep this sequence under a name"),
        Binding("v", "saved", "Saved", id="workshop-seq.saved", tooltip="The saved workshop sequences"),
    ]

    AUTO_FOCUS = "#workshop-steps"

    def __init__(self, saved_id: int | None = None) -> None:
        """A new sequence with the default steps, or the saved sequence ``saved_id``."""
        super().__init__()
        self.saved_id = saved_id
        self.saved: WorkshopSequence | None = None
        self.framework: Framework | None = None
        self.profiles: list[SavedTeamProfile] = []
        self.plans: list[ActionPlan] = []
        self.profile_id: int | None = None
        self.plan_id: int | None = None
        self.entries: list[Entry] = []
        self.notes: list[str] = []

    def compose(self) -> ComposeResult:
        """Header, the team profile and action plan, the list of steps, the notes, footer."""
        yield Header()
        yield Static("", id="workshop-choices", markup=False)
        yield Label("Steps", classes="panel-title", id="workshop-steps-title")
        table: DataTable[str | Text] = RowTable(id="workshop-steps", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="workshop-notes", markup=False)
        yield KeyFooter()

    @property
    def table(self) -> DataTable[str | Text]:
        """The list of steps."""
        return self.query_one("#workshop-steps", DataTable)

    def on_mount(self) -> None:
        """Open the saved sequence, or start one with the default steps."""
        self.title = "Workshop"
        self.table.add_columns("In", "#", "Step")
        if self.saved_id is not None:
            self.open_saved(self.saved_id)
        else:
            self.start_new()

    # -- what is edited ----------------------------------------------------------------------

    def load_choices(self, framework: Framework) -> None:
        """The saved team profiles of ``framework`` and every action plan, to choose from."""
        self.framework = framework
        self.profiles = self.context.team_profiles.list(framework.id)
        self.plans = self.context.action_plans.list()

    def defaults(self) -> list[Entry]:
        """The default steps for the team profile and action plan chosen now."""
        assert self.framework is not None
        profile = self.chosen_profile()
        steps = default_steps(self.framework, profile is not None, bool(profile and profile.rankings), self.plan_id is not None)
        return [Entry(step) for step in steps]

    def start_new(self) -> None:
        """A new sequence over the chosen framework: the newest team profile, the latest action plan, the default steps."""
        self.saved = None
        self.load_choices(self.context.framework)
        self.profile_id = self.profiles[0].id if self.profiles else None
        self.plan_id = self.plans[0].id if self.plans else None
        self.entries = self.defaults()
        self.notes = []
        self.show_all()

    def open_saved(self, saved_id: int) -> None:
        """The saved sequence ``saved_id``; steps whose area the framework no longer has are left out, with a note."""
        saved = self.context.workshops.get(saved_id)
        framework = self.context.catalog.get(saved.framework_id) if saved else None
        if saved is None or framework is None:
            self.notify("That workshop sequence no longer exists, or its framework is not loaded.", severity="warning")
            self.start_new()
            return
        self.saved = saved
        self.load_choices(framework)
        steps, self.notes = fitted_steps(framework, saved.steps)
        self.profile_id = saved.team_profile_id if any(p.id == saved.team_profile_id for p in self.profiles) else None
        if saved.team_profile_id is not None and self.profile_id is None:
            self.notes.append("Its saved team profile no longer exists: t chooses another.")
        self.plan_id = saved.action_plan_id if any(p.id == saved.action_plan_id for p in self.plans) else None
        if saved.action_plan_id is not None and self.plan_id is None:
            self.notes.append("Its action plan no longer exists: b chooses another.")
        self.entries = [Entry(step) for step in steps]
        self.show_all()

    def chosen_profile(self) -> SavedTeamProfile | None:
        """The saved team profile the workshop shows, if any."""
        return next((p for p in self.profiles if p.id == self.profile_id), None)

    def chosen_plan(self) -> ActionPlan | None:
        """The action plan the workshop shows, if any."""
        return next((p for p in self.plans if p.id == self.plan_id), None)

    @property
    def name(self) -> str:
        """The sequence's name: the saved one, or one to suggest."""
        if self.saved is not None:
            return self.saved.name
        profile = self.chosen_profile()
        return f"Workshop: {profile.name}" if profile is not None else "Workshop"

    def sequence(self) -> WorkshopSequence:
        """What is on screen as a sequence: the steps that are in."""
        assert self.framework is not None
        return WorkshopSequence(self.saved.id if self.saved else 0, self.name, self.framework.id, self.profile_id,
                                self.plan_id, tuple(e.step for e in self.entries if e.included))

    # -- showing -----------------------------------------------------------------------------

    def show_all(self, cursor: int | None = None) -> None:
        """The choices line, the list of steps (the cursor on ``cursor`` or where it was) and the notes."""
        assert self.framework is not None
        profile, plan = self.chosen_profile(), self.chosen_plan()
        team = (f"{profile.name} ({len(profile.ratings)} wheels, {len(profile.rankings)} rankings)" if profile
                else "none" + ("" if self.profiles else f" (no saved team profile of {self.framework.id})"))
        board = plan.project if plan else "none" + ("" if self.plans else " (no action plan yet)")
        saved = f"Saved as “{self.saved.name}” · " if self.saved else "Not saved yet (s keeps it) · "
        self.query_one("#workshop-choices", Static).update(
            f"{saved}{self.framework.title}\nTeam profile: {team}  (t changes)\nAction plan: {board}  (b changes)")
        table = self.table
        row = table.cursor_row if cursor is None else cursor
        table.clear()
        number = 0
        for index, entry in enumerate(self.entries):
            number += entry.included
            title = Text(truncate(step_title(self.framework, entry.step), self.app.size.width - 16, one_line=True),
                         style="" if entry.included else "dim strike")  # shortened with … to fit, never cut
            table.add_row(IN_MARK if entry.included else OUT_MARK, str(number) if entry.included else "", title,
                          key=str(index))
        if self.entries:
            table.move_cursor(row=max(0, min(row, len(self.entries) - 1)))
        shown = sum(e.included for e in self.entries)
        self.query_one("#workshop-steps-title", Label).update(
            f"Steps: {shown} of {len(self.entries)} in ({IN_MARK} in, {OUT_MARK} out) · enter presents them")
        self.query_one("#workshop-notes", Static).update("\n".join(self.notes))

    # -- the keys ----------------------------------------------------------------------------

    @on(DataTable.RowSelected, "#workshop-steps")
    def _row_chosen(self) -> None:
        """`enter` on the list presents the workshop."""
        self.action_present()

    def action_present(self) -> None:
        """Present the steps that are in, full screen in presentation mode."""
        from screens.workshop.present import WorkshopScreen

        sequence = self.sequence()
        if self.framework is None or not sequence.steps:
            self.notify("No step is in the workshop: space takes a step in, a adds one.", severity="warning")
            return
        saved = self.chosen_profile()
        profile = saved.profile(self.framework) if saved is not None else None
        self.app.push_screen(WorkshopScreen(sequence, self.framework, profile, self.chosen_plan()))

    def action_toggle_step(self) -> None:
        """Take the highlighted step in or out."""
        row = self.table.cursor_row
        if 0 <= row < len(self.entries):
            entry = self.entries[row]
            self.entries[row] = Entry(entry.step, not entry.included)
            self.show_all(row)

    def action_move(self, by: int) -> None:
        """Move the highlighted step up (-1) or down (1)."""
        row = self.table.cursor_row
        if 0 <= row < len(self.entries):
            entries, target = moved(self.entries, row, by)
            self.entries = list(entries)
            self.show_all(target)

    def action_remove(self) -> None:
        """Remove the highlighted step from the list (nothing stored changes until s)."""
        row = self.table.cursor_row
        if 0 <= row < len(self.entries):
            removed = self.entries.pop(row)
            self.show_all(row)
            assert self.framework is not None
            self.notify(f"Removed: {step_title(self.framework, removed.step)} (a adds a step).", timeout=3)

    def action_add(self) -> None:
        """Choose a step to add below the highlighted one."""
        from screens.workshop.add_step import AddStepDialog

        if self.framework is None:
            return

        def chosen(step: WorkshopStep | None) -> None:
            """Insert the chosen step."""
            if step is None:
                return
            at = min(self.table.cursor_row + 1, len(self.entries)) if self.entries else 0
            self.entries.insert(at, Entry(step))
            self.show_all(at)

        self.app.push_screen(AddStepDialog(self.framework), chosen)

    def action_team(self) -> None:
        """The next saved team profile, then none."""
        ids: list[int | None] = [p.id for p in self.profiles] + [None]
        self.change_choice(lambda: setattr(self, "profile_id", ids[(ids.index(self.profile_id) + 1) % len(ids)]))

    def action_board(self) -> None:
        """The next action plan, then none."""
        ids: list[int | None] = [p.id for p in self.plans] + [None]
        self.change_choice(lambda: setattr(self, "plan_id", ids[(ids.index(self.plan_id) + 1) % len(ids)]))

    def change_choice(self, change: object) -> None:
        """Apply ``change``; the steps follow the new defaults when they were the defaults."""
        were_defaults = self.entries == self.defaults()
        if callable(change):
            change()
        if were_defaults:
            self.entries = self.defaults()
        self.show_all()

    def action_save(self) -> None:
        """Keep the sequence under a name (asked, the current one suggested)."""

        def given(name: str | None) -> None:
            """Store the sequence under ``name``."""
            if not name:
                return
            sequence = self.sequence()
            try:
                if self.saved is None:
                    self.saved = self.context.workshops.add(
                        WorkshopSequence(0, name, sequence.framework_id, sequence.team_profile_id,
                                         sequence.action_plan_id, sequence.steps))
                else:
                    if name != self.saved.name:
                        self.context.workshops.rename(self.saved.id, name)
                    self.saved = self.context.workshops.replace_steps(self.saved.id, sequence.steps,
                                                                      sequence.team_profile_id, sequence.action_plan_id)
            except (KeyError, ValueError) as problem:
                self.notify(str(problem).strip("'\""), title="Not saved", severity="error")
                return
            self.entries = [e for e in self.entries if e.included]
            self.show_all()
            self.mark_saved()
            self.notify(f"Workshop “{self.saved.name}” kept: {len(self.saved.steps)} steps.", timeout=3)

        self.app.push_screen(TextDialog("Keep this workshop under a name", self.name, strip=True, required=True,
                                        prompt="Name", dialog_id="workshop-save-dialog", input_id="workshop-name",
                                        select_on_focus=True), given)

    def action_saved(self) -> None:
        """The saved sequences; the one chosen opens here."""
        from screens.workshop.saved import WorkshopListScreen

        self.app.push_screen(WorkshopListScreen(self.saved.id if self.saved else None), self._from_list)

    def _from_list(self, chosen: int | None) -> None:
        """Open the sequence chosen in the list, or start a new one (``NEW``)."""
        from screens.workshop.saved import NEW

        if chosen is None:
            return
        if chosen == NEW:
            self.start_new()
        else:
            self.open_saved(chosen)
