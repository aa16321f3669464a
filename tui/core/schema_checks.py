"""Field-by-field checks of a composed framework file, each problem with its place.

The checker walks PyYAML nodes (which keep line and column), builds the
model objects of :mod:`tui.core.model`, and records every problem it meets instead
of stopping at the first, so a person fixing a file sees all of them at once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, NamedTuple

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from tui.core.labels import unique_labels
from tui.core.model import (
    DEFAULT_SERIES,
    FRAMEWORK_SCHEMA,
    MAX_SCALE_POINTS,
    MAX_SERIES,
    Area,
    Framework,
    GuidanceSection,
    Level,
    Role,
    Scale,
    Series,
    Value,
)

LETTER = re.compile(r"^[A-Z0-9]$")
"""A series letter: one capital letter or digit."""

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
"""Ids are lower-case words joined by single hyphens, e.g. ``working-together``."""

BASED_ON = re.compile(r"^([a-z0-9]+(?:-[a-z0-9]+)*)@([^\s@]+)$")
"""``based_on: ID@VERSION``: a framework id (a slug), ``@`` and the base's version, e.g. ``ahep@2024``."""

MIN_AREAS, MAX_AREAS, MAX_SHORT = 3, 16, 18
"""A wheel needs 3 to 16 areas; a wheel label fits in 18 characters."""

_TAG = "tag:yaml.org,2002:"
_SAFE_SCALARS = {_TAG + name for name in ("str", "int", "float", "bool", "null")}
_CONSTRUCTOR = yaml.SafeLoader("")


class Problem(NamedTuple):
    """A problem found at a 1-based line and column."""

    line: int
    column: int
    message: str


def _kind(node: Node) -> str:
    """How a person would name what a node holds."""
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    name = node.tag.removeprefix(_TAG)
    return {"str": "text", "int": "a whole number", "float": "a decimal number", "bool": "true/false", "null": "nothing"}.get(
        name, name
    )


class FrameworkChecker:
    """Checks one composed file and builds a Framework when it is valid."""

    def __init__(self, path: str) -> None:
        """Start with no problems for the file at ``path``."""
        self.path = path
        self.problems: list[Problem] = []

    # -- basic shapes -----------------------------------------------------

    def error(self, node: Node, message: str) -> None:
        """Record a problem at the start of ``node``."""
        self.problems.append(Problem(node.start_mark.line + 1, node.start_mark.column + 1, message))

    def safe_tag(self, node: Node) -> bool:
        """Refuse explicit tags such as ``!!python/object``: only plain YAML is read."""
        if isinstance(node, ScalarNode) and node.tag not in _SAFE_SCALARS:
            self.error(node, f"tag '{node.tag.replace(_TAG, '!!')}' is not allowed; write plain text, numbers and lists")
            return False
        if isinstance(node, (MappingNode, SequenceNode)) and node.tag not in (_TAG + "map", _TAG + "seq"):
            self.error(node, f"tag '{node.tag.replace(_TAG, '!!')}' is not allowed; write plain mappings and lists")
            return False
        return True

    def scalar(self, node: Node) -> object:
        """The Python value of a scalar node (only after safe_tag passed)."""
        return _CONSTRUCTOR.construct_object(node)

    def mapping(self, node: Node, what: str, allowed: set[str], required: set[str]) -> dict[str, Node]:
        """A mapping's keys and value nodes, reporting duplicates, unknown and missing keys."""
        if not isinstance(node, MappingNode):
            if self.safe_tag(node):
                self.error(node, f"{what} must be a mapping of keys to values, not {_kind(node)}")
            return {}
        if not self.safe_tag(node):
            return {}
        found: dict[str, Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or not self.safe_tag(key_node):
                self.error(key_node, f"{what}: keys must be plain words")
                continue
            key = str(self.scalar(key_node))
            if key in found:
                continue  # reported by duplicate_keys, for every mapping of the file
            if key not in allowed:
                expected = ", ".join(sorted(allowed))
                self.error(key_node, f"unknown key '{key}' in {what}; expected one of: {expected}")
                continue
            found[key] = value_node
        for key in sorted(required - found.keys()):
            self.error(node, f"missing required key '{key}' in {what}")
        return found

    def duplicate_keys(self, node: Node, where: str, visited: set[int]) -> None:
        """Report every key that repeats in any mapping of the file, at any depth.

        Keys are compared by their value, so ``1`` and ``0x1`` (whole numbers), block and
        flow mappings (``labels: {1: a, 1: b}``) are all caught; ``where`` names the mapping
        (``scale.labels``, ``areas[2].exemplars``, items counted from 1).
        """
        if id(node) in visited:
            return  # an alias of a node already walked
        visited.add(id(node))
        if isinstance(node, SequenceNode):
            for index, item in enumerate(node.value, start=1):
                self.duplicate_keys(item, f"{_inner(where)}[{index}]", visited)
        elif isinstance(node, MappingNode):
            first: dict[object, Node] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    key = _key_identity(key_node)
                    if key in first:
                        mark, here = first[key].start_mark, key_node.start_mark
                        at = f"line {mark.line + 1}" + (f" column {mark.column + 1}" if mark.line == here.line else "")
                        self.error(key_node, f"duplicate key '{key_node.value}' in {where} (first at {at})")
                    else:
                        first[key] = key_node
                    self.duplicate_keys(value_node, f"{_inner(where)}.{key_node.value}".lstrip("."), visited)

    def sequence(self, node: Node, what: str) -> list[Node]:
        """A list's item nodes; anything else is reported."""
        if isinstance(node, SequenceNode) and self.safe_tag(node):
            return list(node.value)
        if not isinstance(node, SequenceNode) and self.safe_tag(node):
            self.error(node, f"{what} must be a list, not {_kind(node)}")
        return []

    def text(self, node: Node | None, what: str, default: str = "") -> str:
        """A text value; numbers and other kinds are reported."""
        if node is None or not self.safe_tag(node):
            return default
        if isinstance(node, ScalarNode):
            value = self.scalar(node)
            if isinstance(value, str):
                return value
            hint = f'; put it in quotes, e.g. "{node.value}"' if node.value else ""
            self.error(node, f"{what} must be text, not {_kind(node)}{hint}")
        elif not isinstance(node, ScalarNode):
            self.error(node, f"{what} must be text, not {_kind(node)}")
        return default

    def code(self, node: Node | None, what: str) -> str | None:
        """An optional display code: text or a whole number."""
        if node is None:
            return None
        if isinstance(node, ScalarNode) and self.safe_tag(node):
            value = self.scalar(node)
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                return str(value)
        self.error(node, f"{what} must be short text such as \"1\" or \"A\", not {_kind(node)}")
        return None

    def integer(self, node: Node, what: str) -> int | None:
        """A whole number, or None after reporting."""
        if isinstance(node, ScalarNode) and self.safe_tag(node):
            value = self.scalar(node)
            if isinstance(value, int) and not isinstance(value, bool):
                return value
        self.error(node, f"{what} must be a whole number, not {_kind(node)}")
        return None

    def texts(self, node: Node | None, what: str) -> tuple[str, ...]:
        """A list of text items."""
        if node is None:
            return ()
        items = [self.text(item, f"each item of {what}") for item in self.sequence(node, what)]
        return tuple(item for item in items if item)

    def slug(self, node: Node | None, what: str, seen: dict[str, int] | None = None) -> str:
        """An id: a lower-case slug, unique within ``seen`` when given."""
        value = self.text(node, what)
        if node is None or not value:
            return value
        if not SLUG.match(value):
            self.error(node, f"{what} '{value}' is not a valid id; use lower-case letters, digits and single hyphens")
        if seen is not None:
            if value in seen:
                self.error(node, f"duplicate {what} '{value}' (first at line {seen[value]})")
            else:
                seen[value] = node.start_mark.line + 1
        return value

    def records(self, node: Node | None, what: str, build: Callable[[Node, str], object | None]) -> list:
        """Each item of a list of mappings built by ``build``; failures are left out."""
        if node is None:
            return []
        built = (build(item, f"{what} {index + 1}") for index, item in enumerate(self.sequence(node, what)))
        return [item for item in built if item is not None]

    # -- the framework ----------------------------------------------------

    TOP = {
        "schema", "id", "title", "version", "publisher", "source", "description", "area_name",
        "values", "levels", "areas", "scale", "series", "reflection", "guidance", "roles",
        "team_questions", "based_on",
    }

    def check(self, root: Node | None) -> Framework | None:
        """Build the framework from the document's root node, recording problems."""
        if root is None:
            self.problems.append(Problem(1, 1, "the file is empty; a framework needs schema, id, title, version and areas"))
            return None
        self.duplicate_keys(root, "the framework", set())
        top = self.mapping(root, "the framework", self.TOP, {"schema", "id", "title", "version", "areas"})
        if not top:
            return None
        schema = self.text(top.get("schema"), "schema")
        if "schema" in top and schema and schema != FRAMEWORK_SCHEMA:
            self.error(top["schema"], f"unsupported schema '{schema}'; this framewheel reads '{FRAMEWORK_SCHEMA}'")
        framework_id = self.slug(top.get("id"), "id")
        self.level_ids: dict[str, int] = {}
        levels = self.records(top.get("levels"), "level", self.level)
        self.scale = self.scale_of(top.get("scale"))
        areas = self.areas_of(top)
        self.area_ids = {area.id for area in areas}
        series_ids: dict[str, int] = {}
        self.series_nodes: list[tuple[Node, Series]] = []
        series = self.records(top.get("series"), "series", lambda n, w: self.series_item(n, w, series_ids))
        if "series" in top and not series and not self.problems:
            self.error(top["series"], "series must list at least one shape, or be left out for the default three")
        self.series_rules()
        value_ids: dict[str, int] = {}
        values = self.records(top.get("values"), "value", lambda n, w: self.value(n, w, value_ids))
        guidance = self.records(top.get("guidance"), "guidance section", self.guidance)
        role_ids: dict[str, int] = {}
        roles = self.records(top.get("roles"), "role", lambda n, w: self.role(n, w, role_ids))
        texts = {key: self.text(top.get(key), key) for key in ("title", "version", "publisher", "source", "description")}
        area_name = self.text(top.get("area_name"), "area_name", "area")
        reflection = self.texts(top.get("reflection"), "reflection")
        team_questions = self.texts(top.get("team_questions"), "team_questions")
        based_on = self.based_on(top.get("based_on"))
        if self.problems:
            return None
        return Framework(
            id=framework_id,
            **texts,
            area_name=area_name,
            values=tuple(values),
            levels=tuple(levels),
            areas=tuple(areas),
            scale=self.scale,
            series=tuple(series) or DEFAULT_SERIES,
            reflection=reflection,
            guidance=tuple(guidance),
            team_questions=team_questions,
            roles=tuple(roles),
            path=self.path,
            based_on=based_on,
        )

    def based_on(self, node: Node | None) -> str:
        """The optional ``based_on: ID@VERSION`` naming the framework this file is a tailored copy of."""
        if node is None:
            return ""
        before = len(self.problems)
        value = self.text(node, "based_on")
        if not value:
            if len(self.problems) == before:  # empty text: say what to write
                self.error(node, "based_on is empty; write ID@VERSION, e.g. ahep@2024, or leave the key out")
            return ""
        if not BASED_ON.match(value):
            self.error(node, f"based_on '{value}' must be ID@VERSION: the base framework's id, '@' and its version, "
                             "e.g. ahep@2024")
            return ""
        return value

    def level(self, node: Node, what: str) -> Level | None:
        """One level: id, title and its descriptors."""
        fields = self.mapping(node, what, {"id", "title", "summary"}, {"id", "title"})
        if not fields:
            return None
        level_id = self.slug(fields.get("id"), "level id", self.level_ids)
        return Level(level_id, self.text(fields.get("title"), f"{what} title"), self.texts(fields.get("summary"), f"{what} summary"))

    def scale_of(self, node: Node | None) -> Scale:
        """The rating scale, checked: whole numbers, max above min, labels on the scale."""
        if node is None:
            return Scale()
        fields = self.mapping(node, "scale", {"min", "max", "labels"}, {"min", "max"})
        low = self.integer(fields["min"], "scale min") if "min" in fields else None
        high = self.integer(fields["max"], "scale max") if "max" in fields else None
        if low is None or high is None:
            return Scale()
        if high <= low:
            self.error(fields["max"], f"scale max ({high}) must be greater than min ({low})")
            return Scale()
        if high - low + 1 > MAX_SCALE_POINTS:
            self.error(fields["max"], f"scale from {low} to {high} has {high - low + 1} points; "
                                      f"at most {MAX_SCALE_POINTS} (e.g. 0 to 20)")
            return Scale()
        labels: dict[int, str] = {}
        if "labels" in fields:
            label_node = fields["labels"]
            if not isinstance(label_node, MappingNode):
                self.error(label_node, f"scale labels must be a mapping of values to text, not {_kind(label_node)}")
            else:
                for key_node, value_node in label_node.value:
                    key = self.integer(key_node, "a scale label's key")
                    if key is None:
                        continue
                    if not low <= key <= high:
                        self.error(key_node, f"scale label {key} is off the scale ({low} to {high})")
                    labels[key] = self.text(value_node, f"scale label {key}")
        return Scale(low, high, labels)

    def areas_of(self, top: dict[str, Node]) -> list[Area]:
        """The areas, with their count checked against what a wheel can show."""
        node = top.get("areas")
        if node is None:
            return []
        seen: dict[str, int] = {}
        areas = self.records(node, "area", lambda n, w: self.area(n, w, seen))
        count = len(self.sequence(node, "areas")) if isinstance(node, SequenceNode) else None
        if count is not None and not MIN_AREAS <= count <= MAX_AREAS:
            self.error(node, f"a framework needs {MIN_AREAS} to {MAX_AREAS} areas; this file has {count}")
        return with_derived_labels(areas)

    AREA_KEYS = {"id", "code", "title", "short", "encompasses", "description", "exemplars"}

    def area(self, node: Node, what: str, seen: dict[str, int]) -> Area | None:
        """One area with its exemplars under known levels."""
        fields = self.mapping(node, what, self.AREA_KEYS, {"id", "title"})
        if not fields:
            return None
        area_id = self.slug(fields.get("id"), "area id", seen)
        where = f"area '{area_id}'" if area_id else what
        short = self.text(fields.get("short"), f"{where} short") or None
        if short and len(short) > MAX_SHORT:
            self.error(fields["short"], f"{where} short label '{short}' has {len(short)} characters; at most {MAX_SHORT} fit the wheel")
        encompasses = self.text(fields.get("encompasses"), f"{where} encompasses") or None
        return Area(
            id=area_id,
            title=self.text(fields.get("title"), f"{where} title"),
            code=self.code(fields.get("code"), f"{where} code"),
            short=short,
            encompasses=encompasses,
            description=self.text(fields.get("description"), f"{where} description"),
            exemplars=self.exemplars(fields.get("exemplars"), where),
        )

    def exemplars(self, node: Node | None, where: str) -> dict[str, tuple[str, ...]]:
        """Exemplar statements keyed by level id; levels must exist."""
        if node is None:
            return {}
        allowed = set(self.level_ids)
        if not allowed:
            self.error(node, f"{where} has exemplars, but the framework defines no levels to put them under")
            return {}
        if not isinstance(node, MappingNode):
            self.mapping(node, f"{where} exemplars", allowed, set())
            return {}
        result: dict[str, tuple[str, ...]] = {}
        for key_node, value_node in node.value:
            key = self.text(key_node, f"{where} exemplars key")
            if key in result:
                continue  # reported by duplicate_keys
            if key and key not in allowed:
                known = ", ".join(self.level_ids)
                self.error(key_node, f"{where} exemplars name level '{key}', which does not exist; levels are: {known}")
            elif key:
                result[key] = self.texts(value_node, f"{where} exemplars at '{key}'")
        return result

    def series_item(self, node: Node, what: str, seen: dict[str, int]) -> Series | None:
        """One series (a shape on the wheel): id, title, and optionally its letter and ``baseline``."""
        fields = self.mapping(node, what, {"id", "title", "letter", "baseline"}, {"id", "title"})
        if not fields:
            return None
        letter = ""
        if "letter" in fields:
            letter_node = fields["letter"]
            letter = self.text(letter_node, f"{what} letter")
            if letter and not LETTER.match(letter):
                self.error(letter_node, f"{what} letter '{letter}' must be one capital letter A-Z or digit 0-9, e.g. N")
                letter = ""
        baseline = False
        if "baseline" in fields:
            flag_node = fields["baseline"]
            flag = self.scalar(flag_node) if isinstance(flag_node, ScalarNode) and self.safe_tag(flag_node) else None
            if isinstance(flag, bool):
                baseline = flag
            else:
                self.error(flag_node, f"{what} baseline must be true or false, not {_kind(flag_node)}")
        item = Series(self.slug(fields.get("id"), "series id", seen), self.text(fields.get("title"), f"{what} title"),
                      letter, baseline)
        self.series_nodes.append((node, item))
        return item

    def series_rules(self) -> None:
        """Across the series: at most five, letters unique, at most one baseline (each error at its place)."""
        if len(self.series_nodes) > MAX_SERIES:
            node = self.series_nodes[MAX_SERIES][0]
            self.error(node, f"series {MAX_SERIES + 1} is one too many; a wheel has at most {MAX_SERIES} series")
        letters: dict[str, int] = {}
        baseline_line = 0
        for node, item in self.series_nodes:
            fields = {str(k.value): v for k, v in node.value} if isinstance(node, MappingNode) else {}
            if item.letter:
                if item.letter in letters:
                    self.error(fields.get("letter", node), f"series letter '{item.letter}' of '{item.id}' is already used "
                                                           f"(line {letters[item.letter]}); each series needs its own letter")
                else:
                    letters[item.letter] = fields.get("letter", node).start_mark.line + 1
            if item.baseline:
                if baseline_line:
                    self.error(fields.get("baseline", node), f"series '{item.id}' is a second baseline (the first at line "
                                                             f"{baseline_line}); at most one series is the baseline")
                else:
                    baseline_line = fields.get("baseline", node).start_mark.line + 1

    def value(self, node: Node, what: str, seen: dict[str, int]) -> Value | None:
        """One of the framework's values."""
        fields = self.mapping(node, what, {"id", "title", "description"}, {"id", "title"})
        if not fields:
            return None
        return Value(
            self.slug(fields.get("id"), "value id", seen),
            self.text(fields.get("title"), f"{what} title"),
            self.text(fields.get("description"), f"{what} description"),
        )

    def guidance(self, node: Node, what: str) -> GuidanceSection | None:
        """One titled section of hints and tips."""
        fields = self.mapping(node, what, {"title", "body"}, {"title", "body"})
        if not fields:
            return None
        return GuidanceSection(self.text(fields.get("title"), f"{what} title"), self.text(fields.get("body"), f"{what} body"))

    def role(self, node: Node, what: str, seen: dict[str, int]) -> Role | None:
        """A role profile whose targets name known areas and scale values or level ids."""
        fields = self.mapping(node, what, {"id", "title", "targets"}, {"id", "title", "targets"})
        if not fields:
            return None
        role_id = self.slug(fields.get("id"), "role id", seen)
        targets: dict[str, int | str] = {}
        target_node = fields.get("targets")
        if target_node is not None:
            for key_node, value_node in self.mapping(target_node, f"role '{role_id}' targets", self.area_ids | _any_key(target_node), set()).items():
                self.role_target(role_id, key_node, value_node, targets)
        return Role(role_id, self.text(fields.get("title"), f"{what} title"), targets)

    def role_target(self, role_id: str, key: str, node: Node, targets: dict[str, int | str]) -> None:
        """Check one target: a known area, and a scale value or a level id."""
        if key not in self.area_ids:
            self.error(node, f"role '{role_id}' targets area '{key}', which does not exist")
            return
        if isinstance(node, ScalarNode) and self.safe_tag(node):
            value = self.scalar(node)
            if isinstance(value, int) and not isinstance(value, bool):
                if self.scale.contains(value):
                    targets[key] = value
                else:
                    self.error(node, f"role '{role_id}' target {value} for '{key}' is off the scale ({self.scale.min} to {self.scale.max})")
                return
            if isinstance(value, str) and value in self.level_ids:
                targets[key] = value
                return
            self.error(node, f"role '{role_id}' target '{node.value}' for '{key}' is neither a value on the scale nor a level id")
        elif not isinstance(node, ScalarNode):
            self.error(node, f"role '{role_id}' target for '{key}' must be a scale value or a level id, not {_kind(node)}")


def with_derived_labels(areas: list[Area]) -> list[Area]:
    """The areas, each without a ``short`` given its derived wheel label (distinct in the framework)."""
    labels = unique_labels([area.title for area in areas], [area.short for area in areas], MAX_SHORT)
    return [area if area.short else replace(area, auto_short=label) for area, label in zip(areas, labels)]


def _inner(where: str) -> str:
    """The path prefix of a mapping's children (the top-level mapping has none)."""
    return "" if where == "the framework" else where


def _key_identity(node: ScalarNode) -> object:
    """What makes two keys the same: their value for plain YAML, else their tag and text."""
    if node.tag in _SAFE_SCALARS:
        try:
            value = _CONSTRUCTOR.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError):
            return (node.tag, node.value)
        return (type(value).__name__, value) if not isinstance(value, bool) else ("bool", value)
    return (node.tag, node.value)


def _any_key(node: Node) -> set[str]:
    """All plain keys of a mapping node, so unknown area ids are reported by role_target."""
    if not isinstance(node, MappingNode):
        return set()
    return {str(key.value) for key, _ in node.value if isinstance(key, ScalarNode)}
