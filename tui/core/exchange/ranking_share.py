"""A ranking to share with a team: the ``framewheel/ranking@1`` document of one person's ranking.

What leaves the person's machine is decided here, in one place, and shown to them before it is
written (the ranking share dialog previews exactly this function's output). A ranking share file
always holds the format, the framework (id and version), the ranking's name, date and creation
time, and its groups (the areas from the most important down; the areas of one inner list are
tied), over exactly the framework's areas. The ranking's notes go in only when the person ticks
them in; a name or code only when typed; ``"share": "named"`` only when they also agree to be
named, and never without a name. Nothing else of the ranking is written (no ``updated``, no
derived ``ranks``). The file imports with ``framewheel import`` like a ranking of a bundle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.core.model import Framework
from tui.core.rankings import Ranking
from tui.core.reports.ranking import RANKING_FORMAT

SHARE_NAMED = "named"
"""The value of ``"share"`` in a share file whose person agreed to be named in the team profile."""


def ranking_share_document(ranking: Ranking, framework: Framework, *, notes: bool = False, person: str = "",
                           named: bool = False) -> dict[str, Any]:
    """The share file of ``ranking``: its groups over ``framework``'s areas, plus what is ticked in.

    ``notes`` adds the ranking's notes (left out when empty); ``person`` (stripped) is written only
    when given; ``named`` adds ``"share": "named"`` and needs a person (ValueError otherwise).
    """
    person = person.strip()
    if named and not person:
        raise ValueError("to be named in the team profile, give a name or code")
    document: dict[str, Any] = {
        "format": RANKING_FORMAT,
        "framework": {"id": ranking.framework_id, "version": ranking.framework_version},
    }
    if person:
        document["person"] = person
    document["name"] = ranking.name
    document["date"] = ranking.date
    document["created"] = ranking.created
    document["groups"] = [list(group) for group in ranking.ordered(framework)]
    if notes and ranking.notes.strip():
        document["notes"] = ranking.notes
    if named:
        document["share"] = SHARE_NAMED
    return document


def ranking_share_file_name(ranking: Ranking, today: str) -> str:
    """The suggested name of a ranking share file: ``ranking-share-<ranking id>-<YYYY-MM-DD>.json``."""
    return f"ranking-share-{ranking.id}-{today}.json"


@dataclass(frozen=True)
class RankingShareChoice:
    """What the person chose to share of a ranking, and where to write it (from the dialog)."""

    path: str
    notes: bool = False
    person: str = ""
    named: bool = False

    def document(self, ranking: Ranking, framework: Framework) -> dict[str, Any]:
        """The share file of ``ranking`` with these choices (named only counts with a person)."""
        return ranking_share_document(ranking, framework, notes=self.notes, person=self.person,
                                      named=self.named and bool(self.person.strip()))
