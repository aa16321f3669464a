"""Saved workshop sequences in the "all data" export and import (the ``workshops`` section, :data:`WORKSHOPS`).

An exported sequence is its name, framework, timestamps and steps with a ``format``::

    {"format": "framewheel/workshop@1", "framework": {"id": "ahep"}, "name": "Spring away day",
     "created": "...", "updated": "...", "steps": [{"kind": "commitment", "area": "working-together"}, ...]}

The team profile and the action plan a sequence shows are record ids of one data file, which mean
nothing in another: they are not exported, and an imported sequence shows none until `t` and `b`
in the sequence choose them (the import says so). Every step is checked on import: an unknown kind
or an area the framework does not have is reported by its field, e.g. ``workshops[0].steps[3]``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tui.core import exchange
from tui.core.frameworks import FrameworkCatalog
from tui.core.timestamps import timestamp_problems
from tui.core.wheels import now_iso
from tui.core.workshop import WorkshopError, WorkshopSequence, WorkshopStep, check_steps

WORKSHOP_RECORD_FORMAT = "framewheel/workshop@1"
"""The ``format`` of one saved workshop sequence in an export."""

KEYS = {"format", "framework", "name", "created", "updated", "steps"}
"""The fields of a workshop sequence in an export."""

NOT_LINKED = ("imported workshop sequences show no team profile or action plan until t and b in the "
              "sequence choose them (record ids do not travel between data files)")
"""The notice of an import that brought workshop sequences."""


def workshop_to_dict(sequence: WorkshopSequence) -> dict[str, Any]:
    """One sequence in its exchange form (without the record ids of its team profile and action plan)."""
    return {"format": WORKSHOP_RECORD_FORMAT, "framework": {"id": sequence.framework_id}, "name": sequence.name,
            "created": sequence.created, "updated": sequence.updated,
            "steps": [step.to_record() for step in sequence.steps]}


def fingerprint(sequence: WorkshopSequence) -> str:
    """What makes two sequences the same import."""
    steps = json.dumps([step.to_record() for step in sequence.steps], sort_keys=True)
    return f"workshop:{sequence.framework_id}:{sequence.created}:{sequence.name}:{steps}"


def check_workshop(doc: object, catalog: FrameworkCatalog) -> tuple[list[exchange.Problem], WorkshopSequence | None]:
    """Problems of one exported sequence (field, message), and the sequence when there are none."""
    if not isinstance(doc, dict):
        return [("", "must be a JSON object")], None
    problems, framework = exchange.check_named_record(doc, KEYS, WORKSHOP_RECORD_FORMAT, "a workshop sequence", catalog)
    name = doc.get("name")
    problems.extend(timestamp_problems(doc))
    found = doc.get("steps")
    steps: list[WorkshopStep] = []
    if not isinstance(found, list):
        problems.append(("steps", "must be a list of steps"))
        found = []
    for index, item in enumerate(found):
        try:
            step = WorkshopStep.from_record(item, index + 1)
            if framework is not None:
                check_steps(framework, [step])
        except WorkshopError as problem:
            message = str(problem).split(": ", 1)[-1]
            problems.append((f"steps[{index}]", message))
            continue
        steps.append(step)
    if problems or framework is None:
        return problems, None
    created = str(doc.get("created") or now_iso())
    return [], WorkshopSequence(0, str(name).strip(), framework.id, None, None, tuple(steps), created,
                                str(doc.get("updated") or created))


def check_workshops(items: list[Any], prefix: str, seen: set[str], stored: Sequence[WorkshopSequence],
                    catalog: FrameworkCatalog) -> exchange.Checked[WorkshopSequence]:
    """Check sequences for import; duplicates of stored or already-read ones are set apart."""
    checked = exchange.check_records(
        items, prefix, seen, {fingerprint(s) for s in stored}, lambda doc: check_workshop(doc, catalog),
        fingerprint, lambda s: f"the workshop sequence '{s.name}'",
    )
    if checked.records:
        checked.notices.append(NOT_LINKED)
    return checked


WORKSHOPS = exchange.DataSection("workshops", workshop_to_dict, check_workshops, "workshop sequence")
"""The saved workshop sequences' section of the "all data" bundle."""
