"""Reading a team's share files from disk: the files of the paths given, each read and parsed.

Used by ``framewheel team`` and by the team room of the interface (through its repository),
so that both read files the same way. Nothing here is written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tui.core.exchange import read_json_file
from tui.core.team import SourceFile

MAX_SHARE_FILE_BYTES = 5 * 1024 * 1024
"""The largest share file read (one person's wheel or ranking is a few kilobytes)."""


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
    doc, why = read_json_file(name, MAX_SHARE_FILE_BYTES)
    return SourceFile(name, error=why) if why is not None else SourceFile(name, doc)
