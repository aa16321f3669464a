"""``framewheel coverage``: the institution's development activities mapped to the framework's areas and levels.

Prints the coverage view (Markdown by default: what a lead pastes into a submission; CSV or
JSON for a spreadsheet or a script), filtered by a date range and a provider; ``--catalogue``
prints the catalogue itself and ``--values`` the value mapping, in the forms ``import`` reads back.
"""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from tui.cli.data import DB_HELP, EXIT_OK, EXIT_USAGE, emit, run_data_command
from tui.context import AppContext


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``coverage`` to the ``framewheel`` parser."""
    parser = commands.add_parser("coverage", help="the institution's development activities mapped to the framework")
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)
    parser.add_argument("--framework", metavar="ID|FILE", default=argparse.SUPPRESS,
                        help="the framework to map to (an id or a framework file; default: the one chosen last)")
    parser.add_argument("--format", choices=("md", "csv", "json"), default="md", help="the output format (default md)")
    parser.add_argument("--from", dest="since", metavar="DATE", default="",
                        help="count activities dated on or after DATE (YYYY-MM-DD); ongoing ones always count")
    parser.add_argument("--to", dest="until", metavar="DATE", default="",
                        help="count activities dated on or before DATE (YYYY-MM-DD)")
    parser.add_argument("--provider", metavar="NAME", default="", help="count only this provider's activities")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--catalogue", action="store_true",
                       help="print the catalogue of activities instead (md, or csv as import reads it)")
    which.add_argument("--values", action="store_true",
                       help="print the institution's values mapping instead (csv as import reads it, or md)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framewheel coverage`` on the chosen data file."""
    return run_data_command(run_coverage, args, out, err)


def run_coverage(context: AppContext, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Print the coverage (or the catalogue, or the values) of the chosen framework."""
    from tui.core.exchange.institution import catalogue_to_csv, values_to_csv
    from tui.core.institution import CoverageFilter, InstitutionError, coverage
    from tui.core.reports.coverage import catalogue_to_markdown, coverage_csv, coverage_json, coverage_markdown, values_markdown

    framework = context.framework
    activities = context.catalogue.activities(framework.id)
    values = context.institution_values.values(framework.id)
    if args.catalogue or args.values:
        if args.format == "json":
            print("framewheel: the catalogue and the values are written as md or csv; the all-data export "
                  "(framewheel export) carries them as JSON", file=err)
            return EXIT_USAGE
        if args.catalogue:
            text = catalogue_to_csv(activities) if args.format == "csv" else catalogue_to_markdown(framework, activities)
        else:
            text = values_to_csv(values) if args.format == "csv" else values_markdown(framework, values)
        return emit(text, args.output, out, err, human=args.format == "md")
    try:
        chosen = CoverageFilter.checked(args.since, args.until, args.provider)
    except InstitutionError as error:
        print(f"framewheel: --{error}", file=err)
        return EXIT_USAGE
    found = coverage(framework, activities, chosen)
    if args.format == "json":
        text = json.dumps(coverage_json(found, values), ensure_ascii=False, indent=2) + "\n"
    elif args.format == "csv":
        text = coverage_csv(found)
    else:
        text = coverage_markdown(found, values)
    status = emit(text, args.output, out, err, human=args.format == "md")
    if status == EXIT_OK and not activities:
        print(f"framewheel: the catalogue has no activities for {framework.id} yet; add them in the app (i on the "
              "home screen) or import a CSV with the columns activity,area,level,date,provider,link", file=err)
    return status
