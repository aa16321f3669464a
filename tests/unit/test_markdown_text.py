"""Framework Markdown as Rich text: plain prose is drawn without the Markdown parser, exactly as the parser would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from screens.guidance import markdown_text as module
from screens.guidance.markdown_text import markdown_text
from tui.core.frameworks import load_framework

ROOT = Path(__file__).resolve().parents[2]


def parsed(source: str, query: str = "") -> tuple[str, list[tuple[int, int, str]]]:
    """What the full Markdown path draws for ``source``: its text and styled spans."""
    saved = module._plain_paragraphs
    module._plain_paragraphs = lambda text: None  # type: ignore[assignment]
    try:
        text = markdown_text(source, query)
    finally:
        module._plain_paragraphs = saved  # type: ignore[assignment]
    return text.plain, [(span.start, span.end, str(span.style)) for span in text.spans]


def drawn(source: str, query: str = "") -> tuple[str, list[tuple[int, int, str]]]:
    """What :func:`markdown_text` draws for ``source`` (the fast path where it applies)."""
    text = markdown_text(source, query)
    return text.plain, [(span.start, span.end, str(span.style)) for span in text.spans]


def shipped_texts() -> list[str]:
    """Every description of every shipped framework (the framework's, the areas' and the values')."""
    texts = []
    for path in sorted((ROOT / "frameworks").glob("*.yaml")):
        framework = load_framework(path)
        texts.append(framework.description)
        texts += [area.description for area in framework.areas]
    return [text for text in texts if text.strip()]


@pytest.mark.parametrize("source", [
    "One paragraph.",
    "First line\nsecond line of the same paragraph.\n\nA second paragraph.",
    "  Indented a little\n  and again.\n\n\n\nAfter three blank lines.",
    "Costs 2026-27 and a hyphen - in the middle; 10 % of it.",
    *shipped_texts(),
])
def test_plain_prose_is_drawn_as_the_parser_draws_it(source: str) -> None:
    """Text and styles match the full Markdown path, with and without a highlighted search."""
    assert drawn(source) == parsed(source)
    assert drawn(source, "the") == parsed(source, "the")


@pytest.mark.parametrize("source", [
    "Some **bold** words.", "An *emphasis*.", "A `code` word.", "A [link](https://example.org).",
    "# A heading", "- a list item", "1. a numbered item", "    indented code", "a hard  \nbreak",
    "Title\n=====", "<b>html</b>", "a &amp; b",
])
def test_text_with_markup_still_goes_through_the_parser(source: str) -> None:
    """Anything Markdown may read as markup is rendered by the parser (no `**` ever shown)."""
    assert module._plain_paragraphs(source) is None
    assert drawn(source) == parsed(source)
    assert "**" not in markdown_text(source).plain


def test_the_home_screens_modules_do_not_load_the_markdown_parser() -> None:
    """Drawing the home screen's framework outline needs no Markdown parser (it costs start-up time)."""
    code = ("import sys; from screens.home import framework_summary; from tui.core.frameworks import load_framework; "
            f"framework_summary(load_framework({str(ROOT / 'frameworks' / 'ahep.yaml')!r})); "
            "print('markdown_it' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "False"
