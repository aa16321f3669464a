"""Where wheels (assessments) are stored: the ``assessments`` table."""

from __future__ import annotations

import heapq
from dataclasses import replace
from datetime import datetime
from functools import partial
from operator import methodcaller, neg
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.model import Framework, SavedWork
from tui.core.wheels import TABLE, TREND_WHEELS, Assessment, check_rating, now_iso
from tui.storage import output
from tui.storage.repositories.base import RecordRepository, SavesInBackground

if TYPE_CHECKING:  # the exchange code is imported only when an import is checked
    from tui.core.exchange import Fingerprints


class AssessmentRepository(RecordRepository[Assessment], SavesInBackground):
    """Create, read and change wheels; every change is saved at once."""

    TABLE = TABLE
    ORDER_BY = "created"

    @staticmethod
    def share_folder() -> Path:
        """The folder a share file is suggested in: the output folder (see :func:`tui.storage.output.output_dir`)."""
        return output.output_dir()

    @staticmethod
    def write_share(path: Path, text: str) -> None:
        """Write a share file privately and atomically (see :func:`tui.storage.output.write_share_file`)."""
        output.write_share_file(path, text)

    def build(self, record: dict[str, Any]) -> Assessment:
        """The Assessment of a stored record."""
        return Assessment.from_record(record)

    def create(self, framework: Framework, label: str = "", copy_from: Assessment | None = None, person: str = "") -> Assessment:
        """A new wheel, blank or copied from another ("start from last time")."""
        stamp = now_iso()
        label = label or f"Wheel of {datetime.now().strftime('%d %b %Y %H:%M')}"
        wheel = Assessment(
            id=0, framework_id=framework.id, framework_version=framework.version, label=label,
            created=stamp, updated=stamp, person=person or (copy_from.person if copy_from else ""),
            ratings={a: dict(v) for a, v in copy_from.ratings.items()} if copy_from else {},
            notes=dict(copy_from.notes) if copy_from else {},
        )
        new_id = self._records.insert(wheel.to_record())
        return replace(wheel, id=new_id)

    def add(self, wheel: Assessment) -> Assessment:
        """Store a complete wheel as a new record (used by import and demo data)."""
        return replace(wheel, id=self._records.insert(wheel.to_record()))

    def add_many(self, wheels: list[Assessment]) -> list[Assessment]:
        """Store complete wheels as new records in one atomic write (used by import)."""
        ids = self._records.insert_many([w.to_record() for w in wheels])
        return [replace(w, id=i) for w, i in zip(wheels, ids)]

    def set_rating(self, wheel_id: int, framework: Framework, area_id: str, series_id: str, value: int | None) -> Assessment:
        """Set (or clear, with None) one rating; off-scale values are refused with RatingError."""
        check_rating(framework, area_id, series_id, value)

        def change(record: dict[str, Any]) -> dict[str, Any]:
            """Apply only this rating to the record as stored now (other ratings stay as they are on disk)."""
            changed = Assessment.from_record(record).with_rating(area_id, series_id, value, now_iso())
            return {**record, "ratings": changed.ratings, "updated": changed.updated}

        return Assessment.from_record(self._records.mutate(wheel_id, change))

    def set_note(self, wheel_id: int, area_id: str, text: str) -> Assessment:
        """Set (or clear, with empty text) the note on an area."""
        return self._set_text(wheel_id, "notes", area_id, text)

    def set_reflection(self, wheel_id: int, question_index: int, text: str) -> Assessment:
        """Set (or clear) the answer to a reflection question (0 is the first)."""
        return self._set_text(wheel_id, "reflections", str(question_index), text)

    def _set_text(self, wheel_id: int, field_name: str, key: str, text: str) -> Assessment:
        """Set or clear one entry of a text mapping field."""

        def change(record: dict[str, Any]) -> dict[str, Any]:
            """Apply the text to a fresh copy of the record."""
            values = dict(record.get(field_name, {}))
            if text.strip():
                values[key] = text
            else:
                values.pop(key, None)
            return {**record, field_name: values, "updated": now_iso()}

        return Assessment.from_record(self._records.mutate(wheel_id, change))

    def rename(self, wheel_id: int, label: str) -> Assessment:
        """Give a wheel a new label."""
        return Assessment.from_record(
            self._records.mutate(wheel_id, lambda r: {**r, "label": label.strip() or r.get("label", ""), "updated": now_iso()})
        )

    def export_documents(self) -> list[dict[str, Any]]:
        """Every wheel in its exchange form, oldest first (the reverse of :meth:`list`), read straight
        from the stored records: exporting thousands of wheels builds no :class:`Assessment`."""
        from tui.core.exchange.wheels import stored_document

        order_key = self.order_key
        stored = sorted(self._records.stored_items(), key=lambda item: (order_key(item[1]), item[0]))
        return [stored_document(record) for _, record in stored]

    def import_fingerprints(self) -> Fingerprints:
        """What an import's check compares its wheels with: the stored wheels created at the same time.

        Two wheels are the same import only if their fingerprints (see
        :func:`~tui.core.exchange.wheels.wheel_fingerprint`) agree, and the fingerprint includes
        the creation time; so only the stored wheels of that creation time, found in a lookup kept
        with the data (made in one pass after the file is read, kept up to date by this process's
        writes), are fingerprinted, never every stored wheel for every file.
        """
        from tui.core.exchange import Fingerprints
        from tui.core.exchange.wheels import wheel_fingerprint

        by_created: dict[str, tuple[int, ...]] = self._records.derived("by-created", _by_created, _by_created_after)[0]

        def candidates(wheel: Assessment) -> set[str]:
            """The fingerprints of the stored wheels created when ``wheel`` was."""
            found = (self.get(record_id) for record_id in by_created.get(wheel.created, ()))
            return {wheel_fingerprint(stored) for stored in found if stored is not None}

        return Fingerprints(candidates)

    def trend_wheels(self, framework_id: str, limit: int = TREND_WHEELS) -> tuple[int, list[Assessment]]:
        """How many wheels the framework has, and its latest ``limit`` wheels oldest first (only those are built)."""
        ids = self.ordered_ids(framework_id)
        return len(ids), self.page(list(reversed(ids[:limit])))

    def saved_work(self) -> list[SavedWork]:
        """The wheels as lines of the home screen's work list, in id order (read straight from the records, kept until they change)."""
        lines: tuple[SavedWork, ...] = self._records.derived("saved-work", _saved_work)
        return list(lines)

    def recent_work(self, limit: int) -> tuple[list[SavedWork], int]:
        """The ``limit`` most recently changed wheels as work lines, newest first, and how many wheels there are.

        The same lines, in the same order, as the newest ``limit`` of :meth:`saved_work`, but only
        those are made: the home screen's first drawing at 10,000 wheels does not build 10,000
        lines to show 30. Kept until the table changes.
        """
        lines: tuple[SavedWork, ...] = self._records.derived(f"recent-work-{limit}", partial(_recent_work, limit=limit))
        return list(lines), self._records.count()



def _saved_work(records: Mapping[str, Mapping[str, Any]], newest_first: bool = False) -> tuple[SavedWork, ...]:
    """Each stored wheel as a line of the home screen's work list, in id order (or as given, ``newest_first``)."""
    ordered = records.items() if newest_first else sorted(records.items(), key=lambda item: int(item[0]))
    return tuple(
        SavedWork("wheel", int(key), str(r.get("label", "")), str(r.get("updated", "")),
                  detail=str(r.get("person", "")), framework_id=str(r.get("framework_id", "")))
        for key, r in ordered
    )


def _recent_work(records: Mapping[str, Mapping[str, Any]], limit: int) -> tuple[SavedWork, ...]:
    """The ``limit`` most recently changed wheels' work lines, newest first (of equal times, the lower id first).

    The heap compares (change time, id reversed, key) triples made in C, with no Python call per
    wheel (at 50,000 wheels: about 10 ms, against 40 ms with a key function).
    """
    keys = list(records)
    changed = map(str, map(methodcaller("get", "updated", ""), records.values()))  # as the lines show it
    ids_reversed = map(neg, map(int, keys))
    newest = heapq.nlargest(limit, zip(changed, ids_reversed, keys))
    return _saved_work({key: records[key] for _, _, key in newest}, newest_first=True)


ByCreated = tuple[dict[str, tuple[int, ...]], dict[str, str]]
"""The wheels' ids by creation time, and each record key's creation time (to move it when it changes)."""


def _by_created(records: Mapping[str, dict[str, Any]]) -> ByCreated:
    """Every stored wheel's id under its creation time (as :meth:`Assessment.from_record` reads it)."""
    grouped: dict[str, list[int]] = {}
    created_of: dict[str, str] = {}
    for key, record in records.items():
        created = created_of[key] = str(record.get("created", ""))
        grouped.setdefault(created, []).append(int(key))
    return {created: tuple(ids) for created, ids in grouped.items()}, created_of


def _by_created_after(index: ByCreated, records: Mapping[str, dict[str, Any]],
                      changes: Mapping[str, dict[str, Any] | None]) -> ByCreated:
    """:func:`_by_created` after a write of ``changes``: the same object when no creation time moved
    (a rating changed), else new dicts (a reader may hold the old ones)."""
    by_created, created_of = index
    moved = {key: record for key, record in changes.items()
             if record is None or created_of.get(key) != str(record.get("created", ""))}
    if not moved:
        return index
    by_created, created_of = dict(by_created), dict(created_of)
    for key, record in moved.items():
        old = created_of.pop(key, None)
        if old is not None:
            rest = tuple(i for i in by_created.get(old, ()) if i != int(key))
            if rest:
                by_created[old] = rest
            else:
                by_created.pop(old, None)
        if record is not None:
            created = created_of[key] = str(record.get("created", ""))
            by_created[created] = (*by_created.get(created, ()), int(key))
    return by_created, created_of
