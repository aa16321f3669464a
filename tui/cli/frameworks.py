"""``framewheel frameworks list | show ID | validate FILE...``: frameworks without the interface."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from tui.core.frameworks import FrameworkCatalog, FrameworkError, load_catalog, load_framework, validate_files
from tui.core.model import Framework
from tui.storage.safefile import write_private


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``frameworks list | show ID | validate FILE...`` to the ``framewheel`` parser."""
    frameworks = commands.add_parser("frameworks", help="list, show or validate framework files")
    actions = frameworks.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="list the loaded frameworks and any skipped files")
    show = actions.add_parser("show", help="show one framework's structure")
    show.add_argument("framework", metavar="ID|FILE")
    validate = actions.add_parser("validate", help="check framework files without starting the interface")
    validate.add_argument("files", metavar="FILE", nargs="+")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framewheel frameworks``."""
    return run_frameworks(args, out, err)


def run_frameworks(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run one ``frameworks`` action; 0 on success, 1 when something is invalid or missing."""
    if args.action == "validate":
        return validate(args.files, out, err)
    catalog = load_catalog(write_cache=write_private)
    if args.action == "list":
        return list_frameworks(catalog, out, err)
    return show(catalog, args.framework, out, err)


def validate(files: list[str], out: TextIO, err: TextIO) -> int:
    """Check each file; print every problem as FILE:LINE:COLUMN: message."""
    problems = validate_files(files)
    for problem in problems:
        print(problem, file=err)
    bad = {problem.path for problem in problems}
    for name in files:
        if name not in bad:
            print(f"{name}: valid", file=out)
    if problems:
        print(f"{len(problems)} problem(s) in {len(bad)} of {len(files)} file(s)", file=err)
        return 1
    return 0


def list_frameworks(catalog: FrameworkCatalog, out: TextIO, err: TextIO) -> int:
    """One line per loaded framework; skipped files are reported on standard error."""
    width = max((len(f.id) for f in catalog.frameworks.values()), default=2)
    for framework in catalog.ordered():
        counts = f"{len(framework.areas)} {framework.area_plural}, {len(framework.levels)} levels"
        print(f"{framework.id:<{width}}  {framework.title} ({framework.version}) - {counts} - {framework.path}", file=out)
    for problem in catalog.problems:
        print(f"skipped: {problem}", file=err)
    return 0


def show(catalog: FrameworkCatalog, wanted: str, out: TextIO, err: TextIO) -> int:
    """Print the structure of one framework, named by id or by file."""
    framework = catalog.get(wanted)
    if framework is None and Path(wanted).is_file():
        try:
            framework = load_framework(wanted)
        except FrameworkError as error:
            print(error, file=err)
            return 1
    if framework is None:
        known = ", ".join(sorted(catalog.frameworks)) or "none"
        print(f"framewheel: no framework with id '{wanted}'; loaded frameworks: {known}", file=err)
        return 1
    out.write(describe(framework))
    return 0


def describe(framework: Framework) -> str:
    """A plain-text outline of a framework: header, values, levels, areas, scale and series."""
    lines = [f"{framework.title} ({framework.version})", f"  id: {framework.id}   file: {framework.path}"]
    if framework.publisher:
        lines.append(f"  publisher: {framework.publisher}")
    if framework.source:
        lines.append(f"  source: {framework.source}")
    if framework.values:
        lines.append(f"Values: {', '.join(value.title for value in framework.values)}")
    if framework.levels:
        lines.append(f"Levels: {', '.join(level.title for level in framework.levels)}")
    lines.append(f"{framework.area_words} ({len(framework.areas)}):")
    for area in framework.areas:
        extra = f" - encompassing {area.encompasses}" if area.encompasses else ""
        count = sum(len(items) for items in area.exemplars.values())
        exemplars = f", {count} exemplars" if count else ""
        lines.append(f"  {area.code or '-':>3}  {area.title} [{area.label}]{extra}{exemplars}")
    scale = framework.scale
    labels = ", ".join(f"{key} = {text}" for key, text in sorted(scale.labels.items()))
    lines.append(f"Scale: {scale.min} to {scale.max}" + (f" ({labels})" if labels else ""))
    lines.append("Series: " + "; ".join(
        f"{letter} {series.id} ({series.title}{', baseline' if series.id == framework.baseline.id else ''})"
        for letter, series in zip(framework.series_letters, framework.series)))
    if framework.reflection:
        lines.append(f"Reflection questions: {len(framework.reflection)}")
    if framework.roles:
        lines.append("Roles: " + ", ".join(role.title for role in framework.roles))
    return "\n".join(lines) + "\n"
