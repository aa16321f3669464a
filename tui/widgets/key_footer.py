"""The footer of every screen: the keys that fit the width, whole, and always `F1` (whose help lists every key)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import Screen
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

    Built again when its width or the screen's keys change, so a wider terminal shows more
    keys; the rest are in `F1`. The changes that come together (a start brings three resizes
    and a change of keys) build it once, and a change that leaves the keys and the width as
    they were does not build it at all.
    """

    _refit_pending = False
    """A rebuild is asked for and waits for the next refresh."""

    _fitted: tuple[object, ...] | None = None
    """The width and keys the footer was last built for."""

    def _fit(self) -> tuple[object, ...]:
        """The width and the shown keys (key, description, enabled) that decide what the footer holds."""
        active = self.screen.active_bindings
        keys = tuple((binding.key, binding.description, enabled)
                     for (_, binding, enabled, _) in active.values() if binding.show)
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)  # shown at the right though its binding is not
        return self.size.width or self.app.size.width, self.compact, keys, palette[2] if palette else None

    def _refit(self) -> None:
        """Build the footer again after the next refresh, once for changes that come together."""
        if not self._refit_pending:
            self._refit_pending = True
            self.call_after_refresh(self._refit_now)

    async def _refit_now(self) -> None:
        """Build the footer again if its width or the keys changed since it was last built."""
        self._refit_pending = False
        if self.is_attached and self._fit() != self._fitted:
            await self.recompose()

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The screen's keys changed (Textual's signal): fit them again, as Textual's footer does, but once."""
        self._bindings_ready = True
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._refit()

    def compose(self) -> ComposeResult:
        """The keys of the screen in front that fit the footer's width (a footer of grouped keys is left as Textual draws it)."""
        self._fitted = self._fit() if self._bindings_ready else None
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
        self._refit()
