"""Saved team profiles: a team profile kept under a name, apart from the facilitator's own wheels.

A saved profile keeps what is needed to show the profile again and nothing more: its name, the
framework (id and version), when it was made, the minimum group size, how many files were given,
used and counted once as duplicates, the people's names only when every file agreed to be named,
and each used file's ratings or ranking order (no notes, no reflections, no labels, no file
names). The aggregates are rebuilt from those with :func:`tui.core.team.aggregate` and
:func:`tui.core.team_ranking.build_team_ranking`, so the anonymity threshold is applied again
every time the profile is shown.

The record (table ``team_profiles``)::

    {"name": "Student services 2026", "framework_id": "ahep", "framework_version": "2022",
     "created": "2026-12-02T09:00:00+00:00", "updated": "...", "min_group": 5,
     "files": {"total": 10, "used": 8, "duplicates": 1},
     "names": null,                                  # or ["Ann", "Bo", ...] when all opted in
     "ratings": [{"<area id>": {"<series id>": 6, ...}, ...}, ...],   # one per wheel file used
     "rankings": [[["<area id>", "<tied area id>"], ["<area id>"], ...], ...]}   # one per ranking file used

Two saved profiles of one framework are compared per area and series (:func:`compare`): the two
medians, the change and each n, "fewer than N" where either is withheld.

The demo team (:func:`demo_share_documents`) is here too: deterministic example share files.
Nothing in this module imports Textual or storage.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from typing import Any

from tui.core.exchange.wheels import fingerprint
from tui.core.model import ASSESSMENT_FORMAT, Framework
from tui.core.rankings import Groups
from tui.core.team import MIN_GROUP_DEFAULT, AreaSeries, SourceFile, TeamProfile, aggregate
from tui.core.team_ranking import build_team_ranking, example_rankings, is_ranking_file

TABLE = "team_profiles"
"""The database table of saved team profiles."""

FOLDER_SETTING = "team_folder"
"""Settings key: the folder the facilitator last read share files from (suggested next time)."""

DEMO_FOLDER = "team"
"""The folder (inside the demo's temporary folder) holding the demo team's share files."""

Ratings = dict[str, dict[str, int]]
"""One person's ratings: area id to series id to value."""


@dataclass(frozen=True)
class SavedTeamProfile:
    """A team profile kept under a name: counts, names (when all opted in) and each file's ratings."""

    id: int
    name: str
    framework_id: str
    framework_version: str
    created: str
    updated: str
    min_group: int
    files_total: int
    files_used: int
    duplicates: int
    names: tuple[str, ...] | None
    ratings: tuple[Ratings, ...] = field(default=())
    rankings: tuple[Groups, ...] = field(default=())
    """Each used ranking file's order (most important first, tied areas together)."""

    def to_record(self) -> dict[str, Any]:
        """The stored form (the id is the record id, not stored)."""
        return {
            "name": self.name, "framework_id": self.framework_id, "framework_version": self.framework_version,
            "created": self.created, "updated": self.updated, "min_group": self.min_group,
            "files": {"total": self.files_total, "used": self.files_used, "duplicates": self.duplicates},
            "names": list(self.names) if self.names is not None else None,
            "ratings": [{area: dict(cells) for area, cells in wheel.items()} for wheel in self.ratings],
            "rankings": [[list(group) for group in groups] for groups in self.rankings],
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> SavedTeamProfile:
        """Build from a stored record (tolerant of missing optional fields)."""
        found_files, names, found_ratings = record.get("files"), record.get("names"), record.get("ratings")
        files: dict[str, Any] = found_files if isinstance(found_files, dict) else {}
        found_rankings = record.get("rankings")
        rankings: list[Any] = found_rankings if isinstance(found_rankings, list) else []
        ratings: list[Any] = found_ratings if isinstance(found_ratings, list) else []
        return cls(
            id=int(record.get("id", 0)), name=str(record.get("name", "")),
            framework_id=str(record.get("framework_id", "")), framework_version=str(record.get("framework_version", "")),
            created=str(record.get("created", "")), updated=str(record.get("updated", record.get("created", ""))),
            min_group=int(record.get("min_group", MIN_GROUP_DEFAULT)),
            files_total=int(files.get("total", len(ratings))), files_used=int(files.get("used", len(ratings))),
            duplicates=int(files.get("duplicates", 0)),
            names=tuple(str(n) for n in names) if isinstance(names, list) else None,
            ratings=tuple(_clean_ratings(r) for r in ratings if isinstance(r, dict)),
            rankings=tuple(_clean_groups(g) for g in rankings if isinstance(g, list)),
        )

    def profile(self, framework: Framework, min_group: int | None = None) -> TeamProfile:
        """The team profile rebuilt from the stored ratings (at ``min_group``, else the stored one)."""
        group = self.min_group if min_group is None else min_group
        duplicates = tuple("a duplicate file, counted once" for _ in range(self.duplicates))
        rankings = fitted_rankings(framework, self.rankings)
        return TeamProfile(framework, group, self.files_total, self.files_used, duplicates, (), self.names,
                           aggregate(framework, fitted(framework, self.ratings), group),
                           build_team_ranking(framework, rankings, group) if self.rankings else None,
                           len(self.rankings), tuple(rankings))


def fitted(framework: Framework, ratings: Sequence[Ratings]) -> list[Ratings]:
    """The ratings the framework can place: its areas and series, values on its scale (a newer edition may differ)."""
    series = set(framework.series_ids)
    low, high = framework.scale.min, framework.scale.max
    return [{area.id: {s: v for s, v in wheel[area.id].items() if s in series and low <= v <= high}
             for area in framework.areas if area.id in wheel} for wheel in ratings]


def fitted_rankings(framework: Framework, rankings: Sequence[Groups]) -> list[Groups]:
    """The ranking orders over the framework's areas only (a newer edition may have dropped one)."""
    known = set(framework.area_ids)
    return [tuple(kept for kept in (tuple(a for a in group if a in known) for group in groups) if kept) for groups in rankings]


def _clean_groups(groups: list[Any]) -> Groups:
    """One file's ranking order as stored: lists of area ids (text only)."""
    return tuple(tuple(str(a) for a in group if isinstance(a, str)) for group in groups if isinstance(group, list))


def _clean_ratings(wheel: dict[str, Any]) -> Ratings:
    """One file's ratings as stored: whole numbers only."""
    return {str(area): {str(s): int(v) for s, v in cells.items() if isinstance(v, int) and not isinstance(v, bool)}
            for area, cells in wheel.items() if isinstance(cells, dict)}


def used_ratings(sources: Sequence[SourceFile], profile: TeamProfile) -> list[Ratings]:
    """The ratings of the files ``profile`` used, in file order (left-out files and duplicates skipped).

    A file is used when it has no problem and is not the same wheel as an earlier one, the rule of
    :func:`tui.core.team.build_profile`; ValueError when that does not give the profile's count.
    """
    left_out = {problem.file for problem in profile.problems}
    seen: set[str] = set()
    used: list[Ratings] = []
    framework = profile.framework
    for source in sources:
        doc = source.document
        if source.error or source.name in left_out or not isinstance(doc, dict) or is_ranking_file(doc):
            continue
        ratings = doc.get("ratings", {})
        key = fingerprint(framework.id, str(doc.get("created")), doc.get("person", ""), doc.get("label", ""), ratings)
        if key in seen:
            continue
        seen.add(key)
        used.append(_clean_ratings(ratings))
    if len(used) != profile.wheel_files_used:
        raise ValueError(f"{len(used)} wheel files found for a profile of {profile.wheel_files_used}")
    return used


def likely_framework(sources: Sequence[SourceFile], preferred: str = "") -> str | None:
    """The framework id most of the files name (``preferred`` wins a tie); None when no file names one."""
    counts: dict[str, int] = {}
    for source in sources:
        doc = source.document
        reference = doc.get("framework") if isinstance(doc, dict) else None
        framework_id = reference.get("id") if isinstance(reference, dict) else None
        if isinstance(framework_id, str) and framework_id:
            counts[framework_id] = counts.get(framework_id, 0) + 1
    if not counts:
        return None
    most = max(counts.values())
    if counts.get(preferred) == most:
        return preferred
    return next(framework_id for framework_id, count in counts.items() if count == most)


def saved_from(profile: TeamProfile, ratings: Sequence[Ratings], name: str, stamp: str) -> SavedTeamProfile:
    """A new saved profile (id 0) of ``profile`` under ``name``, made at ``stamp``."""
    name = name.strip()
    if not name:
        raise ValueError("A saved team profile needs a name (the team, and when).")
    framework = profile.framework
    return SavedTeamProfile(0, name, framework.id, framework.version, stamp, stamp, profile.min_group,
                            profile.files_total, profile.files_used, len(profile.duplicates), profile.names,
                            tuple(ratings), profile.ranking_groups)


def files_text(profile: TeamProfile) -> str:
    """``12 of 14 files used, 2 left out, 1 duplicate counted once`` (with rankings: ``14 of 15 files used (8 wheels, 6 rankings)``)."""
    parts = [f"{profile.files_used} of {profile.files_total} file{'' if profile.files_total == 1 else 's'} used"]
    if profile.ranking_files_used:
        wheels, rankings = profile.wheel_files_used, profile.ranking_files_used
        parts[0] += f" ({wheels} wheel{'' if wheels == 1 else 's'}, {rankings} ranking{'' if rankings == 1 else 's'})"
    if profile.problems:
        parts.append(f"{profile.files_left_out} left out")
    if profile.duplicates:
        count = len(profile.duplicates)
        parts.append(f"{count} duplicate{'' if count == 1 else 's'} counted once")
    return ", ".join(parts)


# --- comparing two saved profiles -------------------------------------------------------------


@dataclass(frozen=True)
class CompareRow:
    """One area and series of two profiles: each n and median (None: withheld) and the change."""

    area_id: str
    series_id: str
    n_a: int
    n_b: int
    median_a: float | None
    median_b: float | None

    @property
    def change(self) -> float | None:
        """median(B) - median(A); None when either is withheld."""
        if self.median_a is None or self.median_b is None:
            return None
        return self.median_b - self.median_a


def compare(a: TeamProfile, b: TeamProfile) -> list[CompareRow]:
    """Per area and series of their (one) framework: both medians, each n, the change (A to B)."""
    framework = a.framework
    rows: list[CompareRow] = []
    for area in framework.areas:
        for series in framework.series:
            ca, cb = _cell(a, area.id, series.id), _cell(b, area.id, series.id)
            rows.append(CompareRow(area.id, series.id, ca.n if ca else 0, cb.n if cb else 0,
                                   ca.spread.median if ca and ca.spread else None,
                                   cb.spread.median if cb and cb.spread else None))
    return rows


def _cell(profile: TeamProfile, area_id: str, series_id: str) -> AreaSeries | None:
    """A cell of ``profile``, or None when its framework has no such pair."""
    try:
        return profile.cell(area_id, series_id)
    except KeyError:
        return None


def same_framework(a: SavedTeamProfile, b: SavedTeamProfile) -> bool:
    """True when two saved profiles can be compared (one framework)."""
    return a.framework_id == b.framework_id


# --- the demo team ----------------------------------------------------------------------------


DEMO_TEAM_SIZE = 8
"""How many people the demo team has (each one share file)."""

DEMO_TEAM_NAME = "Research support team"
"""The name of the demo team's saved profiles."""


def _demo_wheel(framework: Framework, rng: random.Random, person: int, lift: int, wide_area: str) -> Ratings:
    """One believable person's ratings: a shared centre, a little spread, one area of wide disagreement."""
    scale = framework.scale
    span = scale.max - scale.min
    ratings: Ratings = {}
    for index, area in enumerate(framework.areas):
        centre = scale.min + span * (0.45 + 0.05 * ((index * 3) % 5 - 2)) + lift
        cells: dict[str, int] = {}
        for step, series in enumerate(framework.series):
            value = centre + step * span * 0.15 + rng.choice((-1, 0, 0, 1))
            if area.id == wide_area and step == 0:
                value = scale.min + span * (0.2 if person % 2 else 0.8) + rng.choice((-1, 0, 1))
            if index == len(framework.areas) - 1 and step == len(framework.series) - 1 and person >= 4:
                continue  # half the team left this one out: the profile withholds it
            cells[series.id] = int(max(scale.min, min(scale.max, round(value))))
        ratings[area.id] = cells
    return ratings


def demo_share_documents(framework: Framework, *, lift: int = 0, seed: int = 12,
                         created: datetime | None = None) -> list[tuple[str, dict[str, Any]]]:
    """The demo team's share files, (file name, document): 8 anonymous wheels and one duplicate.

    Deterministic for a seed; one area (the framework's third, or its last) has wide disagreement
    on the baseline series; the last series of the last area is rated by half the team only (so
    it is withheld below the minimum group of 5); ``lift`` moves every rating (a year on, the team rates itself higher).
    """
    rng = random.Random(seed)
    start = created or datetime(2026, 11, 2, 9, 0, tzinfo=timezone.utc)
    wide_area = framework.areas[min(2, len(framework.areas) - 1)].id
    files: list[tuple[str, dict[str, Any]]] = []
    for person in range(DEMO_TEAM_SIZE):
        doc = {
            "format": ASSESSMENT_FORMAT,
            "framework": {"id": framework.id, "version": framework.version},
            "created": (start + timedelta(hours=person)).isoformat(timespec="seconds"),
            "ratings": _demo_wheel(framework, rng, person, lift, wide_area),
        }
        files.append((f"share-{person + 1:02d}.json", doc))
    files.append(("share-03-again.json", dict(files[2][1])))
    return files


DEMO_RANKERS = 6
"""How many of the demo team also shared a ranking of the areas."""


def demo_ranking_documents(framework: Framework) -> list[tuple[str, dict[str, Any]]]:
    """The demo team's ranking share files, (file name, document): 6 anonymous rankings (deterministic)."""
    return [(f"ranking-{index + 1:02d}.json", doc) for index, doc in enumerate(example_rankings(framework, DEMO_RANKERS))]


def demo_saved_profiles(framework: Framework, now: datetime) -> list[SavedTeamProfile]:
    """Two saved profiles of the demo team a year apart (the later one rating itself a little higher, and ranked too)."""
    saved: list[SavedTeamProfile] = []
    for years_ago, lift in ((1, 0), (0, 1)):
        made = now - timedelta(days=365 * years_ago)
        docs = demo_share_documents(framework, lift=lift, seed=12 + years_ago, created=made)
        wheels = [doc["ratings"] for _, doc in docs[:DEMO_TEAM_SIZE]]
        stamp = made.isoformat(timespec="seconds")
        rankings = tuple(tuple(tuple(group) for group in doc["groups"]) for _, doc in demo_ranking_documents(framework)) if years_ago == 0 else ()
        saved.append(SavedTeamProfile(0, f"{DEMO_TEAM_NAME} {made.year}", framework.id, framework.version, stamp, stamp,
                                      MIN_GROUP_DEFAULT, len(docs) + len(rankings), DEMO_TEAM_SIZE + len(rankings),
                                      len(docs) - DEMO_TEAM_SIZE, None, tuple(wheels), rankings))
    return saved


def with_min_group(profile: TeamProfile, ratings: Sequence[Ratings], min_group: int) -> TeamProfile:
    """``profile`` rebuilt at another minimum group size from the used files' ratings (and its ranking orders)."""
    ranking = build_team_ranking(profile.framework, profile.ranking_groups, min_group) if profile.ranking is not None else None
    return replace(profile, min_group=min_group, cells=aggregate(profile.framework, fitted(profile.framework, ratings), min_group),
                   ranking=ranking)
