"""Files framewheel writes for people to keep: reports, exports, share files and screenshots, in one output folder.

The output folder is, in this order: ``--output-dir`` (which sets ``$FRAMEWHEEL_OUTPUT_DIR`` for
the run), ``$FRAMEWHEEL_OUTPUT_DIR``, the folder chosen in the app (kept in the data file, see
:func:`choose_output_dir`), else ``~/Documents/framewheel``. It is always an absolute path, so
every notice of a write names the file in full.

Each is written privately (0600) and atomically, so a file is either complete or not
there at all; a path that is a symbolic link, a folder or not a regular file is refused.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

from tui.storage import safefile

OUTPUT_ENV = "FRAMEWHEEL_OUTPUT_DIR"
"""Environment variable naming the folder for reports, exports, share files and screenshots."""

OUTPUT_SETTING = "output_dir"
"""Settings key under which the folder chosen in the app is kept in the data file."""

_chosen: Path | None = None
"""The folder chosen in the app for this run (the data file's setting), or None."""


def choose_output_dir(folder: Path | str | None) -> None:
    """Use ``folder`` (the data file's setting) as the output folder from now on, unless the environment names one."""
    global _chosen
    _chosen = _folder(str(folder)) if folder and "\x00" not in str(folder) else None


def _folder(text: str) -> Path:
    """``text`` as an absolute folder, ``~`` expanded (kept as written when it names no user here: the write then says why)."""
    try:
        return Path(text).expanduser().absolute()
    except RuntimeError:
        return Path(text).absolute()


def default_output_dir() -> Path:
    """The output folder when nothing chooses one: ``~/Documents/framewheel`` (the user documents folder)."""
    from platformdirs import user_documents_dir

    return Path(user_documents_dir()).absolute() / "framewheel"


def output_dir_source() -> str:
    """What chose the output folder: ``"environment"``, ``"setting"`` or ``"default"``."""
    if os.environ.get(OUTPUT_ENV):
        return "environment"
    return "setting" if _chosen is not None else "default"


def output_dir() -> Path:
    """Where the app writes reports, exports, share files and screenshots (absolute; see the module's order)."""
    from_environment = os.environ.get(OUTPUT_ENV)
    if from_environment:
        return _folder(from_environment)
    return _chosen if _chosen is not None else default_output_dir()


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

    The output folder is made (0700) when the file goes there and it is not there yet. Raises
    ValueError (with :func:`export_refusal`'s sentence) for a path that may not be written, and
    OSError when the write fails.
    """
    refusal = export_refusal(path)
    if refusal is not None:
        raise ValueError(refusal)
    if not path.parent.is_dir() and path.parent.absolute() == output_dir():
        safefile.ensure_private_dir(path.parent)  # the output folder is made (0700) on its first write
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
        if path.parent.absolute() != output_dir():
            raise ValueError(f"the folder {path.parent} does not exist, so {path.name} was not written")
        safefile.ensure_private_dir(path.parent)
    write_export(path, text)
