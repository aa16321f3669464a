"""Notes of the large data files whose records were all found well-shaped, so that one opened again unchanged is not checked again.

Opening a data file checks every record against its table's shape (a file edited by hand
must not reach a screen with a record it cannot show). At 10,000 wheels that is 35-50 ms
of every start and of every command, and five times that at 50,000. A file framewheel has
checked, or written itself, holds nothing to find, so its SHA-256 is noted in the cache
folder (``$FRAMEWHEEL_CACHE_DIR``, else the platformdirs user cache folder), one note per
data file; a file whose bytes have that digest is not checked again. Hashing costs about a
tenth of checking. Any other change to the file (a hand edit, another program, another
framewheel) gives other bytes, so it is checked in full, as is a file smaller than
:data:`CHECKED_BYTES`, which costs little to check.

A note that cannot be read or written only means the next open checks the file again.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from tui.storage import safefile
from tui.storage.paths import APP_NAME

CHECKED_BYTES = 256_000
"""A data file at least this large has a note of its checked content; smaller ones are checked on every open."""


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
    return notes_dir() / f"{name}.sha256"


def _digest(raw: bytes) -> str:
    """The SHA-256 of a file's bytes, in hexadecimal."""
    return hashlib.sha256(raw).hexdigest()


def was_checked(data_path: Path, raw: bytes) -> bool:
    """True when ``raw`` (the file's bytes now) is large and has the digest noted as checked for ``data_path``."""
    if len(raw) < CHECKED_BYTES:
        return False
    try:
        noted = _note_path(data_path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return False
    return noted == _digest(raw)


def note_checked(data_path: Path, raw: bytes) -> None:
    """Note ``raw`` as checked (or written by framewheel) content of ``data_path``, when it is large enough to matter."""
    if len(raw) < CHECKED_BYTES:
        return
    try:
        safefile.write_private(_note_path(data_path), _digest(raw).encode("ascii"))
    except (OSError, safefile.UnsafeFolderError):
        pass  # the next open checks the file again
