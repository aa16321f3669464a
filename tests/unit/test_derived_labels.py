"""Long area titles with no ``short`` get a wheel label of their own, and the 1:1 report keeps to 100 columns."""

from __future__ import annotations

import re
from pathlib import Path

from tui.core.frameworks import load_framework
from tui.core.labels import derive_label, unique_labels
from tui.core.model import Area
from tui.core.reports.markdown import wrap_markdown
from tui.core.reports.one_to_one import build_report, wheel_bars
from tui.core.wheels import Assessment

DATA = Path(__file__).resolve().parents[1] / "data"

SIXTEEN_LABELS = [
    "Reproducible", "Software design", "Testing", "Performance", "Research data", "Security", "Usability",
    "Community building", "Teaching, training", "Project management", "Collaboration", "Communication",
    "Funding", "Policy, licensing", "Infrastructure", "Technical",
]
"""The labels the rule gives the sixteen-areas titles, in wheel order."""


def rated_sixteen() -> tuple[Assessment, object]:
    """The sixteen-areas framework and a wheel rated in every cell, with one long note."""
    framework = load_framework(DATA / "sixteen-areas.yaml")
    ratings = {a.id: {"today": i % 5 + 1, "needed": (i + 2) % 5 + 1} for i, a in enumerate(framework.areas)}
    wheel = Assessment(1, framework.id, framework.version, "Before my 1:1", "2026-11-22T10:15:00+00:00",
                       "2026-11-22T10:15:00+00:00", ratings=ratings,
                       notes={"testing": "A long note about pipelines and what we test, " * 6})
    return wheel, framework


def test_sixteen_area_titles_get_short_distinct_labels_cut_between_words() -> None:
    """Each label is the exact expected one: at most 18 characters, distinct, the title's first whole words."""
    framework = load_framework(DATA / "sixteen-areas.yaml")
    labels = [area.label for area in framework.areas]
    assert labels == SIXTEEN_LABELS
    assert all(len(label) <= 18 for label in labels)
    assert len(set(labels)) == len(labels)
    for area, label in zip(framework.areas, labels):
        title_words, label_words = area.title.split(), label.split()
        assert [w.rstrip(",") for w in title_words[: len(label_words)]] == [w.rstrip(",") for w in label_words]


def test_rule_drops_small_words_cuts_one_long_word_and_keeps_a_short_title() -> None:
    """"and"/"of" never end a label; a first word over 18 characters is cut with an ellipsis; short titles stay."""
    assert derive_label("Security and privacy by design") == "Security"
    assert derive_label("Communication of technical work") == "Communication"
    assert derive_label("Working Together") == "Working Together"
    assert derive_label("Interdisciplinarity-driven research") == "Interdisciplinari…"
    assert len(derive_label("Interdisciplinarity-driven research")) == 18
    assert derive_label("研究ソフトウェア工学の能力と共有基盤") == "研究ソフトウェア…"  # 2 cells a character


def test_labels_that_would_clash_are_numbered_and_a_given_short_wins() -> None:
    """Two titles deriving the same label get distinct ones; an area's own short is never changed or reused."""
    titles = ["Working together in teams", "Working together across institutions", "Community building and X",
              "Community building and Y"]
    assert unique_labels(titles, [None, None, None, None]) == [
        "Working together", "Working together 2", "Community building", "Community 2"]
    assert unique_labels(titles[:2], [None, "Working together"]) == ["Working together 2", "Working together"]


def test_an_area_built_in_code_derives_its_label_too() -> None:
    """Area.label is the one place labels come from, also for areas not loaded from a file."""
    assert Area("x", "Performance engineering on shared systems").label == "Performance"
    assert Area("x", "Performance engineering on shared systems", short="Perf.").label == "Perf."


def test_report_of_sixteen_areas_has_no_line_over_100_outside_tables() -> None:
    """Prose and list lines are wrapped; the table rows stay whole table rows; the wheel block fits 100 columns."""
    wheel, framework = rated_sixteen()
    report = build_report(wheel, framework)  # type: ignore[arg-type]
    lines = report.splitlines()
    long = [line for line in lines if len(line) > 100 and not line.startswith("|")]
    assert long == []
    rows = [line for line in lines if line.startswith("|")]
    assert len(rows) == 2 + 16
    assert all(row.endswith("|") for row in rows)
    assert any("A long note about pipelines" in row and len(row) > 100 for row in rows)
    block = report.split("```text\n", 1)[1].split("\n```", 1)[0]
    assert max(len(line) for line in block.splitlines()) <= 100
    assert "Research Software Engineering Capabilities for Shared Infrastructure Teams (0.3) · wheel of\n2026-11-22" in report
    bars = wheel_bars(wheel, framework)  # type: ignore[arg-type]
    assert "Community building  W " in bars  # W: the first free letter of "Where I am today"
    assert "Reproducible research" not in bars


def test_wrap_keeps_lists_indented_and_leaves_tables_headings_and_fences() -> None:
    """A list item continues under its text; no wrapped line starts a new list item; blocks stay as they are."""
    long_item = "   - Success criteria: " + "rated seven or more at the next wheel - with examples " * 3
    fence = "```text\n" + "x" * 130 + "\n```"
    heading = "## " + "Heading " * 20
    table = "| " + "cell | " * 30
    text = "\n".join([long_item, fence, heading, table, "1. " + "word " * 40])
    wrapped = wrap_markdown(text, 60).splitlines()
    assert wrapped[0].startswith("   - Success criteria: rated")
    item_lines = wrapped[: wrapped.index("```text")]
    assert all(line.startswith("     ") and not re.match(r"\s*[-*+] ", line) for line in item_lines[1:])
    assert all(len(line) <= 60 for line in item_lines)
    assert "x" * 130 in wrapped and heading.rstrip() in [w.rstrip() for w in wrapped] and table in wrapped
    numbered = wrapped[wrapped.index(table) + 1:]
    assert numbered[0].startswith("1. word") and all(line.startswith("   word") for line in numbered[1:])
