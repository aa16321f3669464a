"""``framewheel team [--format md|csv|json] [--min-group N] [--framework ID] [-o FILE] FILE|FOLDER...``.

Combines share files and wheel exchange files into a team profile (see :mod:`tui.core.team`),
and ranking share files (``framewheel/ranking@1``) into its team ranking (:mod:`tui.core.team_ranking`).
It needs no data file, only the frameworks. Problems go to standard error, the profile to
standard output or, with ``-o``, to a private file written atomically. Exit status 0 when a
profile was made, 1 when no file could be used.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from tui.cli.data import EXIT_OK, EXIT_PROBLEMS, emit
from tui.core import team
from tui.core.frameworks import load_catalog
from tui.storage import share_files
from tui.storage.safefile import write_private

PROGRESS_FROM = 50
"""From how many files a progress bar is shown (when standard error is a terminal)."""


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``team`` to the ``framewheel`` parser."""
    parser = commands.add_parser("team", help="combine a team's wheel and ranking share files into a team profile")
    parser.add_argument("paths", metavar="FILE|FOLDER", nargs="+", help="wheel or ranking share files, or folders of them (every *.json inside)")
    parser.add_argument("--format", choices=("md", "csv", "json"), default="md", help="the output format (default md)")
    parser.add_argument("--min-group", type=int, default=team.MIN_GROUP_DEFAULT, metavar="N",
                        help=f"the smallest group whose values are shown ({team.MIN_GROUP_RANGE[0]} to "
                             f"{team.MIN_GROUP_RANGE[1]}, default {team.MIN_GROUP_DEFAULT})")
    parser.add_argument("--framework", dest="team_framework", metavar="ID",
                        help="the framework of the profile (default: that of the first good file)")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")


def gather(paths: list[str], err: TextIO) -> list[Path] | None:
    """The files to read: each FILE, and every ``*.json`` in each FOLDER (sorted); None when a path is missing."""
    files, missing = share_files.gather(paths)
    for name in missing:
        print(f"framewheel: {name} is neither a file nor a folder", file=err)
    return None if missing else files


def read_all(files: list[Path], err: TextIO) -> list[team.SourceFile]:
    """Every file read; a Rich progress bar on standard error when it is a terminal and there are many."""
    if len(files) < PROGRESS_FROM or not err.isatty():
        return [share_files.read_source(path) for path in files]
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(file=err), transient=True) as progress:
        task = progress.add_task("Reading share files", total=len(files))
        sources = []
        for path in files:
            sources.append(share_files.read_source(path))
            progress.advance(task)
    return sources


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framewheel team``."""
    problem = team.check_min_group(args.min_group)
    if problem:
        print(f"framewheel: {problem}", file=err)
        return EXIT_PROBLEMS
    files = gather(args.paths, err)
    if files is None:
        return EXIT_PROBLEMS
    if not files:
        print("framewheel: no .json files found in " + ", ".join(args.paths), file=err)
        return EXIT_PROBLEMS
    catalog = load_catalog(write_cache=write_private)
    try:
        profile = team.build_profile(read_all(files, err), catalog, args.team_framework, args.min_group)
    except team.NoProfileError as error:
        for line in [str(p) for p in error.problems] + list(error.duplicates):
            print(line, file=err)
        print(f"framewheel: {error}", file=err)
        return EXIT_PROBLEMS
    except LookupError as error:
        print(f"framewheel: {error}", file=err)
        return EXIT_PROBLEMS
    for line in [str(p) for p in profile.problems] + list(profile.duplicates):
        print(line, file=err)
    kinds = (f" ({profile.wheel_files_used} wheel, {profile.ranking_files_used} ranking)"
             if profile.ranking is not None else "")
    print(f"framewheel: {profile.files_used} of {profile.files_total} file(s) used{kinds}"
          + (f", {profile.files_left_out} left out" if profile.problems else "")
          + (f", {len(profile.duplicates)} duplicate(s) counted once" if profile.duplicates else ""), file=err)
    from tui.core import team_report  # the charts only when a profile is written

    text = {"md": team_report.to_markdown, "csv": team_report.to_csv, "json": team_report.to_json}[args.format](profile)
    status = emit(text, args.output, out, err, human=args.format == "md")
    return EXIT_OK if status == EXIT_OK else EXIT_PROBLEMS

