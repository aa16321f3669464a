"""A plan CSV imported without the interface: a new plan, or an update of a stored one (``--plan NAME``).

The file is read and checked whole first; the plan to update is found by its project name, the
changes are computed (:mod:`tui.core.plan_update`) and, unless it is a dry run or nothing changes,
written, all under the data file's lock, so that the plan written is the one the changes were
computed from. Bad input changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core.action_plans import ActionPlan
from tui.core.exchange.plan_files import PlanRow, read_plan_rows
from tui.core.plan_update import PlanChanges, compute_changes, plan_named

if TYPE_CHECKING:
    from tui.context import AppContext


@dataclass
class PlanUpdate:
    """What updating a plan from one CSV file found, and whether it was written."""

    path: str
    problems: list[str] = field(default_factory=list)
    """What is wrong with the file's content, each with the path (and line and column)."""
    refusal: str = ""
    """Why the file was not applied although it reads well (no plan of that name, or several)."""
    plan: ActionPlan | None = None
    changes: PlanChanges | None = None
    written: bool = False


def read_plan_csv(path: str) -> tuple[list[PlanRow] | None, list[str]]:
    """The rows of a plan CSV, or None and every problem, each starting with the file's path."""
    try:
        rows, problems = read_plan_rows(Path(path))
    except OSError as error:
        return None, [f"{path}: cannot be read ({error.strerror or error})"]
    except UnicodeDecodeError as error:
        return None, [f"{path}: is not UTF-8 text (byte {error.start + 1})"]
    return rows, [f"{path}: {problem}" for problem in problems]


def update_plan(context: AppContext, path: str, name: str, *, clear_empty: bool = False, remove: bool = False,
                dry_run: bool = False) -> PlanUpdate:
    """Update the plan named ``name`` from the CSV at ``path`` (see :func:`tui.core.plan_update.compute_changes`)."""
    outcome = PlanUpdate(path)
    rows, outcome.problems = read_plan_csv(path)
    if rows is None:
        return outcome
    with context.db.locked():
        plan, why = plan_named(context.action_plans.list(), name)
        if plan is None:
            outcome.refusal = why
            return outcome
        outcome.plan = plan
        outcome.changes = compute_changes(plan, rows, clear_empty=clear_empty, remove=remove)
        if outcome.changes.any and not dry_run:
            outcome.plan = context.action_plans.save(outcome.changes.result)
            outcome.written = True
    return outcome
