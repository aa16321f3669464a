"""Sharing a ranking for a team (`x` on the ranking screen): the dialog, then the file.

:class:`RankingShareDialog` lets the person choose what of their ranking goes to the team's
facilitator and shows, on the right, exactly the file that will be written (the output of
:func:`tui.core.exchange.ranking_share.ranking_share_document`). The order of the areas, with its
ties, the framework and the ranking's name and date always go; the notes only when ticked in; a
name or code only when typed, and ``"share": "named"`` only when the person also ticks that they
agree to be named. :func:`share_ranking` then writes that text through the rankings' repository
(private, atomic, a link refused) and says where it went.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from screens.base import FramewheelScreen
from screens.dialogs.confirm import ConfirmDialog
from styles import style_path
from tui.core.exchange import to_json
from tui.core.exchange.ranking_share import RankingShareChoice, ranking_share_file_name
from tui.core.model import Framework
from tui.core.rankings import Ranking
from tui.widgets.checklist import CheckList

CONFIDENTIAL = ("Only what is shown here leaves your machine. Nothing else of this ranking is shared, and "
                "without your agreement to be named the file is anonymous.")
"""The confidentiality sentence at the top of the dialog."""

USE = ("The file is for your team's facilitator, to combine with colleagues' rankings into a team ranking; "
       "only the team's mean ranks and their spread are shown, and nothing at all for a group smaller than "
       "the minimum (5 unless the facilitator sets 3 to 10).")
"""How the file will be used, said before it is written."""


class RankingShareDialog(ModalScreen[RankingShareChoice | None]):
    """Dismisses with what to share of a ranking and where (`ctrl+s`), or None (`escape`)."""

    CSS_PATH = style_path("ranking.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        Binding("ctrl+s", "write", "Write the file", id="ranking-share.write", tooltip="Write exactly the file shown"),
        Binding("escape", "cancel", "Cancel", id="ranking-share.cancel", tooltip="Close without writing anything"),
    ]

    def __init__(self, ranking: Ranking, framework: Framework, path: str) -> None:
        """The dialog for sharing ``ranking`` (of ``framework``), suggesting the file ``path``."""
        super().__init__()
        self.ranking, self.framework, self.path = ranking, framework, path

    def compose(self) -> ComposeResult:
        """The reassurance, the choices and the path on the left, the file on the right, the buttons."""
        notes = "has notes" if self.ranking.notes.strip() else "none written"
        with Vertical(id="share-dialog", classes="dialog"):
            yield Label("Share this ranking for a team ranking", classes="dialog-title")
            yield Static(CONFIDENTIAL, id="share-confidential", markup=False)
            with Horizontal(id="share-body"):
                with VerticalScroll(id="share-options"):
                    yield Static("Always: the order with its ties, the ranking's name and date. Also (space ticks):",
                                 classes="field-label", markup=False)
                    yield CheckList([(f"my notes ({notes})", "notes")], id="share-parts")
                    yield Label("Name or code (optional)", classes="field-label")
                    yield Input(placeholder="e.g. P-07", id="share-person")
                    yield CheckList([("I agree to be named in the team profile", "named")], id="share-named")
                    yield Static("", id="share-named-hint", markup=False)
                    yield Label("Write to", classes="field-label")
                    yield Input(self.path, id="share-path")
                    yield Static(USE, classes="dialog-hint", markup=False)
                with VerticalScroll(id="share-preview-box"):
                    yield Static("", id="share-preview", markup=False)
            yield Static("", id="share-problem", classes="field-problem", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Write (ctrl+s)", variant="primary", id="share-write")
                yield Button("Cancel (escape)", id="share-cancel")

    def on_mount(self) -> None:
        """Start on the ticks, with the file as it is now."""
        self.query_one("#share-preview-box").border_title = "The file, exactly"
        self.query_one("#share-parts", CheckList).focus()
        self._refresh_preview()

    def choice(self) -> RankingShareChoice:
        """What is chosen in the dialog now."""
        return RankingShareChoice(
            path=self.query_one("#share-path", Input).value.strip(),
            notes="notes" in self.query_one("#share-parts", CheckList).ticked,
            person=self.query_one("#share-person", Input).value.strip(),
            named="named" in self.query_one("#share-named", CheckList).ticked,
        )

    def preview_text(self) -> str:
        """The text of the file as it would be written now."""
        return to_json(self.choice().document(self.ranking, self.framework))

    @on(CheckList.Changed, "#share-parts")
    @on(CheckList.Changed, "#share-named")
    @on(Input.Changed, "#share-person")
    def _refresh_preview(self) -> None:
        """Show the file as chosen now, and whether the agreement to be named counts."""
        choice = self.choice()
        self.query_one("#share-preview", Static).update(self.preview_text())
        hint = ""
        if choice.named and not choice.person:
            hint = "To be named, give a name or code above; until then the file is anonymous."
        elif not choice.named:
            hint = "Not named: the file does not say you agreed to be named."
        self.query_one("#share-named-hint", Static).update(hint)

    @on(Input.Submitted, "#share-person")
    def _next_field(self) -> None:
        """`enter` in the name field moves on."""
        self.focus_next()

    @on(Input.Submitted, "#share-path")
    @on(Button.Pressed, "#share-write")
    def action_write(self) -> None:
        """Close with the choice, unless no path is given."""
        choice = self.choice()
        if not choice.path:
            self.query_one("#share-problem", Static).update("✗ Give the path of the file to write.")
            return
        self.dismiss(choice)

    @on(Button.Pressed, "#share-cancel")
    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)


async def share_ranking(screen: FramewheelScreen, ranking: Ranking, framework: Framework) -> Path | None:
    """Ask what of ``ranking`` to share and where, write it, say where; the path written, or None."""
    rankings = screen.context.rankings
    suggested = rankings.share_folder() / ranking_share_file_name(ranking, date.today().isoformat())
    choice = await screen.app.push_screen_wait(RankingShareDialog(ranking, framework, str(suggested)))
    if choice is None:
        return None
    path = Path(choice.path).expanduser()
    if path.is_file() and not path.is_symlink() and not await screen.app.push_screen_wait(
            ConfirmDialog(f"Replace {path}?", yes="Replace")):
        return None
    try:
        rankings.write_share(path, to_json(choice.document(ranking, framework)))  # private (0600), complete or not at all
    except ValueError as refusal:
        screen.notify(str(refusal), severity="error", title="Not shared")
        return None
    except OSError as error:
        screen.notify(f"Cannot write {path}: {error.strerror or error}", severity="error", title="Not shared")
        return None
    screen.notify(f"Wrote {path}: only what the dialog showed. Send it to your facilitator.", title="Share file written")
    return path
