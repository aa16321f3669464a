"""``framewheel import [--plan NAME] FILE...``: exchange files checked in full, then stored (``import`` is a Python keyword).

With ``--plan NAME`` the one file is an action plan's CSV that updates the stored plan of that
name: the changes are printed, then written (``--dry-run``: only printed).
"""

from __future__ import annotations

import argparse
from typing import TextIO

from tui.cli.data import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_db_option, run_data_command
from tui.context import AppContext

def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``import`` to the ``framewheel`` parser."""
    importer = commands.add_parser("import", help="import exchange files (checked before anything is written)")
    importer.add_argument("files", metavar="FILE", nargs="+")
    add_db_option(importer)
    plans = importer.add_argument_group("updating an action plan from its CSV")
    plans.add_argument("--plan", metavar="NAME", help="update the stored action plan with this project name from one CSV "
                       "file (rows matched by section and milestone); the changes are printed, then written")
    plans.add_argument("--dry-run", action="store_true", help="with --plan: print the changes, write nothing")
    plans.add_argument("--clear-empty", action="store_true", help="with --plan: an empty cell clears the rating, "
                       "comment, owner or focus (by default it keeps what the plan has)")
    plans.add_argument("--remove", action="store_true", help="with --plan: remove the plan's items the file does not "
                       "have (by default they are listed and kept)")


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framewheel import`` on the chosen data file."""
    return run_data_command(run_import, args, out, err)


def run_import(context: AppContext, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``framewheel import FILE...``: every file checked before anything is written."""
    from tui.transfer import import_files, section_nouns

    if getattr(args, "plan", None) is not None:
        return run_plan_update(context, args, out, err)
    if args.dry_run or args.clear_empty or args.remove:
        print("framewheel import: --dry-run, --clear-empty and --remove go with --plan NAME", file=err)
        return EXIT_USAGE

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


def run_plan_update(context: AppContext, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``framewheel import --plan NAME FILE``: the changes listed, then written (unless ``--dry-run`` or none)."""
    from tui.plan_import import update_plan

    if len(args.files) != 1:
        print(f"framewheel import: --plan updates one plan from one CSV file; {len(args.files)} files were given", file=err)
        return EXIT_USAGE
    path = args.files[0]
    outcome = update_plan(context, path, args.plan, clear_empty=args.clear_empty, remove=args.remove, dry_run=args.dry_run)
    if outcome.problems:
        for problem in outcome.problems:
            print(problem, file=err)
        print(f"{path}: not imported ({len(outcome.problems)} problem(s)); nothing was written", file=err)
        return EXIT_PROBLEMS
    if outcome.changes is None or outcome.plan is None:
        print(f"{path}: not imported: {outcome.refusal}", file=err)
        return EXIT_PROBLEMS
    changes, project = outcome.changes, outcome.plan.project
    if not changes.any:
        from tui.core.plan_update import no_change_text

        print(f"{path}: {no_change_text(path, changes, project)}", file=out)
        for line in changes.lines():
            print(f"  {line}", file=out)
        return EXIT_OK
    print(f"{path}: the plan '{project}': {changes.summary()}", file=out)
    for line in changes.lines():
        print(f"  {line}", file=out)
    if outcome.written:
        print(f"{path}: updated the plan '{project}'", file=out)
    else:
        print(f"{path}: dry run, nothing was written (run again without --dry-run to update '{project}')", file=out)
    return EXIT_OK
