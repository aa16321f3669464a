"""A plan kept in a spreadsheet: export its CSV, edit it, ``framewheel import --plan`` updates the stored plan, exactly so."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from tui.context import AppContext
from tui.core.action_plans import ActionPlan
from tui.core.exchange.plan_files import plan_to_csv

ROOT = Path(__file__).resolve().parents[2]
PLAN = "Technical Staff Project: RAG analysis 2018-2020 (example)"


def framewheel(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``framewheel`` as a user would (a new process), capturing its output."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def stored(db: Path, user: Path) -> dict[str, ActionPlan]:
    """Every plan in the data file by project, as read back from the file."""
    context = AppContext.open(db, user_dir=user)
    try:
        return {plan.project: plan for plan in context.action_plans.list()}
    finally:
        context.close()


def demo_database(tmp_path: Path) -> Path:
    """A data file holding the demo's two plans (a copy, so the test owns it)."""
    demo = AppContext.open_demo(user_dir=tmp_path / "user")
    db = tmp_path / "data" / "framewheel.json"
    db.parent.mkdir(mode=0o700)
    shutil.copyfile(demo.db.path, db)
    os.chmod(db, 0o600)
    demo.close()
    return db


def edited(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The CSV with the ratings of its first two rows changed and a row added; the (milestone, new rating) changed."""
    rows = list(csv.reader(io.StringIO(text)))
    changes = []
    for row in rows[1:3]:
        row[2] = "green" if row[2] != "green" else "red"
        changes.append((row[1], row[2]))
    rows.append(["Visibility", "Open a technician blog", "amber", "First posts drafted", "Comms team", "2020"])
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue(), changes


def test_export_edit_import_with_plan_then_again(tmp_path: Path) -> None:
    """Two ratings edited and a row added: exactly those changes are listed and stored; the second import changes nothing."""
    db, user = demo_database(tmp_path), tmp_path / "user"
    before = stored(db, user)
    plan = before[PLAN]
    text, rated = edited(plan_to_csv(plan))
    sheet = tmp_path / "plan.csv"
    sheet.write_text(text, encoding="utf-8")

    run = framewheel("import", "--db", str(db), "--plan", PLAN, str(sheet), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert f"the plan '{PLAN}': 2 changed, 1 added, 0 removed" in run.stdout
    listed = [line.strip() for line in run.stdout.splitlines() if line.startswith("  ")]
    assert len(listed) == 3
    assert listed[2] == (f"+ Visibility: Open a technician blog (line {len(text.splitlines())}): Amber; comment 'First posts drafted'; "
                         "owner 'Comms team'; focus 2020")
    assert f"updated the plan '{PLAN}'" in run.stdout

    after = stored(db, user)
    assert after.keys() == before.keys()
    other = next(name for name in before if name != PLAN)
    assert after[other] == before[other]
    expected_sections = list(plan.sections)
    for milestone, rag in rated:
        s, i = next((s, i) for s, i, item in plan.items() if item.milestone == milestone)
        assert f"~ {plan.sections[s].title}: {milestone} (line" in "\n".join(listed)
        items = list(expected_sections[s].items)
        items[i] = replace(items[i], rag=rag)
        expected_sections[s] = replace(expected_sections[s], items=tuple(items))
    visibility = next(s for s, section in enumerate(plan.sections) if section.title == "Visibility")
    new = after[PLAN].sections[visibility].items[-1]
    assert (new.milestone, new.rag, new.comment, new.owner, new.focus) == (
        "Open a technician blog", "amber", "First posts drafted", "Comms team", (2020,))
    expected_sections[visibility] = replace(expected_sections[visibility], items=(*expected_sections[visibility].items, new))
    assert after[PLAN] == replace(plan, sections=tuple(expected_sections), updated=after[PLAN].updated)

    written = db.read_bytes()
    again = framewheel("import", "--db", str(db), "--plan", PLAN, str(sheet), cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert f"No change: the plan '{PLAN}' already matches {sheet}" in again.stdout
    assert db.read_bytes() == written


def test_unknown_plan_bad_cell_and_new_plan_of_a_known_name(tmp_path: Path) -> None:
    """An unknown name names the plans there; a bad cell names its line and column; nothing is written, exit 1."""
    db, user = demo_database(tmp_path), tmp_path / "user"
    written = db.read_bytes()
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("section,milestone,rag,comment,owner,focus\nVisibility,Blog,purple,,,\n", encoding="utf-8")
    unknown = framewheel("import", "--db", str(db), "--plan", "Nope", str(sheet), cwd=tmp_path)
    assert unknown.returncode == 1
    assert "line 2, column rag: 'purple' is not red, amber, green" in unknown.stderr
    assert "Traceback" not in unknown.stderr
    sheet.write_text("section,milestone,rag,comment,owner,focus\nVisibility,Blog,red,No budget,,\n", encoding="utf-8")
    unknown = framewheel("import", "--db", str(db), "--plan", "Nope", str(sheet), cwd=tmp_path)
    assert unknown.returncode == 1
    assert unknown.stderr.strip() == (f"{sheet}: not imported: there is no action plan named 'Nope'; the plans are "
                                      f"'Institution action plan 2021-2023 (example)', '{PLAN}'")
    assert db.read_bytes() == written

    first = framewheel("import", "--db", str(db), str(sheet), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert "a new plan 'sheet' of 1 item(s)" in first.stdout
    assert stored(db, user)["sheet"].sections[0].items[0].comment == "No budget"
    twice = framewheel("import", "--db", str(db), str(sheet), cwd=tmp_path)
    assert twice.returncode == 1
    assert f"framewheel import --plan 'sheet' {sheet}" in twice.stderr
    assert len(stored(db, user)) == 3
