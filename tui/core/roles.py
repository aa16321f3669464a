"""Role profiles: the rating or level a role expects in each area, and how a person compares with one.

A role comes from one of two places: a framework file's ``roles:`` (read-only, shipped with
the framework) or a person's or institution's own, made in the app and kept in the ``roles``
table. Either way its targets are, per area, a value on the framework's scale or a level id.

* :func:`compare_wheel` sets a wheel's ratings (one series, "now" by default) against the
  role's scale targets: the gap per area, shortfalls first by how far, "met 5 of 8".
* :func:`compare_finder` sets a level-finder result against the role's level targets: the
  derived level against the expected one, and the next exemplars to work on.
* :func:`closest_roles` ranks roles by how close a wheel is to them ("which roles am I
  ready for"); :func:`transition` says what changes between the role you have and the one
  you want.
* :func:`role_suggestions` turns shortfalls (a wheel's, the level finder's, or both) into
  development-plan suggestions, accepted one at a time like the wheel's.

No Textual, no storage: plain data and functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any, Literal, Union

from tui.core.development_plan import Suggestion
from tui.core.finder import FinderResult
from tui.core.model import Area, Framework, Level
from tui.core.wheels import Assessment

TABLE = "roles"
"""The database table of roles made in the app."""
KIND = "role"
"""The kind of a saved role in the home screen's work list."""
EXAMPLE_MARK = "Example: "
"""How the demo's roles begin, so nobody takes them for an institution's."""

Target = Union[int, str]
"""A value on the framework's scale, or a level id."""


class RoleError(ValueError):
    """A role that cannot be kept as it is (no name, no areas, a target the framework cannot place)."""


@dataclass(frozen=True)
class RoleProfile:
    """A role: its name, framework and the target in each area it names (framework order).

    ``id`` is the record id of a role made in the app, 0 for a framework's own role, whose
    ``role_id`` is its id in the file.
    """

    id: int
    name: str
    framework_id: str
    targets: Mapping[str, Target] = field(default_factory=dict)
    role_id: str = ""
    example: bool = False
    created: str = ""
    updated: str = ""

    @property
    def from_framework(self) -> bool:
        """True for a role defined in the framework file (read-only in the app)."""
        return self.id == 0 and bool(self.role_id)

    @property
    def key(self) -> str:
        """What picks this role on the command line and in settings: the framework's role id, else ``saved:N``."""
        return self.role_id if self.from_framework else f"saved:{self.id}"

    @property
    def source(self) -> str:
        """Where the role comes from, in words."""
        return "in the framework file" if self.from_framework else ("example" if self.example else "made in framewheel")

    def scale_targets(self) -> dict[str, int]:
        """The targets that are values on the scale."""
        return {a: t for a, t in self.targets.items() if isinstance(t, int)}

    def level_targets(self) -> dict[str, str]:
        """The targets that are level ids."""
        return {a: t for a, t in self.targets.items() if isinstance(t, str)}

    def with_target(self, framework: Framework, area_id: str, target: Target) -> RoleProfile:
        """This role with one area's target set (added when new); RoleError when the framework cannot place it."""
        problem = target_problem(framework, area_id, target)
        if problem:
            raise RoleError(problem)
        targets = dict(self.targets)
        targets[area_id] = target
        return replace(self, targets=ordered_targets(framework, targets))

    def without(self, area_id: str) -> RoleProfile:
        """This role without an area (its target removed)."""
        return replace(self, targets={a: t for a, t in self.targets.items() if a != area_id})

    def to_record(self) -> dict[str, Any]:
        """The stored form (the id is the record id, not stored)."""
        return {"name": self.name, "framework_id": self.framework_id, "targets": dict(self.targets),
                "example": self.example, "created": self.created, "updated": self.updated}

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> RoleProfile:
        """Build from a stored record (tolerant of missing optional fields; targets of the wrong kind left out)."""
        found = record.get("targets")
        targets = {str(a): t for a, t in found.items() if _is_target(t)} if isinstance(found, dict) else {}
        return cls(id=int(record.get("id", 0)), name=str(record.get("name", "")),
                   framework_id=str(record.get("framework_id", "")), targets=targets,
                   example=record.get("example") is True, created=str(record.get("created", "")),
                   updated=str(record.get("updated", record.get("created", ""))))


def _is_target(value: object) -> bool:
    """A whole number (not true/false) or text."""
    return (isinstance(value, int) and not isinstance(value, bool)) or isinstance(value, str)


def framework_roles(framework: Framework) -> list[RoleProfile]:
    """The roles a framework file defines, as role profiles."""
    return [RoleProfile(0, role.title, framework.id, ordered_targets(framework, dict(role.targets)), role_id=role.id)
            for role in framework.roles]


def ordered_targets(framework: Framework, targets: Mapping[str, Target]) -> dict[str, Target]:
    """Targets in the framework's area order (areas it does not have last, as they were)."""
    known = {a.id for a in framework.areas}
    placed = {a.id: targets[a.id] for a in framework.areas if a.id in targets}
    return {**placed, **{a: t for a, t in targets.items() if a not in known}}


def target_problem(framework: Framework, area_id: str, target: object) -> str | None:
    """Why ``target`` cannot be the role's target for ``area_id`` in ``framework``, or None."""
    area = framework.area(area_id)
    if area is None:
        article = "an" if framework.area_name[:1].lower() in "aeiou" else "a"
        return f"'{area_id}' is not {article} {framework.area_name} of {framework.title}"
    if isinstance(target, bool) or not isinstance(target, (int, str)):
        return f"the target for '{area_id}' must be a value on the scale or a level id"
    if isinstance(target, int):
        if not framework.scale.contains(target):
            return (f"the target {target} for '{area_id}' is off the scale "
                    f"({framework.scale.min} to {framework.scale.max})")
        return None
    if framework.level(target) is None:
        levels = ", ".join(level.id for level in framework.levels) or "none: it has no levels"
        return f"'{target}' for '{area_id}' is not a level of {framework.title} (its levels: {levels})"
    return None


def unplaced_targets(framework: Framework, role: RoleProfile) -> dict[str, Target]:
    """Targets the framework can no longer place (an area or level gone, a value now off the scale); kept, never lost."""
    return {a: t for a, t in role.targets.items() if target_problem(framework, a, t) is not None}


def check_role(framework: Framework, name: str, targets: Mapping[str, object]) -> list[str]:
    """Every reason a role could not be saved: no name, no areas, or a target the framework cannot place."""
    problems: list[str] = []
    if not name.strip():
        problems.append("a role needs a name")
    if not targets:
        problems.append("a role needs at least one area with a target")
    problems.extend(p for a, t in targets.items() if (p := target_problem(framework, a, t)))
    return problems


def same_name(first: str, second: str) -> bool:
    """Two role names are the same when they differ only in case and surrounding spaces."""
    return first.strip().casefold() == second.strip().casefold()


def name_taken(name: str, other: RoleProfile) -> str:
    """The refusal of a name another role of the framework already has."""
    return f"a role named “{name.strip()}” already exists ({other.key}); give this one another name"


def target_text(framework: Framework, target: Target) -> str:
    """A target in words: ``7`` or the level's title (the id when the level is gone)."""
    if isinstance(target, int):
        return str(target)
    level = framework.level(target)
    return level.title if level else target


# --- a wheel against a role ---------------------------------------------------------------------

GapStatus = Literal["short", "unrated", "met", "above"]


@dataclass(frozen=True)
class AreaGap:
    """One area of a wheel against a role's scale target."""

    area: Area
    target: int
    actual: int | None

    @property
    def status(self) -> GapStatus:
        """``short`` below the target, ``unrated`` not rated, ``met`` on it, ``above`` beyond it."""
        if self.actual is None:
            return "unrated"
        if self.actual < self.target:
            return "short"
        return "met" if self.actual == self.target else "above"

    @property
    def gap(self) -> int:
        """How far below the target (0 when met or above, or not rated)."""
        return self.target - self.actual if self.actual is not None and self.actual < self.target else 0

    @property
    def met(self) -> bool:
        """On the target or above it."""
        return self.status in ("met", "above")

    @property
    def symbol(self) -> str:
        """A mark for the status that reads without colour: ▼ short, · unrated, ✓ met, ▲ above."""
        return {"short": "▼", "unrated": "·", "met": "✓", "above": "▲"}[self.status]

    def words(self) -> str:
        """``3 below (4 of 7)``, ``not rated (target 7)``, ``met (7)``, ``2 above (9 of 7)``."""
        if self.actual is None:
            return f"not rated (target {self.target})"
        if self.status == "short":
            return f"{self.gap} below ({self.actual} of {self.target})"
        if self.status == "met":
            return f"met ({self.actual})"
        return f"{self.actual - self.target} above ({self.actual} of {self.target})"


_STATUS_ORDER = {"short": 0, "unrated": 1, "met": 2, "above": 3}


@dataclass(frozen=True)
class WheelComparison:
    """A wheel's series against a role: the gaps (shortfalls first, by how far), and the headline."""

    role: RoleProfile
    series_id: str
    series_title: str
    gaps: tuple[AreaGap, ...]
    level_targets: tuple[tuple[Area, str], ...]
    """Areas whose target is a level: compared with the level finder, not the wheel."""
    unplaced: Mapping[str, Target]

    @property
    def met(self) -> int:
        """Areas on or above their target."""
        return sum(1 for g in self.gaps if g.met)

    @property
    def total(self) -> int:
        """Areas with a scale target the framework can place."""
        return len(self.gaps)

    @property
    def headline(self) -> str:
        """``met 5 of 8`` (and what is left to the level finder)."""
        text = f"met {self.met} of {self.total}"
        if self.level_targets:
            count = len(self.level_targets)
            text += f" ({count} level target{'s' if count != 1 else ''}: compare with the level finder)"
        return text

    @property
    def shortfalls(self) -> tuple[AreaGap, ...]:
        """Areas below their target, the largest gap first."""
        return tuple(g for g in self.gaps if g.status == "short")

    @property
    def strengths(self) -> tuple[AreaGap, ...]:
        """Areas above their target: strengths for the role."""
        return tuple(g for g in self.gaps if g.status == "above")

    @property
    def unrated(self) -> tuple[AreaGap, ...]:
        """Areas with a target that the wheel has not rated in the series."""
        return tuple(g for g in self.gaps if g.status == "unrated")


def _gap_order(gap: AreaGap, order: Mapping[str, int]) -> tuple[int, int, int]:
    """Shortfalls first by how far, then the unrated, the met, and the strengths by how far above."""
    above = (gap.actual or 0) - gap.target if gap.status == "above" else 0
    return _STATUS_ORDER[gap.status], -gap.gap - above, order[gap.area.id]


def chosen_series(framework: Framework, series_id: str | None) -> str:
    """The series to compare: the one asked for, else the framework's first ("now")."""
    if series_id and series_id in framework.series_ids:
        return series_id
    if series_id:
        raise RoleError(f"'{series_id}' is not a series of {framework.title} "
                        f"(its series: {', '.join(f'{s} ({letter})' for s, letter in zip(framework.series_ids, framework.series_letters))})")
    return framework.series[0].id


def compare_wheel(framework: Framework, wheel: Assessment, role: RoleProfile, series_id: str | None = None) -> WheelComparison:
    """The wheel's ratings in one series (default the first, "now") against the role's scale targets."""
    series = chosen_series(framework, series_id)
    title = next(s.title for s in framework.series if s.id == series)
    order = {a.id: i for i, a in enumerate(framework.areas)}
    unplaced = unplaced_targets(framework, role)
    gaps: list[AreaGap] = []
    levels: list[tuple[Area, str]] = []
    for area in framework.areas:
        target = role.targets.get(area.id)
        if target is None or area.id in unplaced:
            continue
        if isinstance(target, str):
            levels.append((area, target))
        else:
            gaps.append(AreaGap(area, target, wheel.rating(area.id, series)))
    gaps.sort(key=lambda g: _gap_order(g, order))
    return WheelComparison(role, series, title, tuple(gaps), tuple(levels), unplaced)


# --- a level-finder result against a role -------------------------------------------------------

LevelStatus = Literal["short", "met", "above"]


@dataclass(frozen=True)
class LevelGap:
    """One area's derived level against the level a role expects, with the next exemplars to work on."""

    area: Area
    expected: Level
    derived: Level | None
    levels_short: int
    """How many levels below the expected one (0 when it is reached)."""
    next_level: Level | None
    next_exemplars: tuple[str, ...]
    above: bool = False

    @property
    def status(self) -> LevelStatus:
        """``short``, ``met`` or ``above``."""
        return "short" if self.levels_short > 0 else ("above" if self.above else "met")

    @property
    def symbol(self) -> str:
        """▼ short, ✓ met, ▲ above (readable without colour)."""
        return {"short": "▼", "met": "✓", "above": "▲"}[self.status]

    def words(self) -> str:
        """``Member, expected Fellow (2 levels below)`` and the like."""
        derived = self.derived.title if self.derived else "no level yet"
        if self.status == "short":
            count = self.levels_short
            return f"{derived}, expected {self.expected.title} ({count} level{'s' if count != 1 else ''} below)"
        return f"{derived}, expected {self.expected.title} ({'above' if self.above else 'met'})"


@dataclass(frozen=True)
class FinderComparison:
    """A level-finder result against a role's level targets."""

    role: RoleProfile
    gaps: tuple[LevelGap, ...]
    scale_targets: int
    """Areas whose target is a value on the scale: compared with a wheel, not the finder."""

    @property
    def met(self) -> int:
        """Areas at or above the expected level."""
        return sum(1 for g in self.gaps if g.status != "short")

    @property
    def total(self) -> int:
        """Areas with a level target."""
        return len(self.gaps)

    @property
    def headline(self) -> str:
        """``met 3 of 5`` (and what is left to the wheel)."""
        text = f"met {self.met} of {self.total}"
        if self.scale_targets:
            text += f" ({self.scale_targets} scale target{'s' if self.scale_targets != 1 else ''}: compare with a wheel)"
        return text

    @property
    def shortfalls(self) -> tuple[LevelGap, ...]:
        """Areas below the expected level, the largest first."""
        return tuple(g for g in self.gaps if g.status == "short")


def compare_finder(framework: Framework, result: FinderResult, role: RoleProfile) -> FinderComparison:
    """Each area's derived level against the role's expected level; the next level's exemplars for a shortfall."""
    order = {a.id: i for i, a in enumerate(framework.areas)}
    unplaced = unplaced_targets(framework, role)
    gaps: list[LevelGap] = []
    for area_id, level_id in role.level_targets().items():
        expected = framework.level(level_id)
        found = result.area(area_id)
        if expected is None or found is None or area_id in unplaced:
            continue
        want = framework.level_index(level_id)
        have = framework.level_index(found.level.id) if found.level else -1
        short = max(0, want - have)
        gaps.append(LevelGap(found.area, expected, found.level, short, found.next_level if short else None,
                             found.next_steps if short else (), above=have > want))
    gaps.sort(key=lambda g: (0 if g.status == "short" else 1, -g.levels_short, order[g.area.id]))
    scale = sum(1 for a in role.scale_targets() if a not in unplaced)
    return FinderComparison(role, tuple(gaps), scale)


# --- which roles fit, and moving between roles ----------------------------------------------------


@dataclass(frozen=True)
class RoleFit:
    """How close a wheel is to one role's scale targets."""

    role: RoleProfile
    comparison: WheelComparison
    closeness: float
    """1.0 when every target is met; falls with the points short (an unrated area counts as fully short)."""

    @property
    def percent(self) -> int:
        """The closeness as a whole percentage."""
        return round(self.closeness * 100)

    def words(self) -> str:
        """``92% of the way: met 6 of 8, 3 points short``."""
        short = sum(g.gap for g in self.comparison.gaps)
        unrated = len(self.comparison.unrated)
        parts = [f"met {self.comparison.met} of {self.comparison.total}"]
        if short:
            parts.append(f"{short} point{'s' if short != 1 else ''} short")
        if unrated:
            parts.append(f"{unrated} not rated")
        return f"{self.percent}% of the way: {', '.join(parts)}"


def fit(framework: Framework, wheel: Assessment, role: RoleProfile, series_id: str | None = None) -> RoleFit | None:
    """How close the wheel is to the role (None when the role has no scale target to compare)."""
    comparison = compare_wheel(framework, wheel, role, series_id)
    if not comparison.gaps:
        return None
    low = framework.scale.min
    needed = sum(max(1, g.target - low) for g in comparison.gaps)
    missing = sum(max(1, g.target - low) if g.actual is None else g.gap for g in comparison.gaps)
    return RoleFit(role, comparison, max(0.0, 1.0 - missing / needed))


def closest_roles(framework: Framework, wheel: Assessment, roles: Iterable[RoleProfile],
                  series_id: str | None = None, count: int = 3) -> list[RoleFit]:
    """The roles the wheel is closest to, closest first (ties: more targets met, then by name); at most ``count``."""
    fits = [f for role in roles if (f := fit(framework, wheel, role, series_id)) is not None]
    fits.sort(key=lambda f: (-f.closeness, -f.comparison.met, f.role.name.casefold()))
    return fits[:count]


ChangeKind = Literal["raise", "new", "lower", "same", "dropped", "differs"]


@dataclass(frozen=True)
class TargetChange:
    """One area between the role you have and the role you want."""

    area: Area
    have: Target | None
    want: Target | None
    kind: ChangeKind
    by: int = 0
    """How far the target rises (scale points or levels) for ``raise``; how far it falls for ``lower``."""

    def words(self, framework: Framework) -> str:
        """``raise by 2 (5 to 7)``, ``new: Member``, ``no longer expected (was 6)`` and the like."""
        have = target_text(framework, self.have) if self.have is not None else ""
        want = target_text(framework, self.want) if self.want is not None else ""
        unit = "level" if isinstance(self.want, str) else "point"
        if self.kind == "raise":
            return f"raise by {self.by} {unit}{'s' if self.by != 1 else ''} ({have} to {want})"
        if self.kind == "lower":
            return f"lower by {self.by} {unit}{'s' if self.by != 1 else ''} ({have} to {want})"
        if self.kind == "new":
            return f"new: {want}"
        if self.kind == "dropped":
            return f"no longer expected (was {have})"
        if self.kind == "differs":
            return f"{have} becomes {want}"
        return f"the same ({want})"


@dataclass(frozen=True)
class Transition:
    """What changes from the role you have to the role you want, the largest rises first."""

    have: RoleProfile
    want: RoleProfile
    changes: tuple[TargetChange, ...]

    @property
    def raises(self) -> tuple[TargetChange, ...]:
        """Areas whose target rises or that the wanted role adds."""
        return tuple(c for c in self.changes if c.kind in ("raise", "new", "differs"))

    def summary(self, framework: Framework) -> str:
        """``To move from A to B: raise Working together by 2 (5 to 7); new: Prof. development 6.``"""
        raises = self.raises
        if not raises:
            return f"To move from {self.have.name} to {self.want.name}: no {framework.area_name} needs more."
        parts = [f"{c.area.label} {c.words(framework)}" for c in raises]
        return f"To move from {self.have.name} to {self.want.name}: {'; '.join(parts)}."


_CHANGE_ORDER = {"raise": 0, "new": 1, "differs": 2, "lower": 3, "dropped": 4, "same": 5}


def transition(framework: Framework, have: RoleProfile, want: RoleProfile) -> Transition:
    """Every area either role names: raised, new, lower, dropped or the same."""
    order = {a.id: i for i, a in enumerate(framework.areas)}
    changes: list[TargetChange] = []
    for area in framework.areas:
        a, b = have.targets.get(area.id), want.targets.get(area.id)
        if a is None and b is None:
            continue
        if a is None:
            changes.append(TargetChange(area, None, b, "new"))
        elif b is None:
            changes.append(TargetChange(area, a, None, "dropped"))
        elif isinstance(a, int) and isinstance(b, int):
            kind: ChangeKind = "raise" if b > a else ("lower" if b < a else "same")
            changes.append(TargetChange(area, a, b, kind, abs(b - a)))
        elif isinstance(a, str) and isinstance(b, str) and framework.level(a) and framework.level(b):
            step = framework.level_index(b) - framework.level_index(a)
            kind = "raise" if step > 0 else ("lower" if step < 0 else "same")
            changes.append(TargetChange(area, a, b, kind, abs(step)))
        else:
            changes.append(TargetChange(area, a, b, "same" if a == b else "differs"))
    changes.sort(key=lambda c: (_CHANGE_ORDER[c.kind], -c.by, order[c.area.id]))
    return Transition(have, want, tuple(changes))


# --- from gaps to a plan -----------------------------------------------------------------------------


def role_suggestions(framework: Framework, *comparisons: WheelComparison | FinderComparison,
                     today: date | None = None) -> list[Suggestion]:
    """One development-plan suggestion per shortfall, the largest first, tied to the area and the role.

    Several comparisons (a wheel's against the role's scale targets and the level finder's against its
    level targets) give their shortfalls in the order given; an area is suggested once.
    """
    target_date = ((today or date.today()) + timedelta(days=91)).isoformat()
    found: list[Suggestion] = []
    seen: set[str] = set()
    gaps = [(comparison.role.name, gap) for comparison in comparisons for gap in comparison.shortfalls]
    for role, gap in gaps:
        area = gap.area
        if area.id in seen:
            continue
        seen.add(area.id)
        if isinstance(gap, AreaGap):
            reason = f"For the role “{role}”, {area.title} is {gap.words()}."
            criteria = (f"At my next wheel I rate myself {gap.target} or more in {area.title}, "
                        f"the target of the role “{role}”.")
            read = f"Read the exemplars for this {framework.area_name}; agree" if any(area.exemplars.values()) else "Agree"
            activities = f"{read} one piece of work that builds it towards the role with my manager."
        else:
            reason = f"For the role “{role}”, {area.title} is at {gap.words()}."
            criteria = f"I show the {gap.expected.title} exemplars of {area.title} consistently, as the role expects."
            nearest = gap.next_exemplars[:3]
            sentences = all(exemplar.rstrip().endswith((".", "!", "?")) for exemplar in nearest)
            steps = (" " if sentences else "; ").join(nearest)  # sentences follow each other; phrases take a semicolon
            activities = f"Work on the next exemplars: {steps}" if steps else "Agree the next exemplars with my manager."
        found.append(Suggestion("role", area.id, f"For the role {role}: {area.title}", reason, criteria,
                                activities, target_date, role=role))
    return found


# --- examples for --demo ---------------------------------------------------------------------------


def demo_roles(framework: Framework) -> list[RoleProfile]:
    """Example roles over a framework's areas (labelled as examples; the guides define no roles)."""
    areas = [a.id for a in framework.areas]
    if len(areas) < 3:
        return []
    low, high = framework.scale.min, framework.scale.max
    span = high - low

    def at(fraction: float) -> int:
        """A value a fraction of the way up the scale."""
        return low + round(span * fraction)

    roles = [
        RoleProfile(0, f"{EXAMPLE_MARK}New starter", framework.id,
                    {a: at(0.4) for a in areas[: max(3, len(areas) // 2)]}, example=True),
        RoleProfile(0, f"{EXAMPLE_MARK}Team leader", framework.id,
                    {a: at(0.7 if i % 3 else 0.8) for i, a in enumerate(areas)}, example=True),
        RoleProfile(0, f"{EXAMPLE_MARK}Head of service", framework.id,
                    {a: at(0.9 if i % 2 else 0.8) for i, a in enumerate(areas)}, example=True),
    ]
    levels = [level.id for level in framework.levels]
    if len(levels) >= 2:
        roles.append(RoleProfile(0, f"{EXAMPLE_MARK}Senior adviser (levels)", framework.id,
                                 {a: levels[min(len(levels) - 1, 1 + (i % 2))] for i, a in enumerate(areas)},
                                 example=True))
    return roles


def sorted_roles(roles: Sequence[RoleProfile]) -> list[RoleProfile]:
    """Framework roles first (file order), then the others by name."""
    shipped = [r for r in roles if r.from_framework]
    made = sorted((r for r in roles if not r.from_framework), key=lambda r: (r.name.casefold(), r.id))
    return [*shipped, *made]
