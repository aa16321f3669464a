"""Action plans (RAG boards) in the "all data" export and import (format ``framewheel/action-plan@1``).

A plan's file on its own (``{"format": "framewheel/action-plan@1", ...}``) is imported as well;
null in any of its fields means empty.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tui.core import exchange
from tui.core.action_plans import FORMAT, ActionPlan, PlanFormatError, plan_from_dict, plan_to_dict
from tui.core.frameworks import FrameworkCatalog


def _fingerprint(data: dict[str, Any]) -> str:
    """What makes two action plans the same import: project, date and every milestone."""
    milestones = [item.get("milestone", "") for section in data.get("sections", []) if isinstance(section, dict)
                  for item in section.get("items", []) if isinstance(item, dict)]
    return f"action-plan:{data.get('project', '')}:{data.get('date', '')}:{'|'.join(map(str, milestones))}"


def _check_plan(doc: object) -> tuple[list[exchange.Problem], ActionPlan | None]:
    """One plan's problems as (field, message), and the plan when there are none."""
    try:
        return [], plan_from_dict(doc)
    except PlanFormatError as error:
        problems = []
        for problem in error.problems:
            field, _, message = problem.partition(": ")
            problems.append((field, message or field))
        return problems, None


def check_plans(items: list[Any], prefix: str, seen: set[str], stored: Sequence[ActionPlan],
                catalog: FrameworkCatalog) -> exchange.Checked[ActionPlan]:
    """Check action plans for import, field by field; a plan already stored is set apart."""
    return exchange.check_records(
        items, prefix, seen, {_fingerprint(plan_to_dict(plan)) for plan in stored}, _check_plan,
        lambda plan: _fingerprint(plan_to_dict(plan)), lambda plan: f"the action plan '{plan.project}'",
    )


ACTION_PLANS = exchange.DataSection("action_plans", plan_to_dict, check_plans, "action plan", standalone_format=FORMAT)
"""The action plans' section of the "all data" bundle."""
