"""Wheels (assessments): the dated, labelled ratings a person keeps, and the rule of a rating change.

An assessment stores ``ratings[area_id][series_id] = value``; an area or a
series that is missing is "not rated", which is different from 0. Ratings are
kept even when the framework file later loses the area, so nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any, Protocol

from tui.core.model import Framework

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

    def with_rating(self, area_id: str, series_id: str, value: int | None, updated: str = "") -> Assessment:
        """This wheel with one rating set (or cleared, with None); every other rating as it was.

        ``updated`` stamps the change (empty keeps the current stamp). This is the one place a
        rating change is made: the rating screen draws with it and the repository stores with it.
        """
        ratings = {a: dict(v) for a, v in self.ratings.items()}
        cell = ratings.setdefault(area_id, {})
        if value is None:
            cell.pop(series_id, None)
            if not cell:
                ratings.pop(area_id)
        else:
            cell[series_id] = value
        return replace(self, ratings=ratings, updated=updated or self.updated)

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


def check_rating(framework: Framework, area_id: str, series_id: str, value: int | None) -> None:
    """Raise RatingError unless (area, series) belong to ``framework`` and ``value`` is on its scale (or None)."""
    if framework.area(area_id) is None or series_id not in framework.series_ids:
        raise RatingError(f"'{area_id}'/'{series_id}' is not an area and series of {framework.title}")
    if value is not None and not framework.scale.contains(value):
        raise RatingError(f"{value} is off the scale ({framework.scale.min} to {framework.scale.max})")


class AddsWheels(Protocol):
    """Somewhere complete wheels can be stored (the wheels repository, for demo data)."""

    def add(self, wheel: Assessment) -> Assessment:
        """Store ``wheel`` as a new record and return it with its id."""
        ...


DEMO_WHEELS = (
    ("Example: before my 1:1 (spring)", 150, (4, 6, 5), (-1, 1, 0, 1, -2, 2, 0, 1), (3, 1, 2, 2, 3, 1, 2, 1), (1, 2, 0, 1, 3, 0, 2, 1)),
    ("Example: six months on", 20, (6, 7, 6), (-1, 1, 0, 1, -1, 2, 0, 1), (2, 1, 1, 1, 2, 1, 1, 1), (1, 1, 0, 1, 2, 0, 1, 1)),
)
"""Two example wheels, a few months apart: label, days ago, base values and per-area offsets."""


def add_demo_wheels(repo: AddsWheels, framework: Framework | None) -> list[Assessment]:
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


TREND_WHEELS = 30
"""The most wheels a trend shows: the latest ones of the framework (oldest first)."""


@dataclass(frozen=True)
class SeriesTrend:
    """One series of one area across a framework's wheels, oldest first (None: not rated in that wheel)."""

    series_id: str
    letter: str
    values: tuple[int | None, ...]

    @property
    def rated(self) -> tuple[int, ...]:
        """The values that were rated, oldest first (what a sparkline draws)."""
        return tuple(value for value in self.values if value is not None)

    @property
    def change_text(self) -> str:
        """The first and the latest rated value, ``4→8`` (one value: ``6``; none: ``·``)."""
        rated = self.rated
        if not rated:
            return "·"
        return str(rated[0]) if len(rated) == 1 else f"{rated[0]}→{rated[-1]}"


@dataclass(frozen=True)
class AreaTrend:
    """One area's course across a framework's wheels: a trend per series."""

    area_id: str
    label: str
    series: tuple[SeriesTrend, ...]


def area_trends(framework: Framework, wheels: list[Assessment]) -> tuple[AreaTrend, ...]:
    """Each area's values per series across ``wheels`` (given oldest first), in wheel order."""
    return tuple(
        AreaTrend(area.id, f"{area.code or ''} {area.label}".strip(), tuple(
            SeriesTrend(series.id, letter, tuple(wheel.rating(area.id, series.id) for wheel in wheels))
            for series, letter in zip(framework.series, framework.series_letters)))
        for area in framework.areas
    )
