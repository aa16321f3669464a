"""Levels, search and level finder: core timings in process, and key-to-screen latency through a pseudo-terminal.

In process: the median time of a whole-framework search (AHEP, several
queries) and of deriving the levels of a full finder record (96 marks).
Through ``tui_probe.py``: from a key press until the screen shows its effect,
for a finder mark (``c`` until "1 marked") and for a search typed into the
search dialog (until "2 matches"). No bar is set in DESIGN.md for these; the
wheel's 50 ms bar is the reference.

    python benchmarks/levels.py [--rounds 5] [--probe ../shared/tools/tui_probe.py]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import timeit
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_PROBE = ROOT.parent / "shared" / "tools" / "tui_probe.py"

QUERIES = ["professional development", "co", "coaching", "inclusive decisions", "zebra"]
"""Search queries timed: common words, a short prefix, a rare word, two words, no match."""


def core_timings() -> tuple[float, float]:
    """Median ms of one search over AHEP and of one derive() of the example record."""
    from tui.core.finder import FinderRecord, add_demo_finder, derive
    from tui.core.frameworks import load_catalog
    from tui.core.search import search

    framework = load_catalog().frameworks["ahep"]
    searches = [timeit.timeit(lambda q=q: search(framework, q), number=50) / 50 * 1000 for q in QUERIES]

    class Keep:
        """A stand-in repository that keeps the example record in memory."""

        record: FinderRecord | None = None

        def add(self, record: FinderRecord) -> FinderRecord:
            """Keep the record."""
            self.record = record
            return record

    keep = Keep()
    add_demo_finder(keep, framework)  # type: ignore[arg-type]
    derive_ms = timeit.timeit(lambda: derive(framework, keep.record), number=200) / 200 * 1000
    return statistics.median(searches), derive_ms


def probe_step(probe: Path, steps: list[str], db: Path) -> float:
    """Milliseconds of the last step of one probe run (a fresh data file each time)."""
    db.unlink(missing_ok=True)
    command = [sys.executable, "-m", "tui", "--db", str(db)]
    args = [sys.executable, str(probe), "--json", "--expect", "Frameworks"]
    for step in steps:
        args += ["--step", step]
    result = subprocess.run([*args, "--", *command], capture_output=True, text=True, check=False, cwd=ROOT)
    data = json.loads(result.stdout)
    if not data["ok"]:
        raise SystemExit(f"timed out: {steps}")
    return float(data["results"][-1]["median_ms"])


def main() -> int:
    """Print the core timings and the key-to-screen medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--probe", type=Path, default=DEFAULT_PROBE)
    args = parser.parse_args()
    search_ms, derive_ms = core_timings()
    print(f"search over AHEP (median of {len(QUERIES)} queries): {search_ms:6.2f} ms")
    print(f"derive levels of a 96-mark record               : {derive_ms:6.2f} ms")
    db = Path(tempfile.mkdtemp(prefix="framewheel-bench-")) / "framewheel.json"
    mark = [probe_step(args.probe, ["f=>Best fit", "tab=>Best fit", "c=>1 marked"], db) for _ in range(args.rounds)]
    find = [probe_step(args.probe, ["e=>Values", "/=>Search AHEP", "text:coaching=>2 matches"], db) for _ in range(args.rounds)]
    print(f"finder mark key -> screen (80x24, {args.rounds} runs): median {statistics.median(mark):6.1f} ms (min {min(mark):.1f})")
    print(f"search typed -> results    (80x24, {args.rounds} runs): median {statistics.median(find):6.1f} ms (min {min(find):.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
