"""What a tailored framework changed from the framework it is based on (``based_on: ID@VERSION``).

The view shows the diff of the chosen framework against its base: areas renamed, added, removed
and reordered, exemplars and other text changed, levels and values added, removed or renamed
(``+`` added, ``-`` removed, ``~`` changed, so it reads without colour). When the base is not
loaded, or another edition of it is, a warning says so above the diff. :func:`open_tailoring`
opens it from any screen, or says that the chosen framework is not a tailored copy.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from screens.base import FramewheelScreen
from screens.levels.framework_text import Hanging
from styles import style_path
from tui.core.model import Framework
from tui.core.tailoring import FrameworkDiff, diff_frameworks, diff_headline, diff_lines, diff_sections, find_base
from tui.widgets.key_footer import KeyFooter

NOT_TAILORED = "This framework is not a tailored copy: run 'framewheel frameworks tailor ID --id NEW' to make one."
"""What :func:`open_tailoring` says when the chosen framework has no ``based_on``."""

def diff_text(diff: FrameworkDiff) -> Group:
    """The diff for the screen: the headline, then each section's title and its marked lines.

    A wrapped line keeps a hanging indent: it continues under its text, not under its mark.
    """
    parts: list[RenderableType] = [Text(diff_headline(diff), style="bold")]
    if diff.empty:
        parts.append(Text("\nEdit the framework file to tailor it; its changes from the base will show here."))
    for section in diff_sections(diff):
        parts.append(Text(f"\n{section.title}", style="bold underline"))
        parts.extend(Hanging(Text(line[2:]), f"  {line[:2]}") for line in section.lines)
    return Group(*parts)


def diff_plain(diff: FrameworkDiff) -> str:
    """The same diff as plain lines (what the screen shows, unwrapped)."""
    return "\n".join(diff_lines(diff))


class TailoringScreen(FramewheelScreen):
    """The chosen (tailored) framework's changes from its base, with any warning about the base."""

    CSS_PATH = style_path("institution_tailoring.tcss")
    HELP_TITLE = "Tailored framework"
    HELP = """\
An institution's tailored copy of a framework is a framework file with `based_on: ID@VERSION`
naming the framework it was copied from (`framewheel frameworks tailor ID --id NEW` writes one
into your frameworks folder to edit by hand). This view shows what the copy changed from that
base: areas renamed (same id, new title), added, removed or put in another order, and the
exemplars, descriptions and labels changed in the areas both have; levels and values added,
removed or renamed. `+` marks what was added, `-` what was removed and `~` what changed.

If the base is not loaded, the changes cannot be shown, and the view says so; if another
edition of the base is loaded, the changes are from that edition, and the view says so too.
`framewheel frameworks diff NEW` prints the same on the command line. Wheels made on the base
open against the tailored copy from the wheel history (`t`). The arrows and `pageup`/`pagedown`
scroll; `h` opens the wheel history.
"""

    BINDINGS = [
        Binding("h", "history", "Wheel history", id="tailoring.history",
                tooltip="The wheels kept; those made on the base open against this copy with t"),
    ]

    def __init__(self, framework: Framework | None = None) -> None:
        """The changes of ``framework`` (the chosen one when not given) from its base."""
        super().__init__()
        self._framework = framework
        self.shown_text = ""
        """What the view says, as plain lines (the warning, then the diff or why there is none)."""

    @property
    def framework(self) -> Framework:
        """The tailored framework shown."""
        return self._framework or self.context.framework

    def compose(self) -> ComposeResult:
        """Header, the warning (when there is one) and the diff, footer."""
        yield Header()
        with VerticalScroll(id="tailoring-body", classes="panel"):
            yield Static(id="tailoring-warning")
            yield Static(id="tailoring-diff")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Find the base, and show the diff or why there is none."""
        framework = self.framework
        self.title = f"{framework.title}: changes from its base"
        found = find_base(framework, self.context.catalog.frameworks)
        warning = self.query_one("#tailoring-warning", Static)
        warning.update(Text(f"! {found.warning}") if found.warning else "")
        warning.set_class(not found.warning, "-hidden")
        body = self.query_one("#tailoring-diff", Static)
        if found.base is None:
            said = ("The changes cannot be shown without the base framework. Load it (put its file in your "
                    "frameworks folder, or start with --framework FILE), or correct based_on in "
                    f"{framework.path or 'the file'}.")
            body.update(said)
        else:
            diff = diff_frameworks(found.base, framework)
            said = diff_plain(diff)
            body.update(diff_text(diff))
        self.shown_text = "\n".join(part for part in (found.warning, said) if part)
        self.query_one("#tailoring-body").focus()

    def action_history(self) -> None:
        """Open the wheel history (`h`), where wheels of the base open against this copy."""
        from screens.wheel.history import HistoryScreen

        self.app.push_screen(HistoryScreen())


def open_tailoring(screen: Screen[Any]) -> None:
    """Show the chosen framework's changes from its base, or say that it is not a tailored copy."""
    framework = screen.app.context.framework  # type: ignore[attr-defined]
    if not framework.based_on:
        screen.notify(NOT_TAILORED, severity="warning")
        return
    screen.app.push_screen(TailoringScreen())
