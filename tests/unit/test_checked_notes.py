"""A large data file opened again unchanged is not checked record by record again; any other change is.

The notes (tui.storage.checked) hold the identity (device, inode, times, size) of a file
framewheel checked or wrote itself. These tests lower the size from which notes are kept so that a small file stands
for a large one, and count the checks by watching the function that makes them.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.storage import checked
from tui.storage import database as database_module
from tui.storage.database import Database


@pytest.fixture
def checks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every file counts as large; each record-by-record check of a file on opening adds one to the list."""
    monkeypatch.setattr(checked, "CHECKED_BYTES", 1)
    made: list[int] = []
    real = database_module.damaged_records

    def counted(data: dict[str, dict[str, object]]) -> list[tuple[str, str, str]]:
        """The real check, counted."""
        made.append(1)
        return real(data)

    monkeypatch.setattr(database_module, "damaged_records", counted)
    return made


def _file_with_a_wheel(path: Path) -> None:
    """A data file holding one well-shaped wheel."""
    with Database(path) as db:
        db.collection("assessments").insert({"framework_id": "ahep", "label": "Mine", "created": "2026-01-01T00:00:00+00:00",
                                             "updated": "2026-01-01T00:00:00+00:00", "ratings": {}})


def test_an_unchanged_file_is_checked_once(tmp_path: Path, checks: list[int]) -> None:
    """A file written by another program, opened three times: its records are checked on the first opening only."""
    path = tmp_path / "framewheel.json"
    _file_with_a_wheel(path)
    path.write_text(json.dumps(json.loads(path.read_text(encoding="utf-8")), indent=1), encoding="utf-8")  # other bytes, same records
    checks.clear()
    for _ in range(3):
        Database(path).close()
    assert len(checks) == 1


def test_a_file_this_process_saved_is_not_checked_on_the_next_open(tmp_path: Path, checks: list[int]) -> None:
    """A save, then closing: the file is framewheel's own, so the next opening does not check it."""
    path = tmp_path / "framewheel.json"
    _file_with_a_wheel(path)
    with Database(path) as db:
        db.collection("assessments").update(1, {"label": "Renamed"})
    checks.clear()
    with Database(path) as db:
        assert db.collection("assessments").get(1)["label"] == "Renamed"
    assert checks == []


def test_a_hand_edit_is_checked_and_its_damaged_record_set_aside(tmp_path: Path, checks: list[int]) -> None:
    """A record damaged by hand after the note was made: the next opening checks, names it and keeps the rest."""
    path = tmp_path / "framewheel.json"
    _file_with_a_wheel(path)
    Database(path).close()
    data = json.loads(path.read_text(encoding="utf-8"))
    data["assessments"]["2"] = {"framework_id": "ahep", "ratings": "not an object"}
    path.write_text(json.dumps(data), encoding="utf-8")
    checks.clear()
    with Database(path) as db:
        assert len(checks) == 1
        assert [problem for problem in db.report.damaged_records] == [
            "wheel 2: field 'ratings': expected an object, found text \"not an object\""]
        assert db.collection("assessments").get(1)["label"] == "Mine" and db.collection("assessments").get(2) is None


def test_a_change_by_another_program_after_a_save_is_checked(tmp_path: Path, checks: list[int]) -> None:
    """This process saved, then another program replaced the file before it closed: not noted, so checked next time."""
    path = tmp_path / "framewheel.json"
    _file_with_a_wheel(path)
    db = Database(path)
    db.collection("assessments").update(1, {"label": "Renamed"})
    data = json.loads(path.read_text(encoding="utf-8"))
    data["assessments"]["1"]["ratings"] = {"area": {"current": "four"}}
    replacement = tmp_path / "other.json"
    replacement.write_text(json.dumps(data), encoding="utf-8")
    replacement.replace(path)
    db.close()
    checks.clear()
    with Database(path) as reopened:
        assert len(checks) == 1 and reopened.report.damaged_records


def test_a_small_file_is_checked_every_time(tmp_path: Path, checks: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    """Below the size that keeps notes, every opening checks (it costs little) and no note is written."""
    monkeypatch.setattr(checked, "CHECKED_BYTES", 10_000_000)
    path = tmp_path / "framewheel.json"
    _file_with_a_wheel(path)
    checks.clear()
    Database(path).close()
    Database(path).close()
    assert len(checks) == 2
    assert not checked.notes_dir().exists() or not any(checked.notes_dir().iterdir())


def test_the_notes_are_private_and_a_broken_note_means_a_check(tmp_path: Path, checks: list[int]) -> None:
    """The notes folder is 0700 and each note 0600; a note that is not a digest is no note."""
    path = tmp_path / "framewheel.json"
    _file_with_a_wheel(path)
    Database(path).close()  # checked (the records were first read back from a new file), so noted
    notes = list(checked.notes_dir().iterdir())
    assert len(notes) == 1
    assert checked.notes_dir().stat().st_mode & 0o777 == 0o700 and notes[0].stat().st_mode & 0o777 == 0o600
    notes[0].write_bytes(b"\xff not a digest")
    checks.clear()
    Database(path).close()
    assert len(checks) == 1


def test_an_edit_of_the_same_size_with_its_time_set_back_is_checked(tmp_path: Path, checks: list[int]) -> None:
    """A record damaged by hand without changing the file's size, its modification time then set back: still checked."""
    import os
    import time

    path = tmp_path / "framewheel.json"
    _file_with_a_wheel(path)
    before = path.stat()
    raw = path.read_bytes()
    damaged = raw.replace(b'"ratings":{}', b'"ratings":99', 1)
    assert len(damaged) == len(raw) and damaged != raw
    time.sleep(0.01)
    with open(path, "r+b") as handle:  # in place, as some editors write: the same file, the same size
        handle.write(damaged)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_mtime_ns == before.st_mtime_ns and path.stat().st_size == before.st_size
    checks.clear()
    with Database(path) as db:
        assert len(checks) == 1 and db.report.damaged_records


def test_a_hand_edit_read_while_open_and_saved_back_is_still_checked(tmp_path: Path, checks: list[int]) -> None:
    """A record damaged by hand while framewheel runs, then written back by one of its saves: not noted, so checked next time."""
    path = tmp_path / "framewheel.json"
    _file_with_a_wheel(path)
    db = Database(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["assessments"]["1"]["ratings"] = "not an object"
    path.write_text(json.dumps(data), encoding="utf-8")  # by hand, while the app runs
    db.collection("assessments").insert({"framework_id": "ahep", "label": "Another", "ratings": {}})  # re-reads, saves all
    db.close()
    checks.clear()
    with Database(path) as reopened:
        assert len(checks) == 1
        assert [problem.split(":")[0] for problem in reopened.report.damaged_records] == ["wheel 1"]
        assert reopened.collection("assessments").get(2)["label"] == "Another"
