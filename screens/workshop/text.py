"""What a workshop's spread step writes: one area's spread per series as a large strip, the scale and how many gave each value.

Anonymous counts only (never names); a series rated by fewer than the minimum group shows the
profile's "fewer than N" and nothing else. The strip is the team room's (``░ ▓ ┃ ·``), so it
reads without colour.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from screens.team.text import DISCUSS_MARK, STRIP_KEY, number, signed
from tui.core.team import TeamProfile
from tui.core.team_report import strip

LABEL = 8
"""The width of the labels in front of the scale and the counts."""


def _placed(width: int, low: int, high: int, texts: dict[int, str]) -> str:
    """A line of ``width`` with each text at its value's place on the strip (as :func:`strip` places values)."""
    span = high - low or 1
    line = ["\u00a0"] * (width + 2)
    for value, text in texts.items():
        at = round((value - low) / span * (width - 1))
        for offset, char in enumerate(text):
            if at + offset < len(line):
                line[at + offset] = char
    return "".join(line).rstrip("\u00a0")


def spread_strips(profile: TeamProfile, area_id: str, width: int, full: bool = True) -> RenderableType:
    """One area's spread: per series the n and median, a strip about ``width`` wide with the scale under it and how
    many people gave each value; ``full`` (a wide screen) adds the quartiles, lowest, highest and gap in words."""
    framework = profile.framework
    scale = framework.scale
    track = max(width - LABEL - 2, (scale.max - scale.min) * 3 + 1)
    key = (f"{STRIP_KEY}. Gap: median minus the baseline's median ({framework.baseline.title})." if full
           else "░ lowest to highest · ▓ q1 to q3 · ┃ median")
    parts: list[RenderableType] = [Text(key, style="dim")]
    base = profile.cell(area_id, framework.baseline.id)
    if base.discuss and base.spread is not None:
        parts.append(Text(f"{DISCUSS_MARK}: the team disagrees on {framework.baseline.title} "
                          f"(q1 to q3 of {profile.discuss_threshold} or more)", style="bold reverse"))
    values = range(scale.min, scale.max + 1)
    for series, letter in zip(framework.series, framework.series_letters):
        cell = profile.cell(area_id, series.id)
        parts.append(Text(""))
        head = Text.assemble((f"{letter}  {series.title}", "bold"), f"  ·  {cell.n} {'person' if cell.n == 1 else 'people'}")
        parts.append(head)
        grid = Table.grid(padding=0)
        grid.add_column(width=LABEL, no_wrap=True, style="dim")
        grid.add_column(no_wrap=True)
        if cell.spread is None:
            grid.add_row("", f"{profile.withheld}: not shown")
            parts.append(grid)
            continue
        spread = cell.spread
        head.append(f"  ·  median {number(spread.median)}")
        if cell.gap is not None:
            head.append(f"  ·  gap {signed(cell.gap)}")
        if full:
            grid.add_row("", f"q1 to q3 {number(spread.q1)} to {number(spread.q3)}  ·  lowest {spread.min}  ·  "
                             f"highest {spread.max}")
        grid.add_row("", Text(strip(spread, scale, track), style="bold"))
        grid.add_row("value", Text(_placed(track, scale.min, scale.max, {v: str(v) for v in values}), style="dim"))
        counts = {v: str(c) for v, c in zip(values, spread.histogram) if c}
        grid.add_row("people", _placed(track, scale.min, scale.max, counts))
        parts.append(grid)
    return Group(*parts)
