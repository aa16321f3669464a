"""The footer of every screen: the keys that fit the width, whole, and always `F1` (whose help lists every key)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

HELP_KEY = "f1"
"""The key that is always shown: its help lists the keys the footer has no room for."""

PALETTE_WIDTH = 14
"""Columns the command palette's key takes at the right ("▏ ^p Commands ")."""


def key_width(key: FooterKey, compact: bool) -> int:
    """Columns one key takes: its key, a space and its description, with a column of padding each side (none when compact)."""
    text = f"{key.key_display} {key.description}" if key.description else key.key_display
    return len(text) + (0 if compact else 2)


def keys_that_fit(keys: list[FooterKey], width: int, compact: bool) -> list[FooterKey]:
    """The keys to show in ``width`` columns: in order, dropping from the end (never `F1`) until they fit."""
    kept = list(keys)
    gap = 1 if compact else 0
    while kept and sum(key_width(key, compact) + gap for key in kept) > width:
        droppable = [index for index, key in enumerate(kept) if key.key != HELP_KEY]
        if not droppable:
            break
        del kept[droppable[-1]]
    return kept


class KeyFooter(Footer):
    """Textual's Footer that shows only the keys that fit whole (Textual's own cuts the last ones mid-word).

    Built again on every resize, so a wider terminal shows more keys; the rest are in `F1`.
    """

    def compose(self) -> ComposeResult:
        """The keys of the screen in front that fit the footer's width (a footer of grouped keys is left as Textual draws it)."""
        composed = list(super().compose())
        if not composed or not all(isinstance(widget, FooterKey) for widget in composed):
            yield from composed
            return
        palette = [widget for widget in composed if widget.has_class("-command-palette")]
        keys = [widget for widget in composed if isinstance(widget, FooterKey) and widget not in palette]
        width = (self.size.width or self.app.size.width) - (PALETTE_WIDTH if palette else 0)
        kept = keys_that_fit(keys, width, self.compact)
        self.styles.grid_size_columns = max(1, len(kept))
        yield from kept
        yield from palette

    def on_resize(self) -> None:
        """Fit the keys again to the new width."""
        self.call_after_refresh(self.recompose)
