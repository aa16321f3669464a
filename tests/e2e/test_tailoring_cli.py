"""``framewheel frameworks tailor`` and ``frameworks diff`` from the command line, in tmp_path user folders."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.tailored import AHEP, NEW_EXEMPLAR, OLD_EXEMPLAR, edit_copy
from tui.cli.main import main

ROOT = Path(__file__).resolve().parents[2]


def user_folder(tmp_path: Path) -> Path:
    """The user frameworks folder of the test (XDG_CONFIG_HOME is tmp_path/config, see conftest)."""
    return tmp_path / "config" / "framewheel" / "frameworks"


def test_tailor_writes_a_private_copy_then_diff_shows_the_edits(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """tailor writes NEW.yaml (0600 in 0700 folders) with id, title and based_on; after hand edits diff lists them."""
    assert main(["frameworks", "tailor", "ahep", "--id", "ahep-college", "--title", "AHEP at Our College"]) == 0
    out = capsys.readouterr().out
    target = user_folder(tmp_path) / "ahep-college.yaml"
    assert f"Wrote AHEP at Our College (ahep-college), based on ahep@2024, to {target}" in out
    assert "framewheel frameworks diff ahep-college" in out
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(target.parent.parent.stat().st_mode) == 0o700
    text = target.read_text(encoding="utf-8")
    assert 'based_on: "ahep@2024"' in text and "id: ahep-college\n" in text
    assert text.splitlines()[0] == AHEP.read_text(encoding="utf-8").splitlines()[0]  # the comments are kept

    assert main(["frameworks", "list"]) == 0
    listed = capsys.readouterr().out
    assert "AHEP at Our College (2024) - 8 commitments, 4 levels - based on ahep@2024" in listed
    assert main(["frameworks", "show", "ahep-college"]) == 0
    assert "  based on ahep@2024\n" in capsys.readouterr().out

    target.write_text(edit_copy(text), encoding="utf-8")
    assert main(["frameworks", "diff", "ahep-college"]) == 0
    shown = capsys.readouterr().out
    assert shown.splitlines()[0] == ("ahep-college against ahep@2024: commitments 1 renamed, 1 added, 1 removed, "
                                     "1 with other changes.")
    assert "Commitments renamed:\n  ~ working-together: Working Together -> Working Together Across the College" in shown
    assert "Commitments added:\n  + digital-practice: Digital Practice" in shown
    assert "Commitments removed:\n  - wider-context: Engaging with the Wider Context" in shown
    assert f"~ exemplar at associate: {OLD_EXEMPLAR} -> {NEW_EXEMPLAR}" in shown
    assert main(["frameworks", "diff", "ahep-college", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [a["id"] for a in data["areas"]["removed"]] == ["wider-context"]
    assert main(["frameworks", "diff", "ahep-college", "--format", "md"]) == 0
    assert "## Commitments added" in capsys.readouterr().out


def test_default_title(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Without --title the copy is called '<title> (tailored)'."""
    assert main(["frameworks", "tailor", "aspect-core-principles", "--id", "aspect-ours"]) == 0
    assert "Core principles for educational development and improvement professionals (tailored) (aspect-ours)" in capsys.readouterr().out


@pytest.mark.parametrize("args, message", [
    (["nope", "--id", "mine"], "framewheel: no framework with id 'nope'; loaded frameworks: ahep"),
    (["ahep", "--id", "Not A Slug"], "framewheel: --id 'Not A Slug' is not a valid id"),
    (["ahep", "--id", "aspect-core-principles"], "framewheel: a framework with id 'aspect-core-principles' is already loaded"),
])
def test_tailor_refusals(args: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown base, a bad id, an id already loaded: one line on standard error, exit 1, nothing written."""
    assert main(["frameworks", "tailor", *args]) == 1
    err = capsys.readouterr().err
    assert err.startswith(message) and len(err.strip().splitlines()) == 1
    assert not user_folder(tmp_path).exists()


def test_tailor_refuses_an_existing_or_symlinked_target(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file already there (even a broken one, not loaded) or a symbolic link is never overwritten."""
    folder = user_folder(tmp_path)
    folder.mkdir(parents=True)
    existing = folder / "mine.yaml"
    existing.write_text("id: [", encoding="utf-8")
    assert main(["frameworks", "tailor", "ahep", "--id", "mine"]) == 1
    assert f"framewheel: {existing} already exists; nothing was written" in capsys.readouterr().err
    assert existing.read_text(encoding="utf-8") == "id: ["
    elsewhere = tmp_path / "elsewhere.yaml"
    (folder / "linked.yaml").symlink_to(elsewhere)
    assert main(["frameworks", "tailor", "ahep", "--id", "linked"]) == 1
    assert f"framewheel: {folder / 'linked.yaml'} is a symbolic link; nothing was written" in capsys.readouterr().err
    assert not elsewhere.exists()


def test_tailor_refuses_a_symlinked_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A user frameworks folder that is a symbolic link is refused with a sentence, not a traceback."""
    real = tmp_path / "real"
    real.mkdir()
    user_folder(tmp_path).parent.mkdir(parents=True)
    user_folder(tmp_path).symlink_to(real, target_is_directory=True)
    assert main(["frameworks", "tailor", "ahep", "--id", "mine"]) == 1
    assert "is a symbolic link" in capsys.readouterr().err
    assert list(real.iterdir()) == []


def test_diff_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """diff of an untailored framework, an unknown id, or a copy whose base is not loaded: a sentence, exit 1."""
    assert main(["frameworks", "diff", "ahep"]) == 1
    assert capsys.readouterr().err == "framewheel: AHEP Professional Framework is not a tailored copy (its file has no based_on).\n"
    assert main(["frameworks", "diff", "nope"]) == 1
    assert "no framework with id 'nope'" in capsys.readouterr().err
    folder = user_folder(tmp_path)
    folder.mkdir(parents=True)
    (folder / "orphan.yaml").write_text(
        'schema: framewheel/framework@1\nid: orphan\ntitle: Orphan\nversion: "1"\nbased_on: gone@1\n'
        "areas:\n  - {id: a, title: A}\n  - {id: b, title: B}\n  - {id: c, title: C}\n", encoding="utf-8")
    assert main(["frameworks", "list"]) == 0
    captured = capsys.readouterr()
    assert "Orphan (1) - 3 areas, 0 levels - based on gone@1 (not loaded)" in captured.out and captured.err == ""
    assert main(["frameworks", "diff", "orphan"]) == 1
    assert "Orphan is based on gone@1, which is not loaded, so the changes from it cannot be shown." in capsys.readouterr().err


def test_malformed_based_on_in_validate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """validate names FILE:LINE:COLUMN of a malformed based_on."""
    bad = tmp_path / "bad.yaml"
    bad.write_text('schema: framewheel/framework@1\nid: bad\ntitle: Bad\nversion: "1"\nbased_on: ahep-2024\n'
                   "areas:\n  - {id: a, title: A}\n  - {id: b, title: B}\n  - {id: c, title: C}\n", encoding="utf-8")
    assert main(["frameworks", "validate", str(bad)]) == 1
    assert f"{bad}:5:11: based_on 'ahep-2024' must be ID@VERSION" in capsys.readouterr().err


def test_tailor_in_a_real_process(tmp_path: Path) -> None:
    """The installed command: exit 0 and the file written, no traceback; the second time exit 1."""
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "config"), "FRAMEWHEEL_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "tui", "frameworks", "tailor", "ahep", "--id", "ahep-college"]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert first.returncode == 0 and (user_folder(tmp_path) / "ahep-college.yaml").is_file()
    second = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    assert second.returncode == 1 and "already loaded" in second.stderr and "Traceback" not in second.stderr
