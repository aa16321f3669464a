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


WHEEL = {"format": "framewheel/assessment@1", "framework": {"id": "ahep", "version": "2024"},
         "created": "2026-01-01T00:00:00+00:00", "ratings": {"professional-development": {"current": 4}}}


@pytest.fixture
def wrong_shaped(tmp_path: Path) -> Path:
    """A data file with two good wheels and one whose ratings are text (valid JSON, wrong shape)."""
    path = tmp_path / "framewheel.json"
    good = {"framework_id": "ahep", "framework_version": "2024", "label": "Good", "created": "2026-01-01T00:00:00+00:00",
            "updated": "2026-01-01T00:00:00+00:00", "ratings": {"professional-development": {"current": 5}}}
    data = {"_meta": {"1": {"schema_version": 1}},
            "assessments": {"1": good, "2": {**good, "label": "Bad", "ratings": "x"}, "3": {**good, "label": "Also good"}}}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _copy_named(err: str) -> Path:
    """The set-aside copy a stop message names."""
    return Path(err.split("set aside as ", 1)[1].split("; nothing was done", 1)[0])


@pytest.mark.parametrize("command", [["export"], ["report", "--latest"], ["export", "--format", "csv"]])
def test_a_wrong_shaped_record_stops_the_command_naming_record_and_field(
        wrong_shaped: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    """``"ratings": "x"``: exit 1 (not an unexpected error), the record and field named, the copy set aside."""
    assert main([command[0], "--db", str(wrong_shaped), *command[1:]]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "unexpected error" not in captured.err
    assert "wheel 2: field 'ratings': expected an object, found text \"x\"" in captured.err
    copy = json.loads(_copy_named(captured.err).read_text(encoding="utf-8"))
    assert copy["assessments"]["2"]["ratings"] == "x", "the copy keeps the damaged record as it was"
    kept = json.loads(wrong_shaped.read_text(encoding="utf-8"))["assessments"]
    assert sorted(kept) == ["1", "3"], "the readable records stay; the damaged one is only in the copy"


def test_after_the_damage_is_set_aside_the_rest_exports(wrong_shaped: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The next export works on the records that were readable, and says nothing more about damage."""
    assert main(["export", "--db", str(wrong_shaped)]) == 1
    capsys.readouterr()
    assert main(["export", "--db", str(wrong_shaped)]) == 0
    captured = capsys.readouterr()
    labels = [w["label"] for w in json.loads(captured.out)["assessments"]]
    assert sorted(labels) == ["Also good", "Good"]
    assert "could not be read" not in captured.err


def test_import_into_a_file_with_a_wrong_shaped_record_is_refused(
        wrong_shaped: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Import: exit 1, nothing imported, the damaged record named."""
    wheel = tmp_path / "wheel.json"
    wheel.write_text(json.dumps(WHEEL), encoding="utf-8")
    assert main(["import", "--db", str(wrong_shaped), str(wheel)]) == 1
    err = capsys.readouterr().err
    assert "import stopped" in err and "wheel 2: field 'ratings'" in err
    assert len(json.loads(wrong_shaped.read_text(encoding="utf-8"))["assessments"]) == 2


def test_a_failed_import_into_a_new_file_leaves_nothing_behind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every file refused: no empty data file, no lock file, no backups folder."""
    folder = tmp_path / "data"
    folder.mkdir()
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "framewheel/assessment@1"}', encoding="utf-8")
    assert main(["import", "--db", str(folder / "new.json"), str(bad)]) == 1
    assert list(folder.iterdir()) == []
    assert "no data file was made" in capsys.readouterr().err


def test_a_successful_import_into_a_new_file_keeps_it(tmp_path: Path) -> None:
    """The clean-up is only for failures: a good import makes the file."""
    good = tmp_path / "good.json"
    good.write_text(json.dumps(WHEEL), encoding="utf-8")
    target = tmp_path / "new.json"
    assert main(["import", "--db", str(target), str(good)]) == 0
    assert len(json.loads(target.read_text(encoding="utf-8"))["assessments"]) == 1
