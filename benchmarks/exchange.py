"""Time the exchange files at scale: export all data, check and import it into an empty database, one report.

Fills a temporary database with N AHEP wheels (all 24 ratings each) and a
plan of 20 objectives, then reports the median wall time of each step over a
few rounds. The import is checked in full before its single write.

    python benchmarks/exchange.py [--wheels 1000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.wheels import Assessment
from tui.context import AppContext
from tui.core.exchange import to_json
from tui.transfer import export_all, import_files, report_for


def fill(context: AppContext, wheels: int) -> None:
    """N complete wheels (one write) and 20 objectives."""
    framework = context.framework
    base = Assessment(0, framework.id, framework.version, "", "", "")
    batch = []
    for n in range(wheels):
        ratings = {a.id: {s.id: (n + i + j) % 11 for j, s in enumerate(framework.series)} for i, a in enumerate(framework.areas)}
        stamp = f"2026-01-01T00:00:{n % 60:02d}+00:00"
        batch.append(replace(base, label=f"Wheel {n}", created=stamp, updated=stamp, person=f"P-{n:04d}", ratings=ratings))
    context.assessments.add_many(batch)
    for n in range(20):
        context.development_plan.add(framework, title=f"Objective {n}", areas=(framework.areas[n % 8].id,), success_criteria="Met")


def timed(step: object) -> float:
    """Milliseconds one call takes."""
    start = time.perf_counter()
    step()  # type: ignore[operator]
    return (time.perf_counter() - start) * 1000


def main() -> None:
    """Run the rounds and print the medians."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--wheels", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, list[float]] = {"export all (json)": [], "import into empty db": [], "one 1:1 report": []}
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as folder:
            source = AppContext.open(Path(folder) / "a" / "db.json")
            fill(source, args.wheels)
            exported = Path(folder) / "all.json"
            results["export all (json)"].append(timed(lambda: exported.write_text(to_json(export_all(source)), encoding="utf-8")))
            wheel = source.assessments.get(1)
            results["one 1:1 report"].append(timed(lambda: report_for(source, wheel)))  # type: ignore[arg-type]
            target = AppContext.open(Path(folder) / "b" / "db.json")
            results["import into empty db"].append(timed(lambda: import_files(target, [str(exported)])))
            assert target.assessments.count() == args.wheels
            source.close(), target.close()
    for name, values in results.items():
        print(f"{name:<22} median {statistics.median(values):8.1f} ms over {args.rounds} round(s), {args.wheels} wheels")


if __name__ == "__main__":
    main()
