"""AddStepDialog: choose a step to add to a workshop (a commitment or the spread of an area, the wheel, ranking, board)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from screens.base import FramewheelDialog
from tui.core.model import Framework
from tui.core.workshop import WorkshopStep, addable_steps, step_title


class AddStepDialog(FramewheelDialog[WorkshopStep | None]):
    """Dismisses with the step chosen (`enter`), or None (`escape`)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="workshop-add.cancel", tooltip="Close without adding a step")]

    def __init__(self, framework: Framework) -> None:
        """The steps a workshop of ``framework`` can show."""
        super().__init__()
        self.framework = framework
        self.choices = addable_steps(framework)

    def compose(self) -> ComposeResult:
        """The title, the list of steps and the keys hint."""
        with Vertical(id="workshop-add-dialog", classes="dialog"):
            yield Label("Add a step", classes="dialog-title")
            yield OptionList(*(Option(step_title(self.framework, step), id=str(index))
                               for index, step in enumerate(self.choices)), id="workshop-add-list")
            yield Label("enter adds it below the highlighted step · escape cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        """The first step highlighted, the list focused."""
        options = self.query_one("#workshop-add-list", OptionList)
        options.highlighted = 0
        options.focus()

    @on(OptionList.OptionSelected, "#workshop-add-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Add the chosen step."""
        self.dismiss(self.choices[int(event.option.id or 0)])

    def action_cancel(self) -> None:
        """Close without adding anything."""
        self.dismiss(None)
