"""Each area's course across a framework's wheels: the repository's latest wheels in date order, and the trends."""

from __future__ import annotations

import datetime

from tui.context import AppContext
from tui.core.wheels import Assessment, SeriesTrend, area_trends

START = datetime.datetime(2026, 2, 1, 9, tzinfo=datetime.timezone.utc)
"""The first wheel's date."""


def test_trend_wheels_are_the_latest_of_the_framework_oldest_first(context: AppContext) -> None:
    """Only the framework's wheels, the newest ``limit`` of them, in date order (not id order), with the full count."""
    framework = context.framework
    for day in (5, 1, 3, 2, 4):
        stamp = (START + datetime.timedelta(days=day)).isoformat()
        context.assessments.add(Assessment(0, framework.id, framework.version, f"Day {day}", stamp, stamp))
    other = context.catalog.get("technician-commitment")
    assert other is not None
    context.assessments.add(Assessment(0, other.id, other.version, "Other", START.isoformat(), START.isoformat()))
    count, wheels = context.assessments.trend_wheels(framework.id, limit=3)
    assert count == 5
    assert [wheel.label for wheel in wheels] == ["Day 3", "Day 4", "Day 5"]


def test_area_trends_keep_not_rated_apart_and_say_first_and_latest(context: AppContext) -> None:
    """A not-rated value is None in the trend, left out of what is drawn; first→latest reads the rated ones."""
    framework = context.framework
    area = framework.areas[0].id
    wheels = [Assessment(0, framework.id, framework.version, str(i), "", "", ratings={area: {"current": v}} if v is not None else {})
              for i, v in enumerate([4, None, 8])]
    first = area_trends(framework, wheels)[0]
    now = first.series[0]
    assert first.area_id == area and now.letter == "N"
    assert now.values == (4, None, 8) and now.rated == (4, 8) and now.change_text == "4→8"
    assert first.series[1].change_text == "·"
    assert SeriesTrend("x", "X", (None, 6)).change_text == "6"


def test_an_ascii_sparkline_keeps_the_heights() -> None:
    """Where block characters cannot be shown, a trend's rise and fall are still told apart (lowest `_`, highest `#`)."""
    from tui.widgets.trends_view import ascii_sparkline

    assert ascii_sparkline([3.0, 5.0, 4.0, 7.0], 24) == "_-.#"
    assert ascii_sparkline([6.0, 6.0], 24) == "--"  # no change: one middle height
    assert ascii_sparkline([float(v) for v in range(30)], 6) == ".--=*#"  # more wheels than room: the highest of each share
    assert ascii_sparkline([], 5) == ""
