"""Markdown text kept to a line width: paragraphs and list items wrapped between words.

A report is read as plain text in an email as often as it is rendered, so long lines are
folded. Only prose is touched: tables, headings, fenced code blocks (the drawn wheel) and
blank lines are left exactly as they are. A list item's continuation lines are indented
under its text, so the item stays one item when rendered.
"""

from __future__ import annotations

import re

REPORT_LINE_WIDTH = 100
"""Lines of prose in a report are at most this many characters (a word longer stays whole)."""

_LIST_ITEM = re.compile(r"^(\s*)([-*+]|\d{1,9}[.)])(\s+)(?=\S)")
"""A list item's indentation, marker and the spaces after it."""

_FENCE = re.compile(r"^\s*(```|~~~)")
"""The start or end of a fenced code block."""

_BLOCK_START = re.compile(r"^([-*+>#|=]|\d{1,9}[.)]$|```|~~~)")
"""A word that, at the start of a line, would begin a list, quote, heading or table."""


def _wrap_words(words: list[str], first: int, rest: int) -> list[list[str]]:
    """Words in lines of at most ``first`` then ``rest`` characters (a longer word has a line of its own).

    A line never begins with a word that would start a list, quote, heading or table
    (``-``, ``1.``, ``#`` ...): the break moves one word earlier instead.
    """
    lines: list[list[str]] = [[]]
    for word in words:
        current = lines[-1]
        limit = first if len(lines) == 1 else rest
        if current and len(" ".join(current)) + 1 + len(word) > limit:
            if _BLOCK_START.match(word) and len(current) > 1:
                lines.append([current.pop(), word])
            else:
                lines.append([word])
        else:
            current.append(word)
    return lines


def wrap_line(line: str, width: int = REPORT_LINE_WIDTH) -> list[str]:
    """One line of prose or a list item, wrapped to ``width`` (continuations indented under a list item's text)."""
    if len(line) <= width:
        return [line]
    item = _LIST_ITEM.match(line)
    if item:
        lead = item.group(0)
        indent = " " * len(lead)
        body = line[len(lead):]
    else:
        stripped = line.lstrip(" ")
        lead = indent = line[: len(line) - len(stripped)]
        body = stripped
    words = body.split()
    if not words:
        return [line]
    wrapped = _wrap_words(words, width - len(lead), width - len(indent))
    return [(lead if index == 0 else indent) + " ".join(words) for index, words in enumerate(wrapped)]


def wrap_markdown(text: str, width: int = REPORT_LINE_WIDTH) -> str:
    """``text`` with every paragraph and list-item line longer than ``width`` wrapped between words.

    Tables (lines starting with ``|``), headings, fenced blocks and indented code (four
    spaces or a tab, outside a list) are kept as they are.
    """
    out: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if _FENCE.match(line):
            fenced = not fenced
            out.append(line)
            continue
        stripped = line.lstrip()
        keep = (fenced or len(line) <= width or stripped.startswith(("|", "#"))
                or ((line.startswith("    ") or line.startswith("\t")) and not _LIST_ITEM.match(line)))
        out.extend([line] if keep else wrap_line(line, width))
    return "\n".join(out)
