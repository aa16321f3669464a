"""``framewheel import PLAN.json``: an action plan's file on its own, as a lead might keep it or write it by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.context import AppContext

PLAN = {
    "format": "framewheel/action-plan@1", "project": "Technician Commitment 2026-2028", "author": None,
    "date": "December 2025", "period": {"from": 2026, "to": "2028"}, "status": None,
    "sections": [{"title": "Visibility", "items": [
        {"milestone": "Publish annual report", "rag": "green", "comment": None, "owner": None, "focus": [2026, 2027]},
        {"milestone": "Appoint a technician champion", "rag": "R", "comment": "Post not yet funded", "focus": None},
    ]}],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``framewheel ARGV``: the exit status, standard output and standard error."""
    status = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


def stored_plans(db_path: Path) -> list[dict[str, object]]:
    """The plans in the database file, as their exchange form."""
    context = AppContext.open(db_path)
    try:
        return [{"project": p.project, "period": p.period(), "author": p.author, "status": p.status,
                 "items": [(i.milestone, i.rag, i.comment, i.owner, i.focus) for _, _, i in p.items()]}
                for p in context.action_plans.list()]
    finally:
        context.close()


def test_a_standalone_plan_file_is_imported_and_null_means_empty(db_path: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """The plan is stored with its header; null fields are empty (never the text "None"); a second import adds nothing."""
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(PLAN), encoding="utf-8")
    status, out, err = run(capsys, "import", "--db", str(db_path), str(path))
    assert status == 0, err
    assert "1 action plan" in out
    assert stored_plans(db_path) == [{
        "project": "Technician Commitment 2026-2028", "period": "2026 to 2028", "author": "", "status": "",
        "items": [("Publish annual report", "green", "", "", (2026, 2027)),
                  ("Appoint a technician champion", "red", "Post not yet funded", "", ())],
    }]
    status, out, err = run(capsys, "import", "--db", str(db_path), str(path))
    assert len(stored_plans(db_path)) == 1
    assert "already" in (out + err)


def test_a_bad_standalone_plan_is_refused_field_by_field(db_path: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A rating that is not one and a comment that is not text are named with file and field; nothing is stored."""
    bad = json.loads(json.dumps(PLAN))
    bad["sections"][0]["items"][0]["rag"] = "blue"
    bad["sections"][0]["items"][1]["comment"] = ["not", "text"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    status, out, err = run(capsys, "import", "--db", str(db_path), str(path))
    assert status != 0
    assert f"{path}: sections[0].items[0].rag: 'blue' is not red, amber, green or empty" in err
    assert f"{path}: sections[0].items[1].comment: must be text" in err
    assert stored_plans(db_path) == []
