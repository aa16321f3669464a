"""The ranking activity's core: the rank rule and the edits a person makes (stored by tui.storage.repositories.rankings).

A ranking orders a framework's areas for a team's context (the guide's Ranking
Activity, Appendix 2: "rank the eight areas 1-8 ... you may have two or three
at number 1 and so on"). It is stored as *groups*: an ordered list of lists of
area ids, most important first, where the areas of one group are tied.

The tie convention is **standard competition ranking** ("1224"): tied areas
share a rank and the ranks after a tie are skipped, so two areas at number 1
are followed by number 3. An area's rank is therefore one more than the number
of areas ranked above it, which keeps the guide's 1-8 range (8 is never
exceeded) and lets "the top three" mean the areas with a rank of 3 or better.
Every part of framewheel (screen, export, report, wheel summary) uses
:func:`group_ranks`, so the convention is applied the same way everywhere.

The edit functions are pure: they take groups and return new groups, raising
:class:`RankError` (with a sentence for the person) for an impossible request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from tui.core.model import Framework
from tui.core.dates import iso_date

TABLE = "rankings"
"""The database table of rankings."""

TIE_RULE = "Tied areas share a rank and the next rank is skipped (1, 1, 3): standard competition ranking."
"""The tie convention in one sentence, shown on screen, in help, exports and the README."""

TIE_RULE_SHORT = "ties share a rank, the next is skipped: 1, 1, 3"
"""The tie convention in a few words, for narrow places."""

Groups = tuple[tuple[str, ...], ...]
"""Areas from the most important down; the areas of one inner tuple are tied."""


class RankError(ValueError):
    """A rank that cannot be given (the message says why); nothing was changed."""


def group_ranks(groups: Sequence[Sequence[str]]) -> list[int]:
    """The rank of each group: one more than the number of areas in the groups above."""
    ranks, above = [], 0
    for group in groups:
        ranks.append(above + 1)
        above += len(group)
    return ranks


def ranks_of(groups: Sequence[Sequence[str]]) -> dict[str, int]:
    """Each area's rank by area id (standard competition ranking)."""
    return {area_id: rank for group, rank in zip(groups, group_ranks(groups)) for area_id in group}


def rank_label(rank: int, tied: bool) -> str:
    """How a rank is written: ``3``, or ``1=`` for a rank shared with other areas (no colour needed)."""
    return f"{rank}=" if tied else str(rank)


@dataclass(frozen=True)
class RankRow:
    """One line of a ranking as shown: an area, its rank, and whether it shares that rank."""

    area_id: str
    rank: int
    tied: bool
    """True when other areas have the same rank."""
    tied_above: bool
    """True when the area is tied with the one listed just above it (what `=` toggles)."""


def rows(groups: Groups) -> list[RankRow]:
    """The ranking as a flat list, top first, each area with its rank."""
    result = []
    for group, rank in zip(groups, group_ranks(groups)):
        for position, area_id in enumerate(group):
            result.append(RankRow(area_id, rank, len(group) > 1, position > 0))
    return result


def clean(groups: Iterable[Iterable[str]]) -> Groups:
    """Groups as tuples, without empty groups or repeated areas (the first place kept)."""
    seen: set[str] = set()
    result = []
    for group in groups:
        kept = tuple(a for a in group if not (a in seen or seen.add(a)))  # type: ignore[func-returns-value]
        if kept:
            result.append(kept)
    return tuple(result)


def normalise(groups: Iterable[Iterable[str]], area_ids: Sequence[str]) -> Groups:
    """Groups holding exactly ``area_ids``: unknown areas left out, missing ones added at the bottom."""
    known = set(area_ids)
    kept = clean([a for a in group if a in known] for group in groups)
    placed = {a for group in kept for a in group}
    return kept + tuple((a,) for a in area_ids if a not in placed)


def _find(groups: Groups, area_id: str) -> tuple[int, int]:
    """The group index and position within it of an area; RankError when it is not ranked."""
    for index, group in enumerate(groups):
        if area_id in group:
            return index, group.index(area_id)
    raise RankError(f"'{area_id}' is not in this ranking")


def _without(groups: Groups, area_id: str) -> list[tuple[str, ...]]:
    """The groups with one area taken out (empty groups dropped)."""
    return [g for g in (tuple(a for a in group if a != area_id) for group in groups) if g]


def move_up(groups: Groups, area_id: str) -> Groups:
    """One rank up: a tied area steps out just above its tie; a lone area swaps with the group above."""
    index, _ = _find(groups, area_id)
    if len(groups[index]) > 1:
        rest = _without(groups, area_id)
        rest.insert(index, (area_id,))
        return tuple(rest)
    if index == 0:
        return groups
    changed = list(groups)
    changed[index - 1], changed[index] = changed[index], changed[index - 1]
    return tuple(changed)


def move_down(groups: Groups, area_id: str) -> Groups:
    """One rank down: a tied area steps out just below its tie; a lone area swaps with the group below."""
    index, _ = _find(groups, area_id)
    if len(groups[index]) > 1:
        rest = _without(groups, area_id)
        rest.insert(index + 1, (area_id,))
        return tuple(rest)
    if index == len(groups) - 1:
        return groups
    changed = list(groups)
    changed[index], changed[index + 1] = changed[index + 1], changed[index]
    return tuple(changed)


def toggle_tie(groups: Groups, area_id: str) -> Groups:
    """`=`: tie the area with the one listed above it, or, when it already is, untie it.

    Tying joins the area (and any area tied below it) to the group above.
    Untying splits the group just above the area: it and the areas listed
    after it in the tie take the next rank. Nothing moves on the list.
    """
    index, position = _find(groups, area_id)
    changed = list(groups)
    if position > 0:
        group = groups[index]
        changed[index : index + 1] = [group[:position], group[position:]]
    elif index == 0:
        raise RankError("The first area has no area above it to tie with.")
    else:
        changed[index - 1 : index + 1] = [groups[index - 1] + groups[index]]
    return tuple(changed)


def set_rank(groups: Groups, area_id: str, rank: int) -> Groups:
    """Give an area a rank directly: it leaves any tie and is placed alone at ``rank``.

    Areas at that rank and below move down one place. Under the tie
    convention a rank inside a tie does not exist (with two areas at 1 there
    is no 2), so asking for it raises RankError and changes nothing.
    """
    _find(groups, area_id)
    total = sum(len(group) for group in groups)
    if not 1 <= rank <= total:
        raise RankError(f"Rank {rank} is not possible: ranks go from 1 to {total}.")
    rest = _without(groups, area_id)
    above = 0
    for index, group in enumerate(rest):
        if above == rank - 1:
            return tuple(rest[:index] + [(area_id,)] + rest[index:])
        if above + len(group) > rank - 1:
            shared = above + 1
            raise RankError(
                f"Rank {rank} is not possible: {len(group)} areas share rank {shared}, "
                f"so the next rank is {shared + len(group)} (ties skip ranks: 1, 1, 3)."
            )
        above += len(group)
    return tuple(rest + [(area_id,)])


@dataclass(frozen=True)
class Ranking:
    """A named ranking of a framework's areas for a team or context."""

    id: int
    framework_id: str
    framework_version: str
    name: str
    date: str
    """The day the ranking was made or agreed, ``YYYY-MM-DD``."""
    created: str
    updated: str
    groups: Groups = ()
    notes: str = ""
    tag: str = ""
    """``example`` on demo records, else empty."""

    def ordered(self, framework: Framework) -> Groups:
        """The groups over exactly the framework's areas (new areas at the bottom)."""
        return normalise(self.groups, framework.area_ids)

    def to_record(self) -> dict[str, Any]:
        """The stored form (the id is the record id, not stored)."""
        record = {
            "framework_id": self.framework_id, "framework_version": self.framework_version,
            "name": self.name, "date": self.date, "notes": self.notes,
            "created": self.created, "updated": self.updated, "groups": [list(g) for g in self.groups],
        }
        if self.tag:
            record["tag"] = self.tag
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Ranking:
        """Build from a stored record (tolerant of missing optional fields)."""
        groups = record.get("groups", [])
        return cls(
            id=int(record["id"]), framework_id=str(record.get("framework_id", "")),
            framework_version=str(record.get("framework_version", "")), name=str(record.get("name", "")),
            date=str(record.get("date", "")), created=str(record.get("created", "")),
            updated=str(record.get("updated", record.get("created", ""))),
            groups=clean([str(a) for a in g] for g in groups if isinstance(g, list)) if isinstance(groups, list) else (),
            notes=str(record.get("notes", "")), tag=str(record.get("tag", "")),
        )


def rank_by_area(ranking: Ranking, framework: Framework | None = None) -> dict[str, int]:
    """Each area's rank by area id; with ``framework``, over exactly its areas (new ones last)."""
    return ranks_of(ranking.ordered(framework) if framework else ranking.groups)


def check_date(text: str) -> str:
    """A ``YYYY-MM-DD`` date, checked; RankError with the reason when it is not one."""
    found = iso_date(text)
    if found is None:
        raise RankError(f"Date '{text.strip()}' is not a date written YYYY-MM-DD (for example 2026-11-24).")
    return found


