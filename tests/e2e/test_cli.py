"""The command line without the interface: frameworks list/show/validate, --version, bad options."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tui import __version__
from tui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the version and exits 0."""
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"framewheel {__version__}"


def test_validate_shipped_files_pass(capsys: pytest.CaptureFixture[str]) -> None:
    """All shipped framework files validate; exit 0."""
    files = sorted(str(p) for p in (ROOT / "frameworks").glob("*.yaml"))
    assert main(["frameworks", "validate", *files]) == 0
    out = capsys.readouterr().out
    assert all(f"{name}: valid" in out for name in files)


def test_validate_broken_file_reports_all_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A broken file: every problem as FILE:LINE:COLUMN, exit 1; a good one beside it is still valid."""
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "schema: framewheel/framework@1\nid: Bad Id\ntitle: x\nversion: 2\nareas:\n  - {id: a, title: A}\n",
        encoding="utf-8",
    )
    good = ROOT / "frameworks" / "aspect.yaml"
    assert main(["frameworks", "validate", str(bad), str(good)]) == 1
    captured = capsys.readouterr()
    assert f"{bad}:2:5: id 'Bad Id' is not a valid id" in captured.err
    assert f"{bad}:4:10: version must be text" in captured.err
    assert f"{bad}:6:3: a framework needs 3 to 16 areas; this file has 1" in captured.err
    assert f"{good}: valid" in captured.out


def test_list_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    """list names the shipped frameworks; show outlines one; an unknown id is an error."""
    assert main(["frameworks", "list"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("ahep")
    assert "aspect-core-principles" in out and "technician-commitment" in out
    assert main(["frameworks", "show", "ahep"]) == 0
    shown = capsys.readouterr().out
    assert "Levels: Associate, Member, Accredited Member, Fellow" in shown
    assert "Working Together [Working together] - encompassing Communication, 12 exemplars" in shown
    assert main(["frameworks", "show", "nope"]) == 1
    assert "no framework with id 'nope'" in capsys.readouterr().err


def test_bad_framework_option_is_a_clear_error(tmp_path: Path) -> None:
    """--framework naming an unknown id or a broken file stops with a message, no traceback."""
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "FRAMEWHEEL_DB": str(tmp_path / "db.json")}
    run = subprocess.run(
        [sys.executable, "-m", "tui", "--framework", "nope"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode == 1
    assert run.stderr.startswith("framewheel: no framework with id 'nope'; loaded frameworks: ahep")
    assert "Traceback" not in run.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: [", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "tui", "--framework", str(broken)], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode == 1 and f"{broken}:2:1: YAML syntax" in run.stderr and "Traceback" not in run.stderr


def test_symlinked_database_refused(tmp_path: Path) -> None:
    """--db naming a symbolic link is refused with a message; the target is untouched."""
    target = tmp_path / "target.json"
    target.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-m", "tui", "--db", str(link)], cwd=ROOT, env=env, capture_output=True, text=True)
    assert run.returncode == 1
    assert "symbolic link" in run.stderr and "Traceback" not in run.stderr
    assert target.read_text(encoding="utf-8") == "{}"
