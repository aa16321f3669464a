"""Standard output and error as the commands see them: control characters from files made visible.

Every message the commands print may name something read from a file (an area id, a
label, a field); ``VisibleStream`` passes all of it through ``tui.core.text.visible`` so
an ESC sequence in a file cannot reach the terminal. Data written on purpose (a JSON or
CSV export piped into a file) goes through ``raw_stream`` and is left exactly as it is.
"""

from __future__ import annotations

import io
from typing import TextIO, cast

from tui.core.text import visible


class VisibleStream(io.TextIOBase):
    """A text stream that writes to ``raw`` with every control character (but newline and tab) made visible."""

    def __init__(self, raw: TextIO) -> None:
        """Wrap ``raw`` (usually ``sys.stdout`` or ``sys.stderr``)."""
        super().__init__()
        self.raw = raw

    def write(self, text: str) -> int:
        """Write ``text`` made visible; returns the length of ``text`` (as ``print`` expects)."""
        self.raw.write(visible(text))
        return len(text)

    def flush(self) -> None:
        """Flush the wrapped stream."""
        self.raw.flush()

    def isatty(self) -> bool:
        """Whether the wrapped stream is a terminal."""
        return self.raw.isatty()

    def fileno(self) -> int:
        """The wrapped stream's file descriptor."""
        return self.raw.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        """The wrapped stream's encoding."""
        return getattr(self.raw, "encoding", None) or "utf-8"


def visible_stream(raw: TextIO) -> TextIO:
    """``raw`` wrapped in a ``VisibleStream`` (as a ``TextIO`` for the commands)."""
    return cast(TextIO, VisibleStream(raw))


def raw_stream(stream: TextIO) -> TextIO:
    """The stream under a ``VisibleStream``, or ``stream`` itself when it is not wrapped."""
    wrapped: object = stream
    return wrapped.raw if isinstance(wrapped, VisibleStream) else stream
