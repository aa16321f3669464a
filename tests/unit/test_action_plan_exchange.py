"""Action plans travel in the "all data" export and import: the same plan comes back, bad ones change nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.core.action_plans import plan_to_dict
from tui.cli.main import main
from tui.context import AppContext


def test_plans_round_trip_and_duplicates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The demo's plans export and import into an empty database unchanged; a second import is skipped."""
    demo = AppContext.open_demo(user_dir=tmp_path / "none")
    source = demo.db.path
    before = [plan_to_dict(p) for p in demo.action_plans.list()]
    out = tmp_path / "all.json"
    assert main(["export", "--db", str(source), "-o", str(out)]) == 0
    demo.close()
    target = tmp_path / "b" / "db.json"
    capsys.readouterr()
    assert main(["import", "--db", str(target), str(out)]) == 0
    assert "2 action plans" in capsys.readouterr().out
    again = AppContext.open(target, user_dir=tmp_path / "none")
    after = [plan_to_dict(p) for p in again.action_plans.list()]
    again.close()
    strip = lambda plans: sorted((json.dumps({k: v for k, v in p.items() if k != "updated"}, sort_keys=True) for p in plans))  # noqa: E731
    assert strip(after) == strip(before)
    assert main(["import", "--db", str(target), str(out)]) == 0
    assert "was already imported" in capsys.readouterr().out


def test_bad_plan_rating_is_reported_and_nothing_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A rating that is not red, amber or green is named with its field; nothing from the file is stored."""
    demo = AppContext.open_demo(user_dir=tmp_path / "none")
    out = tmp_path / "all.json"
    assert main(["export", "--db", str(demo.db.path), "-o", str(out)]) == 0
    demo.close()
    document = json.loads(out.read_text(encoding="utf-8"))
    document["action_plans"][0]["sections"][1]["items"][0]["rag"] = "purple"
    out.write_text(json.dumps(document), encoding="utf-8")
    capsys.readouterr()
    target = tmp_path / "b" / "db.json"
    assert main(["import", "--db", str(target), str(out)]) == 1
    assert "action_plans[0].sections[1].items[0].rag: 'purple' is not red, amber, green or empty" in capsys.readouterr().err
    again = AppContext.open(target, user_dir=tmp_path / "none")
    assert again.action_plans.list() == [] and again.assessments.count() == 0
    again.close()
