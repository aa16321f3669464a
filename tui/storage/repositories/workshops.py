"""Where saved workshop sequences are kept (the ``workshops`` table): add, rename, replace steps, delete, list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from tui.core.model import SavedWork
from tui.core.wheels import now_iso
from tui.core.workshop import KIND, TABLE, WorkshopSequence, WorkshopStep
from tui.storage.repositories.base import RecordRepository, kept_saved_work


class WorkshopSequenceRepository(RecordRepository[WorkshopSequence]):
    """Saved workshop sequences, the most recently changed first."""

    TABLE = TABLE
    ORDER_BY = "updated"

    def build(self, record: dict[str, Any]) -> WorkshopSequence:
        """The WorkshopSequence of a stored record."""
        return WorkshopSequence.from_record(record)

    def add(self, sequence: WorkshopSequence) -> WorkshopSequence:
        """Store a sequence as a new record (its name stripped, timestamps filled in); returns it with its id."""
        name = _name(sequence.name)
        now = now_iso()
        stored = replace(sequence, name=name, created=sequence.created or now, updated=sequence.updated or now)
        return replace(stored, id=self._records.insert(stored.to_record()))

    def rename(self, record_id: int, name: str) -> WorkshopSequence:
        """Give a sequence a new name; ValueError for an empty name, KeyError when it is gone."""
        name = _name(name)
        return self.build(self._records.mutate(record_id, lambda r: {**r, "name": name, "updated": now_iso()}))

    def replace_steps(self, record_id: int, steps: Sequence[WorkshopStep], team_profile_id: int | None = None,
                      action_plan_id: int | None = None) -> WorkshopSequence:
        """Keep new steps (and the team profile and action plan they show); KeyError when it is gone."""
        stored = [step.to_record() for step in steps]
        return self.build(self._records.mutate(record_id, lambda r: {
            **r, "steps": stored, "team_profile_id": team_profile_id, "action_plan_id": action_plan_id,
            "updated": now_iso()}))

    def saved_work(self) -> list[SavedWork]:
        """The saved sequences as lines of the home screen's work list (kind "workshop")."""
        return kept_saved_work(self._records, lambda: [
            SavedWork(KIND, s.id, s.name, s.updated, detail=f"{len(s.steps)} steps", framework_id=s.framework_id)
            for s in self.list()])


def _name(name: str) -> str:
    """The name without surrounding spaces; ValueError when nothing is left."""
    name = name.strip()
    if not name:
        raise ValueError("A workshop sequence needs a name.")
    return name
