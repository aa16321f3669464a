"""From a person's gap to an activity: the institution's development activities that serve one area.

:class:`ActivityPickerDialog` lists the catalogue's activities for an area (and a level, when the
caller knows one: a role's expected level), those serving exactly that level first and past ones
last, each with its date and provider; `enter` chooses one, `escape` cancels. When several areas
are in question (the gaps of a wheel, a role's shortfalls) :class:`AreaChoiceDialog` asks first
which one. Both are plain dialogs: the caller stores what was chosen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import FramewheelDialog
from styles import style_path
from tui.core.institution import DevelopmentActivity, activities_for
from tui.core.model import Framework

PICKER_HINT = "up/down choose · enter adds it as the planned activity · escape cancels"
"""The keys line of the activity picker."""

AREA_HINT = "up/down choose · enter lists its activities · escape cancels"
"""The keys line of the area chooser."""


@dataclass(frozen=True)
class AreaTarget:
    """An area a person wants to develop, with the level wanted there (empty when not known) and why."""

    area_id: str
    level_id: str = ""
    reason: str = ""
    """A few words shown beside the area in the chooser (``gap of 4``, ``Member, expected Fellow``)."""


def area_line(framework: Framework, target: AreaTarget) -> str:
    """An area as a line of the chooser: its code and title, the level wanted and the reason."""
    area = framework.area(target.area_id)
    name = f"{area.code} {area.title}".strip() if area and area.code else (area.title if area else target.area_id)
    level = framework.level(target.level_id) if target.level_id else None
    parts = [part for part in (target.reason, f"at {level.title}" if level else "") if part]
    return f"{name} ({'; '.join(parts)})" if parts else name


def activity_prompt(activity: DevelopmentActivity, framework: Framework, area_id: str, today: str) -> Text:
    """One activity in the picker: its title, then its date (or "ongoing"), provider and the levels it serves here."""
    text = Text(activity.title, style="bold")
    when = activity.date or "ongoing"
    if activity.date and today and activity.date < today:
        when += " (past)"
    levels = [found.title if (found := framework.level(lv)) else lv for lv in activity.levels_for(area_id) if lv]
    detail = [when, activity.provider, ", ".join(levels) if levels else ("any level" if framework.levels else "")]
    text.append("\n   " + " · ".join(part for part in detail if part), style="italic")
    return text


class ActivityPickerDialog(FramewheelDialog[DevelopmentActivity | None]):
    """Dismisses with the activity chosen (`enter`), or None (`escape`, or when the catalogue has none)."""

    CSS_PATH = style_path("activity_picker.tcss")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="activity_picker.cancel",
                        tooltip="Close without choosing an activity")]

    def __init__(self, framework: Framework, catalogue: Sequence[DevelopmentActivity], area_id: str,
                 level_id: str = "", today: str = "") -> None:
        """The activities of ``catalogue`` that serve ``area_id`` (at ``level_id`` when given); ``today`` for "past"."""
        super().__init__()
        self.framework, self.area_id, self.level_id = framework, area_id, level_id
        self.today = today or dt.date.today().isoformat()
        self.found = activities_for([a for a in catalogue if a.framework_id == framework.id], area_id, level_id,
                                    self.today)

    def heading(self) -> str:
        """"Activities for 2 Working together at Member"."""
        area = self.framework.area(self.area_id)
        name = area.heading if area else self.area_id
        level = self.framework.level(self.level_id) if self.level_id else None
        return f"Activities for {name}" + (f" at {level.title}" if level else "")

    def empty_text(self) -> str:
        """What the dialog says when the catalogue has nothing for the area."""
        area = self.framework.area(self.area_id)
        name = area.title if area else self.area_id
        level = self.framework.level(self.level_id) if self.level_id else None
        at = f" at {level.title} or at any level" if level else ""
        return (f"The institution's catalogue has no activities for {name}{at} yet. "
                "Activities are added in the institution's view.")

    def compose(self) -> ComposeResult:
        """The heading, the activities (or a sentence saying there are none) and the keys."""
        with Vertical(id="activity-picker", classes="dialog"):
            yield Label(self.heading(), classes="dialog-title", markup=False)
            if self.found:
                count = len(self.found)
                yield Label(f"{count} activit{'y' if count == 1 else 'ies'} in the catalogue", id="activity-count")
                yield OptionList(*(Option(activity_prompt(a, self.framework, self.area_id, self.today), id=str(i))
                                   for i, a in enumerate(self.found)), id="activity-list")
                yield Label(PICKER_HINT, classes="dialog-hint")
            else:
                yield Static(self.empty_text(), id="activity-none", markup=False)
                yield Label("escape closes", classes="dialog-hint")

    def on_mount(self) -> None:
        """Focus the list."""
        if self.found:
            self.query_one("#activity-list", OptionList).focus()

    @on(OptionList.OptionSelected, "#activity-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Take the selected activity."""
        self.dismiss(self.found[event.option_index])

    def action_cancel(self) -> None:
        """Leave without choosing."""
        self.dismiss(None)


class AreaChoiceDialog(FramewheelDialog[AreaTarget | None]):
    """Which area to find activities for: dismisses with the chosen target, or None (`escape`)."""

    CSS_PATH = style_path("activity_picker.tcss")
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="area_choice.cancel", tooltip="Close without choosing")]

    def __init__(self, framework: Framework, targets: Sequence[AreaTarget], title: str) -> None:
        """The areas to choose from, in the caller's order (the largest gap first)."""
        super().__init__()
        self.framework, self.targets, self.heading = framework, list(targets), title

    def compose(self) -> ComposeResult:
        """The title, the areas and the keys."""
        with Vertical(id="area-choice", classes="dialog"):
            yield Label(self.heading, classes="dialog-title", markup=False)
            yield OptionList(*(Option(Text(area_line(self.framework, t))) for t in self.targets), id="area-choice-list")
            yield Label(AREA_HINT, classes="dialog-hint")

    def on_mount(self) -> None:
        """Focus the list."""
        self.query_one("#area-choice-list", OptionList).focus()

    @on(OptionList.OptionSelected, "#area-choice-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """Take the selected area."""
        self.dismiss(self.targets[event.option_index])

    def action_cancel(self) -> None:
        """Leave without choosing."""
        self.dismiss(None)
