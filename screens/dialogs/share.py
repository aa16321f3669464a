"""The share dialogs: choose what of a wheel (or a ranking) goes to a team's facilitator, see the file, choose where.

:class:`ShareFileDialog` is the one dialog: the confidentiality sentence, the parts the person
may tick in, an optional name or code, the explicit agreement to be named, the path, and on the
right exactly the file that will be written (the same function's output). `ctrl+s`, `enter` in
the path field or the button writes; `escape` cancels. :class:`ShareDialog` is the wheel's
(ratings always; notes, reflection answers and label only when ticked); the ranking's is in
:mod:`screens.ranking.share`. :func:`write_shared` asks, confirms a replacement, writes through
the activity's repository (private, atomic, a link refused) and says where the file went.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from screens.base import FramewheelDialog, write_refused
from screens.dialogs.confirm import ConfirmDialog
from styles import style_path
from tui.core.exchange import to_json
from tui.core.exchange.share import ShareChoice
from tui.core.wheels import Assessment
from tui.widgets.checklist import CheckList
from tui.widgets.typed_text import TypedInput

if TYPE_CHECKING:
    from screens.base import FramewheelScreen

ChoiceT = TypeVar("ChoiceT")

NAMED_LABEL = "I agree to be named in the team profile"
"""The tick that adds ``"share": "named"`` (it counts only with a name or code)."""


def confidential(what: str) -> str:
    """The confidentiality sentence at the top of a share dialog, for ``what`` ("wheel", "ranking")."""
    return (f"Only what is shown here leaves your machine. Nothing else of this {what} is shared, and "
            "without your agreement to be named the file is anonymous.")


USE = "The file is for your team's facilitator, to combine with colleagues' ratings into a team profile."
"""How a wheel's share file will be used, said before it is written."""


@dataclass(frozen=True)
class SharePick:
    """What is chosen in a share dialog now: the path, the parts ticked in, the name or code, the agreement."""

    path: str
    parts: frozenset[str]
    person: str
    named: bool


class ShareFileDialog(FramewheelDialog[ChoiceT | None], Generic[ChoiceT]):
    """Dismisses with the activity's choice (`ctrl+s`), or None (`escape`); the preview is the file exactly."""

    CSS_PATH = style_path("share.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        Binding("ctrl+s", "write", "Write the file", id="share.write", tooltip="Write exactly the file shown"),
        Binding("escape", "cancel", "Cancel", id="share.cancel", tooltip="Close without writing anything"),
    ]

    def __init__(self, *, title: str, what: str, always: str, parts: Sequence[tuple[str, str]], use: str, path: str,
                 choose: Callable[[SharePick], ChoiceT], preview: Callable[[ChoiceT], str]) -> None:
        """A dialog titled ``title`` for sharing a ``what``; ``always`` says what always goes, ``parts`` what may be ticked in.

        ``choose`` turns what is picked into the activity's choice (dismissed with), ``preview``
        gives the exact text of the file for a choice.
        """
        super().__init__()
        self.heading, self.what, self.always, self.parts, self.use = title, what, always, list(parts), use
        self.path, self.choose, self.preview = path, choose, preview

    def compose(self) -> ComposeResult:
        """The reassurance, the choices and the path on the left, the file on the right, the buttons."""
        with Vertical(id="share-dialog", classes="dialog"):
            yield Label(self.heading, classes="dialog-title")
            yield Static(confidential(self.what), id="share-confidential", markup=False)
            with Horizontal(id="share-body"):
                with VerticalScroll(id="share-options"):
                    yield Static(self.always, classes="field-label", markup=False)
                    yield CheckList(self.parts, id="share-parts")
                    yield Label("Name or code (optional)", classes="field-label")
                    yield TypedInput(placeholder="e.g. P-07", id="share-person")
                    yield CheckList([(NAMED_LABEL, "named")], id="share-named")
                    yield Static("", id="share-named-hint", markup=False)
                    yield Label("Write to", classes="field-label")
                    yield TypedInput(self.path, id="share-path")
                    yield Static(self.use, classes="dialog-hint", markup=False)
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

    def pick(self) -> SharePick:
        """What is chosen in the dialog now."""
        return SharePick(
            path=self.query_one("#share-path", Input).value.strip(),
            parts=frozenset(self.query_one("#share-parts", CheckList).ticked),
            person=self.query_one("#share-person", Input).value.strip(),
            named="named" in self.query_one("#share-named", CheckList).ticked,
        )

    def choice(self) -> ChoiceT:
        """The activity's choice for what is picked now."""
        return self.choose(self.pick())

    def preview_text(self) -> str:
        """The text of the file as it would be written now."""
        return self.preview(self.choice())

    @on(CheckList.Changed, "#share-parts")
    @on(CheckList.Changed, "#share-named")
    @on(Input.Changed, "#share-person")
    def _refresh_preview(self) -> None:
        """Show the file as chosen now, and whether the agreement to be named counts."""
        picked = self.pick()
        self.query_one("#share-preview", Static).update(self.preview_text())
        hint = ""
        if picked.named and not picked.person:
            hint = "To be named, give a name or code above; until then the file is anonymous."
        elif not picked.named:
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
        if not self.pick().path:
            self.query_one("#share-problem", Static).update("✗ Give the path of the file to write.")
            return
        self.dismiss(self.choice())

    @on(Button.Pressed, "#share-cancel")
    def action_cancel(self) -> None:
        """Close without writing."""
        self.dismiss(None)


class ShareDialog(ShareFileDialog[ShareChoice]):
    """The wheel's share dialog: the ratings always; notes, reflection answers and the label only when ticked."""

    def __init__(self, wheel: Assessment, path: str) -> None:
        """The dialog for sharing ``wheel``, suggesting the file ``path``."""
        notes = sum(1 for text in wheel.notes.values() if text.strip())
        answers = sum(1 for text in wheel.reflections.values() if text.strip())
        super().__init__(
            title="Share this wheel for a team profile", what="wheel", always="Ratings, and (space ticks):",
            parts=[(f"my notes ({notes})", "notes"), (f"my reflection answers ({answers})", "reflections"),
                   ("the wheel's label", "label")],
            use=USE, path=path, preview=lambda choice: to_json(choice.document(wheel)),
            choose=lambda p: ShareChoice(path=p.path, notes="notes" in p.parts, reflections="reflections" in p.parts,
                                         label="label" in p.parts, person=p.person, named=p.named),
        )
        self.wheel = wheel


async def write_shared(screen: FramewheelScreen, dialog: ShareFileDialog[ChoiceT],
                       path_of: Callable[[ChoiceT], str], text_of: Callable[[ChoiceT], str],
                       write: Callable[[Path, str], None]) -> Path | None:
    """Show ``dialog``; confirm replacing a file; write exactly the file shown with ``write``; say where. The path, or None."""
    choice = await screen.app.push_screen_wait(dialog)
    if choice is None:
        return None
    path = Path(path_of(choice)).expanduser().absolute()
    if path.is_file() and not path.is_symlink() and not await screen.app.push_screen_wait(
            ConfirmDialog(f"Replace {path}?", yes="Replace")):
        return None
    problem = write_refused(write, path, text_of(choice))  # the repository's: private (0600), complete or not at all
    if problem is not None:
        screen.notify(problem, severity="error", title="Not shared")
        return None
    screen.notify(f"Wrote {path}: only what the dialog showed. Send it to your facilitator.", title="Share file written")
    return path
