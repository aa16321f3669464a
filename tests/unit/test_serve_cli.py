"""``framewheel serve``'s command line, without starting a server (``start`` is replaced by a recorder)."""

from __future__ import annotations

import argparse
import io
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli import serve
from tui.cli.main import build_parser, main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, object]]:
    """Every call of ``serve.start`` (which would listen), recorded instead of run."""
    calls: list[dict[str, object]] = []

    def record(host: str, port: int, command: str, data: str, out: object, err: object) -> int:
        """Record the call; report success."""
        calls.append({"host": host, "port": port, "command": shlex.split(command), "data": data})
        return 0

    monkeypatch.setattr(serve, "start", record)
    return calls


def run(argv: list[str]) -> tuple[int, str, str]:
    """``framewheel ARGV`` through the parser and ``serve.run``: (status, out, err)."""
    args = build_parser().parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    return serve.run(args, out, err), out.getvalue(), err.getvalue()


def parsed(argv: list[str]) -> argparse.Namespace:
    """The parsed command line."""
    return build_parser().parse_args(argv)


def test_loopback_is_the_default(started: list[dict[str, object]]) -> None:
    """Without --host, serve listens on 127.0.0.1 port 8000 and prints no warning."""
    status, _, err = run(["serve", "--demo"])
    assert status == 0 and err == ""
    assert started[0]["host"] == "127.0.0.1" and started[0]["port"] == 8000


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org", ""])
def test_a_non_loopback_host_is_refused_without_the_flag(host: str, started: list[dict[str, object]]) -> None:
    """Any other host without --allow-remote: exit 2, one line saying why and what to add; nothing served."""
    status, out, err = run(["serve", "--demo", "--host", host])
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1
    assert "is not a loopback address" in err and "use it as you" in err and "--allow-remote" in err
    assert started == []


@pytest.mark.parametrize("host", ["127.0.0.1", "127.0.0.2", "localhost", "::1"])
def test_loopback_hosts_need_no_flag(host: str, started: list[dict[str, object]]) -> None:
    """Every loopback form is served without --allow-remote and without a warning."""
    status, _, err = run(["serve", "--demo", "--host", host])
    assert (status, err) == (0, "")
    assert started[0]["host"] == host


def test_allow_remote_is_served(started: list[dict[str, object]]) -> None:
    """With --allow-remote a non-loopback host is served, on the port asked for."""
    status, _, err = run(["serve", "--demo", "--host", "0.0.0.0", "--allow-remote", "--port", "8123"])
    assert (status, err) == (0, "")
    assert started[0]["host"] == "0.0.0.0" and started[0]["port"] == 8123


def test_allow_remote_warns_who_can_use_what(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Serving beyond loopback warns that anyone reaching the (real) port is this user on this data file.

    The socket is a loopback one standing in for 0.0.0.0, and serving is replaced: no server starts.
    """
    from tui.web import TokenServer

    stand_in = serve.listening_socket("127.0.0.1", 0)
    port = stand_in.getsockname()[1]
    monkeypatch.setattr(serve, "listening_socket", lambda host, port: stand_in)
    monkeypatch.setattr(TokenServer, "serve", lambda self, debug=False: None)
    db = tmp_path / "team.json"
    status, out, err = run(["--db", str(db), "serve", "--host", "0.0.0.0", "--allow-remote", "--port", "0"])
    assert status == 0
    assert err.startswith("framewheel serve: warning: listening on 0.0.0.0, not only on this computer.")
    assert f"Anyone who can reach port {port} and has the link can use framewheel as {serve.user_name()}, " \
           f"on the data file {db}." in err
    assert "/?token=" in out and "framewheel serve: stopped" in out
    assert stand_in.fileno() == -1  # closed when serving ended


def test_loopback_serves_without_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    """On loopback the URL is printed with the token, what each tab runs as, how to stop, and no warning."""
    from tui.web import TokenServer

    monkeypatch.setattr(TokenServer, "serve", lambda self, debug=False: None)
    status, out, err = run(["serve", "--demo", "--port", "0"])
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("framewheel serve: open http://127.0.0.1:") and "/?token=" in lines[0]
    assert "&fontsize=24" in lines[1]
    assert lines[2] == (f"Each browser tab runs framewheel as {serve.user_name()} on example data "
                        "(a new temporary database for each tab). Press ctrl+c to stop.")


@pytest.mark.parametrize("argv", [["--db", "x.json", "serve", "--demo"], ["--demo", "serve", "--db", "x.json"],
                                  ["serve", "--demo", "--db", "x.json"], ["--db", "x.json", "--demo", "serve"]])
def test_db_and_demo_together_are_refused(argv: list[str], started: list[dict[str, object]]) -> None:
    """--db with --demo, before or after 'serve': exit 2 with one clear line."""
    status, out, err = run(argv)
    assert (status, out) == (2, "")
    assert err == "framewheel serve: give --db PATH or --demo, not both\n"
    assert started == []


def test_the_served_command_is_this_python_in_presentation_mode(started: list[dict[str, object]]) -> None:
    """Each tab runs sys.executable -P -m tui --present --demo by default."""
    run(["serve", "--demo"])
    assert started[0]["command"] == [sys.executable, *serve.run_module_args(), "--present", "--demo"]
    assert "example data" in str(started[0]["data"])


def test_the_tabs_never_run_a_tui_folder_where_serve_started(tmp_path: Path) -> None:
    """The tab's command runs the installed framewheel even from a folder holding a 'tui' package (both forms).

    (A plain `python -m tui` there runs that folder's package: checked first, so the test means something.)
    """
    impostor = tmp_path / "tui"
    impostor.mkdir()
    (impostor / "__init__.py").write_text("", encoding="utf-8")
    (impostor / "__main__.py").write_text("print('the impostor ran')", encoding="utf-8")
    plain = subprocess.run([sys.executable, "-m", "tui"], cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert plain.stdout == "the impostor ran\n"
    for version in ((3, 10), (3, 11)):
        command = [sys.executable, *serve.run_module_args(version), "--version"]
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert result.stdout.startswith("framewheel "), (version, result.stdout, result.stderr)
        assert "impostor" not in result.stdout


def test_no_present_leaves_presentation_mode_out(started: list[dict[str, object]]) -> None:
    """--no-present: the same command without --present."""
    run(["serve", "--demo", "--no-present"])
    command = started[0]["command"]
    assert isinstance(command, list) and command[0] == sys.executable and "--present" not in command


def test_the_data_file_is_passed_as_an_absolute_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      started: list[dict[str, object]]) -> None:
    """--db (before or after 'serve', relative or with ~) or $FRAMEWHEEL_DB, resolved as the interface does, made absolute."""
    monkeypatch.chdir(tmp_path)
    run(["serve", "--db", "rel/data.json"])
    assert started[-1]["command"] == [sys.executable, *serve.run_module_args(), "--present", "--db", str(tmp_path / "rel" / "data.json")]
    run(["--db", "other.json", "serve", "--no-present"])
    assert started[-1]["command"] == [sys.executable, *serve.run_module_args(), "--db", str(tmp_path / "other.json")]
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    run(["serve", "--db", "~/d.json"])
    assert started[-1]["command"][-1] == str(tmp_path / "home" / "d.json")  # type: ignore[index]
    monkeypatch.setenv("FRAMEWHEEL_DB", "env.json")
    run(["serve"])
    assert started[-1]["command"][-1] == str(tmp_path / "env.json")  # type: ignore[index]
    assert not (tmp_path / "env.json").exists() and not (tmp_path / "rel").exists()  # serve opened nothing


def test_the_framework_option_reaches_the_tabs(started: list[dict[str, object]]) -> None:
    """A global --framework is passed on to each tab's framewheel."""
    run(["--framework", "ahep", "serve", "--demo"])
    assert started[0]["command"][-2:] == ["--framework", "ahep"]  # type: ignore[index]


def test_a_bad_port_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """--port outside 0..65535 or not a number: argparse's exit 2 with the reason."""
    for port in ("99999", "http"):
        with pytest.raises(SystemExit) as exited:
            parsed(["serve", "--port", port])
        assert exited.value.code == 2
        assert "not a port number" in capsys.readouterr().err


def test_a_port_in_use_is_one_clear_line(tmp_path: Path) -> None:
    """When the port cannot be listened on, serve says so in one line and exits 1 (no traceback)."""
    with serve.listening_socket("127.0.0.1", 0) as taken:
        port = taken.getsockname()[1]
        out, err = io.StringIO(), io.StringIO()
        status = serve.start("127.0.0.1", port, "true", "nothing", out, err)
    assert (status, out.getvalue()) == (1, "")
    assert err.getvalue().startswith(f"framewheel serve: cannot listen on 127.0.0.1:{port}: ")
    assert "--port 0" in err.getvalue() and len(err.getvalue().splitlines()) == 1


def test_main_dispatches_serve(started: list[dict[str, object]]) -> None:
    """'framewheel serve' goes through main's COMMANDS to serve.run."""
    assert main(["serve", "--demo", "--port", "0"]) == 0
    assert started[0]["port"] == 0


def test_the_command_line_starts_without_the_web_server() -> None:
    """Importing tui.cli.main (and tui.cli.serve) loads neither textual_serve nor aiohttp."""
    code = ("import json, sys, tui.cli.main, tui.cli.serve; "
            "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & {'textual_serve', 'aiohttp', 'aiohttp_jinja2', 'jinja2'})))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
