"""Strengths and gaps of a wheel: the orders and numbers the summary and the plan rely on."""

from __future__ import annotations

from tui.core import analysis
from tui.context import AppContext


def rate(context: AppContext, table: dict[str, tuple[int | None, int | None, int | None]]) -> object:
    """A wheel rated from {area: (now, wish, need)}."""
    repo, fw = context.assessments, context.framework
    wheel = repo.create(fw, "t")
    for area, triple in table.items():
        for sid, value in zip(fw.series_ids, triple):
            if value is not None:
                repo.set_rating(wheel.id, fw, area, sid, value)
    return repo.get(wheel.id)


def test_strengths_and_gaps_ordered(context: AppContext) -> None:
    """Highest now first; largest gap first; ties in wheel order; unrated left out."""
    wheel = rate(context, {
        "professional-development": (7, 9, 8),
        "responsible-practice": (9, 9, 6),
        "working-together": (4, 9, 8),
        "sustainable-approaches": (7, 8, 10),
        "wider-context": (None, 8, 5),
    })
    fw = context.framework
    assert [(s.area.id, s.value) for s in analysis.top_strengths(wheel, fw)] == [
        ("responsible-practice", 9), ("professional-development", 7), ("sustainable-approaches", 7)]
    assert [(g.area.id, g.gap) for g in analysis.development_needs(wheel, fw)] == [
        ("working-together", 5), ("professional-development", 2), ("sustainable-approaches", 1)]
    assert [(g.area.id, g.gap) for g in analysis.organisation_needs(wheel, fw)] == [
        ("working-together", 4), ("sustainable-approaches", 3), ("professional-development", 1)]
    assert [(g.area.id, g.base, g.target) for g in analysis.wishes_above_need(wheel, fw)] == [
        ("responsible-practice", 6, 9), ("wider-context", 5, 8), ("professional-development", 8, 9), ("working-together", 8, 9)]
