"""A damaged data file stops every data command with the path of its set-aside copy (issue 14, item 3).

Before, ``export`` exited 0 with an empty export (so ``export -o backup.json`` replaced a good
backup with nothing) and ``import`` into a damaged file exited 0.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli.main import main

GOOD_BACKUP = '{"format": "framewheel/export@1", "assessments": ["an earlier, good export"]}\n'


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A data file that is not JSON at all."""
    path = tmp_path / "framewheel.json"
    path.write_text("{ this is not json", encoding="utf-8")
    return path


def test_export_over_a_good_backup_is_refused(damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export -o backup.json` from a damaged file: exit 1, the backup untouched, the set-aside copy named."""
    backup = tmp_path / "backup.json"
    backup.write_text(GOOD_BACKUP, encoding="utf-8")
    assert main(["export", "--db", str(damaged), "-o", str(backup)]) == 1
    assert backup.read_text(encoding="utf-8") == GOOD_BACKUP
    err = capsys.readouterr().err
    assert "export stopped" in err and "set aside as " in err
    aside = Path(err.split("set aside as ", 1)[1].split("; nothing was done", 1)[0])
    assert aside.read_text(encoding="utf-8") == "{ this is not json", "the named copy is the damaged file, kept"


@pytest.mark.parametrize("command", [["report", "--latest"], ["export", "--format", "csv"]])
def test_report_and_csv_export_exit_non_zero(damaged: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    """Report and CSV export: exit 1, nothing on standard output."""
    assert main([command[0], "--db", str(damaged), *command[1:]]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "stopped" in captured.err


def test_import_into_a_damaged_file_is_refused(damaged: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Import into a damaged data file: exit 1 and nothing imported into the fresh file."""
    wheel = tmp_path / "wheel.json"
    wheel.write_text(json.dumps({"format": "framewheel/assessment@1", "framework": {"id": "ahep", "version": "2024"},
                                 "created": "2026-01-01T00:00:00+00:00", "ratings": {}}), encoding="utf-8")
    assert main(["import", "--db", str(damaged), str(wheel)]) == 1
    assert "import stopped" in capsys.readouterr().err
    stored = json.loads(damaged.read_text(encoding="utf-8")) if damaged.exists() else {}
    assert not stored.get("assessments")
