"""The guidance, team questions and descriptions of the shipped files, checked against the sources.

The source documents are in the shared seeds folder beside the repository (see
``seeds/README.md``). Text is compared after list markers are dropped and white space is
collapsed (the text files break some paragraphs across a page), so every word must match.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.core.frameworks import load_framework
from tui.core.guidance import ABOUT_TITLE, sections
from tui.core.model import Framework

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "seeds"
AHEP_GUIDE = SEEDS / "000_563b6ef9430f5260.txt"
"""*Using the AHEP Professional Framework: A Practical Guide to Success*."""
ASPECT = SEEDS / "001_8386062f406ce6e5.txt"
"""*Core principles for educational development and improvement professionals* (Aspect)."""

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="the shared seeds folder is not beside the repository")

AHEP_TITLES = [
    "For getting the most from the Framework for your own personal and professional development",
    "Hints and tips for using the Framework to enhance team performance",
    "Hints and tips for successful implementation at institutional level",
]


def words(text: str) -> str:
    """``text`` with list markers dropped and white space collapsed."""
    text = re.sub(r"^\s*- ", "", text, flags=re.M)
    return " ".join(text.split())


def framework(name: str) -> Framework:
    """A shipped framework file."""
    return load_framework(REPO / "frameworks" / name)


def seed_section(source: str, heading: str, end: str) -> str:
    """The text of ``source`` after the line ``heading`` up to the first ``end`` after it."""
    start = source.index("\n" + heading + "\n") + len(heading) + 2
    return source[start:source.index(end, start)]


def test_ahep_guidance_titles_are_the_guides_headings() -> None:
    """Every AHEP guidance title is a heading line of the guide, word for word."""
    ahep = framework("ahep.yaml")
    assert [section.title for section in ahep.guidance] == AHEP_TITLES
    lines = AHEP_GUIDE.read_text(encoding="utf-8").splitlines()
    for title in AHEP_TITLES:
        assert title in lines


def test_ahep_guidance_bodies_match_the_guide() -> None:
    """Every AHEP guidance body is the guide's list under that heading, word for word."""
    guide = AHEP_GUIDE.read_text(encoding="utf-8")
    for section in framework("ahep.yaml").guidance:
        assert words(section.body) == words(seed_section(guide, section.title, "\n\n\n"))


def test_ahep_team_questions_are_the_practical_exercise() -> None:
    """AHEP's team questions are the six questions of "Practical Exercise to Engage Your Team"."""
    guide = AHEP_GUIDE.read_text(encoding="utf-8")
    exercise = seed_section(guide, "Practical Exercise to Engage Your Team", "As a team, discuss")
    questions = [line[2:] for line in exercise.splitlines() if line.startswith("- ") and line.endswith("?")]
    assert len(questions) == 6
    assert list(framework("ahep.yaml").team_questions) == questions


def test_aspect_introduction_and_conclusion_are_guidance_word_for_word() -> None:
    """Aspect's Introduction and Conclusion are guidance sections with the document's text."""
    source = ASPECT.read_text(encoding="utf-8")
    guidance = {section.title: section.body for section in framework("aspect.yaml").guidance}
    assert words(guidance["Introduction"]) == words(seed_section(source, "Introduction", "\nThe six principles\n"))
    assert words(guidance["Conclusion"]) == words(seed_section(source, "Conclusion", "\nTHE ASPECT GROUP OF PROSPECT"))


def test_aspect_description_is_the_six_principles() -> None:
    """Aspect's description is "The six principles" section (the stray bold markers left out)."""
    source = ASPECT.read_text(encoding="utf-8")
    expected = seed_section(source, "The six principles", "\nThe six principles in context\n").replace("**", "")
    assert words(framework("aspect.yaml").description) == words(expected)


def test_aspect_has_no_team_questions() -> None:
    """The Aspect document asks no team questions, so the file names none."""
    assert "?" not in ASPECT.read_text(encoding="utf-8")
    assert framework("aspect.yaml").team_questions == ()


def test_guidance_sections_start_with_the_description() -> None:
    """The Guidance activity lists the description first, then the file's sections in order."""
    aspect = framework("aspect.yaml")
    titles = [section.title for section in sections(aspect)]
    assert titles[0] == ABOUT_TITLE
    assert titles[1:] == [section.title for section in aspect.guidance]
    assert titles[1] == "Introduction" and "Conclusion" in titles
