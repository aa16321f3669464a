"""``framewheel serve [--host 127.0.0.1] [--port N] [--db PATH | --demo] [--present | --no-present] [--allow-remote]``.

Serves the interface in a browser with textual-serve: each browser tab that opens the printed URL
runs its own framewheel process, as the user who started ``serve``, on the one data file (or on its
own example data with ``--demo``). Every URL needs the run's random token (see :mod:`tui.web`).
The server listens on the loopback address only, unless ``--host`` names another address and
``--allow-remote`` says so. Presentation mode is on unless ``--no-present``.

Nothing heavy is imported here: aiohttp and textual-serve load only when the server starts.
"""

from __future__ import annotations

import argparse
import getpass
import ipaddress
import os
import secrets
import shlex
import socket
import sys
from collections.abc import Mapping
from typing import TextIO

from tui.cli.data import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, add_db_option
from tui.storage.database import resolve_db_path

DEFAULT_HOST = "127.0.0.1"
"""The address served by default: this computer only."""

DEFAULT_PORT = 8000
"""The port served by default (textual-serve's own default); ``--port 0`` picks a free one."""

WILDCARD_HOSTS = {"", "0.0.0.0", "::"}
"""Hosts that mean every address of the computer (the printed URL names the computer instead)."""


def port_number(text: str) -> int:
    """``--port``: a TCP port, 0 to 65535 (0 = any free port)."""
    try:
        port = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a port number") from None
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{port} is not a port number (0 to 65535; 0 picks a free port)")
    return port


def add_parser(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``serve`` to the ``framewheel`` parser."""
    parser = commands.add_parser(
        "serve", help="serve the interface in a browser (one framewheel per tab, behind a per-run token)",
        description="Serve the interface in a browser. Open the printed URL (it carries this run's token); "
                    "add &fontsize=24 to it for a projector. Each tab runs framewheel as you, on your data file.")
    parser.add_argument("--host", default=DEFAULT_HOST,
                        help=f"the address to listen on (default {DEFAULT_HOST}: this computer only; "
                             "any other needs --allow-remote)")
    parser.add_argument("--port", type=port_number, default=DEFAULT_PORT, metavar="N",
                        help=f"the port to listen on (default {DEFAULT_PORT}; 0 picks a free port)")
    parser.add_argument("--allow-remote", action="store_true",
                        help="allow a --host other than loopback: anyone who can reach the port and has the link "
                             "can use framewheel as you, on your data file")
    parser.add_argument("--present", dest="serve_present", action=argparse.BooleanOptionalAction, default=True,
                        help="start each tab in presentation mode (default; --no-present for the usual look)")
    parser.add_argument("--demo", action="store_true", default=argparse.SUPPRESS,
                        help="serve example data (a new temporary database for each tab); your own data is not touched")
    add_db_option(parser)


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this computer only: ``localhost`` or a loopback address (127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name: it may resolve to any address
        return False


def usage_problem(args: argparse.Namespace) -> str | None:
    """What is wrong with the command line as given, or None."""
    if getattr(args, "demo", False) and args.db:
        return "give --db PATH or --demo, not both"
    if not is_loopback(args.host) and not args.allow_remote:
        return (f"--host {args.host or '(every address)'} is not a loopback address, so other computers could "
                "reach framewheel and use it as you, on your data; add --allow-remote to serve there anyway")
    return None


def served_command(args: argparse.Namespace, environ: Mapping[str, str]) -> list[str]:
    """The command each browser tab runs: this Python's framewheel (``python -P -m tui``), on the data file's absolute
    path or ``--demo``."""
    command = [sys.executable, *run_module_args()]
    if args.serve_present:
        command.append("--present")
    if getattr(args, "demo", False):
        command.append("--demo")
    else:
        command += ["--db", str(data_path(args, environ))]
    if args.framework:
        command += ["--framework", args.framework]
    return command


RUN_WITHOUT_CWD = "import runpy, sys; sys.path.pop(0); sys.argv[0] = 'framewheel'; runpy.run_module('tui', run_name='__main__')"
"""``python -c`` code that runs ``python -m tui`` without the current folder first on the import path (Python 3.10)."""


def run_module_args(version: tuple[int, int] = (sys.version_info.major, sys.version_info.minor)) -> list[str]:
    """The interpreter arguments that run ``tui`` as ``python -m tui`` does, but never a ``tui`` in the current folder.

    ``python -m`` puts the current folder first on the import path, so a ``tui`` folder where ``serve`` was
    started would run instead of the installed framewheel; ``-P`` (Python 3.11 and later) leaves it off.
    """
    return ["-P", "-m", "tui"] if version >= (3, 11) else ["-c", RUN_WITHOUT_CWD]


def data_path(args: argparse.Namespace, environ: Mapping[str, str]) -> str:
    """The data file's absolute path, chosen as the interface chooses it (``--db``, ``$FRAMEWHEEL_DB``, the default)."""
    return os.path.abspath(resolve_db_path(args.db, environ))


def user_name() -> str:
    """The name of the user running framewheel (for the messages)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no name for this user id
        return f"user {os.getuid()}" if hasattr(os, "getuid") else "this user"


def data_description(args: argparse.Namespace, environ: Mapping[str, str]) -> str:
    """What each tab works on, for the messages."""
    if getattr(args, "demo", False):
        return "example data (a new temporary database for each tab)"
    return f"the data file {data_path(args, environ)}"


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run ``framewheel serve``: check the command line, warn when serving beyond this computer, then serve."""
    problem = usage_problem(args)
    if problem is not None:
        print(f"framewheel serve: {problem}", file=err)
        return EXIT_USAGE
    command = shlex.join(served_command(args, os.environ))
    return start(args.host, args.port, command, data_description(args, os.environ), out, err)


def remote_warning(host: str, port: int, data: str) -> str:
    """The warning printed when serving beyond this computer: who can use what."""
    return (f"framewheel serve: warning: listening on {host or '(every address)'}, not only on this computer. "
            f"Anyone who can reach port {port} and has the link can use framewheel as {user_name()}, on {data}.")


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host``:``port`` and listening (IPv4 or IPv6, as the host resolves)."""
    family = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0][0]
    return socket.create_server((host, port), family=family)


def start(host: str, port: int, command: str, data: str, out: TextIO, err: TextIO) -> int:
    """Listen, print the URL and what it gives access to, and serve ``command`` until ctrl+c."""
    try:
        sock = listening_socket(host, port)
    except OSError as error:
        print(f"framewheel serve: cannot listen on {host}:{port}: {error.strerror or error}"
              + (" (give another --port N, or --port 0 for a free one)" if port else ""), file=err)
        return EXIT_PROBLEMS
    try:
        from tui.web import TokenServer  # aiohttp and textual-serve: only now

        server = TokenServer(command, sock, secrets.token_urlsafe(32),
                             public_host=socket.gethostname() if host in WILDCARD_HOSTS else host)
        if not is_loopback(host):
            print(remote_warning(host, server.port, data), file=err, flush=True)
        print(f"framewheel serve: open {server.url}", file=out)
        print("  (add &fontsize=24 to the URL for a projector)", file=out)
        print(f"Each browser tab runs framewheel as {user_name()} on {data}. Press ctrl+c to stop.",
              file=out, flush=True)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        print("framewheel serve: stopped", file=out, flush=True)
        return EXIT_OK
    finally:
        sock.close()
