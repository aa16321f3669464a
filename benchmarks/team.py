"""Time the team profile of 1,000 share files and 1,000 ranking files (the design's bar: under 0.2 s, aim 0.1 s).

Builds N AHEP wheel share files with random ratings and N ranking share files (the example
rankings of :func:`tui.core.team_ranking.example_rankings`) in a temporary folder, then measures:

(a) in process, over repeated runs: the aggregation alone (``aggregate``: medians, quartiles,
    histograms, gaps of checked ratings; ``build_team_ranking``: mean ranks, ties, agreement and
    Kendall's W of checked rankings; and both together), and the whole profile from parsed
    documents (``build_profile`` over all 2N files: every file checked, duplicates found, then
    aggregated);
(b) ``framewheel team FOLDER`` as a whole process (``python -m tui team FOLDER``, output to a
    null device), start-up and file reading included, over the folder of 2N files.

    python benchmarks/team.py [--files 1000] [--runs 20] [--processes 5]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core import team, team_ranking  # noqa: E402
from tui.core.frameworks import load_catalog  # noqa: E402


def write_share_files(folder: Path, count: int) -> None:
    """``count`` anonymous AHEP share files with random ratings (every area and series)."""
    framework = load_catalog().get("ahep")
    assert framework is not None
    rng = random.Random(2026)
    for n in range(count):
        doc = {"format": "framewheel/assessment@1", "framework": {"id": framework.id, "version": framework.version},
               "person": "", "label": "For the team", "created": f"2026-11-{1 + n % 28:02d}T10:{n % 60:02d}:{n // 60 % 60:02d}+00:00",
               "ratings": {a.id: {s.id: rng.randint(framework.scale.min, framework.scale.max) for s in framework.series}
                           for a in framework.areas}}
        (folder / f"share-{n:04d}.json").write_text(json.dumps(doc), encoding="utf-8")


def write_ranking_files(folder: Path, count: int) -> None:
    """``count`` anonymous AHEP ranking share files (the example rankings, each with its own creation time)."""
    framework = load_catalog().get("ahep")
    assert framework is not None
    for n, doc in enumerate(team_ranking.example_rankings(framework, count)):
        (folder / f"ranking-{n:04d}.json").write_text(json.dumps(doc), encoding="utf-8")


def spread_text(values: list[float]) -> str:
    """Median with min and max, in milliseconds."""
    return f"median {statistics.median(values):7.1f} ms (min {min(values):.1f}, max {max(values):.1f}, {len(values)} runs)"


def main() -> None:
    """Build the files, run the measurements, print the medians and spread."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--processes", type=int, default=5)
    args = parser.parse_args()
    catalog = load_catalog()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        write_share_files(folder, args.files)
        write_ranking_files(folder, args.files)
        sources = [team.SourceFile(str(p), json.loads(p.read_text(encoding="utf-8"))) for p in sorted(folder.glob("*.json"))]
        framework = catalog.get("ahep")
        assert framework is not None
        ratings = [s.document["ratings"] for s in sources if not team_ranking.is_ranking_file(s.document)]  # type: ignore[index]
        groups = [tuple(tuple(g) for g in s.document["groups"]) for s in sources  # type: ignore[index]
                  if team_ranking.is_ranking_file(s.document)]
        aggregate_ms, ranking_ms, both_ms, profile_ms = [], [], [], []
        for _ in range(args.runs):
            start = time.perf_counter()
            team.aggregate(framework, ratings, team.MIN_GROUP_DEFAULT)
            middle = time.perf_counter()
            team_ranking.build_team_ranking(framework, groups, team.MIN_GROUP_DEFAULT)
            end = time.perf_counter()
            aggregate_ms.append((middle - start) * 1000)
            ranking_ms.append((end - middle) * 1000)
            both_ms.append((end - start) * 1000)
            start = time.perf_counter()
            profile = team.build_profile(sources, catalog)
            profile_ms.append((time.perf_counter() - start) * 1000)
        assert profile.wheel_files_used == args.files and profile.ranking_files_used == args.files
        process_ms = []
        env = dict(os.environ, NO_COLOR="1")
        for _ in range(args.processes):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-m", "tui", "team", str(folder)], check=True, cwd=ROOT, env=env,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            process_ms.append((time.perf_counter() - start) * 1000)
    print(f"{args.files} wheel share files (AHEP, 8 areas x 3 series) and {args.files} ranking files")
    print(f"(a) aggregation alone, wheels   {spread_text(aggregate_ms)}")
    print(f"(a) aggregation alone, rankings {spread_text(ranking_ms)}")
    print(f"(a) aggregation alone, both     {spread_text(both_ms)}")
    print(f"(a) check + aggregate (parsed)  {spread_text(profile_ms)}")
    print(f"(b) framewheel team FOLDER      {spread_text(process_ms)}")


if __name__ == "__main__":
    main()
