"""Team ranking: the individual rankings of a team's members combined into one ranking, with the agreement.

The input is a team's ranking share files (``framewheel/ranking@1``, see
:mod:`tui.core.exchange.ranking_share`), each checked as an import checks a ranking
(:func:`tui.core.exchange.rankings.check_ranking`: a loaded framework, known areas, no area
ranked twice, a name and a date) and then against the profile's framework and version. A file
with any problem is listed (file and field) and left out; the rest are still used. The same file
given twice (the same content, whatever its file name) is counted once.

**Each person's ranks** are those of their file under the tie convention of
:mod:`tui.core.rankings` (standard competition ranking: 1, 1, 3).

**Mean rank**: an area's mean rank is the mean of the ranks the files give it. *An area missing
from a file is left out of that file's count for that area*: it is neither given a rank nor
counted in that area's n (the other areas of the file still count). So n can differ by area.

**The team order**: the areas by mean rank, lowest (most important) first, with standard
competition ties: areas whose mean ranks are exactly equal share a rank and the next rank is
skipped (means 1.5, 1.5, 2 give ranks 1, 1, 3). Within a tie the framework's order is kept.

**Agreement per area**: the range (max - min) and the interquartile range of the individual
ranks (quartiles as :data:`tui.core.quartiles.QUARTILE_METHOD`). The label, by the
interquartile range against the span of ranks possible (the number of areas - 1), so that it
scales with the number of areas:

* ``agree``: an interquartile range of at most 1/7 of the span (1 rank with 8 areas),
* ``split``: at least 3/7 of the span (3 ranks with 8 areas),
* ``mixed``: between the two.

**Overall agreement**: Kendall's coefficient of concordance W (0: no agreement, 1: everyone
ranked the same), with the correction for ties, over the files that rank every area (ties as
mid-ranks, as W requires). It is None when fewer than the minimum group of complete rankings
were given, or when every such ranking ties all areas.

**Anonymity**, as in the wheel profile: with fewer ranking files used than the minimum group
size, nothing is computed (no mean, rank, spread or W) and every output says "fewer than N";
likewise for an area that fewer than the minimum group ranked (it is left out of the team
order and shown as withheld).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from typing import Any

from tui.core.exchange.rankings import SHARE_NAMED, check_ranking
from tui.core.frameworks import FrameworkCatalog
from tui.core.model import Framework
from tui.core.quartiles import quartiles
from tui.core.rankings import Groups, Ranking, group_ranks, ranks_of
from tui.core.reports.ranking import RANKING_FORMAT

AGREE_SHARE = Fraction(1, 7)
"""An interquartile range up to this share of the span of ranks is "agree"."""

SPLIT_SHARE = Fraction(3, 7)
"""An interquartile range from this share of the span of ranks is "split"."""

AGREE, MIXED, SPLIT = "agree", "mixed", "split"
"""The agreement labels of an area."""

AGREEMENT_RULE = ("agree: interquartile range of the ranks at most 1/7 of (areas - 1); "
                  "split: at least 3/7 of it; mixed: between")
"""The agreement rule in one line, as the outputs state it."""

MEAN_RULE = "an area missing from a file is left out of that file's count for that area"
"""How missing areas are treated, as the outputs state it."""

TOP_RANK = 3
"""An area ranked this or better by the team is among "the areas the team ranks highest"."""


@dataclass(frozen=True)
class RankSpread:
    """The individual ranks of one area, for a group large enough to show them."""

    mean: float
    min: int
    q1: float
    median: float
    q3: float
    max: int
    agreement: str
    """``agree``, ``mixed`` or ``split`` (see :func:`agreement`)."""

    @property
    def range(self) -> int:
        """max - min of the individual ranks."""
        return self.max - self.min

    @property
    def iqr(self) -> float:
        """The interquartile range of the individual ranks, q3 - q1."""
        return self.q3 - self.q1


@dataclass(frozen=True)
class AreaRank:
    """One area of the team ranking: how many ranked it, and (large enough group) its rank and spread."""

    area_id: str
    n: int
    """How many of the files used rank this area."""
    spread: RankSpread | None
    """None when withheld (fewer than the minimum group): nothing is computed."""
    rank: int | None = None
    """The team rank (standard competition ranking of the mean ranks); None when withheld."""
    tied: bool = False
    """True when another area has the same team rank."""


@dataclass(frozen=True)
class TeamRanking:
    """The team ranking of one framework: the areas in team order, the agreement, and the files used."""

    framework: Framework
    min_group: int
    files_used: int
    areas: tuple[AreaRank, ...]
    """The ranked areas in team order (best first), then the withheld ones in the framework's order."""
    kendall_w: float | None = None
    """Kendall's W over the complete rankings; None when withheld or not defined."""
    w_files: int = 0
    """How many files rank every area (W is computed from those)."""

    @property
    def withheld(self) -> str:
        """The text shown instead of values below the minimum group size."""
        return f"fewer than {self.min_group}"

    @property
    def shown(self) -> bool:
        """True when enough ranking files were used for any value to be shown."""
        return self.files_used >= self.min_group

    def area(self, area_id: str) -> AreaRank:
        """The entry of one area (KeyError when the framework has no such area)."""
        for entry in self.areas:
            if entry.area_id == area_id:
                return entry
        raise KeyError(area_id)

    def ranked(self) -> list[AreaRank]:
        """The areas with a team rank, in team order."""
        return [entry for entry in self.areas if entry.rank is not None]

    def groups(self) -> Groups:
        """The team order as ranking groups (tied areas in one group), to start "the ranking the room agrees".

        Withheld areas are not placed; :func:`tui.core.rankings.normalise` (used when a ranking is
        stored) puts them at the bottom.
        """
        result: list[tuple[str, ...]] = []
        last: int | None = None
        for entry in self.ranked():
            if result and entry.rank == last:
                result[-1] = result[-1] + (entry.area_id,)
            else:
                result.append((entry.area_id,))
            last = entry.rank
        return tuple(result)

    def top(self, rank: int = TOP_RANK) -> list[AreaRank]:
        """The areas the team ranks ``rank`` or better (ties included), in team order."""
        return [entry for entry in self.ranked() if entry.rank is not None and entry.rank <= rank]


# --- the rules ---------------------------------------------------------------------------------


def agreement(iqr: float, area_count: int) -> str:
    """``agree``, ``mixed`` or ``split`` for an interquartile range of ranks among ``area_count`` areas."""
    span = area_count - 1
    if span <= 0:
        return AGREE
    spread = Fraction(iqr)
    if spread <= AGREE_SHARE * span:
        return AGREE
    if spread >= SPLIT_SHARE * span:
        return SPLIT
    return MIXED


def agreement_thresholds(area_count: int) -> tuple[float, float]:
    """(agree up to, split from): the interquartile ranges that bound the labels for ``area_count`` areas."""
    span = max(area_count - 1, 0)
    return float(AGREE_SHARE * span), float(SPLIT_SHARE * span)


def competition_ranks(means: Sequence[Fraction]) -> list[int]:
    """The standard competition rank of each mean (lower is better): 1 + how many means are lower."""
    return [1 + sum(1 for other in means if other < mean) for mean in means]


def mid_ranks(groups: Groups) -> dict[str, Fraction]:
    """Each area's mid-rank (the mean of the positions a tie covers), as Kendall's W needs."""
    result: dict[str, Fraction] = {}
    for group, rank in zip(groups, group_ranks(groups)):
        for area_id in group:
            result[area_id] = Fraction(2 * rank + len(group) - 1, 2)
    return result


def kendall_w(complete: Sequence[Groups], area_ids: Sequence[str]) -> float | None:
    """Kendall's W (corrected for ties) of rankings that each rank every one of ``area_ids``.

    W = 12 S / (m^2 (k^3 - k) - m sum(t^3 - t)), S the sum of squared deviations of the areas'
    rank sums from their mean, m the rankings, k the areas, t the size of each tie. None when
    there are no rankings, one area, or the denominator is 0 (everyone tied every area).
    """
    m, k = len(complete), len(area_ids)
    if m == 0 or k < 2:
        return None
    sums = {area_id: Fraction(0) for area_id in area_ids}
    ties = 0
    for groups in complete:
        for area_id, value in mid_ranks(groups).items():
            sums[area_id] += value
        ties += sum(len(group) ** 3 - len(group) for group in groups)
    mean = Fraction(m * (k + 1), 2)
    s = sum((total - mean) ** 2 for total in sums.values())
    denominator = m * m * (k ** 3 - k) - m * ties
    if denominator <= 0:
        return None
    return float(12 * s / denominator)


def build_team_ranking(framework: Framework, rankings: Sequence[Groups], min_group: int) -> TeamRanking:
    """The team ranking of checked rankings (groups) of ``framework``; below ``min_group`` nothing is computed."""
    used = len(rankings)
    area_ids = framework.area_ids
    individual: dict[str, list[int]] = {area_id: [] for area_id in area_ids}
    for groups in rankings:
        for area_id, rank in ranks_of(groups).items():
            if area_id in individual:
                individual[area_id].append(rank)
    if used < min_group:
        withheld = tuple(AreaRank(area_id, len(individual[area_id]), None) for area_id in area_ids)
        return TeamRanking(framework, min_group, used, withheld)
    placed = [area_id for area_id in area_ids if len(individual[area_id]) >= min_group]
    means = [Fraction(sum(individual[a]), len(individual[a])) for a in placed]
    ranks = competition_ranks(means)
    entries: list[tuple[Fraction, int, AreaRank]] = []
    for index, (area_id, mean, rank) in enumerate(zip(placed, means, ranks)):
        values = individual[area_id]
        q1, mid, q3 = quartiles(values)
        spread = RankSpread(float(mean), min(values), q1, mid, q3, max(values), agreement(q3 - q1, len(area_ids)))
        entries.append((mean, index, AreaRank(area_id, len(values), spread, rank, ranks.count(rank) > 1)))
    ordered = [entry for _, _, entry in sorted(entries, key=lambda item: (item[0], item[1]))]
    placed_set = set(placed)
    rest = [AreaRank(a, len(individual[a]), None) for a in area_ids if a not in placed_set]
    complete = [groups for groups in rankings if set(ranks_of(groups)) >= set(area_ids)]
    w = kendall_w(complete, area_ids) if len(complete) >= min_group else None
    return TeamRanking(framework, min_group, used, tuple(ordered + rest), w, len(complete))


# --- the files ---------------------------------------------------------------------------------


def is_ranking_file(document: object) -> bool:
    """True for a document whose ``format`` says it is a ranking (``framewheel/ranking@1``)."""
    return isinstance(document, dict) and document.get("format") == RANKING_FORMAT


@dataclass(frozen=True)
class RankingFile:
    """A ranking file that passed the import checks, before the profile's framework is known."""

    name: str
    ranking: Ranking
    version: object
    """The file's ``framework.version`` as written (None when missing)."""
    fingerprint: str
    """The same content gives the same fingerprint (duplicates are counted once)."""
    person: str = ""
    named: bool = False
    """True when the file says ``"share": "named"``."""


def content_fingerprint(document: object) -> str:
    """A fingerprint of a document's content (key order and spacing do not matter)."""
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_ranking_file(name: str, document: object, catalog: FrameworkCatalog) -> tuple[list[tuple[str, str]], RankingFile | None]:
    """The problems (field, message) of one ranking file as an import sees them, and the file when there are none."""
    problems, ranking = check_ranking(document, catalog)
    if problems or ranking is None or not isinstance(document, dict):
        return list(problems), None
    reference = document.get("framework")
    version = reference.get("version") if isinstance(reference, dict) else None
    return [], RankingFile(name, ranking, version, content_fingerprint(document), str(document.get("person", "")),
                           document.get("share") == SHARE_NAMED)


def select_ranking_files(framework: Framework, files: Sequence[RankingFile]
                         ) -> tuple[list[RankingFile], list[tuple[str, str, str]], list[str]]:
    """The files of ``framework`` and its loaded version, each content once.

    Returns (files used, problems as (file, field, message), duplicates as sentences).
    """
    used: list[RankingFile] = []
    problems: list[tuple[str, str, str]] = []
    duplicates: list[str] = []
    seen: dict[str, str] = {}
    for file in files:
        if file.ranking.framework_id != framework.id:
            problems.append((file.name, "framework.id", f"'{file.ranking.framework_id}' is not the profile's framework '{framework.id}'"))
            continue
        if file.version != framework.version:
            problems.append((file.name, "framework.version",
                             f"{json.dumps(file.version)} is not the loaded version \"{framework.version}\" of {framework.id}"))
            continue
        if file.fingerprint in seen:
            duplicates.append(f"{file.name}: the same ranking as {seen[file.fingerprint]}, counted once")
            continue
        seen[file.fingerprint] = file.name
        used.append(file)
    return used, problems, duplicates


# --- example data ------------------------------------------------------------------------------


EXAMPLE_NAME = "Team ranking (example)"
"""The name of every example ranking."""


def example_rankings(framework: Framework, count: int) -> list[dict[str, Any]]:
    """``count`` anonymous example ranking share files of ``framework``, the same every time.

    The team broadly agrees on an order (drawn once per framework) and each person swaps a few
    neighbours, ties some, and now and then puts one area somewhere else entirely; each file has its own creation time, so none is a duplicate.
    """
    rng = random.Random(f"framewheel-example-rankings:{framework.id}:{framework.version}")
    consensus = list(framework.area_ids)
    rng.shuffle(consensus)
    start = datetime(2026, 11, 24, 9, 0, tzinfo=timezone.utc)
    documents = []
    for person in range(count):
        order = list(consensus)
        for _ in range(rng.randint(0, max(1, len(order) // 3))):
            if len(order) > 1:
                i = rng.randrange(len(order) - 1)
                order[i], order[i + 1] = order[i + 1], order[i]
        if len(order) > 2 and rng.random() < 0.3:  # someone sees one area quite differently
            order.insert(rng.randrange(len(order)), order.pop(rng.randrange(len(order))))
        groups: list[list[str]] = []
        for area_id in order:
            if groups and rng.random() < 0.15:
                groups[-1].append(area_id)
            else:
                groups.append([area_id])
        documents.append({
            "format": RANKING_FORMAT,
            "framework": {"id": framework.id, "version": framework.version},
            "name": EXAMPLE_NAME,
            "date": start.date().isoformat(),
            "created": (start + timedelta(minutes=person)).isoformat(),
            "groups": groups,
        })
    return documents
