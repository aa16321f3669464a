"""A ranking beside a wheel's gaps, in its export and Markdown forms, and as demo data."""

from __future__ import annotations

import json
from pathlib import Path

from tui.core.analysis import development_needs, organisation_needs
from tui.core.wheels import Assessment
from tui.context import AppContext
from tui.core.reports.ranking import (
    DEMO_NAME, RANKING_FORMAT, add_demo_ranking, important_areas, is_important, ranked_gaps, ranking_to_dict,
    ranking_to_markdown,
)
from tui.core.rankings import rank_by_area


def wheel(ratings: dict[str, tuple[int, int, int]]) -> Assessment:
    """A wheel with (now, wish, need) ratings per area."""
    keys = ("current", "aspiration", "organisation")
    return Assessment(1, "ahep", "2024", "Test", "2026-01-01", "2026-01-01",
                      ratings={a: dict(zip(keys, v)) for a, v in ratings.items()})


def test_important_means_top_three_and_a_gap_of_three(context: AppContext) -> None:
    """Ranked 3 or better (ties included) and a gap of at least 3 stands out; the rest follow."""
    fw = context.framework
    ids = fw.area_ids
    ranking = context.rankings.create(fw, "Team", groups=((ids[0], ids[1], ids[2]), (ids[3],), (ids[4],)))
    ranks = rank_by_area(ranking, fw)
    assert [ranks[a] for a in ids[:5]] == [1, 1, 1, 4, 5]
    w = wheel({ids[0]: (2, 8, 5), ids[1]: (5, 7, 9), ids[2]: (4, 6, 6), ids[3]: (1, 9, 9), ids[7]: (3, 4, 10)})
    dev = ranked_gaps(development_needs(w, fw), ranks)
    assert [(g.area.id, g.gap, g.rank, g.important) for g in dev] == [
        (ids[0], 6, 1, True), (ids[3], 8, 4, False), (ids[1], 2, 1, False), (ids[2], 2, 1, False), (ids[7], 1, 8, False),
    ]
    org = important_areas(organisation_needs(w, fw), ranks)
    assert [a.id for a in org] == [ids[1], ids[0]]  # gaps 4 and 3, both ranked 1
    assert is_important(3, 3) and not is_important(4, 9) and not is_important(None, 9) and not is_important(1, 2)


def test_gaps_without_a_rank_are_kept_unflagged(context: AppContext) -> None:
    """A wheel beside no ranking (empty ranks) keeps its gaps, none flagged."""
    fw = context.framework
    w = wheel({fw.area_ids[0]: (1, 9, 9)})
    assert [(g.rank, g.important) for g in ranked_gaps(development_needs(w, fw), {})] == [(None, False)]


def test_export_dict_is_json_with_ranks_and_ties(context: AppContext) -> None:
    """The exchange form names the format, framework, details, tie rule, each rank and the groups."""
    fw = context.framework
    ids = fw.area_ids
    groups = ((ids[1], ids[0]),) + tuple((a,) for a in ids[2:6]) + ((ids[6], ids[7]),)
    ranking = context.rankings.create(fw, "Registry | exams", day="2026-10-01", notes="Agreed", groups=groups)
    data = json.loads(json.dumps(ranking_to_dict(ranking, fw)))
    assert data["format"] == RANKING_FORMAT
    assert data["framework"] == {"id": "ahep", "version": "2024"}
    assert (data["name"], data["date"], data["notes"]) == ("Registry | exams", "2026-10-01", "Agreed")
    assert "1, 1, 3" in data["tie_rule"]
    assert [(r["area"], r["rank"], r["tied"]) for r in data["ranks"]][:3] == [(ids[1], 1, True), (ids[0], 1, True), (ids[2], 3, False)]
    assert [r["rank"] for r in data["ranks"]][-2:] == [7, 7]
    assert data["groups"][0] == [ids[1], ids[0]]


def test_markdown_has_title_rule_and_rank_table(context: AppContext) -> None:
    """The Markdown section is ready to paste: heading, date, notes, the tie rule, one row per area."""
    fw = context.framework
    ids = fw.area_ids
    ranking = context.rankings.create(fw, "Registry | exams", day="2026-10-01", notes="Agreed\nby all",
                                      groups=((ids[2], ids[6]),) + tuple((a,) for a in ids if a not in (ids[2], ids[6])))
    text = ranking_to_markdown(ranking, fw)
    lines = text.splitlines()
    assert lines[0] == "## Ranking: Registry \\| exams"
    assert "AHEP Professional Framework (2024), 2026-10-01." in lines
    assert "Agreed\nby all" in text
    assert any("(1, 1, 3)" in line for line in lines)
    assert "| Rank | Commitment |" in lines
    table = [line for line in lines if line.startswith("| ") and "Rank" not in line]
    assert table[:3] == ["| 1= | 3. Working Together |", "| 1= | 7. Delivering Service Excellence |", "| 3 | 1. Empowering Professional Development |"]
    assert len(table) == 8
    assert ranking_to_markdown(ranking, fw, heading_level=3).startswith("### Ranking")


def test_demo_ranking_has_ties_at_one_and_at_the_bottom() -> None:
    """--demo holds one example team ranking, tagged as example data."""
    context = AppContext.open_demo()
    try:
        rankings = context.rankings.list("ahep")
        assert [r.name for r in rankings] == [DEMO_NAME]
        ranks = rank_by_area(rankings[0], context.framework)
        assert sorted(ranks.values()) == [1, 1, 3, 4, 5, 6, 7, 7]
        assert rankings[0].tag == "example"
        assert any(w.kind == "ranking" for w in context.saved_work())
    finally:
        context.close()


def test_demo_ranking_needs_ahep(context: AppContext) -> None:
    """Without the AHEP framework there is no demo ranking, and nothing fails."""
    context.catalog.frameworks.pop("ahep")
    assert add_demo_ranking(context.rankings, context.catalog) is None


def test_results_descriptor_is_not_the_service_excellence_one(context: AppContext) -> None:
    """The screen's descriptors come from the framework, where Appendix 2's slip is corrected."""
    fw = context.framework
    results, service = fw.area("results-and-accountability"), fw.area("service-excellence")
    assert results is not None and service is not None
    assert results.description != service.description
    assert "accountab" in results.description.lower()


def test_ranking_section_names_the_frameworks_own_series(tmp_path: Path) -> None:
    """Beside a ranking, a four-series framework's gaps are named by its series' titles, not the guide's words."""
    from tui.core.frameworks import parse_framework
    from tui.core.reports.ranking import ranking_report_section

    data = Path(__file__).resolve().parents[1] / "data" / "four-series.yaml"
    fw = parse_framework(data.read_text(encoding="utf-8"), str(data))
    context = AppContext.open(tmp_path / "data.json", framework=str(data), user_dir=tmp_path / "u")
    try:
        ranking = context.rankings.create(fw, "Lab team", groups=(("emergencies",), ("chemical-handling",), ("equipment",)))
        w = Assessment(1, fw.id, fw.version, "Lab", "2026-01-01T00:00:00+00:00", "2026-01-01T00:00:00+00:00",
                       ratings={"emergencies": {"now": 4, "goal": 12, "manager": 9, "peers": 5}})
        section = ranking_report_section(ranking, w, fw)
    finally:
        context.close()
    assert section is not None
    body = section[1]
    assert "- ! Emergencies: rank 1, gap 8 (How I do it now to My goal this year)" in body
    assert "- ! Emergencies: rank 1, gap 5 (How I do it now to What my manager expects)" in body
    assert "would like" not in body and "organisation" not in body
