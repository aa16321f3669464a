"""Private, crash-safe file helpers for the data folder.

Everything here works on bytes and paths only; it knows nothing about TinyDB,
JSON or Textual.  The promises it keeps:

* folders it creates are 0700 and files it creates are 0600, whatever the
  umask (the mode is passed to ``os.open``/``os.mkdir`` and then set again with
  ``fchmod``/``chmod``, which the umask does not affect);
* :func:`atomic_write` leaves the target either entirely old or entirely new:
  it writes a temporary file in the same folder, flushes and fsyncs it,
  renames it over the target with ``os.replace`` and fsyncs the folder;
* nothing here ever overwrites an existing file except :func:`atomic_write`
  (which overwrites its target by design); symbolic links are not followed;
* a folder it is asked to write into (:func:`ensure_private_dir`) must be a real
  folder owned by the current user, not a symbolic link or another user's folder.
"""

from __future__ import annotations

import datetime
import errno
import os
import re
import stat
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import Union

PRIVATE_FILE_MODE: int = 0o600
PRIVATE_DIR_MODE: int = 0o700
TEMP_MARKER: str = ".tmp-"

_NOFOLLOW: int = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC: int = getattr(os, "O_CLOEXEC", 0)
_DIRECTORY: int = getattr(os, "O_DIRECTORY", 0)


class UnsafeFolderError(OSError):
    """A folder framewheel would write into is not a real folder owned by this user (a link, a file, another's)."""

    def __init__(self, folder: Path, why: str) -> None:
        """Keep the folder and a sentence naming it."""
        super().__init__(
            f"The folder {folder} {why}; framewheel writes only into a real folder owned by you, "
            "so nothing was written there."
        )
        self.folder = folder


def check_own_dir(folder: Path) -> None:
    """Raise :class:`UnsafeFolderError` unless ``folder`` is a real folder (not a link) owned by the current user.

    Only ``folder`` itself is checked, not the folders above it (``/tmp`` or a home folder may
    legitimately be reached through a link).
    """
    try:
        st = os.lstat(folder)
    except FileNotFoundError:
        raise UnsafeFolderError(folder, "does not exist") from None
    if stat.S_ISLNK(st.st_mode):
        raise UnsafeFolderError(folder, "is a symbolic link")
    if not stat.S_ISDIR(st.st_mode):
        raise UnsafeFolderError(folder, "is not a folder")
    getuid = getattr(os, "getuid", None)
    if getuid is not None and st.st_uid != getuid():
        raise UnsafeFolderError(folder, "belongs to another user")


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` and any missing parents with mode 0700, then check it is a real folder of ours.

    Only folders this call creates get their mode set (parents included, whatever the umask);
    folders that already exist are left exactly as they are. ``folder`` itself must then be a
    real folder owned by the current user, not a symbolic link (:func:`check_own_dir`), or
    :class:`UnsafeFolderError` (an ``OSError``) is raised and nothing should be written there.
    """
    missing: list[Path] = []
    current = Path(os.path.abspath(folder))
    while not os.path.lexists(current):
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for created in reversed(missing):
        try:
            os.mkdir(created, PRIVATE_DIR_MODE)
        except FileExistsError:
            continue  # someone else made it meanwhile: not ours to chmod
        os.chmod(created, PRIVATE_DIR_MODE)
    check_own_dir(Path(os.path.abspath(folder)))


def ensure_private_file(path: Path) -> None:
    """Create ``path`` as an empty 0600 file if it does not exist yet."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, PRIVATE_FILE_MODE)
    except FileExistsError:
        return
    try:
        os.fchmod(fd, PRIVATE_FILE_MODE)
    finally:
        os.close(fd)


def read_bytes_nofollow(path: Path) -> bytes | None:
    """Return the bytes of ``path``, or None if it does not exist.

    A symbolic link is not followed: opening one raises ``OSError`` with
    ``errno.ELOOP``.
    """
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (renames, new names) to disk."""
    fd = os.open(folder, os.O_RDONLY | _DIRECTORY | _CLOEXEC)
    try:
        with suppress(OSError):  # some file systems cannot fsync a folder
            os.fsync(fd)
    finally:
        os.close(fd)


def _open_private_temp(target: Path) -> tuple[int, Path]:
    """Create a fresh 0600 temporary file beside ``target``; return (fd, path)."""
    while True:
        temp = target.with_name(f".{target.name}{TEMP_MARKER}{os.urandom(6).hex()}")
        try:
            fd = os.open(
                temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC, PRIVATE_FILE_MODE
            )
        except FileExistsError:
            continue
        try:
            os.fchmod(fd, PRIVATE_FILE_MODE)  # beat the umask
        except BaseException:
            os.close(fd)
            _unlink_quietly(temp)
            raise
        return fd, temp


Chunks = Union[bytes, Sequence[bytes]]
"""What a file is written from: its bytes, or its bytes in order as a sequence of pieces."""

_WRITEV_BATCH: int = 1024
"""Pieces handed to one ``os.writev`` call (POSIX guarantees at least 16; Linux takes 1024)."""


def _write_all(fd: int, data: Chunks) -> None:
    """Write ``data`` (bytes, or pieces in order) to ``fd`` entirely.

    Pieces go to the kernel straight from where they are, with ``os.writev`` (the
    interpreter lock released for each call, and no copy of the whole joined in memory);
    a short write is finished with plain writes.
    """
    pieces = [data] if isinstance(data, (bytes, bytearray, memoryview)) else data
    writev = getattr(os, "writev", None)
    for start in range(0, len(pieces), _WRITEV_BATCH):
        batch = pieces[start:start + _WRITEV_BATCH]
        if writev is not None:
            done = writev(fd, batch)
            total = sum(map(len, batch))
            if done == total:
                continue
            rest = memoryview(b"".join(batch))[done:]
        else:
            rest = memoryview(b"".join(batch))
        while rest:
            rest = rest[os.write(fd, rest):]


def _write_temp(target: Path, data: Chunks) -> Path:
    """Write ``data`` (bytes, or pieces in order) to a new private temporary file beside ``target``, fsynced and closed."""
    fd, temp = _open_private_temp(target)
    try:
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        _unlink_quietly(temp)
        raise
    return temp


def _unlink_quietly(path: Path) -> None:
    """Remove ``path`` if it exists, ignoring errors."""
    with suppress(OSError):
        os.unlink(path)


def atomic_write(target: Path, data: Chunks) -> None:
    """Replace ``target`` with ``data`` (bytes, or pieces in order) atomically and durably, as a 0600 file."""
    temp = _write_temp(target, data)
    try:
        os.replace(temp, target)
    except BaseException:
        _unlink_quietly(temp)
        raise
    fsync_dir(target.parent)


def write_private(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` privately (0600, in 0700 folders made as needed) and atomically."""
    ensure_private_dir(target.parent)
    atomic_write(target, data)


def write_new_file(target: Path, data: bytes) -> None:
    """Create ``target`` holding ``data`` (0600, complete or absent); never overwrite.

    Raises ``FileExistsError`` if ``target`` already exists.
    """
    temp = _write_temp(target, data)
    try:
        try:
            os.link(temp, target)
        except FileExistsError:
            raise
        except OSError:  # no hard links here: fall back to a checked rename
            if os.path.lexists(target):
                raise FileExistsError(errno.EEXIST, "File exists", str(target)) from None
            os.rename(temp, target)
    finally:
        _unlink_quietly(temp)
    fsync_dir(target.parent)


def unique_name(folder: Path, stem: str, suffix: str = "") -> list[Path]:
    """Candidate paths ``stem+suffix``, ``stem-1+suffix``, ... (the first 1000)."""
    return [folder / (f"{stem}{suffix}" if n == 0 else f"{stem}-{n}{suffix}") for n in range(1000)]


def write_new_unique(folder: Path, stem: str, suffix: str, data: bytes) -> Path:
    """Write ``data`` to the first free name of :func:`unique_name`; return it."""
    for candidate in unique_name(folder, stem, suffix):
        try:
            write_new_file(candidate, data)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(errno.EEXIST, "No free file name", str(folder / stem))


def link_aside(path: Path, stem: str) -> Path:
    """Give the file at ``path`` a second, new name ``stem`` (``stem-1``, ...) beside it.

    The returned name refers to the very same bytes; a later
    :func:`atomic_write` to ``path`` then leaves them only under the new name,
    which is a rename that never overwrites and never leaves ``path`` missing.
    Where hard links are not supported, the bytes are copied instead.
    """
    for candidate in unique_name(path.parent, stem):
        try:
            os.link(path, candidate, follow_symlinks=False)
        except FileExistsError:
            continue
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                raise
            data = read_bytes_nofollow(path) or b""
            try:
                write_new_file(candidate, data)
            except FileExistsError:
                continue
            return candidate
        with suppress(OSError):
            os.chmod(candidate, PRIVATE_FILE_MODE)
        fsync_dir(path.parent)
        return candidate
    raise FileExistsError(errno.EEXIST, "No free file name", str(path.parent / stem))


def stale_temps(folder: Path, target: re.Pattern[str]) -> list[Path]:
    """The temporary files in ``folder`` of files whose names fully match ``target`` (a writer's, or one left by a writer that died).

    Nothing for a folder that is missing, a symbolic link or not ours (:func:`check_own_dir`).
    """
    try:
        check_own_dir(folder)
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for name in names:
        base, marker, token = name[1:].rpartition(TEMP_MARKER)
        if name.startswith(".") and marker and token.isalnum() and target.fullmatch(base):
            found.append(folder / name)
    return found


def remove_stale_temps(folder: Path, target: re.Pattern[str]) -> None:
    """Remove temporary files left in ``folder`` by a writer that died.

    Only temporaries of files whose names fully match ``target`` are touched.
    Call this only while holding the lock that every writer of those files holds. A folder that
    is a symbolic link or not ours (:func:`check_own_dir`) is left alone.
    """
    for path in stale_temps(folder, target):
        _unlink_quietly(path)


def newest_first(folder: Path, pattern: re.Pattern[str]) -> list[Path]:
    """Regular files in ``folder`` whose names fully match ``pattern``, newest first."""
    try:
        found = [p for p in folder.iterdir() if pattern.fullmatch(p.name) and p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: (p.stat().st_mtime_ns, p.name), reverse=True)


def _daily_copies(folder: Path, stem: str) -> list[str]:
    """The names of the daily copies ``<stem>-YYYYmmdd.json`` in ``folder``, newest first."""
    pattern = re.compile(re.escape(stem) + r"-\d{8}\.json")
    return sorted((name for name in os.listdir(folder) if pattern.fullmatch(name)), reverse=True)


def _daily_copy(folder: Path, stem: str, day: datetime.date) -> Path:
    """Where the daily copy of ``day`` goes."""
    return folder / f"{stem}-{day:%Y%m%d}.json"


def daily_copy_due(folder: Path, stem: str, day: datetime.date, keep: int) -> bool:
    """True when :func:`keep_daily_copy` has something to do: today's copy is missing, or more than ``keep`` are kept."""
    try:
        return not os.path.lexists(_daily_copy(folder, stem, day)) or len(_daily_copies(folder, stem)) > keep
    except OSError:
        return True


def keep_daily_copy(folder: Path, stem: str, day: datetime.date, data: bytes, keep: int) -> None:
    """Write ``data`` as ``<stem>-YYYYmmdd.json`` unless today's exists; keep the newest ``keep``."""
    today = _daily_copy(folder, stem, day)
    if not os.path.lexists(today):
        with suppress(FileExistsError):
            write_new_file(today, data)
    for name in _daily_copies(folder, stem)[keep:]:
        _unlink_quietly(folder / name)
