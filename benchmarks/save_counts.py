"""Count what one save costs: file-lock acquisitions, data reads, file parses and atomic writes.

Opens two instances on one data file; the other instance changes the record first, so
the measured save has to read the file again under the lock. Prints the counts for one
wheel rating (``AssessmentRepository.set_rating``) and one board change
(``ActionPlanRepository.save_changes``). The bar (the issue): one lock, one read, one write.

    python benchmarks/save_counts.py
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import filelock  # noqa: E402

from tui.core.board_editor import HEADING, BoardEditor  # noqa: E402
from tui.core.frameworks import load_catalog  # noqa: E402
from tui.storage import database, file_storage, safefile  # noqa: E402
from tui.storage.repositories.action_plans import ActionPlanRepository  # noqa: E402
from tui.storage.repositories.wheels import AssessmentRepository  # noqa: E402

COUNTS: dict[str, int] = {"lock": 0, "read": 0, "parse": 0, "write": 0}
"""Calls counted since the last :func:`reset`."""


def counting(owner: Any, name: str, key: str) -> None:
    """Replace ``owner.name`` by a wrapper that counts its calls under ``key``."""
    original: Callable[..., Any] = getattr(owner, name)

    def call(*args: Any, **kwargs: Any) -> Any:
        """Count, then call the original."""
        COUNTS[key] += 1
        return original(*args, **kwargs)

    setattr(owner, name, call)


def reset() -> None:
    """Start counting from zero."""
    for key in COUNTS:
        COUNTS[key] = 0


def main() -> int:
    """Measure one wheel rating and one board change; 0 when each is one lock, one read, one write."""
    counting(filelock.FileLock, "acquire", "lock")
    counting(file_storage.AtomicJSONStorage, "read", "read")
    counting(file_storage, "read_raw", "parse")
    counting(safefile, "atomic_write", "write")
    framework = load_catalog(use_cache=False).frameworks["ahep"]
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "framewheel.json"
        mine, other = database.Database(path), database.Database(path)
        wheels = AssessmentRepository(mine)
        wheel = wheels.create(framework)
        AssessmentRepository(other).set_note(wheel.id, framework.areas[1].id, "changed by the other instance")
        reset()
        wheels.set_rating(wheel.id, framework, framework.areas[0].id, framework.series[0].id, 3)
        results["wheel rating"] = dict(COUNTS)
        plans = ActionPlanRepository(mine)
        plan = plans.create("Benchmark plan")
        ActionPlanRepository(other).update_header(plan.id, author="the other instance")
        editor = BoardEditor(plan, (0, HEADING))
        editor.add_item("a milestone")
        reset()
        plans.save_changes(plan, editor.plan)
        results["board change"] = dict(COUNTS)
    for what, counts in results.items():
        print(f"{what:<13}: {counts['lock']} lock, {counts['read']} read ({counts['parse']} parse), {counts['write']} write")
    ok = all(c["lock"] == c["read"] == c["write"] == 1 for c in results.values())
    print("one lock, one read, one write per save ->", "PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
