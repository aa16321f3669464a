"""What a wheel says: strengths, gaps from the baseline series, and wishes above the organisation's need.

The rule: the baseline series (the one marked ``baseline`` in the framework file, else the
first) is compared with each other series; a gap is another series' value above the
baseline's for an area (:func:`series_gaps`). Strengths are the baseline's areas rated above
the scale's midpoint, the top three by value (:func:`top_strengths`), the one rule the
summary, the 1:1 report and the plan suggestions share. Where the guide's ids
``aspiration`` and ``organisation`` both exist, :func:`wishes_above_need` compares them.

The older position-based helpers (:func:`development_needs`, :func:`organisation_needs`)
read the second and third series against the first, as the ranking report does.
Areas not rated in a series are left out of that list.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.wheels import Assessment
from tui.core.model import Area, Framework, Series

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


def _order(framework: Framework) -> dict[str, int]:
    """Wheel position of each area, to break ties in a stable, familiar order."""
    return {area.id: index for index, area in enumerate(framework.areas)}


TOP_STRENGTHS = 3
"""How many strengths are listed at most."""


def series_values(wheel: Assessment, framework: Framework, series: Series) -> dict[str, int]:
    """Rated values of one series by area id (unrated areas left out)."""
    return {area.id: value for area in framework.areas if (value := wheel.rating(area.id, series.id)) is not None}


def top_strengths(wheel: Assessment, framework: Framework, limit: int = TOP_STRENGTHS) -> list[AreaScore]:
    """The baseline's areas rated above the scale's midpoint, highest first (ties in wheel order), at most ``limit``.

    A value at or below the midpoint is never a strength (0 on 0-10 is not, nor 5; 6 is).
    """
    order = _order(framework)
    base = series_values(wheel, framework, framework.baseline)
    above = [(area_id, value) for area_id, value in base.items() if value > framework.scale.midpoint]
    ranked = sorted(above, key=lambda item: (-item[1], order[item[0]]))[:limit]
    return [AreaScore(framework.area(area_id), value) for area_id, value in ranked]  # type: ignore[arg-type]


def _gaps_between(wheel: Assessment, framework: Framework, base_series: Series, target_series: Series) -> list[AreaGap]:
    """Areas where the target series is above the base series, the largest gap first (ties in wheel order)."""
    order = _order(framework)
    base, target = series_values(wheel, framework, base_series), series_values(wheel, framework, target_series)
    found = [
        AreaGap(framework.area(area_id), base[area_id], target[area_id])  # type: ignore[arg-type]
        for area_id in base.keys() & target.keys()
        if target[area_id] > base[area_id]
    ]
    return sorted(found, key=lambda g: (-g.gap, order[g.area.id]))


@dataclass(frozen=True)
class SeriesGaps:
    """The gaps from the baseline to one other series."""

    base: Series
    target: Series
    gaps: list[AreaGap]

    @property
    def title(self) -> str:
        """``Gaps from <baseline title> to <target title>``."""
        return f"Gaps from {self.base.title} to {self.target.title}"

    @property
    def guide_name(self) -> str | None:
        """The guide's name for these gaps (``Development needs``, ``Organisation needs``) on its own ids, else None."""
        if self.base.id != "current":
            return None
        return {"aspiration": "Development needs", "organisation": "Organisation needs"}.get(self.target.id)


def series_gaps(wheel: Assessment, framework: Framework) -> list[SeriesGaps]:
    """For each series other than the baseline, in framework order: the gaps from the baseline to it."""
    base = framework.baseline
    return [SeriesGaps(base, other, _gaps_between(wheel, framework, base, other))
            for other in framework.series if other.id != base.id]


def has_wish_and_need(framework: Framework) -> bool:
    """True when the framework has both the guide's ``aspiration`` and ``organisation`` series."""
    return {"aspiration", "organisation"} <= set(framework.series_ids)


def gaps(wheel: Assessment, framework: Framework, target_role: int, base_role: int = NOW) -> list[AreaGap]:
    """Areas where the series at position ``target_role`` is above the one at ``base_role``, the largest gap first."""
    if max(target_role, base_role) >= len(framework.series):
        return []
    return _gaps_between(wheel, framework, framework.series[base_role], framework.series[target_role])


def development_needs(wheel: Assessment, framework: Framework) -> list[AreaGap]:
    """Gaps between where the person would like to be and now."""
    return gaps(wheel, framework, WISH)


def organisation_needs(wheel: Assessment, framework: Framework) -> list[AreaGap]:
    """Gaps between where the organisation needs the person to be and now."""
    return gaps(wheel, framework, NEED)


def wishes_above_need(wheel: Assessment, framework: Framework) -> list[AreaGap]:
    """Areas where the wish (``aspiration``) is above the organisation's need (``organisation``); empty without both."""
    if not has_wish_and_need(framework):
        return []
    by_id = {s.id: s for s in framework.series}
    return _gaps_between(wheel, framework, by_id["organisation"], by_id["aspiration"])


def unplaced_lines(wheel: Assessment, framework: Framework) -> list[str]:
    """Ratings the framework can no longer place, one line per area: ``old-area: Series title 6, ...``."""
    titles = {s.id: s.title for s in framework.series}
    return [
        f"{area_id}: " + ", ".join(f"{titles.get(sid, sid)} {value}" for sid, value in values.items())
        for area_id, values in sorted(wheel.unplaced_ratings(framework).items())
    ]
