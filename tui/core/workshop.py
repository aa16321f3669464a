"""Stepping through a workshop: an ordered set of views a facilitator chose, kept under a name.

A :class:`WorkshopSequence` names a framework, the saved team profile and the action plan it
shows (either may be None) and its :class:`WorkshopStep` s in order. A step is one of
:data:`KINDS`: a commitment (an area: its descriptor and the guide's team questions), the team
wheel, the spread of one area, the team ranking, or the RAG board.

The record (table ``workshops``)::

    {"name": "Spring away day", "framework_id": "ahep", "team_profile_id": 3, "action_plan_id": null,
     "created": "2026-12-02T09:00:00+00:00", "updated": "...",
     "steps": [{"kind": "commitment", "area": "professional-development"}, {"kind": "team-wheel"}, ...]}

:func:`WorkshopSequence.from_record` refuses a record it cannot read with a
:class:`WorkshopError` naming the step; :func:`check_steps` refuses an area the framework does
not have; :func:`fitted_steps` drops such steps with a message (a newer edition of a
framework). Nothing in this module imports Textual or storage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from tui.core.model import Framework

TABLE = "workshops"
"""The database table of saved workshop sequences."""

KIND = "workshop"
"""The kind of saved work shown on the home screen (and the key of its opener)."""

COMMITMENT, TEAM_WHEEL, SPREAD, TEAM_RANKING, BOARD = "commitment", "team-wheel", "spread", "team-ranking", "board"
"""The kinds of step."""

KINDS = (COMMITMENT, TEAM_WHEEL, SPREAD, TEAM_RANKING, BOARD)
"""Every kind of step, in the order of a default sequence."""

T = TypeVar("T")
"""Anything kept in order (a step, an editor's entry)."""

AREA_KINDS = frozenset({COMMITMENT, SPREAD})
"""The kinds of step that show one area (and name it)."""


class WorkshopError(ValueError):
    """A workshop record or step that cannot be used; the message says which step and why."""


@dataclass(frozen=True)
class WorkshopStep:
    """One view of a workshop: its kind and, for a commitment or a spread, the area's id."""

    kind: str
    area_id: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The stored form: ``{"kind": ...}`` and, for an area's step, ``"area"``."""
        return {"kind": self.kind, "area": self.area_id} if self.kind in AREA_KINDS else {"kind": self.kind}

    @classmethod
    def from_record(cls, data: Any, number: int = 1) -> WorkshopStep:
        """The step of a stored form; WorkshopError naming step ``number`` when it is not one."""
        if not isinstance(data, dict):
            raise WorkshopError(f"step {number}: not an object with a kind")
        kind = data.get("kind")
        if kind not in KINDS:
            raise WorkshopError(f"step {number}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
        if kind not in AREA_KINDS:
            return cls(str(kind))
        area = data.get("area")
        if not isinstance(area, str) or not area.strip():
            raise WorkshopError(f"step {number}: a {kind} step needs the id of an area")
        return cls(str(kind), area)


@dataclass(frozen=True)
class WorkshopSequence:
    """A named, ordered set of steps over a framework, a saved team profile and an action plan."""

    id: int
    name: str
    framework_id: str
    team_profile_id: int | None = None
    action_plan_id: int | None = None
    steps: tuple[WorkshopStep, ...] = field(default=())
    created: str = ""
    updated: str = ""

    def to_record(self) -> dict[str, Any]:
        """The stored form (the id is the record id, not stored)."""
        return {"name": self.name, "framework_id": self.framework_id, "team_profile_id": self.team_profile_id,
                "action_plan_id": self.action_plan_id, "created": self.created, "updated": self.updated,
                "steps": [step.to_record() for step in self.steps]}

    @classmethod
    def from_record(cls, record: Any) -> WorkshopSequence:
        """Build from a stored record; WorkshopError when a field or a step cannot be read."""
        if not isinstance(record, dict):
            raise WorkshopError("a workshop sequence is an object")
        name, framework_id, steps = record.get("name"), record.get("framework_id"), record.get("steps")
        if not isinstance(name, str) or not name.strip():
            raise WorkshopError("a workshop sequence needs a name")
        if not isinstance(framework_id, str) or not framework_id:
            raise WorkshopError(f"workshop “{name}”: no framework id")
        if not isinstance(steps, list):
            raise WorkshopError(f"workshop “{name}”: the steps are not a list")
        return cls(
            id=int(record.get("id", 0)), name=name.strip(), framework_id=framework_id,
            team_profile_id=_optional_id(record, "team_profile_id", name),
            action_plan_id=_optional_id(record, "action_plan_id", name),
            steps=tuple(WorkshopStep.from_record(step, number) for number, step in enumerate(steps, 1)),
            created=str(record.get("created", "")), updated=str(record.get("updated", record.get("created", ""))),
        )


def _optional_id(record: dict[str, Any], key: str, name: str) -> int | None:
    """A record id or None; WorkshopError for anything else."""
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise WorkshopError(f"workshop “{name}”: {key} is not a record id")
    return value


def default_steps(framework: Framework, has_team: bool, has_ranking: bool, has_board: bool) -> tuple[WorkshopStep, ...]:
    """Every commitment, the team wheel, the spread of each area, the team ranking, the board (those there is data for)."""
    steps = [WorkshopStep(COMMITMENT, area.id) for area in framework.areas]
    if has_team:
        steps.append(WorkshopStep(TEAM_WHEEL))
        steps.extend(WorkshopStep(SPREAD, area.id) for area in framework.areas)
    if has_team and has_ranking:
        steps.append(WorkshopStep(TEAM_RANKING))
    if has_board:
        steps.append(WorkshopStep(BOARD))
    return tuple(steps)


def addable_steps(framework: Framework) -> tuple[WorkshopStep, ...]:
    """Every step that can be added: each area's commitment and spread, the team wheel, ranking and board."""
    return (*(WorkshopStep(COMMITMENT, a.id) for a in framework.areas), *(WorkshopStep(SPREAD, a.id) for a in framework.areas),
            WorkshopStep(TEAM_WHEEL), WorkshopStep(TEAM_RANKING), WorkshopStep(BOARD))


def check_steps(framework: Framework, steps: Sequence[WorkshopStep]) -> None:
    """WorkshopError naming the first step whose area the framework does not have."""
    known = set(framework.area_ids)
    for number, step in enumerate(steps, 1):
        if step.kind in AREA_KINDS and step.area_id not in known:
            raise WorkshopError(f"step {number}: {framework.title} has no {framework.area_name} '{step.area_id}'")


def fitted_steps(framework: Framework, steps: Sequence[WorkshopStep]) -> tuple[tuple[WorkshopStep, ...], list[str]]:
    """The steps the framework can show, and one message per step dropped because its area is gone."""
    known = set(framework.area_ids)
    kept: list[WorkshopStep] = []
    dropped: list[str] = []
    for number, step in enumerate(steps, 1):
        if step.kind in AREA_KINDS and step.area_id not in known:
            dropped.append(f"Step {number} ({step.kind} of '{step.area_id}') was left out: "
                           f"{framework.title} {framework.version} has no such {framework.area_name}.")
        else:
            kept.append(step)
    return tuple(kept), dropped


def area_title(framework: Framework, area_id: str | None) -> str:
    """An area's code and title (``1. Empowering Professional Development``), or its id when unknown."""
    area = framework.area(area_id or "")
    return area.heading if area is not None else str(area_id)


def step_title(framework: Framework, step: WorkshopStep) -> str:
    """What a step shows: ``Commitment: 1. Empowering ...``, ``Team wheel``, ``Spread: 2. ...``."""
    if step.kind == COMMITMENT:
        return f"{framework.area_word}: {area_title(framework, step.area_id)}"
    if step.kind == SPREAD:
        return f"Spread: {area_title(framework, step.area_id)}"
    return {TEAM_WHEEL: "Team wheel (medians)", TEAM_RANKING: "Team ranking", BOARD: "RAG board"}.get(step.kind, step.kind)


def position(index: int, count: int) -> str:
    """``3 of 20`` for the step at ``index`` (from 0) of ``count``."""
    return f"{index + 1} of {count}"


def step_heading(framework: Framework, steps: Sequence[WorkshopStep], index: int) -> str:
    """``3 of 20 · Commitment: 1. Empowering Professional Development``."""
    return f"{position(index, len(steps))} · {step_title(framework, steps[index])}"


def moved(steps: Sequence[T], index: int, by: int) -> tuple[tuple[T, ...], int]:
    """The steps with the one at ``index`` moved ``by`` places (kept within the ends), and its new index."""
    items = list(steps)
    if not items:
        return (), 0
    target = max(0, min(len(items) - 1, index + by))
    item = items.pop(index)
    items.insert(target, item)
    return tuple(items), target


def demo_sequence(framework: Framework, team_profile_id: int | None, action_plan_id: int | None,
                  now: str, has_ranking: bool = True) -> WorkshopSequence:
    """The demo's "Demo workshop": the default steps over the demo team profile and action plan."""
    steps = default_steps(framework, team_profile_id is not None, has_ranking, action_plan_id is not None)
    return WorkshopSequence(0, "Demo workshop", framework.id, team_profile_id, action_plan_id, steps, now, now)
