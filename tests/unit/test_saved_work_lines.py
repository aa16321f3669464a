"""The home list's lines of each activity are built once and kept until their table changes.

The home screen asks every activity for its saved-work lines each time it comes back to the
front. With a plan of a thousand items, or thousands of rankings, building every record on
each return is what made going home slow; the lines are kept with the data instead.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from tui.core import action_plans
from tui.storage.database import Database
from tui.storage.repositories.action_plans import ActionPlanRepository


@pytest.fixture()
def plans(tmp_path: Path) -> ActionPlanRepository:
    """An action-plan repository on a fresh data file with two plans."""
    db = Database(tmp_path / "framewheel.json")
    repository = ActionPlanRepository(db)
    repository.create("Technician Commitment 2026", period_from="2026", period_to="2028")
    repository.create("Green lab")
    return repository


def test_lines_are_built_once_while_nothing_changes(plans: ActionPlanRepository, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second and third ask build no plan: the lines kept from the first are given."""
    first = plans.saved_work()
    built: list[int] = []
    real = action_plans.ActionPlan.from_record
    monkeypatch.setattr(action_plans.ActionPlan, "from_record", staticmethod(lambda r: built.append(1) or real(r)))
    assert plans.saved_work() == first
    assert plans.saved_work() == first
    assert built == []
    assert sorted(line.title for line in first) == ["Green lab", "Technician Commitment 2026"]
    assert {line.title: line.detail for line in first}["Technician Commitment 2026"] == "2026 to 2028"


def test_a_change_shows_in_the_next_lines(plans: ActionPlanRepository) -> None:
    """Renaming a plan changes its line at once (the kept lines go with the write)."""
    plans.saved_work()
    plan = next(p for p in plans.list() if p.project == "Green lab")
    plans.save(replace(plan, project="Greener lab"))
    assert sorted(line.title for line in plans.saved_work()) == ["Greener lab", "Technician Commitment 2026"]
    assert plans.saved_work()[0].title == "Greener lab"  # the most recently changed first


def test_a_change_by_another_program_shows_too(plans: ActionPlanRepository, tmp_path: Path) -> None:
    """A plan added through another open of the same file is listed on the next ask."""
    plans.saved_work()
    with Database(tmp_path / "framewheel.json") as other:
        ActionPlanRepository(other).create("Added elsewhere")
    assert "Added elsewhere" in [line.title for line in plans.saved_work()]


def test_each_activity_names_the_table_its_repository_keeps(tmp_path: Path) -> None:
    """The table an activity declares for its saved work is the one its repository writes to."""
    from tui.activities import ACTIVITIES

    with Database(tmp_path / "framewheel.json") as db:
        for activity in ACTIVITIES:
            if activity.work_kind and activity.repository is not None:
                assert activity.work_table, activity.name
                assert activity.repository(db)._records.name == activity.work_table, activity.name


def test_the_home_list_of_an_empty_file_loads_no_activity_module(tmp_path: Path) -> None:
    """Nothing saved yet: the home list is read without importing any activity's repository."""
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    code = ("import sys; from pathlib import Path; from tui.context import AppContext; "
            f"c = AppContext.open(Path({str(tmp_path / 'framewheel.json')!r})); print(c.recent_work(30)[1]); "
            "print(sorted(m for m in sys.modules if m.startswith('tui.storage.repositories.')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root).stdout
    assert out.split("\n")[:2] == ["0", "[]"]


def test_saved_work_of_each_kind_is_on_the_home_list(plans: ActionPlanRepository, tmp_path: Path) -> None:
    """A table with records is asked: the plans made above are in the context's work list."""
    from tui.context import AppContext

    plans._records._db.close()
    context = AppContext.open(tmp_path / "framewheel.json")
    shown, total = context.recent_work(30)
    assert total == 2 and {item.title for item in shown} == {"Green lab", "Technician Commitment 2026"}
    context.close()


def test_the_newest_wheels_are_the_newest_of_all_lines_and_follow_a_change(tmp_path: Path) -> None:
    """The home list's newest wheels, made without a line per wheel, are those of all the lines, in their order.

    Wheels changed at the same moment keep the order of all the lines (the lower id first), and a
    rating saved moves its wheel to the top.
    """
    import heapq

    from tui.core.frameworks import load_catalog
    from tui.storage.repositories.wheels import AssessmentRepository

    framework = load_catalog().get("ahep")
    with Database(tmp_path / "framewheel.json") as db:
        wheels = AssessmentRepository(db)
        made = [wheels.create(framework, label=f"Wheel {n}") for n in range(12)]
        for number, wheel in enumerate(made):  # each changed on its own day, five of them at the same moment
            moment = "2026-01-05T10:00:00" if 3 <= number < 8 else f"2026-01-{10 + number:02d}T09:00:00"
            db.collection("assessments").update(wheel.id, {"updated": moment})

        def newest_of_all(limit: int) -> list[object]:
            """What the home list showed before: the newest of every line, by a stable heap."""
            return heapq.nlargest(limit, wheels.saved_work(), key=lambda line: line.updated)

        for limit in (1, 4, 9, 12, 30):
            lines, count = wheels.recent_work(limit)
            assert count == 12 and lines == newest_of_all(limit), limit
        wheels.set_rating(made[5].id, framework, framework.areas[0].id, framework.series[0].id, 3)
        lines, _ = wheels.recent_work(4)
        assert lines[0].record_id == made[5].id and lines == newest_of_all(4)
