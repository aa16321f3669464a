"""Action plans (RAG boards): a header, sections (themes) and rated milestones.

A plan is an immutable value (frozen dataclasses and tuples), so an undo history
can keep earlier versions cheaply. Each item is rated red, amber, green or not
yet rated (the empty string); a red item must carry a comment that explains it.
Nothing in this module imports Textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from tui.core.timestamps import timestamp_problems


TABLE = "action_plans"
"""The database table of action plans."""

KIND = "action plan"
"""The kind of saved work shown on the home screen (and the key of its opener)."""

FORMAT = "framewheel/action-plan@1"
"""The name and version of a plan's JSON exchange form."""

RATINGS = ("red", "amber", "green", "")
"""The ratings in board order; the empty string means not yet rated."""

RATING_TITLES = {"red": "Red", "amber": "Amber", "green": "Green", "": "Not rated"}
"""A rating's name as shown in headings and reports."""

RATING_LETTERS = {"red": "R", "amber": "A", "green": "G", "": "–"}
"""A letter for each rating, so that it reads without colour."""

RATING_SYMBOLS = {"red": "●", "amber": "▲", "green": "✔", "": "○"}
"""A symbol for each rating, shown beside the letter (colour-blind and NO_COLOR readers)."""

RATING_ALIASES = {
    "red": "red", "r": "red", "amber": "amber", "a": "amber", "yellow": "amber", "green": "green", "g": "green",
    "": "", "-": "", "–": "", "not rated": "", "none": "", "unrated": "", "n/a": "",
}
"""The spellings of a rating accepted on import (lower case)."""

TEMPLATE_SECTIONS = ("Ongoing actions", "Visibility", "Recognition", "Career development", "Sustainability", "Staff well-being")
"""The Technician Commitment themes a new plan can start from."""

YEAR_RANGE = (1900, 2200)
"""Focus years must fall in this range (inclusive)."""


def badge(rating: str) -> str:
    """The letter and symbol of a rating, e.g. ``R ●`` (never colour alone)."""
    return f"{RATING_LETTERS[rating]} {RATING_SYMBOLS[rating]}"


def normalise_rating(text: str) -> str | None:
    """The rating named by ``text`` (any case, letters or words), or None when it names none."""
    return RATING_ALIASES.get(text.strip().lower())


def next_rating(rating: str) -> str:
    """The rating after ``rating`` when cycling: not rated, red, amber, green, not rated..."""
    order = ("", "red", "amber", "green")
    return order[(order.index(rating) + 1) % len(order)]


class FocusError(ValueError):
    """Focus years that cannot be read; the message says which word is wrong."""


def parse_focus(text: str) -> tuple[int, ...]:
    """Years from text such as ``2021 2022``, ``2021, 2022`` or ``2021-2023``; raise FocusError."""
    years: list[int] = []
    for word in re.split(r"[\s,;]+", text.strip()):
        if not word:
            continue
        span = re.fullmatch(r"(\d{4})\s*[-–]\s*(\d{4})", word)
        if span:
            start, end = int(span.group(1)), int(span.group(2))
            if end < start or end - start > 20:
                raise FocusError(f"'{word}' is not a range of years (first year first, at most 20 years)")
            found = list(range(start, end + 1))
        elif re.fullmatch(r"\d{4}", word):
            found = [int(word)]
        else:
            raise FocusError(f"'{word}' is not a year (write years such as 2021 2022, or 2021-2023)")
        for year in found:
            if not YEAR_RANGE[0] <= year <= YEAR_RANGE[1]:
                raise FocusError(f"{year} is not a plausible year ({YEAR_RANGE[0]} to {YEAR_RANGE[1]})")
        years.extend(found)
    return tuple(sorted(set(years)))


def period_year(text: str) -> int | None:
    """The year a period end names ("April 2018" gives 2018, "2026" 2026); None when it names none."""
    found = re.findall(r"(?<!\d)(\d{4})(?!\d)", text)
    years = [int(y) for y in found if YEAR_RANGE[0] <= int(y) <= YEAR_RANGE[1]]
    return years[-1] if years else None


def outside_period_text(years: tuple[int, ...], plan: ActionPlan) -> str:
    """The warning for focus years outside the period: "2029 is outside the plan's period 2026 to 2028"."""
    told = ", ".join(str(y) for y in years)
    verb = "is" if len(years) == 1 else "are"
    return f"{told} {verb} outside the plan's period ({plan.period()})"


def format_focus(years: tuple[int, ...]) -> str:
    """Focus years as text, e.g. ``2021 2022``."""
    return " ".join(str(year) for year in years)


@dataclass(frozen=True)
class PlanItem:
    """One milestone or action: its text, rating, comment, owner and focus years.

    ``private`` marks the comment as private: it is never shown in presentation mode.
    """

    milestone: str
    rag: str = ""
    comment: str = ""
    owner: str = ""
    focus: tuple[int, ...] = ()
    private: bool = False

    @property
    def needs_comment(self) -> bool:
        """True for a red item with no comment (a plan must explain every red)."""
        return self.rag == "red" and not self.comment.strip()

    def to_dict(self) -> dict[str, Any]:
        """The stored and exchanged form."""
        data: dict[str, Any] = {"milestone": self.milestone, "rag": self.rag, "comment": self.comment, "owner": self.owner,
                                "focus": list(self.focus)}
        if self.private:
            data["private"] = True
        return data


@dataclass(frozen=True)
class PlanSection:
    """A theme of the plan and its items, in order."""

    title: str
    items: tuple[PlanItem, ...] = ()


@dataclass(frozen=True)
class ActionPlan:
    """A plan: its header and its sections. ``id`` is 0 until it is stored."""

    id: int
    project: str
    author: str = ""
    date: str = ""
    period_from: str = ""
    period_to: str = ""
    status: str = ""
    sections: tuple[PlanSection, ...] = ()
    example: bool = False
    """True for demo data whose ratings are an example, not anyone's assessment."""
    created: str = ""
    updated: str = ""

    def items(self) -> list[tuple[int, int, PlanItem]]:
        """Every item with its section index and index in the section, in board order."""
        return [(s, i, item) for s, section in enumerate(self.sections) for i, item in enumerate(section.items)]

    def counts(self) -> dict[str, int]:
        """How many items have each rating (keys as in RATINGS)."""
        counts = dict.fromkeys(RATINGS, 0)
        for section in self.sections:
            for item in section.items:
                counts[item.rag] += 1
        return counts

    def item_count(self) -> int:
        """How many items the plan has."""
        return sum(len(section.items) for section in self.sections)

    def green_share(self) -> float:
        """The share of all items that are green, 0.0 to 1.0 (0.0 for an empty plan)."""
        total = self.item_count()
        return self.counts()["green"] / total if total else 0.0

    def unexplained_reds(self) -> list[tuple[int, int, PlanItem]]:
        """Red items without a comment."""
        return [entry for entry in self.items() if entry[2].needs_comment]

    def period(self) -> str:
        """The period as one phrase, e.g. ``April 2018 to Present``."""
        if self.period_from and self.period_to:
            return f"{self.period_from} to {self.period_to}"
        return self.period_from or (f"to {self.period_to}" if self.period_to else "")

    def period_years(self) -> tuple[int, int] | None:
        """The first and last year of the period, read from its two ends ("April 2018", "2026").

        None when an end names no year ("Present", or left empty), so that nothing is flagged
        against a period that is open or not given.
        """
        start, end = period_year(self.period_from), period_year(self.period_to)
        if start is None or end is None:
            return None
        return (min(start, end), max(start, end))

    def years_outside_period(self, item: PlanItem) -> tuple[int, ...]:
        """The item's focus years that fall outside the plan's period (none when it is open)."""
        years = self.period_years()
        if years is None:
            return ()
        return tuple(year for year in item.focus if not years[0] <= year <= years[1])

    def outside_period(self) -> list[tuple[int, int, PlanItem]]:
        """The items with a focus year outside the plan's period, in board order."""
        return [entry for entry in self.items() if self.years_outside_period(entry[2])]

    def to_record(self) -> dict[str, Any]:
        """The stored form (the id is the record id, not stored)."""
        return {
            "project": self.project, "author": self.author, "date": self.date, "period_from": self.period_from,
            "period_to": self.period_to, "status": self.status, "example": self.example,
            "created": self.created, "updated": self.updated,
            "sections": [{"title": s.title, "items": [item.to_dict() for item in s.items]} for s in self.sections],
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> ActionPlan:
        """Build from a stored record (tolerant of missing optional fields)."""
        sections = tuple(
            PlanSection(str(s.get("title", "")), tuple(_item_from(i) for i in s.get("items", [])))
            for s in record.get("sections", [])
        )
        return cls(
            id=int(record.get("id", 0)), project=str(record.get("project", "")), author=str(record.get("author", "")),
            date=str(record.get("date", "")), period_from=str(record.get("period_from", "")),
            period_to=str(record.get("period_to", "")), status=str(record.get("status", "")), sections=sections,
            example=bool(record.get("example", False)), created=str(record.get("created", "")),
            updated=str(record.get("updated", record.get("created", ""))),
        )


def _item_from(data: dict[str, Any]) -> PlanItem:
    """An item from its stored form."""
    rag = str(data.get("rag", ""))
    return PlanItem(
        milestone=str(data.get("milestone", "")), rag=rag if rag in RATINGS else "",
        comment=str(data.get("comment", "")), owner=str(data.get("owner", "")),
        focus=tuple(int(y) for y in data.get("focus", []) if isinstance(y, int)),
        private=data.get("private") is True,
    )


HEADER_FIELDS = ("project", "author", "date", "period_from", "period_to", "status")
"""The header fields of a plan, in the order they are shown and edited."""


def new_plan(project: str, template: bool = True, **header: str) -> ActionPlan:
    """A plan not yet stored: the Technician Commitment themes as empty sections, or none."""
    sections = tuple(PlanSection(title) for title in TEMPLATE_SECTIONS) if template else ()
    unknown = set(header) - set(HEADER_FIELDS[1:])
    if unknown:
        raise TypeError(f"not header fields: {', '.join(sorted(unknown))}")
    text = {name: header.get(name, "") for name in HEADER_FIELDS[1:]}
    return ActionPlan(
        id=0, project=project.strip() or "Untitled plan", author=text["author"], date=text["date"],
        period_from=text["period_from"], period_to=text["period_to"], status=text["status"], sections=sections,
    )


def with_header(plan: ActionPlan, **header: str) -> ActionPlan:
    """``plan`` with some header fields changed; an empty project keeps the old one; unknown names raise KeyError."""
    unknown = set(header) - set(HEADER_FIELDS)
    if unknown:
        raise KeyError(f"not header fields: {', '.join(sorted(unknown))}")
    text = {name: header.get(name, getattr(plan, name)) for name in HEADER_FIELDS}
    return replace(
        plan, project=text["project"].strip() or plan.project, author=text["author"], date=text["date"],
        period_from=text["period_from"], period_to=text["period_to"], status=text["status"],
    )


ITEM_FIELD_NAMES = ("milestone", "rag", "comment", "owner", "focus", "private")
"""The fields of an item that a change can touch one by one."""


def merge_plan(base: ActionPlan, mine: ActionPlan, stored: ActionPlan) -> ActionPlan:
    """The plan as ``stored`` now with only the change from ``base`` to ``mine`` applied.

    ``base`` is the plan as this board last saved it, ``mine`` the plan after the person's
    change, ``stored`` the record as it is on disk now (another instance may have changed it).
    Header fields and item fields are merged one by one: what this change did not touch stays
    as stored. When the change only edited items or renamed sections, each edited item is
    found in the stored plan (at its place, else by its content) and only its changed fields
    are written. A change of shape (items added, deleted or moved) replaces the sections, and
    edits made elsewhere to items this change did not touch are carried over.
    """
    header = {name: getattr(mine if getattr(mine, name) != getattr(base, name) else stored, name) for name in HEADER_FIELDS}
    merged = with_header(stored, **header)
    if _shape(base) == _shape(mine):
        sections = list(stored.sections)
        for s, section in enumerate(mine.sections):
            before = base.sections[s]
            if section.title != before.title and s < len(sections):
                sections[s] = replace(sections[s], title=section.title)
            for i, item in enumerate(section.items):
                if item != before.items[i]:
                    _patch_item(sections, _shape(base), (s, i), before.items[i], item)
        return replace(merged, sections=tuple(sections))
    if stored.sections == base.sections or _shape(stored) != _shape(base):
        return replace(merged, sections=mine.sections)
    sections = list(mine.sections)
    for s, section in enumerate(stored.sections):
        for i, theirs in enumerate(section.items):
            original = base.sections[s].items[i]
            if theirs != original:
                _patch_item(sections, (), (s, i), original, theirs)
    return replace(merged, sections=tuple(sections))


def _shape(plan: ActionPlan) -> tuple[int, ...]:
    """How many items each section has: equal shapes mean the same items at the same places."""
    return tuple(len(section.items) for section in plan.sections)


def _patch_item(sections: list[PlanSection], base_shape: tuple[int, ...], at: tuple[int, int], before: PlanItem, after: PlanItem) -> None:
    """Apply the fields that changed from ``before`` to ``after`` to the matching item of ``sections``.

    The match is the item at ``at`` when it is still ``before`` (or has its milestone), else the
    first item equal to ``before``, else the first with its milestone; when ``sections`` still has
    ``base_shape`` the item at ``at`` is the same item edited elsewhere, and is merged field by field.
    Nothing is written when the item is gone.
    """
    s, i = at
    places = [(a, b) for a, sec in enumerate(sections) for b in range(len(sec.items))]

    def item_at(place: tuple[int, int]) -> PlanItem:
        """The item at a place of ``sections``."""
        return sections[place[0]].items[place[1]]

    target = next(
        (place for place in ([at] if at in places else []) if item_at(place) == before or item_at(place).milestone == before.milestone),
        None,
    )
    target = target or next((place for place in places if item_at(place) == before), None)
    target = target or next((place for place in places if item_at(place).milestone == before.milestone), None)
    if target is None and at in places and tuple(len(sec.items) for sec in sections) == base_shape:
        target = at
    if target is None:
        return
    changes = {name: getattr(after, name) for name in ITEM_FIELD_NAMES if getattr(after, name) != getattr(before, name)}
    current = item_at(target)
    patched = PlanItem(
        milestone=changes.get("milestone", current.milestone), rag=changes.get("rag", current.rag),
        comment=changes.get("comment", current.comment), owner=changes.get("owner", current.owner),
        focus=changes.get("focus", current.focus), private=changes.get("private", current.private),
    )
    items = list(sections[target[0]].items)
    items[target[1]] = patched
    sections[target[0]] = replace(sections[target[0]], items=tuple(items))


class PlanFormatError(ValueError):
    """A plan's exchange form that cannot be read; ``problems`` names each field that is wrong."""

    def __init__(self, problems: list[str]) -> None:
        """Keep every problem (one sentence each, naming the field)."""
        super().__init__("; ".join(problems))
        self.problems = problems


def plan_to_dict(plan: ActionPlan) -> dict[str, Any]:
    """The JSON exchange form of a plan (format ``framewheel/action-plan@1``)."""
    return {
        "format": FORMAT, "project": plan.project, "author": plan.author, "date": plan.date,
        "period": {"from": plan.period_from, "to": plan.period_to}, "status": plan.status,
        "example": plan.example, "updated": plan.updated,
        "sections": [{"title": s.title, "items": [item.to_dict() for item in s.items]} for s in plan.sections],
    }


def plan_from_dict(data: Any) -> ActionPlan:
    """A plan (id 0, not stored) from its exchange form; raise PlanFormatError naming every bad field."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise PlanFormatError(["the plan must be a JSON object"])
    if data.get("format") != FORMAT:
        problems.append(f"format: expected '{FORMAT}', found {data.get('format')!r}")
    text = {name: _text(data, name, problems) for name in ("project", "author", "date", "status")}
    problems.extend(f"{name}: {message}" for name, message in timestamp_problems(data, ("updated",)))
    period = data.get("period") or {}
    if not isinstance(period, dict):
        problems.append("period: must be an object with 'from' and 'to'")
        period = {}
    ends = {end: _text(period, end, problems, f"period.{end}") for end in ("from", "to")}
    sections: list[PlanSection] = []
    raw_sections = data.get("sections") or []
    if not isinstance(raw_sections, list):
        problems.append("sections: must be a list")
        raw_sections = []
    for s_index, raw in enumerate(raw_sections):
        where = f"sections[{s_index}]"
        if not isinstance(raw, dict) or not isinstance(raw.get("title"), str) or not raw["title"].strip():
            problems.append(f"{where}.title: every section needs a title")
            continue
        items = []
        raw_items = raw.get("items") or []
        if not isinstance(raw_items, list):
            problems.append(f"{where}.items: must be a list")
            raw_items = []
        for i_index, item in enumerate(raw_items):
            items.append(_exchange_item(item, f"{where}.items[{i_index}]", problems))
        sections.append(PlanSection(raw["title"].strip(), tuple(items)))
    if problems:
        raise PlanFormatError(problems)
    return ActionPlan(
        id=0, project=text["project"].strip() or "Imported plan", author=text["author"], date=text["date"],
        period_from=ends["from"], period_to=ends["to"], status=text["status"],
        sections=tuple(sections), example=bool(data.get("example", False)),
    )


def _text(data: dict[str, Any], name: str, problems: list[str], where: str = "") -> str:
    """An optional text field of the exchange form: null or missing is empty; a problem when it is not text.

    A number (a year written as ``2026``) is taken as its text.
    """
    value = data.get(name)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        problems.append(f"{where or name}: must be text")
        return ""
    return str(value)


def _exchange_item(item: Any, where: str, problems: list[str]) -> PlanItem:
    """One item of the exchange form, checked field by field."""
    if not isinstance(item, dict):
        problems.append(f"{where}: must be an object")
        return PlanItem("")
    milestone = item.get("milestone") or ""
    if not isinstance(milestone, str) or not milestone.strip():
        problems.append(f"{where}.milestone: every item needs a milestone")
        milestone = ""
    rag = normalise_rating(str(item.get("rag") or ""))
    if rag is None:
        problems.append(f"{where}.rag: {item.get('rag')!r} is not red, amber, green or empty")
    focus = item.get("focus") or []
    years: tuple[int, ...] = ()
    if isinstance(focus, list) and all(isinstance(y, int) and YEAR_RANGE[0] <= y <= YEAR_RANGE[1] for y in focus):
        years = tuple(sorted(set(focus)))
    else:
        problems.append(f"{where}.focus: must be a list of years such as [2021, 2022]")
    private = item.get("private")
    private = False if private is None else private
    if not isinstance(private, bool):
        problems.append(f"{where}.private: must be true or false (true: the comment is private)")
        private = False
    comment, owner = _text(item, "comment", problems, f"{where}.comment"), _text(item, "owner", problems, f"{where}.owner")
    return PlanItem(milestone.strip(), rag or "", comment, owner, years, private)


__all__ = [
    "ActionPlan", "PlanItem", "PlanSection", "PlanFormatError", "FocusError",
    "plan_to_dict", "plan_from_dict", "new_plan", "merge_plan", "with_header", "parse_focus", "format_focus", "badge",
]
