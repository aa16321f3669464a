"""The ranking screen: a framework's areas in order of importance for a team, with ties.

The areas are listed with their rank; the descriptor of the focused area is
beside the list on a wide terminal and under it on a narrow one. Every change
is saved at once in the named ranking shown at the top (a new one is created,
as "Team ranking", by the first change).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Container, Vertical, VerticalScroll
from textual.widgets import Header, Label, OptionList, Static
from textual.widgets.option_list import Option

from screens.base import FramewheelScreen
from screens.guidance.markdown_text import markdown_text
from screens.ranking.details import RankingDetails, RankingDetailsDialog
from styles import style_path
from tui.core.guidance import team_questions
from tui.core.model import Framework, SavedWork
from tui.core.rankings import (
    TIE_RULE, Groups, RankError, Ranking, move_down, move_up, normalise, rank_label, rows, set_rank, toggle_tie,
)
from tui.widgets.key_footer import KeyFooter

DEFAULT_NAME = "Team ranking"
"""The name a ranking gets when the first change saves it before it was named."""

RANK_TIP = "Give the focused area this rank (1 to 9)"
"""What the digit keys do, in F1 help."""

DIGIT_BINDINGS = [
    Binding(digit, "rank(" + digit + ")", "Rank", key_display="1-9", show=digit == "1", tooltip=RANK_TIP, id="ranking.rank-" + digit)
    for digit in "123456789"
]
"""`1` to `9` give the focused area that rank directly."""


KEY_GUIDE = Text.assemble(
    ("Keys\n", "bold"),
    ("shift+↑ shift+↓", "bold"), "  move the focused area one rank up or down\n",
    ("1 to 9", "bold"), "           give it that rank directly\n",
    ("=", "bold"), "                tie it with the area above; again to untie\n",
    ("ctrl+z ctrl+y", "bold"), "    undo, redo\n",
    ("o", "bold"), " saved rankings  ", ("r", "bold"), " name, date, notes  ", ("n", "bold"), " new ranking\n",
    ("x", "bold"), "                share it for a team ranking",
)
"""The key summary shown under the list on a wide terminal."""


class RankingScreen(FramewheelScreen):
    """Rank a framework's areas for a team: move, give a rank, tie and untie, all saved as made."""

    CSS_PATH = style_path("ranking.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    HELP_TITLE = "Ranking"
    HELP = f"""\
The guide's Ranking Activity (Appendix 2): put the framework's areas in order of importance
for your team's context, 1 being the most important. Some areas may be equally important
("two or three at number 1 and so on").

**Ties:** {TIE_RULE} A shared rank is written with `=` (for example `1=`).

- `shift+up` / `shift+down` move the focused area one rank up or down. A tied area steps out
  of its tie; an area on its own swaps places with the area (or tie) next to it.
- `1` to `9` give the focused area that rank directly; the areas from that rank down move one
  place down. A rank inside a tie does not exist (with two areas at 1 there is no 2).
- `=` ties the focused area with the area listed above it; `=` again unties it.
- `ctrl+z` / `ctrl+y` undo and redo.

Each ranking has a name (the team or the context), a date and notes: `r` edits them, `n` starts
a new ranking, `o` lists the saved rankings (open, rename, duplicate, delete).
Every change is saved when you make it.

`x` shares the ranking for a team ranking: a file for your facilitator with the order (and its
ties), the framework and the ranking's name and date; your notes only if you tick them in, a name
or code only if you type one, and named only if you agree. You see exactly the file before it is
written.

Beside the list: the focused area's descriptor and, where the framework file gives them
(`team_questions`), its questions for a team to discuss.
"""

    BINDINGS = [
        Binding("shift+up", "move(-1)", "Up", key_display="⇧↑", id="ranking.move-up", tooltip="Move the focused area one rank up"),
        Binding("shift+down", "move(1)", "Down", key_display="⇧↓", id="ranking.move-down", tooltip="Move the focused area one rank down"),
        Binding("equals_sign", "tie", "Tie", id="ranking.tie", tooltip="Tie the focused area with the one above; again to untie"),
        *DIGIT_BINDINGS,
        Binding("o", "open_list", "Rankings", id="ranking.list", tooltip="Saved rankings: open, new, rename, duplicate, delete"),
        Binding("r", "details", "Details", id="ranking.details", tooltip="Name (team or context), date and notes of this ranking"),
        Binding("x", "share", "Share", id="ranking.share",
                tooltip="Write this ranking's share file for a team ranking (you see exactly the file first)"),
        Binding("n", "new", "New ranking", id="ranking.new", show=False),
        Binding("ctrl+z", "undo", "Undo", id="ranking.undo", show=False),
        Binding("ctrl+y", "redo", "Redo", id="ranking.redo", show=False),
    ]

    AUTO_FOCUS = "#ranking-list"

    def __init__(self, ranking_id: int | None = None) -> None:
        """Open a saved ranking, or (without an id) the latest of the chosen framework."""
        super().__init__()
        self.requested_id = ranking_id
        self.ranking: Ranking | None = None
        self.framework: Framework | None = None
        self.groups: Groups = ()
        self.undo_stack: list[Groups] = []
        self.redo_stack: list[Groups] = []

    def compose(self) -> ComposeResult:
        """Header, the ranking's title and tie rule, the list and the descriptor, footer."""
        yield Header()
        yield Static(id="ranking-info")
        with Container(id="ranking-body"):
            with Vertical(id="ranking-list-panel", classes="panel"):
                yield Label("Rank", id="ranking-list-title", classes="panel-title")
                yield OptionList(id="ranking-list")
                yield Static(KEY_GUIDE, id="ranking-guide")
            with VerticalScroll(id="descriptor-panel", classes="panel"):
                yield Static(id="descriptor")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the ranking asked for (or the latest one) and show it."""
        self.title = "Ranking"
        if self.requested_id is not None:
            ranking = self.context.rankings.get(self.requested_id)
            if ranking is None:
                self.notify("That ranking no longer exists.", severity="error")
                self.app.call_later(self.action_back)
                return
            self.load(ranking)
        else:
            self.load(self.context.rankings.latest(self.context.framework_id))

    def load(self, ranking: Ranking | None, framework_id: str | None = None) -> None:
        """Show ``ranking`` (None: a new, not yet saved ranking of ``framework_id`` or the chosen framework)."""
        wanted = ranking.framework_id if ranking else framework_id or self.context.framework_id
        framework = self.context.catalog.get(wanted)
        if framework is None:
            self.notify(f"The framework '{wanted}' of this ranking is not loaded.", severity="error")
            self.app.call_later(self.action_back)
            return
        changed = ranking is None or self.ranking is None or ranking.id != self.ranking.id
        self.ranking, self.framework = ranking, framework
        self.groups = ranking.ordered(framework) if ranking else normalise((), framework.area_ids)
        if changed:
            self.undo_stack.clear()
            self.redo_stack.clear()
        self.refresh_view()

    def on_screen_resume(self) -> None:
        """The ranking may have been renamed or deleted from the list of rankings."""
        if self.ranking is not None:
            framework_id = self.ranking.framework_id
            current = self.context.rankings.get(self.ranking.id) or self.context.rankings.latest(framework_id)
            self.load(current, framework_id)

    # ----- showing

    def refresh_view(self, focus_area: str | None = None) -> None:
        """Redraw the title line, the list (keeping the focused area) and the descriptor."""
        framework = self.framework
        if framework is None:
            return
        option_list = self.query_one("#ranking-list", OptionList)
        focus_area = focus_area or self.focused_area()
        option_list.clear_options()
        shown = rows(self.groups)
        for row in shown:
            area = framework.area(row.area_id)
            label = area.heading if area else row.area_id
            prompt = Text.assemble((f"{rank_label(row.rank, row.tied):>3} ", "bold"), " ", label)
            option_list.add_option(Option(prompt, id=row.area_id))
        index = next((i for i, row in enumerate(shown) if row.area_id == focus_area), 0)
        option_list.highlighted = index
        self.query_one("#ranking-list-title", Label).update(f"Rank  {framework.area_word}")
        self.query_one("#ranking-info", Static).update(self.info_text())
        self.show_descriptor()

    def presentation_changed(self) -> None:
        """Show or hide the ranking's notes (private while presenting)."""
        if self.is_mounted:
            self.query_one("#ranking-info", Static).update(self.info_text())

    def info_text(self) -> Text:
        """The ranking's name, date and framework; the tie rule; the notes."""
        text = Text()
        if self.ranking is None:
            text.append("New ranking", style="bold")
            text.append(" (not saved yet)")
        else:
            text.append(self.ranking.name, style="bold")
            text.append(f" · {self.ranking.date}")
        text.append(f" · {self.framework.title if self.framework else ''}\n", style="italic")
        text.append("Ties: ", style="bold")
        text.append(TIE_RULE.split(":")[0] + ".")
        if self.ranking is not None and self.ranking.notes:
            text.append("\nNotes: ", style="bold")
            text.append(" ".join(self.shown("ranking", "notes", self.ranking.notes).split()))
        return text

    def focused_area(self) -> str | None:
        """The id of the highlighted area, if any."""
        option_list = self.query_one("#ranking-list", OptionList)
        if option_list.highlighted is None or option_list.option_count == 0:
            return None
        return option_list.get_option_at_index(option_list.highlighted).id

    def show_descriptor(self) -> None:
        """The focused area's title, rank, attribute and descriptor."""
        framework, area_id = self.framework, self.focused_area()
        area = framework.area(area_id) if framework and area_id else None
        text = Text()
        if area is not None and framework is not None:
            row = next(r for r in rows(self.groups) if r.area_id == area.id)
            text.append(area.heading, style="bold")
            shared = [framework.area(a) for g in self.groups if area.id in g for a in g if a != area.id]
            text.append(f"\nRank {rank_label(row.rank, row.tied)}", style="bold")
            if shared:
                text.append(", shared with " + ", ".join(a.label for a in shared if a))
            if area.encompasses:
                text.append(f" · encompasses {area.encompasses}", style="italic")
            text.append("\n")
            if area.description:
                text.append_text(markdown_text(area.description))
            else:
                text.append("(No descriptor in the framework file.)", style="dim")
            questions = team_questions(framework)
            if questions:
                text.append("\n\nTo discuss as a team", style="bold")
                text.append(" (the framework's own questions)\n", style="italic")
                for question in questions:
                    text.append(f"• {question}\n")
            else:
                text.append("\n\nThis framework file gives no questions for a team to discuss.", style="dim")
        self.query_one("#descriptor", Static).update(text)

    @on(OptionList.OptionHighlighted, "#ranking-list")
    def _highlighted(self) -> None:
        """Follow the focus with the descriptor."""
        self.show_descriptor()

    # ----- changing

    def apply(self, change: Callable[[Groups, str], Groups], what: str) -> None:
        """Apply an edit to the focused area, save it and say so; a RankError is shown and changes nothing."""
        area_id = self.focused_area()
        if area_id is None:
            return
        try:
            groups = change(self.groups, area_id)
        except RankError as problem:
            self.notify(str(problem), title="Not changed", severity="warning")
            return
        if groups == self.groups:
            self.notify(what, title="Not changed", timeout=3)
            return
        self.undo_stack.append(self.groups)
        self.redo_stack.clear()
        self.store(groups, area_id)

    def store(self, groups: Groups, focus_area: str | None = None) -> None:
        """Redraw with ``groups`` at once, then save them (so a large database never slows the keys)."""
        if self.framework is not None:
            groups = normalise(groups, self.framework.area_ids)
        self.groups = groups
        self.refresh_view(focus_area)
        self.call_after_refresh(self.save, groups, focus_area)

    def save(self, groups: Groups, focus_area: str | None = None) -> None:
        """Save ``groups`` in the ranking (creating it if new) and say so."""
        repository = self.context.rankings
        try:
            if self.ranking is None:
                assert self.framework is not None
                self.ranking = repository.create(self.framework, DEFAULT_NAME, groups=groups)
                self.notify(f"Saved as '{DEFAULT_NAME}'. Press r to give it a name, date and notes.", timeout=5)
            else:
                self.ranking = repository.set_groups(self.ranking.id, groups)
        except RankError as problem:
            self.notify(str(problem), title="Not saved", severity="error")
            return
        self.mark_saved()

    def action_move(self, step: int) -> None:
        """Move the focused area one rank up (-1) or down (1)."""
        if step < 0:
            self.apply(move_up, "Already at the top.")
        else:
            self.apply(move_down, "Already at the bottom.")

    def action_tie(self) -> None:
        """Tie the focused area with the one above, or untie it."""
        self.apply(toggle_tie, "")

    def action_rank(self, rank: int) -> None:
        """Give the focused area a rank directly."""
        self.apply(lambda groups, area_id: set_rank(groups, area_id, rank), f"Already ranked {rank}.")

    def action_undo(self) -> None:
        """Go back to the order before the last change."""
        if not self.undo_stack:
            self.notify("Nothing to undo.", timeout=3)
            return
        self.redo_stack.append(self.groups)
        self.store(self.undo_stack.pop())

    def action_redo(self) -> None:
        """Make the last undone change again."""
        if not self.redo_stack:
            self.notify("Nothing to redo.", timeout=3)
            return
        self.undo_stack.append(self.groups)
        self.store(self.redo_stack.pop())

    # ----- naming and other rankings

    def action_details(self) -> None:
        """Edit the name, date and notes (naming a new ranking saves it)."""
        from datetime import date

        ranking = self.ranking
        dialog = RankingDetailsDialog(
            "Name, date and notes of this ranking", ranking.name if ranking else "",
            ranking.date if ranking else date.today().isoformat(), ranking.notes if ranking else "",
        )
        self.app.push_screen(dialog, self._details_given)

    def _details_given(self, details: RankingDetails | None) -> None:
        """Store what the details dialog gave."""
        if details is None or self.framework is None:
            return
        repository = self.context.rankings
        try:
            if self.ranking is None:
                self.ranking = repository.create(self.framework, details.name, day=details.date, notes=details.notes, groups=self.groups)
            else:
                self.ranking = repository.set_details(self.ranking.id, details.name, details.date, details.notes)
        except RankError as problem:
            self.notify(str(problem), title="Not saved", severity="error")
            return
        self.refresh_view()
        self.mark_saved()

    def action_new(self) -> None:
        """Start a new ranking of the same framework: ask its name, then show it in the framework's order."""
        from datetime import date

        self.app.push_screen(RankingDetailsDialog("New ranking", "", date.today().isoformat()), self._new_given)

    def _new_given(self, details: RankingDetails | None) -> None:
        """Create the new ranking the dialog described."""
        if details is None or self.framework is None:
            return
        try:
            ranking = self.context.rankings.create(self.framework, details.name, day=details.date, notes=details.notes)
        except RankError as problem:
            self.notify(str(problem), title="Not saved", severity="error")
            return
        self.load(ranking)
        self.mark_saved()

    def action_open_list(self) -> None:
        """Show the saved rankings of this framework."""
        from screens.ranking.saved import RankingListScreen

        framework_id = self.framework.id if self.framework else self.context.framework_id
        self.app.push_screen(RankingListScreen(framework_id, self.ranking.id if self.ranking else None), self._list_closed)

    def _list_closed(self, ranking_id: int | None) -> None:
        """Open the ranking chosen in the list (or a new one made there)."""
        if ranking_id is not None and (ranking := self.context.rankings.get(ranking_id)) is not None:
            self.load(ranking)

    @work
    async def action_share(self) -> None:
        """Share this ranking for a team ranking (`x`): the dialog, then the file."""
        from screens.ranking.share import share_ranking

        if self.ranking is None or self.framework is None:
            self.notify("Nothing to share yet: change the order or press r to name this ranking, which saves it.",
                        title="Not shared", timeout=5)
            return
        # The order on screen (its save may still be on its way), with the stored name, date and notes.
        await share_ranking(self, replace(self.ranking, groups=self.groups), self.framework)

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Palette entries for this screen."""
        yield SystemCommand("Ranking: saved rankings", "Open, rename, duplicate or delete a ranking (o)", self.action_open_list)
        yield SystemCommand("Ranking: name, date and notes", "Edit this ranking's details (r)", self.action_details)
        yield SystemCommand("Ranking: new ranking", "Start a new named ranking (n)", self.action_new)
        yield SystemCommand("Ranking: share for a team", "Write this ranking's share file, seen first (x)", self.action_share)


def open_saved_ranking(item: SavedWork) -> RankingScreen:
    """Open a ranking from the home screen's work list."""
    return RankingScreen(item.record_id)

