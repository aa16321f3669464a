"""Example data for ``framewheel --demo``: a temporary database a person can explore.

Each activity adds its own examples here; the user's own database is never touched.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.reports.ranking import add_demo_ranking
from tui.core.finder import add_demo_finder
from tui.core.wheels import add_demo_wheels
from tui.core.action_plan_demo import add_demo_plans

if TYPE_CHECKING:
    from tui.context import AppContext

DEMO_MARK = "example"
"""Tag stored on every demo record so that it can never be mistaken for real data."""


def fill_demo(context: AppContext) -> None:
    """Fill a fresh demo database with example data for every activity that has some."""
    context.settings.set("demo", True)
    add_demo_wheels(context.assessments, context.catalog.get("ahep"))
    add_demo_ranking(context)
    from tui.core.development_plan import fill_demo_plan

    fill_demo_plan(context)
    add_demo_finder(context.finder, context.catalog.frameworks.get("ahep", context.framework))
    add_demo_plans(context.action_plans)
