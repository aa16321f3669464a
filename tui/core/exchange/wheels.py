"""Wheels in exchange files: the ``framewheel/assessment@1`` document, its checks, and CSV.

A single wheel travels as a ``framewheel/assessment@1`` JSON file (the public format in
DESIGN.md and the README); in an "all data" bundle the wheels are the ``assessments``
section (:data:`WHEELS`). Checking never writes (see :mod:`tui.core.exchange`).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from tui.core.csv_cells import safe_row
from tui.core.exchange import Checked, DataSection, Fingerprints, Problem
from tui.core.frameworks import FrameworkCatalog
from tui.core.model import ASSESSMENT_FORMAT, Framework
from tui.core.timestamps import timestamp_problems, timestamp_problem
from tui.core.wheels import Assessment

ASSESSMENT_KEYS = ("format", "framework", "person", "label", "created", "ratings", "notes", "reflections", "share")
"""The keys of an assessment exchange file, in the order they are written."""


# --- wheels -----------------------------------------------------------------------------------


def assessment_document(wheel: Assessment) -> dict[str, Any]:
    """A wheel in the ``framewheel/assessment@1`` exchange form."""
    return {
        "format": ASSESSMENT_FORMAT, "framework": {"id": wheel.framework_id, "version": wheel.framework_version},
        "person": wheel.person, "label": wheel.label, "created": wheel.created,
        "ratings": {a: dict(v) for a, v in wheel.ratings.items()}, "notes": dict(wheel.notes),
        "reflections": dict(wheel.reflections),
    }


def stored_document(record: Mapping[str, Any]) -> dict[str, Any]:
    """A stored wheel record in the exchange form, without building its :class:`Assessment`: the same
    document as :func:`assessment_document` of ``Assessment.from_record(record)``, for exporting
    thousands of wheels. Its nested values are the record's own: serialise it, do not change it."""
    return {
        "format": ASSESSMENT_FORMAT,
        "framework": {"id": str(record.get("framework_id", "")), "version": str(record.get("framework_version", ""))},
        "person": str(record.get("person", "")), "label": str(record.get("label", "")),
        "created": str(record.get("created", "")), "ratings": record.get("ratings", {}),
        "notes": record.get("notes", {}), "reflections": record.get("reflections", {}),
    }


def fingerprint(framework_id: str, created: str, person: str, label: str, ratings: dict[str, Any]) -> str:
    """What makes two wheels the same import: framework, created, person, label and ratings."""
    key = json.dumps([framework_id, created, person, label, ratings], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def wheel_fingerprint(wheel: Assessment) -> str:
    """The fingerprint of a stored wheel."""
    return fingerprint(wheel.framework_id, wheel.created, wheel.person, wheel.label, wheel.ratings)


def is_timestamp(value: object) -> bool:
    """True for an ISO 8601 date and time with its UTC offset (``Z`` allowed)."""
    return timestamp_problem(value) is None


def _text_map(doc: dict[str, Any], name: str, allowed: set[str], what: str, problems: list[Problem]) -> dict[str, str]:
    """Check an optional mapping of text keyed by ``allowed`` ids; record problems."""
    value = doc.get(name, {})
    if not isinstance(value, dict):
        problems.append((name, "must be an object of text"))
        return {}
    for key, text in value.items():
        if key not in allowed:
            problems.append((f"{name}.{key}", f"is not {what}"))
        elif not isinstance(text, str):
            problems.append((f"{name}.{key}", "must be text"))
    return value


def check_assessment(doc: object, catalog: FrameworkCatalog) -> tuple[list[Problem], Assessment | None]:
    """Every problem with an assessment exchange document, else the wheel to store."""
    if not isinstance(doc, dict):
        return [("", "must be a JSON object")], None
    problems: list[Problem] = []
    if doc.get("format") != ASSESSMENT_FORMAT:
        problems.append(("format", f"must be '{ASSESSMENT_FORMAT}', not {json.dumps(doc.get('format'))}"))
    problems.extend((key, f"is not a field of {ASSESSMENT_FORMAT}") for key in doc if key not in ASSESSMENT_KEYS)
    ref = doc.get("framework")
    framework: Framework | None = None
    if not isinstance(ref, dict) or not isinstance(ref.get("id"), str) or not isinstance(ref.get("version", ""), str):
        problems.append(("framework", 'must be {"id": TEXT, "version": TEXT}'))
    else:
        framework = catalog.get(ref["id"])
        if framework is None:
            known = ", ".join(sorted(catalog.frameworks)) or "none"
            problems.append(("framework.id", f"'{ref['id']}' is not a loaded framework (loaded: {known})"))
    for name in ("person", "label"):
        if not isinstance(doc.get(name, ""), str):
            problems.append((name, "must be text"))
    if "share" in doc and doc["share"] != "named":
        problems.append(("share", f"must be \"named\" (the person agreed to be named), not {json.dumps(doc['share'])}"))
    problems.extend(timestamp_problems(doc, ("created",), required=("created",)))
    ratings = doc.get("ratings", {})
    if not isinstance(ratings, dict):
        problems.append(("ratings", "must be an object of areas"))
        ratings = {}
    if framework is None:
        return problems or [("framework", "is missing")], None
    word = framework.area_name
    series_ids = framework.series_ids  # computed once: a team profile checks a thousand files
    for area_id, cells in ratings.items():
        where = f"ratings.{area_id}"
        if framework.area(area_id) is None:
            problems.append((where, f"'{area_id}' is not a {word} of {framework.id}"))
            continue
        if not isinstance(cells, dict):
            problems.append((where, "must be an object of series"))
            continue
        for series_id, value in cells.items():
            if series_id not in series_ids:
                problems.append((f"{where}.{series_id}", f"'{series_id}' is not a series ({', '.join(series_ids)})"))
            elif not framework.scale.contains(value):
                scale = f"{framework.scale.min}-{framework.scale.max}"
                why = "is off the scale" if isinstance(value, int) and not isinstance(value, bool) else "is not a whole number on the scale"
                problems.append((f"{where}.{series_id}", f"{json.dumps(value)} {why} {scale}"))
    notes = _text_map(doc, "notes", set(framework.area_ids), f"a {word} of {framework.id}", problems)
    questions = {str(i) for i in range(len(framework.reflection))}
    reflections = _text_map(doc, "reflections", questions, f"a reflection question (0 to {len(questions) - 1})", problems)
    if problems:
        return problems, None
    created = str(doc["created"])
    wheel = Assessment(
        id=0, framework_id=framework.id, framework_version=str(doc["framework"].get("version") or framework.version),
        label=doc.get("label", "") or f"Imported wheel of {created[:10]}", created=created, updated=created,
        person=doc.get("person", ""), ratings={a: dict(v) for a, v in ratings.items() if v},
        notes=dict(notes), reflections=dict(reflections),
    )
    return [], wheel


def check_wheels(items: list[Any], prefix: str, seen: set[str], stored_wheels: Sequence[Assessment] | Fingerprints,
                 catalog: FrameworkCatalog) -> Checked[Assessment]:
    """Check wheels for import; duplicates of stored or already-read wheels are set apart.

    ``stored_wheels`` is the stored wheels, or a :class:`~tui.core.exchange.Fingerprints` lookup that
    gives the fingerprints of the stored wheels created when a wheel was (the only ones it can equal).
    """
    result: Checked[Assessment] = Checked()
    if isinstance(stored_wheels, Fingerprints):
        known = stored_wheels.candidates
    else:
        every = {wheel_fingerprint(w) for w in stored_wheels}
        known = lambda wheel: every  # noqa: E731 - the same question of both kinds of ``stored_wheels``
    for index, doc in enumerate(items):
        where = prefix.format(index)
        problems, wheel = check_assessment(doc, catalog)
        result.problems.extend((f"{where}{f}".rstrip("."), m) for f, m in problems)
        if wheel is None:
            continue
        key = wheel_fingerprint(wheel)
        if key in seen or key in known(wheel):
            lead = f"{where.rstrip('.')}: " if where else ""
            result.duplicates.append(f"{lead}the wheel '{wheel.label}' of {wheel.created} was already imported")
            continue
        seen.add(key)
        result.records.append(wheel)
        lead = f"{where.rstrip('.')}: " if where else ""
        notice = version_notice(wheel, catalog)
        if notice:
            result.notices.append(lead + notice)
        if not where and isinstance(doc, dict) and ("share" in doc or wheel.person):  # a single wheel's file, not a bundle
            result.notices.append(lead + team_notice(wheel))
    return result


def team_notice(wheel: Assessment) -> str:
    """What to say when a wheel that looks like someone's share file is imported into one's own wheels."""
    whose = f"'{wheel.person}'" if wheel.person else "a colleague"
    return (f"the wheel of {whose} goes into your own wheel history; to combine a team's share files "
            "without adding them to your wheels, use 'framewheel team FILE|FOLDER...' or t (Team profile) on home")


def version_notice(wheel: Assessment, catalog: FrameworkCatalog) -> str | None:
    """What to say when a wheel was made with another version of its framework than the loaded one.

    The wheel is imported all the same and keeps its own version (its areas and scale were
    checked against the loaded version); None when the versions agree.
    """
    framework = catalog.get(wheel.framework_id)
    if framework is None or not wheel.framework_version or wheel.framework_version == framework.version:
        return None
    return (f"wheel '{wheel.label}': made with {framework.title} version {wheel.framework_version}, "
            f"imported beside version {framework.version}")


CSV_COLUMNS = ("wheel_id", "framework", "framework_version", "person", "label", "created", "area", "series", "value", "note",
               "series_letter", "series_title")
"""The columns of a CSV export of wheels (one row per area and series; empty value = not rated).

``series_letter`` and ``series_title`` are the series' letter and title in the framework file
(empty for a series the framework no longer has); they come last, so readers of the first ten
columns are unaffected."""


def to_csv(catalog: FrameworkCatalog, wheels: list[Assessment]) -> str:
    """Wheels as CSV rows, one per area and series of their framework (formula-like text cells prefixed with ``'``)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for wheel in wheels:
        framework = catalog.get(wheel.framework_id)
        cells = ([(a.id, s.id) for a in framework.areas for s in framework.series] if framework else
                 [(a, s) for a, values in wheel.ratings.items() for s in values])
        known = ({s.id: (letter, s.title) for s, letter in zip(framework.series, framework.series_letters)}
                 if framework else {})
        for area_id, series_id in cells:
            value = wheel.rating(area_id, series_id)
            letter, title = known.get(series_id, ("", ""))
            writer.writerow(safe_row([wheel.id, wheel.framework_id, wheel.framework_version, wheel.person, wheel.label,
                                      wheel.created, area_id, series_id, "" if value is None else value,
                                      wheel.notes.get(area_id, ""), letter, title]))
    return out.getvalue()


WHEELS = DataSection("assessments", assessment_document, check_wheels, "wheel", standalone_format=ASSESSMENT_FORMAT)
"""The wheels' section of the "all data" bundle."""
