"""Action plans (RAG boards) in the "all data" export and import (format ``framewheel/action-plan@1``)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Any

from tui import exchange
from tui.action_plans import PlanFormatError, plan_from_dict, plan_to_dict

if TYPE_CHECKING:
    from tui.context import AppContext


def _fingerprint(data: dict[str, Any]) -> str:
    """What makes two action plans the same import: project, date and every milestone."""
    milestones = [item.get("milestone", "") for section in data.get("sections", []) if isinstance(section, dict)
                  for item in section.get("items", []) if isinstance(item, dict)]
    return f"action-plan:{data.get('project', '')}:{data.get('date', '')}:{'|'.join(map(str, milestones))}"


def _check_plans(context: AppContext, items: list[Any], prefix: str, seen: set[str]) -> exchange.Checked:
    """Check action plans for import, field by field; a plan already stored is set apart."""
    result = exchange.Checked()
    stored = {_fingerprint(plan_to_dict(plan)) for plan in context.action_plans.list()}
    for index, doc in enumerate(items):
        where = prefix.format(index)
        try:
            plan = plan_from_dict(doc)
        except PlanFormatError as error:
            for problem in error.problems:
                field, _, message = problem.partition(": ")
                result.problems.append((f"{where}{field}".rstrip("."), message or field))
            continue
        key = _fingerprint(plan_to_dict(plan))
        if key in stored or key in seen:
            result.duplicates.append(f"{where.rstrip('.')}: the action plan '{plan.project}' was already imported")
            continue
        seen.add(key)
        result.writes.append(partial(context.action_plans.add, plan))
        result.count += 1
    return result


def register() -> None:
    """Add action plans to the export/import sections (idempotent)."""
    exchange.register_section(exchange.DataSection(
        "action_plans", lambda c: [plan_to_dict(p) for p in reversed(c.action_plans.list())], _check_plans, "action plan",
    ))
