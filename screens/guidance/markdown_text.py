"""Framework Markdown (descriptions, guidance) as Rich text, for panels that show it in a Static.

Framework files write their descriptions in Markdown. Where a whole Markdown widget does not
fit (a line of a panel, a table cell, text with search matches highlighted), this turns the
Markdown into styled :class:`rich.text.Text`: ``**bold**`` is bold, ``*em*`` italic, list items
start with a bullet, headings are bold, paragraphs are kept apart. No ``**`` is ever shown.
Search matches are highlighted on the rendered text, so they show without colour too.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from markdown_it.token import Token

MATCH_STYLE = "reverse underline"
"""How a search match is shown (no colour needed)."""

_INLINE_STYLES = {"strong_open": "bold", "em_open": "italic", "link_open": "underline", "s_open": "strike"}
"""The Rich style each opening inline token starts."""

_PARSER: Any = None
"""The CommonMark parser, made on first use (importing markdown-it costs ~35 ms of the start)."""

_MARKUP = re.compile(r"[*_`\[\]<>&\\#|~=!]|^\s*(?:[-+]|\d+[.)])(?:\s|$)|^ {4}|^\t| $", re.MULTILINE)
"""Anything in a text that Markdown might read as more than words: emphasis, code, links, HTML,
headings, lists, indented code, a hard line break (trailing spaces)."""


@lru_cache(maxsize=256)
def _tokens(source: str) -> tuple[Token, ...]:
    """The block tokens of ``source`` (cached: the same descriptions are drawn again and again)."""
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        _PARSER = MarkdownIt("commonmark")
    return tuple(_PARSER.parse(source))


def _plain_paragraphs(source: str) -> str | None:
    """``source`` as :func:`markdown_text` renders it when it is plain prose (None when it has any markup).

    Paragraphs are apart by a blank line and the lines of one are joined by a space, as
    CommonMark reads them; prose with nothing else (the usual framework description) is drawn
    without loading the Markdown parser.
    """
    if _MARKUP.search(source):
        return None
    paragraphs = [" ".join(line.strip() for line in block.splitlines() if line.strip())
                  for block in re.split(r"\n[ \t]*\n", source.strip("\n"))]
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def _inline(text: Text, token: Token) -> None:
    """Append an inline token's children, styled."""
    styles: list[str] = []
    for child in token.children or ():
        if child.type in _INLINE_STYLES:
            styles.append(_INLINE_STYLES[child.type])
        elif child.type.endswith("_close") and styles:
            styles.pop()
        elif child.type == "text":
            text.append(child.content, Style.parse(" ".join(styles)) if styles else None)
        elif child.type == "code_inline":
            text.append(child.content, "bold")
        elif child.type == "softbreak":
            text.append(" ")
        elif child.type == "hardbreak":
            text.append("\n")


def markdown_text(source: str, query: str = "", style: str = "") -> Text:
    """``source`` (Markdown) as styled Rich text, with every word of ``query`` highlighted."""
    plain = _plain_paragraphs(source)
    if plain is not None:
        text = Text(plain, style=style)
        _highlight(text, query)
        return text
    text = Text(style=style)
    depth = 0
    numbers: list[int | None] = []
    fresh_item = heading = False
    for token in _tokens(source):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            if depth == 0 and text:
                text.append("\n")  # a blank line before a list (its first item adds the other)
            depth += 1
            numbers.append(int(token.attrs.get("start", 1) or 1) if kind == "ordered_list_open" else None)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            numbers.pop()
        elif kind == "list_item_open":
            if text:
                text.append("\n")
            number = numbers[-1] if numbers else None
            marker = "• " if number is None else f"{number}. "
            if number is not None:
                numbers[-1] = number + 1
            text.append("  " * (depth - 1) + marker)
            fresh_item = True
        elif kind in ("paragraph_open", "heading_open"):
            if not fresh_item and text:
                text.append("\n\n" if depth == 0 else "\n" + "  " * depth)
            fresh_item = False
            heading = kind == "heading_open"
        elif kind == "heading_close":
            heading = False
        elif kind == "inline":
            start = len(text)
            _inline(text, token)
            if heading:
                text.stylize("bold", start, len(text))
        elif kind in ("fence", "code_block"):
            if text:
                text.append("\n\n")
            text.append(token.content.rstrip("\n"))
    _highlight(text, query)
    return text


def _highlight(text: Text, query: str) -> None:
    """Mark the words of ``query`` in ``text`` (nothing to do for no query: the search module is then not loaded)."""
    if not query.strip():
        return
    from tui.core.search import highlight_spans

    for start, end in highlight_spans(text.plain, query):
        text.stylize(MATCH_STYLE, start, end)

