"""The search dialog (`/`): search a whole framework as you type, and jump to a match with `enter`."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from screens.base import FramewheelDialog
from screens.levels.framework_text import MATCH_STYLE
from tui.core.model import Framework
from tui.core.search import MIN_QUERY, SearchHit, count_matches, excerpt, search


def hit_prompt(hit: SearchHit) -> Text:
    """A result line: where the match is (bold), then the text with the matches highlighted."""
    text = Text()
    text.append(hit.where, style="bold")
    text.append("\n")
    shown, spans = excerpt(hit.text, hit.spans)
    body = Text(shown)
    for start, end in spans:
        body.stylize(MATCH_STYLE, start, end)
    text.append_text(body)
    return text


class SearchDialog(FramewheelDialog["tuple[SearchHit, str] | None"]):
    """Type to search; results update as you type; `enter` jumps to the highlighted one."""

    BINDINGS = [
        Binding("escape", "close", "Close search", id="search.close"),
        Binding("down", "to_results", "Results", id="search.results", show=False),
    ]

    def __init__(self, framework: Framework, query: str = "") -> None:
        """Search ``framework``, starting from ``query`` (the last search)."""
        super().__init__()
        self.framework = framework
        self.start_query = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        """The query box, a count line and the results."""
        with Vertical(id="search-dialog", classes="dialog"):
            yield Label(f"Search {self.framework.title}", classes="dialog-title")
            yield Input(self.start_query, placeholder="words to find (titles, descriptors, exemplars)", id="search-input")
            yield Label("", id="search-count")
            yield OptionList(id="search-results")
            yield Label("type to search · down/up choose · enter jumps there · escape closes", classes="dialog-hint")

    def on_mount(self) -> None:
        """Show the results of the starting query."""
        self.refresh_results(self.start_query)

    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        """Search again as the query changes."""
        self.refresh_results(event.value)

    def refresh_results(self, query: str) -> None:
        """Fill the result list for ``query`` and say how many there are."""
        self.hits = search(self.framework, query)
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        results.add_options([Option(hit_prompt(hit), id=str(i)) for i, hit in enumerate(self.hits)])
        if self.hits:
            results.highlighted = 0
        count = self.query_one("#search-count", Label)
        if len(query.strip()) < MIN_QUERY:
            count.update(f"Type at least {MIN_QUERY} characters.")
        elif not self.hits:
            count.update(f"No match for “{query.strip()}”.")
        else:
            total = count_matches(self.framework, query)
            shown = f"{len(self.hits)} of {total}" if total > len(self.hits) else str(total)
            count.update(f"{shown} match{'es' if total != 1 else ''}")

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        """`enter` in the query box jumps to the highlighted (first) result."""
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is not None and self.hits:
            self._jump(results.highlighted)
        elif self.hits:
            self._jump(0)

    @on(OptionList.OptionSelected, "#search-results")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        """`enter` on a result jumps there."""
        self._jump(int(event.option.id or 0))

    def _jump(self, index: int) -> None:
        """Close with the chosen hit and the query (to highlight it where we land)."""
        value = self.query_one("#search-input", Input).value
        self.dismiss((self.hits[index], value))

    def action_to_results(self) -> None:
        """`down` from the query box moves into the results."""
        results = self.query_one("#search-results", OptionList)
        if self.focused is not results and self.hits:
            results.focus()
        else:
            results.action_cursor_down()

    def action_close(self) -> None:
        """Close without jumping."""
        self.dismiss(None)
