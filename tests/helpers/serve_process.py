"""A real ``framewheel serve`` in its own process group, for the end-to-end and browser tests."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Iterator
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parents[2]

URL = re.compile(r"open (http://\S+)")
"""The line ``framewheel serve`` prints the tokened URL on."""


def free_port() -> int:
    """A loopback port nobody listens on now (bind to port 0, read it, let it go)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Served:
    """One running ``python -m tui serve ...``: its URL, token, port, and everything it printed so far."""

    def __init__(self, args: list[str], cwd: Path, timeout: float = 30.0) -> None:
        """Start the server and wait until it prints its URL and its port accepts connections."""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", *args], cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, start_new_session=True,  # its own process group: the tabs' framewheels die with it
        )
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self._threads = [self._reader(self.process.stdout, self.stdout), self._reader(self.process.stderr, self.stderr)]
        deadline = time.monotonic() + timeout
        url = None
        while url is None:
            found = URL.search("".join(self.stdout))
            url = found.group(1) if found else None
            if url is None and (self.process.poll() is not None or time.monotonic() > deadline):
                self.stop()
                raise AssertionError(f"framewheel serve printed no URL; output: {self.output()}")
            time.sleep(0.05)
        self.url = url
        parts = urlsplit(url)
        self.token = parse_qs(parts.query)["token"][0]
        self.port = int(parts.port or 80)
        self.base = f"{parts.scheme}://{parts.netloc}"
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise AssertionError(f"port {self.port} never accepted a connection; output: {self.output()}")
                time.sleep(0.05)

    @staticmethod
    def _reader(stream: IO[str] | None, into: list[str]) -> threading.Thread:
        """A daemon thread copying ``stream`` line by line into ``into`` (so a full pipe never blocks the server)."""
        def copy() -> None:
            """Read until the stream ends."""
            assert stream is not None
            for line in stream:
                into.append(line)

        thread = threading.Thread(target=copy, daemon=True)
        thread.start()
        return thread

    def output(self) -> str:
        """Everything printed so far, standard output then standard error."""
        return "".join(self.stdout) + "\n--- stderr ---\n" + "".join(self.stderr)

    def stop(self) -> int | None:
        """Stop the whole process group: SIGINT (ctrl+c) first, then SIGKILL if it lingers; the exit status."""
        if self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGINT)
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)  # any tab's framewheel left behind
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)
        for thread in self._threads:
            thread.join(timeout=5)
        return self.process.returncode


def serving(args: list[str], cwd: Path) -> Iterator[Served]:
    """A generator for fixtures: the running server, stopped (with its process group) afterwards."""
    served = Served(args, cwd)
    try:
        yield served
    finally:
        served.stop()
