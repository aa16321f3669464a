"""The one registry of activities: each declared once, read by everything that lists them.

An :class:`Activity` says what the home screen's keys for it do, how its saved work opens,
which repository keeps its records, its part of the "all data" export and import, its
section of the 1:1 report, its example data for ``--demo`` and which of its fields are
private. The home screen, the command palette, :mod:`tui.transfer` (export, import,
report) and :meth:`tui.context.AppContext.open_demo` all read :data:`ACTIVITIES`; none of
them names an activity.

Adding an activity is a ``screens/<activity>/`` package, a ``tui/core/<activity>.py``
module and one entry here. Screens and heavy modules are imported inside the small
functions below, only when the activity is used, so the interface starts fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen

    from tui.context import AppContext
    from tui.core.exchange import DataSection
    from tui.core.model import Framework, SavedWork
    from tui.core.reports.one_to_one import Section
    from tui.core.wheels import Assessment
    from tui.storage.database import Database

Start = Callable[["Screen[Any]"], None]
"""What a home-screen key does, given the home screen."""

ReportSource = Callable[["AppContext", "Assessment", "Framework"], "Section | None"]
"""An activity's section of the 1:1 report of a wheel (None when it has nothing for it)."""


@dataclass(frozen=True)
class Launcher:
    """One key of the home screen (and one command of the palette) that starts an activity."""

    key: str
    """The key on the home screen ("w")."""
    name: str
    """The binding id is ``home.<name>``; keymaps use it."""
    description: str
    """What the key is called in the Activities panel, the footer, F1 and the palette."""
    start: Start
    """Run on the home screen when the key is pressed."""
    tooltip: str = ""
    """A longer sentence for the palette."""


@dataclass(frozen=True)
class Exchange:
    """An activity's part of the "all data" bundle: its section and how its records are read and stored."""

    section: DataSection
    """How one record is written and how exported items are checked."""
    stored: Callable[[AppContext], Sequence[Any]]
    """The stored records in the order the bundle lists them (oldest first, or the plan's order)."""
    store: Callable[[AppContext, list[Any]], object]
    """Store the new records of an import (called only when every file is fine)."""
    known: Callable[[AppContext], Any] | None = None
    """What an import's check compares with when it is not :attr:`stored` (the stored records'
    fingerprints, from a lookup kept with the data: no pass over every record per file)."""
    documents: Callable[[AppContext], list[dict[str, Any]]] | None = None
    """The section's documents for an export, read straight from the stored records (the same as
    :attr:`section`'s ``document`` of each :attr:`stored` record, without building the records)."""

    def compared(self, context: AppContext) -> Any:
        """What an import of this section is checked against: :attr:`known`, else :attr:`stored`."""
        return (self.known or self.stored)(context)


@dataclass(frozen=True)
class Activity:
    """One activity of framewheel, declared once."""

    name: str
    """A short id ("wheel", "ranking"); also how its repository is asked for."""
    title: str
    """What it is called ("Self-assessment wheel")."""
    launchers: tuple[Launcher, ...] = ()
    work_kind: str = ""
    """The ``kind`` of its saved work in the home screen's list ("wheel", "action plan")."""
    open_work: Callable[[SavedWork], Screen[Any]] | None = None
    """The screen that opens one item of its saved work."""
    repository: Callable[[Database], Any] | None = None
    """Makes its repository over the run's database (on first use)."""
    work_table: str = ""
    """The data file's table its saved work is kept in (its repository's ``TABLE``): the home list
    asks the repository for lines only when that table has records, so an activity not used yet
    loads none of its modules."""
    exchange: Callable[[], Exchange] | None = None
    """Its part of the "all data" export and import (loaded when an export or import runs)."""
    report: Callable[[], ReportSource] | None = None
    """Its section of the 1:1 report (loaded when a report is made)."""
    demo: Callable[[AppContext], object] | None = None
    """Adds its example data to a ``--demo`` database."""
    private_fields: tuple[str, ...] = ()
    """Fields of its records that are private to the person (never shown when presenting)."""


@dataclass(frozen=True)
class ActivityRegistry:
    """The activities of a run, in the order of the design's key list."""

    activities: tuple[Activity, ...] = field(default_factory=tuple)

    def __iter__(self) -> Iterator[Activity]:
        """Every activity, in order."""
        return iter(self.activities)

    def get(self, name: str) -> Activity | None:
        """The activity called ``name``, if any."""
        return next((a for a in self.activities if a.name == name), None)

    def with_activity(self, activity: Activity) -> ActivityRegistry:
        """A registry with ``activity`` added (or replacing one of the same name)."""
        kept = tuple(a for a in self.activities if a.name != activity.name)
        return replace(self, activities=(*kept, activity))

    def launchers(self) -> list[Launcher]:
        """Every home-screen key, in activity order."""
        return [launcher for activity in self.activities for launcher in activity.launchers]

    def launcher(self, name: str) -> Launcher | None:
        """The launcher with binding name ``name``."""
        return next((launcher for launcher in self.launchers() if launcher.name == name), None)

    def opener(self, kind: str) -> Callable[[SavedWork], Screen[Any]] | None:
        """How a saved item of ``kind`` opens."""
        return next((a.open_work for a in self.activities if a.work_kind == kind and a.open_work), None)

    def exchanges(self) -> list[Exchange]:
        """Every activity's part of the "all data" bundle, in export order."""
        return [activity.exchange() for activity in self.activities if activity.exchange is not None]

    def report_sources(self) -> list[ReportSource]:
        """Every activity's 1:1 report section, in report order."""
        return [activity.report() for activity in self.activities if activity.report is not None]

    def private_fields(self) -> dict[str, tuple[str, ...]]:
        """Each activity's private fields, by activity name."""
        return {a.name: a.private_fields for a in self.activities if a.private_fields}


# --- the wheel ------------------------------------------------------------------------------


def _new_wheel(home: Screen[Any]) -> None:
    """Start a new wheel for the chosen framework, the focus on its first slider."""
    from screens.wheel.open import start_new_wheel

    start_new_wheel(home)


def _wheel_history(home: Screen[Any]) -> None:
    """List the wheels kept."""
    from screens.wheel.history import HistoryScreen

    home.app.push_screen(HistoryScreen())


def _open_wheel(item: SavedWork) -> Screen[Any]:
    """A saved wheel on its rating screen."""
    from screens.wheel.open import open_saved_wheel

    return open_saved_wheel(item)


def _wheels(db: Database) -> Any:
    """The wheels' repository."""
    from tui.storage.repositories.wheels import AssessmentRepository

    return AssessmentRepository(db)


def _wheels_exchange() -> Exchange:
    """Wheels in the "all data" bundle."""
    from tui.core.exchange.wheels import WHEELS

    return Exchange(WHEELS, lambda c: c.assessments.list()[::-1], lambda c, wheels: c.assessments.add_many(wheels),
                    known=lambda c: c.assessments.import_fingerprints(),
                    documents=lambda c: c.assessments.export_documents())


def _demo_wheels(context: AppContext) -> object:
    """Two example wheels of AHEP, some weeks apart."""
    from tui.core.wheels import add_demo_wheels

    return add_demo_wheels(context.assessments, context.catalog.get("ahep"))


# --- levels, explorer, level finder ---------------------------------------------------------


def _levels(home: Screen[Any]) -> None:
    """The levels of the chosen framework."""
    from screens.levels.levels import LevelsScreen

    home.app.push_screen(LevelsScreen())


def _explore(home: Screen[Any]) -> None:
    """The explorer of the chosen framework."""
    from screens.levels.explore import ExplorerScreen

    home.app.push_screen(ExplorerScreen())


def _finder(home: Screen[Any]) -> None:
    """The level finder on the latest record of the chosen framework."""
    from screens.levels.finder import FinderScreen

    home.app.push_screen(FinderScreen())


def _open_finder(item: SavedWork) -> Screen[Any]:
    """A saved level-finder record."""
    from screens.levels.finder import open_saved

    return open_saved(item)


def _finder_records(db: Database) -> Any:
    """The level-finder records' repository."""
    from tui.storage.repositories.finder import FinderRepository

    return FinderRepository(db)


def _finder_exchange() -> Exchange:
    """Level-finder records in the "all data" bundle."""
    from tui.core.exchange.finder import FINDER_RECORDS

    return Exchange(FINDER_RECORDS, lambda c: c.finder.list()[::-1], lambda c, records: [c.finder.add(r) for r in records])


def _finder_report() -> ReportSource:
    """The derived levels of the latest finder record, in the 1:1 report."""
    from tui.core.reports.finder import levels_report_section

    return lambda context, wheel, framework: levels_report_section(context.finder.latest(framework.id), wheel, framework)


def _demo_finder(context: AppContext) -> object:
    """An example level-finder record of AHEP."""
    from tui.core.finder import add_demo_finder

    return add_demo_finder(context.finder, context.catalog.frameworks.get("ahep", context.framework))


# --- ranking --------------------------------------------------------------------------------


def _ranking(home: Screen[Any]) -> None:
    """Rank the chosen framework's areas for a team."""
    from screens.ranking.ranking import RankingScreen

    home.app.push_screen(RankingScreen())


def _open_ranking(item: SavedWork) -> Screen[Any]:
    """A saved ranking."""
    from screens.ranking.ranking import open_saved_ranking

    return open_saved_ranking(item)


def _rankings(db: Database) -> Any:
    """The rankings' repository."""
    from tui.storage.repositories.rankings import RankingRepository

    return RankingRepository(db)


def _rankings_exchange() -> Exchange:
    """Rankings in the "all data" bundle."""
    from tui.core.exchange.rankings import RANKINGS

    return Exchange(RANKINGS, lambda c: c.rankings.list()[::-1], lambda c, rankings: [c.rankings.add(r) for r in rankings])


def _ranking_report() -> ReportSource:
    """The latest team ranking beside the wheel's gaps, in the 1:1 report."""
    from tui.core.reports.ranking import ranking_report_section

    return lambda context, wheel, framework: ranking_report_section(context.rankings.latest(framework.id), wheel, framework)


def _demo_ranking(context: AppContext) -> object:
    """An example team ranking of AHEP."""
    from tui.core.reports.ranking import add_demo_ranking

    return add_demo_ranking(context.rankings, context.catalog)


# --- development plan -----------------------------------------------------------------------


def _plan(home: Screen[Any]) -> None:
    """The development plan of the chosen framework."""
    from screens.plan.plan import PlanScreen

    home.app.push_screen(PlanScreen())


def _report(home: Screen[Any]) -> None:
    """Preview, then write, the 1:1 report of the chosen framework's latest wheel."""
    from screens.base import FramewheelScreen
    from screens.plan.plan import report_latest

    if isinstance(home, FramewheelScreen):
        report_latest(home, home.context.framework)


def _open_plan(item: SavedWork) -> Screen[Any]:
    """A framework's development plan."""
    from screens.plan.plan import open_plan

    return open_plan(item)


def _objectives(db: Database) -> Any:
    """The development plan's repository."""
    from tui.storage.repositories.development_plan import DevelopmentPlanRepository

    return DevelopmentPlanRepository(db)


def _objectives_exchange() -> Exchange:
    """Objectives in the "all data" bundle."""
    from tui.core.exchange.development_plan import OBJECTIVES

    return Exchange(OBJECTIVES, lambda c: c.development_plan.list(),
                    lambda c, objectives: c.development_plan.add_many(objectives))


def _demo_plan(context: AppContext) -> object:
    """An example plan of two objectives."""
    from tui.core.development_plan import fill_demo_plan

    fill_demo_plan(context.development_plan, context.framework)
    return None


# --- team profile -------------------------------------------------------------------------


def _team(home: Screen[Any]) -> None:
    """The team room: read a team's share files into a team profile."""
    from screens.team.room import TeamRoomScreen

    home.app.push_screen(TeamRoomScreen())


def _open_team_profile(item: SavedWork) -> Screen[Any]:
    """A saved team profile in the team room."""
    from screens.team.room import TeamRoomScreen

    return TeamRoomScreen(saved_id=item.record_id)


def _team_profiles(db: Database) -> Any:
    """The saved team profiles' repository."""
    from tui.storage.repositories.team_profiles import TeamProfileRepository

    return TeamProfileRepository(db)


def _team_profiles_exchange() -> Exchange:
    """Saved team profiles in the "all data" bundle."""
    from tui.core.team_exchange import TEAM_PROFILES

    return Exchange(TEAM_PROFILES, lambda c: c.team_profiles.list()[::-1],
                    lambda c, profiles: [c.team_profiles.add(p) for p in profiles])


def _demo_team(context: AppContext) -> object:
    """A team of example share files in the demo's ``team`` folder, and two saved profiles a year apart."""
    from datetime import datetime, timezone

    from tui.core import team_profiles

    framework = context.catalog.get("ahep") or context.framework
    repository = context.team_profiles
    if context.temporary_dir is not None:
        folder = context.temporary_dir / team_profiles.DEMO_FOLDER
        repository.write_demo_files(folder, team_profiles.demo_share_documents(framework)
                                    + team_profiles.demo_ranking_documents(framework))
        context.settings.set(team_profiles.FOLDER_SETTING, str(folder))
    now = datetime.now(timezone.utc).replace(microsecond=0)
    return [repository.add(saved) for saved in team_profiles.demo_saved_profiles(framework, now)]


# --- roles ----------------------------------------------------------------------------------


def _roles(home: Screen[Any]) -> None:
    """The chosen framework's roles: compare a wheel or a level-finder result with one, make your own."""
    from screens.roles.roles import RolesScreen

    home.app.push_screen(RolesScreen())


def _open_role(item: SavedWork) -> Screen[Any]:
    """A saved role in the role editor."""
    from screens.roles.editor import RoleEditorScreen

    return RoleEditorScreen(role_id=item.record_id)


def _role_records(db: Database) -> Any:
    """The roles' repository."""
    from tui.storage.repositories.roles import RoleRepository

    return RoleRepository(db)


def _roles_exchange() -> Exchange:
    """Roles made in the app in the "all data" bundle, and role files on their own."""
    from tui.core.exchange.roles import ROLES

    return Exchange(ROLES, lambda c: c.roles.list()[::-1], lambda c, roles: [c.roles.add(r) for r in roles])


def _roles_report() -> ReportSource:
    """The 1:1 report's "Compared with role X" section, when a role is chosen for the wheel."""
    from tui.core.reports.roles import role_section

    def section(context: AppContext, wheel: Assessment, framework: Framework) -> Section | None:
        """The section for the role chosen for this wheel, if any."""
        chosen = context.roles.chosen_for_wheel(framework, wheel.id)
        if chosen is None:
            return None
        return role_section(chosen[0], chosen[1], wheel, framework, context.finder.latest(framework.id))

    return section


def _demo_roles(context: AppContext) -> object:
    """Example roles over AHEP, labelled as examples."""
    from tui.core.roles import demo_roles

    framework = context.catalog.get("ahep") or context.framework
    return [context.roles.add(role) for role in demo_roles(framework)]


# --- the institution's view -----------------------------------------------------------------


def _institution(home: Screen[Any]) -> None:
    """The institution's development activities, its values and the coverage of the framework."""
    from screens.institution.institution import InstitutionScreen

    home.app.push_screen(InstitutionScreen())


def _catalogue(db: Database) -> Any:
    """The development activities' repository."""
    from tui.storage.repositories.institution import CatalogueRepository

    return CatalogueRepository(db)


def _catalogue_exchange() -> Exchange:
    """The development activities in the "all data" bundle (and a catalogue CSV given to ``import``)."""
    from tui.core.exchange.institution import CATALOGUE

    return Exchange(CATALOGUE, lambda c: c.catalogue.list()[::-1], lambda c, found: c.catalogue.add(found))


def _demo_catalogue(context: AppContext) -> object:
    """A dozen example development activities over AHEP, labelled as examples."""
    from tui.core.institution import demo_catalogue

    return context.catalogue.add(demo_catalogue(context.catalog.get("ahep") or context.framework))


def _institution_values(db: Database) -> Any:
    """The institution values' repository."""
    from tui.storage.repositories.institution import InstitutionValueRepository

    return InstitutionValueRepository(db)


def _values_exchange() -> Exchange:
    """The institution's values in the "all data" bundle (and a value mapping CSV given to ``import``)."""
    from tui.core.exchange.institution import VALUES

    return Exchange(VALUES, lambda c: c.institution_values.list()[::-1],
                    lambda c, found: c.institution_values.add(found))


def _demo_values(context: AppContext) -> object:
    """An example institution's four values mapped to AHEP, labelled as examples."""
    from tui.core.institution import demo_values

    return context.institution_values.add(demo_values(context.catalog.get("ahep") or context.framework))


# --- guidance -------------------------------------------------------------------------------


def _guidance(home: Screen[Any]) -> None:
    """The chosen framework's description and hints and tips."""
    from screens.guidance.guidance import GuidanceScreen

    home.app.push_screen(GuidanceScreen())


# --- action plans (RAG boards) --------------------------------------------------------------


def _boards(home: Screen[Any]) -> None:
    """The action plans (RAG boards)."""
    from screens.boards.action_plans import ActionPlansScreen

    home.app.push_screen(ActionPlansScreen())


def _open_board(item: SavedWork) -> Screen[Any]:
    """A saved action plan on its board."""
    from screens.boards.board import open_saved_plan

    return open_saved_plan(item)


def _action_plans(db: Database) -> Any:
    """The action plans' repository."""
    from tui.storage.repositories.action_plans import ActionPlanRepository

    return ActionPlanRepository(db)


def _action_plans_exchange() -> Exchange:
    """Action plans in the "all data" bundle."""
    from tui.core.exchange.action_plans import ACTION_PLANS

    return Exchange(ACTION_PLANS, lambda c: c.action_plans.list()[::-1], lambda c, plans: [c.action_plans.add(p) for p in plans])


def _demo_boards(context: AppContext) -> object:
    """Example action plans from the Technician Commitment self-assessment."""
    from tui.core.action_plan_demo import add_demo_plans

    return add_demo_plans(context.action_plans)


# --- workshop -------------------------------------------------------------------------------


def _workshop(home: Screen[Any]) -> None:
    """Choose a team profile, an action plan and the steps of a workshop, then present them."""
    from screens.workshop.sequence import SequenceScreen

    home.app.push_screen(SequenceScreen())


def _open_workshop(item: SavedWork) -> Screen[Any]:
    """A saved workshop sequence in the sequence editor (enter presents it)."""
    from screens.workshop.sequence import SequenceScreen

    return SequenceScreen(saved_id=item.record_id)


def _workshops(db: Database) -> Any:
    """The saved workshop sequences' repository."""
    from tui.storage.repositories.workshops import WorkshopSequenceRepository

    return WorkshopSequenceRepository(db)


def _workshops_exchange() -> Exchange:
    """Saved workshop sequences in the "all data" bundle."""
    from tui.core.workshop_exchange import WORKSHOPS

    return Exchange(WORKSHOPS, lambda c: c.workshops.list()[::-1], lambda c, sequences: [c.workshops.add(s) for s in sequences])


def _demo_workshop(context: AppContext) -> object:
    """"Demo workshop": the default steps over the newest demo team profile and the first demo action plan."""
    from tui.core.wheels import now_iso
    from tui.core.workshop import demo_sequence

    framework = context.catalog.get("ahep") or context.framework
    profiles = context.team_profiles.list(framework.id)
    plans = context.action_plans.list()
    profile = profiles[0] if profiles else None
    plan = min(plans, key=lambda p: p.id) if plans else None
    return context.workshops.add(demo_sequence(framework, profile.id if profile else None, plan.id if plan else None,
                                               now_iso(), has_ranking=bool(profile and profile.rankings)))


ACTIVITIES = ActivityRegistry((
    Activity(
        "wheel", "Self-assessment wheel",
        (Launcher("w", "wheel", "New wheel", _new_wheel),
         Launcher("h", "history", "Wheel history", _wheel_history)),
        work_table="assessments", work_kind="wheel", open_work=_open_wheel, repository=_wheels, exchange=_wheels_exchange, demo=_demo_wheels,
        private_fields=("notes", "reflections", "person"),
    ),
    Activity("levels", "Levels", (Launcher("l", "levels", "Levels", _levels),)),
    Activity("explore", "Explore the framework",
             (Launcher("e", "explore", "Explore", _explore),)),
    Activity(
        "finder", "Level finder", (Launcher("f", "finder", "Level finder", _finder),),
        work_table="finder", work_kind="level finder", open_work=_open_finder, repository=_finder_records, exchange=_finder_exchange,
        report=_finder_report, demo=_demo_finder, private_fields=("notes",),
    ),
    Activity(
        "ranking", "Ranking", (Launcher("k", "ranking", "Ranking", _ranking),),
        work_table="rankings", work_kind="ranking", open_work=_open_ranking, repository=_rankings, exchange=_rankings_exchange,
        report=_ranking_report, demo=_demo_ranking, private_fields=("notes",),
    ),
    Activity(
        "plan", "Development plan",
        (Launcher("p", "plan", "Plan", _plan),
         Launcher("x", "report", "1:1 report", _report, "Preview the 1:1 report of the latest wheel, then write it (Markdown or HTML)")),
        work_table="objectives", work_kind="plan", open_work=_open_plan, repository=_objectives, exchange=_objectives_exchange, demo=_demo_plan,
        private_fields=("review_notes",),
    ),
    Activity(
        "boards", "Action plans (RAG boards)",
        (Launcher("b", "boards", "Action plans", _boards, "Action plans (RAG boards): rate each milestone red, amber or green"),),
        work_table="action_plans", work_kind="action plan", open_work=_open_board, repository=_action_plans, exchange=_action_plans_exchange,
        demo=_demo_boards, private_fields=("comment",),  # a comment is private when its item is marked private
    ),
    Activity(
        "team", "Team profile",
        (Launcher("t", "team", "Team profile", _team, "Combine a team's share files into an anonymous team profile"),),
        work_table="team_profiles", work_kind="team profile", open_work=_open_team_profile, repository=_team_profiles,
        exchange=_team_profiles_exchange, demo=_demo_team, private_fields=("names",),
    ),
    Activity(
        "workshop", "Workshop",
        (Launcher("s", "workshop", "Workshop", _workshop,
                  "Step through the commitments, the team wheel, the spreads, the ranking and the board, full screen"),),
        work_table="workshops", work_kind="workshop", open_work=_open_workshop, repository=_workshops, exchange=_workshops_exchange,
        demo=_demo_workshop,
    ),
    Activity(
        "roles", "Role profiles",
        (Launcher("o", "roles", "Roles", _roles, "Compare a wheel or a level-finder result with a role; make your own roles"),),
        work_table="roles", work_kind="role", open_work=_open_role, repository=_role_records, exchange=_roles_exchange,
        report=_roles_report, demo=_demo_roles,
    ),
    Activity(
        "institution", "The institution's view",
        (Launcher("i", "institution", "Institution", _institution,
                  "The institution's development activities and values mapped to the framework, and the coverage"),),
        repository=_catalogue, exchange=_catalogue_exchange, demo=_demo_catalogue,
    ),
    Activity("values", "The institution's values", repository=_institution_values, exchange=_values_exchange,
             demo=_demo_values),
    Activity("guidance", "Guidance",
             (Launcher("g", "guidance", "Guidance", _guidance, "The chosen framework's description, hints and tips"),)),
))
"""Every activity of framewheel, in the order of the design's key list."""


def registry_of(extra: Iterable[Activity] = ()) -> ActivityRegistry:
    """The shipped activities with ``extra`` ones added (a test adds a throwaway activity this way)."""
    registry = ACTIVITIES
    for activity in extra:
        registry = registry.with_activity(activity)
    return registry
