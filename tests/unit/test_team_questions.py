"""The optional ``team_questions`` key of a framework file: a list of text, checked with its place."""

from __future__ import annotations

import pytest

from tui.core.framework_cache import from_json, to_json
from tui.core.frameworks import FrameworkError, parse_framework
from tui.core.guidance import team_questions

BASE = """\
schema: framewheel/framework@1
id: tiny
title: Tiny framework
version: "1"
areas:
  - {id: one, title: One}
  - {id: two, title: Two}
  - {id: three, title: Three}
"""


def problems_of(text: str) -> list[str]:
    """The problem lines reported for ``text`` (file name ``f.yaml``)."""
    with pytest.raises(FrameworkError) as caught:
        parse_framework(text, "f.yaml")
    return [str(problem) for problem in caught.value.problems]


def test_questions_load_in_order() -> None:
    """A list of text becomes the framework's questions, in the file's order."""
    framework = parse_framework(BASE + "team_questions:\n  - What does it mean here?\n  - Who does it well?\n", "f.yaml")
    assert framework.team_questions == ("What does it mean here?", "Who does it well?")
    assert team_questions(framework) == framework.team_questions


def test_questions_are_optional() -> None:
    """A file without the key has no questions (nothing is made up for it)."""
    assert parse_framework(BASE, "f.yaml").team_questions == ()


def test_not_a_list_is_reported_with_line_and_column() -> None:
    """Text where a list belongs is reported at the value."""
    assert problems_of(BASE + "team_questions: What does it mean?\n") == [
        "f.yaml:9:17: team_questions must be a list, not text"
    ]


def test_an_item_that_is_not_text_is_reported_with_line_and_column() -> None:
    """A number or a mapping among the questions is reported at the item."""
    lines = problems_of(BASE + "team_questions:\n  - Fine?\n  - 42\n  - {a: b}\n")
    assert lines == [
        'f.yaml:11:5: each item of team_questions must be text, not a whole number; put it in quotes, e.g. "42"',
        "f.yaml:12:5: each item of team_questions must be text, not a mapping",
    ]


def test_cache_keeps_the_questions() -> None:
    """The framework cache writes and reads the questions back."""
    framework = parse_framework(BASE + "team_questions: [Why?]\n", "f.yaml")
    assert from_json(to_json(framework)).team_questions == ("Why?",)
