"""Wheels (assessments): the dated, labelled ratings a person keeps, and their repository.

An assessment stores ``ratings[area_id][series_id] = value``; an area or a
series that is missing is "not rated", which is different from 0. Ratings are
kept even when the framework file later loses the area, so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

from tui.core.model import Framework, SavedWork
from tui.storage.records import RecordRepository

TABLE = "assessments"
"""The database table of wheels."""


def now_iso() -> str:
    """The current time as an ISO 8601 timestamp with its UTC offset (seconds)."""
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


@dataclass(frozen=True)
class Assessment:
    """One wheel: a dated snapshot of ratings, notes and reflection answers."""

    id: int
    framework_id: str
    framework_version: str
    label: str
    created: str
    updated: str
    person: str = ""
    ratings: dict[str, dict[str, int]] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    reflections: dict[str, str] = field(default_factory=dict)
    """Answers keyed by the question's index as text ("0" is the first question)."""

    def rating(self, area_id: str, series_id: str) -> int | None:
        """The value given, or None when not rated."""
        return self.ratings.get(area_id, {}).get(series_id)

    def rated_count(self, framework: Framework) -> int:
        """How many (area, series) cells of the framework are rated."""
        return sum(1 for a in framework.areas for s in framework.series if self.rating(a.id, s.id) is not None)

    def completeness(self, framework: Framework) -> float:
        """Share of the framework's cells that are rated, 0.0 to 1.0."""
        cells = len(framework.areas) * len(framework.series)
        return self.rated_count(framework) / cells if cells else 0.0

    def unplaced_ratings(self, framework: Framework) -> dict[str, dict[str, int]]:
        """Ratings of areas or series the framework no longer has (kept, shown apart)."""
        areas, series = set(framework.area_ids), set(framework.series_ids)
        unplaced: dict[str, dict[str, int]] = {}
        for area_id, values in self.ratings.items():
            for series_id, value in values.items():
                if area_id not in areas or series_id not in series:
                    unplaced.setdefault(area_id, {})[series_id] = value
        return unplaced

    def to_record(self) -> dict[str, Any]:
        """The stored form (the id is the record id, not stored)."""
        return {
            "framework_id": self.framework_id, "framework_version": self.framework_version,
            "label": self.label, "person": self.person, "created": self.created, "updated": self.updated,
            "ratings": self.ratings, "notes": self.notes, "reflections": self.reflections,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Assessment:
        """Build from a stored record (tolerant of missing optional fields)."""
        return cls(
            id=int(record["id"]), framework_id=str(record.get("framework_id", "")),
            framework_version=str(record.get("framework_version", "")), label=str(record.get("label", "")),
            created=str(record.get("created", "")), updated=str(record.get("updated", record.get("created", ""))),
            person=str(record.get("person", "")),
            ratings={a: dict(v) for a, v in dict(record.get("ratings", {})).items()},
            notes=dict(record.get("notes", {})), reflections=dict(record.get("reflections", {})),
        )


class RatingError(ValueError):
    """A rating that cannot be stored (off the scale, unknown area or series); nothing was changed."""


class AssessmentRepository(RecordRepository[Assessment]):
    """Create, read and change wheels; every change is saved at once."""

    TABLE = TABLE
    ORDER_BY = "created"

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
        if framework.area(area_id) is None or series_id not in framework.series_ids:
            raise RatingError(f"'{area_id}'/'{series_id}' is not an area and series of {framework.title}")
        if value is not None and not framework.scale.contains(value):
            raise RatingError(f"{value} is off the scale ({framework.scale.min} to {framework.scale.max})")

        def change(record: dict[str, Any]) -> dict[str, Any]:
            """Apply the rating to a fresh copy of the record."""
            ratings = {a: dict(v) for a, v in record.get("ratings", {}).items()}
            cell = ratings.setdefault(area_id, {})
            if value is None:
                cell.pop(series_id, None)
                if not cell:
                    ratings.pop(area_id)
            else:
                cell[series_id] = value
            return {**record, "ratings": ratings, "updated": now_iso()}

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

    def saved_work(self) -> list[SavedWork]:
        """The wheels as lines of the home screen's work list (read straight from the records: fast)."""
        return [
            SavedWork("wheel", r["id"], str(r.get("label", "")), str(r.get("updated", "")),
                      detail=str(r.get("person", "")), framework_id=str(r.get("framework_id", "")))
            for r in self._records.all()
        ]


DEMO_WHEELS = (
    ("Example: before my 1:1 (spring)", 150, (4, 6, 5), (-1, 1, 0, 1, -2, 2, 0, 1), (3, 1, 2, 2, 3, 1, 2, 1), (1, 2, 0, 1, 3, 0, 2, 1)),
    ("Example: six months on", 20, (6, 7, 6), (-1, 1, 0, 1, -1, 2, 0, 1), (2, 1, 1, 1, 2, 1, 1, 1), (1, 1, 0, 1, 2, 0, 1, 1)),
)
"""Two example wheels, a few months apart: label, days ago, base values and per-area offsets."""


def add_demo_wheels(repo: AssessmentRepository, framework: Framework | None) -> list[Assessment]:
    """Store the two example wheels (labelled as examples) for ``framework`` (none when not loaded); for ``--demo``."""
    from datetime import timedelta

    added: list[Assessment] = []
    if framework is None:
        return added
    scale = framework.scale
    for label, days_ago, base, shift, wish, need in DEMO_WHEELS:
        stamp = (datetime.now(timezone.utc) - timedelta(days=days_ago)).astimezone().isoformat(timespec="seconds")
        ratings: dict[str, dict[str, int]] = {}
        for i, area in enumerate(framework.areas):
            now = base[0] + shift[i % len(shift)]
            values = (now, now + wish[i % len(wish)], now + need[i % len(need)])
            ratings[area.id] = {
                s.id: max(scale.min, min(scale.max, v)) for s, v in zip(framework.series, values)
            }
        notes = {framework.areas[0].id: "Example note: ask about the mentoring scheme."}
        wheel = Assessment(
            id=0, framework_id=framework.id, framework_version=framework.version, label=label,
            created=stamp, updated=stamp, person="example", ratings=ratings, notes=notes,
        )
        added.append(repo.add(wheel))
    return added
