"""A list of options each ticked or not, marked ``[x]``/``[ ]`` so it reads without colour."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

TICKED, UNTICKED = "[x]", "[ ]"
"""The marks in front of each option."""


class CheckList(OptionList):
    """Options with a tick each; `space` or `enter` ticks and unticks the highlighted one."""

    DEFAULT_CSS = """
    CheckList {
        height: auto;
        max-height: 10;
    }
    """

    BINDINGS = [Binding("space", "tick", "Tick", id="checklist.toggle")]

    class Changed(Message):
        """The ticked values changed."""

        def __init__(self, checklist: CheckList) -> None:
            """Which list changed."""
            super().__init__()
            self.checklist = checklist

        @property
        def control(self) -> CheckList:
            """The list that changed (for ``@on(..., "#id")``)."""
            return self.checklist

    def __init__(self, items: Iterable[tuple[str, str]], ticked: Iterable[str] = (), *, id: str | None = None) -> None:
        """``items`` are (label, value) pairs; the values in ``ticked`` start ticked."""
        self._items = list(items)
        self._ticked = {value for value in ticked}
        super().__init__(*(self._option(label, value) for label, value in self._items), id=id)

    def _option(self, label: str, value: str) -> Option:
        """The option of one item, with its mark."""
        return Option(Text(f"{TICKED if value in self._ticked else UNTICKED} {label}"), id=value)

    @property
    def ticked(self) -> list[str]:
        """The ticked values, in list order."""
        return [value for _, value in self._items if value in self._ticked]

    def action_tick(self) -> None:
        """Tick or untick the highlighted option."""
        if self.highlighted is None:
            return
        label, value = self._items[self.highlighted]
        self._ticked ^= {value}
        self.replace_option_prompt_at_index(self.highlighted, self._option(label, value).prompt)
        self.post_message(self.Changed(self))

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """`enter` (or a click) ticks too."""
        event.stop()
        self.action_tick()
