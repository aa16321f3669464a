"""The development plan (PDP): objectives tied to areas, and suggestions drawn from a wheel.

Each objective belongs to one framework's plan, is tied to one or more of its
areas, and needs success criteria (the guide asks for them). A target date is
optional but, when given, must be a real ``YYYY-MM-DD`` date. The plan's order
is the ``position`` field; ``move`` swaps neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Protocol

from tui.core.analysis import series_gaps, top_strengths
from tui.core.wheels import Assessment
from tui.core.model import Framework, Series
from tui.core.dates import iso_date

TABLE = "objectives"
"""The database table of plan objectives."""

KIND = "plan"
"""The kind of saved work the home screen lists for a plan."""

STATUSES = ("not started", "in progress", "done", "dropped")
"""The statuses of an objective, in their usual order."""

STATUS_MARKS = {"not started": "○", "in progress": "◐", "done": "●", "dropped": "×"}
"""A symbol per status, so the status reads without colour."""

OPEN_STATUSES = ("not started", "in progress")
"""Statuses of objectives still being worked on."""


class PlanError(ValueError):
    """An objective that cannot be stored; ``problems`` says where and what; nothing was changed."""

    def __init__(self, problems: list[str]) -> None:
        """Keep every problem found."""
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Objective:
    """One objective of a development plan."""

    id: int
    framework_id: str
    title: str
    areas: tuple[str, ...]
    success_criteria: str
    activities: str = ""
    target_date: str = ""
    status: str = "not started"
    review_notes: str = ""
    position: int = 0
    created: str = ""
    updated: str = ""
    role: str = ""
    """The role profile the objective develops towards (its name), when it came from a role's shortfall."""

    @property
    def is_open(self) -> bool:
        """True while the objective is not done or dropped."""
        return self.status in OPEN_STATUSES

    @property
    def mark(self) -> str:
        """The status symbol."""
        return STATUS_MARKS.get(self.status, "?")

    def to_record(self) -> dict[str, Any]:
        """The stored form (the id is the record id, not stored)."""
        return {
            "framework_id": self.framework_id, "title": self.title, "areas": list(self.areas),
            "success_criteria": self.success_criteria, "activities": self.activities,
            "target_date": self.target_date, "status": self.status, "review_notes": self.review_notes,
            "position": self.position, "created": self.created, "updated": self.updated, "role": self.role,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Objective:
        """Build from a stored record (tolerant of missing optional fields)."""
        return cls(
            id=int(record.get("id", 0)), framework_id=str(record.get("framework_id", "")),
            title=str(record.get("title", "")), areas=tuple(str(a) for a in record.get("areas", [])),
            success_criteria=str(record.get("success_criteria", "")), activities=str(record.get("activities", "")),
            target_date=str(record.get("target_date", "")), status=str(record.get("status", STATUSES[0])),
            review_notes=str(record.get("review_notes", "")), position=int(record.get("position", 0)),
            created=str(record.get("created", "")), updated=str(record.get("updated", record.get("created", ""))),
            role=str(record.get("role", "")),
        )


EDITABLE = ("title", "areas", "success_criteria", "activities", "target_date", "status", "review_notes", "role")
"""The fields a person edits."""


def date_problem(text: str) -> str | None:
    """Why ``text`` is not a valid target date (empty is allowed), or None."""
    text = text.strip()
    if not text:
        return None
    if iso_date(text) is None:
        return f"'{text}' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-31"
    return None


def check_objective(fields: dict[str, Any], framework: Framework) -> list[str]:
    """Every problem with an objective's fields, each naming the field (empty when valid)."""
    problems: list[str] = []
    if not str(fields.get("title", "")).strip():
        problems.append("Title: an objective needs a title")
    areas = list(fields.get("areas", []))
    if not areas:
        problems.append(f"{framework.area_words}: tie the objective to at least one {framework.area_name}")
    unknown = [a for a in areas if framework.area(a) is None]
    if unknown:
        problems.append(f"{framework.area_words}: {', '.join(unknown)} not in {framework.title}")
    if not str(fields.get("success_criteria", "")).strip():
        problems.append("Success criteria: say how you will know the objective is met")
    if (why := date_problem(str(fields.get("target_date", "")))) is not None:
        problems.append(f"Target date: {why}")
    if fields.get("status", STATUSES[0]) not in STATUSES:
        problems.append(f"Status: '{fields.get('status')}' is not one of {', '.join(STATUSES)}")
    return problems


def clean_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """Only editable fields, text stripped at the ends, areas as a tuple."""
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not objective fields: {', '.join(sorted(unknown))}")
    clean: dict[str, Any] = {}
    for name, value in fields.items():
        clean[name] = tuple(value) if name == "areas" else str(value).strip()
    return clean


@dataclass(frozen=True)
class Suggestion:
    """A proposed objective drawn from a wheel; the person accepts or discards it."""

    kind: str
    """``gap`` (an area to develop) or ``strength`` (an area to build on)."""
    area_id: str
    title: str
    reason: str
    success_criteria: str
    activities: str
    target_date: str = ""
    role: str = ""
    """The role whose shortfall the suggestion is drawn from (empty for a wheel's own)."""

    def objective_fields(self) -> dict[str, Any]:
        """The fields to store when accepted."""
        fields: dict[str, Any] = {
            "title": self.title, "areas": (self.area_id,), "success_criteria": self.success_criteria,
            "activities": self.activities, "target_date": self.target_date,
        }
        if self.role:
            fields["role"] = self.role
        return fields


def suggest_objectives(
    wheel: Assessment, framework: Framework, *, existing: list[Objective] = (),  # type: ignore[assignment]
    gaps: int = 3, tops: int = 2, today: date | None = None,
) -> list[Suggestion]:
    """Objectives for the largest gaps and the top strengths, skipping areas the plan already covers openly."""
    covered = {area for objective in existing if objective.is_open for area in objective.areas}
    target = ((today or date.today()) + timedelta(days=91)).isoformat()
    word = framework.area_name
    base = framework.baseline
    largest: dict[str, tuple[int, str, int]] = {}
    for found_gaps in series_gaps(wheel, framework):
        for gap in found_gaps.gaps:
            if gap.gap > largest.get(gap.area.id, (0, "", 0))[0]:
                largest[gap.area.id] = (gap.gap, _gap_detail(gap.base, gap.target, base, found_gaps.target), gap.target)
    order = {area.id: i for i, area in enumerate(framework.areas)}
    ranked = sorted(largest.items(), key=lambda item: (-item[1][0], order[item[0]]))
    found: list[Suggestion] = []
    for area_id, (size, detail, goal) in ranked:
        if len([s for s in found if s.kind == "gap"]) >= gaps:
            break
        if area_id in covered:
            continue
        area = framework.area(area_id)
        assert area is not None
        read = f"Read the exemplars for this {word}; agree" if any(area.exemplars.values()) else "Agree"
        found.append(Suggestion(
            "gap", area_id, f"Develop: {area.title}", f"{area.title} has a gap of {size} ({detail}).",
            f"At my next wheel I rate myself {goal} or more in {area.title}, and I can show evidence from my work.",
            f"{read} one piece of work that stretches me in it with my manager.",
            target,
        ))
    gap_areas = {s.area_id for s in found}
    midpoint = f"{framework.scale.midpoint:g}"
    for score in top_strengths(wheel, framework, limit=len(framework.areas)):
        if len([s for s in found if s.kind == "strength"]) >= tops:
            break
        if score.area.id in covered or score.area.id in gap_areas:
            continue
        rated = "now" if base.id == "current" else f"in “{base.title}”"
        found.append(Suggestion(
            "strength", score.area.id, f"Share my strength: {score.area.title}",
            f"{score.area.title} is rated {score.value} {rated}, above the scale's midpoint ({midpoint}).",
            f"A colleague I supported says it helped them in {score.area.title}, by my next review.",
            f"Offer to mentor or run a short session on this {word}; record examples for my next 1:1.",
            target,
        ))
    return found


GUIDE_WHOSE = {"aspiration": "where you would like to be", "organisation": "where your organisation needs you to be"}
"""How a suggestion names the guide's own series when comparing with ``current`` (now)."""


def _gap_detail(base_value: int, target_value: int, base: Series, target: Series) -> str:
    """The two values of a gap in words: ``3 now, 9 where you would like to be`` on the guide's ids."""
    if base.id == "current" and target.id in GUIDE_WHOSE:
        return f"{base_value} now, {target_value} {GUIDE_WHOSE[target.id]}"
    return f"{base_value} in “{base.title}”, {target_value} in “{target.title}”"


class AddsObjectives(Protocol):
    """What the demo needs of the development plan's repository: adding an objective."""

    def add(self, framework: Framework, **fields: Any) -> Objective:
        """Store a new objective of ``framework`` and return it."""


def fill_demo_plan(plan: AddsObjectives, framework: Framework) -> None:
    """An example plan with two objectives on ``framework`` (for ``--demo``)."""
    first, second = framework.areas[0], framework.areas[min(2, len(framework.areas) - 1)]
    plan.add(
        framework, title=f"Develop: {first.title}", areas=(first.id,),
        success_criteria=f"By my next wheel I rate myself 7 or more in {first.label}, with two examples to show.",
        activities="Shadow a colleague for a day; book one short course this term.",
        target_date="2027-03-31", status="in progress", review_notes="Course booked for February (example).",
    )
    plan.add(
        framework, title=f"Share my strength: {second.title}", areas=(second.id,),
        success_criteria="Run one lunchtime session for the team and ask for feedback.",
        activities="Draft the session outline; agree a date with the team leader.", target_date="2027-06-30",
    )


def plural(count: int, noun: str) -> str:
    """``count`` and the noun, in the plural when it is not 1 ("1 objective", "2 objectives")."""
    return f"{count} {noun}{'' if count == 1 else 's'}"
