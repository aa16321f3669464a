"""Issue 14 item 11: the commands write UTF-8 to standard output and error whatever the locale (``LC_ALL=C``)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
TEXT = "café 日本"


def c_locale_env(home: Path) -> dict[str, str]:
    """An environment with the C locale, UTF-8 mode off and no PYTHONIOENCODING."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A data file with one wheel whose label and note are not ASCII."""
    wheel = tmp_path / "wheel.json"
    wheel.write_text(json.dumps({
        "format": "framewheel/assessment@1", "framework": {"id": "ahep", "version": "2024"},
        "label": TEXT, "created": "2026-11-22T10:15:00+00:00",
        "ratings": {"working-together": {"current": 6}}, "notes": {"working-together": f"Note: {TEXT}"},
    }, ensure_ascii=False), encoding="utf-8")
    path = tmp_path / "db.json"
    assert main(["import", "--db", str(path), str(wheel)]) == 0
    return path


@pytest.mark.parametrize("command", [["export"], ["report", "--latest"], ["export", "--format", "csv"]])
def test_commands_write_utf8_in_the_c_locale(db: Path, tmp_path: Path, command: list[str]) -> None:
    """`export` (JSON and CSV) and `report` to standard output exit 0 in LC_ALL=C; the bytes are UTF-8 with the text."""
    run = subprocess.run([sys.executable, "-m", "tui", command[0], "--db", str(db), *command[1:]],
                         cwd=ROOT, env=c_locale_env(tmp_path), capture_output=True)
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    assert TEXT in run.stdout.decode("utf-8")
    assert b"Traceback" not in run.stderr


def test_import_notice_is_utf8_in_the_c_locale(db: Path, tmp_path: Path) -> None:
    """The "already imported" notice names the label in UTF-8 in LC_ALL=C."""
    run = subprocess.run([sys.executable, "-m", "tui", "import", "--db", str(db), str(tmp_path / "wheel.json")],
                         cwd=ROOT, env=c_locale_env(tmp_path), capture_output=True)
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    assert f"the wheel '{TEXT}'" in run.stdout.decode("utf-8")
