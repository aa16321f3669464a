"""Issue 14 item 2: two imports of one file at once store it once (the check and the write are one locked step)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.context import AppContext

ROOT = Path(__file__).resolve().parents[2]

WHEEL = {
    "format": "framewheel/assessment@1", "framework": {"id": "ahep", "version": "2024"},
    "label": "Before my 1:1", "created": "2026-11-22T10:15:00+00:00",
    "ratings": {"working-together": {"current": 6}},
}

# A real `python -m tui import ...`, started only once the go file exists, so both processes
# (their imports of the package already done) reach the import at the same moment.
CHILD = """\
import os, runpy, sys, time
import tui.cli.main, tui.context, tui.transfer
go = sys.argv[1]
sys.argv = ["tui", *sys.argv[2:]]
while not os.path.exists(go):
    time.sleep(0.001)
runpy.run_module("tui", run_name="__main__", alter_sys=True)
"""


def stored_wheel_count(db: Path) -> int:
    """How many wheels the data file's JSON holds."""
    return len(json.loads(db.read_text(encoding="utf-8")).get("assessments", {}))


def test_two_imports_of_one_file_at_once_store_it_once(tmp_path: Path) -> None:
    """Five rounds of two real `framewheel import` processes released together: one wheel each round, one says already imported."""
    wheel = tmp_path / "same.json"
    wheel.write_text(json.dumps(WHEEL), encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
    for round_number in range(5):
        db = tmp_path / f"db{round_number}.json"
        go = tmp_path / f"go{round_number}"
        children = [
            subprocess.Popen([sys.executable, "-c", CHILD, str(go), "import", "--db", str(db), str(wheel)],
                             cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        time.sleep(1.5)  # both have imported the package and wait on the go file
        go.touch()
        results = [child.communicate(timeout=60) for child in children]
        assert [child.returncode for child in children] == [0, 0], results
        outs = [out for out, _ in results]
        assert stored_wheel_count(db) == 1, (round_number, results)
        assert sum("imported 1 wheel" in out for out in outs) == 1, outs
        assert sum("was already imported; not imported again" in out for out in outs) == 1, outs


def test_the_already_imported_check_runs_under_the_data_files_lock(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file is checked against the stored records while the inter-process lock is held, up to the write."""
    import tui.transfer as transfer

    wheel = tmp_path / "same.json"
    wheel.write_text(json.dumps(WHEEL), encoding="utf-8")
    held: list[bool] = []
    real_check = transfer.check_file

    def checking(context: AppContext, path: str, seen: set[str]) -> transfer.FileOutcome:
        """Note whether the data file's lock is held while the file is checked."""
        held.append(context.db._lock.is_locked)
        return real_check(context, path, seen)

    monkeypatch.setattr(transfer, "check_file", checking)
    db = tmp_path / "db.json"
    assert main(["import", "--db", str(db), str(wheel)]) == 0
    assert main(["import", "--db", str(db), str(wheel)]) == 0
    assert held == [True, True]
    assert stored_wheel_count(db) == 1
