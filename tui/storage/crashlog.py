"""Writing the details of an unexpected failure to a private log file.

A person never sees a traceback: they see one sentence and the path of the
log, which holds the traceback for whoever fixes the fault.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from tui import __version__
from tui.storage.safefile import ensure_private_dir


def log_dir() -> Path:
    """The user log folder for framewheel (platformdirs); ``$FRAMEWHEEL_LOG_DIR`` overrides it."""
    override = os.environ.get("FRAMEWHEEL_LOG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_log_dir

    return Path(user_log_dir("framewheel", appauthor=False))


def write_crash_log(error: BaseException) -> Path | None:
    """Write the traceback of ``error`` to a new 0600 file; its path, or None if it could not be written."""
    folder = log_dir()
    try:
        ensure_private_dir(folder)  # 0700 parents included, whatever the umask; a linked folder is refused
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"crash-{stamp}.log"
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(f"framewheel {__version__} crashed at {datetime.now().isoformat()}\n\n")
            handle.write("".join(traceback.format_exception(type(error), error, error.__traceback__)))
        return path
    except OSError:
        return None


def crash_message(error: BaseException, log: Path | None) -> str:
    """The sentence a person sees after an unexpected failure."""
    what = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
    where = f"Details were written to {log}." if log else "The details could not be written to a log file."
    return f"framewheel stopped after an unexpected error ({what}). {where} Your saved work is safe: every change is saved as it is made."
