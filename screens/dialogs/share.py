"""The share dialog: choose what of a wheel goes into a team's profile, see the file, choose where.

The ratings always go; the notes, the reflection answers and the label only when ticked in; a
name or code only when typed, and ``"share": "named"`` only when the person also ticks that they
agree to be named. The panel on the right is exactly the file that will be written (the same
function's output). `ctrl+s`, `enter` in the path field or the button writes; `escape` cancels.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from styles import style_path
from tui.core.exchange import to_json
from tui.core.exchange.share import ShareChoice
from tui.core.wheels import Assessment
from tui.widgets.checklist import CheckList

CONFIDENTIAL = ("Only what is shown here leaves your machine. Nothing else of this wheel is shared, and "
                "without your agreement to be named the file is anonymous.")
"""The confidentiality line at the top of the dialog."""

USE = "The file is for your team's facilitator, to combine with colleagues' ratings into a team profile."
"""How the file will be used, said before it is written."""


class ShareDialog(ModalScreen[ShareChoice | None]):
    """Dismisses with what to share and where (`ctrl+s`), or None (`escape`)."""

    CSS_PATH = style_path("wheel.tcss")
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]
    BINDINGS = [
        Binding("ctrl+s", "write", "Write the file", id="share.write", tooltip="Write exactly the file shown"),
        Binding("escape", "cancel", "Cancel", id="share.cancel", tooltip="Close without writing anything"),
    ]

    def __init__(self, wheel: Assessment, path: str) -> None:
        """The dialog for sharing ``wheel``, suggesting the file ``path``."""
        super().__init__()
        self.wheel, self.path = wheel, path

    def compose(self) -> ComposeResult:
        """The reassurance, the choices and the path on the left, the file on the right, the buttons."""
        notes = sum(1 for text in self.wheel.notes.values() if text.strip())
        answers = sum(1 for text in self.wheel.reflections.values() if text.strip())
        with Vertical(id="share-dialog", classes="dialog"):
            yield Label("Share this wheel for a team profile", classes="dialog-title")
            yield Static(CONFIDENTIAL, id="share-confidential", markup=False)
            with Horizontal(id="share-body"):
                with VerticalScroll(id="share-options"):
                    yield Label("Ratings, and (space ticks):", classes="field-label")
                    yield CheckList([(f"my notes ({notes})", "notes"), (f"my reflection answers ({answers})", "reflections"),
                                     ("the wheel's label", "label")], id="share-parts")
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

    def choice(self) -> ShareChoice:
        """What is chosen in the dialog now."""
        parts = set(self.query_one("#share-parts", CheckList).ticked)
        return ShareChoice(
            path=self.query_one("#share-path", Input).value.strip(), notes="notes" in parts,
            reflections="reflections" in parts, label="label" in parts,
            person=self.query_one("#share-person", Input).value.strip(),
            named="named" in self.query_one("#share-named", CheckList).ticked,
        )

    def preview_text(self) -> str:
        """The text of the file as it would be written now."""
        return to_json(self.choice().document(self.wheel))

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
