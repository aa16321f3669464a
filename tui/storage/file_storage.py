"""The data file as TinyDB reads and writes it: parsed once and kept while unchanged, saved atomically from each record's kept bytes.

:class:`AtomicJSONStorage` is the storage under the database's TinyDB instance
(:mod:`tui.storage.database`, which opens the file, holds the locks and hands out
collections). It keeps the parsed data while the file on disk is the same file, the
records' encoded forms (:class:`~tui.storage.fragments.Fragments`), each table's next id and
the lookups derived from a table, and writes a save as one atomic, fsynced file. It never
imports Textual.
"""

from __future__ import annotations

import errno
import gc
import os
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from tui.storage import safefile
from tui.storage.datafile import META_TABLE, SCHEMA_VERSION, Data, _decode, _encode, _Unreadable, _with_version
from tui.storage.fragments import Fragments, fragment

Record = dict[str, Any]
"""One stored record (without its id)."""

Refresh = Callable[[Any, Mapping[str, Record], Mapping[str, "Record | None"]], Any]
"""Brings a derived lookup up to date after a write: (kept value, records after, changes) -> value or None."""


class StorageError(Exception):
    """A problem with the data file a user must be told about; str() is a complete, plain sentence naming the path."""


class SymlinkRefusedError(StorageError):
    """The data file path is a symbolic link, which is refused."""


FREEZE_BYTES = 2_000_000
"""A data file at least this large has its records taken out of the cycle collector's passes once read (``gc.freeze``)."""


def freeze_if_large(size: int) -> None:
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


FileKey = tuple[int, int, int, int, int]
"""A file's identity: device, inode, modification time, size and status-change time (which no one can set back)."""


def file_key(st: os.stat_result) -> FileKey:
    """The identity of the file ``st`` describes."""
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size, st.st_ctime_ns)


class AtomicJSONStorage(Storage):
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
        return file_key(st)

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
        self._cache_key = file_key(st)
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
        raw = read_raw(self._path)
        unchanged = self.current_key() == key  # not replaced while it was read
        if key is None or key != self.opened_unparsed or not unchanged:
            self.unchecked = True  # parsed here, not by the opening's check: what this process writes next is not known good
        if raw is None or not raw.strip():
            self.forget()
            return None
        try:
            data = _decode(raw)
        except _Unreadable as exc:
            self.forget()
            raise StorageError(f"The data file {self._path} could not be read because {exc}.") from exc
        if unchanged:  # safe to keep, unless replaced since (the identity is taken again as it is pinned)
            self.keep(data, expected=key)
        freeze_if_large(len(raw))
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


def read_raw(path: Path) -> bytes | None:
    """Read the file without following a symbolic link; errors become StorageError."""
    try:
        return safefile.read_bytes_nofollow(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise symlink_error(path) from exc
        raise StorageError(f"The data file {path} could not be read: {exc.strerror}.") from exc


def symlink_error(path: Path) -> SymlinkRefusedError:
    """The refusal for a data file path that is a symbolic link."""
    return SymlinkRefusedError(
        f"The data file {path} is a symbolic link, which framewheel refuses to use; "
        "give the path of the real file instead."
    )
