"""``framewheel report [ASSESSMENT_ID | --latest] [--format md|html] [-o FILE]``: the 1:1 report of one wheel."""

from __future__ import annotations

import argparse
from typing import TextIO

from tui.cli.data import EXIT_PROBLEMS, add_db_option, emit, run_data_command
from tui.context import AppContext



def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``report`` to the ``framewheel`` parser."""
    report = commands.add_parser("report", help="the 1:1 report of one wheel, as Markdown or one HTML file")
    which = report.add_mutually_exclusive_group()
    which.add_argument("assessment_id", metavar="ASSESSMENT_ID", type=int, nargs="?", help="the wheel's id")
    which.add_argument("--latest", action="store_true", help="the most recently created wheel (the default)")
    report.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    report.add_argument("--format", choices=("md", "html"), default="md", dest="report_format",
                        help="md: Markdown (the default); html: one self-contained file with the wheel drawn, to print")
    report.add_argument("--name", help="the name in the header (default: the one remembered in the app)")
    report.add_argument("--role", help="the role in the header (default: remembered, else the role chosen for the wheel)")
    report.add_argument("--meeting-date", metavar="YYYY-MM-DD", help="the 1:1's date in the header (default: remembered)")
    add_db_option(report)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framewheel report`` on the chosen data file."""
    return run_data_command(run_report, args, out, err)


def run_report(context: AppContext, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``framewheel report [ASSESSMENT_ID | --latest] [--format md|html] [--name/--role/--meeting-date] [-o FILE]``."""
    from tui.core.reports.one_to_one import ReportHeader, meeting_date_problem
    from tui.transfer import report_for

    if args.assessment_id is not None:
        wheel = context.assessments.get(args.assessment_id)
        if wheel is None:
            print(f"framewheel: there is no wheel with id {args.assessment_id}", file=err)
            return EXIT_PROBLEMS
    else:
        latest = context.assessments.latest()
        if latest is None:
            print("framewheel: no wheels saved yet, so there is nothing to report", file=err)
            return EXIT_PROBLEMS
        wheel = latest
    if args.meeting_date and (problem := meeting_date_problem(args.meeting_date)):
        print(f"framewheel: --meeting-date: {problem}", file=err)
        return EXIT_PROBLEMS
    remembered = context.report_header() or ReportHeader()
    header = ReportHeader(remembered.name if args.name is None else args.name,
                          remembered.role if args.role is None else args.role,
                          remembered.meeting_date if args.meeting_date is None else args.meeting_date)
    try:
        text = report_for(context, wheel, report_format=args.report_format, header=header)
    except LookupError as error:
        print(f"framewheel: {error}", file=err)
        return EXIT_PROBLEMS
    return emit(text, args.output, out, err, human=True)
