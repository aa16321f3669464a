"""Where framewheel keeps its data file by default, and how the command line chooses it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import platformdirs

APP_NAME: str = "framewheel"
"""The application name used for the user data, config and log folders."""


def default_db_path() -> Path:
    """The platformdirs user data dir for app "framewheel" / framewheel.json."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / f"{APP_NAME}.json"


def resolve_db_path(cli_value: str | None, environ: Mapping[str, str]) -> Path:
    """Choose --db, else $FRAMEWHEEL_DB, else default_db_path(); expands ~."""
    chosen = cli_value or environ.get("FRAMEWHEEL_DB") or None
    return Path(chosen).expanduser() if chosen else default_db_path()
