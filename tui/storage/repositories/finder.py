"""Where level-finder records are stored: the ``finder`` table."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from tui.core.finder import KIND, MARKS, TABLE, FinderError, FinderRecord, derive, mark_key
from tui.core.model import Framework, SavedWork
from tui.core.wheels import now_iso
from tui.storage.repositories.base import RecordRepository, kept_saved_work


class FinderRepository(RecordRepository[FinderRecord]):
    """Create, read and change level-finder records; every change is saved at once."""

    TABLE = TABLE
    ORDER_BY = "created"

    def build(self, record: dict[str, Any]) -> FinderRecord:
        """The FinderRecord of a stored record."""
        return FinderRecord.from_record(record)

    def create(self, framework: Framework, label: str = "") -> FinderRecord:
        """A new, empty record dated now."""
        stamp = now_iso()
        label = label or f"Level finder of {datetime.now().strftime('%d %b %Y %H:%M')}"
        record = FinderRecord(0, framework.id, framework.version, label, stamp, stamp)
        return replace(record, id=self._records.insert(record.to_record()))

    def add(self, record: FinderRecord) -> FinderRecord:
        """Store a complete record as a new one (demo data, imports)."""
        return replace(record, id=self._records.insert(record.to_record()))

    def latest_levels(self, framework: Framework) -> dict[str, str | None]:
        """Area id -> level id derived from the latest record for ``framework`` (None: no level reached).

        Empty when no record exists or the framework has no levels. Areas without
        any mark are left out, so a wheel can show a level only where one was found.
        """
        record = self.latest(framework.id)
        if record is None or not framework.levels:
            return {}
        result = derive(framework, record)
        return {r.area.id: (r.level.id if r.level else None) for r in result.areas if r.marked}

    def set_mark(self, record_id: int, framework: Framework, area_id: str, level_id: str, index: int, mark: str | None) -> FinderRecord:
        """Set (or clear, with None) one exemplar's mark; anything unknown is refused with FinderError."""
        self._check(framework, area_id, level_id, index)
        if mark is not None and mark not in MARKS:
            raise FinderError(f"'{mark}' is not a mark; use one of: {', '.join(MARKS)}")
        return self._set(record_id, "marks", area_id, mark_key(level_id, index), mark or "")

    def set_note(self, record_id: int, framework: Framework, area_id: str, level_id: str, index: int, text: str) -> FinderRecord:
        """Set (or clear, with empty text) one exemplar's evidence note."""
        self._check(framework, area_id, level_id, index)
        return self._set(record_id, "notes", area_id, mark_key(level_id, index), text.strip())

    @staticmethod
    def _check(framework: Framework, area_id: str, level_id: str, index: int) -> None:
        """Raise FinderError unless the exemplar exists in the framework."""
        area = framework.area(area_id)
        if area is None:
            raise FinderError(f"'{area_id}' is not a {framework.area_name} of {framework.title}")
        if not 0 <= index < len(area.exemplars.get(level_id, ())):
            raise FinderError(f"{area.title} has no exemplar {index + 1} at level '{level_id}'")

    def _set(self, record_id: int, field_name: str, area_id: str, key: str, value: str) -> FinderRecord:
        """Set or clear one entry of a nested text mapping."""

        def change(record: dict[str, Any]) -> dict[str, Any]:
            """Apply the change to a fresh copy of the record."""
            values = {a: dict(v) for a, v in dict(record.get(field_name, {})).items()}
            entries = values.setdefault(area_id, {})
            if value:
                entries[key] = value
            else:
                entries.pop(key, None)
                if not entries:
                    values.pop(area_id)
            return {**record, field_name: values, "updated": now_iso()}

        return FinderRecord.from_record(self._records.mutate(record_id, change))

    def saved_work(self) -> list[SavedWork]:
        """The records as lines of the home screen's work list."""
        return kept_saved_work(self._records, lambda: [
            SavedWork(KIND, r.id, r.label, r.updated, detail=f"{r.marked_count()} marked", framework_id=r.framework_id)
            for r in self.list()
        ])
