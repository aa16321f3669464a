"""Exchange files and the export, import and report commands: round trip, checks, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.test_development_plan import add, rated_wheel
from tui.cli.main import main
from tui.context import AppContext
from tui.core.exchange.wheels import assessment_document

ROOT = Path(__file__).resolve().parents[2]

GOOD = {
    "format": "framewheel/assessment@1",
    "framework": {"id": "ahep", "version": "2024"},
    "person": "P-07",
    "label": "Before my 1:1, November",
    "created": "2026-11-22T10:15:00+00:00",
    "ratings": {"professional-development": {"current": 6, "aspiration": 8, "organisation": 7}},
    "notes": {"professional-development": "A course in spring"},
    "reflections": {"0": "Comfortable enough"},
}


def write(path: Path, document: object) -> str:
    """Write a JSON document; return its path as text."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def stored(db: Path) -> list[dict[str, object]]:
    """The wheels in a database, in their exchange form."""
    context = AppContext.open(db)
    try:
        return [assessment_document(w) for w in context.assessments.list()]
    finally:
        context.close()


def fill(db: Path) -> None:
    """A database with two wheels (one with notes and reflections) and a plan of two objectives."""
    context = AppContext.open(db)
    try:
        wheel = rated_wheel(context)
        context.assessments.set_note(wheel.id, "working-together", "Zoë's café notes ✓")
        context.assessments.set_reflection(wheel.id, 1, "Monthly")
        context.assessments.create(context.framework, "Blank wheel", person="P-01")
        add(context, "First", target_date="2027-01-31", review_notes="ok")
        add(context, "Second", status="in progress")
    finally:
        context.close()


def test_round_trip_into_an_empty_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Export all data, import it into an empty database: the same data comes out again."""
    source, target = tmp_path / "a" / "db.json", tmp_path / "b" / "db.json"
    fill(source)
    out = tmp_path / "all.json"
    assert main(["export", "--db", str(source), "-o", str(out)]) == 0
    assert capsys.readouterr().err == f"Wrote {out}\n"
    assert main(["import", "--db", str(target), str(out)]) == 0
    assert capsys.readouterr().out == f"{out}: imported 2 wheels, 2 objectives\n"
    again = tmp_path / "again.json"
    assert main(["export", "--db", str(target), "-o", str(again)]) == 0
    first, second = (json.loads(p.read_text(encoding="utf-8")) for p in (out, again))
    first.pop("exported"), second.pop("exported")
    assert first == second
    assert [o["title"] for o in first["objectives"]] == ["First", "Second"]
    assert "Zoë's café notes ✓" in out.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o777 == 0o600


def test_one_wheel_export_is_the_public_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export --id N` prints one framewheel/assessment@1 document, which imports elsewhere."""
    db = tmp_path / "db.json"
    fill(db)
    assert main(["export", "--db", str(db), "--id", "1"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert list(document) == ["format", "framework", "person", "label", "created", "ratings", "notes", "reflections"]
    assert document["format"] == "framewheel/assessment@1" and document["framework"] == {"id": "ahep", "version": "2024"}
    assert document["ratings"]["service-excellence"] == {"current": 3, "aspiration": 9}
    path = write(tmp_path / "one.json", document)
    assert main(["import", "--db", str(tmp_path / "other.json"), path]) == 0
    assert stored(tmp_path / "other.json") == [document]


def test_import_checks_everything_and_names_file_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Off-scale, unknown area, unknown series, bad date, unknown framework: each reported; nothing from those files written."""
    team = tmp_path / "team"
    bad = {**GOOD, "ratings": {"working-together": {"current": 11, "aspirations": 5}, "teamwork": {"current": 3}},
           "created": "yesterday", "reflections": {"12": "?"}}
    paths = [
        write(team / "ana.json", bad),
        write(team / "ben.json", {**GOOD, "framework": {"id": "sfia", "version": "9"}}),
        write(team / "cat.json", GOOD),
    ]
    (team / "dan.json").write_text("{\n  \"format\": ", encoding="utf-8")
    paths.append(str(team / "dan.json"))
    db = tmp_path / "db.json"
    assert main(["import", "--db", str(db), *paths]) == 1
    err = capsys.readouterr()
    ana, ben, dan = paths[0], paths[1], paths[3]
    for line in (
        f"{ana}: created: \"yesterday\" is not a date and time like 2026-11-22T10:15:00+00:00",
        f"{ana}: ratings.working-together.current: 11 is off the scale 0-10",
        f"{ana}: ratings.working-together.aspirations: 'aspirations' is not a series (current, aspiration, organisation)",
        f"{ana}: ratings.teamwork: 'teamwork' is not a commitment of ahep",
        f"{ana}: reflections.12: is not a reflection question (0 to 7)",
        f"{ana}: not imported (5 problem(s)); nothing from it was written",
        f"{ben}: framework.id: 'sfia' is not a loaded framework (loaded: ahep, aspect-core-principles, technician-commitment)",
        f"{dan}: line 2 column 13: not valid JSON: Expecting value",
        "3 of 4 file(s) had problems and were not imported",
    ):
        assert line in err.err.splitlines(), line
    assert err.out == (f"{paths[2]}: the wheel of 'P-07' goes into your own wheel history; to combine a team's share files "
                       "without adding them to your wheels, use 'framewheel team FILE|FOLDER...' or t (Team profile) on home\n"
                       f"{paths[2]}: imported 1 wheel\n")
    assert [w["label"] for w in stored(db)] == ["Before my 1:1, November"]


def test_bad_file_writes_nothing(tmp_path: Path) -> None:
    """A file with one bad value among good ones leaves the database exactly as it was."""
    db = tmp_path / "db.json"
    fill(db)
    before = db.read_bytes()
    bundle = tmp_path / "all.json"
    assert main(["export", "--db", str(db), "-o", str(bundle)]) == 0
    document = json.loads(bundle.read_text(encoding="utf-8"))
    document["assessments"].append({**GOOD, "ratings": {"working-together": {"current": "six"}}})
    document["objectives"][0]["target_date"] = "soon"
    path = write(tmp_path / "broken.json", document)
    run = subprocess.run([sys.executable, "-m", "tui", "import", "--db", str(db), path], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1
    assert f"{path}: assessments[2].ratings.working-together.current: \"six\" is not a whole number on the scale 0-10" in run.stderr
    assert f"{path}: objectives[0].target_date: 'soon' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-31" in run.stderr
    assert "Traceback" not in run.stderr
    assert db.read_bytes() == before


def test_already_imported_is_not_imported_twice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same wheel again (in a later run, or twice in one run) is reported and skipped."""
    db = tmp_path / "db.json"
    first, copy = write(tmp_path / "ana.json", GOOD), write(tmp_path / "copy.json", GOOD)
    assert main(["import", "--db", str(db), first]) == 0
    capsys.readouterr()
    assert main(["import", "--db", str(db), first]) == 0
    assert capsys.readouterr().out == (
        f"{first}: the wheel 'Before my 1:1, November' of 2026-11-22T10:15:00+00:00 was already imported; not imported again\n"
    )
    assert main(["import", "--db", str(tmp_path / "fresh.json"), first, copy]) == 0
    out = capsys.readouterr().out
    assert f"{first}: imported 1 wheel" in out and f"{copy}: the wheel" in out
    assert len(stored(db)) == 1 and len(stored(tmp_path / "fresh.json")) == 1


def test_not_an_exchange_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A JSON file of another kind, a missing file: clear messages, exit 1."""
    other = write(tmp_path / "other.json", {"format": "something/else@2"})
    missing = str(tmp_path / "missing.json")
    assert main(["import", "--db", str(tmp_path / "db.json"), other, missing]) == 1
    err = capsys.readouterr().err
    assert f'{other}: format: "something/else@2" is not framewheel/assessment@1, framewheel/ranking@1, framewheel/action-plan@1, framewheel/role@1 or framewheel/export@1' in err
    assert f"{missing}: the file does not exist" in err


def test_csv_and_markdown_exports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """CSV has one row per area and series; Markdown is the 1:1 report of each wheel."""
    db = tmp_path / "db.json"
    fill(db)
    assert main(["export", "--db", str(db), "--format", "csv", "--id", "1"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0] == "wheel_id,framework,framework_version,person,label,created,area,series,value,note,series_letter,series_title"
    assert len(rows) == 1 + 8 * 3
    assert any(r.startswith("1,ahep,2024,,Before my 1:1,") and r.endswith(",service-excellence,current,3,,N,How confident I feel now")
               for r in rows)
    assert main(["export", "--db", str(db), "--format", "md"]) == 0
    text = capsys.readouterr().out
    assert text.count("# 1:1 report: ") == 2 and "\n---\n" in text


def test_report_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """report by id, --latest, -o FILE; errors for an unknown id, no wheels, and usage."""
    db = tmp_path / "db.json"
    AppContext.open(db, user_dir=tmp_path / "none").close()  # an empty data file
    assert main(["report", "--db", str(db)]) == 1
    assert capsys.readouterr().err == "framewheel: no wheels saved yet, so there is nothing to report\n"
    fill(db)
    assert main(["report", "--db", str(db), "1"]) == 0
    assert capsys.readouterr().out.startswith("# 1:1 report: Before my 1:1\n")
    out = tmp_path / "r.md"
    assert main(["report", "--db", str(db), "--latest", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("# 1:1 report: Blank wheel")
    assert main(["report", "--db", str(db), "9"]) == 1
    assert capsys.readouterr().err.endswith("framewheel: there is no wheel with id 9\n")
    assert main(["report", "--db", str(db), "-o", str(tmp_path / "no" / "such" / "r.md")]) == 1
    assert "does not exist, so" in capsys.readouterr().err


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    """A command line that cannot be understood exits 2 with the reason on standard error."""
    for argv in (["export", "--format", "xml"], ["import"], ["report", "1", "--latest"], ["report", "one"]):
        run = subprocess.run([sys.executable, "-m", "tui", *argv, "--db", str(tmp_path / "db.json")], cwd=ROOT,
                             capture_output=True, text=True)
        assert run.returncode == 2, argv
        assert "usage: framewheel" in run.stderr and run.stdout == ""
    AppContext.open(tmp_path / "db.json", user_dir=tmp_path / "none").close()  # an empty data file
    run = subprocess.run([sys.executable, "-m", "tui", "export", "--db", str(tmp_path / "db.json"), "--id", "3"], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 1 and run.stderr == "framewheel: there is no wheel with id 3 (0 wheel(s) saved)\n"


def test_cli_never_silently_loses_or_replaces(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A damaged data file is reported; a missing one is not created by export; -o refuses links; --demo is refused."""
    damaged = tmp_path / "damaged.json"
    damaged.write_text("{broken", encoding="utf-8")
    assert main(["export", "--db", str(damaged)]) == 1, "a damaged file stops the export (never an empty one)"
    err = capsys.readouterr().err
    assert "could not be read, so it was moved to" in err and "export stopped" in err
    missing = tmp_path / "typo.json"
    assert main(["export", "--db", str(missing)]) == 1
    assert f"there is no data file at {missing}" in capsys.readouterr().err
    assert not missing.exists()
    db = tmp_path / "db.json"
    fill(db)
    target = tmp_path / "target.md"
    target.write_text("keep me", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert main(["report", "--db", str(db), "-o", str(link)]) == 1
    assert "is not a regular file" in capsys.readouterr().err
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "keep me"
    assert main(["--demo", "export"]) == 2
    assert "--demo starts the interface" in capsys.readouterr().err


def test_wheels_of_a_framework_not_loaded_are_not_reported_as_none_saved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`export --format md` and `report` on a wheel whose framework file is not given: an error that says how to load it."""
    data = ROOT / "tests" / "data" / "four-series.yaml"
    db = tmp_path / "data.json"
    first = AppContext.open(db, str(data), user_dir=tmp_path / "u")
    first.assessments.create(first.framework, "Lab wheel")
    first.close()
    assert main(["export", "--db", str(db), "--format", "md"]) == 1
    err = capsys.readouterr().err
    assert "none of the 1 wheel(s) could be reported" in err and "No wheels saved yet" not in err
    assert main(["report", "--db", str(db), "--latest"]) == 1
    assert "give its file before the command: framewheel --framework FILE" in capsys.readouterr().err
    assert main(["--framework", str(data), "report", "--db", str(db), "--latest"]) == 0
    assert "# 1:1 report: Lab wheel" in capsys.readouterr().out
