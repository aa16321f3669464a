"""Start-up with a large database: 10,000 wheels and 1,000 action items, beside an empty one.

The bar (DESIGN.md): start within 2x the empty start. Both are measured in one
run, alternately, through ``tui_probe.py`` in an 80x24 pseudo-terminal.

    python benchmarks/large_db.py [--wheels 10000] [--rounds 7]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.startup import DEFAULT_PROBE, USABLE, probe_once  # noqa: E402
from tui.core.frameworks import load_framework  # noqa: E402


def wheel_records(count: int, seed: int = 7) -> dict[str, dict]:
    """``count`` fully rated AHEP wheels in the stored (TinyDB) form."""
    framework = load_framework(ROOT / "frameworks" / "ahep.yaml")
    rng = random.Random(seed)
    records = {}
    for index in range(1, count + 1):
        stamp = f"20{20 + index % 7}-{1 + index % 12:02d}-{1 + index % 28:02d}T10:00:00+00:00"
        ratings = {area.id: {s.id: rng.randint(0, 10) for s in framework.series} for area in framework.areas}
        records[str(index)] = {
            "framework_id": "ahep", "framework_version": "2024", "label": f"Wheel {index}", "person": f"P{index % 97}",
            "created": stamp, "updated": stamp, "ratings": ratings, "notes": {}, "reflections": {},
        }
    return records


def action_plan_records(items: int) -> dict[str, dict]:
    """One action plan of ``items`` milestones over six sections, in the stored form."""
    from tui.core.action_plans import TEMPLATE_SECTIONS, ActionPlan, PlanItem, PlanSection

    per_section = [[] for _ in TEMPLATE_SECTIONS]
    for index in range(items):
        per_section[index % len(TEMPLATE_SECTIONS)].append(
            PlanItem(f"Milestone {index}", ("red", "amber", "green", "")[index % 4], f"Comment {index}", "Team", (2025,)))
    sections = tuple(PlanSection(title, tuple(found)) for title, found in zip(TEMPLATE_SECTIONS, per_section))
    plan = ActionPlan(id=1, project="Large plan", sections=sections)
    return {"1": plan.to_record()}


def build(path: Path, wheels: int, extra_tables: dict[str, dict] | None = None) -> None:
    """Write a schema-1 database file with the given wheels (and any extra tables)."""
    data = {"_meta": {"1": {"schema_version": 1}}, "assessments": wheel_records(wheels)}
    data.update(extra_tables or {})
    path.write_text(json.dumps(data), encoding="utf-8")
    path.chmod(0o600)


def main() -> int:
    """Measure the empty and the large start alternately; print medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=1_000, help="action items in one plan")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--probe", type=Path, default=DEFAULT_PROBE)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="framewheel-large-"))
    folder.chmod(0o700)
    empty, large = folder / "empty" / "framewheel.json", folder / "large" / "framewheel.json"
    for path in (empty, large):
        path.parent.mkdir(mode=0o700)
    build(empty, 0)
    build(large, args.wheels, {"action_plans": action_plan_records(args.items)})
    print(f"large database: {large.stat().st_size / 1e6:.1f} MB, {args.wheels} wheels, {args.items} action items")
    command = [sys.executable, "-m", "tui", "--db"]
    probe_once(args.probe, USABLE, [*command, str(large)])  # first open makes the daily backup
    small_times, large_times, listed_times = [], [], []
    for _ in range(args.rounds):
        small_times.append(probe_once(args.probe, USABLE, [*command, str(empty)]))
        large_times.append(probe_once(args.probe, USABLE, [*command, str(large)]))
        listed_times.append(probe_once(args.probe, "more", [*command, str(large)]))  # "and 10000 more"
    small, big, listed = (statistics.median(t) for t in (small_times, large_times, listed_times))
    print(f"empty database : median {small:7.1f} ms to the usable home screen")
    print(f"large database : median {big:7.1f} ms to the usable home screen")
    print(f"large database : median {listed:7.1f} ms until the work list is shown (read just after drawing)")
    print(f"ratio          : {big / small:.2f}x  (bar: 2x) -> {'PASS' if big <= 2 * small else 'FAIL'}")
    return 0 if big <= 2 * small else 1


if __name__ == "__main__":
    sys.exit(main())
