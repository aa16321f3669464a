"""Notes of the large data files whose records were all found well-shaped, so that one opened again unchanged is not checked again.

Opening a data file checks every record against its table's shape (a file edited by hand
must not reach a screen with a record it cannot show). At 10,000 wheels that is 35-50 ms
of every start and of every command, and five times that at 50,000. A file framewheel has
checked, or written itself, holds nothing to find, so its identity is noted in the cache
folder (``$FRAMEWHEEL_CACHE_DIR``, else the platformdirs user cache folder), one note per
data file: device, inode, size, modification time and status-change time. The last is
set by the system on any change to the file (a write, a rename over it, even a
modification time set back by hand), so a file with the noted identity is the file that
was checked. Any other change (a hand edit, another program, another framewheel) gives
another identity, so the file is checked in full, as is a file smaller than
:data:`CHECKED_BYTES`, which costs little to check. Nothing is read or hashed for it.

A file system whose times are coarse (FAT, some network shares) could give two edits in
place of the same size, within its time step, one identity; framewheel's own saves always
make a new file (a rename), so they are told apart there too.

A note that cannot be read or written only means the next open checks the file again.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from pathlib import Path

from tui.storage import safefile
from tui.storage.paths import APP_NAME

CHECKED_BYTES = 256_000
"""A data file at least this large has a note of its checked content; smaller ones are checked on every open."""

SIZE_FIELD = 3
"""Where the size is in a file's identity (device, inode, modification time, size, status-change time)."""


def notes_dir() -> Path:
    """The folder of the notes: ``checked`` in ``$FRAMEWHEEL_CACHE_DIR`` or the platformdirs user cache folder."""
    override = os.environ.get("FRAMEWHEEL_CACHE_DIR")
    if override:
        return Path(override) / "checked"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False)) / "checked"


def _note_path(data_path: Path) -> Path:
    """The note of the data file at ``data_path`` (named by a digest of its absolute path)."""
    name = hashlib.sha256(os.fsencode(os.path.abspath(data_path))).hexdigest()[:32]
    return notes_dir() / f"{name}.checked"


def _large(identity: Sequence[int] | None) -> bool:
    """True for the identity of a file large enough to keep a note of."""
    return identity is not None and identity[SIZE_FIELD] >= CHECKED_BYTES


def _text(identity: Sequence[int]) -> str:
    """A file's identity as the note holds it."""
    return " ".join(str(part) for part in identity)


def was_checked(data_path: Path, identity: Sequence[int] | None) -> bool:
    """True when the file of ``identity`` (the data file's, as read) is large and is the one noted as checked."""
    if identity is None or not _large(identity):
        return False
    try:
        noted = _note_path(data_path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return noted == _text(identity)


def note_checked(data_path: Path, identity: Sequence[int] | None) -> None:
    """Note the file of ``identity`` as checked (or written by framewheel) for ``data_path``, when it is large enough to matter."""
    if identity is None or not _large(identity):
        return
    try:
        safefile.write_private(_note_path(data_path), _text(identity).encode("ascii"))
    except OSError:  # an unsafe folder (UnsafeFolderError is an OSError) or a full disk
        pass  # the next open checks the file again
