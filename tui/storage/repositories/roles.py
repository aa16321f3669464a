"""Where roles made in the app are kept (the ``roles`` table): add, change targets, rename, delete, list.

The roles a framework file defines are read from the framework, never stored; :meth:`RoleRepository.roles_for`
lists both kinds together, the framework's first.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from tui.core.model import Framework, SavedWork
from tui.core.roles import (KIND, TABLE, RoleError, RoleProfile, Target, check_role, framework_roles, name_taken,
                            ordered_targets, same_name, sorted_roles, target_problem)
from tui.core.wheels import now_iso
from tui.storage import output
from tui.storage.database import Database
from tui.storage.repositories.base import RecordRepository, kept_saved_work
from tui.storage.settings import Settings

CHOSEN_KEY = "role.for_wheel.{}"
"""The setting that keeps the role (and series) chosen for one wheel: ``{"role": KEY, "series": ID}``."""


class RoleRepository(RecordRepository[RoleProfile]):
    """Roles made in the app, the most recently changed first."""

    TABLE = TABLE
    ORDER_BY = "updated"

    def __init__(self, db: Database) -> None:
        """Roles in ``db``, and the role chosen for each wheel (kept in its settings)."""
        super().__init__(db)
        self._settings = Settings(db)

    @staticmethod
    def export_folder() -> Path:
        """The folder a role file is suggested in: the output folder (see :func:`tui.storage.output.output_dir`)."""
        return output.output_dir()

    @staticmethod
    def export_refusal(path: Path) -> str | None:
        """Why ``path`` may not be written as a role file, or None (see :func:`tui.storage.output.export_refusal`)."""
        return output.export_refusal(path)

    @staticmethod
    def write_export(path: Path, text: str) -> None:
        """Write a role file privately and atomically; ValueError for a link, a folder or a missing folder.

        The output folder is made (0700) when the file goes there (see :func:`tui.storage.output.write_share_file`).
        """
        output.write_share_file(path, text)

    def choose_for_wheel(self, wheel_id: int, role: RoleProfile | None, series_id: str = "") -> None:
        """Remember the role a wheel is compared with (None forgets it); the 1:1 report then compares them."""
        value = {"role": role.key, "series": series_id} if role is not None else None
        self._settings.set(CHOSEN_KEY.format(wheel_id), value)

    def chosen_for_wheel(self, framework: Framework, wheel_id: int) -> tuple[RoleProfile, str] | None:
        """The role chosen for a wheel and the series to compare (empty: the first), or None."""
        found = self._settings.get(CHOSEN_KEY.format(wheel_id))
        if not isinstance(found, dict) or not isinstance(found.get("role"), str):
            return None
        role = self.find(framework, found["role"])
        series = found.get("series")
        return (role, series if isinstance(series, str) else "") if role is not None else None

    def build(self, record: dict[str, Any]) -> RoleProfile:
        """The RoleProfile of a stored record."""
        return RoleProfile.from_record(record)

    def create(self, framework: Framework, name: str, targets: Mapping[str, Target], example: bool = False) -> RoleProfile:
        """Store a new role; RoleError listing every problem (no name, no areas, a target off the scale)."""
        problems = check_role(framework, name, targets)
        problems.extend(self._name_problems(framework, name))
        if problems:
            raise RoleError("; ".join(problems))
        stamp = now_iso()
        role = RoleProfile(0, name.strip(), framework.id, ordered_targets(framework, targets), example=example,
                           created=stamp, updated=stamp)
        return replace(role, id=self._records.insert(role.to_record()))

    def add(self, role: RoleProfile) -> RoleProfile:
        """Store a complete role (from an import or the demo) as a new record."""
        stamp = now_iso()
        stored = replace(role, id=0, role_id="", created=role.created or stamp, updated=role.updated or stamp)
        return replace(stored, id=self._records.insert(stored.to_record()))

    def save(self, framework: Framework, role: RoleProfile) -> RoleProfile:
        """Keep a changed role's name and targets (checked first); RoleError, or KeyError when it was deleted.

        A target kept as it was stored that the framework can no longer place (an area or level
        gone since the role was made) is not a reason to refuse: it is kept, never lost. A new or
        changed target must be one the framework can place.
        """
        stored = self.get(role.id)
        before = stored.targets if stored is not None else {}
        kept = {target_problem(framework, a, t) for a, t in role.targets.items()
                if a in before and type(before[a]) is type(t) and before[a] == t}
        problems = [p for p in check_role(framework, role.name, role.targets) if p not in kept]
        problems.extend(self._name_problems(framework, role.name, role.id))
        if problems:
            raise RoleError("; ".join(problems))
        name, targets = role.name.strip(), dict(role.targets)
        return self.build(self._records.mutate(role.id, lambda r: {**r, "name": name, "targets": targets,
                                                                   "updated": now_iso()}))

    def rename(self, record_id: int, name: str) -> RoleProfile:
        """Give a role a new name; RoleError for an empty one, KeyError when it is gone."""
        if not name.strip():
            raise RoleError("a role needs a name")
        stored = self.get(record_id)
        framework_id = stored.framework_id if stored is not None else ""
        clash = next((r for r in self.list(framework_id) if r.id != record_id and same_name(r.name, name)), None)
        if clash is not None:
            raise RoleError(name_taken(name, clash))
        return self.build(self._records.mutate(record_id, lambda r: {**r, "name": name.strip(), "updated": now_iso()}))

    def roles_for(self, framework: Framework) -> list[RoleProfile]:
        """Every role of a framework: the file's own first, then those made in the app by name."""
        return sorted_roles([*framework_roles(framework), *self.list(framework.id)])

    def _name_problems(self, framework: Framework, name: str, record_id: int = 0) -> list[str]:
        """A refusal when another role of the framework (its file's own or one made here) has this name."""
        clash = next((r for r in self.roles_for(framework)
                      if same_name(r.name, name) and (r.from_framework or r.id != record_id)), None)
        return [name_taken(name, clash)] if clash is not None and name.strip() else []

    def free_name(self, framework: Framework, name: str) -> str:
        """``name``, or ``name (2)``, ``name (3)`` ... the first that no role of the framework has."""
        taken = {r.name.strip().casefold() for r in self.roles_for(framework)}
        candidate, number = name.strip(), 1
        while candidate.casefold() in taken:
            number += 1
            candidate = f"{name.strip()} ({number})"
        return candidate

    def matching(self, framework: Framework, key: str) -> list[RoleProfile]:
        """Every role ``key`` could mean: the one with that key, else all with that name (case ignored)."""
        roles = self.roles_for(framework)
        by_key = [r for r in roles if r.key == key or (key.isdigit() and not r.from_framework and r.id == int(key))]
        return by_key[:1] or [r for r in roles if same_name(r.name, key)]

    def find(self, framework: Framework, key: str) -> RoleProfile | None:
        """A role by its key (the framework's role id or ``saved:N``), or by its name (case ignored)."""
        roles = self.roles_for(framework)
        found = next((r for r in roles if r.key == key), None)
        if found is None and key.isdigit():
            found = next((r for r in roles if not r.from_framework and r.id == int(key)), None)
        return found or next((r for r in roles if r.name.casefold() == key.strip().casefold()), None)

    def saved_work(self) -> list[SavedWork]:
        """The saved roles as lines of the home screen's work list (kind "role")."""
        return kept_saved_work(self._records, lambda: [
            SavedWork(KIND, r.id, r.name, r.updated, detail=f"{len(r.targets)} targets", framework_id=r.framework_id)
            for r in self.list()])
