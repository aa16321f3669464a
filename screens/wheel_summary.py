"""The summary of one wheel: strengths, development needs, organisation needs, wishes above the need."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from screens.base import FramewheelScreen
from screens.wheel_rating import unplaced_text
from styles import style_path
from tui import analysis
from tui.assessments import Assessment
from tui.model import Area, Framework


def _name(area: Area) -> str:
    """An area as a list entry: its title, and its code in brackets."""
    return f"{area.title} ({area.code})" if area.code else area.title


def _section(text: Text, title: str, explain: str, lines: list[str]) -> None:
    """A titled, numbered list (or a sentence saying it is empty)."""
    text.append(f"{title}\n", style="bold underline")
    text.append(f"{explain}\n", style="dim")
    if not lines:
        text.append("  (none)\n")
    for number, line in enumerate(lines, start=1):
        text.append(f"  {number:>2}. {line}\n")
    text.append("\n")


def summary_text(wheel: Assessment, framework: Framework) -> Text:
    """The whole summary as text, lists in order with their numbers."""
    titles = [s.title for s in framework.series] + ["", "", ""]
    text = Text()
    text.append(f"{wheel.label}", style="bold")
    text.append(f"  ·  {framework.title}  ·  started {wheel.created[:10]}  ·  "
                f"{wheel.rated_count(framework)}/{len(framework.areas) * len(framework.series)} rated\n\n")
    _section(
        text, "Strengths", f"Highest first in “{titles[analysis.NOW]}”.",
        [f"{_name(s.area)}: {s.value}" for s in analysis.strengths(wheel, framework)],
    )
    if len(framework.series) > analysis.WISH:
        _section(
            text, "Development needs", f"Largest gap first: “{titles[analysis.WISH]}” above now.",
            [f"{_name(g.area)}: +{g.gap} (now {g.base}, would like {g.target})" for g in analysis.development_needs(wheel, framework)],
        )
    if len(framework.series) > analysis.NEED:
        _section(
            text, "Organisation needs", f"Largest gap first: “{titles[analysis.NEED]}” above now.",
            [f"{_name(g.area)}: +{g.gap} (now {g.base}, organisation needs {g.target})" for g in analysis.organisation_needs(wheel, framework)],
        )
        _section(
            text, "Wish above the organisation's need",
            "Where you would like to be beyond what your organisation needs: worth a conversation.",
            [f"{_name(g.area)}: +{g.gap} (needs {g.base}, would like {g.target})" for g in analysis.wishes_above_need(wheel, framework)],
        )
    unplaced = unplaced_text(wheel, framework)
    if unplaced.plain:
        text.append_text(unplaced)
    return text


class SummaryScreen(FramewheelScreen):
    """What one wheel says, in ordered lists with the numbers."""

    CSS_PATH = style_path("wheel.tcss")
    HELP_TITLE = "Wheel summary"
    HELP = """\
**Strengths** are the areas where you feel most confident now. **Development needs** are the
largest gaps between where you would like to be and now; **organisation needs** the largest gaps
between what your organisation needs and now. **Wish above the need** lists areas where you would
like to go further than your organisation needs, which the guide suggests discussing. Areas not
rated in a shape are left out of its lists. Ratings of areas the framework no longer has are listed
apart at the end.
"""

    def __init__(self, wheel_id: int, framework: Framework) -> None:
        """The summary of wheel ``wheel_id`` against ``framework``."""
        super().__init__()
        self.wheel_id, self.framework = wheel_id, framework

    def compose(self) -> ComposeResult:
        """Header, the summary, footer."""
        yield Header()
        with VerticalScroll(id="summary-body", classes="panel"):
            yield Static(id="summary-text")
        yield Footer()

    def on_mount(self) -> None:
        """Fill in the summary."""
        self.title = "Wheel summary"
        wheel = self.context.assessments.get(self.wheel_id)
        body = summary_text(wheel, self.framework) if wheel else Text("This wheel no longer exists.")
        self.query_one("#summary-text", Static).update(body)
        self.query_one("#summary-body").focus()
