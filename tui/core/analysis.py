"""What a wheel says: strengths, development needs (gaps) and wishes above the organisation's need.

The series are read by position, as in the guide's activity: the first is
"now", the second "where I would like to be", the third "where my
organisation needs me to be". A framework with other series names keeps the
same roles by order. Areas not rated in a series are left out of that list.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.wheels import Assessment
from tui.core.model import Area, Framework

NOW, WISH, NEED = 0, 1, 2
"""Positions of the series that play the guide's three roles."""


@dataclass(frozen=True)
class AreaScore:
    """An area with one value (a strength list entry)."""

    area: Area
    value: int


@dataclass(frozen=True)
class AreaGap:
    """An area where one series is above another: ``target - base`` is the gap."""

    area: Area
    base: int
    target: int

    @property
    def gap(self) -> int:
        """How far the target is above the base."""
        return self.target - self.base


def series_id(framework: Framework, role: int) -> str | None:
    """The id of the series playing ``role`` (NOW, WISH, NEED), or None if the framework has fewer."""
    return framework.series[role].id if role < len(framework.series) else None


def values(wheel: Assessment, framework: Framework, role: int) -> dict[str, int]:
    """Rated values of one series by area id (unrated areas left out)."""
    sid = series_id(framework, role)
    if sid is None:
        return {}
    return {area.id: value for area in framework.areas if (value := wheel.rating(area.id, sid)) is not None}


def _order(framework: Framework) -> dict[str, int]:
    """Wheel position of each area, to break ties in a stable, familiar order."""
    return {area.id: index for index, area in enumerate(framework.areas)}


def strengths(wheel: Assessment, framework: Framework) -> list[AreaScore]:
    """Areas by how confident the person feels now, highest first (ties in wheel order)."""
    order = _order(framework)
    now = values(wheel, framework, NOW)
    ranked = sorted(now.items(), key=lambda item: (-item[1], order[item[0]]))
    return [AreaScore(framework.area(area_id), value) for area_id, value in ranked]  # type: ignore[arg-type]


def gaps(wheel: Assessment, framework: Framework, target_role: int, base_role: int = NOW) -> list[AreaGap]:
    """Areas where the target series is above the base, the largest gap first (ties in wheel order)."""
    order = _order(framework)
    base, target = values(wheel, framework, base_role), values(wheel, framework, target_role)
    found = [
        AreaGap(framework.area(area_id), base[area_id], target[area_id])  # type: ignore[arg-type]
        for area_id in base.keys() & target.keys()
        if target[area_id] > base[area_id]
    ]
    return sorted(found, key=lambda g: (-g.gap, order[g.area.id]))


def development_needs(wheel: Assessment, framework: Framework) -> list[AreaGap]:
    """Gaps between where the person would like to be and now."""
    return gaps(wheel, framework, WISH)


def organisation_needs(wheel: Assessment, framework: Framework) -> list[AreaGap]:
    """Gaps between where the organisation needs the person to be and now."""
    return gaps(wheel, framework, NEED)


def wishes_above_need(wheel: Assessment, framework: Framework) -> list[AreaGap]:
    """Areas where the wish is above the organisation's need (base = need, target = wish)."""
    return gaps(wheel, framework, WISH, NEED)


def unplaced_lines(wheel: Assessment, framework: Framework) -> list[str]:
    """Ratings the framework can no longer place, one line per area: ``old-area: Series title 6, ...``."""
    titles = {s.id: s.title for s in framework.series}
    return [
        f"{area_id}: " + ", ".join(f"{titles.get(sid, sid)} {value}" for sid, value in values.items())
        for area_id, values in sorted(wheel.unplaced_ratings(framework).items())
    ]
