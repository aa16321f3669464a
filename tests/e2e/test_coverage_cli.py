"""``framewheel import CATALOGUE.csv`` and ``framewheel coverage``: a lead's map of provision, end to end.

The catalogue (AHEP): "Coaching" serves Working together at Member and Fellow; "Induction"
serves Prof. development and Responsible practice at Associate; "Mentoring" (ongoing)
serves Prof. development at any level. By hand: 3 of 8 commitments covered, Accredited
Member the only level nothing serves.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.cli.main import main

CATALOGUE = ("activity,area,level,date,provider,link\n"
             "Coaching,working-together,member,2027-02-17,People Development,https://example.org/coaching\n"
             "Coaching,3,Fellow,2027-02-17,People Development,https://example.org/coaching\n"
             "Induction,1,associate,2027-01-12,HR,\n"
             "Induction,Demonstrating Responsible Practice and Personal Integrity,associate,2027-01-12,HR,\n"
             "Mentoring,professional-development,,,Network,\n")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``framewheel ARGV``: the exit status, standard output and standard error."""
    status = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


@pytest.fixture
def catalogue_file(tmp_path: Path) -> Path:
    """The catalogue CSV of the module's docstring."""
    path = tmp_path / "provision.csv"
    path.write_text(CATALOGUE, encoding="utf-8")
    return path


def test_import_then_coverage_in_markdown(db_path: Path, catalogue_file: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    """The CSV is known by its header; the coverage headline, table and gaps are what a lead pastes."""
    status, out, err = run(capsys, "import", "--db", str(db_path), str(catalogue_file))
    assert status == 0 and err == ""
    assert f"{catalogue_file}: imported 3 development activities" in out
    status, out, err = run(capsys, "coverage", "--db", str(db_path))
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "# Coverage of development activities: AHEP Professional Framework"
    assert "**3 of 8 commitments covered; Accredited Member level not covered (3 activities)**" in lines
    assert "| 1. Empowering Professional Development | 1 | – | – | – | 1 | 2 |" in lines
    assert "| 4. Taking Sustainable Approaches | – | – | – | – | – | × U |" in lines
    assert "- × U Accredited Member level" in lines


def test_coverage_filtered_and_as_json_and_csv(db_path: Path, catalogue_file: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """--provider and --from/--to narrow what is counted; JSON and CSV carry the same counts."""
    run(capsys, "import", "--db", str(db_path), str(catalogue_file))
    status, out, _ = run(capsys, "coverage", "--db", str(db_path), "--format", "json", "--provider", "hr")
    document = json.loads(out)
    assert status == 0 and document["headline"] == (
        "2 of 8 commitments covered; Member, Accredited Member and Fellow levels not covered (1 activity of 3, filtered)")
    assert document["filter"] == {"from": "", "to": "", "provider": "hr"}
    status, out, _ = run(capsys, "coverage", "--db", str(db_path), "--format", "csv", "--from", "2027-02-01")
    rows = out.splitlines()
    assert "working-together,Working Together,fellow,Fellow,1,yes" in rows
    assert "responsible-practice,Demonstrating Responsible Practice and Personal Integrity,associate,Associate,0,no" in rows
    assert "professional-development,Empowering Professional Development,,Any level,1,yes" in rows


def test_a_bad_date_or_a_bad_catalogue_is_refused_and_nothing_is_written(db_path: Path, tmp_path: Path,
                                                                        catalogue_file: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """A bad --from is named; a catalogue with a bad row stores nothing and names file, line and column."""
    run(capsys, "import", "--db", str(db_path), str(catalogue_file))
    status, _, err = run(capsys, "coverage", "--db", str(db_path), "--from", "next week")
    assert status == 2 and err == "framewheel: --from: 'next week' is not a date (YYYY-MM-DD, e.g. 2026-03-14)\n"
    bad = tmp_path / "more.csv"
    bad.write_text("activity,area,level,date,provider,link\nForum,wider-context,,,,\nTalk,nowhere,,,,\n",
                   encoding="utf-8")
    before = db_path.read_bytes()
    status, _, err = run(capsys, "import", "--db", str(db_path), str(bad))
    assert status == 1
    assert f"{bad}: line 3, column area: 'nowhere' is not a commitment of ahep (id, code or title)" in err
    assert db_path.read_bytes() == before


def test_the_catalogue_exports_as_csv_that_imports_back(db_path: Path, tmp_path: Path, catalogue_file: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """``coverage --catalogue --format csv -o FILE`` writes the catalogue; importing it elsewhere gives the same."""
    run(capsys, "import", "--db", str(db_path), str(catalogue_file))
    exported = tmp_path / "out.csv"
    status, _, _ = run(capsys, "coverage", "--db", str(db_path), "--catalogue", "--format", "csv", "-o", str(exported))
    assert status == 0
    assert exported.read_text(encoding="utf-8").splitlines()[0] == "activity,area,level,date,provider,link"
    other = tmp_path / "other.json"
    status, out, _ = run(capsys, "import", "--db", str(other), str(exported))
    assert status == 0 and "imported 3 development activities" in out
    _, first, _ = run(capsys, "coverage", "--db", str(db_path), "--format", "json")
    _, second, _ = run(capsys, "coverage", "--db", str(other), "--format", "json")
    assert json.loads(first)["areas"] == json.loads(second)["areas"]
    status, out, _ = run(capsys, "coverage", "--db", str(db_path), "--catalogue")
    assert "| Coaching | 2027-02-17 | People Development | 3. Working Together (Member, Fellow) | https://example.org/coaching |" in out
