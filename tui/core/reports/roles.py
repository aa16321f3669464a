"""The 1:1 report's "Compared with role X" section: the wheel's gap per area, and the level finder's where it can."""

from __future__ import annotations

from tui.core.finder import FinderRecord, derive
from tui.core.model import Framework
from tui.core.reports.one_to_one import Section
from tui.core.roles import RoleError, RoleProfile, compare_finder, compare_wheel, target_text
from tui.core.wheels import Assessment


def role_section(role: RoleProfile | None, series_id: str, wheel: Assessment, framework: Framework,
                 finder: FinderRecord | None = None) -> Section | None:
    """The wheel (and the latest level-finder record, for level targets) against the role chosen for the wheel."""
    if role is None:
        return None
    try:
        comparison = compare_wheel(framework, wheel, role, series_id or None)
    except RoleError:
        comparison = compare_wheel(framework, wheel, role)
    lines = [f"Role **{role.name}** ({role.source}), compared with “{comparison.series_title}”: "
             f"**{comparison.headline}**.", ""]
    if comparison.gaps:
        lines += [f"| {framework.area_word} | Target | Rated | Gap |", "|---|---|---|---|"]
        for gap in comparison.gaps:
            rated = str(gap.actual) if gap.actual is not None else "not rated"
            lines.append(f"| {gap.area.heading} | {gap.target} | {rated} | {gap.symbol} {gap.words()} |")
    if comparison.shortfalls:
        lines += ["", "**To develop for the role:** " + "; ".join(f"{g.area.label} ({g.words()})" for g in comparison.shortfalls) + "."]
    if comparison.strengths:
        lines += ["", "**Strengths for the role:** " + "; ".join(f"{g.area.label} ({g.words()})" for g in comparison.strengths) + "."]
    if comparison.level_targets:
        levels = compare_finder(framework, derive(framework, finder), role) if finder is not None else None
        lines += ["", f"**Level targets** ({'from the level finder record “' + finder.label + '”' if finder else 'no level-finder record yet'}):", ""]
        if levels is not None:
            for found in levels.gaps:
                lines.append(f"- {found.area.heading}: {found.symbol} {found.words()}")
                lines.extend(f"  - next: {item}" for item in found.next_exemplars[:3])
        else:
            for area, level in comparison.level_targets:
                lines.append(f"- {area.heading}: expected {target_text(framework, level)}")
    if comparison.unplaced:
        kept = ", ".join(f"{a} ({t})" for a, t in comparison.unplaced.items())
        lines += ["", f"Targets the framework can no longer place (kept in the role): {kept}."]
    return f"Compared with role {role.name}", "\n".join(lines)
