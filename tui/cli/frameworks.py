"""``framewheel frameworks list | show ID | validate FILE... | tailor ID --id NEW | diff ID``: frameworks without the interface.

``tailor`` writes an institution's own copy of a loaded framework into the user frameworks folder
(the base file's text, comments and layout kept; ``id``, ``title`` and ``based_on`` set), and
``diff`` shows what a tailored copy changed from its base.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path
from typing import TextIO

from tui.core.frameworks import (
    FrameworkCatalog,
    FrameworkError,
    load_catalog,
    load_framework,
    user_framework_dir,
    validate_files,
)
from tui.core.model import Framework
from tui.core.tailoring import (
    TailorError,
    based_on_text,
    default_title,
    diff_dict,
    diff_frameworks,
    diff_lines,
    diff_markdown,
    find_base,
    is_slug,
    tailored_text,
)
from tui.storage.safefile import ensure_private_dir, write_new_file, write_private


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``frameworks list | show ID | validate FILE...`` to the ``framewheel`` parser."""
    frameworks = commands.add_parser("frameworks", help="list, show or validate framework files")
    actions = frameworks.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="list the loaded frameworks and any skipped files")
    show = actions.add_parser("show", help="show one framework's structure")
    show.add_argument("framework", metavar="ID|FILE")
    validate = actions.add_parser("validate", help="check framework files without starting the interface")
    validate.add_argument("files", metavar="FILE", nargs="+")
    tailor = actions.add_parser("tailor", help="write an institution's own copy of a framework to edit by hand")
    tailor.add_argument("framework", metavar="ID", help="the loaded framework to copy")
    tailor.add_argument("--id", dest="new_id", metavar="NEW", required=True, help="the copy's id (a slug, e.g. ahep-ourcollege)")
    tailor.add_argument("--title", metavar="TITLE", help="the copy's title (default: the base's title with '(tailored)')")
    diff = actions.add_parser("diff", help="show what a tailored copy changed from the framework it is based on")
    diff.add_argument("framework", metavar="ID", help="the tailored framework")
    diff.add_argument("--format", choices=("text", "md", "json"), default="text", help="text (default), md or json")


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
    if args.action == "tailor":
        return tailor(catalog, args.framework, args.new_id, args.title, out, err)
    if args.action == "diff":
        return diff(catalog, args.framework, args.format, out, err)
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
        based = based_on_text(framework, catalog.frameworks)
        based = f" - {based}" if based else ""
        print(f"{framework.id:<{width}}  {framework.title} ({framework.version}) - {counts}{based} - {framework.path}", file=out)
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
    out.write(describe(framework, catalog.frameworks))
    return 0


def describe(framework: Framework, loaded: dict[str, Framework] | None = None) -> str:
    """A plain-text outline of a framework: header, values, levels, areas, scale and series."""
    lines = [f"{framework.title} ({framework.version})", f"  id: {framework.id}   file: {framework.path}"]
    if framework.based_on:
        lines.append(f"  {based_on_text(framework, loaded or {})}")
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


def _refuse(err: TextIO, message: str) -> int:
    """Print one ``framewheel: ...`` line on standard error; exit status 1."""
    print(f"framewheel: {message}", file=err)
    return 1


def tailor(catalog: FrameworkCatalog, base_id: str, new_id: str, title: str | None, out: TextIO, err: TextIO) -> int:
    """Write ``NEW.yaml`` in the user frameworks folder: a copy of ``base_id`` with ``based_on`` (see the module)."""
    base = catalog.get(base_id)
    if base is None:
        known = ", ".join(sorted(catalog.frameworks)) or "none"
        return _refuse(err, f"no framework with id '{base_id}'; loaded frameworks: {known}")
    if not is_slug(new_id):
        return _refuse(err, f"--id '{new_id}' is not a valid id; use lower-case letters, digits and single hyphens, "
                            "e.g. ahep-ourcollege")
    if new_id in catalog.frameworks:
        return _refuse(err, f"a framework with id '{new_id}' is already loaded ({catalog.frameworks[new_id].path}); "
                            "choose another --id")
    title = (title or "").strip() or default_title(base)
    folder = user_framework_dir()
    target = folder / f"{new_id}.yaml"
    if target.is_symlink():
        return _refuse(err, f"{target} is a symbolic link; nothing was written")
    if os.path.lexists(target):
        return _refuse(err, f"{target} already exists; nothing was written (choose another --id or move that file)")
    try:
        source = Path(base.path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return _refuse(err, f"cannot read {base.path}: {getattr(error, 'strerror', None) or error}")
    try:
        text = tailored_text(source, new_id, title, f"{base.id}@{base.version}")
    except TailorError as error:
        return _refuse(err, f"{base.path}: {error}")
    try:
        ensure_private_dir(folder)
        write_new_file(target, text.encode("utf-8"))
    except FileExistsError:
        return _refuse(err, f"{target} already exists; nothing was written (choose another --id or move that file)")
    except OSError as error:
        return _refuse(err, str(error) if error.strerror is None else f"cannot write {target}: {error.strerror}")
    try:
        copy = load_framework(target)
    except FrameworkError as error:
        target.unlink(missing_ok=True)
        print(error, file=err)
        return _refuse(err, f"the copy of '{base_id}' did not load, so it was not kept")
    print(f"Wrote {copy.title} ({copy.id}), based on {copy.based_on}, to {target}", file=out)
    print("Next: edit that file by hand (rename, add or remove areas, change exemplars), then run", file=out)
    print(f"  framewheel frameworks validate {target}", file=out)
    print(f"  framewheel frameworks diff {copy.id}", file=out)
    return 0


def diff(catalog: FrameworkCatalog, framework_id: str, form: str, out: TextIO, err: TextIO) -> int:
    """Print what the tailored framework changed from its base; exit 1 when there is no base to compare with."""
    framework = catalog.get(framework_id)
    if framework is None:
        known = ", ".join(sorted(catalog.frameworks)) or "none"
        return _refuse(err, f"no framework with id '{framework_id}'; loaded frameworks: {known}")
    found = find_base(framework, catalog.frameworks)
    if found.base is None:
        return _refuse(err, found.warning)
    if found.warning:
        print(f"framewheel: warning: {found.warning}", file=err)
    changes = diff_frameworks(found.base, framework)
    if form == "json":
        out.write(json.dumps(diff_dict(changes), ensure_ascii=False, indent=2) + "\n")
    elif form == "md":
        out.write(diff_markdown(changes))
    else:
        out.write("\n".join(diff_lines(changes)) + "\n")
    return 0
