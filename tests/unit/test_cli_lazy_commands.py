"""The command line loads only the command it runs: the interface starts without any command's module."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli.main import COMMANDS, main, named_command, parsers_needed


@pytest.mark.parametrize(("argv", "named"), [
    ([], None), (["--demo"], None), (["--db", "x.json"], None), (["--db", "report"], None),
    (["--framework", "aspect", "coverage", "--format", "csv"], "coverage"), (["--db=x.json", "export"], "export"),
    (["--present", "serve", "--port", "8000"], "serve"),
])
def test_the_named_command_skips_options_and_their_values(argv: list[str], named: str | None) -> None:
    """A value of --db or --framework is never taken for the command."""
    assert named_command(argv) == named


def test_only_the_needed_parsers_are_built() -> None:
    """The interface needs none; a command its own; --help and a word that is no command need all."""
    assert parsers_needed(["--demo"]) == []
    assert parsers_needed(["roles", "list"]) == ["roles"]
    assert parsers_needed(["--help"]) == list(COMMANDS)
    assert parsers_needed(["bogus"]) == list(COMMANDS)


def test_help_still_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    """``framewheel --help`` names each command."""
    with pytest.raises(SystemExit) as done:
        main(["--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert all(name in out for name in COMMANDS)


def test_a_word_that_is_no_command_is_named_with_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    """``framewheel bogus`` says it is not a command and lists the ones there are (exit 2)."""
    with pytest.raises(SystemExit) as done:
        main(["bogus"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'bogus'" in err and "frameworks" in err


def test_building_the_interface_parser_imports_no_command_module() -> None:
    """In a fresh interpreter, parsing the interface's command line leaves every command module unloaded."""
    code = ("import sys; from tui.cli.main import build_parser, parsers_needed; "
            "build_parser(parsers_needed(['--demo'])).parse_args(['--demo']); "
            f"print(sorted(m for m in sys.modules if m.startswith('tui.cli.') and m.split('.')[-1] in {sorted(COMMANDS.values())!r}))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_interface_start_loads_only_what_the_home_draws(tmp_path: Path) -> None:
    """Started on an existing file with nothing saved, the home is drawn without the table, search or file-lock modules."""
    import os

    from tui.storage.database import Database

    root = Path(__file__).resolve().parents[2]
    db = tmp_path / "framewheel.json"
    Database(db).close()  # the file exists, as on every start but the first
    code = f"""
import asyncio, sys
from pathlib import Path
from tui.context import AppContext
from tui.app import FramewheelApp
context = AppContext.open(Path({str(db)!r}))

async def main():
    app = FramewheelApp(context)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        print("Nothing saved yet." in str(app.screen.query_one("#work-empty").render()))
asyncio.run(main())
print(sorted(m for m in sys.modules if m in ("textual.widgets._data_table", "tui.core.search", "filelock")))
"""
    env = {**os.environ, "FRAMEWHEEL_CACHE_DIR": str(tmp_path / "cache")}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root, env=env).stdout
    assert out.split("\n")[:2] == ["True", "[]"]
