"""Where action plans (RAG boards) are stored: the ``action_plans`` table."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from tui.core.action_plans import HEADER_FIELDS, KIND, TABLE, ActionPlan, merge_plan, new_plan
from tui.core.model import SavedWork
from tui.core.wheels import now_iso
from tui.storage import output
from tui.storage.database import Collection, Database
from tui.storage.repositories.base import OrdersRecords, SavesInBackground, kept_saved_work


class ActionPlanRepository(SavesInBackground, OrdersRecords):
    """Create, read, change and delete action plans; every change is saved at once.

    Not a :class:`~tui.storage.repositories.base.RecordRepository` (a plan belongs to no
    framework), but its list is ordered the same way: :meth:`ordered_ids` and :meth:`page`.
    """

    ORDER_BY = "updated"

    def __init__(self, db: Database) -> None:
        """Plans in ``db``."""
        self._records: Collection = db.collection(TABLE)

    def add(self, plan: ActionPlan) -> ActionPlan:
        """Store a plan as a new record and return it with its id (new, imported or demo plans)."""
        stamp = now_iso()
        stored = replace(plan, id=0, created=plan.created or stamp, updated=stamp)
        return replace(stored, id=self._records.insert(stored.to_record()))

    def create(self, project: str, template: bool = True, **header: str) -> ActionPlan:
        """A new stored plan, from the Technician Commitment template or blank."""
        return self.add(new_plan(project, template, **header))

    def get(self, plan_id: int) -> ActionPlan | None:
        """The plan with this id, or None."""
        record = self._records.get(plan_id)
        return ActionPlan.from_record(record) if record else None

    def list(self) -> builtins.list[ActionPlan]:
        """Every plan, the most recently changed first."""
        plans = (ActionPlan.from_record(r) for r in self._records.all())
        return sorted(plans, key=lambda p: (p.updated, p.id), reverse=True)

    def page(self, ids: Sequence[int]) -> builtins.list[ActionPlan]:
        """The plans with these ids (from :meth:`ordered_ids`), in that order; ids no longer stored are left out."""
        found = (self.get(plan_id) for plan_id in ids)
        return [plan for plan in found if plan is not None]

    def save(self, plan: ActionPlan) -> ActionPlan:
        """Store the whole plan (header and board) over its record; return it as stored."""
        stored = replace(plan, updated=now_iso())
        self._records.mutate(plan.id, lambda record: {**record, **stored.to_record()})
        return stored

    def save_changes(self, base: ActionPlan, mine: ActionPlan) -> ActionPlan:
        """Store the change from ``base`` to ``mine``, merged into the plan as it is on disk now.

        One lock, one read, one write: the record is re-read under the lock and only the
        items and header fields this change touched are written (see
        :func:`tui.core.action_plans.merge_plan`), so two instances on one board keep each
        other's changes. KeyError when the plan was deleted meanwhile.
        """

        def change(record: dict[str, Any]) -> dict[str, Any]:
            """Apply the change to the record as stored now."""
            merged = replace(merge_plan(base, mine, ActionPlan.from_record(record)), updated=now_iso())
            return {**record, **merged.to_record()}

        return ActionPlan.from_record(self._records.mutate(mine.id, change))

    @staticmethod
    def export_folder() -> Path:
        """The folder an export is suggested in: the output folder (see :func:`tui.storage.output.output_dir`)."""
        return output.output_dir()

    @staticmethod
    def export_refusal(path: Path) -> str | None:
        """Why ``path`` may not be written as an export, or None (see :func:`tui.storage.output.export_refusal`)."""
        return output.export_refusal(path)

    @staticmethod
    def write_export(path: Path, text: str) -> None:
        """Write an export of a plan to ``path`` privately and atomically (see :func:`tui.storage.output.write_export`)."""
        output.write_export(path, text)

    def update_header(self, plan_id: int, **header: str) -> ActionPlan:
        """Change header fields (read-modify-write under the lock); unknown names raise KeyError."""
        unknown = set(header) - set(HEADER_FIELDS)
        if unknown:
            raise KeyError(f"not header fields: {', '.join(sorted(unknown))}")
        if "project" in header and not header["project"].strip():
            header = {k: v for k, v in header.items() if k != "project"}
        return ActionPlan.from_record(self._records.mutate(plan_id, lambda r: {**r, **header, "updated": now_iso()}))

    def delete(self, plan_id: int) -> None:
        """Remove a plan (the screens confirm first)."""
        self._records.remove(plan_id)

    def count(self) -> int:
        """How many plans are stored."""
        return self._records.count()

    def saved_work(self) -> builtins.list[SavedWork]:
        """The plans as lines of the home screen's work list."""
        return kept_saved_work(self._records, lambda: [
            SavedWork(KIND, p.id, p.project, p.updated, detail=p.period()) for p in self.list()])
