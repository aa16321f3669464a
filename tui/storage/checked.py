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

A note may also hold a summary of the file it names (:func:`note_checked` with ``summary``):
what the interface's first screen reads from it (its settings, the newest saved work), kept
when the interface closes, so that the next start on the same file draws its home screen
from the summary and parses the file after that (see ``Database.noted``). The summary is
private data like the file (the notes are 0600 in a 0700 folder, as every file framewheel
writes), and is only ever used for the file of the noted identity.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

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


def _noted(data_path: Path, identity: Sequence[int] | None) -> list[str] | None:
    """The lines of the note for ``data_path`` after its identity line, when that line is ``identity`` (else None)."""
    if identity is None or not _large(identity):
        return None
    try:
        lines = _note_path(data_path).read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return lines[1:] if lines[0].strip() == _text(identity) else None


def was_checked(data_path: Path, identity: Sequence[int] | None) -> bool:
    """True when the file of ``identity`` (the data file's, as read) is large and is the one noted as checked."""
    return _noted(data_path, identity) is not None


def noted_summary(data_path: Path, identity: Sequence[int] | None) -> dict[str, Any] | None:
    """The summary noted with the file of ``identity`` (see :func:`note_checked`), or None when there is none for it."""
    lines = _noted(data_path, identity)
    if not lines or not lines[0].strip():
        return None
    try:
        summary = json.loads(lines[0])
    except (ValueError, RecursionError):  # a note spoilt by hand: the file is parsed as if there were none
        return None
    return summary if isinstance(summary, dict) else None


def note_checked(data_path: Path, identity: Sequence[int] | None, summary: Mapping[str, Any] | None = None) -> None:
    """Note the file of ``identity`` as checked (or written by framewheel) for ``data_path``, when it is large enough to matter.

    ``summary`` (JSON values) is noted with it, for :func:`noted_summary`; without one, any
    summary noted before goes (it described another file).
    """
    if identity is None or not _large(identity):
        return
    text = _text(identity)
    try:
        if summary is not None:
            text += "\n" + json.dumps(summary, ensure_ascii=False, separators=(",", ":"))
        safefile.write_private(_note_path(data_path), text.encode("utf-8"))
    except (OSError, TypeError, ValueError):  # an unsafe folder (an OSError), a full disk; a value JSON cannot hold
        pass  # the next open checks the file again
