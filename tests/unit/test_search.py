"""Search across a framework: every word must match, locations are given, spans highlight the words."""

from __future__ import annotations

from tui.context import AppContext
from tui.core.search import excerpt, highlight_spans, match_spans, plain, search


def test_search_finds_exemplars_with_area_and_level(context: AppContext) -> None:
    """An exemplar hit says its area and level; the spans cover the matched words."""
    framework = context.catalog.frameworks["ahep"]
    hits = search(framework, "professional goals")
    exemplar = next(h for h in hits if h.kind == "exemplar")
    assert exemplar.level_id == "associate" and exemplar.area_id == "professional-development"
    assert exemplar.where.startswith("1. Empowering Professional Development · Associate · exemplar")
    words = {exemplar.text[s:e].lower() for s, e in exemplar.spans}
    assert words == {"professional", "goals"}


def test_search_covers_titles_descriptors_and_values(context: AppContext) -> None:
    """Area titles, level descriptors and values are searched too; case does not matter."""
    framework = context.catalog.frameworks["ahep"]
    kinds = {h.kind for h in search(framework, "WORKING TOGETHER")}
    assert "area" in kinds
    level_hit = next(h for h in search(framework, "two years"))
    assert level_hit.kind == "level" and level_hit.level_id == "associate" and "Level Associate" in level_hit.where
    assert search(framework, "inclusive")[0].kind == "value"


def test_short_or_missing_queries_find_nothing(context: AppContext) -> None:
    """One letter or a word that is nowhere finds nothing."""
    framework = context.catalog.frameworks["ahep"]
    assert search(framework, " a ") == []
    assert search(framework, "zebra crossing") == []


def test_framework_without_levels_is_searched(context: AppContext) -> None:
    """The Aspect principles (no levels) are found by title and description, with no level."""
    framework = context.catalog.frameworks["aspect-core-principles"]
    hits = search(framework, "integrity")
    assert hits and all(h.level_id is None for h in hits)
    assert {h.kind for h in hits} >= {"area", "description"}
    assert all("**" not in h.text for h in hits)


def test_spans_and_plain() -> None:
    """Spans merge when they overlap; all words are needed to match; Markdown emphasis is removed."""
    assert match_spans("Working together well", ["work", "ing"]) == ((0, 7),)
    assert match_spans("Working together", ["work", "zebra"]) == ()
    assert highlight_spans("a cat and a Cat", "cat") == ((2, 5), (12, 15))
    assert plain("**Bold** and *em* text") == "Bold and em text"


def test_excerpt_keeps_the_match_in_view() -> None:
    """A long text is cut around its first match; the moved span still covers the word."""
    text = "word " * 60 + "target " + "word " * 60
    start = text.index("target")
    shown, spans = excerpt(text, ((start, start + 6),), width=80)
    assert len(shown) <= 82 and shown.startswith("…") and shown.endswith("…")
    assert [shown[a:b] for a, b in spans] == ["target"]
    assert excerpt("short", ((0, 5),)) == ("short", ((0, 5),))
