"""Exchange files: export wheels and all data, and import them back, checked first.

A single wheel travels as a ``framewheel/assessment@1`` JSON file (the public
format in DESIGN.md and the README). "All data" is a ``framewheel/export@1``
bundle with one list per registered :class:`DataSection`; an activity adds
itself with :func:`register_section` (see the README). Import reads and checks
every file before anything is written; a file with any problem, or one already
imported, adds nothing.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui import plugins
from tui.core.wheels import Assessment, now_iso
from tui.core.development_plan import STATUSES, Objective, check_objective
from tui.core.frameworks import FrameworkCatalog
from tui.core.model import ASSESSMENT_FORMAT, Framework

if TYPE_CHECKING:
    from tui.context import AppContext

BUNDLE_FORMAT = "framewheel/export@1"
"""The format of an "all data" export: one list per data section."""

ASSESSMENT_KEYS = ("format", "framework", "person", "label", "created", "ratings", "notes", "reflections")
"""The keys of an assessment exchange file, in the order they are written."""

Problem = tuple[str, str]
"""(field, what is wrong) found in one document."""


@dataclass
class Checked:
    """What checking one section of one file found: problems, duplicates, and the writes to make."""

    problems: list[Problem] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    writes: list[Callable[[], object]] = field(default_factory=list)
    count: int = 0


@dataclass(frozen=True)
class DataSection:
    """One kind of data in an "all data" export, and how to check and store it on import."""

    name: str
    """The key of its list in the bundle."""
    export: Callable[[AppContext], list[dict[str, Any]]]
    check: Callable[[AppContext, list[Any], str, set[str]], Checked]
    """Check the items (field prefix, fingerprints seen so far in this run); never writes."""
    noun: str = "item"
    """What one item is called in messages ("wheel", "objective")."""

    def count(self, n: int) -> str:
        """``n`` items in words, e.g. "1 wheel", "2 wheels"."""
        return f"{n} {self.noun}{'' if n == 1 else 's'}"


SECTIONS: list[DataSection] = []
"""The registered data sections, in export order."""


def register_section(section: DataSection) -> None:
    """Add (or replace, by name) a data section of the "all data" export and import."""
    SECTIONS[:] = [s for s in SECTIONS if s.name != section.name] + [section]


RecordT = TypeVar("RecordT")


def check_records(
    items: list[Any], prefix: str, seen: set[str], stored: set[str],
    check_one: Callable[[Any], tuple[list[Problem], RecordT | None]],
    key_of: Callable[[RecordT], str], describe: Callable[[RecordT], str], store: Callable[[RecordT], object],
) -> Checked:
    """Check each item of a section: problems by field, duplicates (stored or earlier in this run) set apart.

    ``check_one`` gives an item's problems and, when there are none, the record to store; ``key_of``
    what makes two records the same import; ``describe`` how a duplicate is named; ``store`` the
    write made (later, only if every file is fine) for each new record.
    """
    result = Checked()
    for index, doc in enumerate(items):
        where = prefix.format(index)
        problems, record = check_one(doc)
        result.problems.extend((f"{where}{field}".rstrip("."), message) for field, message in problems)
        if record is None:
            continue
        key = key_of(record)
        if key in stored or key in seen:
            result.duplicates.append(f"{where.rstrip('.')}: {describe(record)} was already imported")
            continue
        seen.add(key)
        result.writes.append(partial(store, record))
        result.count += 1
    return result


# --- wheels -----------------------------------------------------------------------------------


def assessment_document(wheel: Assessment) -> dict[str, Any]:
    """A wheel in the ``framewheel/assessment@1`` exchange form."""
    return {
        "format": ASSESSMENT_FORMAT, "framework": {"id": wheel.framework_id, "version": wheel.framework_version},
        "person": wheel.person, "label": wheel.label, "created": wheel.created,
        "ratings": {a: dict(v) for a, v in wheel.ratings.items()}, "notes": dict(wheel.notes),
        "reflections": dict(wheel.reflections),
    }


def fingerprint(framework_id: str, created: str, person: str, label: str, ratings: dict[str, Any]) -> str:
    """What makes two wheels the same import: framework, created, person, label and ratings."""
    key = json.dumps([framework_id, created, person, label, ratings], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def wheel_fingerprint(wheel: Assessment) -> str:
    """The fingerprint of a stored wheel."""
    return fingerprint(wheel.framework_id, wheel.created, wheel.person, wheel.label, wheel.ratings)


def _is_timestamp(value: object) -> bool:
    """True for an ISO 8601 date and time (``Z`` allowed)."""
    if not isinstance(value, str) or "T" not in value:
        return False
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


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
    if not _is_timestamp(doc.get("created")):
        problems.append(("created", f"{json.dumps(doc.get('created'))} is not a date and time like 2026-11-22T10:15:00+00:00"))
    ratings = doc.get("ratings", {})
    if not isinstance(ratings, dict):
        problems.append(("ratings", "must be an object of areas"))
        ratings = {}
    if framework is None:
        return problems or [("framework", "is missing")], None
    word = framework.area_name
    for area_id, cells in ratings.items():
        where = f"ratings.{area_id}"
        if framework.area(area_id) is None:
            problems.append((where, f"'{area_id}' is not a {word} of {framework.id}"))
            continue
        if not isinstance(cells, dict):
            problems.append((where, "must be an object of series"))
            continue
        for series_id, value in cells.items():
            if series_id not in framework.series_ids:
                problems.append((f"{where}.{series_id}", f"'{series_id}' is not a series ({', '.join(framework.series_ids)})"))
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
        id=0, framework_id=framework.id, framework_version=str(doc["framework"].get("version", framework.version)),
        label=doc.get("label", "") or f"Imported wheel of {created[:10]}", created=created, updated=created,
        person=doc.get("person", ""), ratings={a: dict(v) for a, v in ratings.items() if v},
        notes=dict(notes), reflections=dict(reflections),
    )
    return [], wheel


def _check_wheels(context: AppContext, items: list[Any], prefix: str, seen: set[str]) -> Checked:
    """Check wheels for import; duplicates of stored or already-read wheels are set apart."""
    result = Checked()
    stored = {wheel_fingerprint(w) for w in context.assessments.list()}
    wheels: list[Assessment] = []
    for index, doc in enumerate(items):
        where = prefix.format(index)
        problems, wheel = check_assessment(doc, context.catalog)
        result.problems.extend((f"{where}{f}".rstrip("."), m) for f, m in problems)
        if wheel is None:
            continue
        key = wheel_fingerprint(wheel)
        if key in stored or key in seen:
            lead = f"{where.rstrip('.')}: " if where else ""
            result.duplicates.append(f"{lead}the wheel '{wheel.label}' of {wheel.created} was already imported")
            continue
        seen.add(key)
        wheels.append(wheel)
    if wheels:
        result.writes.append(partial(context.assessments.add_many, wheels))
        result.count = len(wheels)
    return result


# --- development plan ---------------------------------------------------------------------------

OBJECTIVE_KEYS = ("framework", "title", "areas", "success_criteria", "activities", "target_date", "status",
                  "review_notes", "created", "updated")
"""The keys of an objective in an "all data" export."""


FIELD_OF_LABEL = {"Title": "title", "Success criteria": "success_criteria", "Target date": "target_date", "Status": "status"}
"""The exchange field named by each label of :func:`check_objective` (the rest are about areas)."""


def objective_document(objective: Objective) -> dict[str, Any]:
    """An objective in its exchange form."""
    record = objective.to_record()
    return {"framework": objective.framework_id, **{k: record[k] for k in OBJECTIVE_KEYS[1:]}}


def _check_objectives(context: AppContext, items: list[Any], prefix: str, seen: set[str]) -> Checked:
    """Check objectives for import (appended to the end of their plan)."""
    result = Checked()
    existing = context.development_plan.list()
    stored = {f"objective:{o.framework_id}:{o.created}:{o.title}" for o in existing}
    last = {o.framework_id: o.position for o in existing}
    objectives: list[Objective] = []
    for index, doc in enumerate(items):
        where = prefix.format(index)
        if not isinstance(doc, dict):
            result.problems.append((where.rstrip("."), "must be a JSON object"))
            continue
        problems = [(k, "is not a field of an objective") for k in doc if k not in OBJECTIVE_KEYS]
        framework = context.catalog.get(str(doc.get("framework")))
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
        for stamp in ("created", "updated"):
            if stamp in doc and not _is_timestamp(doc[stamp]):
                problems.append((stamp, f"{json.dumps(doc[stamp])} is not a date and time"))
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
        objectives.append(Objective.from_record({**record, "status": doc.get("status", STATUSES[0])}))
    if objectives:
        result.writes.append(partial(context.development_plan.add_many, objectives))
        result.count = len(objectives)
    return result


register_section(DataSection(
    "assessments", lambda c: [assessment_document(w) for w in reversed(c.assessments.list())], _check_wheels, "wheel",
))
register_section(DataSection(
    "objectives", lambda c: [objective_document(o) for o in c.development_plan.list()], _check_objectives, "objective",
))


# --- export -------------------------------------------------------------------------------------


def export_all(context: AppContext) -> dict[str, Any]:
    """Every registered section's data as one bundle."""
    plugins.load()
    return {"format": BUNDLE_FORMAT, "exported": now_iso(), **{s.name: s.export(context) for s in SECTIONS}}


def to_json(document: dict[str, Any]) -> str:
    """JSON text of an export (UTF-8 characters kept, indented, ending in a newline)."""
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


CSV_COLUMNS = ("wheel_id", "framework", "framework_version", "person", "label", "created", "area", "series", "value", "note")
"""The columns of a CSV export of wheels (one row per area and series; empty value = not rated)."""


def to_csv(context: AppContext, wheels: list[Assessment]) -> str:
    """Wheels as CSV rows, one per area and series of their framework."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for wheel in wheels:
        framework = context.catalog.get(wheel.framework_id)
        cells = ([(a.id, s.id) for a in framework.areas for s in framework.series] if framework else
                 [(a, s) for a, values in wheel.ratings.items() for s in values])
        for area_id, series_id in cells:
            value = wheel.rating(area_id, series_id)
            writer.writerow([wheel.id, wheel.framework_id, wheel.framework_version, wheel.person, wheel.label, wheel.created,
                             area_id, series_id, "" if value is None else value, wheel.notes.get(area_id, "")])
    return out.getvalue()


# --- import -------------------------------------------------------------------------------------


@dataclass
class FileOutcome:
    """What importing one file found and did."""

    path: str
    problems: list[str] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    writes: list[Callable[[], object]] = field(default_factory=list)

    @property
    def importable(self) -> bool:
        """True when the file has no problems (its new items can be written)."""
        return not self.problems


def _read(path: str) -> tuple[object, str | None]:
    """The parsed JSON of a file, or why it cannot be read."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return None, "the file does not exist"
    except IsADirectoryError:
        return None, "is a folder, not a file"
    except OSError as error:
        return None, f"cannot be read: {error.strerror or error}"
    try:
        return json.loads(raw.decode("utf-8")), None
    except UnicodeDecodeError:
        return None, "is not UTF-8 text"
    except json.JSONDecodeError as error:
        return None, f"line {error.lineno} column {error.colno}: not valid JSON: {error.msg}"


def check_file(context: AppContext, path: str, seen: set[str]) -> FileOutcome:
    """Read and check one exchange file; nothing is written."""
    plugins.load()
    outcome = FileOutcome(path)
    doc, why = _read(path)
    if why is not None:
        outcome.problems.append(f"{path}: {why}")
        return outcome
    if isinstance(doc, dict) and doc.get("format") == BUNDLE_FORMAT:
        names = {s.name for s in SECTIONS}
        outcome.problems.extend(f"{path}: {k}: is not a section of {BUNDLE_FORMAT}" for k in doc if k not in names | {"format", "exported"})
        parts = [(s, doc.get(s.name, []), s.name + "[{}].") for s in SECTIONS]
    else:
        wheels = [s for s in SECTIONS if s.name == "assessments"]
        parts = [(wheels[0], [doc], "")]
        if not isinstance(doc, dict) or doc.get("format") != ASSESSMENT_FORMAT:
            found = json.dumps(doc.get("format")) if isinstance(doc, dict) else "no format"
            outcome.problems.append(f"{path}: format: {found} is not {ASSESSMENT_FORMAT} or {BUNDLE_FORMAT}")
            return outcome
    for section, items, prefix in parts:
        if not isinstance(items, list):
            outcome.problems.append(f"{path}: {section.name}: must be a list")
            continue
        checked = section.check(context, items, prefix, seen)
        outcome.problems.extend(f"{path}: {f}: {m}" if f else f"{path}: {m}" for f, m in checked.problems)
        outcome.duplicates.extend(f"{path}: {d}" for d in checked.duplicates)
        outcome.writes.extend(checked.writes)
        if checked.count:
            outcome.counts[section.name] = checked.count
    return outcome


def import_files(context: AppContext, paths: list[str]) -> list[FileOutcome]:
    """Check every file first, then store the new items of each file without problems."""
    seen: set[str] = set()
    outcomes = []
    for path in paths:
        local = set(seen)
        outcome = check_file(context, path, local)
        if outcome.importable:
            seen = local
        outcomes.append(outcome)
    for outcome in outcomes:
        if outcome.importable:
            for write in outcome.writes:
                write()
        else:
            outcome.counts = {}
    return outcomes
