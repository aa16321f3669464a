"""Development-plan objectives in the "all data" export and import (the ``objectives`` section)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tui.core.development_plan import STATUSES, Objective, check_objective
from tui.core.exchange import Checked, DataSection
from tui.core.timestamps import timestamp_problems
from tui.core.frameworks import FrameworkCatalog
from tui.core.wheels import now_iso


OBJECTIVE_KEYS = ("framework", "title", "areas", "success_criteria", "activities", "target_date", "status",
                  "review_notes", "created", "updated", "role")
"""The keys of an objective in an "all data" export."""


FIELD_OF_LABEL = {"Title": "title", "Success criteria": "success_criteria", "Target date": "target_date", "Status": "status"}
"""The exchange field named by each label of :func:`check_objective` (the rest are about areas)."""


def objective_document(objective: Objective) -> dict[str, Any]:
    """An objective in its exchange form."""
    record = objective.to_record()
    document = {"framework": objective.framework_id, **{k: record[k] for k in OBJECTIVE_KEYS[1:]}}
    if not objective.role:
        del document["role"]  # only an objective drawn from a role's shortfall names one
    return document


def check_objectives(items: list[Any], prefix: str, seen: set[str], existing: Sequence[Objective],
                     catalog: FrameworkCatalog) -> Checked[Objective]:
    """Check objectives for import (appended to the end of their plan)."""
    result: Checked[Objective] = Checked()
    stored = {f"objective:{o.framework_id}:{o.created}:{o.title}" for o in existing}
    last = {o.framework_id: o.position for o in existing}
    for index, doc in enumerate(items):
        where = prefix.format(index)
        if not isinstance(doc, dict):
            result.problems.append((where.rstrip("."), "must be a JSON object"))
            continue
        problems = [(k, "is not a field of an objective") for k in doc if k not in OBJECTIVE_KEYS]
        framework = catalog.get(str(doc.get("framework")))
        if framework is None:
            problems.append(("framework", f"{json.dumps(doc.get('framework'))} is not a loaded framework"))
        else:
            fields = {k: doc.get(k, "" if k != "areas" else []) for k in OBJECTIVE_KEYS[1:8]}
            fields["status"] = doc.get("status", STATUSES[0])
            if not isinstance(fields["areas"], list):
                problems.append(("areas", "must be a list of area ids"))
            else:
                for problem in check_objective(fields, framework):
                    label, message = problem.split(": ", 1)
                    problems.append((FIELD_OF_LABEL.get(label, "areas"), message))
        problems.extend(timestamp_problems(doc))
        if not isinstance(doc.get("role", ""), str):
            problems.append(("role", "must be text (the name of the role the objective develops towards)"))
        result.problems.extend((f"{where}{f}", m) for f, m in problems)
        if problems or framework is None:
            continue
        created = str(doc.get("created") or now_iso())
        key = f"objective:{framework.id}:{created}:{doc['title']}"
        if key in stored or key in seen:
            result.duplicates.append(f"{where.rstrip('.')}: the objective '{doc['title']}' was already imported")
            continue
        seen.add(key)
        last[framework.id] = last.get(framework.id, -1) + 1
        record = {**{k: doc.get(k, "") for k in OBJECTIVE_KEYS[1:]}, "framework_id": framework.id,
                  "created": created, "updated": str(doc.get("updated") or created), "position": last[framework.id]}
        result.records.append(Objective.from_record({**record, "status": doc.get("status", STATUSES[0])}))
    return result


OBJECTIVES = DataSection("objectives", objective_document, check_objectives, "objective")
"""The development plan's section of the "all data" bundle."""
