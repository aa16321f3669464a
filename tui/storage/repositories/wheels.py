"""Where wheels (assessments) are stored: the ``assessments`` table."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core.model import Framework, SavedWork
from tui.core.wheels import TABLE, Assessment, check_rating, now_iso
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

    def import_fingerprints(self) -> Fingerprints:
        """The import fingerprint of every stored wheel (see :func:`~tui.core.exchange.wheels.wheel_fingerprint`).

        From a lookup kept with the data: each wheel is fingerprinted once after the file is read,
        and this process's writes bring it up to date one changed wheel at a time.
        """
        from tui.core.exchange import Fingerprints

        by_key: dict[str, str] = self._records.derived("import-fingerprints", _fingerprints, _refingerprinted)
        return Fingerprints(frozenset(by_key.values()))

    def saved_work(self) -> list[SavedWork]:
        """The wheels as lines of the home screen's work list (read straight from the records: fast)."""
        return [
            SavedWork("wheel", r["id"], str(r.get("label", "")), str(r.get("updated", "")),
                      detail=str(r.get("person", "")), framework_id=str(r.get("framework_id", "")))
            for r in self._records.all()
        ]


def _fingerprints(records: Mapping[str, dict[str, Any]]) -> dict[str, str]:
    """Record key -> the wheel's import fingerprint, for every stored wheel."""
    from tui.core.exchange.wheels import record_fingerprint

    return {key: record_fingerprint(int(key), record) for key, record in records.items()}


def _refingerprinted(by_key: dict[str, str], records: Mapping[str, dict[str, Any]],
                     changes: Mapping[str, dict[str, Any] | None]) -> dict[str, str]:
    """:func:`_fingerprints` after a write of ``changes``, as a new dict (the old one may be in use)."""
    from tui.core.exchange.wheels import record_fingerprint

    found = dict(by_key)
    for key, record in changes.items():
        if record is None:
            found.pop(key, None)
        else:
            found[key] = record_fingerprint(int(key), record)
    return found
