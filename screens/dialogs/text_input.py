"""The one-line text question of the app (a wheel's label, an area's note, an evidence note, a file path).

`enter` keeps the text, `escape` cancels. Every one-field question is this dialog, configured:
its title, an optional prompt above the field, the starting text, a placeholder, explaining
lines under it, a check run before keeping, and the ids its callers and style sheets use.
"""

from __future__ import annotations

from typing import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Static
from screens.base import FramewheelDialog
from tui.widgets.typed_text import TypedInput

KEYS_HINT = "enter keeps it · escape cancels"
"""The last line of the dialog unless a caller says otherwise."""

Check = Callable[[str], "str | None"]
"""A check of the typed text: the problem to show (the dialog stays open), or None to keep it."""


class TextDialog(FramewheelDialog[str | None]):
    """Dismisses with the text typed (`enter`), or None when cancelled (`escape`)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="text_dialog.cancel", tooltip="Close without changing anything")]

    def __init__(
        self,
        title: str,
        value: str = "",
        hint: str = "",
        placeholder: str = "",
        *,
        prompt: str = "",
        explain: str = "",
        check: Check | None = None,
        strip: bool = False,
        required: bool = False,
        dialog_id: str | None = None,
        input_id: str = "text-dialog-input",
        error_id: str = "text-dialog-error",
        select_on_focus: bool = False,
        private: bool = False,
        kept_on_quit: bool = True,
    ) -> None:
        """Configure the question.

        ``title`` heads it, ``prompt`` (when given) is a line above the field, ``value`` the
        starting text, ``explain`` (when given) a plain line under the field, and ``hint`` the
        last line (the keys, :data:`KEYS_HINT` when empty). ``check`` may refuse the text with a
        message shown in the dialog. ``strip`` keeps the text without surrounding spaces;
        ``required`` ignores `enter` on blank text. The ids name the box, the field and the
        problem line, for tests and style sheets. ``private`` marks the text as private: in
        presentation mode the field is hidden (a line says so) and the text is kept as it was.
        ``kept_on_quit``: quitting with changed text asks to save it (False for a question, such as
        a file path, whose answer is an action to take rather than work to keep).
        """
        super().__init__()
        self.title_text, self.value, self.hint, self.placeholder = title, value, hint, placeholder
        self.prompt, self.explain, self.check = prompt, explain, check
        self.strip, self.required = strip, required
        self.dialog_id, self.input_id, self.error_id = dialog_id, input_id, error_id
        self.select_on_focus = select_on_focus
        self.private = private
        self.kept_on_quit = kept_on_quit

    def compose(self) -> ComposeResult:
        """Title, the prompt, the field, the explanation, the problem line and the keys hint."""
        with Vertical(id=self.dialog_id, classes="dialog"):
            yield Label(self.title_text, classes="dialog-title")
            if self.prompt:
                yield Label(self.prompt, classes="dialog-prompt")
            yield TypedInput(self.value, placeholder=self.placeholder, id=self.input_id,
                        classes="text-dialog-field private" if self.private else "text-dialog-field",
                        select_on_focus=self.select_on_focus)
            if self.private:
                yield Label("This text is private: hidden while presenting (F5 ends presentation mode).",
                            classes="presenting-only")
            if self.explain:
                yield Static(self.explain, classes="dialog-hint", markup=False)
            if self.check is not None:
                yield Label("", id=self.error_id)
            yield Label(self.hint or KEYS_HINT, classes="dialog-hint")

    @on(Input.Submitted, ".text-dialog-field")
    def _keep(self, event: Input.Submitted) -> None:
        """Keep the text, unless it is blank when required or the check finds a problem."""
        self._keep_text(event.value)

    def _keep_text(self, value: str) -> bool:
        """Close with ``value`` unless it is blank when required or the check finds a problem; True when closed."""
        text = value.strip() if self.strip else value
        if self.required and not text.strip():
            return False
        problem = self.check(text) if self.check is not None else None
        if problem:
            self.query_one(f"#{self.error_id}", Label).update(problem)
            return False
        self.dismiss(text)
        return True

    def typed_text(self) -> str:
        """The dialog's title when its text was changed and not yet kept (asked about on quitting), else ""."""
        if not self.kept_on_quit or not self.is_mounted:
            return ""
        return self.title_text if self.query_one(f"#{self.input_id}", Input).value != self.value else ""

    def keep_typed_text(self) -> bool:
        """Keep the typed text as `enter` would (quitting); False when it is refused (the dialog says why)."""
        kept = self._keep_text(self.query_one(f"#{self.input_id}", Input).value)
        if not kept and self.required:
            self.notify(f"{self.title_text}: the text cannot be blank.", severity="error")
        return kept

    def action_cancel(self) -> None:
        """Change nothing."""
        self.dismiss(None)
