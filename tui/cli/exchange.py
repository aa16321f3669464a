"""``framewheel export``, ``import`` and ``report``: exchange files and the 1:1 report without the interface.

Output goes to standard output, or atomically to ``-o FILE`` (a private file,
complete or not written at all). Problems go to standard error; the exit
status is 0 when all went well and 1 when something was wrong.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TextIO

from tui.storage import safefile
from tui.context import AppContext, ContextError
from tui.storage.database import StorageError, resolve_db_path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
"""Exit statuses, as in :mod:`tui.cli.main`."""


def add_commands(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add the export, import and report commands to the ``framewheel`` parser."""
    db_help = "the data file (default: $FRAMEWHEEL_DB, else framewheel.json in the user data folder)"
    export = commands.add_parser("export", help="write wheels, or all data, as JSON, CSV or Markdown")
    export.add_argument("--format", choices=("json", "csv", "md"), default="json", help="the file format (default json)")
    export.add_argument("--id", type=int, metavar="N", help="export only the wheel with this id (default: all data)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    importer = commands.add_parser("import", help="import exchange files (checked before anything is written)")
    importer.add_argument("files", metavar="FILE", nargs="+")
    report = commands.add_parser("report", help="the 1:1 report of one wheel, as Markdown")
    which = report.add_mutually_exclusive_group()
    which.add_argument("assessment_id", metavar="ASSESSMENT_ID", type=int, nargs="?", help="the wheel's id")
    which.add_argument("--latest", action="store_true", help="the most recently created wheel (the default)")
    report.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    for sub in (export, importer, report):
        sub.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=db_help)


def run_exchange(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Open the data and run one of the three commands."""
    if getattr(args, "demo", False):
        print(f"framewheel: --demo starts the interface on example data; '{args.command}' works on a data file "
              "(give --db PATH)", file=err)
        return EXIT_USAGE
    db_path = resolve_db_path(args.db, os.environ)
    if args.command != "import" and not db_path.exists():
        print(f"framewheel: there is no data file at {db_path}; nothing to {args.command} (check --db or $FRAMEWHEEL_DB)",
              file=err)
        return EXIT_PROBLEMS
    try:
        context = AppContext.open(db_path, args.framework)
    except (ContextError, StorageError) as error:
        print(f"framewheel: {error}", file=err)
        return EXIT_PROBLEMS
    for notice in context.notices:  # e.g. a damaged data file set aside: never silently
        print(f"framewheel: {notice}", file=err)
    try:
        command = {"export": run_export, "import": run_import, "report": run_report}[args.command]
        return command(context, args, out, err)
    except StorageError as error:
        print(f"framewheel: {error}", file=err)
        return EXIT_PROBLEMS
    finally:
        context.close()


def emit(text: str, output: str | None, out: TextIO, err: TextIO) -> int:
    """Print ``text`` or write it atomically to ``output``; say where it went."""
    if not output:
        out.write(text)
        return EXIT_OK
    path = Path(output).expanduser()
    if path.is_dir():
        print(f"framewheel: {output} is a folder; give a file name", file=err)
        return EXIT_PROBLEMS
    if path.is_symlink() or (path.exists() and not path.is_file()):
        print(f"framewheel: {output} is not a regular file (a link, device or pipe), so it was not replaced; "
              "give the path of a file", file=err)
        return EXIT_PROBLEMS
    if not path.parent.is_dir():
        print(f"framewheel: the folder {path.parent} does not exist, so {output} was not written", file=err)
        return EXIT_PROBLEMS
    try:
        safefile.atomic_write(path, text.encode("utf-8"))
    except OSError as error:
        print(f"framewheel: {output} could not be written: {error.strerror or error}", file=err)
        return EXIT_PROBLEMS
    print(f"Wrote {path}", file=err)
    return EXIT_OK


def run_export(context: AppContext, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``framewheel export``: one wheel (``--id``) or all data."""
    from tui.core.exchange import to_json
    from tui.core.exchange import wheels as exchange
    from tui.transfer import export_all, report_for

    if args.id is not None:
        wheel = context.assessments.get(args.id)
        if wheel is None:
            print(f"framewheel: there is no wheel with id {args.id} ({context.assessments.count()} wheel(s) saved)", file=err)
            return EXIT_PROBLEMS
        wheels = [wheel]
    else:
        wheels = list(reversed(context.assessments.list()))
    if args.format == "csv":
        return emit(exchange.to_csv(context.catalog, wheels), args.output, out, err)
    if args.format == "md":
        reports = []
        for wheel in wheels:
            try:
                reports.append(report_for(context, wheel))
            except LookupError as error:
                print(f"framewheel: wheel {wheel.id} left out: {error}", file=err)
        text = "\n---\n\n".join(reports) if reports else "No wheels saved yet.\n"
        return emit(text, args.output, out, err)
    document = exchange.assessment_document(wheels[0]) if args.id is not None else export_all(context)
    return emit(to_json(document), args.output, out, err)


def run_import(context: AppContext, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``framewheel import FILE...``: every file checked before anything is written."""
    from tui.transfer import import_files, section_nouns

    outcomes = import_files(context, list(args.files))
    for outcome in outcomes:
        for problem in outcome.problems:
            print(problem, file=err)
        for duplicate in outcome.duplicates:
            print(f"{duplicate}; not imported again", file=out)
        if not outcome.importable:
            print(f"{outcome.path}: not imported ({len(outcome.problems)} problem(s)); nothing from it was written", file=err)
        elif outcome.counts:
            nouns = section_nouns(context)
            counts = ", ".join(nouns[name].count(n) for name, n in outcome.counts.items())
            print(f"{outcome.path}: imported {counts}", file=out)
        elif not outcome.duplicates:
            print(f"{outcome.path}: nothing to import", file=out)
    bad = sum(1 for o in outcomes if not o.importable)
    if bad:
        print(f"{bad} of {len(outcomes)} file(s) had problems and were not imported", file=err)
        return EXIT_PROBLEMS
    return EXIT_OK


def run_report(context: AppContext, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``framewheel report [ASSESSMENT_ID | --latest] [-o FILE]``."""
    from tui.transfer import report_for

    if args.assessment_id is not None:
        wheel = context.assessments.get(args.assessment_id)
        if wheel is None:
            print(f"framewheel: there is no wheel with id {args.assessment_id}", file=err)
            return EXIT_PROBLEMS
    else:
        wheels = context.assessments.list()
        if not wheels:
            print("framewheel: no wheels saved yet, so there is nothing to report", file=err)
            return EXIT_PROBLEMS
        wheel = wheels[0]
    try:
        text = report_for(context, wheel)
    except LookupError as error:
        print(f"framewheel: {error}", file=err)
        return EXIT_PROBLEMS
    return emit(text, args.output, out, err)
