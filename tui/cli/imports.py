"""``framewheel import FILE...``: exchange files checked in full, then stored (``import`` is a Python keyword)."""

from __future__ import annotations

import argparse
from typing import TextIO

from tui.cli.data import EXIT_OK, EXIT_PROBLEMS, add_db_option, run_data_command
from tui.context import AppContext



def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import`` to the ``framewheel`` parser."""
    importer = commands.add_parser("import", help="import exchange files (checked before anything is written)")
    importer.add_argument("files", metavar="FILE", nargs="+")
    add_db_option(importer)


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framewheel import`` on the chosen data file."""
    return run_data_command(run_import, args, out, err)


def run_import(context: AppContext, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``framewheel import FILE...``: every file checked before anything is written."""
    from tui.transfer import import_files, section_nouns

    outcomes = import_files(context, list(args.files))
    for outcome in outcomes:
        for problem in outcome.problems:
            print(problem, file=err)
        for duplicate in outcome.duplicates:
            print(f"{duplicate}; not imported again", file=out)
        for notice in outcome.notices:
            print(notice, file=out)
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
