"""The guidance of a framework as plain data: its description and its titled sections.

The Guidance activity lists these; nothing here knows about Textual. A framework's
description comes first (as "About this framework") when it has one, then the file's own
``guidance`` sections in the file's order, each body Markdown.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.model import Framework

ABOUT_TITLE = "About this framework"
"""The title of the section that holds the framework's description."""


@dataclass(frozen=True)
class Section:
    """One section the Guidance screen lists: a title and a Markdown body."""

    key: str
    """A stable id within the framework ("about", "guidance-1" ...)."""
    title: str
    body: str


def sections(framework: Framework) -> tuple[Section, ...]:
    """The framework's description (when it has one) and then its guidance sections."""
    found: list[Section] = []
    if framework.description.strip():
        found.append(Section("about", ABOUT_TITLE, framework.description))
    found.extend(
        Section(f"guidance-{number}", section.title, section.body)
        for number, section in enumerate(framework.guidance, start=1)
    )
    return tuple(found)


def team_questions(framework: Framework) -> tuple[str, ...]:
    """The framework's own questions for a team discussing one area (empty when it names none)."""
    return framework.team_questions


def has_guidance(framework: Framework) -> bool:
    """True when the framework has guidance sections of its own (not only a description)."""
    return bool(framework.guidance)
