"""``framewheel export [--format json|csv|md] [--id N] [-o FILE]``: wheels, or all data, without the interface."""

from __future__ import annotations

import argparse
from typing import TextIO

from tui.cli.data import EXIT_PROBLEMS, add_db_option, emit, run_data_command
from tui.context import AppContext



def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``export`` to the ``framewheel`` parser."""
    export = commands.add_parser("export", help="write wheels, or all data, as JSON, CSV or Markdown")
    export.add_argument("--format", choices=("json", "csv", "md"), default="json", help="the file format (default json)")
    export.add_argument("--id", type=int, metavar="N", help="export only the wheel with this id (default: all data)")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    add_db_option(export)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framewheel export`` on the chosen data file."""
    return run_data_command(run_export, args, out, err)


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
        if wheels and not reports:
            print(f"framewheel: none of the {len(wheels)} wheel(s) could be reported; nothing was written", file=err)
            return EXIT_PROBLEMS
        text = "\n---\n\n".join(reports) if reports else "No wheels saved yet.\n"
        return emit(text, args.output, out, err)
    document = exchange.assessment_document(wheels[0]) if args.id is not None else export_all(context)
    return emit(to_json(document), args.output, out, err)
