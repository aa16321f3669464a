"""Level-finder records in the "all data" export and import (format ``framewheel/level-finder@1``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tui.core import exchange
from tui.core.finder import MARKS, FinderRecord
from tui.core.frameworks import FrameworkCatalog
from tui.core.timestamps import timestamp_problems
from tui.core.wheels import now_iso

FINDER_FORMAT = "framewheel/level-finder@1"
"""The format name of an exported level-finder record."""


def finder_document(record: FinderRecord) -> dict[str, Any]:
    """A level-finder record in its exchange form."""
    return {"format": FINDER_FORMAT, "framework": {"id": record.framework_id, "version": record.framework_version},
            **{k: v for k, v in record.to_record().items() if k not in ("framework_id", "framework_version")}}


def check_finder_document(doc: object, catalog: FrameworkCatalog) -> tuple[list[exchange.Problem], FinderRecord | None]:
    """Problems (field, message) of one exported record, and the record when there are none."""
    if not isinstance(doc, dict):
        return [("", "must be a JSON object")], None
    allowed = {"format", "framework", "label", "created", "updated", "marks", "notes"}
    problems: list[exchange.Problem] = [(key, "is not a field of a level-finder record") for key in doc if key not in allowed]
    if doc.get("format") != FINDER_FORMAT:
        problems.append(("format", f"{json.dumps(doc.get('format'))} is not '{FINDER_FORMAT}'"))
    problems.extend(timestamp_problems(doc))
    reference = doc.get("framework")
    framework = catalog.get(str(reference.get("id"))) if isinstance(reference, dict) else None
    if framework is None or not isinstance(reference, dict):
        problems.append(("framework.id", "is not a loaded framework"))
        return problems, None
    for field_name in ("marks", "notes"):
        values = doc.get(field_name, {})
        if not isinstance(values, dict):
            problems.append((field_name, "must be an object of areas"))
            continue
        for area_id, entries in values.items():
            area = framework.area(area_id)
            if area is None or not isinstance(entries, dict):
                problems.append((f"{field_name}.{area_id}", f"is not a {framework.area_name} of {framework.title}"))
                continue
            for key, value in entries.items():
                level_id, _, index = key.partition("/")
                if not index.isdigit() or int(index) >= len(area.exemplars.get(level_id, ())):
                    problems.append((f"{field_name}.{area_id}.{key}", "is not an exemplar of this area"))
                elif field_name == "marks" and value not in MARKS:
                    problems.append((f"{field_name}.{area_id}.{key}", f"{json.dumps(value)} is not one of {', '.join(MARKS)}"))
                elif not isinstance(value, str):
                    problems.append((f"{field_name}.{area_id}.{key}", "must be text"))
    if problems:
        return problems, None
    created = str(doc.get("created") or now_iso())
    record = FinderRecord.from_record({"id": 0, "framework_id": framework.id, "framework_version": str(reference.get("version", "")),
                                       "label": str(doc.get("label", "")), "created": created,
                                       "updated": str(doc.get("updated") or created),
                                       "marks": doc.get("marks", {}), "notes": doc.get("notes", {})})
    return [], record


def _finder_key(record: FinderRecord) -> str:
    """What makes two level-finder records the same import."""
    return f"finder:{record.framework_id}:{record.created}:{record.label}"


def check_finder_records(items: list[Any], prefix: str, seen: set[str], stored: Sequence[FinderRecord],
                         catalog: FrameworkCatalog) -> exchange.Checked[FinderRecord]:
    """Check level-finder records for import; the same record imported twice is set apart."""
    return exchange.check_records(
        items, prefix, seen, {_finder_key(r) for r in stored}, lambda doc: check_finder_document(doc, catalog),
        _finder_key, lambda r: f"the level-finder record '{r.label}'",
    )


FINDER_RECORDS = exchange.DataSection("level_finder", finder_document, check_finder_records, "level-finder record")
"""The level finder's section of the "all data" bundle."""
