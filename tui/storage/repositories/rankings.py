"""Where rankings are stored: the ``rankings`` table."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from tui.core.model import Framework, SavedWork
from tui.core.rankings import TABLE, Groups, RankError, Ranking, check_date, clean, normalise
from tui.core.wheels import now_iso
from tui.storage import output
from tui.storage.repositories.base import RecordRepository, kept_saved_work


class RankingRepository(RecordRepository[Ranking]):
    """Create, read and change rankings; every change is saved at once."""

    TABLE = TABLE
    ORDER_BY = "updated"

    @staticmethod
    def share_folder() -> Path:
        """The folder a ranking share file is suggested in: the output folder (see :func:`tui.storage.output.output_dir`)."""
        return output.output_dir()

    @staticmethod
    def write_share(path: Path, text: str) -> None:
        """Write a ranking share file privately and atomically (see :func:`tui.storage.output.write_share_file`)."""
        output.write_share_file(path, text)

    def build(self, record: dict[str, Any]) -> Ranking:
        """The Ranking of a stored record."""
        return Ranking.from_record(record)

    def create(self, framework: Framework, name: str, *, day: str = "", notes: str = "",
               groups: Groups | None = None, tag: str = "") -> Ranking:
        """A new ranking, in the framework's order unless ``groups`` are given."""
        name = name.strip()
        if not name:
            raise RankError("A ranking needs a name (the team or the context).")
        stamp = now_iso()
        ranking = Ranking(
            id=0, framework_id=framework.id, framework_version=framework.version, name=name,
            date=check_date(day) if day else date.today().isoformat(), created=stamp, updated=stamp,
            groups=normalise(groups or (), framework.area_ids), notes=notes.strip(), tag=tag,
        )
        return replace(ranking, id=self._records.insert(ranking.to_record()))

    def add(self, ranking: Ranking) -> Ranking:
        """Store a complete ranking as a new record (import); returns it with its id."""
        return replace(ranking, id=self._records.insert(ranking.to_record()))

    def _change(self, ranking_id: int, changes: dict[str, Any]) -> Ranking:
        """Apply ``changes`` under the lock; RankError when the ranking was deleted meanwhile."""
        try:
            record = self._records.mutate(ranking_id, lambda r: {**r, **changes, "updated": now_iso()})
        except KeyError:
            raise RankError("This ranking no longer exists (was it deleted in another session?).") from None
        return Ranking.from_record(record)

    def set_groups(self, ranking_id: int, groups: Groups) -> Ranking:
        """Store a new order (with its ties)."""
        return self._change(ranking_id, {"groups": [list(g) for g in clean(groups)]})

    def set_details(self, ranking_id: int, name: str, day: str, notes: str) -> Ranking:
        """Rename, re-date and annotate; RankError (nothing changed) for an empty name or a bad date."""
        name = name.strip()
        if not name:
            raise RankError("A ranking needs a name (the team or the context).")
        return self._change(ranking_id, {"name": name, "date": check_date(day), "notes": notes.strip()})

    def duplicate(self, ranking_id: int, name: str = "") -> Ranking:
        """A copy of a ranking under a new name (``Copy of ...`` by default)."""
        source = self.get(ranking_id)
        if source is None:
            raise RankError("That ranking no longer exists.")
        stamp = now_iso()
        copy = replace(source, id=0, name=name.strip() or f"Copy of {source.name}", created=stamp, updated=stamp, tag="")
        return replace(copy, id=self._records.insert(copy.to_record()))

    def saved_work(self) -> list[SavedWork]:
        """The rankings as lines of the home screen's work list."""
        return kept_saved_work(self._records, lambda: [
            SavedWork("ranking", r.id, r.name, r.updated, detail=r.date, framework_id=r.framework_id)
            for r in self.list()
        ])
