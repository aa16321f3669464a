"""The institution's catalogue and value mapping in exchange files: bundle sections, CSV and Markdown.

A development activity in the ``catalogue`` section of the "all data" bundle::

    {"format": "framewheel/development-activity@1", "framework": {"id": "ahep"},
     "name": "Coaching skills for managers", "serves": [{"area": "working-together", "level": "member"}],
     "date": "2027-02-17", "provider": "People Development", "link": "https://example.org/coaching"}

An institution value in the ``institution_values`` section::

    {"format": "framewheel/institution-value@1", "framework": {"id": "ahep"}, "name": "Integrity",
     "description": "...", "areas": ["responsible-practice"], "framework_values": ["credible"]}

The catalogue's CSV form has the columns ``activity,area,level,date,provider,link``: one row
per area (and level) an activity serves; rows with the same activity, date, provider and link
are one activity. The value mapping's CSV form has ``value,area,framework_value,description``
(``description`` optional): one row per area or framework value a value is mapped to. An area
is named by its id, code or title, a level or a framework value by its id or title. A CSV is
checked whole before anything is stored, and each problem names its line and column.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from tui.core import exchange
from tui.core.csv_cells import safe_row
from tui.core.csv_rows import CsvImportError, CsvProblem, Row, read_rows
from tui.core.frameworks import FrameworkCatalog
from tui.core.institution import (ANY_LEVEL, DevelopmentActivity, InstitutionError, InstitutionValue, find_area,
                                  find_level, find_value, level_choices, ordered_serves, parse_date, sorted_activities)
from tui.core.model import Framework
from tui.core.timestamps import timestamp_problems
from tui.core.wheels import now_iso

ACTIVITY_FORMAT = "framewheel/development-activity@1"
"""The ``format`` of one development activity in a bundle."""

VALUE_FORMAT = "framewheel/institution-value@1"
"""The ``format`` of one institution value in a bundle."""

CATALOGUE_COLUMNS = ("activity", "area", "level", "date", "provider", "link")
"""The catalogue CSV's columns, in order (``framewheel import`` knows the file by this header)."""

VALUE_COLUMNS = ("value", "area", "framework_value", "description")
"""The value mapping CSV's columns, in order; ``description`` may be left out."""

MAX_CSV_BYTES = 5_000_000
"""A CSV larger than this is refused (it cannot be a catalogue someone typed)."""

ACTIVITY_KEYS = {"format", "framework", "name", "serves", "date", "provider", "link", "example", "created", "updated"}
VALUE_KEYS = {"format", "framework", "name", "description", "areas", "framework_values", "example", "created", "updated"}


# --- bundle sections -------------------------------------------------------------------------


def activity_to_dict(activity: DevelopmentActivity) -> dict[str, Any]:
    """One development activity in its exchange form."""
    document: dict[str, Any] = {"format": ACTIVITY_FORMAT, "framework": {"id": activity.framework_id},
                                "name": activity.title,
                                "serves": [{"area": a, "level": lv} for a, lv in activity.serves]}
    for key in ("date", "provider", "link"):
        if getattr(activity, key):
            document[key] = getattr(activity, key)
    if activity.example:
        document["example"] = True
    document.update({k: getattr(activity, k) for k in ("created", "updated") if getattr(activity, k)})
    return document


def activity_fingerprint(activity: DevelopmentActivity) -> str:
    """What makes two activities the same import."""
    return "activity:" + json.dumps([activity.framework_id, " ".join(activity.title.split()).casefold(),
                                     sorted(activity.serves), activity.date, activity.provider.strip(),
                                     activity.link.strip()])


def _texts(doc: dict[str, Any], keys: Sequence[str]) -> list[exchange.Problem]:
    """A problem for each of ``keys`` present but not text."""
    return [(key, "must be text") for key in keys if key in doc and not isinstance(doc[key], str)]


def check_activity_document(doc: object, catalog: FrameworkCatalog) -> tuple[list[exchange.Problem], DevelopmentActivity | None]:
    """Problems of one activity document (field, message), and the activity when there are none."""
    if not isinstance(doc, dict):
        return [("", "must be a JSON object")], None
    problems, framework = exchange.check_named_record(doc, ACTIVITY_KEYS, ACTIVITY_FORMAT, "a development activity",
                                                      catalog)
    problems.extend(timestamp_problems(doc))
    problems.extend(_texts(doc, ("date", "provider", "link")))
    if "example" in doc and not isinstance(doc["example"], bool):
        problems.append(("example", "must be true or false"))
    found = doc.get("serves")
    serves: list[tuple[str, str]] = []
    if not isinstance(found, list) or not found:
        problems.append(("serves", "must be a list of at least one {\"area\": ID, \"level\": ID or \"\"}"))
        found = []
    for index, item in enumerate(found):
        if not isinstance(item, dict) or not isinstance(item.get("area"), str) or \
                not isinstance(item.get("level", ""), str) or set(item) - {"area", "level"}:
            problems.append((f"serves[{index}]", "must be {\"area\": ID, \"level\": ID or \"\"}"))
            continue
        if framework is not None:
            if framework.area(item["area"]) is None:
                problems.append((f"serves[{index}].area", f"'{item['area']}' is not a {framework.area_name} of {framework.id}"))
            elif item.get("level") and framework.level(item["level"]) is None:
                problems.append((f"serves[{index}].level", f"'{item['level']}' is not a level of {framework.id} "
                                                          f"({level_choices(framework)})"))
            else:
                serves.append((item["area"], item.get("level", ANY_LEVEL)))
    date = doc.get("date", "")
    if isinstance(date, str):
        try:
            parse_date(date)
        except InstitutionError as error:
            problems.append(("date", str(error)))
    if problems or framework is None:
        return problems, None
    created = str(doc.get("created") or now_iso())
    return [], DevelopmentActivity(0, framework.id, str(doc["name"]).strip(), ordered_serves(framework, serves),
                                   parse_date(str(date)), str(doc.get("provider", "")).strip(),
                                   str(doc.get("link", "")).strip(), doc.get("example") is True, created,
                                   str(doc.get("updated") or created))


def check_catalogue(items: list[Any], prefix: str, seen: set[str], stored: Sequence[DevelopmentActivity],
                    catalog: FrameworkCatalog) -> exchange.Checked[DevelopmentActivity]:
    """Check development activities for import; duplicates of stored or already-read ones are set apart."""
    same = {activity_fingerprint(a) for a in stored}
    return exchange.check_records(items, prefix, seen, same, lambda d: check_activity_document(d, catalog),
                                  activity_fingerprint, lambda a: f"the activity '{a.title}'")


def value_to_dict(value: InstitutionValue) -> dict[str, Any]:
    """One institution value in its exchange form."""
    document: dict[str, Any] = {"format": VALUE_FORMAT, "framework": {"id": value.framework_id}, "name": value.title}
    if value.description:
        document["description"] = value.description
    document["areas"] = list(value.areas)
    document["framework_values"] = list(value.framework_values)
    if value.example:
        document["example"] = True
    document.update({k: getattr(value, k) for k in ("created", "updated") if getattr(value, k)})
    return document


def value_fingerprint(value: InstitutionValue) -> str:
    """What makes two institution values the same import."""
    return "value:" + json.dumps([value.framework_id, " ".join(value.title.split()).casefold(), sorted(value.areas),
                                  sorted(value.framework_values)])


def _id_list(doc: dict[str, Any], key: str) -> tuple[list[str], list[exchange.Problem]]:
    """A list of ids at ``key`` (missing: empty), or a problem."""
    found = doc.get(key, [])
    if not isinstance(found, list) or not all(isinstance(i, str) for i in found):
        return [], [(key, "must be a list of ids (text)")]
    return list(dict.fromkeys(found)), []


def check_value_document(doc: object, catalog: FrameworkCatalog) -> tuple[list[exchange.Problem], InstitutionValue | None]:
    """Problems of one institution value document, and the value when there are none."""
    if not isinstance(doc, dict):
        return [("", "must be a JSON object")], None
    problems, framework = exchange.check_named_record(doc, VALUE_KEYS, VALUE_FORMAT, "an institution value", catalog)
    problems.extend(timestamp_problems(doc))
    problems.extend(_texts(doc, ("description",)))
    if "example" in doc and not isinstance(doc["example"], bool):
        problems.append(("example", "must be true or false"))
    areas, found = _id_list(doc, "areas")
    problems.extend(found)
    values, found = _id_list(doc, "framework_values")
    problems.extend(found)
    if framework is not None:
        problems.extend((f"areas[{i}]", f"'{a}' is not a {framework.area_name} of {framework.id}")
                        for i, a in enumerate(areas) if framework.area(a) is None)
        known = {v.id for v in framework.values}
        problems.extend((f"framework_values[{i}]", f"'{v}' is not a value of {framework.id}")
                        for i, v in enumerate(values) if v not in known)
        if not areas and not values:
            problems.append(("areas", f"a value is mapped to at least one {framework.area_name} or framework value"))
    if problems or framework is None:
        return problems, None
    created = str(doc.get("created") or now_iso())
    order = {a.id: i for i, a in enumerate(framework.areas)}
    return [], InstitutionValue(0, framework.id, " ".join(str(doc["name"]).split()),
                                str(doc.get("description", "")).strip(), tuple(sorted(areas, key=order.__getitem__)),
                                tuple(values), doc.get("example") is True, created, str(doc.get("updated") or created))


def check_values(items: list[Any], prefix: str, seen: set[str], stored: Sequence[InstitutionValue],
                 catalog: FrameworkCatalog) -> exchange.Checked[InstitutionValue]:
    """Check institution values for import; a value named like another of its framework with another mapping is refused."""
    same = {value_fingerprint(v) for v in stored}
    taken = {(v.framework_id, " ".join(v.title.split()).casefold()) for v in stored}

    def check_one(doc: Any) -> tuple[list[exchange.Problem], InstitutionValue | None]:
        """The document's own checks, then its name against the values already there."""
        problems, value = check_value_document(doc, catalog)
        if value is None or value_fingerprint(value) in same or value_fingerprint(value) in seen:
            return problems, value
        name = (value.framework_id, value.title.casefold())
        if name in taken:
            return [("name", f"a value named “{value.title}” is already mapped, to other {value.framework_id} "
                     "areas; change or delete that one first, or rename this one in the file")], None
        taken.add(name)
        return problems, value

    return exchange.check_records(items, prefix, seen, same, check_one, value_fingerprint,
                                  lambda v: f"the value '{v.title}'")


CATALOGUE = exchange.DataSection("catalogue", activity_to_dict, check_catalogue, "development activity",
                                 plural="development activities")
"""The institution's development activities: their section of the "all data" bundle."""

VALUES = exchange.DataSection("institution_values", value_to_dict, check_values, "institution value")
"""The institution's values mapped to a framework: their section of the "all data" bundle."""


# --- CSV -------------------------------------------------------------------------------------


def csv_header(text: str) -> tuple[str, ...]:
    """The lower-cased names of a CSV text's first line (empty when it is not CSV)."""
    first = text.lstrip("\ufeff").split("\n", 1)[0].strip()
    try:
        row = next(csv.reader([first]), [])
    except csv.Error:
        return ()
    return tuple(name.strip().lower() for name in row)


def is_catalogue_csv(text: str) -> bool:
    """True when the text's first line is the catalogue CSV header (in any column order)."""
    return set(csv_header(text)) == set(CATALOGUE_COLUMNS)


def is_values_csv(text: str) -> bool:
    """True when the text's first line is the value mapping CSV header (``description`` optional)."""
    header = set(csv_header(text))
    return set(VALUE_COLUMNS[:3]) <= header <= set(VALUE_COLUMNS)


def _rows(text: str, required: Sequence[str], optional: Sequence[str]) -> list[tuple[int, Row]]:
    """Each non-empty data row with its line number, the header checked; CsvImportError for a bad file."""
    rows, problems = read_rows(text, required, optional, max_bytes=MAX_CSV_BYTES)
    if problems:
        raise CsvImportError(problems)
    if not rows:
        raise CsvImportError([CsvProblem(1, "", "the file has a header but no rows")])
    return rows


def catalogue_from_csv(text: str, framework: Framework) -> list[DevelopmentActivity]:
    """The activities (id 0, not stored) of a catalogue CSV over ``framework``; CsvImportError listing every problem."""
    rows = _rows(text, CATALOGUE_COLUMNS, ())
    problems: list[CsvProblem] = []
    grouped: dict[tuple[str, str, str, str], list[tuple[str, str]]] = {}
    titles: dict[tuple[str, str, str, str], str] = {}
    for line, cells in rows:
        before = len(problems)
        title = " ".join(cells["activity"].split())
        if not title:
            problems.append(CsvProblem(line, "activity", "is empty; every row names the activity"))
        area = find_area(framework, cells["area"]) if cells["area"].strip() else None
        if not cells["area"].strip():
            problems.append(CsvProblem(line, "area", f"is empty; name a {framework.area_name} by id, code or title"))
        elif area is None:
            problems.append(CsvProblem(line, "area", f"'{cells['area'].strip()}' is not a {framework.area_name} of "
                                                     f"{framework.id} (id, code or title)"))
        level = find_level(framework, cells["level"])
        if level is None:
            problems.append(CsvProblem(line, "level", f"'{cells['level'].strip()}' is not a level of {framework.id} "
                                                      f"({level_choices(framework)})"))
        try:
            date = parse_date(cells["date"])
        except InstitutionError as error:
            problems.append(CsvProblem(line, "date", str(error)))
            date = ""
        link = cells["link"].strip()
        if any(c.isspace() for c in link):
            problems.append(CsvProblem(line, "link", "has spaces in it; a link is one address"))
        if len(problems) > before or area is None or level is None:
            continue
        key = (title.casefold(), date, " ".join(cells["provider"].split()), link)
        titles.setdefault(key, title)
        grouped.setdefault(key, []).append((area, level))
    if problems:
        raise CsvImportError(problems)
    stamp = now_iso()
    return [DevelopmentActivity(0, framework.id, titles[key], ordered_serves(framework, serves), key[1], key[2], key[3],
                                created=stamp, updated=stamp) for key, serves in grouped.items()]


def values_from_csv(text: str, framework: Framework) -> list[InstitutionValue]:
    """The institution values (id 0, not stored) of a value mapping CSV; CsvImportError listing every problem."""
    rows = _rows(text, VALUE_COLUMNS[:3], VALUE_COLUMNS[3:])
    problems: list[CsvProblem] = []
    areas: dict[str, list[str]] = {}
    values: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    descriptions: dict[str, str] = {}
    for line, cells in rows:
        title = " ".join(cells["value"].split())
        if not title:
            problems.append(CsvProblem(line, "value", "is empty; every row names the institution's value"))
            continue
        key = title.casefold()
        titles.setdefault(key, title)
        areas.setdefault(key, [])
        values.setdefault(key, [])
        if cells["description"].strip():
            descriptions.setdefault(key, cells["description"].strip())
        if not cells["area"].strip() and not cells["framework_value"].strip():
            problems.append(CsvProblem(line, "area", f"is empty, and so is framework_value; map the value to a "
                                                     f"{framework.area_name} or a framework value"))
        if cells["area"].strip():
            area = find_area(framework, cells["area"])
            if area is None:
                problems.append(CsvProblem(line, "area", f"'{cells['area'].strip()}' is not a {framework.area_name} "
                                                         f"of {framework.id} (id, code or title)"))
            else:
                areas[key].append(area)
        if cells["framework_value"].strip():
            value = find_value(framework, cells["framework_value"])
            if value is None:
                known = ", ".join(v.id for v in framework.values) or "none: this framework names no values"
                problems.append(CsvProblem(line, "framework_value", f"'{cells['framework_value'].strip()}' is not a "
                                                                    f"value of {framework.id} ({known})"))
            else:
                values[key].append(value)
    if problems:
        raise CsvImportError(problems)
    stamp = now_iso()
    order = {a.id: i for i, a in enumerate(framework.areas)}
    return [InstitutionValue(0, framework.id, titles[k], descriptions.get(k, ""),
                             tuple(sorted(dict.fromkeys(areas[k]), key=order.__getitem__)),
                             tuple(dict.fromkeys(values[k])), created=stamp, updated=stamp) for k in titles]


def catalogue_to_csv(activities: Sequence[DevelopmentActivity]) -> str:
    """The catalogue as CSV: one row per area (and level) each activity serves, with the header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CATALOGUE_COLUMNS)
    for activity in sorted_activities(activities):
        for area, level in activity.serves:
            writer.writerow(safe_row([activity.title, area, level, activity.date, activity.provider, activity.link]))
    return out.getvalue()


def values_to_csv(values: Sequence[InstitutionValue]) -> str:
    """The value mapping as CSV: one row per area or framework value each value is mapped to."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(VALUE_COLUMNS)
    for value in values:
        pairs = [(a, "") for a in value.areas] + [("", v) for v in value.framework_values]
        for index, (area, framework_value) in enumerate(pairs):
            writer.writerow(safe_row([value.title, area, framework_value, value.description if index == 0 else ""]))
    return out.getvalue()


def csv_documents(text: str, framework: Framework) -> tuple[str, list[dict[str, Any]]] | None:
    """For ``framewheel import``: (section name, exchange documents) of a catalogue or value mapping CSV.

    None when the text is neither; CsvImportError when it is one but has problems.
    """
    if is_catalogue_csv(text):
        return CATALOGUE.name, [activity_to_dict(a) for a in catalogue_from_csv(text, framework)]
    if is_values_csv(text):
        return VALUES.name, [value_to_dict(v) for v in values_from_csv(text, framework)]
    return None
