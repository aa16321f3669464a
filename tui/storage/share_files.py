"""Reading a team's share files from disk: the files of the paths given, each read and parsed.

Used by ``framewheel team`` and by the team room of the interface (through its repository),
so that both read files the same way. Nothing here is written.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

from tui.core.team import SourceFile


def gather(paths: Sequence[str]) -> tuple[list[Path], list[str]]:
    """The files to read (each FILE, and every ``*.json`` in each FOLDER, sorted) and the paths that are neither."""
    files: list[Path] = []
    missing: list[str] = []
    for name in paths:
        path = Path(name).expanduser()
        if path.is_dir():
            files.extend(sorted(p for p in path.glob("*.json") if p.is_file()))
        elif path.is_file():
            files.append(path)
        else:
            missing.append(name)
    return files, missing


def read_source(path: Path) -> SourceFile:
    """One file read and parsed, or why it could not be."""
    name = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return SourceFile(name, error="is not UTF-8 text")
    except OSError as error:
        return SourceFile(name, error=f"could not be read: {error.strerror or error}")
    try:
        return SourceFile(name, json.loads(text))
    except json.JSONDecodeError as error:
        return SourceFile(name, error=f"is not JSON (line {error.lineno}, column {error.colno}: {error.msg})")
