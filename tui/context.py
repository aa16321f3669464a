"""What one run of framewheel works on: its frameworks, its database and its repositories.

The command line builds an :class:`AppContext` and hands it to the App; screens
reach storage only through the repositories held here. Each repository is made by
its activity's entry in :mod:`tui.activities` the first time it is used. Nothing in
this module imports Textual.
"""

from __future__ import annotations

import heapq
import shutil
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tui.activities import ACTIVITIES, ActivityRegistry
from tui.core.frameworks import DEFAULT_FRAMEWORK_ID, FrameworkCatalog, FrameworkProblem, load_catalog, same_file
from tui.core.model import Framework, SavedWork
from tui.storage import output
from tui.storage.settings import Settings
from tui.storage.database import Database
from tui.storage.safefile import write_private

if TYPE_CHECKING:
    from tui.core.reports.one_to_one import ReportHeader
    from tui.storage.repositories.action_plans import ActionPlanRepository
    from tui.storage.repositories.wheels import AssessmentRepository
    from tui.storage.repositories.roles import RoleRepository
    from tui.storage.repositories.development_plan import DevelopmentPlanRepository
    from tui.storage.repositories.finder import FinderRepository
    from tui.storage.repositories.institution import CatalogueRepository, InstitutionValueRepository
    from tui.storage.repositories.rankings import RankingRepository
    from tui.storage.repositories.team_profiles import TeamProfileRepository
    from tui.storage.repositories.workshops import WorkshopSequenceRepository

REPORT_HEADER_KEY = "report_header"
"""Settings key of the 1:1 report's remembered header (name, role, meeting date)."""

CHOSEN_FRAMEWORK_KEY = "framework"
"""Settings key under which the last chosen framework id is remembered."""

THEME_KEY = "theme"
"""Settings key under which the chosen Textual theme is remembered."""


class ContextError(Exception):
    """A start-up problem to tell the user in one sentence (bad --framework, etc.)."""


@dataclass
class AppContext:
    """Frameworks, database and settings of one run; built by the command line or a test."""

    catalog: FrameworkCatalog
    db: Database
    settings: Settings
    framework_id: str
    demo: bool = False
    temporary_dir: Path | None = None
    notices: list[str] = field(default_factory=list)
    """Sentences to show once the interface is up (storage reports, skipped files)."""
    activities: ActivityRegistry = ACTIVITIES
    """The activities of this run (a test may add one)."""
    _repositories: dict[str, Any] = field(default_factory=dict, repr=False)
    _recent_limit: int | None = field(default=None, init=False, repr=False)
    """The ``limit`` :meth:`recent_work` was last asked for (the home screen's), kept in the summary at :meth:`close`."""

    @classmethod
    def open(
        cls,
        db_path: Path,
        framework: str | None = None,
        *,
        user_dir: Path | None = None,
        demo: bool = False,
        activities: ActivityRegistry = ACTIVITIES,
    ) -> AppContext:
        """Load the frameworks and open the database; raise ContextError or StorageError."""
        extra = [Path(framework)] if framework and _is_file_argument(framework) else []
        catalog = load_catalog(user_dir=user_dir, extra=extra, write_cache=write_private)
        chosen = _choose_framework(catalog, framework, extra)
        db = Database(db_path)
        settings = Settings(db)
        if chosen is None:
            remembered = settings.get(CHOSEN_FRAMEWORK_KEY)
            chosen = remembered if isinstance(remembered, str) and remembered in catalog.frameworks else None
        if chosen is None:
            chosen = DEFAULT_FRAMEWORK_ID if DEFAULT_FRAMEWORK_ID in catalog.frameworks else next(iter(catalog.frameworks), "")
        if not chosen:
            raise ContextError("no framework could be loaded; see the problems above")
        context = cls(catalog=catalog, db=db, settings=settings, framework_id=chosen, demo=demo, activities=activities)
        kept_folder = settings.get(output.OUTPUT_SETTING)
        output.choose_output_dir(kept_folder if isinstance(kept_folder, str) else None)
        context.notices.extend(db.report.messages())
        context.notices.extend(_skipped_notice(catalog.problems))
        return context

    @classmethod
    def open_demo(cls, framework: str | None = None, *, user_dir: Path | None = None,
                  activities: ActivityRegistry = ACTIVITIES) -> AppContext:
        """A run on a fresh temporary database filled with every activity's example data."""
        folder = Path(tempfile.mkdtemp(prefix="framewheel-demo-"))
        context = cls.open(folder / "framewheel.json", framework, user_dir=user_dir, demo=True, activities=activities)
        context.temporary_dir = folder
        context.settings.set("demo", True)
        for activity in context.activities:
            if activity.demo is not None:
                activity.demo(context)
        return context

    def repository(self, name: str) -> Any:
        """The repository of the activity called ``name``, made (and its module imported) on first use."""
        if name not in self._repositories:
            activity = self.activities.get(name)
            if activity is None or activity.repository is None:
                raise LookupError(f"no activity '{name}' keeps records")
            self._repositories[name] = activity.repository(self.db)
        return self._repositories[name]

    # Typed shortcuts to the shipped activities' repositories.

    @property
    def assessments(self) -> AssessmentRepository:
        """The wheels (self-assessments)."""
        return self.repository("wheel")

    @property
    def rankings(self) -> RankingRepository:
        """The named team rankings of a framework's areas."""
        return self.repository("ranking")

    @property
    def development_plan(self) -> DevelopmentPlanRepository:
        """The development plan's objectives."""
        return self.repository("plan")

    @property
    def roles(self) -> RoleRepository:
        """The roles made in the app (a framework's own roles come from the framework)."""
        return self.repository("roles")

    @property
    def catalogue(self) -> CatalogueRepository:
        """The institution's development activities (its catalogue of provision)."""
        return self.repository("institution")

    @property
    def institution_values(self) -> InstitutionValueRepository:
        """The institution's own values, mapped to a framework's areas and values."""
        return self.repository("values")

    @property
    def finder(self) -> FinderRepository:
        """The level-finder records (marks on exemplars, dated)."""
        return self.repository("finder")

    @property
    def action_plans(self) -> ActionPlanRepository:
        """The action plans (RAG boards)."""
        return self.repository("boards")

    @property
    def team_profiles(self) -> TeamProfileRepository:
        """The saved team profiles (kept apart from the facilitator's own wheels)."""
        return self.repository("team")

    @property
    def workshops(self) -> WorkshopSequenceRepository:
        """The saved workshop sequences (the steps a facilitator presents)."""
        return self.repository("workshop")

    @property
    def framework(self) -> Framework:
        """The framework the user is working with now."""
        return self.catalog.frameworks[self.framework_id]

    def choose_framework(self, framework_id: str) -> Framework:
        """Make another loaded framework the current one and remember the choice."""
        if framework_id not in self.catalog.frameworks:
            raise ContextError(f"no framework with id '{framework_id}' is loaded")
        self.framework_id = framework_id
        self.settings.set(CHOSEN_FRAMEWORK_KEY, framework_id)
        return self.framework

    def report_header(self) -> ReportHeader | None:
        """The 1:1 report's remembered header (name, role, meeting date), or None when never given."""
        from tui.core.reports.one_to_one import ReportHeader

        return ReportHeader.from_value(self.settings.get(REPORT_HEADER_KEY))

    def set_report_header(self, header: ReportHeader) -> None:
        """Remember the 1:1 report's header for the next reports."""
        self.settings.set(REPORT_HEADER_KEY, header.as_dict())

    @property
    def output_folder(self) -> Path:
        """The folder reports, exports, share files and screenshots go to (absolute; see :mod:`tui.storage.output`)."""
        return output.output_dir()

    @property
    def output_folder_source(self) -> str:
        """What chose :attr:`output_folder`: ``"environment"`` (``--output-dir`` or the variable), ``"setting"`` or ``"default"``."""
        return output.output_dir_source()

    @property
    def output_folder_variable(self) -> str:
        """The environment variable that names the output folder (and overrides the setting)."""
        return output.OUTPUT_ENV

    def choose_output_folder(self, folder: str | None) -> Path:
        """Keep ``folder`` (``~`` expanded, made absolute) as the output folder in the data file; None or "" goes back to the default.

        Returns the output folder now in use (the environment variable, when set, still wins).
        """
        chosen = str(Path(folder).expanduser().absolute()) if folder else None
        self.settings.set(output.OUTPUT_SETTING, chosen)
        output.choose_output_dir(chosen)
        return output.output_dir()

    def saved_work(self) -> list[SavedWork]:
        """Everything saved by any activity, the most recently changed first."""
        return sorted(self._work_lines(), key=lambda item: item.updated, reverse=True)

    def recent_work(self, limit: int) -> tuple[list[SavedWork], int]:
        """The ``limit`` most recently changed of :meth:`saved_work` (in its order) and how many there are in all.

        Picked with a heap from the cheap saved-work lines rather than by sorting them all; a
        repository that can give its own newest ``limit`` lines and its count (``recent_work``,
        the wheels') is asked for only those. Until the data file is parsed, the lines noted with
        it by the interface's last run (:meth:`close` with ``summarise``) are given, when they are
        ``limit`` lines.
        """
        self._recent_limit = limit
        noted = _noted_work(self.db.noted(NOTED_WORK_KEY), limit)
        if noted is not None:
            return noted
        candidates: list[SavedWork] = []
        total = 0
        for repository in self._work_repositories():
            recent = getattr(repository, "recent_work", None)
            if callable(recent):
                lines, count = recent(limit)
            else:
                lines = repository.saved_work()
                count = len(lines)
            candidates.extend(lines)
            total += count
        return heapq.nlargest(limit, candidates, key=lambda item: item.updated), total

    def warm_ups(self) -> list[Callable[[], object]]:
        """What is worth building off the interface's thread once the data file is read (:meth:`Database.encode_ahead`).

        Each activity that lists saved work and keeps its records' order (``ordered_ids``, as
        the wheel history reads its first page with) has that order built: at 50,000 wheels a
        sort of 45-90 ms (on the two machines measured) that the first `h` would otherwise wait for.
        """
        return [ordered for repository in self._work_repositories()
                if callable(ordered := getattr(repository, "ordered_ids", None))]

    def _work_lines(self) -> list[SavedWork]:
        """Every activity's saved-work lines."""
        return [item for repository in self._work_repositories() for item in repository.saved_work()]

    def _work_repositories(self) -> list[Any]:
        """The repositories of the activities that list saved work (one whose table is empty is not asked: its modules stay unloaded)."""
        return [self.repository(activity.name) for activity in self.activities if activity.work_kind and activity.repository
                and (not activity.work_table or self.db.collection(activity.work_table).count())]


    def close(self, *, summarise: bool = False) -> None:
        """Release the database and remove a demo's temporary folder.

        ``summarise`` (the interface): a summary of the data file is noted with it for the next
        start's first screen (see ``Database.noted``), with the saved work it listed last.
        """
        self.db.close(summary=self._work_summary if summarise and self.temporary_dir is None else None)
        if self.temporary_dir is not None:
            shutil.rmtree(self.temporary_dir, ignore_errors=True)
            self.temporary_dir = None


    def _work_summary(self) -> dict[str, Any]:
        """The saved work :meth:`recent_work` lists, as the summary of the data file holds it (nothing when it was never asked)."""
        if self._recent_limit is None:
            return {}
        lines, total = self.recent_work(self._recent_limit)
        kept = [{**asdict(line), "detail": ""} for line in lines]  # the home does not show the detail (a person's name): not kept
        return {NOTED_WORK_KEY: {"limit": self._recent_limit, "total": total, "lines": kept}}


NOTED_WORK_KEY = "recent_work"
"""Where the data file's noted summary keeps the newest saved work."""


def _noted_work(noted: object, limit: int) -> tuple[list[SavedWork], int] | None:
    """The saved work (lines, count of all) a summary noted, when it is ``limit`` lines' worth and well-shaped (else None)."""
    if not isinstance(noted, dict) or noted.get("limit") != limit:
        return None
    total, lines = noted.get("total"), noted.get("lines")
    if not isinstance(total, int) or isinstance(total, bool) or not isinstance(lines, list) or len(lines) > limit:
        return None
    found: list[SavedWork] = []
    seen: set[tuple[str, int]] = set()
    for line in lines:
        if not isinstance(line, dict) or not _whole_number(line.get("record_id")) or not all(
                isinstance(line.get(name), str) for name in ("kind", "title", "updated", "detail", "framework_id")):
            return None  # a note spoilt by hand: the work is listed from the data
        if (line["kind"], line["record_id"]) in seen:
            return None
        seen.add((line["kind"], line["record_id"]))
        found.append(SavedWork(line["kind"], line["record_id"], line["title"], line["updated"],
                               detail=line["detail"], framework_id=line["framework_id"]))
    return found, total


def _whole_number(value: object) -> bool:
    """True for an int that is not a bool (JSON's true and false are not counts)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _is_file_argument(argument: str) -> bool:
    """True when ``--framework`` names a file (a path or a .yaml name) rather than an id."""
    return argument.endswith((".yaml", ".yml")) or "/" in argument or Path(argument).is_file()


def _choose_framework(catalog: FrameworkCatalog, argument: str | None, extra: list[Path]) -> str | None:
    """The framework id asked for on the command line, checked; None when none was asked."""
    if not argument:
        return None
    if extra:
        wanted = str(extra[0])
        for framework in catalog.frameworks.values():
            if same_file(framework.path, wanted):
                return framework.id
        problems = [str(p) for p in catalog.problems if p.path == wanted]
        raise ContextError("\n".join(problems) or f"{wanted}: cannot be used as a framework")
    if argument not in catalog.frameworks:
        known = ", ".join(sorted(catalog.frameworks)) or "none"
        raise ContextError(f"no framework with id '{argument}'; loaded frameworks: {known}")
    return argument


def _skipped_notice(problems: list[FrameworkProblem]) -> list[str]:
    """One notice naming the framework files that were skipped, if any."""
    files = sorted({problem.path for problem in problems})
    if not files:
        return []
    return [f"Skipped {len(files)} framework file(s) with errors: {', '.join(files)}. Run 'framewheel frameworks validate FILE' for details."]
