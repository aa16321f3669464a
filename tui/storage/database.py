"""The framewheel data file: one TinyDB JSON file, kept safe.

This is the only module that imports TinyDB, and it never imports Textual.
It keeps the storage promises of the design:

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
import errno
import gc
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB
from tinydb.storages import Storage

from tui.storage import checked, safefile
from tui.storage.fragments import Fragments, fragment
from tui.storage.datafile import META_TABLE, SCHEMA_VERSION, Data, OpenReport
from tui.storage.paths import APP_NAME, default_db_path, resolve_db_path  # noqa: F401 - part of this module's API

SETTINGS_TABLE: str = "_settings"
NOTED_TABLES: tuple[str, ...] = (SETTINGS_TABLE,)
"""The tables a file's noted summary holds whole (small ones the first screen reads: see :meth:`Database.noted`)."""
BACKUP_DIR_NAME: str = "backups"
DAILY_BACKUPS_KEPT: int = 7
LOCK_TIMEOUT_SECONDS: float = 30.0

Record = dict[str, Any]
T = TypeVar("T")
Refresh = Callable[[Any, Mapping[str, Record], Mapping[str, "Record | None"]], Any]
"""Brings a derived lookup up to date after a write: (kept value, records after, changes) -> value or None."""


def _now() -> datetime.datetime:
    """The current local time (a function so tests can pin it)."""
    return datetime.datetime.now()


def _stamp() -> str:
    """The current time as ``YYYYmmdd-HHMMSS`` for file names."""
    return _now().strftime("%Y%m%d-%H%M%S")



FREEZE_BYTES = 2_000_000
"""A data file at least this large has its records taken out of the cycle collector's passes once read (``gc.freeze``)."""


ENCODE_AHEAD_BYTES = 256_000
"""A data file at least this large has its records encoded ahead by the interface (:meth:`Database.encode_ahead`)."""


def _freeze_if_large(size: int) -> None:
    """After a file of ``size`` bytes was parsed: keep its records out of the cycle collector's passes when it is large.

    A large file's records live as long as it is open and hold no cycles (one dropped later is
    freed by its reference count): take them, and whatever else is alive now, out of the cycle
    collector's full passes (``gc.freeze``), which otherwise walk all of them on each pass (at
    10,000 wheels ~250 ms of opening the wheel history, and pauses of 30-100 ms of every thread
    while records are encoded). Small files (and tests) are left alone, so nothing else is kept
    from the collector.
    """
    if size >= FREEZE_BYTES:
        gc.freeze()


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


class StorageError(Exception):
    """A problem with the data file a user must be told about; str() is a complete, plain sentence naming the path."""


class SymlinkRefusedError(StorageError):
    """The data file path is a symbolic link, which is refused."""


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


FileKey = tuple[int, int, int, int, int]
"""A file's identity: device, inode, modification time, size and status-change time (which no one can set back)."""


def _file_key(st: os.stat_result) -> FileKey:
    """The identity of the file ``st`` describes."""
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size, st.st_ctime_ns)


class _AtomicJSONStorage(Storage):
    """TinyDB storage: UTF-8 JSON written atomically under the lock, re-read whenever the file changed.

    The parsed data is kept while the file on disk is the same file: its
    device, inode, modification time and size are checked on every read (under
    the lock for writes), and an open descriptor pins the inode so that it
    cannot be reused by another file. Any change by another process (always an
    atomic rename, so a new inode) makes the next read parse the file again.

    Beside the parsed data it keeps each record's encoded JSON (a :class:`Fragments`),
    so that a save (:meth:`commit`) re-encodes only the records it changed and
    assembles the file from the kept bytes; the bytes are exactly those of a full
    :func:`_encode`. It also keeps the next id of each table and the lookups derived
    from a table (:meth:`derived`). All of these belong to the kept data: they are
    dropped with it whenever the file is parsed again.
    """

    def __init__(self, path: Path, locked: Callable[[], AbstractContextManager[None]]) -> None:
        """Remember the file and the database's ``locked`` method, which every write holds."""
        self._path = path
        self._locked = locked
        self._cache: Data | None = None
        self._cache_key: FileKey | None = None
        self._pin: int | None = None
        self._fragments: Fragments | None = None
        self._next_ids: dict[str, int] = {}
        self._derived: dict[tuple[str, str], tuple[Any, Refresh | None]] = {}
        self._written_key: FileKey | None = None
        """The identity of the file this process last wrote, while that file is the kept one (else None)."""

    def current_key(self) -> FileKey | None:
        """Identity of the file now on disk (None when missing)."""
        try:
            st = os.stat(self._path, follow_symlinks=False)
        except OSError:
            return None
        return _file_key(st)

    def forget(self) -> None:
        """Drop the kept data and all that is kept with it (after a failed write, or a replaced file)."""
        self._cache, self._cache_key, self._written_key = None, None, None
        self._fragments = None
        self._next_ids = {}
        self._derived = {}
        self._unpin()

    def _unpin(self) -> None:
        """Close the descriptor that pins the kept file's inode."""
        if self._pin is not None:
            os.close(self._pin)
            self._pin = None

    def keep(self, data: Data, *, written: bool = False, expected: FileKey | None = None) -> None:
        """Keep ``data`` as the content of the file now on disk, pinning its inode (``written``: this process just wrote it).

        ``expected``: the identity of the file ``data`` was read from; when the file on disk is
        another by now (replaced meanwhile by another program), nothing is kept and the next
        read parses the file again.
        """
        self.forget()
        self._pin_file(data, written=written)
        if expected is not None and self._cache_key != expected:
            self.forget()

    def _pin_file(self, data: Data, *, written: bool = False) -> None:
        """Pin the file now on disk and record its identity as that of ``data`` (kept lookups stay).

        ``written``: this process has just written that file (else it was read).
        """
        self._unpin()
        self._written_key = None
        try:
            descriptor = os.open(self._path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            self.forget()
            return
        st = os.fstat(descriptor)
        self._pin, self._cache = descriptor, data
        self._cache_key = _file_key(st)
        if written:
            self._written_key = self._cache_key

    unchecked = False
    """True once this process parsed the file after its opening (it was changed by someone else, perhaps by
    hand): its records were not checked, so a file written from them is not noted as checked."""

    opened_unparsed: FileKey | None = None
    """The identity of the file the opening found noted as checked and left unparsed (see ``Database.noted``):
    parsing that file later is not parsing a file the opening did not check."""

    def known_good(self) -> FileKey | None:
        """The identity of the file on disk when the kept data is its content and its records are known checked.

        That is the file this process last wrote (:meth:`last_written`), or the one the opening
        checked (parsed then or later), unchanged since; None otherwise, and while nothing is kept.
        """
        written = self.last_written()
        if written is not None:
            return written
        if self.unchecked or self._cache_key is None or self._cache_key != self.current_key():
            return None
        return self._cache_key

    def parsed(self) -> bool:
        """True once the file's data is kept (parsed, or written by this process)."""
        return self._cache is not None

    def last_written(self) -> FileKey | None:
        """The identity of the file this process last wrote from checked records, when it is the file on disk now.

        None when another program changed the file since, or when this process read records
        the opening did not check (:attr:`unchecked`).
        """
        if self.unchecked or self._written_key is None or self._written_key != self.current_key():
            return None
        return self._written_key

    def read(self) -> Data | None:
        """The file's data (None when it is missing or empty); parsed again only if the file changed."""
        key = self.current_key()
        if key is not None and key == self._cache_key:
            return self._cache
        raw = _read_raw(self._path)
        if key is None or key != self.opened_unparsed:
            self.unchecked = True  # parsed here, not by the opening's check: what this process writes next is not known good
        if raw is None or not raw.strip():
            self.forget()
            return None
        try:
            data = _decode(raw)
        except _Unreadable as exc:
            self.forget()
            raise StorageError(f"The data file {self._path} could not be read because {exc}.") from exc
        if self.current_key() == key:  # unchanged while it was read: safe to keep
            self.keep(data)
        _freeze_if_large(len(raw))
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Atomically replace the file with ``data`` (always stamped with the schema version)."""
        with self._locked():
            self.write_held(data)

    def write_held(self, data: Mapping[str, dict[str, Any]]) -> None:
        """:meth:`write` for a caller that already holds the lock: the whole data encoded again."""
        versioned = _with_version(dict(data), SCHEMA_VERSION)
        self._save(_encode(versioned))
        self.keep(versioned, written=True)

    def _save(self, payload: safefile.Chunks) -> None:
        """Write ``payload`` (bytes, or pieces in order) atomically, fsynced and renamed over the file.

        A failure forgets the kept data, so a later read shows the file as it is on disk.
        """
        try:
            safefile.atomic_write(self._path, payload)
        except OSError as exc:
            self.forget()
            raise StorageError(f"The data file {self._path} could not be saved: {exc.strerror or exc}.") from exc
        except BaseException:
            self.forget()
            raise

    def next_id(self, data: Data, table: str) -> int:
        """The id the next record of ``table`` gets (one more than the highest); kept, not scanned per insert.

        Call under the lock with the data :meth:`read` just gave. The id is found by one pass
        over the table's keys the first time after the file was read, then kept up to date by
        :meth:`commit`.
        """
        if data is not self._cache or table not in self._next_ids:
            found = max((int(key) for key in data.get(table, {})), default=0) + 1
            if data is not self._cache:
                return found
            self._next_ids[table] = found
        return self._next_ids[table]

    def derived(self, data: Data, table: str, name: str, build: Callable[[Mapping[str, Record]], Any],
                update: Refresh | None = None) -> Any:
        """``build(records of table)``, kept until the table changes or the file is read again.

        For lookups that would otherwise pass over every record on each call (the latest
        record, the fingerprints an import compares with). With ``update``, a write to the
        table calls ``update(kept value, records after the write, changes)`` instead of
        dropping the value; it returns the value brought up to date as a new object (a reader
        may still hold the old one), or None to have it built again when next asked for. Call with the data :meth:`read`
        just gave, holding the thread lock; the result must be treated as read-only.
        """
        if data is not self._cache:
            return build(data.get(table, {}))
        key = (table, name)
        if key not in self._derived:
            self._derived[key] = (build(data.get(table, {})), update)
        return self._derived[key][0]

    def records_to_encode(self) -> tuple[Data, dict[str, dict[str, Record]]] | None:
        """The kept data and a copy of each table (key -> record), when its fragments are not kept yet (else None).

        Call holding the thread lock; the copies may then be encoded without it (records are
        replaced by writes, never changed in place) and handed to :meth:`adopt_fragments`.
        """
        if self._cache is None or self._fragments is not None:
            return None
        return self._cache, {table: dict(records) for table, records in self._cache.items()}

    def adopt_fragments(self, data: Data, listed: Mapping[str, Mapping[str, Record]],
                        encoded: Mapping[str, Mapping[str, bytes]]) -> bool:
        """Keep fragments encoded ahead from ``data``'s records, if ``data`` is still the kept data (True when kept).

        ``listed``: the tables as :meth:`records_to_encode` gave them; ``encoded``: per table,
        record key -> its fragment. A record replaced or added since is encoded here, so the
        fragments describe the data as it is now. Nothing is kept when a write or a new read
        came first (it has its own fragments). Call holding the thread lock.
        """
        if data is not self._cache or self._fragments is not None:
            return False
        fragments = Fragments()
        for table, records in data.items():
            was, ahead = listed.get(table, {}), encoded.get(table, {})
            fragments.adopt(table, {key: ahead[key] if was.get(key) is record and key in ahead
                                    else fragment(key, record) for key, record in records.items()})
        self._fragments = fragments
        return True

    def commit(self, data: Data, table: str, changes: Mapping[str, Record | None]) -> None:
        """Apply ``changes`` (record key -> new record, or None to remove it) to ``table`` and save.

        Call under the lock with the data :meth:`read` just gave. Only the changed records
        are encoded again when ``data`` is the kept data with its fragments; otherwise (the
        file was changed by another process, or was just opened) every record is encoded,
        one at a time so that other threads get the interpreter in between. The file is then
        assembled from the fragments, written atomically and fsynced; on any failure the kept
        data is forgotten, so a later read shows the file as it is on disk.
        """
        try:
            fragments = self._fragments if data is self._cache else None
            if fragments is None:
                fragments = Fragments()
            records = data.setdefault(table, {})
            for key, record in changes.items():
                if record is None:
                    records.pop(key, None)
                else:
                    records[key] = record
            fragments.changed(table, changes)
            stamp = {"1": {"schema_version": SCHEMA_VERSION}}
            if data.get(META_TABLE) != stamp:
                data[META_TABLE] = stamp
                fragments.changed(META_TABLE, None)
            payload = fragments.assemble(data)
        except BaseException:
            self.forget()
            raise
        kept = data is self._cache
        self._save(payload)
        self._pin_file(data, written=True)
        if self._cache is not data:
            return  # the file could not be pinned: everything was forgotten
        self._fragments = fragments
        if not kept:
            self._next_ids, self._derived = {}, {}
            return
        self._derived = _refreshed(self._derived, table, data.get(table, {}), changes)
        next_id = self._next_ids.get(table)
        if next_id is not None:
            removed_last = any(record is None and int(key) + 1 == next_id for key, record in changes.items())
            if removed_last:  # ids follow the highest present: found again at the next insert
                del self._next_ids[table]
            else:
                self._next_ids[table] = max([next_id, *(int(key) + 1 for key in changes)])

    def close(self) -> None:
        """Release the pinned descriptor."""
        self.forget()


def _refreshed(derived: Mapping[tuple[str, str], tuple[Any, Refresh | None]], table: str,
               records: Mapping[str, Record], changes: Mapping[str, Record | None]) -> dict[tuple[str, str], tuple[Any, Refresh | None]]:
    """The derived lookups after a write to ``table``: brought up to date by their ``update``, or dropped."""
    kept: dict[tuple[str, str], tuple[Any, Refresh | None]] = {}
    for key, (value, update) in derived.items():
        if key[0] != table:
            kept[key] = (value, update)
        elif update is not None:
            refreshed = update(value, records, changes)
            if refreshed is not None:
                kept[key] = (refreshed, update)
    return kept


def _read_raw(path: Path) -> bytes | None:
    """Read the file without following a symbolic link; errors become StorageError."""
    try:
        return safefile.read_bytes_nofollow(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise _symlink_error(path) from exc
        raise StorageError(f"The data file {path} could not be read: {exc.strerror}.") from exc


def _symlink_error(path: Path) -> SymlinkRefusedError:
    """The refusal for a data file path that is a symbolic link."""
    return SymlinkRefusedError(
        f"The data file {path} is a symbolic link, which framewheel refuses to use; "
        "give the path of the real file instead."
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
            raise _symlink_error(self.path)
        try:
            safefile.ensure_private_dir(self.path.parent)
            safefile.ensure_private_file(self.lock_path)
            self._tinydb = TinyDB(self.path, self.locked, storage=_AtomicJSONStorage)
            with self.reading():  # a file that needs nothing written is only read: no lock to wait for
                prepared = self._prepare(locked=False)
            if prepared is _NEEDS_LOCK:
                with self.locked():
                    prepared = self._prepare(locked=True)
            with self.reading():
                if isinstance(prepared, dict):  # already parsed: the first read need not parse it again
                    self._storage.keep(prepared, expected=self._prepared_key)
                    with contextlib.suppress(OSError):
                        _freeze_if_large(os.stat(self.path).st_size)
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
            raise _symlink_error(self.path)
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
        raw = _read_raw(self.path)
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
                isinstance(records, dict) and all(key.isdigit() and isinstance(record, dict) for key, record in records.items())
                for records in tables.values()):
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
        (at 50,000 wheels, 250-300 ms). Once the file is parsed, or when another program
        changed it, there is no summary: the data itself is read.
        """
        if self._summary is None:
            return None
        key, summary = self._summary
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
            raw = _read_raw(backup)
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
        kept since the last read or write (see :class:`_AtomicJSONStorage`). Nothing is written
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
        table apart; ``update`` (see :meth:`_AtomicJSONStorage.derived`) keeps the lookup
        up to date across this process's writes instead of building it again.
        """
        storage = self._storage
        with self.reading():
            data: Data = storage.read() or {}
            found: T = storage.derived(data, table, name, build, update)
            return found

    def encode_ahead(self, min_bytes: int = ENCODE_AHEAD_BYTES) -> threading.Thread | None:
        """Encode every record once, in a background thread, so that even the first save costs what it changed.

        Without it the first save after the file is read encodes every record (at 10,000
        wheels ~120 ms, at 50,000 ~700 ms). The thread takes a list of the records under the
        thread lock (a moment), encodes them one at a time without it (other threads get the
        interpreter in between) and keeps the result only if no write or new read came first.
        Everything but a ``stat`` happens in the thread, so the caller (the interface, once it
        has drawn its first screen) never waits for the lock or a re-read. A file the opening
        left unparsed (:meth:`_open_unparsed`) is parsed there first, holding the thread lock: a
        read on another thread meanwhile waits for that parse rather than making a second one. Returns the thread
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
            if found is None:
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
                storage.adopt_fragments(data, tables, encoded)

        thread = threading.Thread(target=encode, name="framewheel-encode-ahead", daemon=True)
        thread.start()
        return thread

    @property
    def _storage(self) -> _AtomicJSONStorage:
        """The storage under the TinyDB instance (always an :class:`_AtomicJSONStorage`)."""
        storage = self._tinydb.storage
        assert isinstance(storage, _AtomicJSONStorage)
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
        self._tinydb.close()

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
        tables = self._db.noted("tables")
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
