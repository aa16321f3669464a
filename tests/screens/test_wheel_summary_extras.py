"""The wheel summary beside the team ranking (ranks, `!` for important big gaps) and the finder's levels."""

from __future__ import annotations

import pytest

from textual.widgets import Static

from tests.conftest import rich_text, screen_text
from tui.app import FramewheelApp
from tui.context import AppContext


def prepare(context: AppContext) -> None:
    """A wheel with a big gap in Working together, a ranking with it tied at 1, and finder marks."""
    fw = context.framework
    wheel = context.assessments.create(fw, "Before my 1:1")
    for area, (now, wish, need) in {"working-together": (3, 8, 7), "wider-context": (5, 6, 9)}.items():
        for sid, value in zip(fw.series_ids, (now, wish, need)):
            context.assessments.set_rating(wheel.id, fw, area, sid, value)
    ranking = context.rankings.create(fw, "Library team", day="2026-11-20")
    context.rankings.set_groups(ranking.id, (("working-together", "service-excellence"),))
    record = context.finder.create(fw, "My level")
    for index in range(3):
        context.finder.set_mark(record.id, fw, "working-together", "associate", index, "consistently")


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
async def test_summary_shows_team_rank_and_levels(context: AppContext, size: tuple[int, int]) -> None:
    """From the history, `s` opens the summary: gaps carry the team rank, `!` flags the important big gap."""
    prepare(context)
    app = FramewheelApp(context)
    async with app.run_test(size=size) as pilot:
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        content = app.screen.query_one("#summary-text", Static).content
        plain = rich_text(content)
        narrow = rich_text(content, width=60).splitlines()  # each list's lines wrap, and hang under their words
        wrapped = [line for line in narrow if line.lstrip().startswith("team rank") or
                   ("· team rank" in line and not line.lstrip()[:1].isdigit())]
        assert wrapped and all(line.startswith(" " * 6) for line in wrapped)  # under the words, not at the margin
        assert "Beside the team ranking Library team (2026-11-20)" in " ".join(plain.split())
        assert "! Working Together (3): +5 (now 3, would like 8) · team rank 1=" in plain
        assert "Engaging with the Wider Context (8): +1 (now 5, would like 6) · team rank 8" in plain
        # a big gap (+4) but ranked 8th: shown with its rank, not flagged
        assert "   2. Engaging with the Wider Context (8): +4 (now 5, organisation needs 9) · team rank 8" in plain
        assert "   1. ! Working Together (3): +4 (now 3, organisation needs 7) · team rank 1=" in plain
        assert "Working Together (3): Associate" in plain
        assert "Levels from the level finder" in screen_text(app) or size == (80, 24)
