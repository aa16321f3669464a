"""Files framewheel writes for people to keep: reports and screenshots in the output folder, exports where asked.

Each is written privately (0600) and atomically, so a file is either complete or not
there at all; a path that is a symbolic link, a folder or not a regular file is refused.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tui.core.reports.one_to_one import output_dir
from tui.storage import safefile


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
