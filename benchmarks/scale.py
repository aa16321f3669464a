"""Costs at scale: one rating save, the interface thread held up by it, and the CLI, beside an empty file.

Builds the databases through the public import path: an "all data" bundle
(``framewheel/export@1``) of N fully rated AHEP wheels plus one action plan of 1,000
items is written and ``framewheel import`` run on it. The "empty" file holds one
wheel only (so that ``report --latest`` has something to report). Then, for each
size, alternating with the empty file in the same run:

* one rating save: ``AssessmentRepository.set_rating`` as the rating screen makes it
  (its saver thread calls it), timed over ``--saves`` saves on a context kept open; the
  first save after opening is shown apart. As in the interface, the records are first
  encoded ahead in a background thread (``Database.encode_ahead``): its time and how late
  the timer thread woke meanwhile are shown too;
* the disk's floor for a save of that file: ``safefile.atomic_write`` of the file's bytes
  (write, fsync, rename over, fsync the folder), timed the same way;
* the GIL block: while each save runs in a worker thread, how late a 1 ms timer thread
  (standing for the interface's thread) wakes, at worst, beyond its 1 ms;
* ``framewheel export -o``, ``framewheel report --latest``, ``framewheel import`` of one
  new wheel file, and ``python -c json.load`` of the data file (the floor): subprocess
  wall time, ``--runs`` runs each.

The bars (issue 18): one rating save at 10k wheels median <= 25 ms, at 50k <= 60 ms; the
interface never blocked by a save for more than a frame (16 ms); export, report and import
at 10k within 2x of the empty file's time.

    python benchmarks/scale.py [--sizes 1000,10000,50000] [--items 1000] [--saves 25] [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.action_plans import plan_to_dict  # noqa: E402
from tui.core.exchange import BUNDLE_FORMAT  # noqa: E402
from tui.core.frameworks import load_framework  # noqa: E402
from tui.core.model import ASSESSMENT_FORMAT  # noqa: E402

FRAMEWORK = load_framework(ROOT / "frameworks" / "ahep.yaml")
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
CLI = [sys.executable, "-m", "tui"]


def wheel_document(index: int) -> dict[str, Any]:
    """Wheel ``index`` (all 24 ratings) as a ``framewheel/assessment@1`` document."""
    stamp = f"20{20 + index % 7}-{1 + index % 12:02d}-{1 + index % 28:02d}T10:{index // 60 % 60:02d}:{index % 60:02d}+00:00"
    ratings = {a.id: {s.id: (index * 7 + i * 3 + j) % 11 for j, s in enumerate(FRAMEWORK.series)}
               for i, a in enumerate(FRAMEWORK.areas)}
    return {"format": ASSESSMENT_FORMAT, "framework": {"id": FRAMEWORK.id, "version": FRAMEWORK.version},
            "person": f"P{index % 97}", "label": f"Wheel {index}", "created": stamp, "ratings": ratings,
            "notes": {}, "reflections": {}}


def build(folder: Path, name: str, wheels: int, items: int) -> Path:
    """A data file of ``wheels`` wheels and one plan of ``items`` items, made by ``framewheel import``."""
    from benchmarks.large_db import action_plan_records
    from tui.core.action_plans import ActionPlan

    db = folder / name / "framewheel.json"
    db.parent.mkdir(mode=0o700)
    bundle: dict[str, Any] = {"format": BUNDLE_FORMAT, "exported": "2026-12-01T10:00:00+00:00",
                              "assessments": [wheel_document(n) for n in range(max(wheels, 1))]}
    if items:
        plan = ActionPlan.from_record({**action_plan_records(items)["1"], "id": 1})
        bundle["action_plans"] = [plan_to_dict(plan)]
    source = folder / f"{name}-bundle.json"
    source.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run([*CLI, "import", "--db", str(db), str(source)], env=ENV, cwd=ROOT,
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"building {name} failed: {result.stderr}")
    print(f"built {name}: {max(wheels, 1)} wheels, {items} items, {db.stat().st_size / 1e6:.1f} MB "
          f"by framewheel import in {time.perf_counter() - started:.1f} s", flush=True)
    source.unlink()
    return db


class Timer:
    """A thread waking every 1 ms, as the interface's thread would, recording how late it wakes."""

    def __init__(self) -> None:
        """Start the thread."""
        self.worst = 0.0
        self._stop = False
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        """Sleep 1 ms at a time; keep the worst lateness since the last :meth:`reset`."""
        last = time.perf_counter()
        while not self._stop:
            time.sleep(0.001)
            now = time.perf_counter()
            self.worst = max(self.worst, now - last - 0.001)
            last = now

    def reset(self) -> None:
        """Start a new worst."""
        time.sleep(0.003)
        self.worst = 0.0

    def stop(self) -> None:
        """End the thread."""
        self._stop = True
        self._thread.join()


class Saver:
    """One open context on a data file that saves ratings in a worker thread, timed."""

    def __init__(self, db: Path) -> None:
        """Open the file and pick its newest wheel."""
        from tui.context import AppContext

        self.context = AppContext.open(db)
        self.framework = self.context.catalog.get(FRAMEWORK.id)
        self.wheel_id = self.context.assessments.count()  # ids are 1..N
        self.value = 0

    def encode_ahead(self, timer: Timer) -> tuple[float, float]:
        """Encode the records ahead, as the interface does once it is drawn: (milliseconds, the timer's worst lateness)."""
        timer.reset()
        started = time.perf_counter()
        thread = self.context.db.encode_ahead()
        if thread is not None:
            thread.join()
        return (time.perf_counter() - started) * 1000, timer.worst * 1000

    def save(self, timer: Timer) -> tuple[float, float]:
        """One rating save in a worker thread: (its milliseconds, the timer's worst lateness in ms)."""
        self.value = (self.value + 1) % 11
        area = FRAMEWORK.areas[self.value % len(FRAMEWORK.areas)].id
        took: list[float] = []

        def job() -> None:
            """The save, as the rating screen's saver thread runs it, timed."""
            started = time.perf_counter()
            self.context.assessments.set_rating(self.wheel_id, self.framework, area, "current", self.value)
            took.append((time.perf_counter() - started) * 1000)

        timer.reset()
        worker = threading.Thread(target=job)
        worker.start()
        worker.join()
        return took[0], timer.worst * 1000


def floor_save(db: Path) -> float:
    """Milliseconds of ``safefile.atomic_write`` of ``db``'s bytes beside it: what any save of it must cost."""
    from tui.storage import safefile

    raw = db.read_bytes()
    target = db.with_name("floor.json")
    started = time.perf_counter()
    safefile.atomic_write(target, raw)
    return (time.perf_counter() - started) * 1000


def spread(values: list[float]) -> str:
    """Median, p95 and min-max of ``values``."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered):.1f} (p95 {p95:.1f}, {ordered[0]:.1f}-{ordered[-1]:.1f})"


def wall(command: list[str]) -> float:
    """Seconds one subprocess takes."""
    started = time.perf_counter()
    subprocess.run(command, env=ENV, cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - started


def cli_commands(db: Path, folder: Path, run: int) -> dict[str, list[str]]:
    """The commands timed for ``db``; run ``run`` imports a wheel file of its own (a real import)."""
    one = folder / f"{db.parent.name}-one-{run}.json"
    one.write_text(json.dumps(wheel_document(10_000_000 + run)), encoding="utf-8")
    return {
        "framewheel export -o": [*CLI, "export", "--db", str(db), "-o", str(folder / f"{db.parent.name}-export.json")],
        "framewheel report --latest": [*CLI, "report", "--db", str(db), "--latest"],
        "framewheel import (1 file)": [*CLI, "import", "--db", str(db), str(one)],
        "json.load of the file (floor)": [sys.executable, "-c", f"import json; json.load(open({str(db)!r}, 'rb'))"],
    }


def main() -> int:
    """Build the files, measure each size alternately with the empty one, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000", help="wheel counts, comma-separated")
    parser.add_argument("--items", type=int, default=1000, help="action items in one plan (large files)")
    parser.add_argument("--saves", type=int, default=25)
    parser.add_argument("--runs", type=int, default=5, help="runs of each command")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    folder = Path(tempfile.mkdtemp(prefix="framewheel-scale-"))
    folder.chmod(0o700)
    print(f"code: {ROOT}; python {sys.version.split()[0]}; {os.cpu_count()} cores", flush=True)
    empty = build(folder, "empty", 0, 0)
    files = {size: build(folder, f"{size // 1000}k", size, args.items) for size in sizes}
    columns = ["empty (1 wheel)", *(f"{s // 1000}k wheels + {args.items // 1000}k items" for s in sizes)]
    rows: dict[str, list[str]] = {}
    timer = Timer()
    empty_saver = Saver(empty)
    empty_runs: dict[str, list[float]] = {}
    save_cells: dict[str, list[str]] = {
        "first save after opening": [], "one rating save (ms)": [], "disk floor: atomic_write of the file (ms)": [],
        "timer thread held up by a save (ms)": [], "held up by the first save (ms)": [],
        "encoding ahead in the background (ms)": [], "held up while encoding ahead (ms)": []}
    empty_saves: list[tuple[float, float]] = []
    cli_cells: dict[str, list[str]] = {}
    for size, db in files.items():
        saver = Saver(db)
        ahead = saver.encode_ahead(timer)
        first = saver.save(timer)
        measured, floors = [], []
        for _ in range(args.saves):
            empty_saves.append(empty_saver.save(timer))
            measured.append(saver.save(timer))
            floors.append(floor_save(db))
        saver.context.close()
        save_cells["encoding ahead in the background (ms)"].append(f"{ahead[0]:.1f}")
        save_cells["held up while encoding ahead (ms)"].append(f"{ahead[1]:.1f}")
        save_cells["first save after opening"].append(f"{first[0]:.1f}")
        save_cells["held up by the first save (ms)"].append(f"{first[1]:.1f}")
        save_cells["one rating save (ms)"].append(spread([m[0] for m in measured]))
        save_cells["disk floor: atomic_write of the file (ms)"].append(spread(floors))
        save_cells["timer thread held up by a save (ms)"].append(spread([m[1] for m in measured]))
        print(f"{size} wheels: saves done", flush=True)
        timings: dict[str, list[float]] = {}
        for run in range(args.runs):
            for which, path in (("empty", empty), ("large", db)):
                for name, command in cli_commands(path, folder, run + 100 * size + (0 if which == "large" else 1)).items():
                    (empty_runs if which == "empty" else timings).setdefault(name, []).append(wall(command))
        for name, values in timings.items():
            cli_cells.setdefault(name, []).append(
                f"{statistics.median(values):.2f} s ({min(values):.2f}-{max(values):.2f})")
        print(f"{size} wheels: commands done", flush=True)
    timer.stop()
    rows["one rating save (ms)"] = [spread([s[0] for s in empty_saves]), *save_cells["one rating save (ms)"]]
    rows["disk floor: atomic_write of the file (ms)"] = ["-", *save_cells["disk floor: atomic_write of the file (ms)"]]
    rows["encoding ahead in the background (ms)"] = ["-", *save_cells["encoding ahead in the background (ms)"]]
    rows["held up while encoding ahead (ms)"] = ["-", *save_cells["held up while encoding ahead (ms)"]]
    rows["first save after opening, encoded ahead (ms)"] = ["-", *save_cells["first save after opening"]]
    rows["1 ms timer held up by a save (ms)"] = [spread([s[1] for s in empty_saves]),
                                                 *save_cells["timer thread held up by a save (ms)"]]
    rows["held up by the first save (ms)"] = ["-", *save_cells["held up by the first save (ms)"]]
    for name, cells in cli_cells.items():
        values = empty_runs[name]
        rows[name] = [f"{statistics.median(values):.2f} s ({min(values):.2f}-{max(values):.2f})", *cells]
    print()
    print(f"saves: {args.saves} per size (median (p95, min-max)), alternating with the empty file; "
          f"commands: {args.runs} runs each (median (min-max)), alternating")
    print("| what | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for name, cells in rows.items():
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
