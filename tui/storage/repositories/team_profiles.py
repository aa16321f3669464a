"""Where saved team profiles are kept (the ``team_profiles`` table), and how the team room reads and writes files.

The team room never touches a file itself: it reads a team's share files through
:meth:`TeamProfileRepository.read_sources` (with a progress callback, run in a worker thread)
and writes the team report through :meth:`TeamProfileRepository.write_report`. Saved profiles
live in their own table, never among the facilitator's wheels.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from tui.core.model import SavedWork
from tui.core.team import SourceFile
from tui.core.team_profiles import TABLE, SavedTeamProfile
from tui.core.wheels import now_iso
from tui.storage import output, safefile
from tui.storage.repositories.base import RecordRepository, kept_saved_work
from tui.storage.share_files import gather, read_source

Progress = Callable[[int, int], object]
"""Told (files read so far, files to read) as a folder is read."""

REPORT_STEM = "team-profile"
"""The start of a team report's file name in the output folder."""


class TeamProfileRepository(RecordRepository[SavedTeamProfile]):
    """Saved team profiles, and the files the team room reads and writes."""

    TABLE = TABLE
    ORDER_BY = "created"

    def build(self, record: dict[str, Any]) -> SavedTeamProfile:
        """The SavedTeamProfile of a stored record."""
        return SavedTeamProfile.from_record(record)

    # -- files ------------------------------------------------------------------------------

    @staticmethod
    def read_sources(paths: Sequence[str], progress: Progress | None = None) -> tuple[list[SourceFile], list[str]]:
        """Every share file of ``paths`` (files, and the ``*.json`` of folders) read and parsed, and the paths not found.

        ``progress`` is told after each file (and once before the first), so a screen can show a
        progress bar; it is called on the caller's thread (the team room's worker).
        """
        files, missing = gather(paths)
        total = len(files)
        if progress is not None:
            progress(0, total)
        sources: list[SourceFile] = []
        for done, path in enumerate(files, 1):
            sources.append(read_source(path))
            if progress is not None:
                progress(done, total)
        return sources, missing

    @staticmethod
    def folder_of(paths: Sequence[str]) -> str:
        """The folder to suggest next time: the first path when it is a folder, else its file's folder."""
        if not paths:
            return ""
        first = Path(paths[0]).expanduser()
        return str(first if first.is_dir() else first.parent)

    @staticmethod
    def report_folder() -> Path:
        """Where team reports are written: the output folder."""
        return output.output_dir()

    @staticmethod
    def write_report(text: str, stem: str = REPORT_STEM) -> Path:
        """Write a new team report (Markdown) privately in the output folder, never replacing one; its path."""
        return output.write_new_output(stem, ".md", text.encode("utf-8"))

    @staticmethod
    def write_demo_files(folder: Path, documents: Sequence[tuple[str, dict[str, Any]]]) -> list[Path]:
        """Write the demo team's share files into ``folder`` (made private); their paths."""
        safefile.ensure_private_dir(folder)
        written = []
        for name, document in documents:
            path = folder / name
            safefile.atomic_write(path, (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
            written.append(path)
        return written

    # -- saved profiles ---------------------------------------------------------------------

    def add(self, saved: SavedTeamProfile) -> SavedTeamProfile:
        """Store a saved profile as a new record (save, import, demo); returns it with its id."""
        return replace(saved, id=self._records.insert(saved.to_record()))

    def rename(self, record_id: int, name: str) -> SavedTeamProfile:
        """Give a saved profile a new name; ValueError for an empty name, KeyError when it is gone."""
        name = name.strip()
        if not name:
            raise ValueError("A saved team profile needs a name.")
        record = self._records.mutate(record_id, lambda r: {**r, "name": name, "updated": now_iso()})
        return SavedTeamProfile.from_record(record)

    def saved_work(self) -> list[SavedWork]:
        """The saved team profiles as lines of the home screen's work list (kind "team profile")."""
        return kept_saved_work(self._records, lambda: [
            SavedWork("team profile", p.id, p.name, p.updated, detail=f"{p.files_used} files",
                      framework_id=p.framework_id) for p in self.list()])
