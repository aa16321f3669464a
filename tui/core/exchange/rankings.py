"""Rankings in the "all data" export and import, and in the 1:1 report.

Registered by :meth:`tui.context.AppContext.register_activities`, so every
export, import and report of a run includes the team rankings.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from tui.core.exchange import wheels as exchange

from tui.core.reports import one_to_one as reports
from tui.core.analysis import development_needs, organisation_needs
from tui.core.wheels import Assessment, now_iso
from tui.core.model import Framework
from tui.core.reports.ranking import IMPORTANT_MARK, RANKING_FORMAT, ranked_gaps, ranking_to_dict, ranking_to_markdown
from tui.core.rankings import RankError, Ranking, check_date, clean, rank_by_area

if TYPE_CHECKING:
    from tui.context import AppContext

RANKING_KEYS = {"format", "framework", "name", "date", "notes", "created", "updated", "tie_rule", "ranks", "groups"}
"""The fields of a ranking in an export (``ranks`` and ``tie_rule`` are derived and ignored on import)."""


def ranking_fingerprint(framework_id: str, created: str, name: str) -> str:
    """What makes two rankings the same import (the same one exported twice)."""
    return f"ranking:{framework_id}:{created}:{name}"


def check_ranking(doc: object, context: AppContext) -> tuple[list[exchange.Problem], Ranking | None]:
    """Problems of one exported ranking (field, message), and the ranking when there are none."""
    if not isinstance(doc, dict):
        return [("", "must be a JSON object")], None
    problems: list[exchange.Problem] = [(key, "is not a field of a ranking") for key in doc if key not in RANKING_KEYS]
    if doc.get("format") != RANKING_FORMAT:
        problems.append(("format", f"{json.dumps(doc.get('format'))} is not '{RANKING_FORMAT}'"))
    reference = doc.get("framework")
    framework_id = reference.get("id") if isinstance(reference, dict) else None
    framework = context.catalog.get(str(framework_id)) if framework_id else None
    if framework is None:
        problems.append(("framework.id", f"{json.dumps(framework_id)} is not a loaded framework"))
    name = doc.get("name")
    if not isinstance(name, str) or not name.strip():
        problems.append(("name", "must be the ranking's name (text)"))
    try:
        day = check_date(str(doc.get("date", "")))
    except RankError as error:
        problems.append(("date", str(error)))
        day = ""
    if not isinstance(doc.get("notes", ""), str):
        problems.append(("notes", "must be text"))
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
    if problems or framework is None:
        return problems, None
    created = str(doc.get("created") or now_iso())
    ranking = Ranking(
        id=0, framework_id=framework.id, framework_version=str(reference.get("version", framework.version)),
        name=str(name).strip(), date=day, created=created, updated=str(doc.get("updated") or created),
        groups=clean(groups), notes=str(doc.get("notes", "")).strip(),
    )
    return [], ranking


def _check_rankings(context: AppContext, items: list[Any], prefix: str, seen: set[str]) -> exchange.Checked:
    """Check rankings for import; duplicates of stored or already-read rankings are set apart."""
    stored = {ranking_fingerprint(r.framework_id, r.created, r.name) for r in context.rankings.list()}
    return exchange.check_records(
        items, prefix, seen, stored, lambda doc: check_ranking(doc, context),
        lambda r: ranking_fingerprint(r.framework_id, r.created, r.name), lambda r: f"the ranking '{r.name}'",
        context.rankings.add,
    )


def _export_rankings(context: AppContext) -> list[dict[str, Any]]:
    """Every ranking in its exchange form, oldest first."""
    return [ranking_to_dict(r) for r in reversed(context.rankings.list())]


def ranking_report_section(context: AppContext, wheel: Assessment, framework: Framework) -> reports.Section | None:
    """The latest team ranking of the wheel's framework, with the gaps that matter most to the team."""
    ranking = context.rankings.latest(framework.id)
    if ranking is None:
        return None
    ranks = rank_by_area(ranking, framework)
    body = ranking_to_markdown(ranking, framework, heading_level=3)
    lines = [body.rstrip(), "", "### Gaps beside the team's ranking", ""]
    found = False
    for what, gaps in (("would like", development_needs(wheel, framework)), ("organisation needs", organisation_needs(wheel, framework))):
        for row in ranked_gaps(gaps, ranks):
            if row.important:
                found = True
                lines.append(f"- {IMPORTANT_MARK} {row.area.heading}: rank {row.rank}, gap {row.gap} (now to {what})")
    if not found:
        lines.append("No area is both ranked in the team's top three and a gap of 3 points or more.")
    return "Team ranking", "\n".join(lines)


def register() -> None:
    """Add rankings to the export/import sections and the report (idempotent)."""
    exchange.register_section(exchange.DataSection("rankings", _export_rankings, _check_rankings, "ranking"))
    reports.register_section(ranking_report_section)

