"""A fixed-size panel of Rich text that redraws without a new layout (for text that changes on every key)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.text import Text
from textual.widget import Widget


class TextPanel(Widget):
    """Shows one Rich renderable; :meth:`show` repaints the panel only, never the screen's layout.

    Give it a fixed height in CSS: its content never changes its size.
    """

    DEFAULT_CSS = """
    TextPanel { height: 3; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 - Textual's name
        """An empty panel."""
        super().__init__(id=id)
        self._content: RenderableType = Text()

    def show(self, content: RenderableType) -> None:
        """Show ``content`` (wrapped to the panel's width, cut at its height)."""
        self._content = content
        self.refresh()

    def render(self) -> RenderableType:
        """What the panel shows now."""
        return self._content
