"""Where the development plan's objectives are stored: the ``objectives`` table."""

from __future__ import annotations

import builtins
from dataclasses import replace
from typing import Any

from tui.core.development_plan import EDITABLE, KIND, TABLE, Objective, PlanError, check_objective, clean_fields, plural
from tui.core.model import Framework, SavedWork
from tui.core.wheels import now_iso
from tui.storage.database import Collection, Database
from tui.storage.repositories.base import kept_saved_work


class DevelopmentPlanRepository:
    """Create, read, change, reorder and delete objectives; every change is saved at once."""

    def __init__(self, db: Database) -> None:
        """Objectives in ``db``."""
        self._db = db
        self._records: Collection = db.collection(TABLE)

    def list(self, framework_id: str | None = None) -> builtins.list[Objective]:
        """Objectives in plan order; only one framework's when given."""
        records = self._records.find(framework_id=framework_id) if framework_id else self._records.all()
        return sorted((Objective.from_record(r) for r in records), key=lambda o: (o.framework_id, o.position, o.id))

    def open_objectives(self, framework_id: str) -> builtins.list[Objective]:
        """Objectives not done or dropped, in plan order."""
        return [o for o in self.list(framework_id) if o.is_open]

    def get(self, objective_id: int) -> Objective | None:
        """The objective with this id, or None."""
        record = self._records.get(objective_id)
        return Objective.from_record(record) if record else None

    def add(self, framework: Framework, **fields: Any) -> Objective:
        """A new objective at the end of the plan; PlanError (nothing stored) when a field is wrong."""
        clean = clean_fields(fields)
        if problems := check_objective(clean, framework):
            raise PlanError(problems)
        with self._db.locked():
            last = max((o.position for o in self.list(framework.id)), default=-1)
            stamp = now_iso()
            objective = Objective(id=0, framework_id=framework.id, position=last + 1, created=stamp, updated=stamp, **clean)
            return replace(objective, id=self._records.insert(objective.to_record()))

    def add_many(self, objectives: builtins.list[Objective]) -> None:
        """Store complete objectives as new records in one write (used by import)."""
        self._records.insert_many([o.to_record() for o in objectives])

    def update(self, objective_id: int, framework: Framework, **changes: Any) -> Objective:
        """Change some fields; PlanError (nothing changed) when the result would be invalid."""
        current = self.get(objective_id)
        if current is None:
            raise KeyError(f"No objective {objective_id}")
        merged = {name: getattr(current, name) for name in EDITABLE}
        merged.update(clean_fields(changes))
        if problems := check_objective(merged, framework):
            raise PlanError(problems)
        new = {**merged, "areas": list(merged["areas"]), "updated": now_iso()}
        return Objective.from_record(self._records.mutate(objective_id, lambda r: {**r, **new}))

    def move(self, objective_id: int, delta: int) -> bool:
        """Move an objective up (-1) or down (+1) in its plan; False when it is already at that end."""
        with self._db.locked():
            current = self.get(objective_id)
            if current is None:
                return False
            plan = self.list(current.framework_id)
            index = next(i for i, o in enumerate(plan) if o.id == objective_id)
            other = index + delta
            if not 0 <= other < len(plan):
                return False
            plan[index], plan[other] = plan[other], plan[index]
            for position, objective in enumerate(plan):
                if objective.position != position:
                    self._records.update(objective.id, {"position": position})
            return True

    def restore(self, framework_id: str, objectives: builtins.list[Objective]) -> None:
        """Make a framework's plan exactly ``objectives`` again (undo and redo); ids of removed ones may change."""
        with self._db.locked():
            wanted = {o.id for o in objectives}
            for current in self.list(framework_id):
                if current.id not in wanted:
                    self._records.remove(current.id)
            for objective in objectives:
                if self._records.get(objective.id) is not None:
                    self._records.replace(objective.id, objective.to_record())
                else:
                    self._records.insert(objective.to_record())

    def delete(self, objective_id: int) -> None:
        """Remove an objective (the screens confirm first)."""
        self._records.remove(objective_id)

    def count(self) -> int:
        """How many objectives are stored."""
        return self._records.count()

    def saved_work(self) -> builtins.list[SavedWork]:
        """One line per framework's plan for the home screen's work list (kept until the objectives change)."""
        return kept_saved_work(self._records, self._plan_lines)

    def _plan_lines(self) -> builtins.list[SavedWork]:
        """One line per framework's plan, from every objective."""
        plans: dict[str, builtins.list[Objective]] = {}
        for objective in self.list():
            plans.setdefault(objective.framework_id, []).append(objective)
        work = []
        for framework_id, objectives in plans.items():
            newest = max(objectives, key=lambda o: o.updated)
            still_open = sum(1 for o in objectives if o.is_open)
            title = f"Plan: {plural(len(objectives), 'objective')}, {still_open} open"
            work.append(SavedWork(KIND, newest.id, title, newest.updated, framework_id=framework_id))
        return work
