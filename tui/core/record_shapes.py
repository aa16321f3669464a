"""The shape every stored record must have, table by table, and the check that names what is wrong.

A data file can be valid JSON in TinyDB's layout and still hold a record no
screen or command can read: ``"ratings": "x"`` in a wheel, a section that is a
number in an action plan. Before, such a record crashed export, report and
import with an "unexpected error". The database checks every record against
:data:`SHAPES` when it opens the file; a record that does not fit is reported
by table, record and field, and set aside with a copy of the whole file, never
silently dropped.

The shapes are plain data: a field missing from a record is allowed (every
record type is tolerant of missing optional fields); a field present with the
wrong kind of value is not. Fields the shapes do not name are left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import chain
from dataclasses import dataclass
from typing import Any, Union

from tui.core.text import visible


@dataclass(frozen=True)
class Scalar:
    """A JSON string, whole number, true/false or null (one or more of them)."""

    kinds: tuple[str, ...]

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not one of the kinds, or None."""
        return None if _kind(value) in self.kinds else f"expected {' or '.join(_NAMES[k] for k in self.kinds)}, found {_found(value)}"


@dataclass(frozen=True)
class MapOf:
    """A JSON object whose keys are anything and whose values all have one shape."""

    value: Shape


@dataclass(frozen=True)
class ListOf:
    """A JSON list whose items all have one shape."""

    item: Shape


@dataclass(frozen=True)
class OrNull:
    """A value of one shape, or null."""

    inner: Shape


@dataclass(frozen=True)
class Fields:
    """A JSON object whose named fields, where present, have their shapes."""

    fields: Mapping[str, Shape]


Shape = Union[Scalar, MapOf, ListOf, OrNull, Fields]

_NAMES: dict[str, str] = {"str": "text", "int": "a whole number", "bool": "true or false", "null": "null",
                          "object": "an object", "list": "a list", "number": "a number"}

TEXT, WHOLE, FLAG = Scalar(("str",)), Scalar(("int",)), Scalar(("bool",))
TEXT_OR_NULL, WHOLE_OR_NULL = Scalar(("str", "null")), Scalar(("int", "null"))
RATINGS: Shape = MapOf(MapOf(WHOLE_OR_NULL))
"""area id -> series id -> value on the scale (null: cleared)."""

_DATED: dict[str, Shape] = {"framework_id": TEXT, "framework_version": TEXT, "created": TEXT, "updated": TEXT}

SHAPES: dict[str, Fields] = {
    "assessments": Fields({**_DATED, "label": TEXT, "person": TEXT, "ratings": RATINGS,
                           "notes": MapOf(TEXT), "reflections": MapOf(TEXT)}),
    "finder": Fields({**_DATED, "label": TEXT, "marks": MapOf(MapOf(TEXT)), "notes": MapOf(MapOf(TEXT))}),
    "rankings": Fields({**_DATED, "name": TEXT, "date": TEXT, "notes": TEXT, "tag": TEXT,
                        "groups": ListOf(ListOf(TEXT))}),
    "objectives": Fields({"framework_id": TEXT, "title": TEXT, "areas": ListOf(TEXT), "success_criteria": TEXT,
                          "activities": TEXT, "target_date": TEXT, "status": TEXT, "review_notes": TEXT,
                          "position": WHOLE, "created": TEXT, "updated": TEXT, "role": TEXT}),
    "action_plans": Fields({"project": TEXT, "author": TEXT, "date": TEXT, "period_from": TEXT, "period_to": TEXT,
                            "status": TEXT, "example": FLAG, "created": TEXT, "updated": TEXT,
                            "sections": ListOf(Fields({"title": TEXT, "items": ListOf(Fields({
                                "milestone": TEXT, "rag": TEXT, "comment": TEXT_OR_NULL, "owner": TEXT,
                                "focus": ListOf(WHOLE), "private": FLAG}))}))}),
    "team_profiles": Fields({**_DATED, "name": TEXT, "min_group": WHOLE,
                             "files": Fields({"total": WHOLE, "used": WHOLE, "duplicates": WHOLE}),
                             "names": OrNull(ListOf(TEXT)), "ratings": ListOf(RATINGS),
                             "rankings": ListOf(ListOf(ListOf(TEXT)))}),
    "roles": Fields({"name": TEXT, "framework_id": TEXT, "targets": MapOf(Scalar(("int", "str"))), "example": FLAG,
                     "created": TEXT, "updated": TEXT}),
    "catalogue": Fields({"framework_id": TEXT, "title": TEXT, "serves": ListOf(Fields({"area": TEXT, "level": TEXT})),
                         "date": TEXT, "provider": TEXT, "link": TEXT, "example": FLAG, "created": TEXT,
                         "updated": TEXT}),
    "institution_values": Fields({"framework_id": TEXT, "title": TEXT, "description": TEXT, "areas": ListOf(TEXT),
                                  "framework_values": ListOf(TEXT), "example": FLAG, "created": TEXT,
                                  "updated": TEXT}),
    "workshops": Fields({"name": TEXT, "framework_id": TEXT, "team_profile_id": WHOLE_OR_NULL,
                         "action_plan_id": WHOLE_OR_NULL, "created": TEXT, "updated": TEXT,
                         "steps": ListOf(Fields({"kind": TEXT, "area": TEXT}))}),
}
"""Table name -> the shape of each of its records."""

RECORD_NOUNS: dict[str, str] = {
    "assessments": "wheel", "finder": "level-finder record", "rankings": "ranking", "objectives": "plan objective",
    "action_plans": "action plan", "team_profiles": "team profile", "workshops": "workshop sequence", "roles": "role",
    "catalogue": "development activity", "institution_values": "institution value",
}
"""Table name -> what a person calls one of its records."""


def _kind(value: Any) -> str:
    """The JSON kind of a decoded value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "str"
    if isinstance(value, dict):
        return "object"
    return "list" if isinstance(value, list) else "other"


def _found(value: Any) -> str:
    """What a value is, for a message (``text "x"``, ``a whole number``)."""
    kind = _kind(value)
    if kind == "str":
        shown = visible(value if len(value) <= 20 else value[:20] + "…")
        return f"text \"{shown}\""
    return _NAMES.get(kind, "something else")


def _problem(shape: Shape, value: Any, where: str) -> tuple[str, str] | None:
    """The first place in ``value`` that does not fit ``shape``: (field path, what is wrong), or None."""
    if isinstance(shape, Scalar):
        wrong = shape.problem(value)
        return (where, wrong) if wrong else None
    if isinstance(shape, OrNull):
        return None if value is None else _problem(shape.inner, value, where)
    if isinstance(shape, ListOf):
        if not isinstance(value, list):
            return where, f"expected a list, found {_found(value)}"
        for number, item in enumerate(value, 1):
            found = _problem(shape.item, item, f"{where}[{number}]")
            if found:
                return found
        return None
    if not isinstance(value, dict):
        return where, f"expected an object, found {_found(value)}"
    if isinstance(shape, MapOf):
        for key, item in value.items():
            found = _problem(shape.value, item, f"{where}.{visible(str(key))}")
            if found:
                return found
        return None
    for name, field_shape in shape.fields.items():
        if name in value:
            found = _problem(field_shape, value[name], f"{where}.{name}" if where else name)
            if found:
                return found
    return None


def record_name(table: str, record_id: str) -> str:
    """How a message names a record: ``wheel 3`` (``record 3 of table 'x'`` for a table without a noun)."""
    noun = RECORD_NOUNS.get(table)
    return f"{noun} {record_id}" if noun else f"record {record_id} of table '{visible(table)}'"


_TYPES: dict[str, type] = {"str": str, "int": int, "bool": bool, "null": type(None)}

_ONLY_OBJECTS = frozenset({dict})
"""The one type every value of an object of objects must have."""

Check = Callable[[Any], bool]


def _compiled(shape: Shape) -> Check:
    """A quick test that a value has ``shape`` (exact JSON types, so true is not a whole number).

    Every record of a large file takes it on opening; the message with the field's path is
    made only for a record that fails.
    """
    if isinstance(shape, Scalar):
        types = frozenset(_TYPES[kind] for kind in shape.kinds)
        return lambda value: type(value) in types
    if isinstance(shape, OrNull):
        inner = _compiled(shape.inner)
        return lambda value: value is None or inner(value)
    if isinstance(shape, ListOf):
        if isinstance(shape.item, Scalar):  # the types of all items at once, in C
            kinds = frozenset(_TYPES[kind] for kind in shape.item.kinds)
            return lambda value: type(value) is list and kinds.issuperset(map(type, value))
        item = _compiled(shape.item)
        return lambda value: type(value) is list and all(map(item, value))
    if isinstance(shape, MapOf):
        if isinstance(shape.value, Scalar):
            types = frozenset(_TYPES[kind] for kind in shape.value.kinds)
            return lambda value: type(value) is dict and types.issuperset(map(type, value.values()))
        if isinstance(shape.value, MapOf) and isinstance(shape.value.value, Scalar):  # ratings: area -> series -> value
            inner_types = frozenset(_TYPES[kind] for kind in shape.value.value.kinds)

            def nested(value: Any) -> bool:
                """An object of objects whose values are all of the scalar kinds (each level's types taken at once, in C)."""
                if type(value) is not dict:
                    return False
                inners = value.values()
                return _ONLY_OBJECTS.issuperset(map(type, inners)) and inner_types.issuperset(
                    map(type, chain.from_iterable(map(dict.values, inners))))

            return nested
        each = _compiled(shape.value)
        return lambda value: type(value) is dict and all(map(each, value.values()))
    scalars = [(name, frozenset(_TYPES[kind] for kind in field_shape.kinds))
               for name, field_shape in shape.fields.items() if isinstance(field_shape, Scalar)]
    fields = [(name, _compiled(field_shape)) for name, field_shape in shape.fields.items()
              if not isinstance(field_shape, Scalar)]

    def check(value: Any) -> bool:
        """Every named field present has its shape (the scalar fields' types tested inline)."""
        if type(value) is not dict:
            return False
        for name, types in scalars:
            if name in value and type(value[name]) not in types:
                return False
        for name, fits in fields:
            if name in value and not fits(value[name]):
                return False
        return True

    return check


_CHECKS: dict[str, Check] = {}
"""Each table's quick test, made the first time one of its records is checked (an empty file's start makes none)."""


def record_problem(table: str, record: Mapping[str, Any]) -> str | None:
    """Why a stored record of ``table`` cannot be read (``field 'ratings': expected an object, found text "x"``), or None.

    Tables without a shape (settings, and tables of a newer activity) are never refused.
    """
    shape = SHAPES.get(table)
    if shape is None:
        return None
    check = _CHECKS.get(table)
    if check is None:
        check = _CHECKS[table] = _compiled(shape)
    if check(record):
        return None
    found = _problem(shape, dict(record), "")
    if found is None:
        return None
    field, wrong = found
    return f"field '{field}': {wrong}"
