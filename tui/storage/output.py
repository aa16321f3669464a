"""Files framewheel writes for people to keep: reports and screenshots in the output folder, exports where asked.

Each is written privately (0600) and atomically, so a file is either complete or not
there at all; a path that is a symbolic link, a folder or not a regular file is refused.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from tui.storage import safefile

OUTPUT_ENV = "FRAMEWHEEL_OUTPUT_DIR"
"""Environment variable naming the folder for reports and screenshots written from the app."""


def output_dir() -> Path:
    """Where the app writes reports and screenshots: ``$FRAMEWHEEL_OUTPUT_DIR``, else ``~/Documents/framewheel``."""
    chosen = os.environ.get(OUTPUT_ENV)
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()) / "framewheel"


def write_output(name: str, data: bytes, folder: Path | None = None) -> Path:
    """Write ``name`` in the output folder privately and atomically (replacing an earlier one); return its path."""
    folder = folder or output_dir()
    safefile.ensure_private_dir(folder)
    path = folder / name
    safefile.atomic_write(path, data)
    return path


def write_new_output(stem: str, suffix: str, data: bytes, folder: Path | None = None) -> Path:
    """Write a new private file ``<stem>-<time><suffix>`` in the output folder (never overwriting)."""
    folder = folder or output_dir()
    safefile.ensure_private_dir(folder)
    return safefile.write_new_unique(folder, f"{stem}-{datetime.now():%Y%m%d-%H%M%S}", suffix, data)


def export_refusal(path: Path) -> str | None:
    """Why ``path`` may not be written as an export (a link, a folder, not a regular file), or None."""
    if path.is_symlink() or path.is_dir() or (path.exists() and not path.is_file()):
        return f"{path} is not a regular file, so it was not replaced"
    return None


def write_export(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` privately (0600) and atomically, replacing a regular file.

    Raises ValueError (with :func:`export_refusal`'s sentence) for a path that may not be
    written, and OSError when the write fails.
    """
    refusal = export_refusal(path)
    if refusal is not None:
        raise ValueError(refusal)
    safefile.atomic_write(path, text.encode("utf-8"))


def write_share_file(path: Path, text: str) -> None:
    """Write a share file (a wheel's or a ranking's) to ``path`` privately (0600) and atomically; a link or folder is refused.

    The output folder is made (0700) when the file goes there and it is not there yet; any other
    folder must exist. Raises ValueError for a path that may not be written (or whose folder is
    missing) and OSError when the write fails.
    """
    refusal = export_refusal(path)
    if refusal is not None:
        raise ValueError(refusal)
    if not path.parent.is_dir():
        if path.parent != output_dir():
            raise ValueError(f"the folder {path.parent} does not exist, so {path.name} was not written")
        safefile.ensure_private_dir(path.parent)
    write_export(path, text)
