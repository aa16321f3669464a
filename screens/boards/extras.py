"""The board's filters, second view, header and export: the parts of the board screen that do not edit items."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from textual import work
from textual.widgets import Input

from screens.boards.text import export_name
from screens.dialogs.confirm import ConfirmDialog
from screens.boards.dialogs import PathDialog, PlanHeaderDialog
from tui.storage import safefile
from tui.core.action_plans import RATINGS
from tui.core.exchange.plan_files import plan_to_csv, plan_to_markdown

if TYPE_CHECKING:
    from textual.app import App

    from tui.core.board_editor import BoardEditor

RATING_FILTERS: tuple[str | None, ...] = (None, *RATINGS)
"""The rating filter cycles through all, red, amber, green, not rated."""


class BoardExtras:
    """Mixed into :class:`screens.boards.board.BoardScreen`: filters (`f` `s` `x`), columns (`v`), header (`e`), export (`m` `c`)."""

    editor: BoardEditor | None
    rating_filter: str | None
    section_filter: int | None
    search: str
    if TYPE_CHECKING:
        app: App[None]
        title: str | None

        def redraw(self) -> None:
            """Show the plan again (BoardScreen)."""

        def changed(self, message: str = "Saved") -> None:
            """Redraw and store (BoardScreen)."""

        def say(self, message: str, severity: str = "information", title: str = "") -> None:
            """Tell the person (BoardScreen)."""

        def query_one(self, selector: str, expect_type: type[Input]) -> Input:
            """A widget of the screen (Textual)."""

    # -- filters and search ------------------------------------------------------
    def action_filter_rating(self) -> None:
        """Show only one rating, cycling all, red, amber, green, not rated (`f`)."""
        self.rating_filter = RATING_FILTERS[(RATING_FILTERS.index(self.rating_filter) + 1) % len(RATING_FILTERS)]
        self.redraw()

    def action_filter_section(self) -> None:
        """Show only one section, cycling through them and back to all (`s`)."""
        assert self.editor is not None
        count = len(self.editor.plan.sections)
        current = -1 if self.section_filter is None else self.section_filter
        self.section_filter = current + 1 if current + 1 < count else None
        self.redraw()

    def action_clear_filters(self) -> None:
        """Show every item again (`x`)."""
        self._clear_filters_quietly()
        self.redraw()

    def _clear_filters_quietly(self) -> None:
        """Drop the filters and search without redrawing."""
        self.rating_filter = self.section_filter = None
        self.search = ""
        search = self.query_one("#board-search", Input)
        search.value, search.display = "", False

    # -- views, header, export -----------------------------------------------------
    @work
    async def action_columns(self) -> None:
        """Show the items in columns by rating (`v`); `enter` there comes back to an item."""
        from screens.boards.columns import BoardColumnsScreen

        assert self.editor is not None
        cursor = await self.app.push_screen_wait(BoardColumnsScreen(self))
        if cursor is not None:
            self._clear_filters_quietly()
            self.editor.cursor = cursor
        self.redraw()

    @work
    async def action_edit_header(self) -> None:
        """Edit the plan's header (`e`)."""
        assert self.editor is not None
        values = await self.app.push_screen_wait(PlanHeaderDialog(self.editor.plan))
        if values is not None:
            values = {k: v for k, v in values.items() if k != "project" or str(v).strip()}
            self.editor.replace_plan(replace(self.editor.plan, **values))  # type: ignore[arg-type]
            self.title = self.editor.plan.project
            self.changed()

    @work
    async def action_export(self, kind: str) -> None:
        """Write the plan as a Markdown report (`m`) or CSV (`c`) and say where."""
        assert self.editor is not None
        plan = self.editor.plan
        suggested = Path.cwd() / export_name(plan.project, kind)
        what = "Markdown progress/RAG report" if kind == "md" else "CSV (section,milestone,rag,comment,owner,focus)"
        path_text = await self.app.push_screen_wait(PathDialog(f"Export the plan as {what}", str(suggested), "An existing file is replaced after you confirm."))
        if path_text is None:
            return
        path = Path(path_text).expanduser()
        if path.is_symlink() or path.is_dir() or (path.exists() and not path.is_file()):
            self.say(f"{path} is not a regular file, so it was not replaced", severity="error", title="Not exported")
            return
        if path.exists() and not await self.app.push_screen_wait(ConfirmDialog(f"Replace {path}?", yes="Replace")):
            return
        text = plan_to_markdown(plan) if kind == "md" else plan_to_csv(plan)
        try:
            safefile.atomic_write(path, text.encode("utf-8"))  # private (0600), complete or not at all
        except OSError as error:
            self.say(f"Cannot write {path}: {error.strerror or error}", severity="error", title="Not exported")
            return
        self.say(f"Wrote {path}", title="Exported")

