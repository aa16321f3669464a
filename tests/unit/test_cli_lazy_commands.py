"""The command line loads only the command it runs: the interface starts without any command's module."""

from __future__ import annotations

import subprocess
import sys

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
