"""Team profile: many people's wheels (and rankings) combined into one anonymous picture of a team.

The input is a list of already-parsed JSON documents with their file names: share files and
full wheel exchange files (``framewheel/assessment@1``), of which only the ratings are used, and
ranking share files (``framewheel/ranking@1``), told apart by their ``format`` and combined into
the team ranking (:mod:`tui.core.team_ranking`, :attr:`TeamProfile.ranking`). Each
file is checked as an import would check it, and must be of the profile's framework and
version; a file with any problem is listed (file and field) and left out, and the rest still
make a profile. The same wheel given twice is counted once.

Per area and series the profile holds n, the median, the lower and upper quartile, min, max,
a histogram over every scale point, and for each non-baseline series the gap
``median(series) - median(baseline)``.

Quartiles: **the median of each half, exclusive** (Tukey's hinges without the middle value):
the sorted values are split into a lower and an upper half; when n is odd the middle value
belongs to neither half; q1 is the median of the lower half, q3 of the upper half (with one
value, both are that value).

Anonymity is enforced in the data: an area-series rated by fewer than ``min_group`` people
has no values computed at all (:attr:`AreaSeries.spread` is None and every output says
"fewer than N"); names appear only when every file in the profile (wheels and rankings) has
``"share": "named"``. The team ranking follows the same threshold (see :mod:`tui.core.team_ranking`).

An area is flagged "discuss" when the interquartile range of its baseline series is at least
:func:`discuss_threshold` (3 points on a 0-10 scale: 3/10 of the scale's span, rounded up).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tui.core.exchange.wheels import check_assessment, fingerprint
from tui.core.frameworks import FrameworkCatalog
from tui.core.model import Framework, Scale
from tui.core.quartiles import QUARTILE_METHOD, median, quartiles  # noqa: F401 (median re-exported)
from tui.core.rankings import Groups
from tui.core.team_ranking import RankingFile, TeamRanking, build_team_ranking, is_ranking_file, read_ranking_file, select_ranking_files

TEAM_PROFILE_FORMAT = "framewheel/team-profile@1"
"""The ``format`` of the team profile's JSON output."""

MIN_GROUP_DEFAULT = 5
"""The smallest group whose values are shown, unless the facilitator chooses otherwise."""

MIN_GROUP_RANGE = (3, 10)
"""The allowed minimum group sizes, inclusive."""

SHARE_NAMED = "named"
"""The ``share`` value of a file whose person agreed to be named."""


@dataclass(frozen=True)
class SourceFile:
    """One input file: its name, its parsed JSON document, or why it could not be read."""

    name: str
    document: object = None
    error: str = ""
    """Why the file could not be read or parsed (empty: ``document`` holds it)."""


@dataclass(frozen=True)
class FileProblem:
    """Why a file was left out: the file, the field (empty: the whole file) and a message."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        """``FILE: FIELD message`` (or ``FILE: message`` for the whole file)."""
        return f"{self.file}: {self.field} {self.message}" if self.field else f"{self.file}: {self.message}"


@dataclass(frozen=True)
class Spread:
    """The values of one area-series of a group large enough to show them."""

    median: float
    q1: float
    q3: float
    min: int
    max: int
    histogram: tuple[int, ...]
    """How many people gave each scale point, from the scale's min to its max."""

    @property
    def iqr(self) -> float:
        """The interquartile range, q3 - q1."""
        return self.q3 - self.q1


@dataclass(frozen=True)
class AreaSeries:
    """One area and series of the profile: how many rated it and, for a large enough group, the values."""

    area_id: str
    series_id: str
    n: int
    spread: Spread | None
    """None when fewer than the minimum group rated it: nothing is computed."""
    gap: float | None = None
    """median(this series) - median(baseline); None for the baseline or when either is withheld."""
    discuss: bool = False
    """The baseline series only: the interquartile range is at least the discuss threshold."""


@dataclass(frozen=True)
class TeamProfile:
    """The team profile of one framework: the files used, the problems, and every area-series."""

    framework: Framework
    min_group: int
    files_total: int
    files_used: int
    """Every file used: wheel files and ranking files (see :attr:`wheel_files_used`, :attr:`ranking_files_used`)."""
    duplicates: tuple[str, ...]
    problems: tuple[FileProblem, ...]
    names: tuple[str, ...] | None
    """The people's names, sorted, when every file in the profile agreed to be named; else None."""
    cells: tuple[AreaSeries, ...] = field(default=())
    ranking: TeamRanking | None = None
    """The team ranking of the ranking files; None when no ranking file was given."""
    ranking_files_used: int = 0
    """How many of the files used are ranking files."""
    ranking_groups: tuple[Groups, ...] = ()
    """Each used ranking file's order, in file order (so a saved profile or another minimum group rebuilds the ranking)."""

    @property
    def wheel_files_used(self) -> int:
        """How many of the files used are wheel files."""
        return self.files_used - self.ranking_files_used

    @property
    def withheld(self) -> str:
        """The text shown instead of values below the minimum group size."""
        return f"fewer than {self.min_group}"

    @property
    def discuss_threshold(self) -> int:
        """The interquartile range of the baseline from which an area is flagged "discuss"."""
        return discuss_threshold(self.framework.scale)

    @property
    def files_left_out(self) -> int:
        """How many files had a problem (duplicates are not counted here)."""
        return len({problem.file for problem in self.problems})

    def cell(self, area_id: str, series_id: str) -> AreaSeries:
        """The values of one area and series (KeyError when the framework has no such pair)."""
        for cell in self.cells:
            if cell.area_id == area_id and cell.series_id == series_id:
                return cell
        raise KeyError(f"{area_id}/{series_id}")

    def discuss(self) -> list[AreaSeries]:
        """The baseline cells flagged "discuss", the widest spread first."""
        flagged = [c for c in self.cells if c.discuss and c.spread is not None]
        return sorted(flagged, key=lambda c: -c.spread.iqr if c.spread else 0)

    def gaps_that_matter(self, top: int = 3) -> list[tuple[int, bool, AreaSeries]]:
        """The large gaps in the areas the team ranks highest: (team rank, tied, cell), best rank first.

        An area counts when the team ranking (not withheld) ranks it ``top`` or better, ties
        included; a gap is large when its size (either way) is at least the discuss threshold
        (3 points on a 0-10 scale). Within a rank, the largest gap first. Empty without a ranking.
        """
        if self.ranking is None:
            return []
        threshold = self.discuss_threshold
        found = []
        for entry in self.ranking.top(top):
            for cell in self.cells:
                if cell.area_id == entry.area_id and cell.gap is not None and abs(cell.gap) >= threshold:
                    found.append((entry.rank or 0, entry.tied, cell))
        return sorted(found, key=lambda item: (item[0], -abs(item[2].gap or 0)))

    def largest_gaps(self, count: int = 5) -> list[AreaSeries]:
        """The cells with the largest gaps from the baseline (by size, either way), at most ``count``."""
        gaps = [c for c in self.cells if c.gap is not None and c.gap != 0]
        return sorted(gaps, key=lambda c: -abs(c.gap or 0))[:count]


# --- the statistics ----------------------------------------------------------------------------


def spread(values: Sequence[int], scale: Scale) -> Spread:
    """Median, quartiles, min, max and histogram of some ratings on ``scale``."""
    q1, mid, q3 = quartiles(values)
    histogram = [0] * scale.points
    for value in values:
        histogram[value - scale.min] += 1
    return Spread(mid, q1, q3, min(values), max(values), tuple(histogram))


def discuss_threshold(scale: Scale) -> int:
    """3/10 of the scale's span, rounded up: 3 on 0-10, 6 on 0-20, 2 on 1-5 (at least 1)."""
    return max(1, math.ceil(3 * (scale.max - scale.min) / 10))


def check_min_group(value: int) -> str:
    """Empty when ``value`` is an allowed minimum group size, else why not."""
    low, high = MIN_GROUP_RANGE
    return "" if low <= value <= high else f"the minimum group size must be {low} to {high}, not {value}"


# --- building the profile ----------------------------------------------------------------------


class NoProfileError(ValueError):
    """No file could be used: ``problems`` says why for each file."""

    def __init__(self, message: str, problems: Sequence[FileProblem] = (), duplicates: Sequence[str] = ()) -> None:
        """The sentence to show and every file's problems."""
        super().__init__(message)
        self.problems = tuple(problems)
        self.duplicates = tuple(duplicates)


def _check(source: SourceFile, catalog: FrameworkCatalog) -> tuple[list[FileProblem], dict[str, Any] | None]:
    """The problems of one file as an import sees them (the ``share`` field checked here)."""
    if source.error:
        return [FileProblem(source.name, "", source.error)], None
    doc = source.document
    if not isinstance(doc, dict):
        return [FileProblem(source.name, "", "must be a JSON object")], None
    problems: list[FileProblem] = []
    if "share" in doc and doc["share"] != SHARE_NAMED:
        problems.append(FileProblem(source.name, "share", f'must be "{SHARE_NAMED}" or left out, not {json.dumps(doc["share"])}'))
    found, wheel = check_assessment({k: v for k, v in doc.items() if k != "share"}, catalog)
    problems.extend(FileProblem(source.name, where, message) for where, message in found)
    return problems, (doc if wheel is not None and not problems else None)


def build_profile(sources: Sequence[SourceFile], catalog: FrameworkCatalog, framework_id: str | None = None,
                  min_group: int = MIN_GROUP_DEFAULT) -> TeamProfile:
    """The team profile of the good files: wheel files and ranking files, told apart by ``format``.

    The framework is ``framework_id``, else that of the first wheel file without problems, else
    that of the first ranking file without problems. :attr:`TeamProfile.ranking` is the team
    ranking when any ranking file was given (None otherwise); a profile of ranking files only has
    no wheel values (every cell n 0). Raises NoProfileError (with every file's problems) when no
    file could be used, ValueError for a minimum group size outside :data:`MIN_GROUP_RANGE` and
    LookupError for a ``framework_id`` that is not loaded.
    """
    problem = check_min_group(min_group)
    if problem:
        raise ValueError(problem)
    checked: list[tuple[SourceFile, list[FileProblem], dict[str, Any] | None]] = []
    ranking_files: list[RankingFile] = []
    ranking_problems: list[FileProblem] = []
    ranking_given = False
    for source in sources:
        if not source.error and is_ranking_file(source.document):
            ranking_given = True
            reasons, ranking_file = read_ranking_file(source.name, source.document, catalog)
            ranking_problems.extend(FileProblem(source.name, where, message) for where, message in reasons)
            if ranking_file is not None:
                ranking_files.append(ranking_file)
        else:
            checked.append((source, *_check(source, catalog)))
    if framework_id is None:
        framework_id = next((doc["framework"]["id"] for _, _, doc in checked if doc is not None), None)
    if framework_id is None:
        framework_id = next((file.ranking.framework_id for file in ranking_files), None)
    framework = catalog.get(framework_id) if framework_id else None
    if framework_id and framework is None:
        raise LookupError(f"no framework with id '{framework_id}'; loaded frameworks: {', '.join(sorted(catalog.frameworks)) or 'none'}")
    problems: list[FileProblem] = []
    duplicates: list[str] = []
    seen: dict[str, str] = {}
    used: list[dict[str, Any]] = []
    for source, found, doc in checked:
        problems.extend(found)
        if doc is None or framework is None:
            continue
        ref = doc["framework"]
        if ref["id"] != framework.id:
            problems.append(FileProblem(source.name, "framework.id", f"'{ref['id']}' is not the profile's framework '{framework.id}'"))
            continue
        if ref.get("version", "") != framework.version:
            problems.append(FileProblem(source.name, "framework.version",
                                        f"{json.dumps(ref.get('version'))} is not the loaded version \"{framework.version}\" of {framework.id}"))
            continue
        key = fingerprint(framework.id, str(doc["created"]), doc.get("person", ""), doc.get("label", ""), doc.get("ratings", {}))
        if key in seen:
            duplicates.append(f"{source.name}: the same wheel as {seen[key]}, counted once")
            continue
        seen[key] = source.name
        used.append(doc)
    problems.extend(ranking_problems)
    rankings_used: list[RankingFile] = []
    if framework is not None:
        rankings_used, left_out, twice = select_ranking_files(framework, ranking_files)
        problems.extend(FileProblem(*entry) for entry in left_out)
        duplicates.extend(twice)
    if framework is None or not (used or rankings_used):
        raise NoProfileError(f"no team profile: none of the {len(sources)} file(s) could be used", problems, duplicates)
    people = [(bool(doc.get("share") == SHARE_NAMED), str(doc.get("person", ""))) for doc in used]
    people += [(file.named, file.person) for file in rankings_used]
    named = all(agreed for agreed, _ in people)
    names = tuple(sorted({person for _, person in people if person})) if named else None
    ranking = (build_team_ranking(framework, [file.ranking.groups for file in rankings_used], min_group)
               if ranking_given else None)
    return TeamProfile(framework, min_group, len(sources), len(used) + len(rankings_used), tuple(duplicates),
                       tuple(problems), names, aggregate(framework, [doc.get("ratings", {}) for doc in used], min_group),
                       ranking, len(rankings_used), tuple(file.ranking.groups for file in rankings_used))


def aggregate(framework: Framework, ratings: Sequence[dict[str, dict[str, int]]], min_group: int) -> tuple[AreaSeries, ...]:
    """Every area-series of the framework from checked ratings; below ``min_group`` nothing is computed."""
    base = framework.baseline.id
    threshold = discuss_threshold(framework.scale)
    cells: list[AreaSeries] = []
    for area in framework.areas:
        columns: dict[str, list[int]] = {s.id: [] for s in framework.series}
        for wheel in ratings:
            for series_id, value in wheel.get(area.id, {}).items():
                columns[series_id].append(value)
        spreads = {s: (spread(v, framework.scale) if len(v) >= min_group else None) for s, v in columns.items()}
        base_spread = spreads[base]
        for series in framework.series:
            mine = spreads[series.id]
            gap = None
            if series.id != base and mine is not None and base_spread is not None:
                gap = mine.median - base_spread.median
            discuss = series.id == base and mine is not None and mine.iqr >= threshold
            cells.append(AreaSeries(area.id, series.id, len(columns[series.id]), mine, gap, discuss))
    return tuple(cells)
