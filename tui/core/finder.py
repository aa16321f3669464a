"""The level finder: exemplars marked "consistently", "sometimes" or "not yet", and the level they point to.

The rule (also in the README and the finder's F1 help):

* In one area, a level is **reached** when more than half of its exemplars in
  that area are marked *consistently* (1 of 1, 2 of 2, 2 of 3, 3 of 4, 3 of 5)
  and every lower level that has exemplars in the area is reached too.
  *Sometimes* and *not yet* do not count towards reaching a level. A level with
  no exemplars in the area is skipped: it neither helps nor blocks.
* The area's level is the highest level reached (none when the first is not).
* The **overall best fit** is the highest level that at least half of the
  marked areas (areas with at least one mark) reach.
* The **next steps** in an area are the exemplars of the first level above the
  area's level that are not yet marked *consistently*.

Records are dated like wheels; :meth:`tui.storage.repositories.finder.FinderRepository.latest_levels` gives the
latest derived level of each area (for showing beside a wheel).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from tui.core.model import Area, Framework, Level

TABLE = "finder"
"""The database table of level-finder records."""

KIND = "level finder"
"""The kind of saved work shown on the home screen."""

CONSISTENTLY, SOMETIMES, NOT_YET = "consistently", "sometimes", "not-yet"
"""The three marks an exemplar can have (unmarked is the absence of a mark)."""

MARKS = (CONSISTENTLY, SOMETIMES, NOT_YET)
"""Every mark, strongest first."""

MARK_LABELS = {CONSISTENTLY: "consistently", SOMETIMES: "sometimes", NOT_YET: "not yet"}
"""How each mark is written for people."""

MARK_SYMBOLS = {CONSISTENTLY: "[C]", SOMETIMES: "[S]", NOT_YET: "[X]", None: "[ ]"}
"""Letters shown beside an exemplar, so that a mark reads without colour."""


class FinderError(ValueError):
    """A mark that cannot be stored (unknown area, level, exemplar or mark); nothing was changed."""


def mark_key(level_id: str, index: int) -> str:
    """The stored key of one exemplar within its area: ``level-id/index``."""
    return f"{level_id}/{index}"


@dataclass(frozen=True)
class FinderRecord:
    """One dated level-finder session: marks and evidence notes per area and exemplar."""

    id: int
    framework_id: str
    framework_version: str
    label: str
    created: str
    updated: str
    marks: dict[str, dict[str, str]] = field(default_factory=dict)
    """``marks[area_id][mark_key(level_id, index)]`` is one of :data:`MARKS`."""
    notes: dict[str, dict[str, str]] = field(default_factory=dict)
    """Evidence notes, keyed like ``marks``."""

    def mark(self, area_id: str, level_id: str, index: int) -> str | None:
        """The mark of one exemplar, or None when unmarked."""
        return self.marks.get(area_id, {}).get(mark_key(level_id, index))

    def note(self, area_id: str, level_id: str, index: int) -> str:
        """The evidence note of one exemplar ('' when none)."""
        return self.notes.get(area_id, {}).get(mark_key(level_id, index), "")

    def marked_count(self) -> int:
        """How many exemplars carry a mark."""
        return sum(len(marks) for marks in self.marks.values())

    def to_record(self) -> dict[str, Any]:
        """The stored form (the id is the record id, not stored)."""
        return {
            "framework_id": self.framework_id, "framework_version": self.framework_version, "label": self.label,
            "created": self.created, "updated": self.updated, "marks": self.marks, "notes": self.notes,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> FinderRecord:
        """Build from a stored record (tolerant of missing optional fields)."""
        return cls(
            id=int(record["id"]), framework_id=str(record.get("framework_id", "")),
            framework_version=str(record.get("framework_version", "")), label=str(record.get("label", "")),
            created=str(record.get("created", "")), updated=str(record.get("updated", record.get("created", ""))),
            marks={a: dict(v) for a, v in dict(record.get("marks", {})).items()},
            notes={a: dict(v) for a, v in dict(record.get("notes", {})).items()},
        )


@dataclass(frozen=True)
class LevelCount:
    """How many of a level's exemplars in one area are marked consistently."""

    level: Level
    consistently: int
    total: int

    @property
    def reached_alone(self) -> bool:
        """More than half consistently (the level's own test, lower levels aside)."""
        return self.total > 0 and self.consistently * 2 > self.total


@dataclass(frozen=True)
class AreaResult:
    """The level an area's marks point to, why, and what comes next."""

    area: Area
    level: Level | None
    counts: tuple[LevelCount, ...]
    next_level: Level | None
    next_steps: tuple[str, ...]
    marked: int

    @property
    def reason(self) -> str:
        """E.g. ``Accredited Member: 3 of 3 consistently at Member, 2 of 3 at Accredited Member``."""
        head = self.level.title if self.level else "No level yet"
        shown = [c for c in self.counts if self.next_level is None or self._position(c.level) <= self._position(self.next_level)]
        parts = [f"{c.consistently} of {c.total}{' consistently' if i == 0 else ''} at {c.level.title}" for i, c in enumerate(shown)]
        if not parts:
            return "No exemplar statements here, so this area points to no level"
        return f"{head}: {', '.join(parts)}"

    def _position(self, level: Level) -> int:
        """Where ``level`` comes among this area's counted levels."""
        return next(i for i, c in enumerate(self.counts) if c.level.id == level.id)


@dataclass(frozen=True)
class FinderResult:
    """Every area's result and the overall best fit."""

    areas: tuple[AreaResult, ...]
    overall: Level | None
    marked_areas: int
    reaching: int
    """How many marked areas reach the overall level (or above)."""

    @property
    def reason(self) -> str:
        """E.g. ``Member: 5 of 8 marked commitments at Member or above (at least half needed)``."""
        if not self.marked_areas:
            return "No marks yet: mark the exemplars of an area to find its level."
        if self.overall is None:
            return f"No level yet: fewer than half of the {self.marked_areas} marked areas reach the first level."
        return f"{self.overall.title}: {self.reaching} of {self.marked_areas} marked areas at {self.overall.title} or above (at least half needed)"

    def area(self, area_id: str) -> AreaResult | None:
        """The result of one area, or None."""
        return next((r for r in self.areas if r.area.id == area_id), None)


def area_result(framework: Framework, area: Area, record: FinderRecord | None) -> AreaResult:
    """Apply the rule to one area."""
    counts: list[LevelCount] = []
    for level in framework.levels:
        exemplars = area.exemplars.get(level.id, ())
        if not exemplars:
            continue
        consistent = sum(1 for i in range(len(exemplars)) if record and record.mark(area.id, level.id, i) == CONSISTENTLY)
        counts.append(LevelCount(level, consistent, len(exemplars)))
    reached: Level | None = None
    next_count: LevelCount | None = None
    for count in counts:
        if not count.reached_alone:
            next_count = count
            break
        reached = count.level
    steps: tuple[str, ...] = ()
    if next_count is not None:
        items = area.exemplars.get(next_count.level.id, ())
        steps = tuple(t for i, t in enumerate(items) if not record or record.mark(area.id, next_count.level.id, i) != CONSISTENTLY)
    marked = len(record.marks.get(area.id, {})) if record else 0
    return AreaResult(area, reached, tuple(counts), next_count.level if next_count else None, steps, marked)


def unusable_reason(framework: Framework) -> str | None:
    """Why the level finder cannot be used with ``framework``, in a sentence; None when it can."""
    if not framework.levels:
        return (f"The level finder cannot be used with {framework.title}: it has no levels. "
                "The finder points to a level from your marks on each level's exemplar statements.")
    if not any(area.exemplars.get(level.id) for area in framework.areas for level in framework.levels):
        return (f"The level finder cannot be used with {framework.title}: it has levels but no exemplar statements. "
                "The finder points to a level from your marks on each level's exemplar statements.")
    return None


def derive(framework: Framework, record: FinderRecord | None) -> FinderResult:
    """Apply the rule to every area and find the overall best fit."""
    results = tuple(area_result(framework, area, record) for area in framework.areas)
    marked = [r for r in results if r.marked]
    overall: Level | None = None
    reaching = 0
    for position, level in enumerate(framework.levels):
        at_or_above = sum(1 for r in marked if r.level is not None and framework.level_index(r.level.id) >= position)
        if marked and at_or_above * 2 >= len(marked) and at_or_above > 0:
            overall, reaching = level, at_or_above
    return FinderResult(results, overall, len(marked), reaching)


class AddsFinderRecords(Protocol):
    """Somewhere complete level-finder records can be stored (the finder repository, for demo data)."""

    def add(self, record: FinderRecord) -> FinderRecord:
        """Store ``record`` as a new one and return it with its id."""
        ...


def add_demo_finder(repo: AddsFinderRecords, framework: Framework) -> FinderRecord | None:
    """One example record: a person around Member, reaching Accredited Member in two areas."""
    if not framework.levels:
        return None
    stamp = "2026-11-20T09:30:00+00:00"
    record = FinderRecord(0, framework.id, framework.version, "Example: before my 1:1 (level finder)", stamp, stamp)
    for position, area in enumerate(framework.areas):
        reach = 2 if position in (0, 3) else 1
        for rank, level in enumerate(framework.levels):
            for index, _text in enumerate(area.exemplars.get(level.id, ())):
                if rank < reach or (rank == reach and index < 2):
                    mark = CONSISTENTLY
                elif rank <= reach + 1 and index < 1:
                    mark = SOMETIMES
                else:
                    mark = NOT_YET
                record.marks.setdefault(area.id, {})[mark_key(level.id, index)] = mark
    first = framework.areas[0]
    if framework.levels[0].id in first.exemplars:
        record.notes[first.id] = {mark_key(framework.levels[0].id, 0): "Set goals with my manager in my last review."}
    return repo.add(record)
