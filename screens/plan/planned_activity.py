"""A chosen development activity into the development plan (shared by the wheel summary and the role comparisons).

The rule: when the plan already holds an open objective for the area (the first, in plan order),
the activity is appended to its planned activities (each activity once); otherwise a new objective
is added for the area with the activity as its planned activities.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from screens.base import FramewheelScreen
from screens.dialogs.activity_picker import ActivityPickerDialog, AreaChoiceDialog, AreaTarget
from tui.core.development_plan import Objective, PlanError
from tui.core.institution import DevelopmentActivity
from tui.core.model import Framework

SEPARATOR = "; "
"""Between planned activities appended to an objective (a space alone after one that ends a sentence)."""


def with_activity(current: str, activity: DevelopmentActivity) -> str:
    """An objective's planned activities with ``activity`` added at the end (unchanged when already there)."""
    planned = activity.planned_text()
    if planned in current:
        return current
    if not current.strip():
        return planned
    before = current.rstrip().rstrip(";")
    return f"{before} {planned}" if before.endswith((".", "!", "?")) else f"{before}{SEPARATOR}{planned}"  # no "term.; Next"


def plan_activity(screen: FramewheelScreen, framework: Framework, area_id: str,
                  activity: DevelopmentActivity) -> Objective | None:
    """Store the activity in the plan (see the module's rule), say so, and return the objective (None when refused)."""
    plan = screen.context.development_plan
    area = framework.area(area_id)
    name = area.title if area else area_id
    existing = next((o for o in plan.open_objectives(framework.id) if area_id in o.areas), None)
    try:
        if existing is not None:
            objective = plan.update(existing.id, framework, activities=with_activity(existing.activities, activity))
            told = f"Added to the planned activities of “{objective.title}”."
        else:
            objective = plan.add(framework, title=f"Develop: {name}", areas=(area_id,),
                                 success_criteria=f"I complete “{activity.title}” and can show what it changed "
                                                  f"in my work on {name}.",
                                 activities=activity.planned_text())
            told = f"New objective “{objective.title}” with this planned activity."
    except (PlanError, KeyError) as error:
        screen.notify(str(error), title="Not added to the plan", severity="error")
        return None
    screen.mark_saved("Added to the plan;")
    screen.notify(f"{told} Press p on the home screen to see your development plan.", title="Development plan")
    return objective


def pick_activity(screen: FramewheelScreen, framework: Framework, target: AreaTarget,
                  chosen: Callable[[DevelopmentActivity], None]) -> None:
    """Show the activities for one area; ``chosen`` gets the one picked (nothing happens on `escape`)."""
    catalogue = screen.context.catalogue.activities(framework.id)

    def picked(activity: DevelopmentActivity | None) -> None:
        """Hand on the activity chosen."""
        if activity is not None:
            chosen(activity)

    screen.app.push_screen(ActivityPickerDialog(framework, catalogue, target.area_id, target.level_id), picked)


def activities_for_targets(screen: FramewheelScreen, framework: Framework, targets: Sequence[AreaTarget],
                           title: str, empty: str) -> None:
    """Choose an area among ``targets`` (straight on when there is one), then an activity; store it in the plan."""
    if not targets:
        screen.notify(empty, title="No area to develop", severity="warning")
        return

    def area_chosen(target: AreaTarget | None) -> None:
        """List the chosen area's activities, and store the one chosen."""
        if target is None:
            return

        def store(activity: DevelopmentActivity) -> None:
            """Store the chosen activity for the target's area."""
            plan_activity(screen, framework, target.area_id, activity)

        pick_activity(screen, framework, target, store)

    if len(targets) == 1:
        area_chosen(targets[0])
    else:
        screen.app.push_screen(AreaChoiceDialog(framework, targets, title), area_chosen)
