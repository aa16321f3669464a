"""Plain data of framewheel: frameworks and the records people keep about them.

Nothing here knows about files, TinyDB or Textual; every class is an immutable
(or easily copied) dataclass that the loader, the repositories and the screens
pass between them.
"""

from __future__ import annotations

import re
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
    auto_short: str | None = None
    """The wheel label derived from the title when the file gives no ``short``: filled in by
    the loader, at most 18 characters and distinct within the framework (:mod:`tui.core.labels`)."""

    @property
    def label(self) -> str:
        """The label used on the wheel: the short title, else the one derived from the title.

        Every user of an area's label (charts, sliders, reports, CSV) reads it here, so a long
        title never reaches the wheel whole.
        """
        from tui.core.labels import derive_label  # imported here so that Area's edits stay within Area

        return self.short or self.auto_short or derive_label(self.title)

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

    @property
    def points(self) -> int:
        """How many values the scale has (``min`` to ``max`` inclusive)."""
        return self.max - self.min + 1

    @property
    def midpoint(self) -> float:
        """The middle of the scale (5 on 0-10, 3 on 1-5, 2.5 on 0-5); strengths are above it."""
        return (self.min + self.max) / 2

    def named(self, value: int) -> str:
        """A value with its label when it has one: ``3 Practitioner``, else ``3``."""
        label = self.labels.get(value, "")
        return f"{value} {label}" if label else str(value)

    def ends(self) -> str:
        """The two ends with their labels: ``1 Aware … 5 Expert``."""
        return f"{self.named(self.min)} … {self.named(self.max)}"

    def summary(self) -> str:
        """The ends, and any labels between them: ``1 Aware … 5 Expert (also 3 Practitioner)``."""
        middle = [self.named(value) for value in sorted(self.labels) if self.min < value < self.max]
        return self.ends() + (f" (also {', '.join(middle)})" if middle else "")

    def hint(self, value: int | None) -> str:
        """What a slider's value means: ``3 · Practitioner`` where it has a label, else the ends."""
        if value is not None and self.labels.get(value):
            return f"{value} · {self.labels[value]}"
        return self.ends()


@dataclass(frozen=True)
class Series:
    """One shape drawn on the wheel (now, would like, organisation needs).

    ``letter`` marks the shape in text and charts (empty: derived, see :func:`series_letters`);
    ``baseline`` marks the series the others are compared with (none marked: the first).
    """

    id: str
    title: str
    letter: str = ""
    baseline: bool = False


DEFAULT_LETTERS: Mapping[str, str] = {"current": "N", "aspiration": "W", "organisation": "O"}
"""The letters of the guide's three series ids (now, would like, organisation)."""

MAX_SERIES = 5
"""The most series a framework may have."""

MIN_SCALE_POINTS, MAX_SCALE_POINTS = 2, 21
"""The fewest and most values a scale may have (``max - min + 1``)."""


def series_letters(series: tuple[Series, ...]) -> tuple[str, ...]:
    """The letter of each series, in order.

    A series' own ``letter`` is kept; otherwise the guide's ids get N, W and O, and any other
    series the first letter of its title's words not yet taken (upper-cased), then the first
    free letter A-Z or digit.
    """
    taken = {s.letter for s in series if s.letter}
    letters: list[str] = []
    for item in series:
        letter = item.letter
        if not letter:
            words = [w for w in re.split(r"[^0-9A-Za-z]+", item.title) if w]
            candidates = [DEFAULT_LETTERS.get(item.id, "")] + [w[0].upper() for w in words]
            candidates += list("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            letter = next(c for c in candidates if c and c not in taken)
            taken.add(letter)
        letters.append(letter)
    return tuple(letters)


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
    based_on: str = ""
    """``ID@VERSION`` of the framework this one is a tailored copy of (empty when it is not one)."""

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
    def series_letters(self) -> tuple[str, ...]:
        """The letter of each series in drawing order (see :func:`series_letters`)."""
        return series_letters(self.series)

    @property
    def baseline(self) -> Series:
        """The series the others are compared with: the one marked ``baseline``, else the first."""
        return next((s for s in self.series if s.baseline), self.series[0])

    def series_letter(self, series_id: str) -> str:
        """The letter of the series with this id (the id itself when unknown)."""
        return dict(zip(self.series_ids, self.series_letters)).get(series_id, series_id)

    @property
    def area_word(self) -> str:
        """What one area is called, capitalised for headings (e.g. ``Commitment``)."""
        return self.area_name[:1].upper() + self.area_name[1:]

    @property
    def area_plural(self) -> str:
        """What several areas are called (``commitments``, ``capabilities``)."""
        return plural_noun(self.area_name)

    @property
    def area_words(self) -> str:
        """What several areas are called, capitalised for headings (``Capabilities``)."""
        return plural_noun(self.area_word)


def plural_noun(noun: str) -> str:
    """The English plural of a one-word noun: ``capability`` -> ``capabilities``, ``process`` -> ``processes``."""
    lower = noun.lower()
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return noun[:-1] + ("IES" if noun.isupper() else "ies")
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return noun + "es"
    return noun + "s"


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
