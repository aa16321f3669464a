"""The wheel repository: ratings stored, not-rated kept apart from 0, off-scale refused, ratings never lost."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tui.core.wheels import Assessment, RatingError
from tui.storage.repositories.wheels import AssessmentRepository
from tui.context import AppContext
from tui.storage.database import Database


def test_create_rate_clear_and_copy(context: AppContext) -> None:
    """Ratings are stored per area and series; None clears; a copy starts from last time."""
    repo, framework = context.assessments, context.framework
    wheel = repo.create(framework, "Before my 1:1")
    repo.set_rating(wheel.id, framework, "working-together", "current", 0)
    repo.set_rating(wheel.id, framework, "working-together", "aspiration", 8)
    stored = repo.get(wheel.id)
    assert stored.rating("working-together", "current") == 0
    assert stored.rating("working-together", "organisation") is None
    assert stored.rated_count(framework) == 2
    repo.set_rating(wheel.id, framework, "working-together", "aspiration", None)
    assert repo.get(wheel.id).ratings == {"working-together": {"current": 0}}
    copy = repo.create(framework, "Next time", copy_from=repo.get(wheel.id))
    assert copy.id != wheel.id and copy.ratings == {"working-together": {"current": 0}}
    assert [w.label for w in repo.list("ahep")][0] in {"Next time", "Before my 1:1"}
    assert len(repo.saved_work()) == 2


@pytest.mark.parametrize("value", [-1, 11, 3.5, True])
def test_off_scale_values_never_stored(context: AppContext, value: object) -> None:
    """A value off the scale (or not a whole number) is refused and nothing changes."""
    repo, framework = context.assessments, context.framework
    wheel = repo.create(framework)
    with pytest.raises(RatingError):
        repo.set_rating(wheel.id, framework, "working-together", "current", value)  # type: ignore[arg-type]
    assert repo.get(wheel.id).ratings == {}


def test_unknown_area_refused(context: AppContext) -> None:
    """Rating an area the framework does not have is refused."""
    wheel = context.assessments.create(context.framework)
    with pytest.raises(RatingError):
        context.assessments.set_rating(wheel.id, context.framework, "nope", "current", 3)


def test_ratings_of_removed_area_are_kept(context: AppContext, db_path: Path) -> None:
    """A wheel whose framework lost an area keeps that rating, reported as unplaced."""
    framework = context.framework
    repo = context.assessments
    wheel = repo.create(framework)
    repo.set_rating(wheel.id, framework, "working-together", "current", 6)
    repo.set_rating(wheel.id, framework, "wider-context", "current", 4)
    smaller = replace(framework, areas=tuple(a for a in framework.areas if a.id != "wider-context"))
    again = AssessmentRepository(Database(db_path)).get(wheel.id)
    assert again.unplaced_ratings(smaller) == {"wider-context": {"current": 4}}
    repo.set_rating(wheel.id, smaller, "working-together", "current", 7)
    assert repo.get(wheel.id).ratings == {"working-together": {"current": 7}, "wider-context": {"current": 4}}


def test_notes_reflections_rename_delete(context: AppContext) -> None:
    """Notes and reflection answers are saved; rename and delete work."""
    repo = context.assessments
    wheel = repo.create(context.framework)
    repo.set_note(wheel.id, "working-together", "Ask about the project board — 日本語")
    repo.set_reflection(wheel.id, 2, "Yes: sustainability")
    repo.rename(wheel.id, "After the away day")
    stored = repo.get(wheel.id)
    assert stored.notes == {"working-together": "Ask about the project board — 日本語"}
    assert stored.reflections == {"2": "Yes: sustainability"}
    assert stored.label == "After the away day"
    repo.set_note(wheel.id, "working-together", "")
    assert repo.get(wheel.id).notes == {}
    repo.delete(wheel.id)
    assert repo.get(wheel.id) is None and repo.count() == 0


def test_two_instances_rating_one_wheel_keep_both_ratings(db_path: Path, tmp_path: Path) -> None:
    """Instance A rates one cell and instance B (same file) another: both ratings are in the file on disk."""
    import json

    first = AppContext.open(db_path, user_dir=tmp_path / "none")
    second = AppContext.open(db_path, user_dir=tmp_path / "none")
    try:
        framework = first.framework
        (one, two), series = framework.areas[:2], framework.series[0]
        wheel = first.assessments.create(framework)
        assert second.assessments.get(wheel.id) is not None  # B has read the wheel before A changes it
        first.assessments.set_rating(wheel.id, framework, one.id, series.id, 3)
        second.assessments.set_rating(wheel.id, framework, two.id, series.id, 5)
        record = json.loads(db_path.read_text(encoding="utf-8"))["assessments"][str(wheel.id)]
        assert record["ratings"][one.id][series.id] == 3 and record["ratings"][two.id][series.id] == 5
    finally:
        first.close()
        second.close()


def test_with_rating_changes_one_cell_only() -> None:
    """Assessment.with_rating sets or clears one rating and leaves the rest (and the original) alone."""
    wheel = Assessment(id=1, framework_id="f", framework_version="1", label="w", created="c", updated="u",
                       ratings={"a": {"now": 2}, "b": {"now": 4}})
    rated = wheel.with_rating("a", "wish", 5)
    assert rated.ratings == {"a": {"now": 2, "wish": 5}, "b": {"now": 4}} and rated.updated == "u"
    cleared = rated.with_rating("b", "now", None, "later")
    assert cleared.ratings == {"a": {"now": 2, "wish": 5}} and cleared.updated == "later"
    assert wheel.ratings == {"a": {"now": 2}, "b": {"now": 4}}
