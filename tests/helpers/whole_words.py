"""Finding words cut mid-word on a screen: each word on screen is checked against the words of the texts the
screen's widgets were given (labels, static texts, table cells, options, key descriptions); a word that is not
one of them but is the start of one is a cut (an ellipsis right after it is a designed abbreviation)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

WORD = re.compile(r"[A-Za-z][A-Za-z']*")
"""A word: letters (and apostrophes inside); digits and signs are not words."""

ELLIPSIS = "…"
"""The designed abbreviation mark: a word ending in it is shortened on purpose."""

OCCLUDED = "█▀▄▐▌"
"""A dialog's frame drawn over the screen behind it: a word touching it is hidden, not cut."""

REGION_END = re.compile(r"(\s*$|\s*[│┃║▏▎▊|╮╯╭╰┐┘]|\s{2,})")
"""What may follow the last word of a region: the line's end, a border or separator, or a gap of two spaces."""


def words(text: str) -> set[str]:
    """The words of ``text``, lower case."""
    return {match.group().lower().strip("'") for match in WORD.finditer(text)}


def cut_words(lines: Iterable[str], sources: Iterable[str]) -> list[tuple[int, str, str]]:
    """(line number, word on screen, the source word it is the start of) of every word cut on the ``lines``.

    A word on screen is cut when it ends a region (the line, a panel, a table cell), is not a
    word of any source text, is at least two letters long, and is the strict start of a source
    word; unless an ellipsis follows it, or a dialog's frame touches it (the screen behind).
    """
    known: set[str] = set()
    for text in sources:
        known |= words(text)
    by_start: dict[str, str] = {}
    for word in sorted(known, key=len, reverse=True):
        for end in range(2, len(word)):
            by_start.setdefault(word[:end], word)
    found: list[tuple[int, str, str]] = []
    for number, line in enumerate(lines):
        for match in WORD.finditer(line):
            word = match.group().lower().strip("'")
            if len(word) < 2 or word in known or word not in by_start:
                continue
            after, before = line[match.end():match.end() + 1], line[match.start() - 1:match.start()] if match.start() else ""
            if after == ELLIPSIS or after in OCCLUDED and after or before in OCCLUDED and before:
                continue
            if not REGION_END.match(line, match.end()):
                continue  # a word followed by another on the same line was not cut
            found.append((number, match.group(), by_start[word]))
    return found


def plain(value: object) -> str:
    """The plain text of a widget's content (str, Rich Text, Textual Content, or anything with ``plain``)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    text = getattr(value, "plain", None)
    if isinstance(text, str):
        return text
    from rich.console import Console, ConsoleRenderable, RichCast

    if isinstance(value, (ConsoleRenderable, RichCast)):  # a table, a group: drawn wide, so no cell is cut
        console = Console(width=2000, record=True, file=open("/dev/null", "w"), color_system=None)
        console.print(value)
        return console.export_text()
    return str(value)


def source_texts(screen: Any) -> list[str]:
    """Every text the widgets of ``screen`` were given to show, whole (not as drawn)."""
    from textual.widgets import DataTable, Input, Markdown, OptionList, Select, Static, TextArea
    from textual.widgets._footer import FooterKey

    texts: list[str] = [str(screen.title or ""), str(screen.sub_title or ""), str(screen.app.title or ""),
                        str(screen.app.sub_title or "")]
    texts += [str(notification.message) for notification in screen.app._notifications]
    texts += [str(notification.title or "") for notification in screen.app._notifications]
    for widget in [screen, *screen.walk_children()]:
        texts.append(str(getattr(widget, "border_title", "") or ""))
        texts.append(str(getattr(widget, "border_subtitle", "") or ""))
        if isinstance(widget, FooterKey):
            texts += [widget.description, widget.key_display]
        if isinstance(widget, Static):
            texts.append(plain(widget.content))
        if isinstance(widget, DataTable):
            texts += [plain(column.label) for column in widget.columns.values()]
            texts += [plain(cell) for row in range(widget.row_count) for cell in widget.get_row_at(row)]
        if isinstance(widget, OptionList):
            texts += [plain(widget.get_option_at_index(index).prompt) for index in range(widget.option_count)]
        if isinstance(widget, Select):
            texts += [plain(prompt) for prompt, _ in getattr(widget, "_options", [])]
        if isinstance(widget, Input):
            texts += [widget.value, widget.placeholder]
        if isinstance(widget, TextArea):
            texts.append(widget.text)
        if isinstance(widget, Markdown):
            texts.append(widget.source or "")
        if hasattr(widget, "render") and not isinstance(widget, (DataTable, OptionList, TextArea)):
            try:
                texts.append(plain(widget.render()))
            except Exception:  # a widget that cannot render outside its paint: its text comes from elsewhere
                pass
    return texts
