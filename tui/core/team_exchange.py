"""Saved team profiles in the "all data" export and import (the ``team_profiles`` section, :data:`TEAM_PROFILES`).

An exported profile is its stored record with a ``format`` and the framework as ``{"id", "version"}``;
on import every field is checked (each person's ratings against the framework's areas, series
and scale) and a problem is reported by its field, e.g. ``team_profiles[0].ratings[3].wider-context.current``.

It lives beside :mod:`tui.core.team` rather than in :mod:`tui.core.exchange` because the team
profile itself reads wheel exchange files (an import the other way would be a cycle).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tui.core import exchange
from tui.core.frameworks import FrameworkCatalog
from tui.core.team import check_min_group
from tui.core.team_profiles import SavedTeamProfile
from tui.core.timestamps import timestamp_problems
from tui.core.wheels import now_iso

TEAM_PROFILE_RECORD_FORMAT = "framewheel/saved-team-profile@1"
"""The ``format`` of one saved team profile in an export."""

KEYS = {"format", "framework", "name", "created", "updated", "min_group", "files", "names", "ratings", "rankings"}
"""The fields of a saved team profile in an export."""


def team_profile_to_dict(saved: SavedTeamProfile) -> dict[str, Any]:
    """One saved profile in its exchange form."""
    record = saved.to_record()
    return {
        "format": TEAM_PROFILE_RECORD_FORMAT,
        "framework": {"id": saved.framework_id, "version": saved.framework_version},
        **{key: value for key, value in record.items() if key not in ("framework_id", "framework_version")},
    }


def fingerprint(saved: SavedTeamProfile) -> str:
    """What makes two saved profiles the same import."""
    return f"team-profile:{saved.framework_id}:{saved.created}:{saved.name}"


def _is_count(value: object) -> bool:
    """A whole number of 0 or more (not a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def check_team_profile(doc: object, catalog: FrameworkCatalog) -> tuple[list[exchange.Problem], SavedTeamProfile | None]:
    """Problems of one exported saved profile (field, message), and the profile when there are none."""
    if not isinstance(doc, dict):
        return [("", "must be a JSON object")], None
    problems, framework = exchange.check_named_record(doc, KEYS, TEAM_PROFILE_RECORD_FORMAT, "a saved team profile", catalog)
    reference, name = doc.get("framework"), doc.get("name")
    problems.extend(timestamp_problems(doc))
    min_group = doc.get("min_group")
    if not isinstance(min_group, int) or isinstance(min_group, bool) or check_min_group(min_group):
        problems.append(("min_group", check_min_group(min_group) if isinstance(min_group, int) and not isinstance(min_group, bool)
                         else "must be a whole number from 3 to 10"))
    files = doc.get("files")
    if not isinstance(files, dict):
        problems.append(("files", 'must be {"total": N, "used": N, "duplicates": N}'))
        files = {}
    for key in ("total", "used", "duplicates"):
        if not _is_count(files.get(key)):
            problems.append((f"files.{key}", "must be a whole number of 0 or more"))
    names = doc.get("names")
    if names is not None and not (isinstance(names, list) and all(isinstance(n, str) for n in names)):
        problems.append(("names", "must be null or a list of names (text)"))
    ratings = doc.get("ratings")
    if not isinstance(ratings, list):
        problems.append(("ratings", "must be a list of each person's ratings"))
        ratings = []
    rankings = doc.get("rankings", [])
    if not isinstance(rankings, list):
        problems.append(("rankings", "must be a list of each person's ranking (lists of area ids, the most important first)"))
        rankings = []
    if _is_count(files.get("used")) and files.get("used") != len(ratings) + len(rankings):
        problems.append(("ratings", f"holds {len(ratings)} people's ratings and {len(rankings)} rankings, "
                                    f"but files.used is {files.get('used')}"))
    for index, groups in enumerate(rankings):
        where = f"rankings[{index}]"
        if not isinstance(groups, list) or not all(isinstance(g, list) and all(isinstance(a, str) for a in g) for g in groups):
            problems.append((where, "must be a list of lists of area ids, the most important first"))
            continue
        seen_areas: set[str] = set()
        for area_id in (a for group in groups for a in group):
            if framework is not None and framework.area(area_id) is None:
                problems.append((where, f"'{area_id}' is not an area of {framework.title}"))
            elif area_id in seen_areas:
                problems.append((where, f"'{area_id}' is ranked twice"))
            seen_areas.add(area_id)
    if framework is not None:
        scale = framework.scale
        for index, wheel in enumerate(ratings):
            where = f"ratings[{index}]"
            if not isinstance(wheel, dict):
                problems.append((where, "must be an object of area id to series ratings"))
                continue
            for area_id, cells in wheel.items():
                if framework.area(area_id) is None:
                    problems.append((f"{where}.{area_id}", f"is not an area of {framework.title}"))
                    continue
                if not isinstance(cells, dict):
                    problems.append((f"{where}.{area_id}", "must be an object of series id to rating"))
                    continue
                for series_id, value in cells.items():
                    at = f"{where}.{area_id}.{series_id}"
                    if series_id not in framework.series_ids:
                        problems.append((at, f"is not a series of {framework.title}"))
                    elif not isinstance(value, int) or isinstance(value, bool) or not scale.min <= value <= scale.max:
                        problems.append((at, f"{json.dumps(value)} is not a whole number from {scale.min} to {scale.max}"))
    if problems or framework is None or not isinstance(reference, dict):
        return problems, None
    created = str(doc.get("created") or now_iso())
    saved = SavedTeamProfile.from_record({
        "name": str(name).strip(), "framework_id": framework.id,
        "framework_version": str(reference.get("version", framework.version)),
        "created": created, "updated": str(doc.get("updated") or created), "min_group": min_group,
        "files": files, "names": names, "ratings": ratings, "rankings": rankings,
    })
    return [], saved


def check_team_profiles(items: list[Any], prefix: str, seen: set[str], stored: Sequence[SavedTeamProfile],
                        catalog: FrameworkCatalog) -> exchange.Checked[SavedTeamProfile]:
    """Check saved profiles for import; duplicates of stored or already-read ones are set apart."""
    return exchange.check_records(
        items, prefix, seen, {fingerprint(p) for p in stored}, lambda doc: check_team_profile(doc, catalog),
        fingerprint, lambda p: f"the team profile '{p.name}'",
    )


TEAM_PROFILES = exchange.DataSection("team_profiles", team_profile_to_dict, check_team_profiles, "team profile")
"""The saved team profiles' section of the "all data" bundle."""
