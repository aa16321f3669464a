"""``framewheel roles list`` and ``framewheel roles compare`` on a data file: what a person reads, in Markdown and JSON.

The data: two AHEP wheels and three roles. The latest wheel ("Before my 1:1") rates now
Prof. development 3, Working together 6, Service excellence 9 (would like: 8, 9, 9). "Team
leader" expects Prof. development 5, Working together 8, Service excellence 6, Results &
accountability 4 (not rated) and Responsible practice at Member (a level). By hand: met 1 of 4;
shortfalls 2 and 2 (a tie, in framework order), then the unrated area, then the strength (3 above);
closeness 1 - (2 + 2 + 4) / (5 + 8 + 6 + 4) = 15/23, 65%.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from tui.cli.main import main
from tui.context import AppContext
from tui.core.finder import CONSISTENTLY, NOT_YET, FinderRecord, mark_key
from tui.core.roles import RoleProfile

TINY = textwrap.dedent(
    """\
    schema: framewheel/framework@1
    id: tiny
    title: Tiny framework
    version: "1"
    area_name: behaviour
    levels:
      - {id: first, title: First}
      - {id: second, title: Second}
    areas:
      - {id: one, title: One}
      - {id: two, title: Two}
      - {id: three, title: Three}
    roles:
      - id: lead
        title: Lead
        targets: {one: 7, two: second}
    """
)


def rate(context: AppContext, label: str, now: dict[str, int], wish: dict[str, int] | None = None) -> int:
    """A new AHEP wheel with these ratings; its id."""
    fw = context.catalog.frameworks["ahep"]
    wheel = context.assessments.create(fw, label)
    for area, value in now.items():
        context.assessments.set_rating(wheel.id, fw, area, "current", value)
    for area, value in (wish or {}).items():
        context.assessments.set_rating(wheel.id, fw, area, "aspiration", value)
    return wheel.id


def fill(db: Path, finder: bool = False) -> dict[str, Any]:
    """The data of these tests (see the module's docstring); the keys of the roles made."""
    context = AppContext.open(db, user_dir=db.parent / "none")
    fw = context.catalog.frameworks["ahep"]
    rate(context, "Last year", {"professional-development": 5, "working-together": 8, "service-excellence": 6,
                                "results-and-accountability": 4})
    rate(context, "Before my 1:1", {"professional-development": 3, "working-together": 6, "service-excellence": 9},
         {"professional-development": 8, "working-together": 9, "service-excellence": 9})
    leader = context.roles.create(fw, "Team leader", {
        "professional-development": 5, "working-together": 8, "service-excellence": 6,
        "results-and-accountability": 4, "responsible-practice": "member"})
    starter = context.roles.create(fw, "Starter", {"professional-development": 3, "service-excellence": 5})
    director = context.roles.create(fw, "Director", {"professional-development": 9, "working-together": 9})
    if finder:
        # Responsible practice: Associate reached (2 of 3 consistently), Member not (1 of 3).
        record = FinderRecord(0, "ahep", fw.version, "Finding my level", "2026-11-20T09:30:00+00:00",
                              "2026-11-20T09:30:00+00:00", marks={"responsible-practice": {
                                  mark_key("associate", 0): CONSISTENTLY, mark_key("associate", 1): CONSISTENTLY,
                                  mark_key("associate", 2): NOT_YET, mark_key("member", 0): CONSISTENTLY}})
        context.finder.add(record)
    context.close()
    return {"leader": leader.key, "starter": starter.key, "director": director.key}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """``framewheel ARGV``: the exit status, standard output and standard error."""
    status = main(list(argv))
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    return status, captured.out, captured.err


def test_list_markdown_and_json(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every role with its key, name, origin and targets (framework order, levels by title)."""
    keys = fill(db_path)
    status, out, err = run(capsys, "roles", "--db", str(db_path), "list")
    assert status == 0 and err == ""
    assert out.splitlines() == [
        "# Roles of AHEP Professional Framework (2024)", "",
        "| Key | Role | From | Targets |", "|---|---|---|---|",
        f"| {keys['director']} | Director | made in framewheel | Prof. development 9, Working together 9 |",
        f"| {keys['starter']} | Starter | made in framewheel | Prof. development 3, Service excellence 5 |",
        f"| {keys['leader']} | Team leader | made in framewheel | Prof. development 5, Responsible pract. Member, "
        "Working together 8, Results & account. 4, Service excellence 6 |",
        "", "3 roles. Compare a wheel with one: `framewheel roles compare KEY` (or the role's name)."]
    status, out, _ = run(capsys, "roles", "list", "--db", str(db_path), "--format", "json")
    document = json.loads(out)
    assert status == 0 and document["format"] == "framewheel/role-list@1"
    assert document["framework"] == {"id": "ahep", "version": "2024"}
    assert document["roles"][2] == {
        "key": keys["leader"], "name": "Team leader", "source": "made in framewheel", "from_framework": False,
        "example": False, "unplaced": {},
        "targets": {"professional-development": 5, "responsible-practice": "member", "working-together": 8,
                    "results-and-accountability": 4, "service-excellence": 6}}


def test_list_of_a_framework_without_roles(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """No roles: said in a sentence, with how to make or import one; exit 0."""
    fill(db_path)
    status, out, _ = run(capsys, "--framework", "aspect-core-principles", "roles", "--db", str(db_path), "list")
    assert status == 0
    assert "No roles yet: the framework file defines none and none was made in framewheel." in out


def test_compare_latest_markdown(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The headline, the gap per area by shortfall, the strengths, the level target, the closest roles."""
    keys = fill(db_path)
    status, out, err = run(capsys, "roles", "--db", str(db_path), "compare", "team leader")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "# Compared with role Team leader"
    assert f"Role **Team leader** (`{keys['leader']}`, made in framewheel) against wheel 2 “Before my 1:1”" in out
    assert "series N “How confident I feel now”." in out
    assert "**met 1 of 4 (1 level target: compare with the level finder)**" in lines
    table = lines[lines.index("## Gap per commitment") + 2:lines.index("## Gap per commitment") + 8]
    assert table == [
        "|   | Commitment | Target | Rated | Gap |", "|---|---|---|---|---|",
        "| ▼ | 1. Empowering Professional Development | 5 | 3 | 2 below (3 of 5) |",
        "| ▼ | 3. Working Together | 8 | 6 | 2 below (6 of 8) |",
        "| · | 5. Focusing on Results and Taking Accountability | 4 | not rated | not rated (target 4) |",
        "| ▲ | 7. Delivering Service Excellence | 6 | 9 | 3 above (9 of 6) |"]
    strengths = lines.index("## Strengths for the role")
    assert lines[strengths + 2] == "- 7. Delivering Service Excellence: 3 above (9 of 6)"
    levels = lines.index("## Level targets")
    assert lines[levels + 2].startswith("No level-finder record of AHEP Professional Framework yet")
    assert "- 2. Demonstrating Responsible Practice and Personal Integrity: Member" in lines
    closest = lines.index("## Closest roles")
    assert lines[closest + 2:] == [
        f"1. Starter (`{keys['starter']}`): 100% of the way: met 2 of 2",
        f"2. Team leader (`{keys['leader']}`): 65% of the way: met 1 of 4, 4 points short, 1 not rated",
        f"3. Director (`{keys['director']}`): 50% of the way: met 0 of 2, 9 points short"]
    assert "## Targets the framework can no longer place" not in out


def test_compare_json_with_the_level_finder(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The JSON form: the gaps, the level target against the latest level-finder record, the closeness."""
    keys = fill(db_path, finder=True)
    status, out, _ = run(capsys, "roles", "--db", str(db_path), "compare", keys["leader"], "--latest", "--format", "json")
    assert status == 0
    document = json.loads(out)
    assert document["format"] == "framewheel/role-comparison@1"
    assert document["role"]["key"] == keys["leader"] and document["role"]["source"] == "made in framewheel"
    assert document["wheel"]["id"] == 2 and document["wheel"]["label"] == "Before my 1:1"
    assert document["series"] == {"id": "current", "letter": "N", "title": "How confident I feel now"}
    assert (document["met"], document["total"]) == (1, 4)
    assert document["headline"] == "met 1 of 4 (and 0 of 1 level target, from the level finder)"
    assert [(g["area"], g["status"], g["target"], g["rated"], g["gap"]) for g in document["gaps"]] == [
        ("professional-development", "short", 5, 3, 2), ("working-together", "short", 8, 6, 2),
        ("results-and-accountability", "unrated", 4, None, 0), ("service-excellence", "above", 6, 9, 0)]
    assert document["strengths"] == ["service-excellence"]
    levels = document["level_targets"]
    assert levels["record"]["label"] == "Finding my level" and (levels["met"], levels["total"]) == (0, 1)
    assert levels["areas"] == [{
        "area": "responsible-practice", "expected": "member", "derived": "associate", "status": "short",
        "levels_short": 1, "next_level": "member",
        "next_exemplars": ["I demonstrate consistency in my decisions and actions and can challenge decisions and "
                           "actions that are inconsistent with professional and organisational values.",
                           "I advocate inclusivity and foster fairness and respect for all and seek to be an effective ally."]}]
    assert document["unplaced"] == {}
    assert [(c["name"], c["closeness"], c["percent"]) for c in document["closest"]] == [
        ("Starter", 1.0, 100), ("Team leader", 0.6522, 65), ("Director", 0.5, 50)]


def test_compare_markdown_with_the_level_finder(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """In Markdown the level target reads as the derived level against the expected one, with the next exemplars."""
    keys = fill(db_path, finder=True)
    status, out, _ = run(capsys, "roles", "--db", str(db_path), "compare", keys["leader"])
    assert status == 0
    assert "**met 1 of 4 (and 0 of 1 level target, from the level finder)**" in out
    assert "From the level-finder record “Finding my level” of 2026-11-20: **met 0 of 1**." in out
    assert ("- ▼ 2. Demonstrating Responsible Practice and Personal Integrity: Associate, expected Member (1 level "
            "below)") in out.replace("\n  ", " ")
    assert "  - next: I demonstrate consistency in my decisions" in out


def test_compare_a_chosen_wheel_and_series(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An ASSESSMENT_ID picks the wheel; --series (id or letter) the series; strengths by how far above."""
    keys = fill(db_path)
    status, out, _ = run(capsys, "roles", "--db", str(db_path), "compare", keys["leader"], "1")
    assert status == 0 and "against wheel 1 “Last year”" in out and "**met 4 of 4 (1 level target" in out
    for series in ("aspiration", "W", "w"):
        status, out, _ = run(capsys, "roles", "--db", str(db_path), "compare", "Team leader", "--series", series,
                             "--format", "json")
        document = json.loads(out)
        assert status == 0 and document["series"]["id"] == "aspiration" and document["met"] == 3
        assert [(g["area"], g["status"]) for g in document["gaps"]] == [
            ("results-and-accountability", "unrated"), ("professional-development", "above"),
            ("service-excellence", "above"), ("working-together", "above")]
        assert document["strengths"] == ["professional-development", "service-excellence", "working-together"]


def test_compare_errors(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Unknown role, unknown wheel, unknown series, a wheel of another framework: one sentence on stderr, exit 1."""
    keys = fill(db_path)
    context = AppContext.open(db_path, user_dir=tmp_path / "none")
    other = context.assessments.create(context.catalog.frameworks["aspect-core-principles"], "Aspect wheel")
    context.close()
    db = str(db_path)
    status, out, err = run(capsys, "roles", "--db", db, "compare", "Boss")
    assert (status, out) == (1, "")
    assert err == (f"framewheel: no role 'Boss' in AHEP Professional Framework; its roles: {keys['director']} (Director), "
                   f"{keys['starter']} (Starter), {keys['leader']} (Team leader)\n")
    status, out, err = run(capsys, "roles", "--db", db, "compare", "Starter", "99")
    assert (status, out, err) == (1, "", "framewheel: there is no wheel with id 99 (3 wheel(s) saved)\n")
    status, out, err = run(capsys, "roles", "--db", db, "compare", "Starter", "--series", "later")
    assert (status, out) == (1, "")
    assert err == ("framewheel: 'later' is not a series of AHEP Professional Framework "
                   "(its series: current (N), aspiration (W), organisation (O))\n")
    status, out, err = run(capsys, "roles", "--db", db, "compare", "Starter", str(other.id))
    assert (status, out) == (1, "")
    assert err == (f"framewheel: wheel {other.id} is a wheel of 'aspect-core-principles', but the role 'Starter' is of "
                   "'ahep': a wheel is compared with the roles of its own framework "
                   "(give --framework aspect-core-principles to use that framework's roles)\n")
    status, out, err = run(capsys, "roles", "--db", db, "--framework", "aspect-core-principles", "compare", "Starter")
    assert status == 1 and err.startswith("framewheel: no role 'Starter' in Core principles") and "its roles: none yet" in err


def test_compare_with_no_wheel_and_no_data_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A role and no wheel: said so, exit 1. No data file: said so, exit 1, and none is made."""
    db = tmp_path / "only-roles.json"
    context = AppContext.open(db, user_dir=tmp_path / "none")
    context.roles.create(context.framework, "Starter", {"working-together": 3})
    context.close()
    status, out, err = run(capsys, "roles", "--db", str(db), "compare", "Starter")
    assert (status, out) == (1, "")
    assert err == ("framewheel: no wheel of AHEP Professional Framework saved yet, so there is nothing to compare "
                   "with the role 'Starter'\n")
    missing = tmp_path / "missing.json"
    for action in ("list", "compare"):
        status, out, err = run(capsys, "roles", "--db", str(missing), action, *(["Starter"] if action == "compare" else []))
        assert (status, out) == (1, "")
        assert err == (f"framewheel: there is no data file at {missing}, so no roles or wheels to {action} "
                       "(check --db or $FRAMEWHEEL_DB)\n")
    assert not missing.exists()


@pytest.mark.parametrize("argv", [
    ["roles"],
    ["roles", "compare"],
    ["roles", "compare", "Starter", "1", "--latest"],
    ["roles", "compare", "Starter", "one"],
    ["roles", "list", "--format", "csv"],
    ["roles", "show"],
])
def test_usage_errors_exit_2(db_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    """A command line that cannot be understood: argparse's message and exit status 2."""
    fill(db_path)
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--db", str(db_path)] if len(argv) > 1 else argv)
    assert exited.value.code == 2
    assert "usage: framewheel roles" in capsys.readouterr().err


def test_demo_is_refused_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    """``--demo`` is for the interface: ``roles`` says so with exit 2, touching no data."""
    status, _, err = run(capsys, "--demo", "roles", "list")
    assert status == 2 and "--demo starts the interface on example data; 'roles' works on a data file" in err


def test_output_file_and_visible_control_characters(db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``-o`` writes the JSON exactly and says where; on standard output a name's ESC is shown as ``\\x1b``."""
    fill(db_path)
    context = AppContext.open(db_path, user_dir=tmp_path / "none")
    context.roles.create(context.framework, "Evil\x1b[31m", {"working-together": 2})
    context.roles.create(context.framework, "Pipe | and\nbreak", {"working-together": 2})
    context.close()
    status, out, err = run(capsys, "roles", "--db", str(db_path), "list")
    assert status == 0 and "\x1b" not in out and "| Evil\\x1b[31m |" in out
    assert "| Pipe \\| and break |" in out  # one table cell, on one line
    status, out, err = run(capsys, "roles", "--db", str(db_path), "compare", "pipe | and\nbreak")
    assert status == 0 and out.startswith("# Compared with role Pipe | and break\n")
    target = tmp_path / "roles.json"
    status, out, err = run(capsys, "roles", "--db", str(db_path), "list", "--format", "json", "-o", str(target))
    assert (status, out, err) == (0, "", f"Wrote {target}\n")
    names = [r["name"] for r in json.loads(target.read_text(encoding="utf-8"))["roles"]]
    assert "Evil\x1b[31m" in names
    status, out, err = run(capsys, "roles", "--db", str(db_path), "compare", "Evil\x1b[31m")
    assert status == 0 and "\x1b" not in out and "# Compared with role Evil\\x1b[31m" in out


def test_a_framework_files_roles_are_listed_and_compared(db_path: Path, tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """A framework file with ``roles:`` in the user's folder, or given with --framework FILE: its roles are listed first."""
    folder = tmp_path / "config" / "framewheel" / "frameworks"  # the user's folder under $XDG_CONFIG_HOME (conftest)
    folder.mkdir(parents=True)
    (folder / "tiny.yaml").write_text(TINY, encoding="utf-8")
    context = AppContext.open(db_path)
    tiny = context.catalog.frameworks["tiny"]
    made = context.roles.create(tiny, "Own", {"three": 4})
    wheel = context.assessments.create(tiny, "Tiny wheel")
    context.assessments.set_rating(wheel.id, tiny, "one", "current", 5)
    context.close()
    status, out, _ = run(capsys, "roles", "--db", str(db_path), "--framework", "tiny", "list")
    assert status == 0
    assert out.splitlines()[4:6] == ["| lead | Lead | in the framework file | One 7, Two Second |",
                                     f"| {made.key} | Own | made in framewheel | Three 4 |"]
    status, out, _ = run(capsys, "--framework", "tiny", "roles", "--db", str(db_path), "compare", "lead", "--format", "json")
    document = json.loads(out)
    assert status == 0 and document["role"]["source"] == "in the framework file" and document["role"]["key"] == "lead"
    assert document["headline"] == "met 0 of 1 (1 level target: compare with the level finder)"
    assert document["level_targets"]["record"] is None
    assert document["level_targets"]["areas"] == [{"area": "two", "expected": "second", "derived": None,
                                                   "status": "no record", "levels_short": None, "next_level": None,
                                                   "next_exemplars": []}]
    copy = tmp_path / "elsewhere" / "tiny-copy.yaml"
    copy.parent.mkdir()
    copy.write_text(TINY.replace("id: tiny", "id: tiny-copy").replace("title: Lead", "title: Lead (copy)"), encoding="utf-8")
    status, out, _ = run(capsys, "roles", "--db", str(db_path), "--framework", str(copy), "list")
    assert status == 0 and "| lead | Lead (copy) | in the framework file | One 7, Two Second |" in out


def test_demo_data_has_example_roles_in_roles_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The demo's roles are named "Example: ..." and listed as examples (here on a copy of the demo's data file)."""
    demo = AppContext.open_demo(user_dir=tmp_path / "none")
    try:
        copy = tmp_path / "demo-copy.json"
        copy.write_bytes((demo.temporary_dir / "framewheel.json").read_bytes())  # type: ignore[operator]
    finally:
        demo.close()
    status, out, _ = run(capsys, "roles", "--db", str(copy), "--framework", "ahep", "list")
    assert status == 0
    rows = [line for line in out.splitlines() if line.startswith("| saved:")]
    assert len(rows) == 4 and all("| Example: " in row and "| example |" in row for row in rows)
    status, out, _ = run(capsys, "roles", "--db", str(copy), "--framework", "ahep", "compare", "Example: Team leader")
    assert status == 0 and "## Closest roles" in out and "**met " in out


def test_a_changed_framework_keeps_the_roles_targets(db_path: Path, tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """After the framework file loses an area and a level, the role lists the targets it cannot place, and keeps them."""
    folder = tmp_path / "config" / "framewheel" / "frameworks"
    folder.mkdir(parents=True)
    framework_file = folder / "tiny.yaml"
    framework_file.write_text(TINY, encoding="utf-8")
    context = AppContext.open(db_path)
    tiny = context.catalog.frameworks["tiny"]
    made = context.roles.create(tiny, "Mine", {"one": 4, "two": "second", "three": 6})
    wheel = context.assessments.create(tiny, "Tiny wheel")
    context.assessments.set_rating(wheel.id, tiny, "one", "current", 5)
    context.close()
    framework_file.write_text(TINY.replace("  - {id: second, title: Second}\n", "")
                              .replace("  - {id: three, title: Three}\n", "  - {id: four, title: Four}\n")
                              .replace("targets: {one: 7, two: second}", "targets: {one: 7}"), encoding="utf-8")
    status, out, _ = run(capsys, "roles", "--db", str(db_path), "--framework", "tiny", "list")
    assert status == 0
    assert f"| {made.key} | Mine | made in framewheel | One 4, two second (cannot be placed), three 6 (cannot be placed) |" in out
    status, out, _ = run(capsys, "roles", "--db", str(db_path), "--framework", "tiny", "compare", "Mine")
    assert status == 0 and "**met 1 of 1**" in out
    assert "## Targets the framework can no longer place\n\nKept in the role, not compared: two (second), three (6).\n" in out
    status, out, _ = run(capsys, "roles", "--db", str(db_path), "--framework", "tiny", "compare", "Mine", "--format", "json")
    document = json.loads(out)
    assert document["unplaced"] == {"two": "second", "three": 6} and [g["area"] for g in document["gaps"]] == ["one"]
    assert document["role"]["targets"] == {"one": 4, "two": "second", "three": 6}


def test_a_name_two_roles_share_asks_for_the_key(db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Two roles called alike (kept from before names were checked): compare and export say which keys, exit 1."""
    keys = fill(db_path)
    context = AppContext.open(db_path, user_dir=db_path.parent / "none")
    twin = context.roles.add(RoleProfile(0, "team LEADER", "ahep", {"working-together": 3}))
    context.close()
    for argv in (("roles", "--db", str(db_path), "compare", "Team leader"),
                 ("export", "--db", str(db_path), "--role", "Team leader")):
        status, out, err = run(capsys, *argv)
        assert status == 1 and out == ""
        assert (f"'Team leader' is the name of 2 roles: {keys['leader']} (made in framewheel), "
                f"{twin.key} (made in framewheel); give the key of the one you mean") in err
    status, out, _ = run(capsys, "roles", "--db", str(db_path), "compare", twin.key)
    assert status == 0 and "team LEADER" in out
