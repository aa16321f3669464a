"""The ``framewheel`` command line: the interface, and commands that need no screen.

Errors go to standard error as one clear sentence with a non-zero exit status;
no traceback reaches the user (details go to a crash log). Both streams are handed to
the commands wrapped (``terminal.visible_stream``), so control characters from a file
are shown as ``\\x1b`` and never reach the terminal.
"""

from __future__ import annotations

import argparse
import codecs
import importlib
import os
from pathlib import Path
import sys
from types import ModuleType
from typing import Sequence, TextIO

from tui import __version__
from tui.cli.terminal import visible_stream

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
"""Exit statuses: success, a problem with the input, a command line that cannot be understood."""

COMMANDS: dict[str, str] = {"frameworks": "frameworks", "export": "export", "import": "imports", "report": "report",
                            "roles": "roles", "coverage": "coverage", "team": "team", "serve": "serve"}
"""Each subcommand's module in :mod:`tui.cli`: its ``add_parser(commands)`` and ``run(args, out, err)``.

A module is imported only when its command is run (or every one for ``--help`` and for a
command line that names none of them), so that starting the interface loads none of them.
"""

VALUED_OPTIONS = ("--db", "--framework")
"""The options before a command that take a value (the value is not the command)."""


def command_module(name: str) -> ModuleType:
    """The module of the subcommand ``name`` (a key of COMMANDS)."""
    return importlib.import_module(f"tui.cli.{COMMANDS[name]}")


def named_command(argv: Sequence[str]) -> str | None:
    """The subcommand a command line names: its first word that is not an option or an option's value."""
    words = iter(argv)
    for word in words:
        if word == "--":
            return next(words, None)
        if word in VALUED_OPTIONS:
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def parsers_needed(argv: Sequence[str]) -> list[str]:
    """The subcommands whose parsers this command line needs.

    The one it names; none to start the interface; all for ``--help`` (to list them) or when
    the word it names is not a command (for argparse's message naming the choices).
    """
    named = named_command(argv)
    if named in COMMANDS:
        return [named]
    if named is None and not any(word in ("-h", "--help") for word in argv):
        return []
    return list(COMMANDS)


def build_parser(needed: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser of ``framewheel``, with the parsers of the ``needed`` subcommands (default every one)."""
    parser = argparse.ArgumentParser(
        prog="framewheel",
        description="Browse professional frameworks, rate yourself on their wheel, and keep plans, in the terminal.",
        epilog="Without a command, framewheel starts the interface.",
    )
    parser.add_argument("--version", action="version", version=f"framewheel {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the data file (default: $FRAMEWHEEL_DB, else framewheel.json in the user data folder)")
    parser.add_argument("--framework", metavar="ID|FILE", help="start on this framework (an id, or a framework YAML file)")
    parser.add_argument("--output-dir", metavar="FOLDER",
                        help="the folder for reports, exports, share files and screenshots written from the app "
                             "(default: $FRAMEWHEEL_OUTPUT_DIR, else the folder chosen in the app, else ~/Documents/framewheel)")
    parser.add_argument("--present", action="store_true",
                        help="start in presentation mode: high contrast, large charts, nothing private on screen (F5 switches it)")
    parser.add_argument("--demo", action="store_true", help="run on a temporary database filled with example data; your own data is not touched")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS if needed is None else needed:
        command_module(name).add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    words = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(parsers_needed(words)).parse_args(words)
    if args.output_dir:  # for this run and any interface it starts (serve): the variable the output folder reads
        os.environ["FRAMEWHEEL_OUTPUT_DIR"] = str(Path(args.output_dir).expanduser().absolute())
    try:
        command = command_module(args.command) if args.command in COMMANDS else None
        if command is not None:
            write_utf8(sys.stdout, sys.stderr)
            return command.run(args, visible_stream(sys.stdout), visible_stream(sys.stderr))
        return run_interface(args, visible_stream(sys.stderr))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as error:  # the promise: no traceback reaches a user
        from tui.storage.crashlog import crash_message, write_crash_log

        print(crash_message(error, write_crash_log(error)), file=visible_stream(sys.stderr))
        return EXIT_PROBLEMS


def write_utf8(*streams: TextIO) -> None:
    """Make each text stream write UTF-8 whatever the locale (``LC_ALL=C`` would give ASCII).

    The commands' output (exports, reports, notices naming labels) is UTF-8 text; a stream
    that cannot be reconfigured (not a :class:`io.TextIOWrapper`) or already writes UTF-8 is
    left alone. A character UTF-8 cannot hold (a lone surrogate) is written as a backslash escape.
    """
    for stream in streams:
        reconfigure = getattr(stream, "reconfigure", None)
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            utf8 = codecs.lookup(encoding).name == "utf-8"
        except LookupError:
            utf8 = False
        if reconfigure is not None and not utf8:
            try:
                reconfigure(encoding="utf-8", errors="backslashreplace")
            except (ValueError, OSError):  # already read from, or detached: keep it as it is
                pass


def run_interface(args: argparse.Namespace, err: TextIO) -> int:
    """Open the data and frameworks, then run the Textual interface (the cycle collector paused while it starts)."""
    from tui.collector import pause_for_start, resume_after_start

    pause_for_start()  # resumed once the home screen is complete (tui.collector says why)
    try:
        return _open_and_run(args, err)
    finally:
        resume_after_start()


def _open_and_run(args: argparse.Namespace, err: TextIO) -> int:
    """Open the data and frameworks, then run the Textual interface."""
    from tui.context import AppContext, ContextError
    from tui.storage.database import StorageError, resolve_db_path

    try:
        if args.demo:
            context = AppContext.open_demo(args.framework)
        else:
            context = AppContext.open(resolve_db_path(args.db, os.environ), args.framework)
    except (ContextError, StorageError) as error:
        print(f"framewheel: {error}", file=err)
        return EXIT_PROBLEMS
    from tui.app import FramewheelApp

    try:
        app = FramewheelApp(context, presenting=bool(getattr(args, "present", False)))
        app.run()
    finally:
        context.close(summarise=True)  # the next start draws its home from the summary, before the file is parsed
    return app.return_code or EXIT_OK
