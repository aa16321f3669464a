"""Updating a stored action plan from its CSV form (a plan kept in a spreadsheet).

Each CSV row is matched to a milestone of the plan by its section and milestone text (any case,
spaces collapsed); the n-th row with the same section and milestone matches the n-th such item.
A matched row whose cells differ from the item changes it, field by field; a row that matches
nothing is added (after the row before it in the file, in its section; a new section goes last);
an item of the plan that the file no longer has is "not in the file": listed, and kept unless the
update is told to remove it. A cell the row leaves empty keeps the stored rating, comment, owner
or focus years, unless ``clear_empty`` says that empty means empty. The header (project, author,
date, period, status), the order of the board and private marks are kept. No Textual here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tui.core.action_plans import RATING_TITLES, ActionPlan, PlanItem, PlanSection, format_focus
from tui.core.exchange.plan_files import PlanRow

FIELD_TITLES = {"milestone": "milestone", "rag": "rating", "comment": "comment", "owner": "owner", "focus": "focus"}
"""How each field a CSV can change is named in the list of changes."""


@dataclass(frozen=True)
class FieldChange:
    """One field of one item: its name and its value before and after, as text."""

    name: str
    before: str
    after: str

    def text(self) -> str:
        """``rating Red -> Amber``, ``comment 'Drafted' -> (empty)``: text quoted, ratings and years not."""
        if self.name in ("rag", "focus"):
            return f"{FIELD_TITLES[self.name]} {self.before or '(none)'} -> {self.after or '(none)'}"
        return f"{FIELD_TITLES[self.name]} {_shown(self.before)} -> {_shown(self.after)}"


@dataclass(frozen=True)
class ChangedItem:
    """A milestone the file changes: where it is, the row that changes it, and each field's change."""

    section: str
    milestone: str
    line: int
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True)
class AddedItem:
    """A row that matches no milestone of the plan: it becomes a new item (``new_section``: and a section)."""

    section: str
    item: PlanItem
    line: int
    new_section: bool = False


@dataclass(frozen=True)
class MissingItem:
    """A milestone of the plan that the file does not have."""

    section: str
    item: PlanItem


@dataclass(frozen=True)
class PlanChanges:
    """What an update from a CSV does to a plan, and the plan it gives (``result``).

    ``missing`` lists the plan's items the file does not have; they are removed from ``result``
    only when ``removing`` is True, and kept otherwise.
    """

    added: tuple[AddedItem, ...]
    changed: tuple[ChangedItem, ...]
    missing: tuple[MissingItem, ...]
    unchanged: int
    removing: bool
    result: ActionPlan

    @property
    def removed(self) -> tuple[MissingItem, ...]:
        """The items the update takes out of the plan (none unless it is removing)."""
        return self.missing if self.removing else ()

    @property
    def kept(self) -> tuple[MissingItem, ...]:
        """The items not in the file that the update keeps."""
        return () if self.removing else self.missing

    @property
    def any(self) -> bool:
        """True when the update changes the stored plan at all."""
        return bool(self.added or self.changed or self.removed)

    def summary(self) -> str:
        """``2 changed, 1 added, 0 removed`` (and how many items not in the file are kept)."""
        text = f"{len(self.changed)} changed, {len(self.added)} added, {len(self.removed)} removed"
        if self.kept:
            text += f"; {len(self.kept)} not in the file, kept"
        return text

    def lines(self) -> list[str]:
        """One line per change: ``~`` changed, ``+`` added, ``-`` removed, ``=`` not in the file and kept."""
        lines = [f"~ {c.section}: {c.milestone} (line {c.line}): " + "; ".join(f.text() for f in c.fields) for c in self.changed]
        for added in self.added:
            section = f"{added.section} (new section)" if added.new_section else added.section
            lines.append(f"+ {section}: {added.item.milestone} (line {added.line}): {_item_text(added.item)}")
        lines += [f"- {m.section}: {m.item.milestone}: not in the file, removed" for m in self.removed]
        lines += [f"= {m.section}: {m.item.milestone}: not in the file, kept" for m in self.kept]
        return lines


def match_key(text: str) -> str:
    """The form of a section or milestone used to match rows to items: spaces collapsed, any case."""
    return " ".join(text.split()).casefold()


def compute_changes(stored: ActionPlan, rows: Sequence[PlanRow], *, clear_empty: bool = False,
                    remove: bool = False) -> PlanChanges:
    """The changes the CSV ``rows`` make to ``stored``, and the plan they give (nothing is written).

    ``clear_empty``: an empty cell clears the stored rating, comment, owner or focus years (by
    default it keeps them). ``remove``: the plan's items the file does not have are removed (by
    default they are kept, and listed).
    """
    places: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for s, i, item in stored.items():
        places.setdefault((match_key(stored.sections[s].title), match_key(item.milestone)), []).append((s, i))
    section_index = {match_key(section.title): s for s, section in enumerate(stored.sections)}
    items: list[list[PlanItem | None]] = [list(section.items) for section in stored.sections]
    matched: set[tuple[int, int]] = set()
    inserts: dict[int, dict[int, list[PlanItem]]] = {}
    """Added items by section and the index of the stored item they follow (-1: the section's start)."""
    new_sections: dict[str, tuple[str, list[PlanItem]]] = {}
    last_in_section: dict[int, int] = {}
    changed: list[ChangedItem] = []
    added: list[AddedItem] = []
    unchanged = 0
    for row in rows:
        key = (match_key(row.section), match_key(row.item.milestone))
        free = [place for place in places.get(key, []) if place not in matched]
        if free:
            s, i = free[0]
            matched.add((s, i))
            last_in_section[s] = i
            before = stored.sections[s].items[i]
            after = _updated(before, row, clear_empty)
            fields = _field_changes(before, after)
            if fields:
                items[s][i] = after
                changed.append(ChangedItem(stored.sections[s].title, before.milestone, row.line, fields))
            else:
                unchanged += 1
            continue
        item = _new_item(row)
        s_found = section_index.get(key[0])
        if s_found is None:
            title, news = new_sections.setdefault(key[0], (row.section, []))
            news.append(item)
            added.append(AddedItem(title, item, row.line, new_section=len(news) == 1))
        else:
            inserts.setdefault(s_found, {}).setdefault(last_in_section.get(s_found, -1), []).append(item)
            added.append(AddedItem(stored.sections[s_found].title, item, row.line))
    missing = [MissingItem(stored.sections[s].title, item) for s, i, item in stored.items() if (s, i) not in matched]
    if remove:
        for s, i, _ in stored.items():
            if (s, i) not in matched:
                items[s][i] = None
    sections = []
    for s, section in enumerate(stored.sections):
        after_index = inserts.get(s, {})
        built = list(after_index.get(-1, []))
        for i, kept in enumerate(items[s]):
            if kept is not None:
                built.append(kept)
            built.extend(after_index.get(i, []))
        sections.append(replace(section, items=tuple(built)))
    sections += [PlanSection(title, tuple(news)) for title, news in new_sections.values()]
    result = replace(stored, sections=tuple(sections))
    return PlanChanges(tuple(added), tuple(changed), tuple(missing), unchanged, remove, result)


def _updated(before: PlanItem, row: PlanRow, clear_empty: bool) -> PlanItem:
    """The stored item with the row's cells; an empty cell keeps the stored value unless ``clear_empty``."""
    source = {name: before if name in row.blank and not clear_empty else row.item for name in ("rag", "comment", "owner", "focus")}
    return PlanItem(
        milestone=row.item.milestone, rag=source["rag"].rag, comment=source["comment"].comment,
        owner=source["owner"].owner, focus=source["focus"].focus, private=before.private,
    )


def _new_item(row: PlanRow) -> PlanItem:
    """The item a row adds (its cells as they are)."""
    return row.item


def _field_changes(before: PlanItem, after: PlanItem) -> tuple[FieldChange, ...]:
    """Each field that differs between two items, as text before and after."""
    return tuple(
        FieldChange(name, _field_text(before, name), _field_text(after, name))
        for name in FIELD_TITLES if getattr(before, name) != getattr(after, name)
    )


def _field_text(item: PlanItem, name: str) -> str:
    """One field of an item as text (a rating by its name, focus years as ``2021 2022``)."""
    if name == "rag":
        return RATING_TITLES[item.rag]
    if name == "focus":
        return format_focus(item.focus)
    return str(getattr(item, name))


def _item_text(item: PlanItem) -> str:
    """A new item's fields in one line: rating, and the comment, owner and focus it has."""
    parts = [RATING_TITLES[item.rag]]
    if item.comment:
        parts.append(f"comment {_shown(item.comment)}")
    if item.owner:
        parts.append(f"owner {_shown(item.owner)}")
    if item.focus:
        parts.append(f"focus {format_focus(item.focus)}")
    return "; ".join(parts)


SHOWN_CHARACTERS = 60
"""A longer value is cut to this many characters in the list of changes."""


def _shown(value: str) -> str:
    """A value in the list of changes: quoted, on one line, cut when long; ``(empty)`` when empty."""
    if not value:
        return "(empty)"
    flat = " ".join(value.split())
    if len(flat) > SHOWN_CHARACTERS:
        flat = flat[: SHOWN_CHARACTERS - 1] + "…"
    return f"'{flat}'"


def no_change_text(file_name: str, changes: PlanChanges, project: str = "") -> str:
    """``No change: the plan 'X' already matches FILE`` (and how many of its items the file does not have)."""
    plan = f"the plan '{project}'" if project else "the plan"
    text = f"No change: {plan} already matches {file_name}"
    if changes.kept:
        text += f" ({len(changes.kept)} item(s) not in the file kept)"
    return text




def plans_named(plans: Sequence[ActionPlan], name: str) -> list[ActionPlan]:
    """The plans whose project is ``name`` (any case, spaces collapsed)."""
    return [plan for plan in plans if match_key(plan.project) == match_key(name)]


def plan_named(plans: Sequence[ActionPlan], name: str) -> tuple[ActionPlan | None, str]:
    """The one plan named ``name``, or None and one sentence saying why (naming the plans there)."""
    found = plans_named(plans, name)
    if len(found) == 1:
        return found[0], ""
    if found:
        ids = ", ".join(str(plan.id) for plan in found)
        return None, (f"{len(found)} action plans are named '{name}' (ids {ids}); give one another name "
                      "(e on the plans list) and run the import again")
    known = ", ".join(f"'{plan.project}'" for plan in sorted(plans, key=lambda p: p.project.casefold()))
    return None, f"there is no action plan named '{name}'; " + (f"the plans are {known}" if plans else "there are no action plans yet")


def file_slug(text: str) -> str:
    """A project name as the board's exports name their files (``Board test plan`` gives ``board-test-plan``)."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def best_plan(plans: Sequence[ActionPlan], file_stem: str, highlighted: ActionPlan | None) -> ActionPlan | None:
    """The plan an import of a file most likely updates: one named like the file, else the one whose
    export has the file's name (``board-test-plan.csv``), else the highlighted one."""
    named = plans_named(plans, file_stem) or [plan for plan in plans if file_slug(plan.project) == file_slug(file_stem)]
    return named[0] if named else highlighted


__all__ = [
    "AddedItem", "ChangedItem", "FieldChange", "MissingItem", "PlanChanges", "best_plan", "compute_changes",
    "file_slug", "match_key", "no_change_text", "plan_named", "plans_named",
]
