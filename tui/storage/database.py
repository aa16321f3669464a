"""The framewheel data file: one TinyDB JSON file, kept safe.

This is the only module that imports TinyDB, and it never imports Textual.
It keeps the storage promises of the design:

* every save is atomic (see :mod:`tui.storage.safefile`) and UTF-8 whatever the locale;
* every read-modify-write holds an inter-process file lock and re-reads the
  file under it, so two instances on one file do not lose changes;
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
import os
import re
import threading
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import filelock
from tinydb import Query, TinyDB
from tinydb.storages import Storage
from tinydb.table import Document, Table

from tui.storage import safefile
from tui.storage.datafile import SCHEMA_VERSION, Data, OpenReport
from tui.storage.paths import APP_NAME, default_db_path, resolve_db_path  # noqa: F401 - part of this module's API

SETTINGS_TABLE: str = "_settings"
BACKUP_DIR_NAME: str = "backups"
DAILY_BACKUPS_KEPT: int = 7
LOCK_TIMEOUT_SECONDS: float = 30.0

Record = dict[str, Any]


def _now() -> datetime.datetime:
    """The current local time (a function so tests can pin it)."""
    return datetime.datetime.now()


def _stamp() -> str:
    """The current time as ``YYYYmmdd-HHMMSS`` for file names."""
    return _now().strftime("%Y%m%d-%H%M%S")



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


class _AtomicJSONStorage(Storage):
    """TinyDB storage: UTF-8 JSON written atomically under the lock, re-read whenever the file changed.

    The parsed data is kept while the file on disk is the same file: its
    device, inode, modification time and size are checked on every read (under
    the lock for writes), and an open descriptor pins the inode so that it
    cannot be reused by another file. Any change by another process (always an
    atomic rename, so a new inode) makes the next read parse the file again.
    """

    def __init__(self, path: Path, locked: Callable[[], AbstractContextManager[None]]) -> None:
        """Remember the file and the database's ``locked`` method, which every write holds."""
        self._path = path
        self._locked = locked
        self._cache: Data | None = None
        self._cache_key: tuple[int, int, int, int] | None = None
        self._pin: int | None = None

    def _current_key(self) -> tuple[int, int, int, int] | None:
        """Identity of the file now on disk (None when missing)."""
        try:
            st = os.stat(self._path, follow_symlinks=False)
        except OSError:
            return None
        return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)

    def forget(self) -> None:
        """Drop the kept data (after a failed write, or when the file was replaced by other means)."""
        self._cache, self._cache_key = None, None
        if self._pin is not None:
            os.close(self._pin)
            self._pin = None

    def keep(self, data: Data) -> None:
        """Keep ``data`` as the content of the file now on disk, pinning its inode."""
        self.forget()
        try:
            descriptor = os.open(self._path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return
        st = os.fstat(descriptor)
        self._pin, self._cache = descriptor, data
        self._cache_key = (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)

    def read(self) -> Data | None:
        """The file's data (None when it is missing or empty); parsed again only if the file changed."""
        key = self._current_key()
        if key is not None and key == self._cache_key:
            return self._cache
        raw = _read_raw(self._path)
        if raw is None or not raw.strip():
            self.forget()
            return None
        try:
            data = _decode(raw)
        except _Unreadable as exc:
            self.forget()
            raise StorageError(f"The data file {self._path} could not be read because {exc}.") from exc
        if self._current_key() == key:  # unchanged while it was read: safe to keep
            self.keep(data)
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Atomically replace the file with ``data`` (always stamped with the schema version)."""
        with self._locked():
            self.write_held(data)

    def write_held(self, data: Mapping[str, dict[str, Any]]) -> None:
        """:meth:`write` for a caller that already holds the lock (no second acquisition)."""
        versioned = _with_version(dict(data), SCHEMA_VERSION)
        payload = _encode(versioned)
        try:
            safefile.atomic_write(self._path, payload)
        except OSError as exc:
            self.forget()
            raise StorageError(f"The data file {self._path} could not be saved: {exc.strerror or exc}.") from exc
        self.keep(versioned)

    def close(self) -> None:
        """Release the pinned descriptor."""
        self.forget()


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
            self._lock = filelock.FileLock(str(self.lock_path), mode=0o600, timeout=LOCK_TIMEOUT_SECONDS)
            self._tinydb = TinyDB(self.path, self.locked, storage=_AtomicJSONStorage)
            with self.locked():
                prepared = self._prepare()
                if prepared is not None:  # already parsed: the first read need not parse it again
                    self._storage.keep(prepared)
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

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        """The inter-process part of :meth:`locked`."""
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

    def _prepare(self) -> Data | None:
        """Under the lock: create, check the version, migrate or set aside, and back up.

        Returns the data now in the file when it was parsed here (None otherwise).
        """
        if self.path.is_symlink():
            raise _symlink_error(self.path)
        safefile.remove_stale_temps(self.path.parent, re.compile(re.escape(self.path.name)))
        safefile.remove_stale_temps(self.backup_dir, self._backup_pattern)
        raw = _read_raw(self.path)
        if raw is None or not raw.strip():
            safefile.atomic_write(self.path, _encode(_with_version({}, SCHEMA_VERSION)))
            return None
        try:
            data = _decode(raw)
            version = _schema_version(data)
        except _Unreadable:
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
            if _has_records(data):
                safefile.ensure_private_dir(self.backup_dir)
                stem = f"{self.path.stem}-v{version}-{_stamp()}"
                self.report.backup = safefile.write_new_unique(self.backup_dir, stem, ".json", raw)
                self.report.migrated_from = version
            for step in range(version, SCHEMA_VERSION):
                data = _with_version(MIGRATIONS[step](data), step + 1)
            raw = _encode(data)
            safefile.atomic_write(self.path, raw)
        damaged = damaged_records(data)
        if damaged:  # a copy of the whole file first, then the rest kept: never silently dropped
            aside = safefile.link_aside(self.path, f"{self.path.name}.damaged-{_stamp()}")
            data = without_records(data, damaged)
            raw = _encode(data)
            safefile.atomic_write(self.path, raw)
            self.report.damaged_copy = aside
            self.report.damaged_records = [problem for _, _, problem in damaged]
        if _has_records(data):
            safefile.ensure_private_dir(self.backup_dir)
            safefile.keep_daily_copy(self.backup_dir, self.path.stem, _now().date(), raw, DAILY_BACKUPS_KEPT)
        return data

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
                self._prepare()
            except OSError as exc:
                raise StorageError(f"The backup {backup} could not be restored: {exc.strerror or exc}.") from exc
            return aside

    def change_record(self, table: str, record_id: int, fn: Callable[[Record], Record]) -> Record:
        """Read-modify-write one record of ``table`` under one lock, with one read and one write.

        The file is read under the lock (so a change another instance made is seen),
        ``fn`` is applied to a private copy of the record, and the whole data written
        back atomically. Returns a private copy of the stored record, with ``"id"``.
        """
        storage = self._storage
        with self.locked():
            data: Data = storage.read() or {}
            records = data.get(table, {})
            key = str(record_id)
            if key not in records:
                raise KeyError(f"No record {record_id} in {table}")
            new = _strip_id(fn(copy.deepcopy({**records[key], "id": record_id})))
            storage.write_held({**data, table: {**records, key: new}})
            return copy.deepcopy({**new, "id": record_id})

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

    def _table(self, name: str) -> Table:
        """The TinyDB table ``name`` with its query cache off (another process may write)."""
        return self._tinydb.table(name, cache_size=0)

    def close(self) -> None:
        """Close the database; the lock file stays for other processes."""
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


def _as_record(doc: Document) -> Record:
    """A TinyDB document as a plain dict including its ``id``."""
    return {**doc, "id": doc.doc_id}


def _strip_id(record: Mapping[str, Any]) -> Record:
    """A copy of ``record`` without the ``id`` key (the id is the doc id, not stored)."""
    return {k: v for k, v in record.items() if k != "id"}


class Collection:
    """Records (plain JSON dicts) in one table; every write holds the lock and re-reads the file first.

    ``get`` and ``mutate`` hand out private copies; ``all`` and ``find`` return
    records whose nested values must be treated as read-only (copying thousands
    of records on every listing would be slow).
    """

    def _require(self, record_id: int) -> None:
        """Raise KeyError unless the record exists (call under the lock)."""
        if not self._table.contains(doc_id=record_id):
            raise KeyError(f"No record {record_id} in {self.name}")

    def __init__(self, db: Database, name: str) -> None:
        """A view of table ``name`` of ``db`` (use :meth:`Database.collection`)."""
        self.name: str = name
        self._db = db
        self._table = db._table(name)

    def all(self) -> list[Record]:
        """Every record, each with ``"id"``, in insertion (id) order."""
        with self._db.reading():
            return sorted((_as_record(d) for d in self._table.all()), key=lambda r: r["id"])

    def get(self, record_id: int) -> Record | None:
        """A private (deep) copy of the record with this id, or None."""
        with self._db.reading():
            doc = self._table.get(doc_id=record_id)
            return None if doc is None else copy.deepcopy(_as_record(doc))

    def insert(self, record: Mapping[str, Any]) -> int:
        """Add a record (any ``"id"`` key in it is ignored); return its new id."""
        with self._db.locked():
            ids = [doc.doc_id for doc in self._table.all()]
            new_id = max(ids, default=0) + 1
            return self._table.insert(Document(_strip_id(record), doc_id=new_id))

    def insert_many(self, records: list[Mapping[str, Any]]) -> list[int]:
        """Add several records in one atomic write (all or none); return their new ids."""
        with self._db.locked():
            first = max((doc.doc_id for doc in self._table.all()), default=0) + 1
            docs = [Document(_strip_id(r), doc_id=first + n) for n, r in enumerate(records)]
            return self._table.insert_multiple(docs) if docs else []

    def update(self, record_id: int, changes: Mapping[str, Any]) -> None:
        """Shallow-merge ``changes`` into the record; KeyError if it is missing."""
        with self._db.locked():
            self._require(record_id)
            self._table.update(_strip_id(changes), doc_ids=[record_id])

    def replace(self, record_id: int, record: Mapping[str, Any]) -> None:
        """Replace the record's fields with ``record``; KeyError if it is missing."""
        new = _strip_id(record)

        def swap(doc: MutableMapping[str, Any]) -> None:
            """Swap the stored fields for the new ones in place."""
            doc.clear()
            doc.update(new)

        with self._db.locked():
            self._require(record_id)
            self._table.update(swap, doc_ids=[record_id])

    def remove(self, record_id: int) -> None:
        """Delete the record; KeyError if it is missing."""
        with self._db.locked():
            self._require(record_id)
            self._table.remove(doc_ids=[record_id])

    def count(self) -> int:
        """How many records there are."""
        with self._db.reading():
            return len(self._table)

    def find(self, **equals: object) -> list[Record]:
        """Records whose top-level fields equal the given values (``id=`` matches the id)."""
        wanted_id = equals.pop("id", None)
        with self._db.reading():
            docs = self._table.search(Query().fragment(equals)) if equals else self._table.all()
            found = [_as_record(d) for d in docs if wanted_id is None or d.doc_id == wanted_id]
        return sorted(found, key=lambda r: r["id"])

    def mutate(self, record_id: int, fn: Callable[[Record], Record]) -> Record:
        """Read-modify-write one record: one lock, one read of the file as it is now, one write.

        ``fn`` gets a private copy of the stored record (with ``"id"``) and returns the
        record to store; KeyError (nothing written) when the record is missing.
        """
        return self._db.change_record(self.name, record_id, fn)
