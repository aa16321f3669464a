"""A cache of valid frameworks, so that starting framewheel need not parse and check YAML again.

The cache is plain JSON in the user cache folder (0700 folder, 0600 file). An
entry is used only while its file has the same path, size and modification
time; a file that changed, or that had problems, is always read again, so a
person editing a framework sees every error. A damaged cache is ignored.

Writing the cache is best effort: when it cannot be written (a full disk, or a cache
folder that is a symbolic link or another user's folder, which the writer refuses) it
is silently not written and start-up goes on; the next start parses the YAML again.

This module does not write files itself: the function that writes the cache privately
and atomically is given to it (``tui.storage.safefile.write_private``, passed in by the
command line and the app context), so the core stays free of storage.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.core.model import Area, Framework, GuidanceSection, Level, Role, Scale, Series, Value

PrivateWrite = Callable[[Path, bytes], None]
"""Writes bytes to a path privately (0600 file, 0700 folders) and atomically; raises OSError."""

CACHE_VERSION = 3
"""Bumped whenever the model changes shape, so an old cache is ignored."""


def cache_path() -> Path:
    """Where the cache lives: ``$FRAMEWHEEL_CACHE_DIR`` or the platformdirs user cache folder."""
    override = os.environ.get("FRAMEWHEEL_CACHE_DIR")
    if override:
        return Path(override) / "frameworks.json"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("framewheel", appauthor=False)) / "frameworks.json"


def file_key(path: Path) -> list[int] | None:
    """Size and modification time of a framework file (None when it cannot be read)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def to_json(framework: Framework) -> dict[str, Any]:
    """A framework as plain JSON data."""
    return asdict(framework)


def from_json(data: dict[str, Any]) -> Framework:
    """A framework rebuilt from :func:`to_json`'s data."""
    scale = data["scale"]
    return Framework(
        id=data["id"], title=data["title"], version=data["version"], publisher=data["publisher"],
        source=data["source"], description=data["description"], area_name=data["area_name"], path=data["path"],
        areas=tuple(
            Area(**{**area, "exemplars": {level: tuple(items) for level, items in area["exemplars"].items()}})
            for area in data["areas"]
        ),
        values=tuple(Value(**value) for value in data["values"]),
        levels=tuple(Level(level["id"], level["title"], tuple(level["summary"])) for level in data["levels"]),
        scale=Scale(scale["min"], scale["max"], {int(key): text for key, text in scale["labels"].items()}),
        series=tuple(Series(**series) for series in data["series"]),
        reflection=tuple(data["reflection"]),
        guidance=tuple(GuidanceSection(**section) for section in data["guidance"]),
        team_questions=tuple(data.get("team_questions", ())),
        roles=tuple(Role(role["id"], role["title"], dict(role["targets"])) for role in data["roles"]),
        based_on=data.get("based_on", ""),
    )


class FrameworkCache:
    """Frameworks keyed by file; read once, written back only when something new was parsed."""

    def __init__(self, path: Path | None = None, write_private: PrivateWrite | None = None) -> None:
        """Load the cache file (an unreadable or outdated one counts as empty).

        ``write_private`` writes it back; without one the cache is only read.
        """
        self.path = path or cache_path()
        self._write_private = write_private
        self.entries: dict[str, dict[str, Any]] = {}
        self.changed = False
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and data.get("version") == CACHE_VERSION and isinstance(data.get("files"), dict):
                self.entries = data["files"]
        except (OSError, ValueError):
            pass

    def get(self, path: Path) -> Framework | None:
        """The cached framework of ``path`` if the file is unchanged, else None."""
        entry = self.entries.get(str(path))
        if entry is None or entry.get("key") != file_key(path):
            return None
        try:
            return from_json(entry["framework"])
        except (KeyError, TypeError, ValueError):
            return None

    def put(self, path: Path, framework: Framework) -> None:
        """Remember a framework that was just parsed and found valid."""
        key = file_key(path)
        if key is not None:
            self.entries[str(path)] = {"key": key, "framework": to_json(framework)}
            self.changed = True

    def save(self) -> None:
        """Write the cache if it changed (privately and atomically); failures are ignored."""
        if not self.changed or self._write_private is None:
            return
        try:
            payload = json.dumps({"version": CACHE_VERSION, "files": self.entries}, ensure_ascii=False)
            self._write_private(self.path, payload.encode("utf-8"))
            self.changed = False
        except OSError:
            pass
