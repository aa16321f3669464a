"""Tests of ``tui.storage.database``: each storage promise of the design is proven here."""

from __future__ import annotations

import codecs
import datetime
import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import platformdirs
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tui.storage import safefile

from tui.storage import database as storage
from tui.storage import file_storage
from tui.storage.settings import Settings
from tui.storage.database import (
    SCHEMA_VERSION,
    Database,
    NewerSchemaError,
    OpenReport,
    StorageError,
    SymlinkRefusedError,
    default_db_path,
    resolve_db_path,
)

REPO = Path(__file__).resolve().parents[2]
CHILD = Path(__file__).resolve().parents[1] / "helpers" / "storage_child.py"
TEXT = "Zoë — 日本語 🎡 ﬁ"


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a child: the repository importable, plus ``extra``."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO)
    env.update(extra)
    return env


def start_child(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """Start ``storage_child.py`` with pipes for stdin and stdout."""
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        encoding="ascii",
        env=env or child_env(),
    )


def schema_of(path: Path) -> int:
    """The schema version read straight from the file with ``json``."""
    data = json.loads(path.read_bytes().decode("utf-8"))
    return int(data["_meta"]["1"]["schema_version"])


def pin_time(monkeypatch: pytest.MonkeyPatch, when: datetime.datetime) -> None:
    """Make the storage module believe it is ``when``."""
    monkeypatch.setattr(storage, "_now", lambda: when)


def mode(path: Path) -> int:
    """The permission bits of ``path`` (not following a link)."""
    return stat.S_IMODE(os.lstat(path).st_mode)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    """A fresh database in a temporary folder."""
    database = Database(tmp_path / "framewheel.json")
    yield database
    database.close()


# --- the API -----------------------------------------------------------------------------------


def test_collection_crud_find_and_mutate(db: Database) -> None:
    """Insert, get, all (in order, with ids), update, replace, remove, count, find, mutate."""
    wheels = db.collection("wheels")
    assert wheels.name == "wheels" and wheels.all() == [] and wheels.count() == 0
    a = wheels.insert({"label": "A", "team": "x", "score": 1, "id": 999})  # a stored "id" is ignored
    b = wheels.insert({"label": "B", "team": "x", "score": 2})
    c = wheels.insert({"label": "C", "team": "y", "score": 2})
    assert (a, b, c) == (1, 2, 3)
    assert wheels.all() == [
        {"label": "A", "team": "x", "score": 1, "id": 1},
        {"label": "B", "team": "x", "score": 2, "id": 2},
        {"label": "C", "team": "y", "score": 2, "id": 3},
    ]
    assert wheels.get(b) == {"label": "B", "team": "x", "score": 2, "id": 2}
    assert wheels.get(42) is None
    assert [r["id"] for r in wheels.find(team="x")] == [1, 2]
    assert [r["id"] for r in wheels.find(team="x", score=2)] == [2]
    assert wheels.find(team="z") == [] and wheels.find(nothing=1) == []
    assert [r["id"] for r in wheels.find(id=3)] == [3]
    wheels.update(a, {"score": 5, "note": "n"})
    assert wheels.get(a) == {"label": "A", "team": "x", "score": 5, "note": "n", "id": 1}
    wheels.replace(a, {"label": "A2"})
    assert wheels.get(a) == {"label": "A2", "id": 1}
    new = wheels.mutate(b, lambda r: {**r, "score": r["score"] * 10})
    assert new == {"label": "B", "team": "x", "score": 20, "id": 2} == wheels.get(b)
    wheels.remove(c)
    assert wheels.count() == 2 and wheels.get(c) is None
    for bad in (lambda: wheels.update(c, {}), lambda: wheels.replace(c, {}), lambda: wheels.remove(c),
                lambda: wheels.mutate(c, lambda r: r)):
        with pytest.raises(KeyError):
            bad()
    assert wheels.insert({"label": "D"}) == 3  # next id after the highest present
    assert db.collection("other").all() == []
    with pytest.raises(ValueError):
        db.collection("_meta")


def test_settings_and_reentrant_lock(tmp_path: Path) -> None:
    """Settings persist in the same file; ``locked()`` can be nested."""
    path = tmp_path / "framewheel.json"
    with Database(path) as first:
        settings = Settings(first)
        assert settings.get("theme") is None and settings.get("theme", "dark") == "dark"
        settings.set("theme", "nord")
        settings.set("theme", "gruvbox")
        with first.locked(), first.locked():
            settings.set("size", {"w": 80})
    with Database(path) as second:
        assert Settings(second).get("theme") == "gruvbox" and Settings(second).get("size") == {"w": 80}
        assert json.loads(path.read_text("utf-8"))["_settings"] == {
            "1": {"key": "theme", "value": "gruvbox"},
            "2": {"key": "size", "value": {"w": 80}},
        }


def test_two_instances_see_each_other_fresh(tmp_path: Path) -> None:
    """No stale cache: queries and new ids see another instance's writes (cache_size=0, fresh reads)."""
    path = tmp_path / "framewheel.json"
    one, two = Database(path), Database(path)
    assert one.collection("t").find(x=0) == []  # would prime a query cache
    assert two.collection("t").insert({"x": 0}) == 1
    assert one.collection("t").find(x=0) == [{"x": 0, "id": 1}]  # not the cached []
    assert two.collection("t").insert({"x": 1}) == 2
    assert one.collection("t").insert({"x": 1}) == 3
    assert two.collection("t").insert({"x": 1}) == 4  # not a stale guess of the next id
    assert [r["id"] for r in one.collection("t").find(x=1)] == [2, 3, 4]
    two.collection("t").update(1, {"x": 1})
    assert one.collection("t").mutate(1, lambda r: {**r, "seen": True}) == {"x": 1, "seen": True, "id": 1}
    assert len(two.collection("t").find(x=1)) == 4
    one.close()
    two.close()


def test_resolve_db_path_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--db wins, then $FRAMEWHEEL_DB, then the platformdirs default; ~ is expanded."""
    monkeypatch.setenv("HOME", str(tmp_path))
    env = {"FRAMEWHEEL_DB": "~/env.json"}
    assert resolve_db_path("~/cli.json", env) == tmp_path / "cli.json"
    assert resolve_db_path(None, env) == tmp_path / "env.json"
    assert resolve_db_path(None, {}) == default_db_path()
    assert resolve_db_path(None, {"FRAMEWHEEL_DB": ""}) == default_db_path()
    expected = Path(platformdirs.user_data_dir("framewheel", appauthor=False)) / "framewheel.json"
    assert default_db_path() == expected


def test_core_modules_do_not_import_textual() -> None:
    """tui.storage.database never imports Textual; tui.storage.safefile imports neither Textual nor TinyDB."""
    code = (
        "import sys, tui.storage.safefile; assert 'tinydb' not in sys.modules and 'textual' not in sys.modules;"
        "import tui.storage.database; assert 'textual' not in sys.modules; print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], env=child_env(), capture_output=True, text=True)
    assert out.stdout.strip() == "ok", out.stderr


def test_lock_is_exclusive_and_timeout_is_a_storage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While one holder has the lock another cannot write; giving up is a StorageError naming the file."""
    monkeypatch.setattr(storage, "LOCK_TIMEOUT_SECONDS", 0.2)
    path = tmp_path / "framewheel.json"
    with Database(path) as holder, Database(path) as other:
        with holder.locked():
            with pytest.raises(StorageError) as busy:
                other.collection("t").insert({"a": 1})
        assert str(path) in str(busy.value)
        assert other.collection("t").insert({"a": 1}) == 1


def test_stale_temporaries_removed_on_open(tmp_path: Path) -> None:
    """Temporaries a killed writer left are removed at open (under the lock), and only ours."""
    (tmp_path / "backups").mkdir()
    ours = [tmp_path / ".framewheel.json.tmp-1a2b", tmp_path / "backups" / ".framewheel-20260101.json.tmp-3c"]
    others = [tmp_path / ".framewheel.json2.tmp-1a2b", tmp_path / "backups" / ".framewheel-old-20260101.json.tmp-3c"]
    for path in ours + others:
        path.write_bytes(b"partial")
    Database(tmp_path / "framewheel.json").close()
    assert [p.exists() for p in ours + others] == [False, False, True, True]


# --- atomic, private writes ----------------------------------------------------------------------


def test_write_protocol(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save: O_EXCL 0600 temp beside the file, fsync it, os.replace over the file, fsync the folder."""
    events: list[tuple[Any, ...]] = []
    real_open, real_fsync, real_replace = os.open, os.fsync, os.replace

    def spy_open(path: Any, flags: int, mode: int = 0o777, *a: Any, **k: Any) -> int:
        fd = real_open(path, flags, mode, *a, **k)
        if flags & os.O_CREAT:
            events.append(("create", Path(path), flags, mode))
        return fd

    def spy_fsync(fd: int) -> None:
        events.append(("fsync", "dir" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file"))
        real_fsync(fd)

    def spy_replace(src: Any, dst: Any) -> None:
        events.append(("replace", Path(src), Path(dst), mode(Path(src))))
        real_replace(src, dst)

    monkeypatch.setattr(os, "open", spy_open)
    monkeypatch.setattr(os, "fsync", spy_fsync)
    monkeypatch.setattr(os, "replace", spy_replace)
    db.collection("t").insert({"a": 1})
    monkeypatch.undo()
    kinds = [e[0] if e[0] != "fsync" else f"fsync-{e[1]}" for e in events]
    assert kinds == ["create", "fsync-file", "replace", "fsync-dir"]
    _, temp, flags, create_mode = events[0]
    assert flags & os.O_EXCL and create_mode == 0o600
    assert temp.parent == db.path.parent and temp.name.startswith(".framewheel.json.tmp-")
    assert events[2][1] == temp and events[2][2] == db.path and events[2][3] == 0o600
    assert not temp.exists() and db.collection("t").all() == [{"a": 1, "id": 1}]


@pytest.mark.parametrize("umask", [0o000, 0o277], ids=["umask-000", "umask-277"])
def test_private_modes_whatever_the_umask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int) -> None:
    """Folders we create are 0700 and every file (db, lock, backups, set-aside) 0600, under umask 000 or 277."""
    existing = tmp_path / "shared"
    existing.mkdir()
    existing.chmod(0o755)
    data = existing / "new" / "deeper"
    old = os.umask(umask)
    try:
        pin_time(monkeypatch, datetime.datetime(2026, 1, 1, 9, 0, 0))
        with Database(data / "framewheel.json") as first:
            first.collection("t").insert({"a": 1})
        with Database(data / "framewheel.json"):  # non-empty: the daily backup
            pass
        (data / "old.json").write_text('{"t": {"1": {"a": 1}}}')  # version 0: migration backup
        (data / "bad.json").write_text("not json")  # unreadable: set aside
        for name in ("old.json", "bad.json"):
            Database(data / name).close()
    finally:
        os.umask(old)
    assert mode(existing) == 0o755  # not ours: left alone
    assert mode(existing / "new") == mode(data) == mode(data / "backups") == 0o700
    names = sorted(p.name for p in data.rglob("*") if p.is_file())
    assert names == [
        "bad.json", "bad.json.lock", "bad.json.unreadable-20260101-090000",
        "framewheel-20260101.json", "framewheel.json", "framewheel.json.lock",
        "old-20260101.json", "old-v0-20260101-090000.json", "old.json", "old.json.lock",
    ]
    assert {p.name: mode(p) for p in data.rglob("*") if p.is_file()} == {n: 0o600 for n in names}


def test_symlink_refused_and_target_untouched(tmp_path: Path) -> None:
    """A data path that is a symbolic link is refused; the target keeps its bytes and mtime."""
    target = tmp_path / "real.json"
    target.write_bytes(b'{"t": {"1": {"a": 1}}}')
    os.utime(target, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = (target.read_bytes(), os.stat(target).st_mtime_ns)
    link = tmp_path / "framewheel.json"
    link.symlink_to(target)
    with pytest.raises(SymlinkRefusedError) as refused:
        Database(link)
    assert str(link) in str(refused.value) and isinstance(refused.value, StorageError)
    assert (target.read_bytes(), os.stat(target).st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["framewheel.json", "real.json"]
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere.json")
    with pytest.raises(SymlinkRefusedError):
        Database(dangling)
    assert not (tmp_path / "nowhere.json").exists()


# --- text ---------------------------------------------------------------------------------------


def test_utf8_round_trip_under_c_locale(tmp_path: Path) -> None:
    """Text written and read by two processes under LC_ALL=C comes back intact, stored as UTF-8."""
    path = tmp_path / "framewheel.json"
    drop = ("LANG", "LANGUAGE", "PYTHONIOENCODING", "PYTHONUTF8", "PYTHONCOERCECLOCALE")
    env = {k: v for k, v in child_env().items() if not k.startswith("LC_") and k not in drop}
    env.update(LC_ALL="C", LANG="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0")

    def run(*args: str) -> str:
        """Run the helper under the C locale; return its standard output."""
        done = subprocess.run(
            [sys.executable, str(CHILD), *args], env=env, capture_output=True, encoding="ascii", check=True
        )
        return done.stdout

    run("write-text", str(path), json.dumps(TEXT))
    result = json.loads(run("read-text", str(path)))
    assert codecs.lookup(result["encoding"]).name != "utf-8"  # the locale really was not UTF-8
    assert result["text"] == TEXT
    assert TEXT.encode("utf-8") in path.read_bytes()


def test_any_text_round_trips(tmp_path: Path) -> None:
    """Any text (as a key or a value) comes back from the file exactly: read by a new Database on the same path."""
    path = tmp_path / "framewheel.json"
    with Database(path) as database:
        texts = database.collection("texts")

        @hsettings(max_examples=60, deadline=None, database=None)
        @given(st.text(), st.text())
        def check(key: str, value: str) -> None:
            record_id = texts.insert({"k" + key: value, "v": [value]})
            with Database(path) as reader:  # nothing cached: this is what the file on disk holds
                assert reader.collection("texts").get(record_id) == {"k" + key: value, "v": [value], "id": record_id}

        check()


# --- schema versions ----------------------------------------------------------------------------


def test_new_file_has_schema_version(tmp_path: Path) -> None:
    """A new file records the current schema version, and a normal open reports nothing."""
    with Database(tmp_path / "framewheel.json") as database:
        assert database.report == OpenReport() and database.report.messages() == []
    assert schema_of(tmp_path / "framewheel.json") == SCHEMA_VERSION == 1


def test_newer_schema_refused_file_unchanged(tmp_path: Path) -> None:
    """A file from a newer schema is refused with a clear message and left byte-for-byte unchanged."""
    path = tmp_path / "framewheel.json"
    original = json.dumps({"_meta": {"1": {"schema_version": 2}}, "t": {"1": {"a": "é"}}}, indent=3).encode()
    path.write_bytes(original)
    mtime = os.stat(path).st_mtime_ns
    with pytest.raises(NewerSchemaError) as refused:
        Database(path)
    assert str(path) in str(refused.value) and "newer" in str(refused.value)
    assert path.read_bytes() == original and os.stat(path).st_mtime_ns == mtime
    assert not (tmp_path / "backups").exists()


def test_older_schema_backed_up_and_migrated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A version-0 file (no _meta) is copied to a backup, migrated, and keeps its data."""
    path = tmp_path / "framewheel.json"
    original = b'{"_default": {}, "wheels": {"1": {"name": "Zo\xc3\xab"}, "2": {"name": "Ann"}}}'
    path.write_bytes(original)
    pin_time(monkeypatch, datetime.datetime(2026, 11, 22, 10, 15, 0))
    assert 0 in storage.MIGRATIONS
    with Database(path) as database:
        report = database.report
        assert report.migrated_from == 0
        assert report.backup == tmp_path / "backups" / "framewheel-v0-20261122-101500.json"
        assert report.backup.read_bytes() == original
        assert any(str(report.backup) in m for m in report.messages())
        assert database.collection("wheels").all() == [{"name": "Zoë", "id": 1}, {"name": "Ann", "id": 2}]
        assert report.backup in database.backups()
    assert schema_of(path) == SCHEMA_VERSION
    with Database(path) as again:
        assert again.report.migrated_from is None


def test_migrations_chain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A later schema adds a MIGRATIONS step and files are upgraded through every step."""
    path = tmp_path / "framewheel.json"
    path.write_text('{"wheels": {"1": {"name": "A"}}}', encoding="utf-8")
    monkeypatch.setattr(storage, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(file_storage, "SCHEMA_VERSION", 2)  # the version a save stamps
    step = lambda data: {**data, "wheels": {k: {**v, "v2": True} for k, v in data["wheels"].items()}}  # noqa: E731
    monkeypatch.setitem(storage.MIGRATIONS, 1, step)
    with Database(path) as database:
        assert database.report.migrated_from == 0
        assert database.collection("wheels").all() == [{"name": "A", "v2": True, "id": 1}]
    assert schema_of(path) == 2


# --- unreadable files and backups ---------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        b'{"wheels": {"1": ',
        b"\xff\xfe{\x00}\x00",
        b"[1, 2, 3]",
        b'{"wheels": [1]}',
        b'{"wheels": {"one": {}}}',
        b'{"_meta": {"1": {"schema_version": "x"}}}',
    ],
    ids=["invalid-json", "not-utf8", "not-an-object", "table-not-object", "bad-record-id", "damaged-version"],
)
def test_unreadable_moved_aside_and_backup_offered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bad: bytes
) -> None:
    """An unreadable file is set aside (never overwriting), the user is told where, and a backup restores."""
    path = tmp_path / "framewheel.json"
    pin_time(monkeypatch, datetime.datetime(2026, 3, 1, 8, 0, 0))
    with Database(path) as first:
        first.collection("wheels").insert({"name": "kept"})
    Database(path).close()  # a non-empty open: today's backup
    good = tmp_path / "backups" / "framewheel-20260301.json"
    junk = tmp_path / "backups" / "framewheel-v0-20260302-000000.json"  # newer, but not restorable
    junk.write_bytes(b"junk")
    os.utime(junk, (time.time() + 60, time.time() + 60))
    path.write_bytes(bad)
    pin_time(monkeypatch, datetime.datetime(2026, 3, 2, 12, 30, 45))
    taken = tmp_path / "framewheel.json.unreadable-20260302-123045"
    taken.write_bytes(b"an earlier one")
    with Database(path) as database:
        report = database.report
        assert report.moved_aside == tmp_path / "framewheel.json.unreadable-20260302-123045-1"
        assert report.moved_aside.read_bytes() == bad and taken.read_bytes() == b"an earlier one"
        assert report.latest_backup == good
        assert database.backups()[:2] == [junk, good]
        text = " ".join(report.messages())
        assert str(report.moved_aside) in text and str(good) in text
        assert database.collection("wheels").all() == []
        assert schema_of(path) == SCHEMA_VERSION
        database.collection("wheels").insert({"name": "typed after the loss"})
        aside = database.restore_backup(good)
        assert aside is not None and "typed after the loss" in aside.read_text("utf-8")
        assert database.collection("wheels").all() == [{"name": "kept", "id": 1}]
        with pytest.raises(StorageError) as not_restored:
            database.restore_backup(junk)
        assert str(junk) in str(not_restored.value)
    with Database(path) as reopened:
        assert reopened.collection("wheels").all() == [{"name": "kept", "id": 1}]
        assert reopened.report.messages() == []


def test_unreadable_without_backup_says_so(tmp_path: Path) -> None:
    """With no backup to offer the message says so; the bad bytes are still kept."""
    path = tmp_path / "framewheel.json"
    path.write_bytes(b"\x00garbage")
    with Database(path) as database:
        assert database.report.latest_backup is None and database.report.moved_aside is not None
        assert database.report.moved_aside.read_bytes() == b"\x00garbage"
        assert "No backup" in " ".join(database.report.messages())


def test_daily_backups_roll_keeping_seven(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each day's first open of a non-empty file copies it once; the newest 7 days are kept."""
    path = tmp_path / "framewheel.json"
    pin_time(monkeypatch, datetime.datetime(2026, 5, 1, 9, 0, 0))
    Database(path).close()
    assert not (tmp_path / "backups").exists()  # an empty database is not backed up
    with Database(path) as database:
        database.collection("t").insert({"day": 0})
    for day in range(1, 11):
        for _ in range(2):  # twice a day: still one copy
            pin_time(monkeypatch, datetime.datetime(2026, 5, day, 9 + _, 0, 0))
            with Database(path) as database:
                database.collection("t").update(1, {"day": day})
    names = sorted((p.name for p in (tmp_path / "backups").iterdir()), reverse=True)
    assert names == [f"framewheel-202605{d:02d}.json" for d in range(10, 3, -1)]
    assert json.loads((tmp_path / "backups" / "framewheel-20260510.json").read_text("utf-8"))["t"] == {
        "1": {"day": 9}
    }
    with Database(path) as database:
        assert [p.name for p in database.backups()] == names


# --- processes ----------------------------------------------------------------------------------


def test_kill_9_while_saving_never_corrupts(tmp_path: Path) -> None:
    """SIGKILL a process saving in a loop at random moments, 110 times: the file always loads."""
    path = tmp_path / "framewheel.json"
    with Database(path) as database:
        database.collection("crash").insert({"kind": "counter", "n": 0})
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    zygote = start_child("zygote", str(path))
    assert zygote.stdin is not None and zygote.stdout is not None
    last, torn, pid = 0, 0, 0
    try:
        for round_no in range(110):
            zygote.stdin.write("go\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            time.sleep(rng.uniform(0, 0.08))
            os.kill(pid, signal.SIGKILL)
            assert zygote.stdout.readline() == "reaped\n"
            pid = 0
            torn += any(safefile.TEMP_MARKER in p.name for p in tmp_path.iterdir())
            assert schema_of(path) == SCHEMA_VERSION, f"round {round_no}"
            with Database(path) as database:
                assert database.report.moved_aside is None
                n = database.collection("crash").find(kind="counter")[0]["n"]
            assert n >= last, f"round {round_no}: a saved change was lost"
            last = n
            assert not any(safefile.TEMP_MARKER in p.name for p in tmp_path.iterdir())
    finally:
        if pid:  # a failure left a writer running
            os.kill(pid, signal.SIGKILL)
        zygote.stdin.close()
        try:
            zygote.wait(timeout=30)
        finally:
            zygote.kill()
    assert last > 110  # the writers really were saving
    print(f"{last} counter saves; {torn} kills left a temporary file behind")


def test_two_processes_lose_no_changes(tmp_path: Path) -> None:
    """Two processes each insert 300 records and increment a counter 300 times: all 600 of each land."""
    path = tmp_path / "framewheel.json"
    with Database(path) as database:
        database.collection("hammer").insert({"kind": "counter", "n": 0})
    children = [start_child("hammer", str(path), tag, "300") for tag in ("a", "b")]
    try:
        for child in children:
            assert child.stdout is not None and child.stdout.readline() == "ready\n"
        for child in children:  # release both at once
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        for child in children:
            assert child.stdout is not None
            assert child.stdout.readline() == "done\n"
            assert child.wait(timeout=60) == 0
    finally:
        for child in children:
            child.kill()  # no-op for a child that has exited
            child.wait()
    with Database(path) as database:
        records = database.collection("hammer")
        items = records.find(kind="item")
        assert len(items) == 600
        assert {(r["who"], r["i"]) for r in items} == {(w, i) for w in "ab" for i in range(300)}
        assert records.find(kind="counter")[0]["n"] == 600


def test_unchanged_file_is_not_parsed_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reads reuse the parsed data while the file is the same; a change by another instance is seen."""
    first = Database(tmp_path / "db.json")
    second = Database(tmp_path / "db.json")
    things = first.collection("things")
    things.insert({"n": 1})
    calls = []
    real_decode = file_storage._decode
    monkeypatch.setattr(file_storage, "_decode", lambda raw: calls.append(1) or real_decode(raw))
    for _ in range(5):
        assert [r["n"] for r in things.all()] == [1]
    assert calls == []  # the first instance wrote it and kept it
    second.collection("things").insert({"n": 2})
    calls.clear()
    assert [r["n"] for r in things.all()] == [1, 2]
    assert len(calls) == 1  # the other instance's change was read once
    assert [r["n"] for r in things.all()] == [1, 2] and len(calls) == 1
    first.close()
    second.close()


def test_failed_write_does_not_leave_changed_data_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When a save fails, later reads show what is on disk, not the change that was not saved."""
    db = Database(tmp_path / "db.json")
    things = db.collection("things")
    record_id = things.insert({"n": 1, "nested": {"a": 1}})

    def full_disk(path: Path, payload: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.safefile, "atomic_write", full_disk)
    with pytest.raises(storage.StorageError, match="could not be saved: No space left on device"):
        things.update(record_id, {"n": 2})
    with pytest.raises(storage.StorageError):
        things.mutate(record_id, lambda r: {**r, "nested": {"a": 2}})
    assert things.get(record_id) == {"id": record_id, "n": 1, "nested": {"a": 1}}
    db.close()


def test_get_returns_a_private_copy(tmp_path: Path) -> None:
    """Changing a record got with get() changes nothing stored until it is saved."""
    db = Database(tmp_path / "db.json")
    things = db.collection("things")
    record_id = things.insert({"nested": {"a": 1}})
    got = things.get(record_id)
    got["nested"]["a"] = 99
    assert things.get(record_id)["nested"] == {"a": 1}
    db.close()


def test_threads_of_one_process_do_not_interfere(tmp_path: Path) -> None:
    """A writer thread (as the wheel's background saver) and a reader thread: no error, every change kept."""
    import threading

    db = Database(tmp_path / "db.json")
    things = db.collection("things")
    record_id = things.insert({"n": 0, "nested": {"values": list(range(50))}})
    errors: list[BaseException] = []

    def write() -> None:
        try:
            for n in range(1, 150):
                things.mutate(record_id, lambda r, n=n: {**r, "n": n, "nested": {"values": list(range(n, n + 50))}})
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    def read() -> None:
        try:
            for _ in range(300):
                for record in things.all():
                    assert len(record["nested"]["values"]) == 50
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=write), threading.Thread(target=read)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert things.get(record_id)["n"] == 149
    db.close()


def test_mutate_is_one_lock_one_read_one_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Changing one record takes the file lock once, reads the data once and writes the file once,
    and sees a change another instance made just before (re-read under the lock)."""
    import filelock

    from tui.storage import file_storage

    path = tmp_path / "data.json"
    mine, other = Database(path), Database(path)
    record_id = mine.collection("things").insert({"a": 1, "b": 1})
    other.collection("things").update(record_id, {"b": 2})
    counts = {"lock": 0, "read": 0, "write": 0}

    def counting(name: str, original: Any) -> Any:
        """``original`` that counts its calls under ``name``."""
        def call(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return original(*args, **kwargs)
        return call

    monkeypatch.setattr(filelock.FileLock, "acquire", counting("lock", filelock.FileLock.acquire))
    monkeypatch.setattr(file_storage.AtomicJSONStorage, "read", counting("read", file_storage.AtomicJSONStorage.read))
    monkeypatch.setattr(safefile, "atomic_write", counting("write", safefile.atomic_write))
    changed = mine.collection("things").mutate(record_id, lambda r: {**r, "a": r["a"] + 1})
    assert counts == {"lock": 1, "read": 1, "write": 1}
    assert changed == {"id": record_id, "a": 2, "b": 2}
    monkeypatch.undo()
    assert Database(path).collection("things").get(record_id) == {"id": record_id, "a": 2, "b": 2}
    with pytest.raises(KeyError):
        mine.collection("things").mutate(record_id + 1, lambda r: r)
