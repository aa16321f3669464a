"""The institution's view: its development activities and values mapped to a framework, and the coverage.

An institution keeps a catalogue of its development activities (courses, events, mentoring
schemes, network forums), each serving some of a framework's areas at some of its levels (or
at no particular level), and a mapping of its own values to the framework's areas and values.
:func:`coverage` counts the activities in each area and level, the map of provision the guide
asks for ("Mapping of existing provision against the professional commitments ... To identify
gaps in provision"). No Textual, no storage here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from tui.core.model import Area, Framework
from tui.core.dates import iso_date

CATALOGUE_TABLE = "catalogue"
"""The table of development activities."""

VALUES_TABLE = "institution_values"
"""The table of the institution's values mapped to a framework."""

ANY_LEVEL = ""
"""The level of an activity that serves an area at no particular level."""

UNCOVERED = "× U"
"""How an area or level no activity covers is marked: a symbol and a letter, never colour alone."""

ONCE = "! 1"
"""How a cell covered by exactly one activity is marked in the coverage view's legend."""


class InstitutionError(ValueError):
    """An activity or value that cannot be kept (no title, an unknown area or level, a bad date)."""


Served = tuple[str, str]
"""(area id, level id), the level empty for an activity that serves the area at no particular level."""


@dataclass(frozen=True)
class DevelopmentActivity:
    """One of the institution's development activities: a course, an event, a mentoring scheme."""

    id: int
    framework_id: str
    title: str
    serves: tuple[Served, ...]
    """The areas (and levels) it serves, in the framework's order."""
    date: str = ""
    """When it runs (YYYY-MM-DD); empty for an ongoing scheme, counted in every date range."""
    provider: str = ""
    link: str = ""
    example: bool = False
    created: str = ""
    updated: str = ""

    @property
    def areas(self) -> tuple[str, ...]:
        """The area ids it serves, each once, in order."""
        return tuple(dict.fromkeys(area for area, _ in self.serves))

    def levels_for(self, area_id: str) -> tuple[str, ...]:
        """The level ids it serves in one area (ANY_LEVEL among them when it serves the area at any level)."""
        return tuple(level for area, level in self.serves if area == area_id)

    def serves_area(self, area_id: str, level_id: str = "") -> bool:
        """True when it serves the area; with a level, at that level or at no particular level."""
        levels = self.levels_for(area_id)
        if not levels:
            return False
        return not level_id or level_id in levels or ANY_LEVEL in levels

    def planned_text(self) -> str:
        """What a development plan's "planned activities" gets when the activity is chosen."""
        detail = ", ".join(part for part in (self.provider, self.date) if part)
        text = f"{self.title} ({detail})" if detail else self.title
        return f"{text} {self.link}" if self.link else text

    def to_record(self) -> dict[str, Any]:
        """The stored form."""
        return {"framework_id": self.framework_id, "title": self.title,
                "serves": [{"area": area, "level": level} for area, level in self.serves],
                "date": self.date, "provider": self.provider, "link": self.link, "example": self.example,
                "created": self.created, "updated": self.updated}

    @classmethod
    def from_record(cls, record: Mapping[str, Any], record_id: int = 0) -> DevelopmentActivity:
        """An activity from its stored form."""
        serves = tuple((str(s.get("area", "")), str(s.get("level", ""))) for s in record.get("serves", [])
                       if isinstance(s, Mapping))
        return cls(int(record.get("id", record_id) or record_id), str(record.get("framework_id", "")),
                   str(record.get("title", "")), serves, str(record.get("date", "")), str(record.get("provider", "")),
                   str(record.get("link", "")), record.get("example") is True, str(record.get("created", "")),
                   str(record.get("updated", "")))


@dataclass(frozen=True)
class InstitutionValue:
    """One of the institution's own values, mapped to the framework's areas and values."""

    id: int
    framework_id: str
    title: str
    description: str = ""
    areas: tuple[str, ...] = ()
    framework_values: tuple[str, ...] = ()
    example: bool = False
    created: str = ""
    updated: str = ""

    def to_record(self) -> dict[str, Any]:
        """The stored form."""
        return {"framework_id": self.framework_id, "title": self.title, "description": self.description,
                "areas": list(self.areas), "framework_values": list(self.framework_values), "example": self.example,
                "created": self.created, "updated": self.updated}

    @classmethod
    def from_record(cls, record: Mapping[str, Any], record_id: int = 0) -> InstitutionValue:
        """A value from its stored form."""
        return cls(int(record.get("id", record_id) or record_id), str(record.get("framework_id", "")),
                   str(record.get("title", "")), str(record.get("description", "")),
                   tuple(str(a) for a in record.get("areas", [])),
                   tuple(str(v) for v in record.get("framework_values", [])), record.get("example") is True,
                   str(record.get("created", "")), str(record.get("updated", "")))


# --- checks ----------------------------------------------------------------------------------


def parse_date(text: str) -> str:
    """A date as YYYY-MM-DD (empty stays empty); InstitutionError for anything else."""
    text = text.strip()
    if not text:
        return ""
    found = iso_date(text)
    if found is None:
        raise InstitutionError(f"'{text}' is not a date (YYYY-MM-DD, e.g. 2026-03-14)")
    return found


def find_area(framework: Framework, text: str) -> str | None:
    """The id of the area named by ``text``: its id, its code or its title (any case); None when none is."""
    wanted = text.strip().casefold()
    for area in framework.areas:
        if wanted in (area.id.casefold(), (area.code or "").casefold(), area.title.casefold()):
            return area.id
    return None


def find_level(framework: Framework, text: str) -> str | None:
    """The id of the level named by ``text`` (id or title, any case), ANY_LEVEL for empty; None when none is."""
    wanted = text.strip().casefold()
    if not wanted:
        return ANY_LEVEL
    return next((level.id for level in framework.levels if wanted in (level.id.casefold(), level.title.casefold())),
                None)


def find_value(framework: Framework, text: str) -> str | None:
    """The id of the framework value named by ``text`` (id or title, any case), or None."""
    wanted = text.strip().casefold()
    return next((value.id for value in framework.values if wanted in (value.id.casefold(), value.title.casefold())),
                None)


def area_choices(framework: Framework) -> str:
    """The area ids, for a message saying what would be accepted."""
    return ", ".join(area.id for area in framework.areas)


def level_choices(framework: Framework) -> str:
    """The level ids (or "none"), for a message."""
    return ", ".join(level.id for level in framework.levels) or "none: this framework has no levels; leave it empty"


def serve_problem(framework: Framework, area_id: str, level_id: str) -> str | None:
    """Why (area, level) cannot be served in this framework, or None."""
    if framework.area(area_id) is None:
        return f"'{area_id}' is not a {framework.area_name} of {framework.id} ({area_choices(framework)})"
    if level_id and framework.level(level_id) is None:
        return f"'{level_id}' is not a level of {framework.id} ({level_choices(framework)})"
    return None


def ordered_serves(framework: Framework, serves: Iterable[Served]) -> tuple[Served, ...]:
    """Each (area, level) once, in the framework's area order then level order (any level first)."""
    area_rank = {area.id: i for i, area in enumerate(framework.areas)}
    level_rank = {level.id: i + 1 for i, level in enumerate(framework.levels)}
    unique = dict.fromkeys(serves)
    return tuple(sorted(unique, key=lambda s: (area_rank.get(s[0], len(area_rank)), level_rank.get(s[1], 0), s)))


def check_activity(framework: Framework, title: str, serves: Sequence[Served], date: str = "",
                   link: str = "") -> list[str]:
    """Every reason the activity cannot be kept (empty when it can)."""
    problems = []
    if not title.strip():
        problems.append("an activity needs a title")
    if not serves:
        problems.append(f"an activity serves at least one {framework.area_name}")
    problems.extend(p for area, level in serves if (p := serve_problem(framework, area, level)))
    try:
        parse_date(date)
    except InstitutionError as error:
        problems.append(str(error))
    if any(c.isspace() for c in link.strip()):
        problems.append("a link has no spaces in it")
    return problems


def check_value(framework: Framework, title: str, areas: Sequence[str], framework_values: Sequence[str]) -> list[str]:
    """Every reason the institution value cannot be kept (empty when it can)."""
    problems = []
    if not title.strip():
        problems.append("a value needs a title")
    if not areas and not framework_values:
        problems.append(f"a value is mapped to at least one {framework.area_name} or framework value")
    problems.extend(f"'{a}' is not a {framework.area_name} of {framework.id}" for a in areas if framework.area(a) is None)
    known = {v.id for v in framework.values}
    problems.extend(f"'{v}' is not a value of {framework.id}" for v in framework_values if v not in known)
    return problems


def same_title(a: str, b: str) -> bool:
    """True when two titles name the same thing (spaces and case aside)."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def sorted_activities(activities: Iterable[DevelopmentActivity]) -> list[DevelopmentActivity]:
    """Dated activities first by date, then ongoing ones; each by title."""
    return sorted(activities, key=lambda a: (a.date == "", a.date, a.title.casefold(), a.id))


def values_for_area(values: Iterable[InstitutionValue], area_id: str) -> list[InstitutionValue]:
    """The institution's values mapped to one area."""
    return [value for value in values if area_id in value.areas]


def values_for_framework_value(values: Iterable[InstitutionValue], value_id: str) -> list[InstitutionValue]:
    """The institution's values mapped to one of the framework's values."""
    return [value for value in values if value_id in value.framework_values]


def activities_for(activities: Iterable[DevelopmentActivity], area_id: str, level_id: str = "",
                   today: str = "") -> list[DevelopmentActivity]:
    """The activities that serve an area (at the level, or at any level, when one is given).

    Those serving exactly the level come first; then ongoing and upcoming ones before past ones
    (when ``today`` is given), each by date.
    """
    found = [a for a in activities if a.serves_area(area_id, level_id)]

    def rank(activity: DevelopmentActivity) -> tuple[int, int, str, str]:
        """Exact level first; past activities last; then by date and title."""
        exact = 0 if level_id and level_id in activity.levels_for(area_id) else 1
        past = 1 if today and activity.date and activity.date < today else 0
        return (exact, past, activity.date or "9999", activity.title.casefold())

    return sorted(found, key=rank)


def area_label(area: Area) -> str:
    """"1. Empowering Professional Development" (the code, when the framework gives one, and the title)."""
    return f"{area.code}. {area.title}" if area.code else area.title


def serves_text(framework: Framework, activity: DevelopmentActivity) -> str:
    """"1 Empowering ... (Associate, Member); 3 Working together (any level)"."""
    parts = []
    for area_id in activity.areas:
        area = framework.area(area_id)
        name = area_label(area) if area else area_id
        levels = [found.title if (found := framework.level(lv)) else lv for lv in activity.levels_for(area_id) if lv]
        if ANY_LEVEL in activity.levels_for(area_id) and framework.levels:
            levels.insert(0, "any level")
        parts.append(f"{name} ({', '.join(levels)})" if levels else name)
    return "; ".join(parts)


# --- coverage --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CoverageFilter:
    """Which activities the coverage counts: a date range (inclusive) and a provider."""

    since: str = ""
    until: str = ""
    provider: str = ""

    def keeps(self, activity: DevelopmentActivity) -> bool:
        """True when the activity is counted; an undated (ongoing) activity is in every date range."""
        if self.provider and not same_title(activity.provider, self.provider):
            return False
        if activity.date and self.since and activity.date < self.since:
            return False
        return not (activity.date and self.until and activity.date > self.until)

    def describe(self) -> str:
        """The filter in words ("" when everything is counted)."""
        parts = []
        if self.since or self.until:
            parts.append(f"dated {self.since or 'any time'} to {self.until or 'any time'} (ongoing activities included)")
        if self.provider:
            parts.append(f"provided by {self.provider}")
        return "; ".join(parts)

    @classmethod
    def checked(cls, since: str = "", until: str = "", provider: str = "") -> CoverageFilter:
        """A filter from typed text; InstitutionError naming the field for a bad date or a reversed range."""
        try:
            start = parse_date(since)
        except InstitutionError as error:
            raise InstitutionError(f"from: {error}") from None
        try:
            end = parse_date(until)
        except InstitutionError as error:
            raise InstitutionError(f"to: {error}") from None
        if start and end and start > end:
            raise InstitutionError(f"to: {end} is before the start of the range ({start})")
        return cls(start, end, " ".join(provider.split()))


@dataclass(frozen=True)
class AreaCoverage:
    """One area's row of the coverage view."""

    area_id: str
    title: str
    code: str
    by_level: dict[str, int]
    """Level id -> how many activities serve the area at that level (ANY_LEVEL: at no particular level)."""
    activities: int
    """How many activities serve the area at all."""

    @property
    def covered(self) -> bool:
        """True when at least one activity serves the area."""
        return self.activities > 0


@dataclass(frozen=True)
class LevelCoverage:
    """One level's column of the coverage view."""

    level_id: str
    title: str
    areas: int
    """In how many areas some activity serves this level."""
    activities: int
    """How many activities serve this level in some area."""

    @property
    def covered(self) -> bool:
        """True when some activity serves this level."""
        return self.activities > 0


@dataclass(frozen=True)
class Coverage:
    """The institution's provision mapped to a framework: counts by area and level, and the headline."""

    framework: Framework
    activities: tuple[DevelopmentActivity, ...]
    """The activities counted (after the filter), in date order."""
    areas: tuple[AreaCoverage, ...]
    levels: tuple[LevelCoverage, ...]
    filter: CoverageFilter = field(default_factory=CoverageFilter)
    total_activities: int = 0
    """How many activities the catalogue holds for this framework, before the filter."""

    @property
    def uncovered_areas(self) -> tuple[AreaCoverage, ...]:
        """The areas no activity serves."""
        return tuple(area for area in self.areas if not area.covered)

    @property
    def uncovered_levels(self) -> tuple[LevelCoverage, ...]:
        """The levels no activity serves, in any area."""
        return tuple(level for level in self.levels if not level.covered)

    @property
    def any_level_count(self) -> int:
        """How many (area, any level) services there are; the view shows an "Any level" column when some."""
        return sum(area.by_level.get(ANY_LEVEL, 0) for area in self.areas)

    def headline(self) -> str:
        """"6 of 8 commitments covered; Fellow level covered in 2" (the least-covered level named)."""
        covered = sum(1 for area in self.areas if area.covered)
        plural = self.framework.area_plural
        text = f"{covered} of {len(self.areas)} {plural} covered"
        missing = [level.title for level in self.uncovered_levels]
        if missing:
            names = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " and " + missing[-1]
            text += f"; {names} level{'s' if len(missing) > 1 else ''} not covered"
        elif self.levels:
            weakest = min(reversed(self.levels), key=lambda level: level.areas)
            text += f"; {weakest.title} level covered in {weakest.areas}"
        counted = len(self.activities)
        text += f" ({counted} activit{'y' if counted == 1 else 'ies'}"
        if counted != self.total_activities:
            text += f" of {self.total_activities}, filtered"
        return text + ")"


def coverage(framework: Framework, activities: Iterable[DevelopmentActivity],
             chosen: CoverageFilter | None = None) -> Coverage:
    """Count the framework's activities (those the filter keeps) in each area and level."""
    chosen = chosen or CoverageFilter()
    mine = [a for a in activities if a.framework_id == framework.id]
    counted = tuple(sorted_activities(a for a in mine if chosen.keeps(a)))
    rows: list[AreaCoverage] = []
    for area in framework.areas:
        by_level = {level.id: 0 for level in framework.levels}
        by_level[ANY_LEVEL] = 0
        serving = 0
        for activity in counted:
            served = activity.levels_for(area.id)
            if served:
                serving += 1
            for level_id in set(served):
                if level_id in by_level:
                    by_level[level_id] += 1
        rows.append(AreaCoverage(area.id, area.title, area.code or "", by_level, serving))
    columns: list[LevelCoverage] = []
    for level in framework.levels:
        in_areas = sum(1 for row in rows if row.by_level.get(level.id, 0))
        activities_at = sum(1 for activity in counted if any(lv == level.id for _, lv in activity.serves))
        columns.append(LevelCoverage(level.id, level.title, in_areas, activities_at))
    return Coverage(framework, counted, tuple(rows), tuple(columns), chosen, len(mine))


def providers(activities: Iterable[DevelopmentActivity]) -> list[str]:
    """The providers named in the catalogue, each once, sorted."""
    found: dict[str, str] = {}
    for activity in activities:
        if activity.provider.strip():
            found.setdefault(" ".join(activity.provider.split()).casefold(), " ".join(activity.provider.split()))
    return sorted(found.values(), key=str.casefold)


# --- example data ----------------------------------------------------------------------------

EXAMPLE_MARK = "Example: "
"""The start of every example activity's and value's title (the demo labels its data as examples)."""

_EXAMPLE_ACTIVITIES: tuple[tuple[str, str, str, tuple[tuple[int, int], ...]], ...] = (
    # (title, date, provider, ((area index, level index or -1 for any level), ...))
    ("New staff induction", "2027-01-12", "Example University People Development", ((0, 0), (1, 0), (6, 0))),
    ("Project management essentials", "2027-02-03", "Example University People Development", ((4, 1), (2, 1))),
    ("Coaching skills for managers", "2027-02-17", "Example University People Development", ((2, 2), (0, 2))),
    ("Mentoring scheme", "", "Example Professional Network", ((0, -1),)),
    ("Technicians' network forum", "", "Example Professional Network", ((2, 1), (7, -1))),
    ("Change management workshop", "2027-03-10", "Example University People Development", ((5, 1), (5, 2))),
    ("Customer service masterclass", "2027-03-24", "Example Service Academy", ((6, 1),)),
    ("Data protection and ethics", "2027-04-07", "Example University Compliance Office", ((1, 1),)),
    ("Leading strategic change", "2027-05-05", "Example Leadership Academy", ((5, 3), (4, 3))),
    ("Sector horizon-scanning seminar", "2027-05-19", "Example Leadership Academy", ((7, 2),)),
    ("Budget and resource planning", "2027-06-09", "Example University Finance", ((4, 2),)),
    ("Writing for recognition", "2027-06-23", "Example Professional Network", ((0, 1), (1, 2))),
)
"""A dozen example activities; the area at index 3 is left uncovered, so the demo shows a gap."""

_EXAMPLE_VALUES: tuple[tuple[str, str, tuple[int, ...], tuple[int, ...]], ...] = (
    ("Integrity", "We act honestly and openly, and we are accountable for what we do.", (1, 4), (0,)),
    ("Collaboration", "We work with others across the institution and beyond.", (2, 7), (3,)),
    ("Ambition", "We aim high for our students, our staff and our community.", (0, 5), ()),
    ("Inclusion", "Everyone belongs here, and everyone's contribution counts.", (6, 2), (1, 2)),
)
"""Four example institutional values, mapped to areas (and framework values) by position."""


def demo_catalogue(framework: Framework) -> list[DevelopmentActivity]:
    """A dozen example development activities over a framework's areas and levels (labelled as examples)."""
    areas, levels = framework.areas, framework.levels
    found: list[DevelopmentActivity] = []
    for title, date, provider, serves in _EXAMPLE_ACTIVITIES:
        mapped = [(areas[a % len(areas)].id, levels[min(lv, len(levels) - 1)].id if levels and lv >= 0 else ANY_LEVEL)
                  for a, lv in serves]
        found.append(DevelopmentActivity(0, framework.id, EXAMPLE_MARK + title, ordered_serves(framework, mapped),
                                         date, provider, f"https://example.org/development/{len(found) + 1}",
                                         example=True))
    return found


def demo_values(framework: Framework) -> list[InstitutionValue]:
    """Four example institutional values mapped to the framework's areas and values (labelled as examples)."""
    areas, values = framework.areas, framework.values
    order = {a.id: i for i, a in enumerate(areas)}
    return [InstitutionValue(0, framework.id, EXAMPLE_MARK + title, description,
                             tuple(sorted({areas[i % len(areas)].id for i in area_at}, key=order.__getitem__)),
                             tuple(values[i].id for i in value_at if i < len(values)), example=True)
            for title, description, area_at, value_at in _EXAMPLE_VALUES]
