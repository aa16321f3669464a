"""Text fields that keep every character typed, including those Textual's own fields drop.

Textual's ``Input`` and ``TextArea`` insert a key's character only when Python calls it printable
(``str.isprintable``). That is false for the no-break space U+00A0, the ideographic space U+3000
(typed by Japanese input methods), the soft hyphen U+00AD, and the format characters U+200D (the
joiner inside emoji sequences such as 👩‍💻) and U+200F (right-to-left mark), so typing them did
nothing. :class:`TypedInput` and :class:`TypedTextArea` insert those too; control characters
(category Cc, such as ESC) and lone surrogates are still never inserted.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from textual import events
from textual.dom import DOMNode
from textual.widgets import Input, TextArea


def typeable(character: str | None) -> bool:
    """True for a character a person typed that Textual's fields would drop: a space or format character, not a control."""
    if character is None or len(character) != 1 or character.isprintable():
        return False
    return unicodedata.category(character) in {"Zs", "Zl", "Zp", "Cf", "Mn", "Mc", "Me"}


class TypedInput(Input):
    """Textual's ``Input``, keeping the spaces and format characters it would drop (see the module)."""

    def __init__(self, value: str | None = None, *args: Any, **kwargs: Any) -> None:
        """Textual's ``Input``; the starting text is remembered (see :attr:`changed`)."""
        super().__init__(value, *args, **kwargs)
        self.started_with = value or ""
        """The text the field was made with (a form asks about its changed fields on quitting)."""

    @property
    def changed(self) -> bool:
        """True when the text differs from what the field was made with."""
        return self.value != self.started_with

    async def _on_key(self, event: events.Key) -> None:
        """Insert a typed space or format character, then let ``Input`` handle the key as usual."""
        if typeable(event.character):
            assert event.character is not None
            event.stop()
            event.prevent_default()
            selection = self.selection
            if selection.is_empty:
                self.insert_text_at_cursor(event.character)
            else:
                self.replace(event.character, *selection)
            return
        await super()._on_key(event)


class TypedTextArea(TextArea):
    """Textual's ``TextArea``, keeping the spaces and format characters it would drop (see the module)."""

    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        """Textual's ``TextArea``; the starting text is remembered (see :attr:`changed`)."""
        super().__init__(text, *args, **kwargs)
        self.started_with = text
        """The text the area was made with (a form asks about its changed fields on quitting)."""

    @property
    def changed(self) -> bool:
        """True when the text differs from what the area was made with."""
        return self.text != self.started_with

    async def _on_key(self, event: events.Key) -> None:
        """Insert a typed space or format character, then let ``TextArea`` handle the key as usual."""
        if typeable(event.character) and not self.read_only:
            assert event.character is not None
            event.stop()
            event.prevent_default()
            start, end = self.selection
            self.replace(event.character, start, end)
            return
        await super()._on_key(event)


def typed_fields_changed(node: DOMNode) -> bool:
    """True when any typed field under ``node`` holds text other than it was made with."""
    return any(field.changed for field in node.query(TypedInput)) or any(area.changed for area in node.query(TypedTextArea))
