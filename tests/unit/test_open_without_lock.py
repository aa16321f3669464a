"""Opening a data file that needs nothing written only reads it: no lock is waited for and filelock is not loaded.

Every write replaces the file by an atomic rename, so a reader always sees one whole file.
A start that must write (a new file, an older or damaged one, a stale temporary file, the
day's backup) takes the lock as before.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import filelock
import pytest

from tui.storage import database as database_module
from tui.storage.database import Database, StorageError

ROOT = Path(__file__).resolve().parents[2]


def _file_with_a_record(path: Path) -> None:
    """A data file holding one record, with today's backup made (as after a first start today)."""
    with Database(path) as db:
        db.collection("things").insert({"n": 1})
    Database(path).close()  # the start that makes today's copy


def test_a_start_is_not_held_up_by_another_instance_writing(tmp_path: Path) -> None:
    """Another framewheel holds the lock (a long import): opening the file reads it at once, all of it there."""
    path = tmp_path / "framewheel.json"
    _file_with_a_record(path)
    other = filelock.FileLock(str(path) + ".lock", timeout=0)
    other.acquire()
    try:
        started = time.monotonic()
        with Database(path) as db:
            assert db.collection("things").all() == [{"id": 1, "n": 1}]
        assert time.monotonic() - started < 5  # before, it waited for the lock (30 s, then an error)
    finally:
        other.release()


def test_a_start_that_must_write_waits_for_the_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file without today's backup must be copied, under the lock: held elsewhere, opening says it is locked."""
    path = tmp_path / "framewheel.json"
    _file_with_a_record(path)
    for copy in (tmp_path / "backups").iterdir():
        copy.unlink()
    monkeypatch.setattr(database_module, "LOCK_TIMEOUT_SECONDS", 0.2)
    other = filelock.FileLock(str(path) + ".lock", timeout=0)
    other.acquire()
    try:
        with pytest.raises(StorageError, match="is locked by another framewheel"):
            Database(path)
    finally:
        other.release()
    with Database(path):
        pass
    assert len(list((tmp_path / "backups").iterdir())) == 1  # made once the lock was free


def test_a_stale_temporary_file_is_removed_under_the_lock(tmp_path: Path) -> None:
    """A temporary file left by a writer that died is only removed holding the lock (it could be a writer's at work)."""
    path = tmp_path / "framewheel.json"
    _file_with_a_record(path)
    from tui.storage import safefile

    stale = tmp_path / f".framewheel.json{safefile.TEMP_MARKER}abc123"
    stale.write_bytes(b"half a file")
    with Database(path) as db:
        assert db.collection("things").all() == [{"id": 1, "n": 1}]
    assert not stale.exists()


def test_a_file_replaced_while_it_is_opened_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another instance replaces the file between the reading and the keeping: what is kept is never the older data."""
    path = tmp_path / "framewheel.json"
    _file_with_a_record(path)
    with Database(path) as writer:
        real_read = database_module.read_raw

        def read_then_replaced(target: Path) -> bytes | None:
            """Read the file, then have another instance change it (once)."""
            raw = real_read(target)
            monkeypatch.setattr(database_module, "read_raw", real_read)
            writer.collection("things").update(1, {"n": 2})
            return raw

        monkeypatch.setattr(database_module, "read_raw", read_then_replaced)
        with Database(path) as db:
            assert db.collection("things").get(1) == {"id": 1, "n": 2}


def test_a_start_on_a_file_that_needs_nothing_loads_no_filelock(tmp_path: Path) -> None:
    """The interface's start on an existing file reads it without loading filelock (twenty modules, 8-12 ms)."""
    path = tmp_path / "framewheel.json"
    _file_with_a_record(path)
    code = ("import sys; from pathlib import Path; from tui.context import AppContext; "
            f"c = AppContext.open(Path({str(path)!r})); print(c.db.collection('things').count()); "
            "print('filelock' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert out.split() == ["1", "False"]
