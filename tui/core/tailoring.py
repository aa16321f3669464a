"""An institution's tailored copy of a framework: making its text, and what changed from the base.

A tailored framework is an ordinary framework file with ``based_on: ID@VERSION`` naming the
framework it was copied from. :func:`tailored_text` makes the copy's text from the base file's
own text (comments and layout kept: only the ``id`` and ``title`` values are replaced, at their
YAML node marks, and ``based_on`` is put after ``id``), so the institution can edit it by hand.
:func:`diff_frameworks` compares a tailored framework with its base (areas renamed, added,
removed and reordered, exemplars, descriptions and labels changed, levels and values added,
removed and renamed), and :func:`diff_lines`, :func:`diff_markdown` and :func:`diff_dict` render
the result. Nothing here touches files, Textual or the database.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tui.core.model import Area, Framework
from tui.core.schema_checks import BASED_ON, SLUG

NOT_TAILORED = "is not a tailored copy (its file has no based_on)"
"""Said of a framework without ``based_on``, after its title or id."""


class TailorError(ValueError):
    """A base file whose text cannot be turned into a tailored copy (one sentence)."""


def split_based_on(based_on: str) -> tuple[str, str]:
    """``("ahep", "2024")`` from ``ahep@2024``; ``("", "")`` when empty or malformed."""
    match = BASED_ON.match(based_on)
    return (match.group(1), match.group(2)) if match else ("", "")


def is_slug(text: str) -> bool:
    """True when ``text`` is a valid framework id (lower-case words joined by single hyphens)."""
    return bool(SLUG.match(text))


def default_title(base: Framework) -> str:
    """The title a tailored copy gets when none is given: ``<base title> (tailored)``."""
    return f"{base.title} (tailored)"


def _quoted(text: str) -> str:
    """``text`` as a YAML double-quoted scalar (JSON's string form is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def tailored_text(text: str, new_id: str, title: str, based_on: str) -> str:
    """The base file's ``text`` with ``id: new_id``, ``title: title`` and ``based_on`` after ``id``.

    Everything else (comments, order, layout) is kept as written. A ``based_on`` the base already
    has (a copy of a copy) is replaced. Raises :class:`TailorError` when the file's top level is
    not a block mapping with ``id`` and ``title`` (the loader would have refused it anyway).
    """
    import yaml
    from yaml.nodes import MappingNode, ScalarNode

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError as error:
        raise TailorError(f"the base file cannot be read as YAML ({error})") from None
    if not isinstance(root, MappingNode) or root.flow_style:
        raise TailorError("the base file's top level is not a block mapping of keys, so it cannot be copied in place")
    values: dict[str, tuple[ScalarNode, Any]] = {}
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value not in values:
            values[key.value] = (key, value)
    for required in ("id", "title"):
        if required not in values or not isinstance(values[required][1], ScalarNode):
            raise TailorError(f"the base file has no plain '{required}' line to change")
    # (start, end, replacement) spans of the text, applied from the end so earlier marks stay right
    edits: list[tuple[int, int, str]] = []
    id_key, id_value = values["id"]
    edits.append((id_value.start_mark.index, id_value.end_mark.index, new_id))
    title_value = values["title"][1]
    edits.append((title_value.start_mark.index, title_value.end_mark.index, _quoted(title)))
    if "based_on" in values:
        old = values["based_on"][1]
        edits.append((old.start_mark.index, old.end_mark.index, _quoted(based_on)))
    else:
        line_end = text.find("\n", id_value.end_mark.index)
        at = len(text) if line_end < 0 else line_end + 1
        prefix = "" if line_end >= 0 else "\n"
        indent = " " * id_key.start_mark.column
        comment = f"{indent}# the framework this copy was tailored from (framewheel frameworks diff {new_id})\n"
        edits.append((at, at, f"{prefix}{comment}{indent}based_on: {_quoted(based_on)}\n"))
    result = text
    for start, end, replacement in sorted(edits, reverse=True):
        result = result[:start] + replacement + result[end:]
    return result


# -- the diff -------------------------------------------------------------


@dataclass(frozen=True)
class Renamed:
    """Something kept by id whose title changed."""

    id: str
    before: str
    after: str


@dataclass(frozen=True)
class FieldChange:
    """One text field of an area (or of the framework) that changed."""

    field: str
    before: str
    after: str


@dataclass(frozen=True)
class ExemplarChange:
    """The exemplar statements of one area at one level that changed."""

    level_id: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[tuple[str, str], ...] = ()
    """Pairs (before, after) of statements edited in place."""


@dataclass(frozen=True)
class AreaChange:
    """An area both frameworks have (same id) whose content changed."""

    id: str
    title: str
    """The tailored title."""
    fields: tuple[FieldChange, ...] = ()
    exemplars: tuple[ExemplarChange, ...] = ()


@dataclass(frozen=True)
class FrameworkDiff:
    """What a tailored framework changed from its base."""

    base_id: str
    base_version: str
    tailored_id: str
    framework_fields: tuple[FieldChange, ...] = ()
    areas_renamed: tuple[Renamed, ...] = ()
    areas_added: tuple[Area, ...] = ()
    areas_removed: tuple[Area, ...] = ()
    reordered: tuple[str, ...] = ()
    """The kept areas' ids in their new order, when that order differs from the base's (else empty)."""
    area_changes: tuple[AreaChange, ...] = ()
    levels_added: tuple[str, ...] = ()
    levels_removed: tuple[str, ...] = ()
    levels_renamed: tuple[Renamed, ...] = ()
    values_added: tuple[str, ...] = ()
    values_removed: tuple[str, ...] = ()
    values_renamed: tuple[Renamed, ...] = ()
    area_word: str = "area"
    area_plural: str = "areas"

    @property
    def empty(self) -> bool:
        """True when the tailored copy changes nothing of what the diff compares."""
        return not any((self.framework_fields, self.areas_renamed, self.areas_added, self.areas_removed, self.reordered,
                        self.area_changes, self.levels_added, self.levels_removed, self.levels_renamed,
                        self.values_added, self.values_removed, self.values_renamed))


def _lines_diff(level_id: str, before: tuple[str, ...], after: tuple[str, ...]) -> ExemplarChange | None:
    """How one level's statements changed: pairs edited in place, the rest added or removed."""
    if before == after:
        return None
    added: list[str] = []
    removed: list[str] = []
    changed: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            continue
        old, new = list(before[a0:a1]), list(after[b0:b1])
        if tag == "replace":
            pairs = min(len(old), len(new))
            changed.extend(zip(old[:pairs], new[:pairs]))
            old, new = old[pairs:], new[pairs:]
        removed.extend(old)
        added.extend(new)
    return ExemplarChange(level_id, tuple(added), tuple(removed), tuple(changed))


AREA_FIELDS = ("code", "short", "encompasses", "description")
"""The text fields of an area the diff compares (besides its title and exemplars)."""

FRAMEWORK_FIELDS = ("title", "version", "publisher", "source", "description", "area_name")
"""The framework's own text fields the diff compares."""


def _area_change(base: Area, tailored: Area, level_ids: list[str]) -> AreaChange | None:
    """The changes of one kept area's fields and exemplars (its title is a rename, reported apart)."""
    fields = tuple(
        FieldChange(name, getattr(base, name) or "", getattr(tailored, name) or "")
        for name in AREA_FIELDS if (getattr(base, name) or "") != (getattr(tailored, name) or "")
    )
    levels = level_ids + sorted((set(base.exemplars) | set(tailored.exemplars)) - set(level_ids))
    exemplars = tuple(
        change for level in levels
        if (change := _lines_diff(level, tuple(base.exemplars.get(level, ())), tuple(tailored.exemplars.get(level, ()))))
    )
    if not fields and not exemplars:
        return None
    return AreaChange(tailored.id, tailored.title, fields, exemplars)


def _by_id(base: Mapping[str, str], tailored: Mapping[str, str]) -> tuple[tuple[str, ...], tuple[str, ...], tuple[Renamed, ...]]:
    """Added titles, removed titles and renamed ids between two ``id -> title`` maps (in order)."""
    added = tuple(title for key, title in tailored.items() if key not in base)
    removed = tuple(title for key, title in base.items() if key not in tailored)
    renamed = tuple(Renamed(key, base[key], title) for key, title in tailored.items() if key in base and base[key] != title)
    return added, removed, renamed


def diff_frameworks(base: Framework, tailored: Framework) -> FrameworkDiff:
    """What ``tailored`` changed from ``base``, areas matched by id."""
    base_areas = {area.id: area for area in base.areas}
    tailored_ids = set(tailored.area_ids)
    kept_base_order = [area_id for area_id in base.area_ids if area_id in tailored_ids]
    kept_new_order = [area_id for area_id in tailored.area_ids if area_id in base_areas]
    level_ids = [level.id for level in tailored.levels] + [lv.id for lv in base.levels if tailored.level(lv.id) is None]
    changes = tuple(
        change for area in tailored.areas
        if area.id in base_areas and (change := _area_change(base_areas[area.id], area, level_ids))
    )
    levels = _by_id({lv.id: lv.title for lv in base.levels}, {lv.id: lv.title for lv in tailored.levels})
    values = _by_id({v.id: v.title for v in base.values}, {v.id: v.title for v in tailored.values})
    framework_fields = tuple(
        FieldChange(name, getattr(base, name), getattr(tailored, name))
        for name in FRAMEWORK_FIELDS if getattr(base, name) != getattr(tailored, name)
    )
    return FrameworkDiff(
        base_id=base.id, base_version=base.version, tailored_id=tailored.id,
        framework_fields=framework_fields,
        areas_renamed=tuple(
            Renamed(area.id, base_areas[area.id].title, area.title)
            for area in tailored.areas if area.id in base_areas and base_areas[area.id].title != area.title
        ),
        areas_added=tuple(area for area in tailored.areas if area.id not in base_areas),
        areas_removed=tuple(area for area in base.areas if area.id not in tailored_ids),
        reordered=tuple(kept_new_order) if kept_new_order != kept_base_order else (),
        area_changes=changes,
        levels_added=levels[0], levels_removed=levels[1], levels_renamed=levels[2],
        values_added=values[0], values_removed=values[1], values_renamed=values[2],
        area_word=tailored.area_name, area_plural=tailored.area_plural,
    )


# -- finding the base -----------------------------------------------------


@dataclass(frozen=True)
class BaseLookup:
    """The base of a framework as found among the loaded ones, and what to warn about."""

    base: Framework | None
    """The loaded framework named by ``based_on`` (None when not tailored or not loaded)."""
    warning: str = ""
    """Why there is no diff, or why it may mislead (a different edition loaded); empty when all is well."""
    tailored: bool = True
    """False when the framework has no ``based_on`` at all."""


def find_base(framework: Framework, loaded: Mapping[str, Framework]) -> BaseLookup:
    """The loaded base of ``framework`` (``based_on``), with a warning when it is missing or another edition."""
    if not framework.based_on:
        return BaseLookup(None, f"{framework.title} {NOT_TAILORED}.", tailored=False)
    base_id, version = split_based_on(framework.based_on)
    base = loaded.get(base_id)
    if base is None or base.id == framework.id:
        return BaseLookup(None, f"{framework.title} is based on {framework.based_on}, which is not loaded, "
                                "so the changes from it cannot be shown.")
    if base.version != version:
        return BaseLookup(base, f"{framework.title} is based on {framework.based_on}, but {base.id}@{base.version} "
                                "is loaded; the changes below are from the loaded edition.")
    return BaseLookup(base)


def based_on_text(framework: Framework, loaded: Mapping[str, Framework]) -> str:
    """``based on ahep@2024`` for a list or outline, with ``(not loaded)`` or the loaded edition when it differs."""
    if not framework.based_on:
        return ""
    base_id, version = split_based_on(framework.based_on)
    base = loaded.get(base_id)
    if base is None:
        return f"based on {framework.based_on} (not loaded)"
    if base.version != version:
        return f"based on {framework.based_on} (loaded: {base.id}@{base.version})"
    return f"based on {framework.based_on}"


# -- rendering ------------------------------------------------------------


@dataclass
class Section:
    """One titled part of a rendered diff: a heading and its lines."""

    title: str
    lines: list[str] = field(default_factory=list)


def diff_sections(diff: FrameworkDiff) -> list[Section]:
    """The diff as titled sections of plain lines (``+`` added, ``-`` removed, ``~`` changed), for every renderer."""
    words = diff.area_plural[:1].upper() + diff.area_plural[1:]
    sections: list[Section] = []
    if diff.framework_fields:
        sections.append(Section("Framework", [f"~ {c.field}: {c.before!r} -> {c.after!r}" for c in diff.framework_fields]))
    if diff.areas_renamed:
        sections.append(Section(f"{words} renamed", [f"~ {r.id}: {r.before} -> {r.after}" for r in diff.areas_renamed]))
    if diff.areas_added:
        sections.append(Section(f"{words} added", [f"+ {a.id}: {a.title}" for a in diff.areas_added]))
    if diff.areas_removed:
        sections.append(Section(f"{words} removed", [f"- {a.id}: {a.title}" for a in diff.areas_removed]))
    if diff.reordered:
        sections.append(Section(f"{words} reordered", ["~ now in the order: " + ", ".join(diff.reordered)]))
    for change in diff.area_changes:
        lines = [f"~ {c.field}: {c.before!r} -> {c.after!r}" for c in change.fields]
        for ex in change.exemplars:
            lines += [f"~ exemplar at {ex.level_id}: {before} -> {after}" for before, after in ex.changed]
            lines += [f"+ exemplar at {ex.level_id}: {text}" for text in ex.added]
            lines += [f"- exemplar at {ex.level_id}: {text}" for text in ex.removed]
        sections.append(Section(f"{change.title} ({change.id}) changed", lines))
    level_lines = ([f"+ {t}" for t in diff.levels_added] + [f"- {t}" for t in diff.levels_removed]
                   + [f"~ {r.id}: {r.before} -> {r.after}" for r in diff.levels_renamed])
    if level_lines:
        sections.append(Section("Levels", level_lines))
    value_lines = ([f"+ {t}" for t in diff.values_added] + [f"- {t}" for t in diff.values_removed]
                   + [f"~ {r.id}: {r.before} -> {r.after}" for r in diff.values_renamed])
    if value_lines:
        sections.append(Section("Values", value_lines))
    return sections


def diff_headline(diff: FrameworkDiff) -> str:
    """One sentence: what is compared with what, and how much changed."""
    counts = [f"{len(diff.areas_renamed)} renamed", f"{len(diff.areas_added)} added", f"{len(diff.areas_removed)} removed",
              f"{len(diff.area_changes)} with other changes"]
    if diff.empty:
        return f"{diff.tailored_id} against {diff.base_id}@{diff.base_version}: no changes yet."
    return f"{diff.tailored_id} against {diff.base_id}@{diff.base_version}: {diff.area_plural} " + ", ".join(counts) + "."


def diff_lines(diff: FrameworkDiff) -> list[str]:
    """The diff as readable plain text lines: the headline, then each section indented under its title."""
    lines = [diff_headline(diff)]
    for section in diff_sections(diff):
        lines += ["", f"{section.title}:"] + [f"  {line}" for line in section.lines]
    return lines


def diff_markdown(diff: FrameworkDiff) -> str:
    """The diff in Markdown: a heading, the headline, one sub-heading and bullet list per section."""
    parts = [f"# {diff.tailored_id}: changes from {diff.base_id}@{diff.base_version}", "", diff_headline(diff)]
    for section in diff_sections(diff):
        parts += ["", f"## {section.title}", ""] + [f"- `{line[:1]}` {line[2:]}" for line in section.lines]
    return "\n".join(parts) + "\n"


def diff_dict(diff: FrameworkDiff) -> dict[str, Any]:
    """The diff as plain JSON data (stable keys, lists in framework order)."""
    return {
        "base": {"id": diff.base_id, "version": diff.base_version},
        "tailored": diff.tailored_id,
        "framework": [vars(c) for c in diff.framework_fields],
        "areas": {
            "renamed": [vars(r) for r in diff.areas_renamed],
            "added": [{"id": a.id, "title": a.title} for a in diff.areas_added],
            "removed": [{"id": a.id, "title": a.title} for a in diff.areas_removed],
            "order": list(diff.reordered),
            "changed": [
                {"id": c.id, "title": c.title, "fields": [vars(f) for f in c.fields],
                 "exemplars": [{"level": e.level_id, "added": list(e.added), "removed": list(e.removed),
                                "changed": [list(pair) for pair in e.changed]} for e in c.exemplars]}
                for c in diff.area_changes
            ],
        },
        "levels": {"added": list(diff.levels_added), "removed": list(diff.levels_removed),
                   "renamed": [vars(r) for r in diff.levels_renamed]},
        "values": {"added": list(diff.values_added), "removed": list(diff.values_removed),
                   "renamed": [vars(r) for r in diff.values_renamed]},
    }
