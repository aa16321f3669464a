"""What the commands that work on a data file share: opening it, and writing their output.

Output goes to standard output, or atomically to ``-o FILE`` (a private file,
complete or not written at all). Problems go to standard error; the exit
status is 0 when all went well and 1 when something was wrong.
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from tui.cli.terminal import raw_stream
from tui.context import AppContext, ContextError
from tui.core.text import visible
from tui.storage import safefile
from tui.storage.database import StorageError, resolve_db_path

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
"""Exit statuses: success, a problem with the input, a command line that cannot be understood."""

DB_HELP = "the data file (default: $FRAMEWHEEL_DB, else framewheel.json in the user data folder)"
"""The help of every data command's ``--db``."""

DataCommand = Callable[[AppContext, argparse.Namespace, TextIO, TextIO], int]
"""A command run on an open data file: (context, arguments, standard output, standard error) -> exit status."""


def add_db_option(parser: argparse.ArgumentParser) -> None:
    """``--db PATH`` after the command name too (``framewheel export --db X``)."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=DB_HELP)


def run_data_command(command: DataCommand, args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Open the data file (never creating one to export or report from) and run ``command`` on it."""
    if getattr(args, "demo", False):
        print(f"framewheel: --demo starts the interface on example data; '{args.command}' works on a data file "
              "(give --db PATH)", file=err)
        return EXIT_USAGE
    db_path = resolve_db_path(args.db, os.environ)
    creating = not os.path.lexists(db_path)
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
    report = context.db.report
    if report.set_aside is not None:  # nothing whole to export or report, nowhere safe to import: stop, never exit 0
        what = "was damaged and was set aside as" if report.moved_aside else "had records it could not read and was set aside as"
        print(f"framewheel: {args.command} stopped: the data file {db_path} {what} {report.set_aside}; nothing was "
              "done (no output written). Check it or restore a backup, then run the command again.", file=err)
        context.close()
        return EXIT_PROBLEMS
    status = EXIT_PROBLEMS
    try:
        status = command(context, args, out, err)
        return status
    except StorageError as error:
        print(f"framewheel: {error}", file=err)
        return EXIT_PROBLEMS
    finally:
        if creating and status != EXIT_OK and _removed_if_empty(context):
            print(f"framewheel: nothing was stored, so no data file was made at {db_path}", file=err)
        context.close()


def _removed_if_empty(context: AppContext) -> bool:
    """Remove the data file a failed command created, when it holds nothing (never raising)."""
    try:
        return context.db.remove_if_empty()
    except (StorageError, OSError):
        return False


def emit(text: str | bytes, output: str | None, out: TextIO, err: TextIO, *, human: bool = False) -> int:
    """Print ``text`` or write it atomically to ``output``; say where it went.

    On standard output, text for people (``human``: a Markdown report) and anything
    written to a terminal has its control characters made visible; data piped on (JSON,
    CSV) is written exactly. A file written with ``-o`` is always exact. ``text`` may be
    UTF-8 bytes already (a large export), written to a file as they are.
    """
    if not output:
        shown = text.decode("utf-8") if isinstance(text, bytes) else text
        if human or out.isatty():
            out.write(visible(shown))
        else:
            raw_stream(out).write(shown)
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
        safefile.atomic_write(path, text if isinstance(text, bytes) else text.encode("utf-8"))
    except OSError as error:
        print(f"framewheel: {output} could not be written: {error.strerror or error}", file=err)
        return EXIT_PROBLEMS
    print(f"Wrote {path}", file=err)
    return EXIT_OK
