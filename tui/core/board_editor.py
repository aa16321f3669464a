"""Editing a plan on the board: the cursor, each change, and undo/redo over many levels.

The board screen calls these methods and stores ``editor.plan`` after each
change; this module never touches storage or Textual. A cursor is a pair
``(section, item)``; ``item`` is -1 on a section's heading row.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tui.core.action_plans import ActionPlan, PlanItem, PlanSection, next_rating, parse_focus

Cursor = tuple[int, int]
"""(section index, item index); the item index is -1 on a section heading."""

HEADING = -1
"""The item index of a section's heading row."""

ITEM_FIELDS = ("rag", "milestone", "comment", "owner", "focus")
"""The fields of an item, in the order they appear across a board row."""

UNDO_LEVELS = 200
"""How many changes can be undone."""


class EditError(ValueError):
    """A change that cannot be made (nothing was changed); the message says why."""


@dataclass(frozen=True)
class Row:
    """One row of the board as shown: a section heading or an item."""

    section: int
    item: int

    @property
    def cursor(self) -> Cursor:
        """The cursor that points at this row."""
        return (self.section, self.item)

    @property
    def is_heading(self) -> bool:
        """True for a section heading row."""
        return self.item == HEADING


def visible_rows(plan: ActionPlan, rating: str | None = None, section: int | None = None, search: str = "",
                 private_hidden: bool = False) -> list[Row]:
    """The board's rows after the filters: a rating (None for all), a section index, search text.

    ``private_hidden`` (presentation mode): the search does not look into private comments, so a
    match cannot give away what one says.

    A section's heading is shown when the section is shown (so that an empty
    section can still be added to); items must match every filter.
    """
    needle = search.strip().casefold()
    rows: list[Row] = []
    for s_index, sec in enumerate(plan.sections):
        if section is not None and s_index != section:
            continue
        matching = [
            Row(s_index, i_index) for i_index, item in enumerate(sec.items)
            if (rating is None or item.rag == rating) and (not needle or _matches(item, sec.title, needle, private_hidden))
        ]
        if matching or (rating is None and not needle):
            rows.append(Row(s_index, HEADING))
            rows.extend(matching)
    return rows


def _matches(item: PlanItem, section_title: str, needle: str, private_hidden: bool = False) -> bool:
    """True when the search text is in any of the item's texts or its section's title (a hidden private comment aside)."""
    comment = "" if private_hidden and item.private else item.comment
    haystack = " ".join((item.milestone, comment, item.owner, section_title, " ".join(map(str, item.focus))))
    return needle in haystack.casefold()


class BoardEditor:
    """A plan being edited: every change records the state before it, for undo and redo."""

    def __init__(self, plan: ActionPlan, cursor: Cursor = (0, HEADING)) -> None:
        """Edit ``plan`` with the cursor on ``cursor``."""
        self.plan = plan
        self.cursor = cursor
        self._undo: list[tuple[ActionPlan, Cursor]] = []
        self._redo: list[tuple[ActionPlan, Cursor]] = []

    # -- history -----------------------------------------------------------------
    @property
    def can_undo(self) -> bool:
        """True when there is a change to undo."""
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        """True when there is an undone change to redo."""
        return bool(self._redo)

    def _commit(self, plan: ActionPlan, cursor: Cursor) -> ActionPlan:
        """Make ``plan`` current, remembering the previous state; redo is forgotten."""
        self._undo.append((self.plan, self.cursor))
        del self._undo[:-UNDO_LEVELS]
        self._redo.clear()
        self.plan, self.cursor = plan, cursor
        return plan

    def undo(self) -> bool:
        """Go back one change; False when there is none."""
        if not self._undo:
            return False
        self._redo.append((self.plan, self.cursor))
        self.plan, self.cursor = self._undo.pop()
        return True

    def redo(self) -> bool:
        """Make the last undone change again; False when there is none."""
        if not self._redo:
            return False
        self._undo.append((self.plan, self.cursor))
        self.plan, self.cursor = self._redo.pop()
        return True

    def replace_plan(self, plan: ActionPlan) -> None:
        """Take a plan changed elsewhere (e.g. its header) without a history entry."""
        self.plan = plan

    # -- reading -----------------------------------------------------------------
    def item(self, cursor: Cursor | None = None) -> PlanItem | None:
        """The item at the cursor, or None on a heading (or an empty plan)."""
        s, i = cursor or self.cursor
        if not 0 <= s < len(self.plan.sections) or i == HEADING:
            return None
        items = self.plan.sections[s].items
        return items[i] if 0 <= i < len(items) else None

    # -- changes -----------------------------------------------------------------
    def _with_items(self, s: int, items: tuple[PlanItem, ...]) -> ActionPlan:
        """The plan with section ``s``'s items replaced."""
        sections = list(self.plan.sections)
        sections[s] = replace(sections[s], items=items)
        return replace(self.plan, sections=tuple(sections))

    def _require_item(self) -> tuple[int, int, PlanItem]:
        """The cursor's item, or EditError on a heading."""
        item = self.item()
        if item is None:
            raise EditError("Move to an item first (this is a section heading).")
        return (*self.cursor, item)

    def set_item(self, **changes: object) -> ActionPlan:
        """Change fields of the item at the cursor (focus given as text is parsed)."""
        s, i, item = self._require_item()
        if isinstance(changes.get("focus"), str):
            changes["focus"] = parse_focus(str(changes["focus"]))
        if "milestone" in changes and not str(changes["milestone"]).strip():
            raise EditError("A milestone cannot be empty; press escape to keep the old text.")
        new = replace(item, **changes)  # type: ignore[arg-type]
        if new == item:
            return self.plan
        items = list(self.plan.sections[s].items)
        items[i] = new
        return self._commit(self._with_items(s, tuple(items)), self.cursor)

    def set_rating(self, rating: str) -> ActionPlan:
        """Rate the item at the cursor."""
        return self.set_item(rag=rating)

    def cycle_rating(self) -> ActionPlan:
        """Give the item at the cursor the next rating (not rated, red, amber, green)."""
        _, _, item = self._require_item()
        return self.set_item(rag=next_rating(item.rag))

    def rename_section(self, title: str) -> ActionPlan:
        """Give the cursor's section a new title."""
        s = self.cursor[0]
        if not 0 <= s < len(self.plan.sections):
            raise EditError("There is no section here.")
        if not title.strip():
            raise EditError("A section needs a title; press escape to keep the old one.")
        sections = list(self.plan.sections)
        sections[s] = replace(sections[s], title=title.strip())
        return self._commit(replace(self.plan, sections=tuple(sections)), self.cursor)

    def add_item(self, milestone: str = "New milestone") -> ActionPlan:
        """Add an item below the cursor (first in the section on its heading); the cursor moves to it."""
        if not self.plan.sections:
            plan = replace(self.plan, sections=(PlanSection("New section", (PlanItem(milestone),)),))
            return self._commit(plan, (0, 0))
        s, i = self.cursor
        items = list(self.plan.sections[s].items)
        at = 0 if i == HEADING else i + 1
        items.insert(at, PlanItem(milestone))
        return self._commit(self._with_items(s, tuple(items)), (s, at))

    def add_section(self, title: str = "New section") -> ActionPlan:
        """Add an empty section after the cursor's section; the cursor moves to its heading."""
        at = self.cursor[0] + 1 if self.plan.sections else 0
        sections = list(self.plan.sections)
        sections.insert(at, PlanSection(title))
        return self._commit(replace(self.plan, sections=tuple(sections)), (at, HEADING))

    def delete(self) -> ActionPlan:
        """Delete the item at the cursor, or the section (with its items) on a heading."""
        s, i = self.cursor
        if not 0 <= s < len(self.plan.sections):
            raise EditError("There is nothing here to delete.")
        if i == HEADING:
            sections = list(self.plan.sections)
            del sections[s]
            cursor = (min(s, len(sections) - 1), HEADING) if sections else (0, HEADING)
            return self._commit(replace(self.plan, sections=tuple(sections)), cursor)
        items = list(self.plan.sections[s].items)
        del items[i]
        cursor = (s, min(i, len(items) - 1)) if items else (s, HEADING)
        return self._commit(self._with_items(s, tuple(items)), cursor)

    def move(self, delta: int) -> ActionPlan:
        """Move the cursor's item up (-1) or down (+1), into the next section at a section's edge."""
        s, i, item = self._require_item()
        sections = [list(sec.items) for sec in self.plan.sections]
        target = i + delta
        if 0 <= target < len(sections[s]):
            sections[s][i], sections[s][target] = sections[s][target], sections[s][i]
            cursor = (s, target)
        else:
            to = s + delta
            if not 0 <= to < len(sections):
                raise EditError("The item is already at the " + ("top" if delta < 0 else "bottom") + " of the plan.")
            del sections[s][i]
            at = len(sections[to]) if delta < 0 else 0
            sections[to].insert(at, item)
            cursor = (to, at)
        new_sections = tuple(replace(sec, items=tuple(items)) for sec, items in zip(self.plan.sections, sections))
        return self._commit(replace(self.plan, sections=new_sections), cursor)
