"""Search across a whole framework: titles, descriptions, level descriptors, values and exemplars.

A query is split into words; a piece of text matches when it contains every
word (case-insensitive, anywhere in the text). Each hit says where it is (the
value, the level, or the area and level) and carries the character spans of
the matched words so that a screen can highlight them. Nothing here knows
about Textual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.core.model import Framework

MIN_QUERY = 2
"""Queries shorter than this (after trimming) find nothing: one letter matches almost everything."""

MAX_HITS = 200
"""At most this many hits are returned (the screens show a count of the rest)."""

KINDS = ("value", "level", "area", "description", "exemplar")
"""What a hit can be: a value, a level descriptor, an area title, an area description, an exemplar."""


@dataclass(frozen=True)
class SearchHit:
    """One piece of framework text that matches a query, and where it is."""

    kind: str
    """One of :data:`KINDS`."""
    text: str
    """The whole piece of text that matched (plain, Markdown emphasis removed)."""
    spans: tuple[tuple[int, int], ...]
    """Start and end offsets in ``text`` of every matched word, sorted and merged."""
    area_id: str | None = None
    level_id: str | None = None
    value_id: str | None = None
    index: int = 0
    """Position of the descriptor or exemplar within its level (0 is the first)."""
    where: str = ""
    """Where the match is, for people: e.g. ``1. Working Together · Member · exemplar 2``."""


def plain(text: str) -> str:
    """Markdown text made plain for display and search: ``**bold**``/``*em*`` markers removed, spaces tidied."""
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    return text.strip()


def terms(query: str) -> list[str]:
    """The lower-case words of a query (empty when it is too short to search)."""
    query = query.strip()
    if len(query) < MIN_QUERY:
        return []
    return [word for word in query.lower().split() if word]


def match_spans(text: str, words: list[str]) -> tuple[tuple[int, int], ...]:
    """Spans of every occurrence of every word in ``text``, merged; empty unless all words occur."""
    lowered = text.lower()
    spans: list[tuple[int, int]] = []
    for word in words:
        found = [(m.start(), m.start() + len(word)) for m in re.finditer(re.escape(word), lowered)]
        if not found:
            return ()
        spans.extend(found)
    return merge(spans)


def merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    """Sorted spans with overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(merged)


def highlight_spans(text: str, query: str) -> tuple[tuple[int, int], ...]:
    """Where to highlight ``query``'s words in ``text`` (each word on its own; empty when none)."""
    words = terms(query)
    spans = [
        (m.start(), m.start() + len(word))
        for word in words
        for m in re.finditer(re.escape(word), text.lower())
    ]
    return merge(spans)


def excerpt(text: str, spans: tuple[tuple[int, int], ...], width: int = 160) -> tuple[str, tuple[tuple[int, int], ...]]:
    """At most about ``width`` characters of ``text`` around its first match, with the spans moved to fit.

    Cut ends are marked with ``…``; spans falling outside the excerpt are left out.
    """
    if len(text) <= width:
        return text, spans
    first = spans[0][0] if spans else 0
    start = max(0, min(first - width // 4, len(text) - width))
    if start > 0:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space >= 0 and start - space < 20 else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start + width // 2 else end
    prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    shift = len(prefix) - start
    moved = tuple((max(a, start) + shift, min(b, end) + shift) for a, b in spans if b > start and a < end)
    return prefix + text[start:end] + suffix, moved


def search(framework: Framework, query: str, limit: int = MAX_HITS) -> list[SearchHit]:
    """Every piece of ``framework``'s text matching ``query``, in reading order (at most ``limit``)."""
    words = terms(query)
    if not words:
        return []
    hits: list[SearchHit] = []

    def consider(kind: str, text: str, where: str, **place: object) -> None:
        """Add a hit for ``text`` when it matches."""
        text = plain(text)
        spans = match_spans(text, words)
        if spans:
            hits.append(SearchHit(kind=kind, text=text, spans=spans, where=where, **place))  # type: ignore[arg-type]

    for value in framework.values:
        consider("value", f"{value.title}: {value.description}", f"Value · {value.title}", value_id=value.id)
    for level in framework.levels:
        for index, descriptor in enumerate(level.summary):
            consider("level", descriptor, f"Level {level.title} · descriptor {index + 1}", level_id=level.id, index=index)
    for area in framework.areas:
        consider("area", area.heading + (f" ({area.encompasses})" if area.encompasses else ""), area.heading, area_id=area.id)
        if area.description:
            consider("description", area.description, f"{area.heading} · description", area_id=area.id)
        for level in framework.levels:
            for index, exemplar in enumerate(area.exemplars.get(level.id, ())):
                where = f"{area.heading} · {level.title} · exemplar {index + 1}"
                consider("exemplar", exemplar, where, area_id=area.id, level_id=level.id, index=index)
    return hits[:limit]


def count_matches(framework: Framework, query: str) -> int:
    """How many pieces of text match (without the limit), for "showing 200 of N"."""
    return len(search(framework, query, limit=10**9))
