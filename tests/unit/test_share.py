"""Share files for a team profile: ratings only by default, what is ticked in, the CLI, and import."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from tests.unit.test_development_plan import rated_wheel
from tui.cli.main import main
from tui.context import AppContext
from tui.core.exchange.share import share_document
from tui.core.exchange.wheels import check_assessment
from tui.core.wheels import Assessment

NOTE, ANSWER = "Private café note ✓", "Monthly with Zoë"
"""Texts that must never leave in a share file unless ticked in."""


def sample() -> Assessment:
    """A wheel with a label, a person, ratings, a note and a reflection answer."""
    return Assessment(id=3, framework_id="ahep", framework_version="2024", label="Before my 1:1",
                      created="2026-11-22T10:15:00+00:00", updated="2026-11-22T10:15:00+00:00", person="Stored Name",
                      ratings={"working-together": {"current": 6}}, notes={"working-together": NOTE},
                      reflections={"1": ANSWER})


def test_default_share_is_ratings_only() -> None:
    """No notes, reflections, label, person or share key; the stored person is never copied."""
    doc = share_document(sample())
    assert set(doc) == {"format", "framework", "created", "ratings"}
    assert doc["ratings"] == {"working-together": {"current": 6}}
    assert "Stored Name" not in json.dumps(doc)


def test_ticks_add_what_is_ticked() -> None:
    """Each tick adds its part; a typed name goes in; named adds share: named."""
    doc = share_document(sample(), notes=True, reflections=True, label=True, person=" P-07 ", named=True)
    assert doc["notes"] == {"working-together": NOTE}
    assert doc["reflections"] == {"1": ANSWER}
    assert doc["label"] == "Before my 1:1"
    assert doc["person"] == "P-07" and doc["share"] == "named"
    assert "share" not in share_document(sample(), person="P-07")


def test_named_needs_a_person() -> None:
    """Agreeing to be named without a name is refused."""
    with pytest.raises(ValueError):
        share_document(sample(), named=True, person="  ")


def test_import_accepts_share_and_refuses_a_bad_value(context: AppContext) -> None:
    """A share file imports; a share value other than "named" is refused naming the field."""
    doc = share_document(sample(), person="P-07", named=True)
    problems, wheel = check_assessment(doc, context.catalog)
    assert problems == [] and wheel is not None and wheel.person == "P-07"
    problems, wheel = check_assessment({**doc, "share": "yes"}, context.catalog)
    assert wheel is None and [field for field, _ in problems] == ["share"]


def wheel_with_text(db: Path) -> int:
    """A database with one rated wheel carrying a note and a reflection; its id."""
    context = AppContext.open(db)
    try:
        wheel = rated_wheel(context)
        context.assessments.set_note(wheel.id, "working-together", NOTE)
        context.assessments.set_reflection(wheel.id, 1, ANSWER)
        return wheel.id
    finally:
        context.close()


def test_cli_share_to_stdout_has_no_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """export --id N --share prints the ratings only; the note and answer are not in it."""
    db = tmp_path / "db.json"
    wheel_id = wheel_with_text(db)
    assert main(["export", "--db", str(db), "--id", str(wheel_id), "--share"]) == 0
    out = capsys.readouterr().out
    assert NOTE not in out and ANSWER not in out
    doc = json.loads(out)
    assert set(doc) == {"format", "framework", "created", "ratings"} and doc["ratings"]


def test_cli_share_to_a_file_with_ticks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """-o writes a private file; --notes --person --named add them, --reflections left out stays out."""
    db = tmp_path / "db.json"
    wheel_id = wheel_with_text(db)
    target = tmp_path / "share.json"
    assert main(["export", "--db", str(db), "--id", str(wheel_id), "--share", "--notes", "--person", "P-07",
                 "--named", "-o", str(target)]) == 0
    doc = json.loads(target.read_text(encoding="utf-8"))
    assert doc["notes"]["working-together"] == NOTE and doc["share"] == "named" and doc["person"] == "P-07"
    assert ANSWER not in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert main(["import", "--db", str(tmp_path / "other.json"), str(target)]) == 0


@pytest.mark.parametrize("args, words", [
    (["--share"], "--share needs --id"),
    (["--id", "1", "--share", "--named"], "--named needs --person"),
    (["--id", "1", "--notes"], "--notes goes with --share"),
    (["--id", "1", "--share", "--format", "csv"], "--share writes JSON"),
])
def test_cli_share_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], words: str) -> None:
    """Sharing options used wrongly: exit 2 with a sentence saying why."""
    db = tmp_path / "db.json"
    wheel_with_text(db)
    assert main(["export", "--db", str(db), *args]) == 2
    assert words in capsys.readouterr().err
