"""What the team screens write: the spread per area and series, the files left out, the comparison table.

Every value comes from the profile; a cell withheld below the minimum group shows the profile's
"fewer than N" and nothing else. The spread strip uses shading characters (``░ ▓ ┃ ·``), so it
reads without colour (``NO_COLOR``). Rich renderables only: the screens put them in a Static,
which wraps them to the width it has.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from tui.core.model import Framework
from tui.core.team import FileProblem, TeamProfile
from tui.core.team_profiles import CompareRow
from tui.core.team_ranking import TeamRanking, agreement_thresholds

DISCUSS_MARK = "‼ discuss"
"""The flag of an area where the team disagrees (a mark and a word, so it reads without colour)."""

STRIP_KEY = "Strip: ░ min to q1 and q3 to max · ▓ q1 to q3 · ┃ median · outside the range given"
"""The key to the spread strip, shown above it."""


def number(value: float) -> str:
    """A statistic as text: ``6``, ``6.5``."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def signed(value: float) -> str:
    """A change with its sign: ``+2``, ``-1.5``, ``0``."""
    return ("+" if value > 0 else "") + number(value)


def _series_label(framework: Framework, series_id: str) -> str:
    """``N How confident I feel now``: the series' letter and title."""
    letters = dict(zip(framework.series_ids, framework.series_letters))
    title = next((s.title for s in framework.series if s.id == series_id), series_id)
    return f"{letters.get(series_id, '?')} {title}"


def area_heading(framework: Framework, area_id: str) -> str:
    """An area's code and title."""
    area = framework.area(area_id)
    if area is None:
        return area_id
    return f"{area.code} {area.title}" if area.code else area.title


def spread_view(profile: TeamProfile, compact: bool = False, area_ids: Sequence[str] | None = None) -> RenderableType:
    """The spread per area and series: n, the strip, median, q1-q3, min-max, the gap; "discuss" flags; withheld cells.

    ``area_ids`` (a workshop's step) shows only those areas; every area by default.

    ``compact`` (a narrow terminal) names each series by its letter, with a key of the letters
    above, so the numbers keep their columns; otherwise each row names its series in full.
    """
    from tui.core.team_report import strip

    framework = profile.framework
    scale = framework.scale
    labels = {s.id: (letter if compact else f"{letter} {s.title}") for s, letter in zip(framework.series, framework.series_letters)}
    key = ""
    if compact:
        key = " Series: " + " · ".join(f"{letter} {s.title}" for s, letter in zip(framework.series, framework.series_letters)) + "."
    parts: list[RenderableType] = [
        Text(f"Scale {scale.min} to {scale.max}.{key} {STRIP_KEY}. "
             f"{DISCUSS_MARK}: the team disagrees (q1 to q3 of {profile.discuss_threshold} or more on the baseline, "
             f"{framework.baseline.title}). Gap: median minus the baseline's median.", style="dim"),
        Text(""),
    ]
    series_width = max(len(label) for label in labels.values())
    areas = [a for a in framework.areas if area_ids is None or a.id in area_ids]
    for index, area in enumerate(areas):
        heading = Text(area_heading(framework, area.id), style="bold")
        base = profile.cell(area.id, framework.baseline.id)
        if base.discuss and base.spread is not None:
            heading.append(f"  {DISCUSS_MARK}", style="bold reverse")
        parts.append(heading)
        table = Table(box=None, show_header=index == 0, header_style="dim", pad_edge=False, expand=False)
        table.add_column("" if compact else "Series", width=series_width, no_wrap=compact)
        table.add_column("n", justify="right", no_wrap=True, width=3)
        table.add_column("Spread", no_wrap=True, width=21)
        table.add_column("Median", justify="right", no_wrap=True, width=6)
        table.add_column("q1-q3", justify="right", no_wrap=True, width=7)
        table.add_column("min-max", justify="right", no_wrap=True, width=7)
        table.add_column("Gap", justify="right", no_wrap=True, width=5)
        for series in framework.series:
            cell = profile.cell(area.id, series.id)
            label = labels[series.id]
            if cell.spread is None:
                table.add_row(label, str(cell.n), profile.withheld, "", "", "", "")
                continue
            s = cell.spread
            gap = signed(cell.gap) if cell.gap is not None else ("" if series.id == framework.baseline.id else profile.withheld)
            table.add_row(label, str(cell.n), strip(s, scale), number(s.median), f"{number(s.q1)}-{number(s.q3)}",
                          f"{s.min}-{s.max}", gap)
        parts.append(table)
    return Group(*parts)


def ranking_view(ranking: TeamRanking, compact: bool = False, room_hint: bool = True) -> RenderableType:
    """The team ranking: rank (``1=`` for a shared rank), area, n, mean rank, the ranks given, the agreement; Kendall's W.

    ``room_hint`` ends with the team room's key to start a ranking from it (a workshop leaves it out).

    Withheld (fewer ranking files than the minimum group) it says so and shows nothing else; an
    area ranked by too few is listed as withheld under the ranked ones.
    """
    framework = ranking.framework
    title = Text(f"The team ranking ({ranking.files_used} ranking{'' if ranking.files_used == 1 else 's'})",
                 style="bold underline")
    if not ranking.shown:
        return Group(title, Text(f"  {ranking.withheld} rankings: nothing is shown until at least "
                                 f"{ranking.min_group} people have shared theirs."))
    agree, split = agreement_thresholds(len(framework.areas))
    parts: list[RenderableType] = [title, Text(
        f"Mean of each person's rank (1 the most important); equal means share a rank (1=, then 3). "
        f"Agreement by q1 to q3 of the ranks: agree up to {number(agree)}, split from {number(split)}.", style="dim")]
    table = Table(box=None, show_header=True, header_style="dim", pad_edge=False, expand=False)
    table.add_column("Rank", justify="right", no_wrap=True, width=4)
    table.add_column(framework.area_word, ratio=1)
    table.add_column("n", justify="right", no_wrap=True, width=3)
    table.add_column("Mean", justify="right", no_wrap=True, width=5)
    if not compact:
        table.add_column("Ranks", justify="right", no_wrap=True, width=5)
    table.add_column("Agreement", no_wrap=True, width=9)
    for entry in ranking.areas:
        area = framework.area(entry.area_id)
        heading = area.title if area else entry.area_id  # no area code: beside the rank it would read as a second number
        if entry.spread is None or entry.rank is None:
            row = ["", heading, str(entry.n), ranking.withheld]
            table.add_row(*(row + ([""] if not compact else []) + [""]))
            continue
        rank = f"{entry.rank}=" if entry.tied else str(entry.rank)
        row = [rank, heading, str(entry.n), f"{entry.spread.mean:.2f}".rstrip("0").rstrip(".")]
        if not compact:
            row.append(f"{entry.spread.min}-{entry.spread.max}")
        table.add_row(*(row + [entry.spread.agreement]))
    parts.append(table)
    if ranking.kendall_w is not None:
        parts.append(Text(f"Overall agreement (Kendall's W, 0 none to 1 complete): {ranking.kendall_w:.2f}, "
                          f"from {ranking.w_files} complete ranking{'' if ranking.w_files == 1 else 's'}.", style="dim"))
    if room_hint:
        parts.append(Text("k starts the room's own ranking from this order (saved as an ordinary ranking).", style="dim"))
    return Group(*parts)


def discuss_view(profile: TeamProfile) -> Text:
    """The areas to discuss (widest disagreement first) and the largest gaps, as short lists."""
    framework = profile.framework
    text = Text()
    text.append("To discuss\n", style="bold underline")
    flagged = profile.discuss()
    if not flagged:
        text.append(f"  none: no {framework.area_name} has q1 to q3 of {profile.discuss_threshold} or more\n")
    for cell in flagged:
        if cell.spread is not None:
            text.append(f"  {DISCUSS_MARK} {area_heading(framework, cell.area_id)}: "
                        f"q1 {number(cell.spread.q1)} to q3 {number(cell.spread.q3)}\n")
    text.append("\nThe largest gaps\n", style="bold underline")
    gaps = [c for c in profile.largest_gaps() if c.gap is not None]
    if not gaps:
        text.append("  none to show\n")
    for cell in gaps:
        text.append(f"  {signed(cell.gap or 0)} {area_heading(framework, cell.area_id)}, "
                    f"{_series_label(framework, cell.series_id)}\n")
    return text


def left_out_view(problems: Sequence[FileProblem], duplicates: Sequence[str], missing: Sequence[str]) -> Text:
    """Every file left out by file, field and message; the duplicates counted once; paths not found."""
    text = Text()
    files = sorted({p.file for p in problems})
    text.append(f"Files left out ({len(files)})\n", style="bold underline")
    if not files:
        text.append("  none\n")
    for name in files:
        text.append(f"• {name}\n", style="bold")
        for problem in (p for p in problems if p.file == name):
            where = problem.field or "the file"
            text.append(f"    {where}: {problem.message}\n")
    text.append(f"\nCounted once ({len(duplicates)})\n", style="bold underline")
    if not duplicates:
        text.append("  none\n")
    for duplicate in duplicates:
        text.append(f"• {duplicate}\n")
    if missing:
        text.append(f"\nNot found ({len(missing)})\n", style="bold underline")
        for path in missing:
            text.append(f"• {path}: no such file or folder\n")
    return text


def compare_view(framework: Framework, rows: Sequence[CompareRow], withheld_a: str, withheld_b: str,
                 compact: bool = False) -> RenderableType:
    """Per area and series: A's median and n, B's, and the change ("fewer than N" where withheld).

    ``compact`` (a narrow terminal) names each series by its letter, with a key of the letters above.
    """
    labels = {s.id: (letter if compact else f"{letter} {s.title}") for s, letter in zip(framework.series, framework.series_letters)}
    series_width = max(len(label) for label in labels.values())
    width = max(len(withheld_a), len(withheld_b), 6)
    parts: list[RenderableType] = []
    if compact:
        parts.append(Text("Series: " + " · ".join(f"{letter} {s.title}" for s, letter in
                                                  zip(framework.series, framework.series_letters)), style="dim"))
    for index, area in enumerate(framework.areas):
        parts.append(Text(area_heading(framework, area.id), style="bold"))
        table = Table(box=None, show_header=index == 0, header_style="dim", pad_edge=False, expand=False)
        table.add_column("" if compact else "Series", width=series_width)
        table.add_column("A", justify="right", no_wrap=True, width=width)
        table.add_column("n A", justify="right", no_wrap=True, width=3)
        table.add_column("B", justify="right", no_wrap=True, width=width)
        table.add_column("n B", justify="right", no_wrap=True, width=3)
        table.add_column("Change", justify="right", no_wrap=True, width=6)
        for row in (r for r in rows if r.area_id == area.id):
            change = row.change
            table.add_row(
                labels.get(row.series_id, row.series_id),
                withheld_a if row.median_a is None else number(row.median_a), str(row.n_a),
                withheld_b if row.median_b is None else number(row.median_b), str(row.n_b),
                "·" if change is None else signed(change),
            )
        parts.append(table)
    return Group(*parts)
