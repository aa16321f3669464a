"""The summary of one wheel: top strengths, the gaps from the baseline to each other series, wishes above the need.

The rules are those of :mod:`tui.core.analysis`: strengths are the baseline's areas rated above
the scale's midpoint (the top three); a gap is another series' value above the baseline's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from screens.base import FramewheelScreen
from screens.wheel.unplaced import unplaced_text
from screens.dialogs.activity_picker import AreaTarget
from styles import style_path
from tui.core import analysis
from tui.core.wheels import Assessment
from tui.core.model import Area, Framework
from tui.core.reports.ranking import BIG_GAP, IMPORTANT_MARK, TOP_RANK, is_important
from tui.core.rankings import Ranking, rank_label
from tui.core.rankings import rows as rank_rows
from tui.widgets.hanging import hanging
from tui.widgets.key_footer import KeyFooter


STRENGTHS_TITLE = "Top strengths (rated above the midpoint)"
"""The heading of the strengths list, which states its rule."""


def _name(area: Area) -> str:
    """An area as a list entry: its title, and its code in brackets."""
    return f"{area.title} ({area.code})" if area.code else area.title


def numbered(lines: list[str]) -> Table:
    """``  1. line`` per line, a line that wraps going on under its first word (not under the number)."""
    return hanging(((f"  {number:>2}. ", line) for number, line in enumerate(lines, start=1)), 6)


def _section(parts: list[RenderableType], title: str, explain: str, lines: list[str]) -> None:
    """A titled, numbered list (or a sentence saying it is empty), then a blank line."""
    parts.append(Text.assemble((title, "bold underline"), "\n", (explain, "dim")))
    parts.append(numbered(lines) if lines else Text("  (none)"))
    parts.append(Text())


def _gap_line(gap: analysis.AreaGap, what: str, base: str, context: SummaryContext) -> str:
    """One gap: the area, the gap and its two values, and the team rank (``!`` when it matters most)."""
    line = f"{_name(gap.area)}: +{gap.gap} ({base} {gap.base}, {what} {gap.target})"
    label = context.rank_labels.get(gap.area.id)
    if label is None:
        return line
    mark = f"{IMPORTANT_MARK} " if is_important(context.ranks.get(gap.area.id), gap.gap) else ""
    return f"{mark}{line} · team rank {label}"


@dataclass(frozen=True)
class SummaryContext:
    """What other activities add to a summary: the latest team ranking and the levels the finder derived."""

    ranking_name: str = ""
    ranks: dict[str, int] = field(default_factory=dict)
    rank_labels: dict[str, str] = field(default_factory=dict)
    """Each area's rank as written (``1=`` for a shared rank)."""
    levels: dict[str, str] = field(default_factory=dict)
    """Each marked area's derived level title ("not yet" when none is reached)."""

    @classmethod
    def of(cls, ranking: Ranking | None, levels: dict[str, str | None], framework: Framework) -> SummaryContext:
        """Build from the latest ranking and the finder's latest levels (by level id)."""
        level_titles: dict[str, str] = {}
        for area_id, level_id in levels.items():
            level = framework.level(level_id) if level_id else None
            level_titles[area_id] = level.title if level else "not yet"
        if ranking is None:
            return cls(levels=level_titles)
        table = rank_rows(ranking.ordered(framework))
        return cls(
            ranking_name=f"{ranking.name} ({ranking.date})",
            ranks={row.area_id: row.rank for row in table},
            rank_labels={row.area_id: rank_label(row.rank, row.tied) for row in table},
            levels=level_titles,
        )


def summary_text(wheel: Assessment, framework: Framework, extra: SummaryContext | None = None) -> Group:
    """The whole summary, lists in order with their numbers (each list's wrapped lines hanging under their words)."""
    extra = extra or SummaryContext()
    text = Text()
    text.append(f"{wheel.label}", style="bold")
    text.append(f"  ·  {framework.title}  ·  started {wheel.created[:10]}  ·  "
                f"{wheel.rated_count(framework)}/{len(framework.areas) * len(framework.series)} rated\n")
    text.append(f"Scale: {framework.scale.summary()}\n", style="dim")
    if extra.ranking_name:
        text.append("\nBeside the team ranking ", style="bold")
        text.append(f"{extra.ranking_name}: each gap shows the area's team rank; {IMPORTANT_MARK} marks an area "
                    f"ranked {TOP_RANK} or better with a gap of {BIG_GAP} or more (important to the team and a big gap).\n")
    parts: list[RenderableType] = [text]
    base, scale = framework.baseline, framework.scale
    _section(
        parts, STRENGTHS_TITLE,
        f"The {analysis.TOP_STRENGTHS} highest in “{base.title}” above {scale.midpoint:g}, the middle of the "
        f"{scale.min}-{scale.max} scale (ties in {framework.area_name} order).",
        [f"{_name(s.area)}: {s.value}" for s in analysis.top_strengths(wheel, framework)],
    )
    letters = dict(zip(framework.series_ids, framework.series_letters))
    for found in analysis.series_gaps(wheel, framework):
        guide = found.guide_name
        if guide:  # the guide's own words, as before
            what = "would like" if found.target.id == "aspiration" else "organisation needs"
            _section(parts, guide, f"Largest gap first: “{found.target.title}” above now.",
                     [_gap_line(g, what, "now", extra) for g in found.gaps])
        else:
            _section(parts, found.title, f"Largest gap first: “{found.target.title}” ({letters[found.target.id]}) above "
                                        f"“{found.base.title}” ({letters[found.base.id]}).",
                     [_gap_line(g, letters[found.target.id], letters[found.base.id], extra) for g in found.gaps])
    if analysis.has_wish_and_need(framework):
        _section(
            parts, "Wish above the organisation's need",
            "Where you would like to be beyond what your organisation needs: worth a conversation.",
            [f"{_name(g.area)}: +{g.gap} (needs {g.base}, would like {g.target})" for g in analysis.wishes_above_need(wheel, framework)],
        )
    if extra.levels:
        _section(
            parts, "Levels from the level finder", "Each marked area's level, from your latest level-finder record.",
            [f"{_name(area)}: {extra.levels[area.id]}" for area in framework.areas if area.id in extra.levels],
        )
    unplaced = unplaced_text(wheel, framework)
    if unplaced.plain:
        parts.append(unplaced)
    return Group(*parts)


class SummaryScreen(FramewheelScreen):
    """What one wheel says, in ordered lists with the numbers."""

    CSS_PATH = style_path("wheel.tcss")
    HELP_TITLE = "Wheel summary"
    HELP = """\
Where a team ranking of this framework exists, each gap shows the area's rank in the latest one,
and `!` marks an area ranked 3 or better with a gap of 3 or more (important to the team and a big
gap). Where a level-finder record exists, the level derived for each marked area is listed too.

**Top strengths** are the (at most three) areas rated highest in the first shape (or the one the
framework marks as the baseline), and only those rated above the middle of the scale. Each other
shape is compared with that baseline: its **gaps** are the areas where it is above the baseline,
largest first (on the guide's wheel, **development needs** are where you would like to be above
now, and **organisation needs** what your organisation needs above now). **Wish above the need**
lists areas where you would like to go further than your organisation needs, which the guide
suggests discussing. Areas not rated in a shape are left out of its lists. Ratings of areas the
framework no longer has are listed apart at the end.

`o` compares this wheel with a role profile (its shape on the wheel, the gap per area).
`c` lists the institution's development activities for one of the gaps (largest first): choosing
one adds it to your development plan as the planned activity of an objective for that area (the
open objective already there for it, else a new one).
"""

    BINDINGS = [
        Binding("o", "compare_role", "Compare with a role", id="summary.role"),
        Binding("c", "activities", "Activities", id="summary.activities",
                tooltip="The institution's development activities for a gap; the one chosen goes into my plan"),
    ]

    def __init__(self, wheel_id: int, framework: Framework) -> None:
        """The summary of wheel ``wheel_id`` against ``framework``."""
        super().__init__()
        self.wheel_id, self.framework = wheel_id, framework

    def compose(self) -> ComposeResult:
        """Header, the summary, footer."""
        yield Header()
        with VerticalScroll(id="summary-body", classes="panel"):
            yield Static(id="summary-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill in the summary."""
        self.title = "Wheel summary"
        wheel = self.context.assessments.get(self.wheel_id)
        extra = SummaryContext.of(
            self.context.rankings.latest(self.framework.id), self.context.finder.latest_levels(self.framework), self.framework
        )
        body: RenderableType = summary_text(wheel, self.framework, extra) if wheel else Text("This wheel no longer exists.")
        self.query_one("#summary-text", Static).update(body)
        self.query_one("#summary-body").focus()

    def gap_targets(self) -> list[AreaTarget]:
        """Every area with a gap, the largest first (its largest gap over the series), for the activity picker."""
        wheel = self.context.assessments.get(self.wheel_id)
        if wheel is None:
            return []
        largest: dict[str, analysis.AreaGap] = {}
        for found in analysis.series_gaps(wheel, self.framework):
            for gap in found.gaps:
                if gap.area.id not in largest or gap.gap > largest[gap.area.id].gap:
                    largest[gap.area.id] = gap
        order = {area.id: i for i, area in enumerate(self.framework.areas)}
        ranked = sorted(largest.values(), key=lambda g: (-g.gap, order[g.area.id]))
        return [AreaTarget(g.area.id, "", f"gap of {g.gap}") for g in ranked]

    def action_activities(self) -> None:
        """The institution's activities for one of the gaps; the one chosen goes into the plan (`c`)."""
        from screens.plan.planned_activity import activities_for_targets

        activities_for_targets(self, self.framework, self.gap_targets(), "Activities for which gap?",
                               "This wheel shows no gaps to find activities for.")

    def action_compare_role(self) -> None:
        """Compare this wheel with a role (`o`)."""
        from screens.roles.compare import WheelRoleScreen

        self.app.push_screen(WheelRoleScreen(wheel_id=self.wheel_id))
