"""Action plans (RAG boards) in the "all data" export and import (format ``framewheel/action-plan@1``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from tui.core.exchange import wheels as exchange
from tui.core.action_plans import ActionPlan, PlanFormatError, plan_from_dict, plan_to_dict

if TYPE_CHECKING:
    from tui.context import AppContext


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


def _check_plans(context: AppContext, items: list[Any], prefix: str, seen: set[str]) -> exchange.Checked:
    """Check action plans for import, field by field; a plan already stored is set apart."""
    stored = {_fingerprint(plan_to_dict(plan)) for plan in context.action_plans.list()}
    return exchange.check_records(
        items, prefix, seen, stored, _check_plan, lambda plan: _fingerprint(plan_to_dict(plan)),
        lambda plan: f"the action plan '{plan.project}'", context.action_plans.add,
    )


def register() -> None:
    """Add action plans to the export/import sections (idempotent)."""
    exchange.register_section(exchange.DataSection(
        "action_plans", lambda c: [plan_to_dict(p) for p in reversed(c.action_plans.list())], _check_plans, "action plan",
    ))
