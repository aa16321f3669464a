"""What a ranking says elsewhere: beside a wheel's gaps, in exports and reports, and as demo data.

* :func:`ranked_gaps` puts a team ranking beside a wheel's gaps (from
  :mod:`tui.core.analysis`) and flags the areas that are *important to the team and
  a big gap*: a rank of :data:`TOP_RANK` or better (ties included, so 1, 1, 1
  are all "top 3") and a gap of at least :data:`BIG_GAP` points.
* :func:`ranking_to_dict` and :func:`ranking_to_markdown` are the forms used
  by ``framewheel export`` and the Markdown report.
* :func:`add_demo_ranking` adds the example team ranking of ``--demo``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping, Protocol, Sequence

from tui.core.analysis import AreaGap, series_gaps
from tui.core.demo import DEMO_MARK
from tui.core.frameworks import FrameworkCatalog
from tui.core.model import Area, Framework
from tui.core.rankings import TIE_RULE, Groups, Ranking, rank_by_area, rank_label, rows
from tui.core.reports.one_to_one import Section
from tui.core.wheels import Assessment


class RankingMaker(Protocol):
    """What the demo needs of the rankings' repository: making a ranking."""

    def create(self, framework: Framework, name: str, *, day: str = "", notes: str = "",
               groups: Groups | None = None, tag: str = "") -> Ranking:
        """Store a new ranking and return it."""

RANKING_FORMAT = "framewheel/ranking@1"
"""The format name and version of an exported ranking."""

TOP_RANK = 3
"""An area ranked this or better (1 is best) is "important to the team"."""

BIG_GAP = 3
"""A gap of this many scale points or more is "a big gap"."""

IMPORTANT_MARK = "!"
"""Marker of an important area with a big gap (a symbol, so it reads without colour)."""


@dataclass(frozen=True)
class RankedGap:
    """One area's gap on a wheel, with its rank in a team ranking (None when not ranked)."""

    area: Area
    gap: int
    rank: int | None
    important: bool
    """True when the area is important to the team (rank <= TOP_RANK) and the gap is big (>= BIG_GAP)."""


def is_important(rank: int | None, gap: int, top: int = TOP_RANK, big: int = BIG_GAP) -> bool:
    """The rule: ranked ``top`` or better and a gap of at least ``big``."""
    return rank is not None and rank <= top and gap >= big


def ranked_gaps(gaps: Sequence[AreaGap], ranks: Mapping[str, int], top: int = TOP_RANK, big: int = BIG_GAP) -> list[RankedGap]:
    """The gaps (e.g. one of ``series_gaps(wheel, fw)``) with each area's rank, important ones first.

    Within the important ones and within the rest, the order of ``gaps`` is
    kept (largest gap first, as :mod:`tui.core.analysis` gives them).
    """
    result = [
        RankedGap(g.area, g.gap, ranks.get(g.area.id), is_important(ranks.get(g.area.id), g.gap, top, big))
        for g in gaps
    ]
    return [r for r in result if r.important] + [r for r in result if not r.important]


def important_areas(gaps: Sequence[AreaGap], ranks: Mapping[str, int], top: int = TOP_RANK, big: int = BIG_GAP) -> list[Area]:
    """Only the areas that are important to the team and a big gap."""
    return [r.area for r in ranked_gaps(gaps, ranks, top, big) if r.important]


def ranking_to_dict(ranking: Ranking, framework: Framework | None = None) -> dict[str, Any]:
    """The exchange form of a ranking (JSON-ready); with ``framework``, over exactly its areas."""
    groups = ranking.ordered(framework) if framework else ranking.groups
    return {
        "format": RANKING_FORMAT,
        "framework": {"id": ranking.framework_id, "version": ranking.framework_version},
        "name": ranking.name,
        "date": ranking.date,
        "notes": ranking.notes,
        "created": ranking.created,
        "updated": ranking.updated,
        "tie_rule": "standard competition ranking (1, 1, 3)",
        "ranks": [{"area": row.area_id, "rank": row.rank, "tied": row.tied} for row in rows(groups)],
        "groups": [list(group) for group in groups],
    }


def _cell(text: str) -> str:
    """Text made safe for one Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def ranking_to_markdown(ranking: Ranking, framework: Framework, heading_level: int = 2) -> str:
    """A ranking as a Markdown section: title, date, notes, the tie rule and a table of ranks."""
    hashes = "#" * heading_level
    lines = [f"{hashes} Ranking: {_cell(ranking.name)}", ""]
    lines.append(f"{framework.title} ({framework.version}), {ranking.date}.")
    lines.append("")
    if ranking.notes:
        lines += [ranking.notes.strip(), ""]
    lines += [f"{TIE_RULE} `=` marks a shared rank.", ""]
    lines += [f"| Rank | {framework.area_word} |", "|---:|---|"]
    for row in rows(ranking.ordered(framework)):
        area = framework.area(row.area_id)
        title = area.heading if area else row.area_id
        lines.append(f"| {rank_label(row.rank, row.tied)} | {_cell(title)} |")
    return "\n".join(lines) + "\n"


DEMO_NAME = "Student services team (example)"
"""The name of the demo ranking."""


def add_demo_ranking(rankings: RankingMaker, catalog: FrameworkCatalog) -> Ranking | None:
    """One example team ranking of the AHEP commitments, with ties at 1 and at 7 (None without AHEP)."""
    framework = catalog.frameworks.get("ahep")
    if framework is None:
        return None
    groups = (
        ("service-excellence", "working-together"),
        ("agile-and-adaptable",),
        ("results-and-accountability",),
        ("professional-development",),
        ("responsible-practice",),
        ("sustainable-approaches", "wider-context"),
    )
    return rankings.create(
        framework, DEMO_NAME, day="2026-11-24", groups=groups, tag=DEMO_MARK,
        notes="Example data. Agreed at the away day: students first, then working across teams.",
    )


def ranking_report_section(ranking: Ranking | None, wheel: Assessment, framework: Framework) -> Section | None:
    """The team ranking of the wheel's framework, with the gaps that matter most to the team."""
    if ranking is None:
        return None
    ranks = rank_by_area(ranking, framework)
    body = ranking_to_markdown(ranking, framework, heading_level=3)
    lines = [body.rstrip(), "", "### Gaps beside the team's ranking", ""]
    found = False
    for pair in series_gaps(wheel, framework):
        guide_words = {"aspiration": "now to would like", "organisation": "now to organisation needs"}
        what = guide_words.get(pair.target.id) if pair.guide_name else None
        what = what or f"{pair.base.title} to {pair.target.title}"
        for row in ranked_gaps(pair.gaps, ranks):
            if row.important:
                found = True
                lines.append(f"- {IMPORTANT_MARK} {row.area.heading}: rank {row.rank}, gap {row.gap} ({what})")
    if not found:
        lines.append("No area is both ranked in the team's top three and a gap of 3 points or more.")
    return "Team ranking", "\n".join(lines)
