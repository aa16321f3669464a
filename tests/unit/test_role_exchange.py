"""Role profiles in exchange files: the round trip, a role file on its own, and bad input refused whole."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tui.cli.main import main
from tui.context import AppContext
from tui.core.roles import RoleProfile

AREA_ERROR = "'nope' is not a commitment of AHEP Professional Framework"


def fill(db: Path) -> list[RoleProfile]:
    """A data file with a wheel and two roles: one of scale and level targets, one example."""
    context = AppContext.open(db, user_dir=db.parent / "none")
    fw = context.framework
    context.assessments.create(fw, "Before my 1:1")
    made = [context.roles.create(fw, "Team leader", {"working-together": 8, "professional-development": "member"}),
            context.roles.create(fw, "Example: Head of service", {"wider-context": 9}, example=True)]
    context.close()
    return made


def stored_roles(db: Path) -> list[tuple[str, dict[str, Any], bool, str, str]]:
    """The roles in a data file: name, targets, example, created and updated, by name."""
    context = AppContext.open(db, user_dir=db.parent / "none")
    found = sorted((r.name, dict(r.targets), r.example, r.created, r.updated) for r in context.roles.list())
    context.close()
    return found


def role_file(tmp_path: Path, **changes: Any) -> Path:
    """A good role file, with ``changes`` applied (a value of None removes the field)."""
    document: dict[str, Any] = {"format": "framewheel/role@1", "framework": {"id": "ahep", "version": "2024"},
                                "name": "Team leader", "targets": {"working-together": 8, "professional-development": "member"},
                                "created": "2026-11-22T10:15:00+00:00", "updated": "2026-11-22T10:15:00+00:00"}
    for key, value in changes.items():
        if value is None:
            document.pop(key, None)
        else:
            document[key] = value
    path = tmp_path / "role.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_round_trip_all_data(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Export all, import into a fresh data file: the same roles (targets, example mark, times); again adds nothing."""
    source, target = tmp_path / "a" / "db.json", tmp_path / "b" / "db.json"
    fill(source)
    bundle = tmp_path / "all.json"
    assert main(["export", "--db", str(source), "-o", str(bundle)]) == 0
    exported = json.loads(bundle.read_text(encoding="utf-8"))
    assert [r["name"] for r in exported["roles"]] == ["Team leader", "Example: Head of service"]
    assert exported["roles"][0]["format"] == "framewheel/role@1"
    assert exported["roles"][0]["targets"] == {"professional-development": "member", "working-together": 8}
    assert exported["roles"][1]["example"] is True and "example" not in exported["roles"][0]
    capsys.readouterr()
    assert main(["import", "--db", str(target), str(bundle)]) == 0
    assert f"{bundle}: imported 1 wheel, 2 roles" in capsys.readouterr().out
    assert stored_roles(target) == stored_roles(source)
    assert main(["import", "--db", str(target), str(bundle)]) == 0
    out = capsys.readouterr().out
    assert f"{bundle}: roles[0]: the role 'Team leader' was already imported; not imported again" in out
    assert len(stored_roles(target)) == 2


def test_one_role_exported_and_imported_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``export --role KEY`` writes a role file; imported alone it adds that role; the same file twice stores it once."""
    source, target = tmp_path / "a" / "db.json", tmp_path / "b" / "db.json"
    made = fill(source)
    alone = tmp_path / "team-leader.json"
    assert main(["export", "--db", str(source), "--role", made[0].key, "-o", str(alone)]) == 0
    document = json.loads(alone.read_text(encoding="utf-8"))
    assert document == {"format": "framewheel/role@1", "framework": {"id": "ahep", "version": "2024"},
                        "name": "Team leader",
                        "targets": {"professional-development": "member", "working-together": 8},
                        "created": made[0].created, "updated": made[0].updated}
    capsys.readouterr()
    assert main(["import", "--db", str(target), str(alone)]) == 0
    assert capsys.readouterr().out == f"{alone}: imported 1 role\n"
    assert stored_roles(target) == [("Team leader", {"professional-development": "member", "working-together": 8},
                                     False, made[0].created, made[0].updated)]
    assert main(["import", "--db", str(target), str(alone)]) == 0
    assert capsys.readouterr().out == f"{alone}: the role 'Team leader' was already imported; not imported again\n"
    assert len(stored_roles(target)) == 1


def test_export_role_by_name_and_its_refusals(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``--role`` takes a name too; an unknown role is exit 1, ``--role`` with CSV or with ``--id`` exit 2."""
    source = tmp_path / "a" / "db.json"
    made = fill(source)
    assert main(["export", "--db", str(source), "--role", "team LEADER"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "Team leader"
    assert main(["export", "--db", str(source), "--role", "Boss"]) == 1
    assert capsys.readouterr().err == (f"framewheel: no role 'Boss' in AHEP Professional Framework; its roles: "
                                       f"{made[1].key} (Example: Head of service), {made[0].key} (Team leader)\n")
    assert main(["export", "--db", str(source), "--role", "Boss", "--format", "csv"]) == 2
    assert "--role writes JSON" in capsys.readouterr().err
    assert main(["export", "--db", str(source), "--role", "Boss", "--id", "1"]) == 2
    assert "--role exports one role; leave out --id and --share" in capsys.readouterr().err


BAD_FILES = [
    ({"targets": {"nope": 3}}, f"targets.nope: {AREA_ERROR}"),
    ({"targets": {"working-together": "boss"}},
     "targets.working-together: 'boss' for 'working-together' is not a level of AHEP Professional Framework "
     "(its levels: associate, member, accredited-member, fellow)"),
    ({"targets": {"working-together": 11}}, "targets.working-together: the target 11 for 'working-together' is off the scale (0 to 10)"),
    ({"targets": {"working-together": -1}}, "targets.working-together: the target -1 for 'working-together' is off the scale (0 to 10)"),
    ({"targets": {"working-together": True}},
     "targets.working-together: the target for 'working-together' must be a value on the scale or a level id"),
    ({"targets": {"working-together": 7.5}},
     "targets.working-together: the target for 'working-together' must be a value on the scale or a level id"),
    ({"targets": {"working-together": ["member"]}},
     "targets.working-together: the target for 'working-together' must be a value on the scale or a level id"),
    ({"name": None}, "name: must be the role's name (text)"),
    ({"name": "   "}, "name: must be the role's name (text)"),
    ({"targets": {}}, "targets: must be an object of at least one area id -> a value on the scale or a level id"),
    ({"targets": ["working-together"]}, "targets: must be an object of at least one area id -> a value on the scale or a level id"),
    ({"colour": "blue"}, "colour: is not a field of a role"),
    ({"example": "yes"}, "example: must be true or false"),
    ({"framework": {"id": "sfia"}}, 'framework.id: "sfia" is not a loaded framework'),
    ({"created": "2026-11-22T10:15:00"}, "created: 2026-11-22T10:15:00 has no UTC offset"),
]


@pytest.mark.parametrize(("changes", "problem"), BAD_FILES, ids=[p.split(":")[0] + f"-{i}" for i, (_, p) in enumerate(BAD_FILES)])
def test_bad_role_file_refused_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str], changes: dict[str, Any],
                                     problem: str) -> None:
    """Each problem is named by file and field; exit 1; nothing is written to the data file."""
    target = tmp_path / "b" / "db.json"
    fill(target)
    before = target.read_bytes()
    path = role_file(tmp_path, **changes)
    assert main(["import", "--db", str(target), str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: {problem}" in err
    assert f"{path}: not imported (1 problem(s)); nothing from it was written" in err
    assert target.read_bytes() == before


def test_wrong_format_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A format framewheel does not know is named, with the ones it does; no data file is made."""
    target = tmp_path / "new" / "db.json"
    path = role_file(tmp_path, format="framewheel/role@2")
    assert main(["import", "--db", str(target), str(path)]) == 1
    err = capsys.readouterr().err
    assert f'{path}: format: "framewheel/role@2" is not ' in err and "framewheel/role@1" in err
    assert not target.exists()


def test_every_problem_of_a_file_at_once_and_nothing_half_imported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bundle with one good and one bad role: every problem listed with its place; neither role is stored."""
    target = tmp_path / "new" / "db.json"
    good = json.loads(role_file(tmp_path).read_text(encoding="utf-8"))
    bad = {**good, "name": "Broken", "targets": {"nope": 3, "wider-context": 12}, "colour": "red"}
    bundle = tmp_path / "bundle.json"
    bundle.write_text(json.dumps({"format": "framewheel/export@1", "roles": [good, bad]}), encoding="utf-8")
    assert main(["import", "--db", str(target), str(bundle)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[:3] == [f"{bundle}: roles[1].colour: is not a field of a role",
                       f"{bundle}: roles[1].targets.nope: {AREA_ERROR}",
                       f"{bundle}: roles[1].targets.wider-context: the target 12 for 'wider-context' is off the scale (0 to 10)"]
    assert f"{bundle}: not imported (3 problem(s)); nothing from it was written" in err
    assert not target.exists()  # nothing stored, so no data file made


def test_a_role_of_a_framework_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A role of a framework loaded from a file imports with ``--framework FILE``; its level ids are checked against it."""
    framework = tmp_path / "tiny.yaml"
    framework.write_text("schema: framewheel/framework@1\nid: tiny\ntitle: Tiny\nversion: \"1\"\n"
                         "levels: [{id: first, title: First}]\n"
                         "areas: [{id: one, title: One}, {id: two, title: Two}, {id: three, title: Three}]\n",
                         encoding="utf-8")
    target = tmp_path / "b" / "db.json"
    path = role_file(tmp_path, framework={"id": "tiny"}, targets={"one": "first", "two": 3})
    assert main(["import", "--db", str(target), str(path)]) == 1
    assert f'{path}: framework.id: "tiny" is not a loaded framework' in capsys.readouterr().err
    assert main(["--framework", str(framework), "import", "--db", str(target), str(path)]) == 0
    assert capsys.readouterr().out == f"{path}: imported 1 role\n"
    bad = role_file(tmp_path, framework={"id": "tiny"}, targets={"one": "member"})
    assert main(["--framework", str(framework), "import", "--db", str(target), str(bad)]) == 1
    assert "targets.one: 'member' for 'one' is not a level of Tiny (its levels: first)" in capsys.readouterr().err


def test_a_role_file_with_a_name_already_taken_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Same name, other targets: refused by file and field, nothing written; the very same role is a duplicate."""
    db = tmp_path / "db.json"
    context = AppContext.open(db, user_dir=tmp_path / "u")
    framework = context.catalog.get("ahep")
    assert framework is not None
    context.roles.create(framework, "Lab manager", {"working-together": 8})
    context.close()
    same = tmp_path / "same.json"
    same.write_text(json.dumps({"format": "framewheel/role@1", "framework": {"id": "ahep"}, "name": "lab manager",
                                "targets": {"working-together": 9}}), encoding="utf-8")
    before = db.read_bytes()
    assert main(["import", "--db", str(db), str(same)]) == 1
    err = capsys.readouterr().err
    assert f"{same}: name: a role named “lab manager” already exists (saved:1) with other targets" in err
    assert db.read_bytes() == before
