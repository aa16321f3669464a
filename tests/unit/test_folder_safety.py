"""Folders framewheel creates are 0700 whatever the umask; folders it writes into must be real folders of its own.

Issue 14, items 8 and 9: ``mkdir(parents=True)`` under umask 000 left parents 0777, and a data
folder, ``backups/`` folder or cache folder that was a symbolic link was written through.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tui.storage.crashlog import write_crash_log
from tui.storage.database import Database, StorageError
from tui.storage.paths import default_db_path

ROOT = Path(__file__).resolve().parents[2]
RECORDS = {"_meta": {"1": {"schema_version": 1}}, "settings": {"1": {"key": "theme", "value": "nord"}}}


@pytest.fixture
def umask_000() -> Iterator[None]:
    """Run the test with umask 000, restoring the previous umask after."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def _bare_env(home: Path) -> dict[str, str]:
    """An environment whose only folders are under ``home`` (which does not exist yet)."""
    return {"PATH": os.environ.get("PATH", ""), "HOME": str(home), "LANG": "C.UTF-8"}


def _folders(top: Path) -> list[Path]:
    """``top`` and every folder below it."""
    return [top, *(Path(root) / name for root, dirs, _ in os.walk(top) for name in dirs)]


def _run(argv: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run ``python -m tui ARGV`` with ``env``, under umask 000."""
    return subprocess.run([sys.executable, "-m", "tui", *argv], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60, preexec_fn=lambda: os.umask(0))


def test_every_folder_created_under_umask_000_is_private(tmp_path: Path, umask_000: None,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Data, cache and log folders, and every parent made for them (``~/.local/state`` ...), are 0700."""
    home = tmp_path / "home"
    env = _bare_env(home)
    assert _run(["frameworks", "list"], env).returncode == 0  # writes the framework cache
    for name in ("HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "FRAMEWHEEL_LOG_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HOME", str(home))
    Database(default_db_path()).close()
    log = write_crash_log(ValueError("test"))
    assert log is not None and log.is_relative_to(home / ".local" / "state")
    assert (home / ".local" / "share" / "framewheel").is_dir()
    assert (home / ".cache" / "framewheel" / "frameworks.json").is_file()
    folders = _folders(home)
    assert home / ".local" / "state" / "framewheel" in folders
    wrong = {str(f.relative_to(tmp_path)): oct(stat.S_IMODE(f.stat().st_mode)) for f in folders
             if stat.S_IMODE(f.stat().st_mode) != 0o700}
    assert wrong == {}


def test_a_data_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    """``export --db LINK/framewheel.json`` and the interface start refuse, naming the folder; nothing goes through."""
    other = tmp_path / "other"
    other.mkdir()
    (other / "framewheel.json").write_text(json.dumps(RECORDS), encoding="utf-8")
    link = tmp_path / "link"
    link.symlink_to(other)
    result = _run(["export", "--db", str(link / "framewheel.json")], _bare_env(tmp_path / "home"))
    assert result.returncode != 0
    assert f"The folder {link} is a symbolic link" in result.stderr
    assert "Traceback" not in result.stderr
    from tui.cli.main import run_interface

    err = io.StringIO()
    args = argparse.Namespace(demo=False, db=str(link / "framewheel.json"), framework=None, present=False)
    assert run_interface(args, err) == 1
    assert f"The folder {link} is a symbolic link" in err.getvalue()
    assert [p.name for p in other.iterdir()] == ["framewheel.json"], "no lock, backup or temporary file written"


def test_a_data_folder_of_another_user_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A data folder owned by someone else is refused (the check compares the owner with our uid)."""
    folder = tmp_path / "theirs"
    folder.mkdir()
    monkeypatch.setattr(os, "getuid", lambda: folder.stat().st_uid + 1)
    with pytest.raises(StorageError, match="belongs to another user"):
        Database(folder / "framewheel.json")
    assert list(folder.iterdir()) == []


def test_a_backups_folder_that_is_a_link_is_refused(tmp_path: Path) -> None:
    """When a backup would be written into ``backups/`` and it is a link, opening is refused; nothing goes through."""
    db = tmp_path / "framewheel.json"
    db.write_text(json.dumps(RECORDS), encoding="utf-8")
    other = tmp_path / "other"
    other.mkdir()
    (tmp_path / "backups").symlink_to(other)
    (other / ".framewheel-20260101.json.tmp-abc123").write_text("theirs", encoding="utf-8")
    with pytest.raises(StorageError, match=f"The folder {tmp_path / 'backups'} is a symbolic link"):
        Database(db)
    assert [p.name for p in other.iterdir()] == [".framewheel-20260101.json.tmp-abc123"], "nothing written or removed"


def test_a_cache_folder_that_is_a_link_is_not_written(tmp_path: Path) -> None:
    """FRAMEWHEEL_CACHE_DIR a link: the cache is silently not written (best effort), and the command still works."""
    other = tmp_path / "other"
    other.mkdir()
    link = tmp_path / "cache"
    link.symlink_to(other)
    env = {**_bare_env(tmp_path / "home"), "FRAMEWHEEL_CACHE_DIR": str(link)}
    result = _run(["frameworks", "list"], env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert list(other.iterdir()) == []
    real = tmp_path / "real-cache"
    assert _run(["frameworks", "list"], {**env, "FRAMEWHEEL_CACHE_DIR": str(real)}).returncode == 0
    assert (real / "frameworks.json").is_file(), "a real cache folder is written (so the test above means something)"
