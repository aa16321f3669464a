"""The development plan's repository and the suggestions drawn from a wheel."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tui.core.wheels import Assessment
from tui.context import AppContext
from tui.core.development_plan import PlanError, fill_demo_plan, suggest_objectives
from tui.core.model import Framework

NOW = {"professional-development": 4, "responsible-practice": 9, "working-together": 5, "sustainable-approaches": 8,
       "results-and-accountability": 6, "agile-and-adaptable": 5, "service-excellence": 3, "wider-context": 6}
WISH = {"professional-development": 7, "service-excellence": 9, "wider-context": 6}
NEED = {"professional-development": 9, "agile-and-adaptable": 7, "wider-context": 8}


def rated_wheel(context: AppContext) -> Assessment:
    """A stored AHEP wheel with known gaps (service excellence 6, prof. dev. 5, wider context 2, agile 2)."""
    framework = context.framework
    wheel = context.assessments.create(framework, "Before my 1:1")
    for series, values in (("current", NOW), ("aspiration", WISH), ("organisation", NEED)):
        for area, value in values.items():
            wheel = context.assessments.set_rating(wheel.id, framework, area, series, value)
    return wheel


def add(context: AppContext, title: str, **more: object) -> int:
    """Add a valid objective; return its id."""
    fields = {"areas": ("working-together",), "success_criteria": "Done well", **more}
    return context.development_plan.add(context.framework, title=title, **fields).id


def test_add_update_move_delete(context: AppContext) -> None:
    """Objectives keep their order; moves swap neighbours; updates and deletes are stored."""
    plan = context.development_plan
    first, second, third = add(context, "One"), add(context, "Two"), add(context, "Three", target_date="2027-01-31")
    assert [o.title for o in plan.list("ahep")] == ["One", "Two", "Three"]
    assert plan.move(third, -1) and [o.title for o in plan.list("ahep")] == ["One", "Three", "Two"]
    assert not plan.move(first, -1)
    plan.update(second, context.framework, status="done", review_notes="Went well")
    stored = plan.get(second)
    assert stored is not None and stored.status == "done" and stored.review_notes == "Went well" and not stored.is_open
    assert [o.title for o in plan.open_objectives("ahep")] == ["One", "Three"]
    plan.delete(first)
    assert [o.title for o in plan.list("ahep")] == ["Three", "Two"]


def test_invalid_objective_is_refused_with_every_problem(context: AppContext) -> None:
    """Missing title, areas and criteria, and a bad date: nothing stored, each problem named."""
    with pytest.raises(PlanError) as refused:
        context.development_plan.add(context.framework, title=" ", areas=(), success_criteria="", target_date="31/03/2027")
    assert refused.value.problems == [
        "Title: an objective needs a title",
        "Commitments: tie the objective to at least one commitment",
        "Success criteria: say how you will know the objective is met",
        "Target date: '31/03/2027' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-31",
    ]
    assert context.development_plan.count() == 0
    kept = add(context, "Kept")
    with pytest.raises(PlanError, match="2027-02-30"):
        context.development_plan.update(kept, context.framework, target_date="2027-02-30")
    assert context.development_plan.get(kept).target_date == ""  # type: ignore[union-attr]


def test_suggestions_take_largest_gaps_and_top_strengths(context: AppContext) -> None:
    """Three largest gaps (either series), then two strengths not among them, with a target 91 days on."""
    wheel = rated_wheel(context)
    found = suggest_objectives(wheel, context.framework, today=date(2026, 11, 1))
    assert [(s.kind, s.area_id) for s in found] == [
        ("gap", "service-excellence"), ("gap", "professional-development"), ("gap", "agile-and-adaptable"),
        ("strength", "responsible-practice"), ("strength", "sustainable-approaches"),
    ]
    assert found[0].reason == ("Delivering Service Excellence has a gap of 6 "
                               "(3 now, 9 where you would like to be).")
    assert found[1].success_criteria.startswith("At my next wheel I rate myself 9 or more in Empowering")
    assert all(s.target_date == "2027-01-31" for s in found)


def test_suggestions_skip_areas_the_plan_covers(context: AppContext) -> None:
    """An open objective on an area keeps it out of the suggestions; a done one does not."""
    wheel = rated_wheel(context)
    add(context, "Already", areas=("service-excellence",))
    add(context, "Finished", areas=("responsible-practice",), status="done")
    found = suggest_objectives(wheel, context.framework, existing=context.development_plan.list())
    assert "service-excellence" not in [s.area_id for s in found]
    assert ("strength", "responsible-practice") in [(s.kind, s.area_id) for s in found]


def test_saved_work_and_demo(context: AppContext) -> None:
    """The demo plan has two objectives and shows as one line of saved work."""
    fill_demo_plan(context.development_plan, context.framework)
    objectives = context.development_plan.list("ahep")
    assert len(objectives) == 2 and objectives[0].status == "in progress"
    work = [w for w in context.saved_work() if w.kind == "plan"]
    assert [w.title for w in work] == ["Plan: 2 objectives, 2 open"]


def test_objectives_need_known_areas(context: AppContext) -> None:
    """An area id the framework does not have is refused."""
    framework: Framework = context.framework
    with pytest.raises(PlanError, match="nope not in AHEP"):
        context.development_plan.add(framework, title="X", areas=("nope",), success_criteria="y")


def test_an_objective_tied_to_a_role_keeps_it_in_the_file_the_export_and_the_report(tmp_path: Path) -> None:
    """The role travels: stored, exported as "role", imported back, and named in the 1:1 report."""
    import json

    from tui.cli.main import main
    from tui.transfer import report_for

    db = tmp_path / "db.json"
    context = AppContext.open(db, user_dir=tmp_path / "u")
    framework = context.catalog.get("ahep")
    assert framework is not None
    made = context.development_plan.add(framework, title="For the role Lead: Working Together",
                                        areas=("working-together",), success_criteria="Rated 8", role="Lead")
    plain = context.development_plan.add(framework, title="Mine", areas=("working-together",), success_criteria="Yes")
    wheel = context.assessments.create(framework, "w")
    assert "   - For the role: Lead" in report_for(context, wheel)
    context.close()
    assert json.loads(db.read_text(encoding="utf-8"))["objectives"][str(made.id)]["role"] == "Lead"
    exported = tmp_path / "all.json"
    assert main(["export", "--db", str(db), "-o", str(exported)]) == 0
    objectives = json.loads(exported.read_text(encoding="utf-8"))["objectives"]
    assert [o.get("role") for o in objectives] == ["Lead", None], "only a role's objective names one"
    fresh = tmp_path / "fresh.json"
    assert main(["import", "--db", str(fresh), str(exported)]) == 0
    again = AppContext.open(fresh, user_dir=tmp_path / "u")
    assert sorted((o.title, o.role) for o in again.development_plan.list("ahep")) == [
        ("For the role Lead: Working Together", "Lead"), ("Mine", "")]
    again.close()
    assert plain.role == ""
