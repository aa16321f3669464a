"""The Guidance screen (`g`): a framework's description and hints and tips, rendered as Markdown.

The sections are listed on the left and the chosen one is rendered with Textual's Markdown
widget on the right. Below :data:`WIDE` columns the two take turns: the list fills the
screen, `enter` opens a section, and `escape` comes back to the list.
"""

from __future__ import annotations

from typing import Iterable

from rich.table import Table
from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.reactive import reactive
from textual.widgets import Header, Label, Markdown, OptionList
from textual.widgets.option_list import Option

from screens.base import FramewheelScreen
from styles import style_path
from tui.core.guidance import Section, sections
from tui.core.model import Framework
from tui.widgets.hanging import hanging
from tui.widgets.key_footer import KeyFooter

WIDE = 100
"""From this many columns the list and the text sit side by side."""

NOTHING = "This framework has no description and no guidance of its own."
"""What the text panel says when a framework file has neither."""


def section_prompt(title: str) -> Table:
    """A section's title after a bullet, its wrapped lines under its first word (so one title never reads as two)."""
    return hanging([("• ", title)], 2)


class GuidanceScreen(FramewheelScreen):
    """The framework's guidance sections in a list, the highlighted one rendered beside it."""

    CSS_PATH = style_path("guidance.tcss")
    HELP_TITLE = "Guidance"
    HELP = """\
The framework's own guidance: what the framework is (its description), then the hints and
tips and other sections its file gives, word for word. The sections are listed on the left;
the highlighted one is shown on the right. `]` and `[` go to the next and previous section;
`tab` moves between the list and the text, where the arrows and `pageup`/`pagedown` scroll.
In a window narrower than 100 columns the list and the text take turns: `enter` opens a
section and `escape` comes back to the list.
"""

    BINDINGS = [
        Binding("right_square_bracket", "step(1)", "Next section", key_display="]", id="guidance.next"),
        Binding("left_square_bracket", "step(-1)", "Previous section", key_display="[", id="guidance.previous"),
    ]

    wide: reactive[bool] = reactive(True)
    """True when the list and the text sit side by side."""
    reading: reactive[bool] = reactive(False)
    """In a narrow window: True while a section's text fills the screen instead of the list."""

    def __init__(self, framework: Framework | None = None, start: str | None = None) -> None:
        """The guidance of ``framework`` (the chosen one when not given), at section ``start`` when given."""
        super().__init__()
        self._framework = framework
        self.start = start
        self.sections: tuple[Section, ...] = ()

    @property
    def framework(self) -> Framework:
        """The framework whose guidance is shown."""
        return self._framework or self.context.framework

    def compose(self) -> ComposeResult:
        """Header, the list of sections and the section's text, footer."""
        self.sections = sections(self.framework)
        yield Header()
        with Horizontal(id="guidance-main"):
            yield OptionList(*(Option(section_prompt(section.title), id=section.key) for section in self.sections), id="guidance-list")
            with VerticalScroll(id="guidance-text", classes="panel"):
                yield Label("", id="guidance-title", classes="panel-title")
                yield Markdown("", id="guidance-body")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the first section (or the asked-for one) and fit the layout to the window."""
        self.title = f"Guidance · {self.framework.title}"
        self.wide = self.app.size.width >= WIDE
        option_list = self.query_one("#guidance-list", OptionList)
        if not self.sections:
            option_list.display = False
            self.query_one("#guidance-body", Markdown).update(NOTHING)
            self.query_one("#guidance-text").focus()
            return
        index = next((i for i, s in enumerate(self.sections) if s.key == self.start or s.title == self.start), 0)
        option_list.highlighted = index
        self.show(index)
        if self.start and not self.wide:
            self.reading = True
        option_list.focus()

    def on_resize(self, event: Resize) -> None:
        """Side by side from WIDE columns, taking turns below."""
        self.wide = event.size.width >= WIDE

    def watch_wide(self) -> None:
        """Lay the panels out for the window."""
        self.set_class(self.wide, "-wide")
        self.set_class(not self.wide, "-narrow")
        self.watch_reading()

    def watch_reading(self) -> None:
        """In a narrow window, show either the list or the text."""
        narrow_reading = not self.wide and (self.reading or not self.sections)
        self.set_class(narrow_reading, "-reading")
        if not self.is_mounted:
            return
        if narrow_reading:
            self.query_one("#guidance-text").focus()
        elif not self.wide and self.sections:
            self.query_one("#guidance-list").focus()

    def shown_index(self) -> int | None:
        """The position of the highlighted section."""
        return self.query_one("#guidance-list", OptionList).highlighted

    def show(self, index: int) -> None:
        """Render section ``index`` in the text panel, scrolled to its top."""
        section = self.sections[index]
        self.query_one("#guidance-title", Label).update(f"{section.title}  ({index + 1} of {len(self.sections)})")
        self.query_one("#guidance-body", Markdown).update(section.body)
        self.query_one("#guidance-text", VerticalScroll).scroll_home(animate=False)

    @on(OptionList.OptionHighlighted, "#guidance-list")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Follow the list with the text."""
        self.show(event.option_index)

    @on(OptionList.OptionSelected, "#guidance-list")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """`enter` on a section: read it (in a narrow window the text takes the screen)."""
        self.show(event.option_index)
        if self.wide:
            self.query_one("#guidance-text").focus()
        else:
            self.reading = True

    def action_step(self, delta: int) -> None:
        """Show the next (1) or previous (-1) section."""
        index = self.shown_index()
        if index is None:
            return
        target = index + delta
        if not 0 <= target < len(self.sections):
            self.notify("This is the last section." if delta > 0 else "This is the first section.", timeout=2)
            return
        self.query_one("#guidance-list", OptionList).highlighted = target

    def action_back(self) -> None:
        """From a section's text in a narrow window back to the list; otherwise to the screen before."""
        if not self.wide and self.reading:
            self.reading = False
            return
        super().action_back()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No section keys when there are fewer than two sections; `escape` also leaves a narrow window's text."""
        if action == "step":
            return len(self.sections) > 1
        if action == "back" and not self.wide and self.reading:
            return True
        return super().check_action(action, parameters)

    def screen_commands(self) -> Iterable[SystemCommand]:
        """Palette entries for this screen: one per section."""
        for index, section in enumerate(self.sections):
            yield SystemCommand(f"Guidance: {section.title}", "Show this section", lambda i=index: self._go(i))

    def _go(self, index: int) -> None:
        """Highlight (and so show) section ``index``."""
        self.query_one("#guidance-list", OptionList).highlighted = index
        if not self.wide:
            self.reading = True
