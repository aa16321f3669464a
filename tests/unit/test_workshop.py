"""Workshop sequences: the default steps, the record round trip, bad records refused by step, dropped steps, storage."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from tui.context import AppContext
from tui.core.model import Framework
from tui.core.workshop import (
    BOARD, COMMITMENT, SPREAD, TEAM_RANKING, TEAM_WHEEL, WorkshopError, WorkshopSequence, WorkshopStep, check_steps,
    default_steps, fitted_steps, moved, step_heading, step_title,
)


@pytest.fixture
def ahep(context: AppContext) -> Framework:
    """The shipped AHEP framework (8 commitments)."""
    framework = context.catalog.get("ahep")
    assert framework is not None
    return framework


def test_default_steps_every_commitment_the_wheel_each_spread_the_ranking_the_board(ahep: Framework) -> None:
    """8 commitments, the team wheel, 8 spreads, the ranking, the board: 19 in that order; fewer without data."""
    steps = default_steps(ahep, has_team=True, has_ranking=True, has_board=True)
    ids = list(ahep.area_ids)
    assert steps == (*(WorkshopStep(COMMITMENT, a) for a in ids), WorkshopStep(TEAM_WHEEL),
                     *(WorkshopStep(SPREAD, a) for a in ids), WorkshopStep(TEAM_RANKING), WorkshopStep(BOARD))
    assert len(default_steps(ahep, has_team=False, has_ranking=True, has_board=False)) == 8
    assert default_steps(ahep, True, False, False)[-1] == WorkshopStep(SPREAD, ids[-1])


def test_step_titles_and_the_position(ahep: Framework) -> None:
    """"3 of 19 · Commitment: 3. Working Together"; the wheel, spread, ranking and board by name."""
    steps = default_steps(ahep, True, True, True)
    assert step_heading(ahep, steps, 2) == "3 of 19 · Commitment: 3. Working Together"
    assert step_title(ahep, WorkshopStep(SPREAD, "working-together")) == "Spread: 3. Working Together"
    assert step_title(ahep, WorkshopStep(TEAM_WHEEL)) == "Team wheel (medians)"
    assert step_heading(ahep, steps, 18) == "19 of 19 · RAG board"


def test_the_record_round_trip(ahep: Framework) -> None:
    """A sequence written and read back is the same, and its JSON names kind and area only."""
    sequence = WorkshopSequence(7, "Away day", "ahep", 3, None, default_steps(ahep, True, True, False),
                                "2026-12-02T09:00:00+00:00", "2026-12-02T09:05:00+00:00")
    record = json.loads(json.dumps(sequence.to_record()))
    assert record["steps"][0] == {"kind": "commitment", "area": "professional-development"}
    assert record["steps"][8] == {"kind": "team-wheel"}
    assert WorkshopSequence.from_record({**record, "id": 7}) == sequence


@pytest.mark.parametrize("steps, message", [
    ([{"kind": "team-wheel"}, {"kind": "pie"}], "step 2: unknown kind 'pie'"),
    ([{"kind": "spread"}], "step 1: a spread step needs the id of an area"),
    ([{"kind": "commitment", "area": ""}], "step 1: a commitment step needs the id of an area"),
    (["board"], "step 1: not an object with a kind"),
])
def test_bad_steps_are_refused_naming_the_step(steps: list[object], message: str) -> None:
    """An unknown kind, a missing area or a step that is no object: WorkshopError naming the step."""
    with pytest.raises(WorkshopError, match=message):
        WorkshopSequence.from_record({"name": "X", "framework_id": "ahep", "steps": steps})


@pytest.mark.parametrize("record, message", [
    ({"framework_id": "ahep", "steps": []}, "needs a name"),
    ({"name": "X", "steps": []}, "no framework id"),
    ({"name": "X", "framework_id": "ahep", "steps": {}}, "the steps are not a list"),
    ({"name": "X", "framework_id": "ahep", "steps": [], "team_profile_id": "3"}, "team_profile_id is not a record id"),
])
def test_bad_records_are_refused_with_a_message(record: dict[str, object], message: str) -> None:
    """A record without a name or framework, steps that are no list, an id that is no id."""
    with pytest.raises(WorkshopError, match=message):
        WorkshopSequence.from_record(record)


def test_an_unknown_area_is_refused_or_dropped_with_a_message(ahep: Framework) -> None:
    """check_steps names the step whose area is unknown; fitted_steps drops it and says so."""
    steps = (WorkshopStep(COMMITMENT, "working-together"), WorkshopStep(SPREAD, "gone-area"), WorkshopStep(BOARD))
    with pytest.raises(WorkshopError, match="step 2: .* has no commitment 'gone-area'"):
        check_steps(ahep, steps)
    kept, dropped = fitted_steps(ahep, steps)
    assert kept == (steps[0], steps[2])
    assert len(dropped) == 1 and "Step 2 (spread of 'gone-area') was left out" in dropped[0]


def test_moving_a_step_stops_at_the_ends() -> None:
    """moved() moves one place and never past the first or last."""
    steps = (WorkshopStep(TEAM_WHEEL), WorkshopStep(TEAM_RANKING), WorkshopStep(BOARD))
    assert moved(steps, 0, 1) == ((steps[1], steps[0], steps[2]), 1)
    assert moved(steps, 0, -1) == (steps, 0)
    assert moved(steps, 2, 5) == (steps, 2)


def test_the_repository_round_trip_on_disk(context: AppContext, ahep: Framework, db_path: Path, tmp_path: Path) -> None:
    """Add, rename, replace steps, list, saved work and delete, read again from the file on disk."""
    repository = context.workshops
    added = repository.add(WorkshopSequence(0, "  Away day ", "ahep", None, None, default_steps(ahep, False, False, False)))
    assert added.id > 0 and added.name == "Away day" and added.created
    repository.rename(added.id, "Spring away day")
    new_steps = (WorkshopStep(BOARD), WorkshopStep(COMMITMENT, "working-together"))
    repository.replace_steps(added.id, new_steps, None, 4)
    with pytest.raises(ValueError, match="needs a name"):
        repository.rename(added.id, "  ")
    context.db.close()
    stored = json.loads(db_path.read_text(encoding="utf-8"))
    assert [r["name"] for r in stored["workshops"].values()] == ["Spring away day"]
    reopened = AppContext.open(db_path, user_dir=tmp_path / "user-frameworks")
    try:
        again = reopened.workshops.get(added.id)
        assert again is not None and again.steps == new_steps and again.action_plan_id == 4
        assert [(w.kind, w.title, w.detail) for w in reopened.workshops.saved_work()] == [("workshop", "Spring away day", "2 steps")]
        assert any(w.kind == "workshop" for w in reopened.saved_work())
        reopened.workshops.delete(added.id)
        assert reopened.workshops.list() == []
    finally:
        reopened.close()


def test_the_demo_has_a_demo_workshop(tmp_path: Path) -> None:
    """--demo keeps "Demo workshop" over the newest demo team profile and the first demo action plan."""
    demo = AppContext.open_demo(user_dir=tmp_path / "u")
    try:
        [sequence] = demo.workshops.list()
        assert sequence.name == "Demo workshop"
        assert sequence.team_profile_id == demo.team_profiles.list("ahep")[0].id
        assert sequence.action_plan_id == min(p.id for p in demo.action_plans.list())
        assert sequence.steps[-1] == WorkshopStep(BOARD) and WorkshopStep(TEAM_RANKING) in sequence.steps
        assert replace(sequence, id=0).framework_id == "ahep"
    finally:
        demo.close()


def test_export_and_import_carry_workshops_without_their_record_links(context: AppContext, ahep: Framework,
                                                                       tmp_path: Path) -> None:
    """The all-data bundle has a workshops list; a fresh database stores them, with no team profile or plan, and says so."""
    from tui.core.exchange import to_json
    from tui.transfer import export_all, import_files

    steps = (WorkshopStep(COMMITMENT, "working-together"), WorkshopStep(TEAM_WHEEL), WorkshopStep(BOARD))
    context.workshops.add(WorkshopSequence(0, "Away day", "ahep", 3, 4, steps, "2026-12-02T09:00:00+00:00",
                                           "2026-12-02T09:00:00+00:00"))
    bundle = export_all(context)
    assert bundle["workshops"] == [{"format": "framewheel/workshop@1", "framework": {"id": "ahep"}, "name": "Away day",
                                    "created": "2026-12-02T09:00:00+00:00", "updated": "2026-12-02T09:00:00+00:00",
                                    "steps": [s.to_record() for s in steps]}]
    path = tmp_path / "all.json"
    path.write_text(to_json(bundle), encoding="utf-8")
    fresh = AppContext.open(tmp_path / "fresh" / "framewheel.json", user_dir=tmp_path / "user-frameworks")
    try:
        outcomes = import_files(fresh, [str(path)])
        assert all(not o.problems for o in outcomes), [o.problems for o in outcomes]
        assert any("t and b in the sequence choose them" in n for o in outcomes for n in o.notices)
        [imported] = fresh.workshops.list()
        assert imported.steps == steps and imported.team_profile_id is None and imported.action_plan_id is None
        again = import_files(fresh, [str(path)])
        assert len(fresh.workshops.list()) == 1 and any(o.duplicates for o in again)
    finally:
        fresh.close()


def test_an_imported_workshop_with_a_bad_step_is_refused_by_field(context: AppContext) -> None:
    """An unknown kind and an unknown area are reported by the step's field; nothing is stored."""
    from tui.core.workshop_exchange import check_workshop

    doc = {"format": "framewheel/workshop@1", "framework": {"id": "ahep"}, "name": "X",
           "steps": [{"kind": "team-wheel"}, {"kind": "pie"}, {"kind": "spread", "area": "nowhere"}]}
    problems, sequence = check_workshop(doc, context.catalog)
    assert sequence is None
    assert ("steps[1]", "unknown kind 'pie' (one of commitment, team-wheel, spread, team-ranking, board)") in problems
    assert ("steps[2]", "AHEP Professional Framework has no commitment 'nowhere'") in problems
