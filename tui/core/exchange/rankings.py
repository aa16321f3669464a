"""Rankings in exchange files: the ``rankings`` section of the "all data" bundle (:data:`RANKINGS`),
and a single ``framewheel/ranking@1`` file (a person's ranking shared for a team, imported on its own).

A shared ranking may carry ``person`` (a name or code, text) and ``"share": "named"`` (the person
agreed to be named); both are checked here and neither is stored: a ranking record has no person.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tui.core import exchange
from tui.core.frameworks import FrameworkCatalog
from tui.core.rankings import RankError, Ranking, check_date, clean
from tui.core.reports.ranking import RANKING_FORMAT, ranking_to_dict
from tui.core.timestamps import timestamp_problems
from tui.core.wheels import now_iso

RANKING_KEYS = {"format", "framework", "name", "date", "notes", "created", "updated", "tie_rule", "ranks", "groups",
                "person", "share"}
"""The fields of a ranking in an export (``ranks`` and ``tie_rule`` are derived and ignored on import;
``person`` and ``share`` are those of a share file, checked and not stored)."""

SHARE_NAMED = "named"
"""The only value of ``share`` in a ranking file: the person agreed to be named."""


def ranking_fingerprint(framework_id: str, created: str, name: str) -> str:
    """What makes two rankings the same import (the same one exported twice)."""
    return f"ranking:{framework_id}:{created}:{name}"


def check_ranking(doc: object, catalog: FrameworkCatalog) -> tuple[list[exchange.Problem], Ranking | None]:
    """Problems of one exported ranking (field, message), and the ranking when there are none."""
    if not isinstance(doc, dict):
        return [("", "must be a JSON object")], None
    problems, framework = exchange.check_named_record(doc, RANKING_KEYS, RANKING_FORMAT, "a ranking", catalog)
    reference, name = doc.get("framework"), doc.get("name")
    try:
        day = check_date(str(doc.get("date", "")))
    except RankError as error:
        problems.append(("date", str(error)))
        day = ""
    if not isinstance(doc.get("notes", ""), str):
        problems.append(("notes", "must be text"))
    if not isinstance(doc.get("person", ""), str):
        problems.append(("person", "must be text (a name or code)"))
    if "share" in doc and doc["share"] != SHARE_NAMED:
        problems.append(("share", f'must be "{SHARE_NAMED}" (the person agreed to be named), not {json.dumps(doc["share"])}'))
    problems.extend(timestamp_problems(doc))
    groups = doc.get("groups")
    if not isinstance(groups, list) or not all(isinstance(g, list) and all(isinstance(a, str) for a in g) for g in groups):
        problems.append(("groups", "must be a list of lists of area ids, the most important first"))
        groups = []
    seen_areas: set[str] = set()
    for index, group in enumerate(groups):
        for area_id in group:
            if framework is not None and framework.area(area_id) is None:
                problems.append((f"groups[{index}]", f"'{area_id}' is not an area of {framework.title}"))
            if area_id in seen_areas:
                problems.append((f"groups[{index}]", f"'{area_id}' is ranked twice"))
            seen_areas.add(area_id)
    if problems or framework is None or not isinstance(reference, dict):
        return problems, None
    created = str(doc.get("created") or now_iso())
    ranking = Ranking(
        id=0, framework_id=framework.id, framework_version=str(reference.get("version", framework.version)),
        name=str(name).strip(), date=day, created=created, updated=str(doc.get("updated") or created),
        groups=clean(groups), notes=str(doc.get("notes", "")).strip(),
    )
    return [], ranking


def check_rankings(items: list[Any], prefix: str, seen: set[str], stored: Sequence[Ranking],
                   catalog: FrameworkCatalog) -> exchange.Checked[Ranking]:
    """Check rankings for import; duplicates of stored or already-read rankings are set apart."""
    return exchange.check_records(
        items, prefix, seen, {ranking_fingerprint(r.framework_id, r.created, r.name) for r in stored},
        lambda doc: check_ranking(doc, catalog),
        lambda r: ranking_fingerprint(r.framework_id, r.created, r.name), lambda r: f"the ranking '{r.name}'",
    )


RANKINGS = exchange.DataSection("rankings", ranking_to_dict, check_rankings, "ranking", standalone_format=RANKING_FORMAT)
"""The rankings' section of the "all data" bundle."""
