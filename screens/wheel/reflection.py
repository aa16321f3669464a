"""The framework's reflection questions for one wheel, with the answers saved as they are typed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.timer import Timer
from textual.widgets import Header, Input, Static

from screens.base import FramewheelScreen
from styles import style_path
from tui.core.model import Framework
from tui.widgets.typed_text import TypedInput
from tui.widgets.key_footer import KeyFooter

SAVE_PAUSE = 0.5
"""Seconds after the last key before an answer is saved (also saved on leaving the field)."""


class ReflectionScreen(FramewheelScreen):
    """One field per question; `tab` to the next, answers kept with the wheel."""

    CSS_PATH = style_path("wheel.tcss")
    HELP_TITLE = "Reflection"
    HELP = """\
The framework's reflection questions, to think about once your wheel is done. Type an answer under
each; `tab` moves to the next question. Answers are saved as you type (and when you leave a field),
with this wheel. An empty answer is removed.
"""

    def __init__(self, wheel_id: int, framework: Framework) -> None:
        """The questions of ``framework`` for wheel ``wheel_id``."""
        super().__init__()
        self.wheel_id, self.framework = wheel_id, framework
        self._pending: dict[int, Timer] = {}

    def compose(self) -> ComposeResult:
        """Header, the questions and their fields, footer."""
        wheel = self.context.assessments.get(self.wheel_id)
        answers = wheel.reflections if wheel else {}
        yield Header()
        with VerticalScroll(id="reflection-body", classes="panel"):
            if not self.framework.reflection:
                yield Static(f"{self.framework.title} has no reflection questions.")
            for index, question in enumerate(self.framework.reflection):
                yield Static(f"{index + 1}. {question}", classes="question", markup=False)
                yield TypedInput(answers.get(str(index), ""), placeholder="Your answer", id=f"answer-{index}", classes="private")
                yield Static("Your answer is private: hidden while presenting.", classes="presenting-only")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Focus the first answer."""
        self.title = "Reflection"
        fields = self.query(Input)
        if fields:
            fields.first().focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        """Save the answer after a short pause in typing."""
        index = int((event.input.id or "answer-0").rsplit("-", 1)[1])
        if index in self._pending:
            self._pending[index].stop()
        self._pending[index] = self.set_timer(SAVE_PAUSE, lambda: self._save(index))

    @on(Input.Blurred)
    @on(Input.Submitted)
    def _left(self, event: Input.Blurred | Input.Submitted) -> None:
        """Save at once when the field is left or `enter` is pressed."""
        index = int((event.input.id or "answer-0").rsplit("-", 1)[1])
        if index in self._pending:
            self._save(index)

    def _save(self, index: int) -> None:
        """Store one answer."""
        timer = self._pending.pop(index, None)
        if timer is not None:
            timer.stop()
        text = self.query_one(f"#answer-{index}", Input).value
        self.context.assessments.set_reflection(self.wheel_id, index, text)
        self.mark_saved()

    def save_typed_text(self) -> None:
        """Store every answer still waiting for its pause (quitting, a signal)."""
        for index in list(self._pending):
            self._save(index)

    def action_back(self) -> None:
        """Save what is pending, then go back."""
        for index in list(self._pending):
            self._save(index)
        super().action_back()
