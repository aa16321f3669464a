"""The team room: read a team's share files (or open a saved profile) and show the anonymous team profile.

A facilitator gives a folder of share files (or files separated by ``;``); they are read in a
worker thread through the team profiles' repository, with a progress bar, so a folder of a
thousand files keeps the interface responsive. The screen then shows how many files were used
(and a key to list every file left out, by file, field and message), the team wheel of medians,
and the spread per area and series, with "fewer than N" wherever fewer than the minimum group
rated it. The minimum group can be changed (3 to 10), the team report written, and the profile
saved under a name (its own list, apart from the facilitator's own wheels).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Header, Label, ProgressBar, Static

from screens.base import FramewheelScreen
from screens.dialogs.text_input import TextDialog
from screens.team.text import discuss_view, left_out_view, ranking_view, spread_view
from styles import style_path
from tui.core.team import MIN_GROUP_DEFAULT, FileProblem, NoProfileError, TeamProfile, build_profile, check_min_group
from tui.core.team_profiles import (
    FOLDER_SETTING, Ratings, SavedTeamProfile, files_text, likely_framework, saved_from, used_ratings, with_min_group,
)
from tui.core.wheels import now_iso
from tui.widgets.chart_view import ChartView
from tui.widgets.theme_colours import chart_palette
from tui.widgets.key_footer import KeyFooter

PROGRESS_STEPS = 100
"""At most this many progress updates are sent while a folder is read."""

WIDE = 120
"""From this width the wheel and the spread stand side by side, and the spread names each series in full."""

PATH_SEPARATOR = ";"
"""Separates several files (or folders) typed in the path dialog."""


class ReadProgress(Message):
    """Files read so far of those to read (posted by the reading worker)."""

    def __init__(self, done: int, total: int) -> None:
        """``done`` of ``total`` files read."""
        super().__init__()
        self.done, self.total = done, total


@dataclass(frozen=True)
class ReadOutcome:
    """What reading a team's files gave: the profile and its files' ratings, or why there is none."""

    profile: TeamProfile | None
    ratings: tuple[Ratings, ...]
    problems: tuple[FileProblem, ...]
    duplicates: tuple[str, ...]
    missing: tuple[str, ...]
    files: int
    error: str = ""
    folder: str = ""
    """The folder to suggest next time."""


class SourcesRead(Message):
    """The reading worker is done (posted once, with the outcome)."""

    def __init__(self, outcome: ReadOutcome) -> None:
        """The outcome of reading."""
        super().__init__()
        self.outcome = outcome


def split_paths(typed: str) -> list[str]:
    """The paths typed in the dialog (separated by ``;``), blanks dropped."""
    return [part.strip() for part in typed.split(PATH_SEPARATOR) if part.strip()]


class TeamRoomScreen(FramewheelScreen):
    """A team profile: files used, the team wheel (medians) and the spread per area and series."""

    CSS_PATH = style_path("team.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    HELP_TITLE = "Team profile"
    HELP = """\
The team room combines a team's **share files** (each person writes one with `x` on their wheel) into
one anonymous team profile. `o` reads a folder of share files, or files separated by `;`; files of
another framework or version, unknown areas, off-scale values and unreadable files are left out and
`l` lists each by file, field and message. The same wheel given twice is counted once.

For each area and series: n, the median, q1 to q3, min to max, a strip (░ min to q1 and q3 to max,
▓ q1 to q3, ┃ median) and the gap from the baseline. An area rated by fewer people than the
**minimum group** (5 unless `m` changes it, 3 to 10) shows "fewer than N": its values are not
computed at all. `‼ discuss` marks areas where the team disagrees most.

`x` writes the team report (Markdown) to the output folder; `s` saves the profile under a name
(its files' ratings only: no notes, no file names) and `v` lists the saved profiles, where two can
be compared. Saved profiles never count as your own wheels. `b` switches the wheel and bars.
"""

    BINDINGS = [
        Binding("o", "open_files", "Read files", id="team.open", tooltip="Read a folder of share files (or files separated by ;)"),
        Binding("l", "left_out", "Left out", id="team.left_out", tooltip="List every file left out, by file, field and message"),
        Binding("m", "min_group", "Min group", id="team.min_group", tooltip="Change the minimum group size (3 to 10)"),
        Binding("x", "write_report", "Report", id="team.report", tooltip="Write the team report (Markdown) to the output folder"),
        Binding("s", "save", "Save", id="team.save", tooltip="Save this team profile under a name"),
        Binding("v", "saved", "Saved", id="team.saved", tooltip="The saved team profiles: open, rename, delete, compare"),
        Binding("b", "toggle_bars", "Wheel/bars", id="team.bars", tooltip="Switch the team chart between the wheel and bars"),
        Binding("k", "room_ranking", "Room ranking", id="team.room_ranking",
                tooltip="Start the ranking the room agrees from the team ranking, saved as an ordinary ranking"),
    ]

    NEEDS_PROFILE = {"left_out", "min_group", "write_report", "save", "toggle_bars"}
    """Actions that need a profile (hidden until there is one; `l` also when files were left out)."""

    def __init__(self, saved_id: int | None = None) -> None:
        """A new team room (asks for files), or the saved profile ``saved_id``."""
        super().__init__()
        self.saved_id = saved_id
        self.profile: TeamProfile | None = None
        self.ratings: tuple[Ratings, ...] = ()
        self.problems: tuple[FileProblem, ...] = ()
        self.duplicates: tuple[str, ...] = ()
        self.missing: tuple[str, ...] = ()
        self.saved: SavedTeamProfile | None = None
        self.min_group = MIN_GROUP_DEFAULT
        self.kind = "radar"
        self.reading = False
        self.compact = False

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header; the files line and progress; the wheel beside (or above) the spread, all scrolling; footer."""
        yield Header()
        with Vertical(id="team-top"):
            yield Static("", id="team-files", markup=False)
            with Horizontal(id="team-progress-row"):
                yield ProgressBar(total=None, show_eta=False, id="team-progress")
                yield Label("", id="team-progress-label")
        with VerticalScroll(id="team-body"):
            with Horizontal(id="team-main"):
                with Vertical(id="team-chart-panel", classes="panel"):
                    yield Label("Team wheel (medians)", classes="panel-title", id="team-chart-title")
                    yield ChartView(id="team-chart")
                with Vertical(id="team-spread-panel", classes="panel"):
                    yield Label("Spread per area and series", classes="panel-title", id="team-spread-title")
                    yield Static("", id="team-discuss")
                    yield Static("", id="team-ranking")
                    yield Static("", id="team-spread")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Open the saved profile, or ask for the team's files."""
        self.title = "Team profile"
        self.query_one("#team-progress-row").display = False
        self.query_one("#team-main").display = False
        self.query_one("#team-ranking").display = False
        self.query_one("#team-body").focus()
        if self.saved_id is not None:
            self.open_saved(self.saved_id)
        else:
            self.show_files_line()
            self.action_open_files()

    def on_screen_resume(self) -> None:
        """The profile shown may have been deleted (or renamed) in the saved list meanwhile."""
        if self.saved is not None:
            self.saved = self.context.team_profiles.get(self.saved.id)
            self.show_profile()

    def on_resize(self) -> None:
        """Redraw the chart for the new size (and the spread, when it crosses the wide breakpoint)."""
        if self.profile is not None and (self.size.width < WIDE) != self.compact:
            self.show_profile()
        self.call_after_refresh(self.draw_chart)

    def chart_title(self) -> str:
        """``Team wheel (medians) · <framework>`` (or bars)."""
        what = "Team bars (medians)" if self.kind == "bars" else "Team wheel (medians)"
        if self.profile is None:
            return what
        if all(cell.spread is None for cell in self.profile.cells):
            return f"{what} · {self.profile.framework.title} · nothing to draw: {self.profile.withheld} rated each"
        return f"{what} · {self.profile.framework.title}"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys that need a profile show once there is one; `l` also when no file could be used."""
        if action == "left_out":
            return bool(self.profile is not None or self.problems or self.duplicates or self.missing)
        if action in self.NEEDS_PROFILE:
            return self.profile is not None and not self.reading
        if action == "open_files":
            return not self.reading
        if action == "room_ranking":
            ranking = self.profile.ranking if self.profile is not None else None
            return ranking is not None and ranking.shown and bool(ranking.ranked()) and not self.reading
        return super().check_action(action, parameters)

    # -- reading the files -------------------------------------------------------------------

    def suggested_folder(self) -> str:
        """The folder last read from (in a demo: the demo team's folder), else the output folder."""
        remembered = self.context.settings.get(FOLDER_SETTING)
        if isinstance(remembered, str) and remembered:
            return remembered
        return str(self.context.team_profiles.report_folder())

    def action_open_files(self) -> None:
        """Ask for a folder of share files (or files), then read them."""
        if self.reading:
            return
        dialog = TextDialog(
            "Read a team's share files", self.suggested_folder(),
            prompt="A folder of share files, or files separated by ;",
            explain="Every *.json file of a folder is read. Only the ratings are used; nothing is stored until you save.",
            strip=True, required=True, dialog_id="team-path-dialog", input_id="team-path", kept_on_quit=False,
        )
        self.app.push_screen(dialog, self._paths_given)

    def _paths_given(self, typed: str | None) -> None:
        """Start reading the paths typed (nothing when cancelled)."""
        if typed:
            self.read_paths(split_paths(typed))

    def read_paths(self, paths: Sequence[str]) -> None:
        """Read ``paths`` in the worker, showing progress."""
        self.reading = True
        self.saved = None
        self.query_one("#team-progress-row").display = True
        bar = self.query_one("#team-progress", ProgressBar)
        bar.update(total=None, progress=0)
        self.query_one("#team-progress-label", Label).update("Looking for share files…")
        self.refresh_bindings()
        self.read_files(list(paths), self.min_group)

    @work(thread=True, exclusive=True, group="team-read")
    def read_files(self, paths: list[str], min_group: int) -> None:
        """Read and check every file (in a thread), posting progress and then the outcome."""
        repository = self.context.team_profiles
        step = [1]

        def progress(done: int, total: int) -> None:
            """Post every ``total / PROGRESS_STEPS`` files (and the first and last)."""
            step[0] = max(1, total // PROGRESS_STEPS)
            if done in (0, total) or done % step[0] == 0:
                self.post_message(ReadProgress(done, total))

        try:
            sources, missing = repository.read_sources(paths, progress)
            folder = repository.folder_of(paths)
        except OSError as error:  # a folder that cannot be listed: say so rather than end the app
            self.post_message(SourcesRead(ReadOutcome(None, (), (), (), (), 0, f"the files could not be read: {error.strerror or error}")))
            return
        catalog = self.context.catalog
        wanted = likely_framework(sources, self.context.framework_id)
        if wanted is not None and catalog.get(wanted) is None:
            wanted = None
        try:
            profile = build_profile(sources, catalog, wanted, min_group)
        except NoProfileError as error:
            self.post_message(SourcesRead(ReadOutcome(None, (), error.problems, error.duplicates, tuple(missing),
                                                      len(sources), str(error), folder)))
            return
        except (LookupError, ValueError) as error:
            self.post_message(SourcesRead(ReadOutcome(None, (), (), (), tuple(missing), len(sources),
                                                      str(error), folder)))
            return
        ratings = tuple(used_ratings(sources, profile))
        self.post_message(SourcesRead(ReadOutcome(profile, ratings, profile.problems, profile.duplicates,
                                                  tuple(missing), len(sources), folder=folder)))

    @on(ReadProgress)
    def _progress(self, message: ReadProgress) -> None:
        """Move the progress bar."""
        self.query_one("#team-progress", ProgressBar).update(total=max(message.total, 1), progress=message.done)
        self.query_one("#team-progress-label", Label).update(f"Read {message.done:,} of {message.total:,} files")

    @on(SourcesRead)
    def _read(self, message: SourcesRead) -> None:
        """Show the profile (or why there is none)."""
        outcome = message.outcome
        self.reading = False
        self.query_one("#team-progress-row").display = False
        if outcome.folder:
            self.context.settings.set(FOLDER_SETTING, outcome.folder)
        self.problems, self.duplicates, self.missing = outcome.problems, outcome.duplicates, outcome.missing
        self.profile, self.ratings = outcome.profile, outcome.ratings
        if outcome.profile is None:
            found = f"{outcome.files} file{'' if outcome.files == 1 else 's'} found"
            self.query_one("#team-main").display = False
            self.show_files_line(f"No team profile ({found}): {outcome.error or 'no file could be used'}. "
                                 "Press l to see why, o to read other files.")
        else:
            self.show_profile()
        self.refresh_bindings()

    # -- showing the profile -----------------------------------------------------------------

    def open_saved(self, saved_id: int) -> None:
        """Show a saved profile, rebuilt from its stored ratings."""
        saved = self.context.team_profiles.get(saved_id)
        framework = self.context.catalog.get(saved.framework_id) if saved else None
        if saved is None or framework is None:
            self.show_files_line("This saved team profile no longer exists, or its framework is not loaded.")
            return
        self.saved = saved
        self.min_group = saved.min_group
        self.ratings = saved.ratings
        self.problems, self.duplicates, self.missing = (), (), ()
        self.profile = saved.profile(framework)
        self.show_profile()
        self.refresh_bindings()

    def presentation_changed(self) -> None:
        """Hide or show the names of people who agreed to be named (hidden while presenting)."""
        if self.is_mounted and self.profile is not None:
            self.show_files_line(self.files_line(self.profile))

    def show_files_line(self, text: str = "") -> None:
        """The line above the profile: files used and the minimum group, or what to do."""
        self.query_one("#team-files", Static).update(text or "Press o to read a folder of the team's share files.")

    def files_line(self, profile: TeamProfile) -> str:
        """``Saved profile 'X' ·`` 12 of 14 files used, 2 left out ... · minimum group 5 · people."""
        parts = [files_text(profile)]
        if self.missing:
            parts[0] += f", {len(self.missing)} path{'' if len(self.missing) == 1 else 's'} not found"
        parts.append(f"minimum group {profile.min_group}")
        if profile.names is None:
            parts.append("anonymous")
        elif self.hides("team", "names"):
            parts.append(f"{len(profile.names)} named (names hidden while presenting)")
        else:
            parts.append(f"people: {', '.join(profile.names)}")
        line = " · ".join(parts)
        if self.saved is not None:
            line = f"Saved profile “{self.saved.name}” of {self.saved.created[:10]} · {line}"
            if self.saved.framework_version != profile.framework.version:
                line += (f" · saved with version {self.saved.framework_version}, shown with version "
                         f"{profile.framework.version} (ratings it cannot place are left out)")
        return line

    def show_profile(self) -> None:
        """Fill the files line, the spread, the flags and the ranking panel; draw the chart."""
        profile = self.profile
        if profile is None:
            return
        self.query_one("#team-main").display = True
        self.show_files_line(self.files_line(profile))
        self.query_one("#team-spread-title", Label).update(f"Spread per {profile.framework.area_name} and series")
        self.query_one("#team-chart-title", Label).update(self.chart_title())
        self.compact = self.size.width < WIDE
        self.query_one("#team-spread", Static).update(spread_view(profile, self.compact))
        self.query_one("#team-discuss", Static).update(discuss_view(profile))
        self.show_ranking(profile)
        self.call_after_refresh(self.draw_chart)

    def show_ranking(self, profile: TeamProfile) -> None:
        """The team ranking beside the spread, when ranking files were given (hidden otherwise)."""
        panel = self.query_one("#team-ranking", Static)
        panel.display = profile.ranking is not None
        if profile.ranking is not None:
            panel.update(ranking_view(profile.ranking, self.compact))

    def draw_chart(self) -> None:
        """Draw the team wheel (medians) or bars for the panel's size."""
        from tui.core import charts
        from tui.core.team_report import chart_data

        profile = self.profile
        if profile is None or not self.is_mounted:
            return
        wide = self.size.width >= WIDE
        panel = self.query_one("#team-chart-panel")
        width = max(panel.content_size.width - 1, 30)
        height = max(self.size.height - 8, 16) if wide else max(min(self.size.height - 4, 26), 16)
        data = chart_data(profile)
        palette = chart_palette(self.app)
        drawn = charts.bars(data, width, palette=palette) if self.kind == "bars" else charts.radar(data, width, height, palette=palette)
        self.query_one("#team-chart", ChartView).show(drawn)

    # -- the keys ----------------------------------------------------------------------------

    def action_left_out(self) -> None:
        """List every file left out, by file, field and message."""
        from screens.team.left_out import LeftOutScreen

        if self.saved is not None:
            self.notify("A saved profile keeps no file names: the files left out were listed when it was read.",
                        title="Saved profile", timeout=5)
            return
        self.app.push_screen(LeftOutScreen(left_out_view(self.problems, self.duplicates, self.missing)))

    def action_min_group(self) -> None:
        """Ask the minimum group size (3 to 10) and rebuild the profile."""
        if self.profile is None:
            return

        def check(text: str) -> str | None:
            """A whole number from 3 to 10."""
            if not text.strip().isdigit():
                return "Type a whole number from 3 to 10."
            return check_min_group(int(text)) or None

        self.app.push_screen(TextDialog(
            "Minimum group size", str(self.min_group), prompt="Show an area's values only when at least this many rated it (3 to 10)",
            check=check, strip=True, required=True, dialog_id="team-min-dialog", input_id="team-min",
        ), self._min_group_given)

    def _min_group_given(self, typed: str | None) -> None:
        """Rebuild the profile at the new minimum group size."""
        if not typed or self.profile is None:
            return
        self.min_group = int(typed)
        self.profile = with_min_group(self.profile, self.ratings, self.min_group)
        self.show_profile()
        self.notify(f"Minimum group size {self.min_group}: fewer raters than that show “{self.profile.withheld}”.", timeout=4)

    def action_write_report(self) -> None:
        """Write the team report (Markdown) to the output folder and say where."""
        from tui.core.team_report import to_markdown

        if self.profile is None:
            return
        try:
            path = self.context.team_profiles.write_report(to_markdown(self.profile))
        except (OSError, ValueError) as error:
            message = getattr(error, "strerror", None) or str(error)
            self.notify(f"The team report could not be written: {message}.", title="No report", severity="error")
            return
        self.notify(f"Team report written to {path}", title="Report written", timeout=8)

    def action_save(self) -> None:
        """Ask a name and save the profile (its files' ratings, no notes) in the saved team profiles."""
        if self.profile is None:
            return
        suggested = self.saved.name if self.saved else f"{self.profile.framework.title} team {date.today().isoformat()}"
        self.app.push_screen(TextDialog(
            "Save this team profile", suggested, prompt="A name for it (the team, and when)",
            explain="Kept: the counts, each used file's ratings and the minimum group. No notes, no file names.",
            strip=True, required=True, dialog_id="team-save-dialog", input_id="team-save-name", select_on_focus=True,
        ), self._save_named)

    def _save_named(self, name: str | None) -> None:
        """Store the profile under ``name``."""
        if not name or self.profile is None:
            return
        try:
            saved = self.context.team_profiles.add(saved_from(self.profile, self.ratings, name, now_iso()))
        except (OSError, ValueError) as error:
            self.notify(f"Not saved: {error}", title="Not saved", severity="error")
            return
        self.saved = saved
        self.mark_saved()
        self.show_profile()
        self.notify(f"Saved as “{saved.name}”. v lists the saved team profiles.", title="Saved", timeout=5)

    def action_saved(self) -> None:
        """The saved team profiles."""
        from screens.team.saved import TeamProfileListScreen

        self.app.push_screen(TeamProfileListScreen(self.saved.id if self.saved else None), self._from_list)

    def _from_list(self, chosen: int | None) -> None:
        """Open the profile chosen in the list, or read new files (``NEW``); nothing when the list was left."""
        from screens.team.saved import NEW

        if chosen is None:
            return
        if chosen == NEW:
            self.action_open_files()
        else:
            self.open_saved(chosen)

    def action_room_ranking(self) -> None:
        """Save the team ranking's order as a new ordinary ranking and open it, for the room to adjust."""
        from screens.ranking.ranking import RankingScreen

        ranking = self.profile.ranking if self.profile is not None else None
        if self.profile is None or ranking is None or not ranking.shown:
            return
        team = self.saved.name if self.saved is not None else self.profile.framework.title
        notes = (f"Started from the team ranking of {ranking.files_used} people's rankings "
                 f"(mean rank, ties shared); adjusted by the room.")
        made = self.context.rankings.create(self.profile.framework, f"The room's ranking: {team}",
                                            notes=notes, groups=ranking.groups())
        self.app.push_screen(RankingScreen(made.id))
        self.notify(f"“{made.name}” saved as a ranking; change the order as the room agrees.", title="Room ranking", timeout=6)

    def action_toggle_bars(self) -> None:
        """Switch the chart between the wheel and bars."""
        self.kind = "bars" if self.kind == "radar" else "radar"
        self.query_one("#team-chart-title", Label).update(self.chart_title())
        self.draw_chart()

    def screen_commands(self) -> Iterable[SystemCommand]:
        """The team room's commands in the palette."""
        yield SystemCommand("Read a team's share files", "A folder of share files into a team profile", self.action_open_files)
        yield SystemCommand("Saved team profiles", "Open, rename, delete or compare saved team profiles", self.action_saved)
