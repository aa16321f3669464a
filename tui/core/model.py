"""Plain data of framewheel: frameworks and the records people keep about them.

Nothing here knows about files, TinyDB or Textual; every class is an immutable
(or easily copied) dataclass that the loader, the repositories and the screens
pass between them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

FRAMEWORK_SCHEMA = "framewheel/framework@1"
"""The format name and version every framework file declares."""

ASSESSMENT_FORMAT = "framewheel/assessment@1"
"""The format name and version of an exported wheel (exchange file)."""


@dataclass(frozen=True)
class Value:
    """One of the framework's values (for AHEP: Credible, Inclusive ...)."""

    id: str
    title: str
    description: str = ""


@dataclass(frozen=True)
class Level:
    """A level of the framework, from the first to the most senior."""

    id: str
    title: str
    summary: tuple[str, ...] = ()


@dataclass(frozen=True)
class Area:
    """One area of the framework (a commitment, principle, theme or behaviour)."""

    id: str
    title: str
    code: str | None = None
    short: str | None = None
    encompasses: str | None = None
    description: str = ""
    exemplars: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The short label used on the wheel (the short title, else the title)."""
        return self.short or self.title

    @property
    def heading(self) -> str:
        """The title with its display code in front, e.g. ``1. Working Together``."""
        return f"{self.code}. {self.title}" if self.code else self.title


@dataclass(frozen=True)
class Scale:
    """The rating scale of the wheel; the centre is ``min`` and the edge ``max``."""

    min: int = 0
    max: int = 10
    labels: Mapping[int, str] = field(
        default_factory=lambda: {0: "Not at all confident", 10: "Extremely confident"}
    )

    def contains(self, value: object) -> bool:
        """True when ``value`` is a whole number on this scale (booleans are not)."""
        return isinstance(value, int) and not isinstance(value, bool) and self.min <= value <= self.max


@dataclass(frozen=True)
class Series:
    """One shape drawn on the wheel (now, would like, organisation needs)."""

    id: str
    title: str


DEFAULT_SERIES: tuple[Series, ...] = (
    Series("current", "How confident I feel now"),
    Series("aspiration", "Where I would like to be"),
    Series("organisation", "Where my organisation needs me to be"),
)
"""The three shapes of the guide's wheel activity, used when a file names none."""


@dataclass(frozen=True)
class GuidanceSection:
    """A titled Markdown section of hints and tips."""

    title: str
    body: str


@dataclass(frozen=True)
class Role:
    """A role profile: the rating or level expected in each area."""

    id: str
    title: str
    targets: Mapping[str, int | str] = field(default_factory=dict)


@dataclass(frozen=True)
class Framework:
    """A whole framework as loaded from one YAML file."""

    id: str
    title: str
    version: str
    areas: tuple[Area, ...]
    publisher: str = ""
    source: str = ""
    description: str = ""
    area_name: str = "area"
    values: tuple[Value, ...] = ()
    levels: tuple[Level, ...] = ()
    scale: Scale = field(default_factory=Scale)
    series: tuple[Series, ...] = DEFAULT_SERIES
    reflection: tuple[str, ...] = ()
    guidance: tuple[GuidanceSection, ...] = ()
    team_questions: tuple[str, ...] = ()
    """Questions for a team to discuss one area (the ranking screen shows them; none when the file names none)."""
    roles: tuple[Role, ...] = ()
    path: str = ""
    """Where the framework was loaded from (empty for one built in code)."""

    def area(self, area_id: str) -> Area | None:
        """The area with this id, or None."""
        return next((area for area in self.areas if area.id == area_id), None)

    def level(self, level_id: str) -> Level | None:
        """The level with this id, or None."""
        return next((level for level in self.levels if level.id == level_id), None)

    def level_index(self, level_id: str) -> int:
        """Position of a level from the first (0); -1 when unknown."""
        for index, level in enumerate(self.levels):
            if level.id == level_id:
                return index
        return -1

    @property
    def area_ids(self) -> tuple[str, ...]:
        """The area ids in wheel order."""
        return tuple(area.id for area in self.areas)

    @property
    def series_ids(self) -> tuple[str, ...]:
        """The series ids in drawing order."""
        return tuple(series.id for series in self.series)

    @property
    def area_word(self) -> str:
        """What one area is called, capitalised for headings (e.g. ``Commitment``)."""
        return self.area_name[:1].upper() + self.area_name[1:]


@dataclass(frozen=True)
class SavedWork:
    """One line of the home screen's "Your work" list: something a person saved."""

    kind: str
    """What it is, e.g. ``wheel`` or ``action plan``; activities register their own kinds."""
    record_id: int
    title: str
    updated: str
    """When it last changed, as an ISO 8601 timestamp."""
    detail: str = ""
    framework_id: str = ""
