"""The real program in a pseudo-terminal: first screen, and a clean end on SIGTERM and SIGHUP."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import struct
import sys
import time
from pathlib import Path

import fcntl
import pyte
import pytest
import termios

ROOT = Path(__file__).resolve().parents[2]


class Terminal:
    """framewheel running in an 80x24 pseudo-terminal, read through a VT100 emulator."""

    def __init__(self, argv: list[str], env: dict[str, str]) -> None:
        """Spawn the program."""
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = b""
        pid, fd = pty.fork()
        if pid == 0:  # pragma: no cover - the child
            os.chdir(ROOT)
            os.execve(sys.executable, [sys.executable, *argv], env)
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.pid, self.fd = pid, fd

    def pump(self, timeout: float) -> bool:
        """Read what the program wrote within ``timeout``; False at end of file."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            data = os.read(self.fd, 65536)
        except OSError:
            return False
        if not data:
            return False
        self.raw += data
        self.stream.feed(data)
        return True

    def text(self) -> str:
        """The emulated screen as text."""
        return "\n".join(self.screen.display)

    def wait_for(self, needle: str, timeout: float = 20.0) -> None:
        """Read until ``needle`` is on screen."""
        end = time.monotonic() + timeout
        while needle not in self.text():
            assert time.monotonic() < end, f"{needle!r} not on screen:\n{self.text()}"
            self.pump(0.05)

    def send(self, keys: str) -> None:
        """Type keys."""
        os.write(self.fd, keys.encode())

    def finish(self, timeout: float = 10.0) -> int:
        """Read to the end and return the exit status."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if not self.pump(0.05):
                break
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                while self.pump(0.05):
                    pass
                return os.waitstatus_to_exitcode(status)
        _, status = os.waitpid(self.pid, 0)
        return os.waitstatus_to_exitcode(status)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_ends_cleanly_and_keeps_saved_changes(tmp_path: Path, signum: int) -> None:
    """A saved change survives SIGTERM/SIGHUP; the app ends at once and restores the terminal."""
    db = tmp_path / "db.json"
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "TERM": "xterm-256color",
           "FRAMEWHEEL_LOG_DIR": str(tmp_path / "logs"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    term = Terminal(["-m", "tui", "--db", str(db)], env)
    term.wait_for("Nothing saved yet.")
    term.send("\x1b[B\r")  # down, enter: choose the second framework (saved at once)
    term.wait_for("● Core principles")
    os.kill(term.pid, signum)
    status = term.finish()
    assert status == 0
    tail = term.raw[-400:]
    assert b"\x1b[?1049l" in tail, "the alternate screen was not left"
    assert b"\x1b[?25h" in tail, "the cursor was not shown again"
    assert b"Traceback" not in term.raw
    assert "aspect-core-principles" in json.dumps(json.loads(db.read_text(encoding="utf-8")))


def one_rating_typed(tmp_path: Path, db: Path) -> Terminal:
    """framewheel on ``db`` in a pseudo-terminal, a new wheel started and its first area rated 7 (on screen)."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "TERM": "xterm-256color",
           "FRAMEWHEEL_LOG_DIR": str(tmp_path / "logs"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    term = Terminal(["-m", "tui", "--db", str(db)], env)
    term.wait_for("Nothing saved yet.")
    term.send("w")
    term.wait_for("0/24 rated")
    term.send("7")
    term.wait_for("1/24 rated")
    return term


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_rating_typed_just_before_a_signal_is_saved(tmp_path: Path, signum: int) -> None:
    """A rating typed a moment before the link drops (its save still pending) is on disk afterwards."""
    db = tmp_path / "db.json"
    term = one_rating_typed(tmp_path, db)
    os.kill(term.pid, signum)  # at once: the background save has not run yet
    assert term.finish() == 0
    wheels = json.loads(db.read_text(encoding="utf-8"))["assessments"]
    assert [w["ratings"] for w in wheels.values()] == [{"professional-development": {"current": 7}}]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_note_being_typed_when_the_link_drops_is_saved(tmp_path: Path, signum: int) -> None:
    """A note typed into its dialog and not yet kept is saved when a signal ends framewheel (no one to ask)."""
    db = tmp_path / "db.json"
    term = one_rating_typed(tmp_path, db)
    term.send("\r")  # enter: a note on the focused area
    term.wait_for("escape cancels")
    term.send("Half typed")
    term.wait_for("Half typed")
    os.kill(term.pid, signum)
    assert term.finish() == 0
    wheels = json.loads(db.read_text(encoding="utf-8"))["assessments"]
    assert [w["notes"] for w in wheels.values()] == [{"professional-development": "Half typed"}]


@pytest.mark.parametrize("term_name", ["xterm-256color", "linux"])
def test_present_flag_in_a_real_terminal_shows_the_chart_and_no_note(tmp_path: Path, term_name: str) -> None:
    """`framewheel --demo --present`: a demo wheel opens as its chart alone, its note is not shown; F5 shows it again."""
    env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "TERM": term_name, "NO_COLOR": "1",
           "FRAMEWHEEL_LOG_DIR": str(tmp_path / "logs"), "XDG_CONFIG_HOME": str(tmp_path / "cfg"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    term = Terminal(["-m", "tui", "--demo", "--present"], env)
    term.wait_for("Your work")
    term.send("h")
    term.wait_for("Wheel history")
    term.send("\r")
    term.wait_for("How confident I feel now (mean")
    assert "rated ·" not in term.text() and "rated ." not in term.text(), "presenting a rated wheel shows the chart alone"
    assert "Example note" not in term.text()
    term.send("\x1b[15~")  # F5: presentation mode off, the sliders and the note come back
    term.wait_for("Note: Example note")
    term.send("\x11")  # ctrl+q: the demo asks first, its data being deleted on quitting
    term.wait_for("demo data will be deleted")
    term.send("y")
    assert term.finish() == 0
    assert b"Traceback" not in term.raw
    if term_name == "linux":  # the Linux console gets ASCII for every symbol (issue 19 item 5)
        assert not any(glyph.encode() in term.raw for glyph in "⭘•·⏎╭━")


@pytest.mark.parametrize("moment", ["first-bytes", "alternate-screen", "alternate-screen+50ms", "alternate-screen+100ms"])
def test_sigterm_during_start_up_restores_the_terminal(tmp_path: Path, moment: str) -> None:
    """SIGTERM at an early moment of start-up (around the switch to the alternate screen) still ends cleanly.

    The signal handlers are installed before the terminal is switched, so the app leaves the alternate
    screen, exits 0 and prints no traceback; repeated a few times, since the window is narrow.
    """
    for attempt in range(3):
        db = tmp_path / f"db{attempt}.json"
        env = {"PATH": os.environ.get("PATH", ""), "HOME": str(tmp_path), "TERM": "xterm-256color",
               "FRAMEWHEEL_LOG_DIR": str(tmp_path / "logs"), "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
        term = Terminal(["-m", "tui", "--db", str(db)], env)
        end = time.monotonic() + 20
        needle = b"" if moment == "first-bytes" else b"\x1b[?1049h"
        while not term.raw or needle not in term.raw:
            assert time.monotonic() < end, f"no start-up output: {term.raw!r}"
            term.pump(0.005)
        if "+" in moment:
            time.sleep(int(moment.split("+")[1].removesuffix("ms")) / 1000)
        os.kill(term.pid, signal.SIGTERM)
        status = term.finish(timeout=20)
        assert b"Traceback" not in term.raw
        assert status == 0, f"attempt {attempt}: exit status {status}"
        last_enter = term.raw.rfind(b"\x1b[?1049h")
        if last_enter != -1:
            assert b"\x1b[?1049l" in term.raw[last_enter:], f"attempt {attempt}: the alternate screen was not left"
