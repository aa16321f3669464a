"""Two framewheels on one RAG board (two SSH logins of one person) keep each other's changes (issue 14, item 1).

Before, instance A rated item one red ("Saved"), instance B rated item two green ("Saved"),
and the file then had A's red gone: the board replaced the whole stored plan with its
in-memory copy. Here B is a real second process with its own database handle.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from screens.boards.board import BoardScreen
from tests.screens.test_board_screen import open_board, press, small_plan
from tui.app import FramewheelApp
from tui.context import AppContext

ROOT = Path(__file__).resolve().parents[2]


def items_on_disk(db_path: Path) -> list[tuple[str, str, str]]:
    """(milestone, rating, comment) of every item of plan 1, read from the file itself."""
    record = json.loads(db_path.read_text(encoding="utf-8"))["action_plans"]["1"]
    return [(i["milestone"], i.get("rag", ""), i.get("comment", "")) for s in record["sections"] for i in s["items"]]


def second_instance(db_path: Path, user_dir: Path, *keys: str) -> None:
    """Run the other framewheel (its own process) on the same file; it presses ``keys`` on the board."""
    result = subprocess.run(
        [sys.executable, "-m", "tests.helpers.board_instance", str(db_path), str(user_dir), *keys],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 0 and "saved" in result.stdout, result.stderr


async def test_two_instances_rating_different_items_both_keep_their_rating(db_path: Path, tmp_path: Path) -> None:
    """A opens the board, B (another process) rates item two green, then A, not having seen it, rates item one red."""
    user_dir = tmp_path / "user-frameworks"
    context = AppContext.open(db_path, user_dir=user_dir)
    context.action_plans.add(small_plan())
    app = FramewheelApp(context)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await open_board(pilot)  # A holds the plan as it was when it opened
            second_instance(db_path, user_dir, "down", "down", "a")  # B: item two, green -> amber
            assert items_on_disk(db_path)[1] == ("Hold a showcase", "amber", "Done in May")
            await press(pilot, "down", "r")  # A: item one, unrated -> red
            assert isinstance(app.screen, BoardScreen)
            on_disk = items_on_disk(db_path)
            assert on_disk[0] == ("Publish a newsletter", "red", ""), "A's rating is saved"
            assert on_disk[1] == ("Hold a showcase", "amber", "Done in May"), "B's rating survives A's save"
            second_instance(db_path, user_dir, "down", "g")  # B again, on item one: A's red is what it changes
            await press(pilot, "down", "down", "down", "space")  # A: past the next heading, cycles item three
            on_disk = items_on_disk(db_path)
            assert [rag for _, rag, _ in on_disk][:2] == ["green", "amber"], "B's second change and its first are kept"
            assert on_disk[2][1] != "amber", "A's cycle of item three is saved"
    finally:
        context.close()
