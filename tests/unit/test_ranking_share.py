"""The ranking share file: what always goes, what only when ticked, and that it imports as a ranking."""

from __future__ import annotations

import pytest

from tui.core.exchange.ranking_share import RankingShareChoice, ranking_share_document
from tui.core.exchange.rankings import check_ranking
from tui.core.frameworks import load_catalog
from tui.core.rankings import Ranking


def sample() -> Ranking:
    """A stored ranking with a note, a tie at 1 and only two commitments placed (the rest go at the bottom)."""
    return Ranking(id=3, framework_id="ahep", framework_version="2024", name="Library team", date="2026-11-20",
                   created="2026-11-20T09:00:00+00:00", updated="2026-11-21T09:00:00+00:00",
                   groups=(("working-together", "service-excellence"),), notes="Sam disagreed")


def test_by_default_the_order_and_no_notes_or_name() -> None:
    """Format, framework, name, date, created and every area in groups; no notes, person, share or updated."""
    catalog = load_catalog()
    framework = catalog.get("ahep")
    assert framework is not None
    doc = ranking_share_document(sample(), framework)
    assert list(doc) == ["format", "framework", "name", "date", "created", "groups"]
    assert doc["groups"][0] == ["working-together", "service-excellence"] and len(doc["groups"]) == 7
    assert sorted(a for g in doc["groups"] for a in g) == sorted(framework.area_ids)
    problems, ranking = check_ranking(doc, catalog)
    assert problems == [] and ranking is not None and ranking.groups[0] == ("working-together", "service-excellence")


def test_notes_person_and_named_only_as_chosen() -> None:
    """Notes when ticked; a person when typed; "named" needs both the tick and a name."""
    framework = load_catalog().get("ahep")
    assert framework is not None
    assert ranking_share_document(sample(), framework, notes=True)["notes"] == "Sam disagreed"
    assert "share" not in ranking_share_document(sample(), framework, person=" P-07 ")
    assert ranking_share_document(sample(), framework, person=" P-07 ")["person"] == "P-07"
    with pytest.raises(ValueError, match="give a name or code"):
        ranking_share_document(sample(), framework, named=True)
    assert "share" not in RankingShareChoice("x.json", named=True).document(sample(), framework)
    assert RankingShareChoice("x.json", person="P-07", named=True).document(sample(), framework)["share"] == "named"
