"""The framewheel data file: one TinyDB JSON file, kept safe.

This module opens the file (creating, migrating, checking, backing it up), holds the locks
and hands out :class:`Collection` views of its tables; the storage under TinyDB, which keeps
the parsed data and writes each save, is :mod:`tui.storage.file_storage`. They are the only
modules that import TinyDB, and neither imports Textual. Together they keep the storage
promises of the design:

* every save is atomic (see :mod:`tui.storage.safefile`) and UTF-8 whatever the locale;
* every read-modify-write holds an inter-process file lock and re-reads the
  file under it, so two instances on one file do not lose changes; opening a
  file that needs nothing written only reads it (no lock waited for, filelock
  not loaded), and anything to write on opening is done under the lock;
* the data folder is 0700 and its files 0600; a symbolic link is refused;
* the file carries a schema version in its ``_meta`` table: an older file is
  backed up and migrated, a newer one refused untouched, an unreadable one set
  aside (never overwritten) and the latest backup offered;
* a rolling daily backup (the newest 7 kept) is made on each open.
"""

from __future__ import annotations

import contextlib
import copy
import datetime
import gc
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB

from tui.storage import checked, safefile
from tui.storage.fragments import fragment
from tui.storage.datafile import META_TABLE, SCHEMA_VERSION, Data, OpenReport
from tui.storage.file_storage import (  # noqa: F401 - the errors and FileKey are part of this module's API
    AtomicJSONStorage,
    FileKey,
    Record,
    Refresh,
    StorageError,
    SymlinkRefusedError,
    freeze_if_large,
    read_raw,
    symlink_error,
)
from tui.storage.paths import APP_NAME, default_db_path, resolve_db_path  # noqa: F401 - part of this module's API

SETTINGS_TABLE: str = "_settings"
NOTED_TABLES: tuple[str, ...] = (SETTINGS_TABLE,)
"""The tables a file's noted summary holds whole (small ones the first screen reads: see :meth:`Database.noted`)."""
BACKUP_DIR_NAME: str = "backups"
DAILY_BACKUPS_KEPT: int = 7
LOCK_TIMEOUT_SECONDS: float = 30.0

T = TypeVar("T")


def _now() -> datetime.datetime:
    """The current local time (a function so tests can pin it)."""
    return datetime.datetime.now()


def _stamp() -> str:
    """The current time as ``YYYYmmdd-HHMMSS`` for file names."""
    return _now().strftime("%Y%m%d-%H%M%S")


ENCODE_AHEAD_BYTES = 256_000
"""A data file at least this large has its records encoded ahead by the interface (:meth:`Database.encode_ahead`)."""


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cycle collector passes meanwhile (a parse's objects hold no cycles; passes over them would only cost time)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


ENCODE_AHEAD_BATCH = 100
"""Records encoded ahead between two rests (about a millisecond of work)."""

ENCODE_AHEAD_REST = 0.001
"""Seconds the encoding ahead rests after each batch, so that it never slows what a person is doing."""


class NewerSchemaError(StorageError):
    """The data file was written by a newer framewheel; it is left untouched."""


from tui.storage.datafile import (  # the file format, kept apart from the database
    MIGRATIONS,
    _decode,
    _encode,
    _has_records,
    _schema_version,
    _Unreadable,
    _with_version,
    damaged_records,
    without_records,
)


class _NeedsLock:
    """What :meth:`Database._prepare` returns, not holding the lock, when the file needs something written."""


_NEEDS_LOCK = _NeedsLock()


class Database:
    """One open framewheel data file (see the module docstring for its promises)."""

    def __init__(self, path: Path) -> None:
        """Open (creating, migrating or recovering) the data file at ``path``."""
        self.path: Path = Path(os.path.abspath(os.path.expanduser(path)))
        self.report: OpenReport = OpenReport()
        self.backup_dir: Path = self.path.parent / BACKUP_DIR_NAME
        self.lock_path: Path = self.path.with_name(self.path.name + ".lock")
        self._backup_pattern = re.compile(re.escape(self.path.stem) + r"-(v\d+-)?\d{8}(-\d{6})?(-\d+)?\.json")
        self._threads = threading.RLock()
        """Keeps this process's threads apart (the file lock keeps processes apart)."""
        if self.path.is_symlink():
            raise symlink_error(self.path)
        try:
            safefile.ensure_private_dir(self.path.parent)
            safefile.ensure_private_file(self.lock_path)
            self._tinydb = TinyDB(self.path, self.locked, storage=AtomicJSONStorage)
            with self.reading():  # a file that needs nothing written is only read: no lock to wait for
                prepared = self._prepare(locked=False)
            if prepared is _NEEDS_LOCK:
                with self.locked():
                    prepared = self._prepare(locked=True)
            with self.reading():
                if isinstance(prepared, dict):  # already parsed: the first read need not parse it again
                    self._storage.keep(prepared, expected=self._prepared_key)
                    with contextlib.suppress(OSError):
                        freeze_if_large(os.stat(self.path).st_size)
        except safefile.UnsafeFolderError as exc:  # the data folder or its backups folder is a link or not ours
            raise StorageError(f"The data file {self.path} was not opened: {exc}") from exc
        except OSError as exc:
            raise StorageError(f"The data file {self.path} could not be opened: {exc.strerror or exc}.") from exc

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Keep other threads of this process from changing the data while it is read."""
        with self._threads:
            yield

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the re-entrant inter-process lock (a 0600 ``.lock`` file beside the data file)."""
        with self._threads, self._file_lock():
            yield

    _prepared_key: FileKey | None = None
    """The identity of the file :meth:`_prepare` last read."""

    _found_damaged: tuple[FileKey | None, list[tuple[str, str, str]]] | None = None
    """The damaged records :meth:`_prepare` found without the lock, and the identity of the file they are in."""

    _lock: Any = None
    """The inter-process lock (a ``filelock.FileLock``), made the first time it is held."""

    _closed = False
    """True once :meth:`close` began: a thread still parsing or encoding keeps nothing."""

    _summary: tuple[FileKey, dict[str, Any]] | None = None
    """The summary noted with the file the opening left unparsed, and that file's identity (see :meth:`noted`)."""

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        """The inter-process part of :meth:`locked`.

        filelock is loaded when the lock is first needed (a first save, not a start that only
        reads the file): its twenty modules cost a start 8-12 ms.
        """
        import filelock

        if self._lock is None:
            self._lock = filelock.FileLock(str(self.lock_path), mode=0o600, timeout=LOCK_TIMEOUT_SECONDS)
        try:
            self._lock.acquire()
        except filelock.Timeout as exc:
            raise StorageError(
                f"The data file {self.path} is locked by another framewheel ({self.lock_path}); try again."
            ) from exc
        try:
            yield
        except BaseException:
            storage = getattr(self, "_tinydb", None)
            if storage is not None:  # a change that failed half-way must not linger in the kept data
                storage.storage.forget()
            raise
        finally:
            self._lock.release()

    def _prepare(self, locked: bool) -> Data | None | _NeedsLock:
        """Create, check the version, migrate or set aside, check the records, and back up.

        Returns the data now in the file when it was parsed here (None otherwise). Without
        ``locked`` (the lock not held) it only reads: as soon as something must be written (a
        new, unreadable, older or damaged file, a stale temporary file, today's backup) it
        returns :data:`_NEEDS_LOCK`, and is called again holding the lock. Reading needs no
        lock, as every write replaces the file by an atomic rename.
        """
        if self.path.is_symlink():
            raise symlink_error(self.path)
        stale = (self.path.parent, re.compile(re.escape(self.path.name))), (self.backup_dir, self._backup_pattern)
        if not locked and any(safefile.stale_temps(folder, target) for folder, target in stale):
            return _NEEDS_LOCK
        for folder, target in stale:
            safefile.remove_stale_temps(folder, target)
        self._prepared_key = read_from = self._storage.current_key()
        if not locked:
            unparsed = self._open_unparsed(read_from)
            if unparsed is not None:
                return None if unparsed else _NEEDS_LOCK
        raw = read_raw(self.path)
        if not locked and self._storage.current_key() != read_from:  # replaced while it was read: read it under the lock
            return _NEEDS_LOCK
        if raw is None or not raw.strip():
            if not locked:
                return _NEEDS_LOCK
            safefile.atomic_write(self.path, _encode(_with_version({}, SCHEMA_VERSION)))
            return None
        try:
            data = _decode(raw)
            version = _schema_version(data)
        except _Unreadable:
            if not locked:
                return _NEEDS_LOCK
            aside = safefile.link_aside(self.path, f"{self.path.name}.unreadable-{_stamp()}")
            safefile.atomic_write(self.path, _encode(_with_version({}, SCHEMA_VERSION)))
            self.report.moved_aside = aside
            self.report.latest_backup = next((b for b in self.backups() if _restorable(b)), None)
            return None
        if version > SCHEMA_VERSION:
            raise NewerSchemaError(
                f"The data file {self.path} was written by a newer framewheel (schema version {version}; "
                f"this one understands up to {SCHEMA_VERSION}), so it was left unchanged; "
                "please upgrade framewheel to open it."
            )
        if version < SCHEMA_VERSION:
            if not locked:
                return _NEEDS_LOCK
            if _has_records(data):
                safefile.ensure_private_dir(self.backup_dir)
                stem = f"{self.path.stem}-v{version}-{_stamp()}"
                self.report.backup = safefile.write_new_unique(self.backup_dir, stem, ".json", raw)
                self.report.migrated_from = version
            for step in range(version, SCHEMA_VERSION):
                data = _with_version(MIGRATIONS[step](data), step + 1)
            raw = _encode(data)
            safefile.atomic_write(self.path, raw)
            read_from = self._storage.current_key()  # the file as written here
        today = _now().date()
        if not locked and _has_records(data) and safefile.daily_copy_due(
                self.backup_dir, self.path.stem, today, DAILY_BACKUPS_KEPT):
            return _NEEDS_LOCK  # known before the records are checked, so that they are checked once
        if not checked.was_checked(self.path, read_from):  # a large file checked before, unchanged since, is not checked again
            found, self._found_damaged = self._found_damaged, None
            damaged = found[1] if found is not None and found[0] == read_from else damaged_records(data)
            if damaged and not locked:
                self._found_damaged = (read_from, damaged)  # the same file under the lock is not checked again
                return _NEEDS_LOCK
            if damaged:  # a copy of the whole file first, then the rest kept: never silently dropped
                aside = safefile.link_aside(self.path, f"{self.path.name}.damaged-{_stamp()}")
                data = without_records(data, damaged)
                raw = _encode(data)
                safefile.atomic_write(self.path, raw)
                read_from = self._storage.current_key()  # the file as written here
                self.report.damaged_copy = aside
                self.report.damaged_records = [problem for _, _, problem in damaged]
            checked.note_checked(self.path, read_from)  # the file read and checked, or as written here
        if _has_records(data):
            safefile.ensure_private_dir(self.backup_dir)
            safefile.keep_daily_copy(self.backup_dir, self.path.stem, today, raw, DAILY_BACKUPS_KEPT)
        return data

    def _open_unparsed(self, key: FileKey | None) -> bool | None:
        """Leave the file of ``key`` unparsed when a summary of it is noted (True), so that a start need not wait for the parse.

        A file with a noted summary is one framewheel checked or wrote and summarised as it
        closed (:meth:`close`), at this schema version; it needs nothing written unless today's
        copy is due (False: it is then parsed, once, holding the lock). Its data is parsed at
        the first read that needs more than the summary holds, or by :meth:`encode_ahead` once
        the interface has drawn its first screen. None: there is no summary of this file.
        """
        summary = checked.noted_summary(self.path, key)
        if key is None or summary is None or summary.get("schema") != SCHEMA_VERSION:
            return None
        tables, counts = summary.get("tables"), summary.get("counts")
        if not isinstance(tables, dict) or not isinstance(counts, dict) or not all(
                isinstance(records, dict) and all(key.isascii() and key.isdigit() and isinstance(record, dict)
                                                  for key, record in records.items())
                for records in tables.values()) or not all(isinstance(count, int) and not isinstance(count, bool)
                                                           for count in counts.values()):
            return None  # a note spoilt by hand
        if any(count for name, count in counts.items() if name != META_TABLE) and safefile.daily_copy_due(
                self.backup_dir, self.path.stem, _now().date(), DAILY_BACKUPS_KEPT):
            return False
        self._summary = (key, summary)
        self._storage.opened_unparsed = key
        return True

    def noted(self, name: str) -> Any:
        """Item ``name`` of the summary noted with the data file, while the file is unparsed and unchanged (else None).

        The interface's first screen reads what it needs from the summary (the settings, the
        tables' counts, the newest saved work) instead of waiting for the file to be parsed
        (at 50,000 wheels, 300-450 ms in a fresh process). Once the file is parsed, or when another program
        changed it, there is no summary: the data itself is read.
        """
        noted = self._summary  # read once: another thread may drop it meanwhile
        if noted is None:
            return None
        key, summary = noted
        if self._storage.parsed() or self._storage.current_key() != key:
            self._summary = None
            return None
        return summary.get(name)

    def summary(self, extra: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
        """A summary of the kept data for the next opening (see :meth:`close`), or None when nothing is kept."""
        with self.reading():
            data = self._storage.read() if self._storage.parsed() else None
            if data is None:
                return None
            return {"schema": SCHEMA_VERSION, "counts": {name: len(records) for name, records in data.items()},
                    "tables": {name: data.get(name, {}) for name in NOTED_TABLES}, **(extra or {})}

    def backups(self) -> list[Path]:
        """Backups of this data file in the backups folder, newest first."""
        return safefile.newest_first(self.backup_dir, self._backup_pattern)

    def restore_backup(self, backup: Path) -> Path | None:
        """Replace the data file with ``backup`` atomically, under the lock.

        The current file is first set aside as ``<name>.replaced-YYYYmmdd-HHMMSS``
        and that path returned (None if there was no current file).  An older
        backup is migrated as on open.
        """
        backup = Path(backup)
        with self.locked():
            raw = read_raw(backup)
            if raw is None:
                raise StorageError(f"The backup {backup} does not exist, so nothing was restored.")
            try:
                version = _schema_version(_decode(raw))
            except _Unreadable as exc:
                msg = f"The backup {backup} could not be read because {exc}, so nothing was restored."
                raise StorageError(msg) from exc
            if version > SCHEMA_VERSION:
                raise NewerSchemaError(f"The backup {backup} is from a newer framewheel, so nothing was restored.")
            try:
                aside = None
                if os.path.lexists(self.path):
                    aside = safefile.link_aside(self.path, f"{self.path.name}.replaced-{_stamp()}")
                safefile.atomic_write(self.path, raw)
                self._prepare(locked=True)
            except OSError as exc:
                raise StorageError(f"The backup {backup} could not be restored: {exc.strerror or exc}.") from exc
            return aside

    def change_record(self, table: str, record_id: int, fn: Callable[[Record], Record]) -> Record:
        """Read-modify-write one record of ``table`` under one lock, with one read and one write.

        The file is read under the lock (so a change another instance made is seen),
        ``fn`` is applied to a private copy of the record, and only that record is encoded
        again (see :meth:`write`). Returns a private copy of the stored record, with ``"id"``.
        """
        key = str(record_id)

        def change(records: Mapping[str, Record], next_id: Callable[[], int]) -> tuple[dict[str, Record | None], Record]:
            """The one changed record, from ``fn`` applied to a copy of the stored one."""
            if key not in records:
                raise KeyError(f"No record {record_id} in {table}")
            new = _strip_id(fn(copy.deepcopy({**records[key], "id": record_id})))
            return {key: new}, new

        new = self.write(table, change)
        return copy.deepcopy({**new, "id": record_id})

    def write(self, table: str, plan: Callable[[Mapping[str, Record], Callable[[], int]], tuple[Mapping[str, Record | None], T]]) -> T:
        """The one way records are written: one lock, one read of the file as it is now, one atomic write.

        ``plan(records, next_id)`` gets the table's stored records (read-only) and a function
        giving the table's next free id, and returns the changes (record key -> new record
        without ``"id"``, or None to remove it) and a result, which is returned. Only the
        changed records are encoded again; the rest of the file is assembled from the bytes
        kept since the last read or write (see :class:`AtomicJSONStorage`). Nothing is written
        when ``plan`` raises or returns no changes.
        """
        storage = self._storage
        with self.locked():
            data: Data = storage.read() or {}
            changes, result = plan(data.get(table, {}), lambda: storage.next_id(data, table))
            if changes:
                storage.commit(data, table, changes)
            return result

    def derived(self, table: str, name: str, build: Callable[[Mapping[str, Record]], T],
                update: Refresh | None = None) -> T:
        """``build(records of table)`` kept until the table changes or the file is read again (read-only).

        For lookups that would otherwise pass over every record per call: the newest
        record, the fingerprints an import compares with. ``name`` tells lookups of one
        table apart; ``update`` (see :meth:`AtomicJSONStorage.derived`) keeps the lookup
        up to date across this process's writes instead of building it again.
        """
        storage = self._storage
        with self.reading():
            data: Data = storage.read() or {}
            found: T = storage.derived(data, table, name, build, update)
            return found

    def encode_ahead(self, min_bytes: int = ENCODE_AHEAD_BYTES,
                     warm_ups: Sequence[Callable[[], object]] = ()) -> threading.Thread | None:
        """Encode every record once, in a background thread, so that even the first save costs what it changed.

        Without it the first save after the file is read encodes every record (at 10,000
        wheels ~120 ms, at 50,000 ~700 ms). The thread takes a list of the records under the
        thread lock (a moment), encodes them one at a time without it (other threads get the
        interpreter in between) and keeps the result only if no write or new read came first.
        Everything but a ``stat`` happens in the thread (the warm-ups are made by the caller, but
        run there), so the caller (the interface, once it has drawn its first screen) never waits
        for the lock or a re-read. A file the opening
        left unparsed (:meth:`_open_unparsed`) is parsed there first, holding the thread lock: a
        read on another thread meanwhile waits for that parse rather than making a second one. Each of
        ``warm_ups`` is called in the thread once the records are read, before they are encoded:
        lookups kept with the data (:meth:`derived`, such as the history's order) that the next
        screen would otherwise build on the interface's thread. Returns the thread
        (None when the file is smaller than ``min_bytes``: then the first save is quick anyway);
        the command line never calls this.
        """
        storage = self._storage
        with contextlib.suppress(OSError):
            if os.stat(self.path).st_size < min_bytes:
                return None

        def encode() -> None:
            """List the kept records (the file read again first if another program changed it), encode them a
            few at a time, giving way in between, then hand them to the storage: all off the caller's thread."""
            with self.reading():
                if self._closed:
                    return
                try:
                    with _collector_paused():  # a file opened unparsed is parsed here: a million objects, no cycles
                        storage.read()
                except StorageError:
                    return  # the next read on another thread says what is wrong
                found = storage.records_to_encode()
            for warm_up in warm_ups:
                with self.reading():  # so that a close cannot come between the check and the lookup
                    if self._closed:
                        return
                    with contextlib.suppress(Exception):  # only ahead of need: asked for later, it is built (or fails) there
                        warm_up()
            if found is None or self._closed:
                return
            data, tables = found
            encoded: dict[str, dict[str, bytes]] = {}
            for table, records in tables.items():
                done = encoded[table] = {}
                for count, (key, record) in enumerate(records.items(), 1):
                    done[key] = fragment(key, record)
                    if not count % ENCODE_AHEAD_BATCH:
                        time.sleep(ENCODE_AHEAD_REST)  # the interface's thread runs at once if it has work
            with self.reading():
                if not self._closed:
                    storage.adopt_fragments(data, tables, encoded)

        thread = threading.Thread(target=encode, name="framewheel-encode-ahead", daemon=True)
        thread.start()
        return thread

    @property
    def _storage(self) -> AtomicJSONStorage:
        """The storage under the TinyDB instance (always an :class:`AtomicJSONStorage`)."""
        storage = self._tinydb.storage
        assert isinstance(storage, AtomicJSONStorage)
        return storage

    def collection(self, name: str) -> Collection:
        """The records of table ``name`` (names starting with ``_`` are reserved)."""
        if not name or name.startswith("_"):
            raise ValueError(f"Collection names must not be empty or start with '_': {name!r}")
        return Collection(self, name)

    def close(self, summary: Callable[[], Mapping[str, Any]] | None = None) -> None:
        """Close the database; the lock file stays for other processes.

        When the file on disk is the one this process last wrote, a large one is noted as
        checked (:mod:`tui.storage.checked`), so that the next open need not check its records.
        With ``summary`` (the interface's), a summary of the file is noted with it (:meth:`summary`
        with ``summary()`` added: what the next start's first screen reads), also for a file
        only read, when its records are known checked and it is unchanged since; a file left
        unparsed keeps the summary it was opened with.
        """
        with self.reading():
            self._closed = True
            storage = self._storage
            good = storage.known_good() if summary is not None else storage.last_written()
            if good is not None:
                noted = self.summary(summary()) if summary is not None else None
                if storage.known_good() == good:  # the summary is of that file (not one read meanwhile)
                    checked.note_checked(self.path, good, noted)
            self._tinydb.close()  # under the thread lock: a background thread never reads meanwhile

    def remove_if_empty(self) -> bool:
        """Close and delete a data file that holds no records, with its lock file; True if it was removed.

        For a command that created the file and then failed (an import whose every file was
        refused): it must leave nothing behind. A file that holds any record is kept.
        """
        with self.locked():
            data = self._storage.read() or {}
            if _has_records(data):
                return False
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        self.close()
        with contextlib.suppress(OSError):
            self.lock_path.unlink()
        with contextlib.suppress(OSError):
            self.backup_dir.rmdir()  # only when empty
        return True

    def __enter__(self) -> Database:
        """Use as a context manager that closes on exit."""
        return self

    def __exit__(self, *exc: object) -> None:
        """Close on leaving the ``with`` block."""
        self.close()


def _restorable(backup: Path) -> bool:
    """True when ``backup`` parses and is not from a newer schema."""
    try:
        raw = safefile.read_bytes_nofollow(backup)
        return raw is not None and _schema_version(_decode(raw)) <= SCHEMA_VERSION
    except (OSError, _Unreadable):
        return False


def _record_id(record: Record) -> int:
    """The id of a record handed out (the sort key of listings)."""
    return int(record["id"])


def _strip_id(record: Mapping[str, Any]) -> Record:
    """A copy of ``record`` without the ``id`` key (the id is the doc id, not stored)."""
    return {k: v for k, v in record.items() if k != "id"}


class Collection:
    """Records (plain JSON dicts) in one table; every write holds the lock and re-reads the file first.

    Reads come straight from the kept data (parsed again only when the file changed); writes go
    through :meth:`Database.write`, which encodes only the records they change.

    ``get`` and ``mutate`` hand out private copies; ``all`` and ``find`` return
    records whose nested values must be treated as read-only (copying thousands
    of records on every listing would be slow).
    """

    def __init__(self, db: Database, name: str) -> None:
        """A view of table ``name`` of ``db`` (use :meth:`Database.collection`)."""
        self.name: str = name
        self._db = db

    def _stored(self) -> Mapping[str, Record]:
        """The table's stored records as read now (key -> record); use only while holding :meth:`Database.reading`.

        A table the data file's noted summary holds whole is read from it while the file is unparsed.
        """
        tables = self._db.noted("tables") if self.name in NOTED_TABLES else None
        if isinstance(tables, dict) and self.name in tables:
            noted: Mapping[str, Record] = tables[self.name]
            return noted
        return (self._db._storage.read() or {}).get(self.name, {})

    def all(self) -> list[Record]:
        """Every record, each with ``"id"``, in insertion (id) order (one shallow copy each)."""
        with self._db.reading():
            found = [{**record, "id": int(key)} for key, record in self._stored().items()]
        return sorted(found, key=_record_id)

    def stored_items(self) -> list[tuple[int, Record]]:
        """Every (id, record) as stored, in insertion order, without a copy of any record: read-only.

        For a pass over thousands of records that only reads them (an export); anything kept or
        changed must be copied first.
        """
        with self._db.reading():
            return [(int(key), record) for key, record in self._stored().items()]

    def get(self, record_id: int) -> Record | None:
        """A private (deep) copy of the record with this id, or None."""
        with self._db.reading():
            record = self._stored().get(str(record_id))
            return None if record is None else copy.deepcopy({**record, "id": record_id})

    def insert(self, record: Mapping[str, Any]) -> int:
        """Add a record (any ``"id"`` key in it is ignored); return its new id (the kept next id, no scan)."""

        def add(records: Mapping[str, Record], next_id: Callable[[], int]) -> tuple[dict[str, Record | None], int]:
            """The new record under the table's next id."""
            new_id = next_id()
            return {str(new_id): _strip_id(record)}, new_id

        return self._db.write(self.name, add)

    def insert_many(self, records: list[Mapping[str, Any]]) -> list[int]:
        """Add several records in one atomic write (all or none); return their new ids."""

        def add(stored: Mapping[str, Record], next_id: Callable[[], int]) -> tuple[dict[str, Record | None], list[int]]:
            """The new records under consecutive ids from the table's next id."""
            first = next_id() if records else 0
            ids = [first + n for n in range(len(records))]
            return {str(i): _strip_id(r) for i, r in zip(ids, records)}, ids

        return self._db.write(self.name, add)

    def _change(self, record_id: int, new: Callable[[Record], Record | None]) -> None:
        """Write ``new(stored record)`` (None removes it) in place of the record; KeyError if it is missing."""
        key = str(record_id)

        def change(records: Mapping[str, Record], next_id: Callable[[], int]) -> tuple[dict[str, Record | None], None]:
            """The one changed record."""
            if key not in records:
                raise KeyError(f"No record {record_id} in {self.name}")
            return {key: new(records[key])}, None

        self._db.write(self.name, change)

    def update(self, record_id: int, changes: Mapping[str, Any]) -> None:
        """Shallow-merge ``changes`` into the record; KeyError if it is missing."""
        self._change(record_id, lambda stored: {**stored, **_strip_id(changes)})

    def replace(self, record_id: int, record: Mapping[str, Any]) -> None:
        """Replace the record's fields with ``record``; KeyError if it is missing."""
        self._change(record_id, lambda stored: _strip_id(record))

    def remove(self, record_id: int) -> None:
        """Delete the record; KeyError if it is missing."""
        self._change(record_id, lambda stored: None)

    def count(self) -> int:
        """How many records there are (from the noted summary while the data file is unparsed)."""
        counts = self._db.noted("counts")
        if isinstance(counts, dict):
            noted = counts.get(self.name, 0)
            if isinstance(noted, int):
                return noted
        with self._db.reading():
            return len(self._stored())

    def find(self, **equals: object) -> list[Record]:
        """Records whose top-level fields equal the given values (``id=`` matches the id)."""
        wanted_id = equals.pop("id", None)
        wanted = list(equals.items())
        with self._db.reading():
            found = [{**record, "id": int(key)} for key, record in self._stored().items()
                     if (wanted_id is None or int(key) == wanted_id)
                     and all(field in record and record[field] == value for field, value in wanted)]
        return sorted(found, key=_record_id)

    def derived(self, name: str, build: Callable[[Mapping[str, Record]], T], update: Refresh | None = None) -> T:
        """A lookup over this table's stored records (key -> record), kept until the table changes.

        See :meth:`Database.derived`; the result must be treated as read-only.
        """
        return self._db.derived(self.name, name, build, update)

    def mutate(self, record_id: int, fn: Callable[[Record], Record]) -> Record:
        """Read-modify-write one record: one lock, one read of the file as it is now, one write.

        ``fn`` gets a private copy of the stored record (with ``"id"``) and returns the
        record to store; KeyError (nothing written) when the record is missing.
        """
        return self._db.change_record(self.name, record_id, fn)
