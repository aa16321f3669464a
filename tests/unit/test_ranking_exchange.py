"""Rankings travel in the "all data" export and import, and appear in the 1:1 report."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.context import AppContext
from tui.transfer import report_for


def fill(db: Path) -> None:
    """A database with a wheel and a ranking with a tie at 1."""
    context = AppContext.open(db, user_dir=db.parent / "none")
    fw = context.framework
    wheel = context.assessments.create(fw, "Before my 1:1")
    for area, (now, wish) in {"working-together": (3, 8), "service-excellence": (5, 6)}.items():
        context.assessments.set_rating(wheel.id, fw, area, "current", now)
        context.assessments.set_rating(wheel.id, fw, area, "aspiration", wish)
    ranking = context.rankings.create(fw, "Library team", day="2026-11-20", notes="Agreed at the away day")
    context.rankings.set_groups(ranking.id, (("working-together", "service-excellence"), ("wider-context",)))
    context.close()


def test_rankings_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Export all, import into an empty database: the ranking, its ties and notes come back; again is a duplicate."""
    source, target = tmp_path / "a" / "db.json", tmp_path / "b" / "db.json"
    fill(source)
    out = tmp_path / "all.json"
    assert main(["export", "--db", str(source), "-o", str(out)]) == 0
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["rankings"][0]["groups"][0] == ["working-together", "service-excellence"]
    capsys.readouterr()
    assert main(["import", "--db", str(target), str(out)]) == 0
    assert "1 ranking" in capsys.readouterr().out
    context = AppContext.open(target, user_dir=tmp_path / "none")
    ranking = context.rankings.latest("ahep")
    assert ranking.name == "Library team" and ranking.notes == "Agreed at the away day"
    assert ranking.groups[0] == ("working-together", "service-excellence")
    context.close()
    assert main(["import", "--db", str(target), str(out)]) == 0
    assert "the ranking 'Library team' was already imported" in capsys.readouterr().out


def test_bad_ranking_imports_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown area in a ranking is reported with its field; nothing from that file is written."""
    source = tmp_path / "a" / "db.json"
    fill(source)
    out = tmp_path / "all.json"
    assert main(["export", "--db", str(source), "-o", str(out)]) == 0
    document = json.loads(out.read_text(encoding="utf-8"))
    document["rankings"][0]["groups"][1] = ["no-such-area"]
    out.write_text(json.dumps(document), encoding="utf-8")
    capsys.readouterr()
    target = tmp_path / "b" / "db.json"
    assert main(["import", "--db", str(target), str(out)]) == 1
    err = capsys.readouterr().err
    assert "rankings[0].groups[1]: " in err and "'no-such-area' is not an area of AHEP Professional Framework" in err
    context = AppContext.open(target, user_dir=tmp_path / "none")
    assert context.rankings.count() == 0 and context.assessments.count() == 0
    context.close()


def test_report_shows_ranking_and_important_gap(tmp_path: Path) -> None:
    """The 1:1 report carries the team ranking and flags an important area with a big gap."""
    db = tmp_path / "db.json"
    fill(db)
    context = AppContext.open(db, user_dir=tmp_path / "none")
    wheel = context.assessments.latest("ahep")
    text = report_for(context, wheel)
    assert "## Team ranking" in text
    assert "| 1= | 3. Working Together |" in text
    assert "- ! 3. Working Together: rank 1, gap 5 (now to would like)" in text
    context.close()
