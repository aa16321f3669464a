"""``framewheel roles [--db PATH] [--framework ID|FILE] list | compare ROLE ...``: role profiles without the interface.

``roles list`` lists every role of the framework: the framework file's own (``roles:``) and those
made in the app, each with its key (the file's role id, or ``saved:N``), name, where it comes
from and its targets. ``roles compare ROLE [ASSESSMENT_ID | --latest] [--series ID]`` sets a wheel
(default: the latest of the framework) against a role named by key or by name: "met n of m", the
gap per area (shortfalls first, by how far), the strengths for the role, the level targets against
the latest level-finder record, the targets the framework can no longer place, and the three
closest roles. Both write Markdown (``--format md``, the default) or JSON (``--format json``) to
standard output, or atomically to ``-o FILE``.

The JSON forms are stable (keys are always present; ``null`` where a part does not apply)::

    {"format": "framewheel/role-list@1", "framework": {"id": "ahep", "version": "2024"},
     "roles": [{"key": "saved:1", "name": "Team leader", "source": "made in framewheel",
                "from_framework": false, "example": false,
                "targets": {"working-together": 8, "professional-development": "member"},
                "unplaced": {}}]}

    {"format": "framewheel/role-comparison@1", "framework": {"id": "ahep", "version": "2024"},
     "role": {"key": "saved:1", "name": "Team leader", "source": "made in framewheel", "targets": {...}},
     "wheel": {"id": 3, "label": "Before my 1:1", "created": "2026-11-22T10:15:00+00:00"},
     "series": {"id": "current", "letter": "N", "title": "How confident I feel now"},
     "met": 0, "total": 1, "headline": "met 0 of 1 (and 0 of 1 level target, from the level finder)",
     "gaps": [{"area": "working-together", "title": "Working Together", "status": "short",
               "target": 8, "rated": 5, "gap": 3, "words": "3 below (5 of 8)"}],
     "strengths": [],
     "level_targets": {"record": {"id": 1, "label": "...", "created": "..."}, "met": 0, "total": 1,
                       "areas": [{"area": "professional-development", "expected": "member",
                                  "derived": "associate", "status": "short", "levels_short": 1,
                                  "next_level": "member", "next_exemplars": ["..."]}]},
     "unplaced": {"gone-area": 7},
     "closest": [{"key": "saved:1", "name": "Team leader", "closeness": 0.625, "percent": 62,
                  "met": 0, "total": 1, "words": "62% of the way: met 0 of 1, 3 points short"}]}

``met`` and ``total`` count the scale targets (the wheel); ``strengths`` are the ids of the areas
rated above their target. A gap's ``status`` is ``short``, ``unrated``, ``met`` or ``above``
(``rated`` is ``null`` when not rated); a level target's is ``short``, ``met`` or ``above``, or
``no record`` when there is no level-finder record yet (then ``record``, ``met``, ``derived`` and
``levels_short`` are ``null``). ``level_targets`` is ``null`` when the role has no level target;
``closeness`` is 1.0 when every scale target is met, rounded to 4 places.
"""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from typing import Any, TextIO

from tui.cli.data import DB_HELP, EXIT_PROBLEMS, emit, run_data_command
from tui.context import AppContext
from tui.core.exchange import to_json
from tui.core.finder import FinderRecord, derive
from tui.core.model import Framework
from tui.core.reports.markdown import wrap_markdown
from tui.core.roles import (FinderComparison, RoleError, RoleFit, RoleProfile, WheelComparison,
                            chosen_series, closest_roles, compare_finder, compare_wheel, target_text, unplaced_targets)
from tui.core.wheels import Assessment
from tui.storage.paths import resolve_db_path

LIST_FORMAT = "framewheel/role-list@1"
"""The ``format`` of ``roles list --format json``."""

COMPARISON_FORMAT = "framewheel/role-comparison@1"
"""The ``format`` of ``roles compare --format json``."""

CLOSEST_COUNT = 3
"""How many of the closest roles ``compare`` lists."""


def _add_common(parser: argparse.ArgumentParser) -> None:
    """``--db`` and ``--framework`` at any level of the command (``roles --db X list`` and ``roles list --db X``)."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)
    parser.add_argument("--framework", metavar="ID|FILE", default=argparse.SUPPRESS,
                        help="the framework whose roles to use (an id or a framework file; default: the one chosen last)")


def _add_output(parser: argparse.ArgumentParser) -> None:
    """``--format md|json`` and ``-o FILE``."""
    parser.add_argument("--format", choices=("md", "json"), default="md", help="the output format (default md)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``roles list | compare`` to the ``framewheel`` parser."""
    roles = commands.add_parser("roles", help="list the framework's role profiles, or compare a wheel with one")
    _add_common(roles)
    actions = roles.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every role of the framework: the file's own and those made in the app")
    _add_output(listing)
    _add_common(listing)
    compare = actions.add_parser("compare", help="a wheel against a role: the gap per area, met n of m, the closest roles")
    compare.add_argument("role", metavar="ROLE", help="the role's key (as roles list shows it) or its name")
    which = compare.add_mutually_exclusive_group()
    which.add_argument("assessment_id", metavar="ASSESSMENT_ID", type=int, nargs="?", help="the wheel's id")
    which.add_argument("--latest", action="store_true", help="the framework's most recently created wheel (the default)")
    compare.add_argument("--series", metavar="ID", help="the series to compare, by id or letter (default: the first, now)")
    _add_output(compare)
    _add_common(compare)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framewheel roles`` on the chosen data file (which must exist: nothing is made to list from)."""
    if not getattr(args, "demo", False):
        db_path = resolve_db_path(args.db, os.environ)
        if not db_path.exists():
            print(f"framewheel: there is no data file at {db_path}, so no roles or wheels to {args.action} "
                  "(check --db or $FRAMEWHEEL_DB)", file=err)
            return EXIT_PROBLEMS
    return run_data_command(run_roles, args, out, err)


def run_roles(context: AppContext, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``roles list`` or ``roles compare`` on an open data file."""
    framework = context.framework
    if args.action == "list":
        roles = context.roles.roles_for(framework)
        text = to_json(list_document(framework, roles)) if args.format == "json" else list_markdown(framework, roles)
        return emit(text, args.output, out, err, human=args.format == "md")
    return run_compare(context, framework, args, out, err)


# --- roles list ---------------------------------------------------------------------------------


def _one_line(text: str) -> str:
    """Text on one line (a name with a line break from a file would end a heading or a list item)."""
    return " ".join(text.split())


def _cell(text: str) -> str:
    """Text safe in one Markdown table cell (``|`` escaped, on one line)."""
    return _one_line(text).replace("|", "\\|")


def targets_words(framework: Framework, role: RoleProfile) -> str:
    """``Prof. development Member, Working together 8``; a target the framework cannot place as ``id 7 (cannot be placed)``."""
    unplaced = unplaced_targets(framework, role)
    parts = []
    for area_id, target in role.targets.items():
        area = framework.area(area_id)
        if area_id in unplaced or area is None:
            parts.append(f"{area_id} {target} (cannot be placed)")
        else:
            parts.append(f"{area.label} {target_text(framework, target)}")
    return ", ".join(parts)


def list_markdown(framework: Framework, roles: list[RoleProfile]) -> str:
    """Every role of the framework as a Markdown table: key, name, where it comes from, targets."""
    lines = [f"# Roles of {framework.title} ({framework.version})", ""]
    if not roles:
        lines += ["No roles yet: the framework file defines none and none was made in framewheel.",
                  "Make one in the app (`o` on the home screen), or import a role file (`framewheel import FILE`)."]
        return "\n".join(lines) + "\n"
    lines += ["| Key | Role | From | Targets |", "|---|---|---|---|"]
    for role in roles:
        lines.append(f"| {_cell(role.key)} | {_cell(role.name)} | {role.source} | {_cell(targets_words(framework, role))} |")
    count = len(roles)
    lines += ["", f"{count} role{'s' if count != 1 else ''}. Compare a wheel with one: "
                  "`framewheel roles compare KEY` (or the role's name)."]
    return "\n".join(lines) + "\n"


def _framework_reference(framework: Framework) -> dict[str, str]:
    """``{"id": ..., "version": ...}``."""
    return {"id": framework.id, "version": framework.version}


def role_entry(framework: Framework, role: RoleProfile) -> dict[str, Any]:
    """One role in the JSON list."""
    return {"key": role.key, "name": role.name, "source": role.source, "from_framework": role.from_framework,
            "example": role.example, "targets": dict(role.targets), "unplaced": unplaced_targets(framework, role)}


def list_document(framework: Framework, roles: list[RoleProfile]) -> dict[str, Any]:
    """The ``framewheel/role-list@1`` document (see the module's docstring)."""
    return {"format": LIST_FORMAT, "framework": _framework_reference(framework),
            "roles": [role_entry(framework, role) for role in roles]}


# --- roles compare ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Compared:
    """Everything ``roles compare`` shows: the wheel's comparison, the level finder's, the closest roles."""

    wheel: Assessment
    comparison: WheelComparison
    finder: FinderRecord | None
    levels: FinderComparison | None
    """The level targets against the latest level-finder record (None: no level target, or no record)."""
    closest: list[RoleFit]


def _series_id(framework: Framework, wanted: str | None) -> str | None:
    """The series asked for by id or by letter (any case); as given when neither, so the core names it."""
    if not wanted:
        return None
    if wanted in framework.series_ids:
        return wanted
    by_letter = {letter.upper(): sid for letter, sid in zip(framework.series_letters, framework.series_ids)}
    return by_letter.get(wanted.upper(), wanted)


def ambiguous(wanted: str, matches: list[RoleProfile]) -> str:
    """The refusal of a name that several roles have: their keys, to give instead."""
    keys = ", ".join(f"{r.key} ({r.source})" for r in matches)
    return f"'{wanted}' is the name of {len(matches)} roles: {keys}; give the key of the one you mean"


def _role_problem(context: AppContext, framework: Framework, wanted: str) -> str:
    """Why no role is called ``wanted``: the roles there are, and another framework that has it."""
    roles = context.roles.roles_for(framework)
    known = ", ".join(f"{r.key} ({r.name})" for r in roles) if roles else "none yet"
    text = f"no role '{wanted}' in {framework.title}; its roles: {known}"
    elsewhere = next((fw for fw in context.catalog.ordered()
                      if fw.id != framework.id and context.roles.find(fw, wanted) is not None), None)
    if elsewhere is not None:
        text += f"; {elsewhere.title} has a role '{wanted}': give --framework {elsewhere.id}"
    return text


def _wheel(context: AppContext, framework: Framework, args: argparse.Namespace, role: RoleProfile) -> Assessment | str:
    """The wheel to compare (the one asked for, else the framework's latest), or why there is none."""
    if args.assessment_id is None:
        latest = context.assessments.latest(framework.id)
        if latest is None:
            return f"no wheel of {framework.title} saved yet, so there is nothing to compare with the role '{role.name}'"
        return latest
    wheel = context.assessments.get(args.assessment_id)
    if wheel is None:
        return f"there is no wheel with id {args.assessment_id} ({context.assessments.count()} wheel(s) saved)"
    if wheel.framework_id != framework.id:
        return (f"wheel {wheel.id} is a wheel of '{wheel.framework_id}', but the role '{role.name}' is of "
                f"'{framework.id}': a wheel is compared with the roles of its own framework "
                f"(give --framework {wheel.framework_id} to use that framework's roles)")
    return wheel


def compare(context: AppContext, framework: Framework, role: RoleProfile, wheel: Assessment,
            series_id: str | None) -> Compared:
    """The wheel against the role, the level targets against the latest level-finder record, the closest roles.

    Raises RoleError for a series the framework lacks.
    """
    series = chosen_series(framework, series_id)
    comparison = compare_wheel(framework, wheel, role, series)
    record = context.finder.latest(framework.id) if comparison.level_targets else None
    levels = compare_finder(framework, derive(framework, record), role) if record is not None else None
    closest = closest_roles(framework, wheel, context.roles.roles_for(framework), series, CLOSEST_COUNT)
    return Compared(wheel, comparison, record, levels, closest)


def run_compare(context: AppContext, framework: Framework, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``roles compare ROLE [ASSESSMENT_ID | --latest] [--series ID] [--format md|json] [-o FILE]``."""
    matches = context.roles.matching(framework, args.role)
    if len(matches) > 1:
        print(f"framewheel: {ambiguous(args.role, matches)}", file=err)
        return EXIT_PROBLEMS
    role = matches[0] if matches else None
    if role is None:
        print(f"framewheel: {_role_problem(context, framework, args.role)}", file=err)
        return EXIT_PROBLEMS
    wheel = _wheel(context, framework, args, role)
    if isinstance(wheel, str):
        print(f"framewheel: {wheel}", file=err)
        return EXIT_PROBLEMS
    try:
        found = compare(context, framework, role, wheel, _series_id(framework, args.series))
    except RoleError as error:
        print(f"framewheel: {error}", file=err)
        return EXIT_PROBLEMS
    if args.format == "json":
        return emit(to_json(comparison_document(framework, found)), args.output, out, err)
    return emit(comparison_markdown(framework, found), args.output, out, err, human=True)


def headline(found: Compared) -> str:
    """``met 5 of 8``; with level targets, how many of them the level finder's latest record meets.

    A role whose targets are all levels is headed by the level finder's count alone.
    """
    comparison, levels = found.comparison, found.levels
    if not comparison.level_targets:
        return comparison.headline
    if levels is None:
        if not comparison.total:
            count = len(comparison.level_targets)
            return f"{count} level target{'s' if count != 1 else ''}: no level-finder record to compare with yet"
        return comparison.headline
    level_part = f"{levels.met} of {levels.total} level target{'s' if levels.total != 1 else ''}"
    if not comparison.total:
        return f"met {level_part} (from the level finder)"
    return f"met {comparison.met} of {comparison.total} (and {level_part}, from the level finder)"


def comparison_markdown(framework: Framework, found: Compared) -> str:
    """The comparison in Markdown: headline, gap table, strengths, level targets, unplaced targets, closest roles."""
    comparison, wheel, role = found.comparison, found.wheel, found.comparison.role
    letter = framework.series_letter(comparison.series_id)
    name, label = _one_line(role.name), _one_line(wheel.label)
    lines = [f"# Compared with role {name}", "",
             f"Role **{name}** (`{role.key}`, {role.source}) against wheel {wheel.id} “{label}” "
             f"of {wheel.created[:10]}, series {letter} “{comparison.series_title}”.", "",
             f"**{headline(found)}**", "", f"## Gap per {framework.area_name}", ""]
    if comparison.gaps:
        lines += [f"|   | {framework.area_word} | Target | Rated | Gap |", "|---|---|---|---|---|"]
        for gap in comparison.gaps:
            rated = str(gap.actual) if gap.actual is not None else "not rated"
            lines.append(f"| {gap.symbol} | {_cell(gap.area.heading)} | {gap.target} | {rated} | {gap.words()} |")
        lines += ["", "▼ below the target, · not rated, ✓ met, ▲ above."]
    else:
        lines.append("The role has no target on the scale: its targets are levels (below).")
    if comparison.gaps:
        lines += ["", "## Strengths for the role", ""]
        if comparison.strengths:
            lines += [f"- {g.area.heading}: {g.words()}" for g in comparison.strengths]
        else:
            lines.append(f"None: no {framework.area_name} is rated above the role's target.")
    if comparison.level_targets:
        lines += ["", "## Level targets", ""]
        lines += _level_lines(framework, found)
    if comparison.unplaced:
        kept = ", ".join(f"{a} ({t})" for a, t in comparison.unplaced.items())
        lines += ["", "## Targets the framework can no longer place", "",
                  f"Kept in the role, not compared: {kept}."]
    lines += ["", "## Closest roles", ""]
    if found.closest:
        lines += [f"{n}. {_one_line(fit.role.name)} (`{fit.role.key}`): {fit.words()}"
                  for n, fit in enumerate(found.closest, 1)]
    else:
        lines.append("No role has a target on the scale to compare the wheel with.")
    return wrap_markdown("\n".join(lines) + "\n")


def _level_lines(framework: Framework, found: Compared) -> list[str]:
    """The level targets against the latest level-finder record, or what is expected when there is none."""
    if found.levels is None or found.finder is None:
        lines = [f"No level-finder record of {framework.title} yet (`f` in the app), so the levels are not compared. "
                 "The role expects:", ""]
        return lines + [f"- {area.heading}: {target_text(framework, level)}"
                        for area, level in found.comparison.level_targets]
    record, levels = found.finder, found.levels
    lines = [f"From the level-finder record “{_one_line(record.label)}” of {record.created[:10]}: "
             f"**met {levels.met} of {levels.total}**.", ""]
    for gap in levels.gaps:
        lines.append(f"- {gap.symbol} {gap.area.heading}: {gap.words()}")
        lines.extend(f"  - next: {item}" for item in gap.next_exemplars[:3])
    return lines


def comparison_document(framework: Framework, found: Compared) -> dict[str, Any]:
    """The ``framewheel/role-comparison@1`` document (see the module's docstring)."""
    comparison, wheel, role = found.comparison, found.wheel, found.comparison.role
    gaps = [{"area": g.area.id, "title": g.area.title, "status": g.status, "target": g.target, "rated": g.actual,
             "gap": g.gap, "words": g.words()} for g in comparison.gaps]
    levels: dict[str, Any] | None = None
    if comparison.level_targets:
        if found.levels is not None and found.finder is not None:
            record = found.finder
            levels = {"record": {"id": record.id, "label": record.label, "created": record.created},
                      "met": found.levels.met, "total": found.levels.total,
                      "areas": [{"area": g.area.id, "expected": g.expected.id,
                                 "derived": g.derived.id if g.derived else None, "status": g.status,
                                 "levels_short": g.levels_short, "next_level": g.next_level.id if g.next_level else None,
                                 "next_exemplars": list(g.next_exemplars)} for g in found.levels.gaps]}
        else:
            levels = {"record": None, "met": None, "total": len(comparison.level_targets),
                      "areas": [{"area": area.id, "expected": level, "derived": None, "status": "no record",
                                 "levels_short": None, "next_level": None, "next_exemplars": []}
                                for area, level in comparison.level_targets]}
    return {
        "format": COMPARISON_FORMAT, "framework": _framework_reference(framework),
        "role": {"key": role.key, "name": role.name, "source": role.source,
                 "targets": dict(role.targets)},
        "wheel": {"id": wheel.id, "label": wheel.label, "created": wheel.created},
        "series": {"id": comparison.series_id, "letter": framework.series_letter(comparison.series_id),
                   "title": comparison.series_title},
        "met": comparison.met, "total": comparison.total, "headline": headline(found),
        "gaps": gaps, "strengths": [g.area.id for g in comparison.strengths], "level_targets": levels,
        "unplaced": dict(comparison.unplaced),
        "closest": [{"key": fit.role.key, "name": fit.role.name, "closeness": round(fit.closeness, 4),
                     "percent": fit.percent, "met": fit.comparison.met, "total": fit.comparison.total,
                     "words": fit.words()} for fit in found.closest],
    }
