"""A wheel against a role, and a level-finder result against a role: the gap per area, shortfalls first.

:class:`WheelRoleScreen` draws the role on the wheel as one more shape (letter ``R``, marker ``#``)
beside the gap per area, "met 5 of 8", the strengths and the roles the wheel is closest to;
:class:`FinderRoleScreen` sets the latest level-finder record against the role's level targets,
with the next exemplars to work on. On both, `a` turns the shortfalls into development-plan
objectives, accepted one at a time: on the wheel's screen the wheel's shortfalls and, when the latest
level-finder record has marks, the level targets it falls short of.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Header, Label, Static

from screens.base import FramewheelScreen
from screens.dialogs.activity_picker import AreaTarget
from screens.roles.pickers import role_picker, wheel_picker
from styles import style_path
from tui.core import charts
from tui.core.development_plan import Suggestion
from tui.core.finder import FinderRecord, derive, unusable_reason
from tui.core.model import Framework
from tui.core.roles import (FinderComparison, RoleFit, RoleProfile, WheelComparison, closest_roles, compare_finder,
                            compare_wheel, role_suggestions, target_text)
from tui.core.wheels import Assessment
from tui.widgets.chart_view import ChartView
from tui.widgets.theme_colours import chart_palette
from tui.widgets.key_footer import KeyFooter

NO_ROLES = "{framework} has no roles yet: make one in the roles list (o on the home screen)."
"""The empty state of a framework without roles."""


def _title(text: Text, title: str) -> None:
    """A section heading."""
    text.append(f"\n{title}\n", style="bold underline")


def wheel_role_text(framework: Framework, wheel: Assessment, comparison: WheelComparison,
                    fits: list[RoleFit], levels: tuple[FinderRecord, FinderComparison] | None = None) -> Text:
    """What the wheel says against the role (the headline is the screen's heading): the gap per area, strengths,
    level targets, unplaced targets and the closest roles.

    With ``levels`` (the latest level-finder record, with marks, against the role) each level target shows the
    level found against the expected one; without it, only the expected level.
    """
    role = comparison.role
    letter = framework.series_letter(comparison.series_id)
    text = Text()
    text.append(f"{role.name}", style="bold")
    text.append(f" ({role.source}) against “{wheel.label}” ({wheel.created[:10]}), "
                f"series {letter} “{comparison.series_title}”\n")
    _title(text, f"Gap per {framework.area_name} (shortfalls first)")
    if not comparison.gaps:
        text.append(f"  The role sets no target on the scale for any {framework.area_name}.\n")
    for gap in comparison.gaps:
        text.append(f"  {gap.symbol} {gap.area.label}: {gap.words()}\n")
    text.append("  ▼ below the target, · not rated, ✓ met, ▲ above\n", style="dim")
    _title(text, "Strengths for the role")
    strengths = comparison.strengths
    text.append("  (none)\n" if not strengths else "".join(f"  ▲ {g.area.label}: {g.words()}\n" for g in strengths))
    if comparison.level_targets and levels is not None:
        record, found_levels = levels
        by_area = {level_gap.area.id: level_gap for level_gap in found_levels.gaps}
        _title(text, "Level targets (f: the level comparison)")
        text.append(f"  From the level-finder record “{record.label}”\n", style="dim")
        for area, level in comparison.level_targets:
            level_gap = by_area.get(area.id)
            if level_gap is None:
                text.append(f"  {area.label}: expected {target_text(framework, level)}\n")
            else:
                text.append(f"  {level_gap.symbol} {area.label}: {level_gap.words()}\n")
        text.append("  ▼ below the expected level, ✓ met, ▲ above\n", style="dim")
    elif comparison.level_targets:
        _title(text, "Level targets (compared with the level finder: f)")
        for area, level in comparison.level_targets:
            text.append(f"  {area.label}: expected {target_text(framework, level)}\n")
    if comparison.unplaced:
        _title(text, "Targets the framework can no longer place (kept in the role)")
        for area_id, target in comparison.unplaced.items():
            text.append(f"  ! {area_id}: {target}\n")
    _title(text, f"Roles this wheel is closest to (in “{comparison.series_title}”)")
    if not fits:
        text.append("  No role with targets on the scale to compare.\n")
    for number, found in enumerate(fits, start=1):
        text.append(f"  {number}. {found.role.name}: {found.words()}\n")
    return text


def _hanging(text: Text, lead: str, body: str, width: int | None, style: str = "") -> None:
    """Append ``lead`` and ``body`` in lines of at most ``width`` columns, the continuation lines under the body's start.

    Without a width (or one too narrow to indent) the line is appended whole, for the widget to wrap.
    """
    if width is None or width < len(lead) + 20:
        text.append(f"{lead}{body}\n", style=style)
        return
    lines = textwrap.wrap(body, width - len(lead), break_on_hyphens=False) or [""]
    for number, line in enumerate(lines):
        text.append(f"{lead if number == 0 else ' ' * len(lead)}{line}\n", style=style)


def finder_role_text(framework: Framework, record: FinderRecord, comparison: FinderComparison,
                     width: int | None = None) -> Text:
    """A level-finder record against the role (the headline is the screen's heading): each area's level against
    the expected one, and the next exemplars.

    With ``width`` (the columns the text has) a wrapped line keeps its indent: continuation lines start under
    the first line's words, not at the edge.
    """
    role = comparison.role
    text = Text()
    text.append(f"{role.name}", style="bold")
    text.append(f" ({role.source}) against the level-finder record “{record.label}”\n")
    _title(text, f"Level per {framework.area_name} (shortfalls first)")
    if not comparison.gaps:
        text.append(f"  The role expects no level in any {framework.area_name}.\n")
    for gap in comparison.gaps:
        _hanging(text, f"  {gap.symbol} ", f"{gap.area.label}: {gap.words()}", width)
        if gap.next_exemplars:
            level = gap.next_level.title if gap.next_level else "the next level"
            text.append(f"      Next to work on ({level}):\n", style="italic")
            for item in gap.next_exemplars:
                _hanging(text, "      - ", item, width)
    text.append("  ▼ below the expected level, ✓ met, ▲ above\n", style="dim")
    return text


def _fresh(suggestions: list[Suggestion], titles: set[str]) -> list[Suggestion]:
    """The suggestions whose objective the plan does not already hold open."""
    return [s for s in suggestions if s.title not in titles]


class _RoleShortfalls(FramewheelScreen):
    """What both comparisons share: the role picker and `a`, the shortfalls into the plan."""

    framework: Framework
    role: RoleProfile | None = None

    def roles(self) -> list[RoleProfile]:
        """The roles this screen can compare with (all of the framework's)."""
        return self.context.roles.roles_for(self.framework)

    def choose_role(self) -> None:
        """Pick another role (`o`); nothing changes when the picker is left."""
        roles = self.roles()
        if not roles:
            self.notify(NO_ROLES.format(framework=self.framework.title), severity="warning")
            return
        self.app.push_screen(role_picker(self.framework, roles, "Compare with which role?", self.role), self._role_picked)

    def _role_picked(self, key: str | None) -> None:
        """Take the picked role."""
        role = self.context.roles.find(self.framework, key) if key else None
        if role is not None:
            self.use_role(role)

    def use_role(self, role: RoleProfile) -> None:
        """Compare with ``role`` from now on."""
        self.role = role
        self.refresh_comparison()

    def refresh_comparison(self) -> None:
        """Redraw everything (each screen its own)."""

    def comparison(self) -> WheelComparison | FinderComparison | None:
        """The comparison shown now, or None."""
        return None

    def source_label(self) -> str:
        """What the suggestions are drawn from, for the dialog's heading."""
        return self.role.name if self.role else ""

    def action_plan(self) -> None:
        """Offer each shortfall as a development-plan objective, one at a time (`a`)."""
        from screens.plan.suggestions import SuggestionsDialog

        comparison = self.comparison()
        if comparison is None:
            self.notify("There is nothing to compare yet.", severity="warning")
            return
        compared = self.shortfall_comparisons()
        titles = {o.title for o in self.context.development_plan.open_objectives(self.framework.id)}
        suggestions = _fresh(role_suggestions(self.framework, *compared), titles)
        if not suggestions:
            if any(c.shortfalls for c in compared):
                told = "every shortfall is already an open objective"
            else:
                told = self.nothing_short()
            self.notify(f"No objectives to suggest: {told}.", title="No suggestions")
            return
        levels = {t.area_id: t.level_id for t in self.shortfall_targets() if t.level_id}
        self.app.push_screen(SuggestionsDialog(suggestions, self.source_label(), self.framework,
                                               self.context.catalogue.activities(self.framework.id), levels),
                             self._accept)

    def shortfall_comparisons(self) -> list[WheelComparison | FinderComparison]:
        """The comparisons whose shortfalls `a` suggests as objectives (the one shown, by default)."""
        comparison = self.comparison()
        return [comparison] if comparison is not None else []

    def nothing_short(self) -> str:
        """Why there is nothing to suggest when no comparison has a shortfall."""
        return "nothing is short of the role"

    def shortfall_targets(self) -> list[AreaTarget]:
        """The shortfalls as areas to find activities for, the largest first (each screen its own)."""
        return []

    def action_activities(self) -> None:
        """The institution's activities for one of the shortfalls; the one chosen goes into the plan (`c`)."""
        from screens.plan.planned_activity import activities_for_targets

        if self.comparison() is None:
            self.notify("There is nothing to compare yet.", severity="warning")
            return
        activities_for_targets(self, self.framework, self.shortfall_targets(), "Activities for which shortfall?",
                               "Nothing is short of the role: no activities to look for.")

    def _accept(self, accepted: list[Suggestion] | None) -> None:
        """Add the accepted suggestions to the development plan, as the plan's own suggestions are."""
        for suggestion in accepted or []:
            self.context.development_plan.add(self.framework, **suggestion.objective_fields())
        if accepted:
            count = len(accepted)
            self.mark_saved(f"Added {count} objective{'s' if count != 1 else ''} to the plan;")
            self.notify(f"Added {count} objective{'s' if count != 1 else ''} to your development plan (p on the home screen).")


class WheelRoleScreen(_RoleShortfalls):
    """A wheel (the latest by default) against a role: the role's shape on the chart, and the gap per area."""

    CSS_PATH = style_path("role_compare.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    HELP_TITLE = "Compare a wheel with a role"
    HELP = """\
The role is drawn on the wheel as one more shape: letter **R**, marker `#`. Beside it, the gap per
area, shortfalls first by how far: `▼` below the role's target, `·` not rated, `✓` met, `▲` above
(a strength for the role). "met 5 of 8" counts the areas on or above their target. Targets that are
levels are compared with the level finder (`f`).

`s` compares another series (now, would like ...), `o` another role, `w` another wheel. The role and
series chosen for a wheel are remembered, and the wheel's 1:1 report then has a "Compared with role"
section. `a` offers each shortfall as a development-plan objective, accepted one at a time: the
wheel's and, with a level-finder record, the level targets not reached.
`c` lists the institution's development activities for a shortfall (a level target at its expected
level); the one chosen becomes the planned activity of an objective for that area in your plan.
On a narrow terminal `v` shows the chart instead of the text (and back); `b` switches wheel and bars.
"""

    BINDINGS = [
        Binding("s", "series", "Series", id="rolecmp.series"),
        Binding("o", "role", "Role", id="rolecmp.role", tooltip="Choose the role to compare with"),
        Binding("w", "wheel", "Wheel", id="rolecmp.wheel", show=False),
        Binding("a", "plan", "Add to plan", id="rolecmp.plan", tooltip="Add the shortfalls to my development plan"),
        Binding("c", "activities", "Activities", id="rolecmp.activities",
                tooltip="The institution's development activities for a shortfall; the one chosen goes into my plan"),
        Binding("f", "finder", "Levels", id="rolecmp.finder", show=False,
                tooltip="The role's level targets against the level finder"),
        Binding("v", "toggle_chart", "Chart/text", id="rolecmp.chart"),
        Binding("b", "toggle_bars", "Wheel/bars", id="rolecmp.bars", show=False),
    ]

    def __init__(self, role_key: str | None = None, wheel_id: int | None = None) -> None:
        """Compare wheel ``wheel_id`` (else the latest of the chosen framework) with role ``role_key``.

        Without a key, the role chosen earlier for the wheel, else a picker.
        """
        super().__init__()
        self.role_key, self.wheel_id = role_key, wheel_id
        self.wheel: Assessment | None = None
        self.series_id = ""
        self.kind = "radar"

    def compose(self) -> ComposeResult:
        """Header, the heading, the chart beside the text, footer."""
        yield Header()
        yield Label("", id="rolecmp-heading", markup=False)
        with Horizontal(id="rolecmp-main"):
            with VerticalScroll(id="rolecmp-chart-panel", classes="panel", can_focus=False):
                yield ChartView(id="rolecmp-chart")
            with VerticalScroll(id="rolecmp-text-panel", classes="panel"):
                yield Static(id="rolecmp-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Find the wheel and the role, then draw (or ask for the role)."""
        self.title = "Compare with a role"
        self.framework = self.context.framework
        if self.wheel_id is not None:
            self.wheel = self.context.assessments.get(self.wheel_id)
        else:
            self.wheel = self.context.assessments.latest(self.framework.id)
        if self.wheel is not None:
            self.framework = self.context.catalog.frameworks.get(self.wheel.framework_id, self.framework)
        self.query_one("#rolecmp-text-panel").focus()
        if self.wheel is not None:
            self.role = self._first_role(self.wheel)
        self.refresh_comparison()
        if self.wheel is not None and self.role is None and self.roles():
            self.call_after_refresh(self.choose_role)

    def _first_role(self, wheel: Assessment) -> RoleProfile | None:
        """The role asked for, else the one chosen earlier for this wheel (with its series), else None."""
        if self.role_key:
            found = self.context.roles.find(self.framework, self.role_key)
            if found is None:
                self.notify(f"There is no role '{self.role_key}' in {self.framework.title}.", severity="warning")
            return found
        chosen = self.context.roles.chosen_for_wheel(self.framework, wheel.id)
        if chosen is None:
            return None
        role, series = chosen
        self.series_id = series if series in self.framework.series_ids else ""
        return role

    def on_resize(self) -> None:
        """Redraw the chart for the new size."""
        self.call_after_refresh(self.draw_chart)

    def screen_commands(self) -> Iterable[SystemCommand]:
        """The comparison's actions in the command palette."""
        if self.wheel is None:
            return
        yield SystemCommand("Role: compare with another role", "Choose the role this wheel is compared with (r)", self.action_role)
        yield SystemCommand("Role: compare another wheel", "Choose another wheel of this framework (w)", self.action_wheel)
        if self.role is not None:
            yield SystemCommand("Role: compare another series", "Now, would like ... in turn (s)", self.action_series)
            yield SystemCommand("Role: add the shortfalls to my plan", "Each shortfall as an objective, one at a time (a)",
                                self.action_plan)
            yield SystemCommand("Role: level targets against the level finder", "The role's expected levels (f)",
                                self.action_finder)

    def comparison(self) -> WheelComparison | None:
        """The wheel against the role in the chosen series, or None when either is missing."""
        if self.wheel is None or self.role is None:
            return None
        return compare_wheel(self.framework, self.wheel, self.role, self.series_id or None)

    def shortfall_targets(self) -> list[AreaTarget]:
        """The areas below the role's target, then its level targets not reached (at the expected level)."""
        comparison = self.comparison()
        if comparison is None:
            return []
        found = [AreaTarget(g.area.id, "", g.words()) for g in comparison.shortfalls]
        levels = self.level_comparison()
        if levels is not None:
            found += [AreaTarget(g.area.id, g.expected.id, g.words()) for g in levels[1].shortfalls]
        else:
            found += [AreaTarget(area.id, level, "level target") for area, level in comparison.level_targets
                      if self.framework.level(level) is not None]
        return found

    def shortfall_comparisons(self) -> list[WheelComparison | FinderComparison]:
        """The wheel's shortfalls against the role's scale targets, then the level finder's against its level targets."""
        comparison = self.comparison()
        if comparison is None:
            return []
        levels = self.level_comparison()
        return [comparison] if levels is None else [comparison, levels[1]]

    def nothing_short(self) -> str:
        """Nothing is short; when level targets could not be compared, say so rather than that they are met."""
        comparison = self.comparison()
        if comparison is None or not comparison.level_targets or self.level_comparison() is not None:
            return "nothing is short of the role"
        count = len(comparison.level_targets)
        targets = f"its {count} level target{'s' if count != 1 else ''}"
        reason = unusable_reason(self.framework)
        if reason is not None:  # the level finder cannot be used with this framework: say why, not what to do
            return f"nothing on the scale is short of the role; {targets} cannot be compared. {reason.rstrip('.')}"
        return (f"nothing on the scale is short of the role, and {targets} {'needs' if count == 1 else 'need'} "
                "a level-finder record with marks (f on the home screen)")

    def source_label(self) -> str:
        """The role and the wheel (and the level-finder record, when its levels are compared) the suggestions come from."""
        label = f"{self.role.name if self.role else ''} · {self.wheel.label if self.wheel else ''}"
        levels = self.level_comparison()
        return f"{label} · {levels[0].label}" if levels is not None and levels[1].shortfalls else label

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer the series, the plan and the chart only while a wheel is compared with a role."""
        if action in ("series", "plan", "toggle_chart", "toggle_bars", "finder", "activities"):
            return self.wheel is not None and self.role is not None
        if action in ("role", "wheel"):
            return self.wheel is not None
        return super().check_action(action, parameters)

    def _empty(self, heading: str, body: str) -> None:
        """Show an empty state: a heading, a sentence, no chart."""
        self.query_one("#rolecmp-heading", Label).update(heading)
        self.query_one("#rolecmp-text", Static).update(Text(body))
        self.query_one("#rolecmp-chart", ChartView).show("")

    def refresh_comparison(self) -> None:
        """Compare, remember the choice for the wheel, and redraw the text and chart."""
        framework = self.framework
        self.refresh_bindings()
        if self.wheel is None:
            self._empty("No wheel to compare",
                        f"There is no wheel of {framework.title} yet: rate yourself first (w on the home screen), "
                        "then compare it with a role.")
            return
        comparison = self.comparison()
        if comparison is None or self.role is None:
            self._empty(f"{self.wheel.label}: no role chosen",
                        NO_ROLES.format(framework=framework.title) if not self.roles()
                        else "Press o to choose the role to compare this wheel with.")
            return
        self.context.roles.choose_for_wheel(self.wheel.id, self.role, self.series_id)
        fits = closest_roles(framework, self.wheel, self.roles(), self.series_id or None)
        levels = self.level_comparison()
        # a role of level targets only: its heading says how the levels compare (shown below), not "met 0 of 0"
        headline = comparison.headline if comparison.total or levels is None else f"levels {levels[1].headline}"
        self.query_one("#rolecmp-heading", Label).update(f"{self.role.name}: {headline}")
        self.query_one("#rolecmp-text", Static).update(wheel_role_text(framework, self.wheel, comparison, fits, levels))
        self.sub_title = f"{self.wheel.label} · {comparison.series_title}"
        self.draw_chart()

    def level_comparison(self) -> tuple[FinderRecord, FinderComparison] | None:
        """The latest level-finder record (when it has marks) against the role's level targets, or None."""
        framework = self.framework
        if self.role is None or not self.role.level_targets() or unusable_reason(framework) is not None:
            return None
        record = self.context.finder.latest(framework.id)
        if record is None or not record.marked_count():
            return None
        return record, compare_finder(framework, derive(framework, record), self.role)

    def chart_data(self) -> charts.ChartData | None:
        """The compared series and the role's shape, or None when there is nothing to draw."""
        comparison = self.comparison()
        if comparison is None or self.wheel is None or self.role is None:
            return None
        data = charts.wheel_data(self.framework, self.wheel)
        position = self.framework.series_ids.index(comparison.series_id)
        data = replace(data, series=(data.series[position],))
        return charts.with_role(data, self.framework, self.role.name, self.role.targets)

    def draw_chart(self) -> None:
        """Draw the chart for the panel's size (nothing while the panel is hidden)."""
        data = self.chart_data()
        if data is None:
            return
        panel = self.query_one("#rolecmp-chart-panel")
        width, height = max(panel.content_size.width - 1, 30), max(panel.content_size.height, 10)
        palette = chart_palette(self.app)
        drawn = charts.bars(data, width, palette=palette) if self.kind == "bars" else charts.radar(data, width, height, palette=palette)
        self.query_one("#rolecmp-chart", ChartView).show(drawn)

    def action_series(self) -> None:
        """Compare the next series of the framework (`s`; after the last, the first again)."""
        ids = self.framework.series_ids
        current = ids.index(self.series_id) if self.series_id in ids else 0
        self.series_id = ids[(current + 1) % len(ids)]
        self.refresh_comparison()
        self.notify(f"Comparing “{self.framework.series[ids.index(self.series_id)].title}” with the role.")

    def action_role(self) -> None:
        """Choose another role (`o`)."""
        if self.wheel is None:
            self.notify("There is no wheel to compare yet.", severity="warning")
            return
        self.choose_role()

    def action_wheel(self) -> None:
        """Choose another wheel of the framework (`w`)."""
        wheels = self.context.assessments.list(self.framework.id)
        if not wheels:
            self.notify(f"There is no wheel of {self.framework.title} yet.", severity="warning")
            return

        def picked(wheel_id: int | None) -> None:
            """Compare the picked wheel (with the role chosen for it, else the one shown)."""
            wheel = self.context.assessments.get(wheel_id) if wheel_id is not None else None
            if wheel is None:
                return
            self.wheel = wheel
            chosen = self.context.roles.chosen_for_wheel(self.framework, wheel.id)
            if chosen is not None:
                self.role, series = chosen
                self.series_id = series if series in self.framework.series_ids else ""
            self.refresh_comparison()

        self.app.push_screen(wheel_picker(wheels, self.wheel.id if self.wheel else None), picked)

    def action_finder(self) -> None:
        """The role's level targets against the latest level-finder record (`f`)."""
        self.app.push_screen(FinderRoleScreen(self.role.key if self.role else None))

    def action_toggle_chart(self) -> None:
        """Narrow: show the chart instead of the text (or back); wide: the text alone (or beside the chart)."""
        self.toggle_class("show-chart" if self.has_class("-narrow") else "text-only")
        self.call_after_refresh(self.draw_chart)

    def action_toggle_bars(self) -> None:
        """Switch the chart between the wheel and bars (`b`)."""
        self.kind = "bars" if self.kind == "radar" else "radar"
        self.draw_chart()


class FinderRoleScreen(_RoleShortfalls):
    """The latest level-finder record against a role's level targets, with the next exemplars for each shortfall."""

    CSS_PATH = style_path("role_compare.tcss")
    HELP_TITLE = "Compare the level finder with a role"
    HELP = """\
The level each area's marks point to (from your latest level-finder record) against the level the
role expects there: `▼` below it, `✓` met, `▲` above. For each shortfall, the exemplars of the next
level to work on, word for word from the framework. `o` chooses another role; `a` offers each
shortfall as a development-plan objective, accepted one at a time. `c` lists the institution's
development activities for a shortfall at its expected level; the one chosen becomes the planned
activity of an objective for that area in your plan.
"""

    BINDINGS = [
        Binding("o", "role", "Role", id="rolefind.role", tooltip="Choose the role to compare with"),
        Binding("a", "plan", "Add to plan", id="rolefind.plan", tooltip="Add the shortfalls to my development plan"),
        Binding("c", "activities", "Activities", id="rolefind.activities",
                tooltip="The institution's development activities for a shortfall; the one chosen goes into my plan"),
    ]

    def __init__(self, role_key: str | None = None) -> None:
        """Compare with role ``role_key`` (else a picker of the roles with level targets)."""
        super().__init__()
        self.role_key = role_key
        self.record: FinderRecord | None = None

    def compose(self) -> ComposeResult:
        """Header, the heading, the comparison, footer."""
        yield Header()
        yield Label("", id="rolefind-heading", markup=False)
        with VerticalScroll(id="rolefind-body", classes="panel"):
            yield Static(id="rolefind-text")
        yield KeyFooter()

    def roles(self) -> list[RoleProfile]:
        """The roles that expect a level somewhere."""
        return [r for r in super().roles() if r.level_targets()]

    def on_mount(self) -> None:
        """Find the record and the role, then show the comparison (or ask for the role)."""
        self.framework = self.context.framework
        self.title = f"Levels against a role · {self.framework.title}"
        self.query_one("#rolefind-body").focus()
        if unusable_reason(self.framework) is None:
            self.record = self.context.finder.latest(self.framework.id)
            if self.role_key:
                self.role = self.context.roles.find(self.framework, self.role_key)
        self.refresh_comparison()
        if self.record is not None and self.role is None and self.roles():
            self.call_after_refresh(self.choose_role)

    def comparison(self) -> FinderComparison | None:
        """The record against the role, or None when either is missing."""
        if self.record is None or self.role is None:
            return None
        return compare_finder(self.framework, derive(self.framework, self.record), self.role)

    def shortfall_targets(self) -> list[AreaTarget]:
        """The areas below the expected level, each at that level."""
        comparison = self.comparison()
        return [AreaTarget(g.area.id, g.expected.id, g.words()) for g in comparison.shortfalls] if comparison else []

    def source_label(self) -> str:
        """The role and the record the suggestions come from."""
        return f"{self.role.name if self.role else ''} · {self.record.label if self.record else ''}"

    def _show(self, heading: str, body: Text) -> None:
        """Put the heading and the body on the screen."""
        self.query_one("#rolefind-heading", Label).update(heading)
        self.query_one("#rolefind-text", Static).update(body)

    def refresh_comparison(self) -> None:
        """Show the comparison, or say why there is none."""
        framework = self.framework
        reason = unusable_reason(framework)
        if reason is not None:
            self._show("No levels to compare", Text(f"{reason}\n\nCompare a wheel with the role instead "
                                                    "(o on the wheel summary)."))
            return
        if self.record is None:
            self._show("No level-finder record yet",
                       Text(f"There is no level-finder record of {framework.title} yet: find your level first "
                            "(f on the home screen), then compare it with a role."))
            return
        comparison = self.comparison()
        if comparison is None or self.role is None:
            empty = ("No role of this framework expects a level: give a role level targets in the roles list "
                     "(o on the home screen)." if not self.roles() else "Press o to choose the role to compare with.")
            self._show("No role chosen", Text(empty))
            return
        if not comparison.gaps:
            self._show(f"{self.role.name}: no level targets",
                       Text(f"{self.role.name} expects no level in any {framework.area_name}; "
                            "compare a wheel with it instead (o on the wheel summary)."))
            return
        self._show(f"{self.role.name}: {comparison.headline}",
                   finder_role_text(framework, self.record, comparison, max(20, self.size.width - 6)))

    def on_resize(self) -> None:
        """Wrap the text again to the new width (keeping the indents)."""
        if self.is_mounted:
            self.refresh_comparison()

    def action_role(self) -> None:
        """Choose another role (`o`)."""
        if self.record is None:
            self.notify("There is no level-finder record to compare yet.", severity="warning")
            return
        roles = self.roles()
        if not roles:
            self.notify("No role of this framework expects a level.", severity="warning")
            return
        self.choose_role()
