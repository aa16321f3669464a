"""Where the institution's view is kept: its development activities (``catalogue``) and values (``institution_values``).

Screens reach both through these repositories (``context.catalogue``, ``context.institution_values``);
the exports a lead writes from the app (the catalogue as CSV or Markdown, the coverage as Markdown)
go through :meth:`CatalogueRepository.write_export`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from tui.core.exchange.institution import MAX_CSV_BYTES
from tui.core.institution import (CATALOGUE_TABLE, VALUES_TABLE, DevelopmentActivity, InstitutionError,
                                  InstitutionValue, Served, check_activity, check_value, ordered_serves, parse_date,
                                  same_title, sorted_activities)
from tui.core.model import Framework
from tui.core.wheels import now_iso
from tui.storage import output
from tui.storage.database import Database
from tui.storage.repositories.base import RecordRepository


class CatalogueRepository(RecordRepository[DevelopmentActivity]):
    """The institution's development activities, each tied to a framework."""

    TABLE = CATALOGUE_TABLE
    ORDER_BY = "updated"

    def __init__(self, db: Database) -> None:
        """Activities in ``db``."""
        super().__init__(db)

    def build(self, record: dict[str, Any]) -> DevelopmentActivity:
        """The activity of a stored record."""
        return DevelopmentActivity.from_record(record)

    def activities(self, framework_id: str) -> list[DevelopmentActivity]:
        """A framework's activities, dated ones by date, then ongoing ones."""
        return sorted_activities(self.list(framework_id))

    def create(self, framework: Framework, title: str, serves: Sequence[Served], date: str = "", provider: str = "",
               link: str = "") -> DevelopmentActivity:
        """Store a new activity; InstitutionError listing every problem (no title, nothing served, a bad date)."""
        problems = check_activity(framework, title, serves, date, link)
        if problems:
            raise InstitutionError("; ".join(problems))
        stamp = now_iso()
        activity = DevelopmentActivity(0, framework.id, " ".join(title.split()), ordered_serves(framework, serves),
                                       parse_date(date), " ".join(provider.split()), link.strip(),
                                       created=stamp, updated=stamp)
        return replace(activity, id=self._records.insert(activity.to_record()))

    def save(self, framework: Framework, activity: DevelopmentActivity) -> DevelopmentActivity:
        """Keep a changed activity (checked first); InstitutionError, or KeyError when it was deleted."""
        problems = check_activity(framework, activity.title, activity.serves, activity.date, activity.link)
        if problems:
            raise InstitutionError("; ".join(problems))
        changes = {"title": " ".join(activity.title.split()),
                   "serves": [{"area": a, "level": lv} for a, lv in ordered_serves(framework, activity.serves)],
                   "date": parse_date(activity.date), "provider": " ".join(activity.provider.split()),
                   "link": activity.link.strip(), "updated": now_iso()}
        return self.build(self._records.mutate(activity.id, lambda r: {**r, **changes}))

    def add(self, activities: Iterable[DevelopmentActivity]) -> list[DevelopmentActivity]:
        """Store complete activities (from an import or the demo) as new records, in one write."""
        stamp = now_iso()
        ready = [replace(a, id=0, created=a.created or stamp, updated=a.updated or stamp) for a in activities]
        ids = self._records.insert_many([a.to_record() for a in ready])
        return [replace(a, id=i) for a, i in zip(ready, ids)]

    @staticmethod
    def export_folder() -> Path:
        """The folder an export is suggested in: the output folder (see :func:`tui.storage.output.output_dir`)."""
        return output.output_dir()

    @staticmethod
    def export_refusal(path: Path) -> str | None:
        """Why ``path`` may not be written, or None (see :func:`tui.storage.output.export_refusal`)."""
        return output.export_refusal(path)

    @staticmethod
    def write_export(path: Path, text: str) -> None:
        """Write an export privately and atomically; ValueError for a link, a folder or a missing folder."""
        output.write_share_file(path, text)

    @staticmethod
    def read_import_text(path: Path) -> str:
        """The text of a catalogue CSV to import (UTF-8); ValueError saying why it cannot be read."""
        if not path.exists():
            raise ValueError(f"{path} does not exist")
        if path.is_dir():
            raise ValueError(f"{path} is a folder; give the path of a CSV file")
        try:
            if path.stat().st_size > MAX_CSV_BYTES:
                raise ValueError(f"{path} is larger than {MAX_CSV_BYTES // 1_000_000} MB; it cannot be a catalogue")
            data = path.read_bytes()
        except OSError as error:
            raise ValueError(f"cannot read {path}: {error.strerror or error}") from None
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValueError(f"{path} is not UTF-8 text; save the CSV as UTF-8 and try again") from None


class InstitutionValueRepository(RecordRepository[InstitutionValue]):
    """The institution's own values, each mapped to a framework's areas and values."""

    TABLE = VALUES_TABLE
    ORDER_BY = "created"

    def build(self, record: dict[str, Any]) -> InstitutionValue:
        """The value of a stored record."""
        return InstitutionValue.from_record(record)

    def values(self, framework_id: str) -> list[InstitutionValue]:
        """A framework's institution values, in the order they were made."""
        return sorted(self.list(framework_id), key=lambda v: (v.created, v.id))

    def _name_problem(self, framework: Framework, title: str, record_id: int = 0) -> list[str]:
        """A problem when another value of the framework has this title."""
        clash = next((v for v in self.list(framework.id) if v.id != record_id and same_title(v.title, title)), None)
        return [f"a value named “{clash.title}” is already mapped"] if clash is not None else []

    def create(self, framework: Framework, title: str, areas: Sequence[str], framework_values: Sequence[str] = (),
               description: str = "") -> InstitutionValue:
        """Store a new value; InstitutionError listing every problem."""
        problems = check_value(framework, title, areas, framework_values) + self._name_problem(framework, title)
        if problems:
            raise InstitutionError("; ".join(problems))
        stamp = now_iso()
        order = {a.id: i for i, a in enumerate(framework.areas)}
        value = InstitutionValue(0, framework.id, " ".join(title.split()), description.strip(),
                                 tuple(sorted(dict.fromkeys(areas), key=order.__getitem__)),
                                 tuple(dict.fromkeys(framework_values)), created=stamp, updated=stamp)
        return replace(value, id=self._records.insert(value.to_record()))

    def save(self, framework: Framework, value: InstitutionValue) -> InstitutionValue:
        """Keep a changed value (checked first); InstitutionError, or KeyError when it was deleted."""
        problems = check_value(framework, value.title, value.areas, value.framework_values)
        problems += self._name_problem(framework, value.title, value.id)
        if problems:
            raise InstitutionError("; ".join(problems))
        order = {a.id: i for i, a in enumerate(framework.areas)}
        changes = {"title": " ".join(value.title.split()), "description": value.description.strip(),
                   "areas": sorted(dict.fromkeys(value.areas), key=order.__getitem__),
                   "framework_values": list(dict.fromkeys(value.framework_values)), "updated": now_iso()}
        return self.build(self._records.mutate(value.id, lambda r: {**r, **changes}))

    def add(self, values: Iterable[InstitutionValue]) -> list[InstitutionValue]:
        """Store complete values (from an import or the demo) as new records, in one write."""
        stamp = now_iso()
        ready = [replace(v, id=0, created=v.created or stamp, updated=v.updated or stamp) for v in values]
        ids = self._records.insert_many([v.to_record() for v in ready])
        return [replace(v, id=i) for v, i in zip(ready, ids)]
