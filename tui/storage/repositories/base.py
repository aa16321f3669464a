"""The reads every dated-record repository shares: get, list (newest first), latest, delete, count.

A repository names its table, how to build its dataclass from a stored record,
and which timestamp orders the list ("created" for wheels and finder records,
"updated" for rankings, which move to the top when changed).
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Protocol, TypeVar

from tui.storage.database import Collection, Database
from tui.storage.saver import BackgroundSaver, Done, Failed

if TYPE_CHECKING:
    from tui.core.model import SavedWork


def kept_saved_work(records: Collection, lines: Callable[[], Iterable[SavedWork]]) -> builtins.list[SavedWork]:
    """The home list's lines of one table: ``lines()`` built once, kept until the table changes.

    The home screen asks for them each time it comes back to the front; kept with the data
    (see :meth:`~tui.storage.database.Collection.derived`), they are built again only after a
    write to the table or a change of the file by another program, not from every record on
    each return.
    """
    kept: tuple[SavedWork, ...] = records.derived("saved-work", lambda stored: tuple(lines()))
    return builtins.list(kept)


class DatedRecord(Protocol):
    """What the shared reads need of a record: its id, framework and timestamps (read-only)."""

    @property
    def id(self) -> int:
        """The record id."""
        ...

    @property
    def framework_id(self) -> str:
        """The framework the record belongs to."""
        ...

    @property
    def created(self) -> str:
        """When it was made (ISO 8601)."""
        ...

    @property
    def updated(self) -> str:
        """When it last changed (ISO 8601)."""
        ...


RecordT = TypeVar("RecordT", bound=DatedRecord)


class SavesInBackground:
    """A repository whose changes a screen hands to a saver, so the disk never delays the next key."""

    @staticmethod
    def saver(on_done: Done | None = None, on_error: Failed | None = None, settle: float = 0.0) -> BackgroundSaver:
        """A new :class:`~tui.storage.saver.BackgroundSaver` for one screen's saves of this kind of record."""
        return BackgroundSaver(on_done, on_error, settle)


class OrdersRecords:
    """The ids of a table's records newest first, sorted from the stored records and kept with the data.

    For any repository over a :class:`~tui.storage.database.Collection` of dated records
    (``_records``), whether or not it is a :class:`RecordRepository`: the action plans use it too.
    """

    _records: Collection
    """The table's records."""
    ORDER_BY: ClassVar[str] = "created"
    """The timestamp that orders lists, newest first."""

    def ordered_ids(self, framework_id: str | None = None) -> builtins.list[int]:
        """The ids of the records in :meth:`list` order (newest first), without building any record.

        Sorted from the stored records (cheap dicts) and kept with the data until the table
        changes or the file is read again: the same list object is returned while nothing
        changed, so a screen can tell whether it must list again (treat it as read-only).
        """
        ordered: dict[str | None, builtins.list[int]] = self._records.derived(f"order-by-{self.ORDER_BY}", self._ordered)
        return ordered.get(framework_id or None, [])

    def _ordered(self, records: Mapping[str, Mapping[str, Any]]) -> dict[str | None, builtins.list[int]]:
        """Record ids newest first (ties: the higher id first), per framework id and overall under None."""
        ranked = sorted(((self.order_key(record), int(key), str(record.get("framework_id", "")))
                         for key, record in records.items()), reverse=True)
        ordered: dict[str | None, builtins.list[int]] = {None: [rank[1] for rank in ranked]}
        for _, key, framework in ranked:
            ordered.setdefault(framework, []).append(key)
        return ordered

    def order_key(self, record: Mapping[str, Any]) -> str:
        """The stored form of the timestamp that orders lists (as the dataclasses read it: "updated" falls back on "created")."""
        if self.ORDER_BY == "updated":
            return str(record.get("updated", record.get("created", "")))
        return str(record.get(self.ORDER_BY, ""))


class RecordRepository(OrdersRecords, Generic[RecordT]):
    """A table of dated records of one kind, each tied to a framework."""

    TABLE: ClassVar[str]
    """The database table."""

    def __init__(self, db: Database) -> None:
        """Records of this kind in ``db``."""
        self._records: Collection = db.collection(self.TABLE)

    def build(self, record: dict[str, Any]) -> RecordT:
        """The record's dataclass from its stored form."""
        raise NotImplementedError

    def get(self, record_id: int) -> RecordT | None:
        """The record with this id, or None."""
        found = self._records.get(record_id)
        return self.build(found) if found else None

    def list(self, framework_id: str | None = None) -> list[RecordT]:
        """Records, newest first; only one framework's when given."""
        found = self._records.find(framework_id=framework_id) if framework_id else self._records.all()
        return sorted((self.build(r) for r in found), key=lambda r: (getattr(r, self.ORDER_BY), r.id), reverse=True)

    def page(self, ids: Sequence[int]) -> builtins.list[RecordT]:
        """The records with these ids (from :meth:`ordered_ids`), in that order; ids no longer stored are left out."""
        found = (self.get(record_id) for record_id in ids)
        return [record for record in found if record is not None]

    def latest(self, framework_id: str | None = None) -> RecordT | None:
        """The newest record of a framework (of any, with None), or None: the first of :meth:`list`.

        Found in a lookup kept with the data (one pass over the stored records after the file
        is read or the table changes), so no record but the newest is built.
        """
        newest: dict[str | None, tuple[str, int]] = self._records.derived(
            f"newest-by-{self.ORDER_BY}", self._newest, self._newer)
        found = newest.get(framework_id or None)
        return None if found is None else self.get(found[1])

    def _newest(self, records: Mapping[str, Mapping[str, Any]]) -> dict[str | None, tuple[str, int]]:
        """The (timestamp, id) of the newest record per framework id, and overall under None (ties: the higher id)."""
        best: dict[str | None, tuple[str, int]] = {}
        for key, record in records.items():
            rank = (self.order_key(record), int(key))
            for framework in (str(record.get("framework_id", "")), None):
                if framework not in best or rank > best[framework]:
                    best[framework] = rank
        return best

    def _newer(self, newest: dict[str | None, tuple[str, int]], records: Mapping[str, Mapping[str, Any]],
               changes: Mapping[str, Mapping[str, Any] | None]) -> dict[str | None, tuple[str, int]] | None:
        """:meth:`_newest` after a write of ``changes`` (a new dict), or None to find it again.

        It is found again only when a newest record was removed, moved to another framework or
        became older; a new record, or the newest one made newer, is merged in.
        """
        found = dict(newest)
        for key, record in changes.items():
            rank = (self.order_key(record), int(key)) if record is not None else None
            framework = str(record.get("framework_id", "")) if record is not None else None
            for place, best in newest.items():
                if best[1] == int(key) and (rank is None or rank < best or place not in (framework, None)):
                    return None
            if rank is None:
                continue
            for place in (framework, None):
                if place not in found or rank >= found[place]:
                    found[place] = rank
        return found

    def delete(self, record_id: int) -> None:
        """Remove a record (the screens confirm first)."""
        self._records.remove(record_id)

    def count(self) -> int:
        """How many records are stored."""
        return self._records.count()
