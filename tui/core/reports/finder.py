"""The level finder in the 1:1 report (derived levels) and in the "all data" export and import."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from tui.core.exchange import wheels as exchange

from tui.core.reports import one_to_one as reports
from tui.core.wheels import Assessment, now_iso
from tui.core.finder import MARKS, FinderRecord, derive
from tui.core.model import Framework

if TYPE_CHECKING:
    from tui.context import AppContext


def levels_report_section(context: AppContext, wheel: Assessment, framework: Framework) -> reports.Section | None:
    """The best-fit level and each marked area's level from the latest finder record, with next steps."""
    if not framework.levels:
        return None
    record = context.finder.latest(framework.id)
    if record is None or not record.marked_count():
        return None
    result = derive(framework, record)
    lines = [f"From the level finder record \"{record.label}\" ({record.created[:10]}).", "", f"**Best fit:** {result.reason}", ""]
    lines += [f"| {framework.area_word} | Level | Why |", "|---|---|---|"]
    for area in result.areas:
        if area.marked:
            level = area.level.title if area.level else "not yet"
            lines.append(f"| {area.area.heading} | {level} | {area.reason.split(': ', 1)[-1]} |")
    steps = [(a.area, a.next_level, a.next_steps) for a in result.areas if a.marked and a.next_level and a.next_steps]
    if steps:
        lines += ["", "**Next steps** (the exemplars just above the level reached, not yet consistent):", ""]
        for area, level, items in steps:
            for item in items:
                lines.append(f"- {area.heading}, {level.title}: {item}")
    return "Levels from the level finder", "\n".join(lines)


def register() -> None:
    """Add the derived levels to every 1:1 report, and the records to export/import (idempotent)."""
    reports.register_section(levels_report_section)
    register_exchange()


FINDER_FORMAT = "framewheel/level-finder@1"
"""The format name of an exported level-finder record."""


def finder_document(record: FinderRecord) -> dict[str, Any]:
    """A level-finder record in its exchange form."""
    return {"format": FINDER_FORMAT, "framework": {"id": record.framework_id, "version": record.framework_version},
            **{k: v for k, v in record.to_record().items() if k not in ("framework_id", "framework_version")}}


def check_finder_document(doc: object, context: AppContext) -> tuple[list[exchange.Problem], FinderRecord | None]:
    """Problems (field, message) of one exported record, and the record when there are none."""
    if not isinstance(doc, dict):
        return [("", "must be a JSON object")], None
    allowed = {"format", "framework", "label", "created", "updated", "marks", "notes"}
    problems: list[exchange.Problem] = [(key, "is not a field of a level-finder record") for key in doc if key not in allowed]
    if doc.get("format") != FINDER_FORMAT:
        problems.append(("format", f"{json.dumps(doc.get('format'))} is not '{FINDER_FORMAT}'"))
    reference = doc.get("framework")
    framework = context.catalog.get(str(reference.get("id"))) if isinstance(reference, dict) else None
    if framework is None:
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


def _check_finder(context: AppContext, items: list[Any], prefix: str, seen: set[str]) -> exchange.Checked:
    """Check level-finder records for import; the same record imported twice is set apart."""
    return exchange.check_records(
        items, prefix, seen, {_finder_key(r) for r in context.finder.list()}, lambda doc: check_finder_document(doc, context),
        _finder_key, lambda r: f"the level-finder record '{r.label}'", context.finder.add,
    )


def register_exchange() -> None:
    """Add level-finder records to the "all data" export and import (idempotent)."""
    exchange.register_section(exchange.DataSection(
        "level_finder", lambda c: [finder_document(r) for r in reversed(c.finder.list())], _check_finder, "level-finder record",
    ))
