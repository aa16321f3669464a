"""Every framework the format allows: 1 to 5 series with their letters and baseline, scales of 2 to 21 points,
strengths above the midpoint, and the words the summary, report and plan use for them."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.unit.test_frameworks import GOOD, problems_of
from tui.context import AppContext
from tui.core import analysis, charts
from tui.core.development_plan import suggest_objectives
from tui.core.frameworks import parse_framework
from tui.core.model import Framework, Series, series_letters
from tui.core.reports.one_to_one import build_report
from tui.core.wheels import Assessment

DATA = Path(__file__).resolve().parents[1] / "data"
"""The project's own test frameworks."""


def with_series(lines: str, scale: str = "") -> str:
    """GOOD with these series lines (and scale line) appended."""
    return GOOD + (scale + "\n" if scale else "") + "series:\n" + lines


def open_framework(tmp_path: Path, name: str) -> AppContext:
    """A context on a fresh database with one of the test frameworks (``sixteen-areas``, ``four-series``)."""
    return AppContext.open(tmp_path / "db.json", user_dir=tmp_path / "user", framework=str(DATA / f"{name}.yaml"))


def rate(context: AppContext, values: dict[str, list[int | None]]) -> Assessment:
    """A stored wheel with these values per area id, one per series in order (None: not rated)."""
    framework = context.framework
    wheel = context.assessments.create(framework, "Before my 1:1")
    for area_id, row in values.items():
        for series, value in zip(framework.series, row):
            if value is not None:
                wheel = context.assessments.set_rating(wheel.id, framework, area_id, series.id, value)
    return wheel


# --- the format ------------------------------------------------------------------------------


def test_letters_default_from_ids_then_title_words() -> None:
    """The guide's ids keep N W O; others take the first untaken initial of their title's words."""
    assert series_letters((Series("current", "x"), Series("aspiration", "y"), Series("organisation", "z"))) == ("N", "W", "O")
    four = parse_framework((DATA / "four-series.yaml").read_text(), "four-series.yaml")
    assert four.series_letters == ("H", "M", "W", "P")  # "How my peers see me": H and M are taken, so P
    assert four.baseline.id == "now"
    sixteen = parse_framework((DATA / "sixteen-areas.yaml").read_text(), "sixteen-areas.yaml")
    assert sixteen.series_letters == ("W", "M")  # "What my team needs": W is taken by "Where I am today"


def test_letter_and_baseline_from_the_file() -> None:
    """An explicit letter is reserved before any is derived; ``baseline: true`` picks the series compared with."""
    fw = parse_framework(with_series(
        "  - {id: goal, title: Goal}\n  - {id: now, title: Now, letter: G, baseline: true}\n  - {id: team, title: Team, letter: '7'}\n"
    ), "f.yaml")
    assert fw.series_letters == ("A", "G", "7")  # "Goal" cannot have G ("now" asked for it): the first free letter
    assert fw.baseline.id == "now"
    assert fw.series_letter("team") == "7"


@pytest.mark.parametrize(("lines", "expected"), [
    ("  - {id: a, title: A, letter: n}\n",
     "f.yaml:23:31: series 1 letter 'n' must be one capital letter A-Z or digit 0-9, e.g. N"),
    ("  - {id: a, title: A, letter: NW}\n",
     "f.yaml:23:31: series 1 letter 'NW' must be one capital letter A-Z or digit 0-9, e.g. N"),
    ("  - {id: a, title: A, letter: X}\n  - {id: b, title: B, letter: X}\n",
     "f.yaml:24:31: series letter 'X' of 'b' is already used (line 23); each series needs its own letter"),
    ("  - {id: a, title: A, baseline: true}\n  - {id: b, title: B, baseline: true}\n",
     "f.yaml:24:33: series 'b' is a second baseline (the first at line 23); at most one series is the baseline"),
    ("  - {id: a, title: A, baseline: yes please}\n",
     "f.yaml:23:33: series 1 baseline must be true or false, not text"),
    ("".join(f"  - {{id: s{n}, title: S{n}}}\n" for n in range(1, 7)),
     "f.yaml:28:5: series 6 is one too many; a wheel has at most 5 series"),
])
def test_series_mistakes_are_reported_at_their_place(lines: str, expected: str) -> None:
    """A bad letter, a letter used twice, two baselines, a baseline that is not true/false, a sixth series."""
    assert expected in problems_of(with_series(lines))


def test_scale_of_2_to_21_points() -> None:
    """0-1 and 0-20 load; 0-21 (22 points) is refused at max."""
    no_roles = GOOD.replace("{one: 7, two: second}", "{two: second}")
    assert parse_framework(no_roles + "scale: {min: 0, max: 1}\n", "f.yaml").scale.points == 2
    assert parse_framework(no_roles + "scale: {min: 0, max: 20}\n", "f.yaml").scale.points == 21
    assert problems_of(no_roles + "scale: {min: 0, max: 21}\n") == [
        "f.yaml:22:22: scale from 0 to 21 has 22 points; at most 21 (e.g. 0 to 20)"]


def test_scale_words() -> None:
    """The scale says its ends and labels, and what a value means."""
    sixteen = parse_framework((DATA / "sixteen-areas.yaml").read_text(), "s.yaml")
    assert sixteen.scale.summary() == "1 Aware … 5 Expert (also 3 Practitioner)"
    assert sixteen.scale.hint(3) == "3 · Practitioner"
    assert sixteen.scale.hint(2) == "1 Aware … 5 Expert"
    assert sixteen.scale.midpoint == 3


# --- strengths and gaps ----------------------------------------------------------------------


def test_strengths_are_above_the_midpoint_top_three(tmp_path: Path) -> None:
    """On 1-5: 3 (the midpoint) and below never; 4s and 5s, highest first, ties in framework order, at most three."""
    context = open_framework(tmp_path, "sixteen-areas")
    ids = context.framework.area_ids
    wheel = rate(context, {ids[0]: [3, 5], ids[1]: [4, 4], ids[2]: [1, 2], ids[3]: [5, 5], ids[4]: [4, 4], ids[5]: [4, 5]})
    top = analysis.top_strengths(wheel, context.framework)
    assert [(s.area.id, s.value) for s in top] == [(ids[3], 5), (ids[1], 4), (ids[4], 4)]
    context.close()


def test_zero_is_never_a_strength(context: AppContext) -> None:
    """An AHEP wheel rated 0, 5 and 6: only 6 is a strength; the report and plan agree."""
    fw = context.framework
    wheel = context.assessments.create(fw, "Low")
    for area, value in zip(fw.area_ids, (0, 5, 6, 0)):
        wheel = context.assessments.set_rating(wheel.id, fw, area, "current", value)
    assert [s.value for s in analysis.top_strengths(wheel, fw)] == [6]
    report = build_report(wheel, fw, wheel_text=lambda w, f: "")
    assert "**Top strengths** (rated above the midpoint, 5, in “How confident I feel now”):" in report
    strengths = report.split("**Top strengths**")[1].split("\n\n")[0]
    assert strengths.splitlines()[1:] == ["- Working Together: 6"]
    found = suggest_objectives(wheel, fw, today=date(2026, 11, 1))
    assert [s.title for s in found if s.kind == "strength"] == ["Share my strength: Working Together"]
    assert not any("rated 0" in s.reason for s in found)


def test_four_series_report_names_the_series(tmp_path: Path) -> None:
    """Gaps from the baseline to each other series, named by the titles; no 'Organisation needs', letters H M W P."""
    context = open_framework(tmp_path, "four-series")
    wheel = rate(context, {"chemical-handling": [12, 18, 15, 11], "equipment": [15, 15, 20, None], "emergencies": [0, 20, 10, 5]})
    report = build_report(wheel, context.framework)
    assert "Scale: 0 Never done it … 20 Could teach it (also 10 Confident)" in report
    assert "| Skill | How I do it now (H) | My goal this year (M) | What my manager expects (W) | How my peers see me (P) | Note |" in report
    assert "Chemical handling  H ██████░░░░ 12  M █████████░ 18  W ████████░░ 15  P ██████░░░░ 11" in report
    assert "**Top strengths** (rated above the midpoint, 10, in “How I do it now”):\n- Equipment: 15\n- Chemical handling: 12\n" in report
    assert ("**Gaps from How I do it now to My goal this year** (largest gap first):\n"
            "- Emergencies: 0 → 20 (gap 20)\n- Chemical handling: 12 → 18 (gap 6)\n") in report
    assert "**Gaps from How I do it now to What my manager expects** (largest gap first):" in report
    assert "**Gaps from How I do it now to How my peers see me** (largest gap first):\n- Emergencies: 0 → 5 (gap 5)\n" in report
    for word in ("Organisation needs", "organisation", "would like", "how confident", "Development needs"):
        assert word not in report
    legend = charts.legend(charts.wheel_data(context.framework, wheel), 120)
    assert legend[0].startswith("H • How I do it now (mean 9.0)")
    assert "Scale 0 Never done it … 20 Could teach it (also 10 Confident)   rings at 10 and 20" in legend
    context.close()


def test_plan_suggestions_on_a_framework_without_exemplars(tmp_path: Path) -> None:
    """No exemplars: no "Read the exemplars"; titles are "Develop: <title>"; gaps named by the series titles."""
    context = open_framework(tmp_path, "sixteen-areas")
    ids = context.framework.area_ids
    wheel = rate(context, {ids[0]: [1, 5], ids[1]: [5, 5], ids[2]: [2, 4]})
    found = suggest_objectives(wheel, context.framework, today=date(2026, 11, 1))
    assert [(s.kind, s.title) for s in found] == [
        ("gap", "Develop: Reproducible research practice and open scholarship"),
        ("gap", "Develop: Testing, continuous integration and automated quality assurance"),
        ("strength", "Share my strength: Software design and architecture for long-lived research codes"),
    ]
    assert found[0].reason == ("Reproducible research practice and open scholarship has a gap of 4 "
                               "(1 in “Where I am today”, 5 in “What my team needs”).")
    assert all("exemplars" not in s.activities for s in found)
    assert found[2].reason.endswith("is rated 5 in “Where I am today”, above the scale's midpoint (3).")
    context.close()


def test_an_area_with_exemplars_is_told_to_read_them(context: AppContext) -> None:
    """AHEP has exemplars, so a gap suggestion still says to read them."""
    fw: Framework = context.framework
    wheel = context.assessments.create(fw, "Gap")
    wheel = context.assessments.set_rating(wheel.id, fw, fw.area_ids[0], "current", 2)
    wheel = context.assessments.set_rating(wheel.id, fw, fw.area_ids[0], "aspiration", 8)
    (found,) = suggest_objectives(wheel, fw)
    assert found.title == f"Develop: {fw.areas[0].title}"
    assert found.activities.startswith("Read the exemplars for this commitment; agree one piece of work")
