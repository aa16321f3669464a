"""Import rules of issue 11: another framework version is said and kept, times need a UTC offset,
and duplicate keys in a framework file are reported at their place."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from tui.cli.main import main
from tui.context import AppContext
from tui.core.action_plans import PlanFormatError, plan_from_dict
from tui.core.frameworks import FrameworkError, parse_framework
from tui.core.wheels import Assessment

DATA = Path(__file__).resolve().parents[1] / "data"


def wheel_file(folder: Path, name: str = "ana.json", version: str = "2024",
               created: str = "2026-11-22T10:15:00+00:00") -> Path:
    """An AHEP wheel exchange file with one rating."""
    path = folder / name
    path.write_text(json.dumps({
        "format": "framewheel/assessment@1", "framework": {"id": "ahep", "version": version},
        "label": "Before my 1:1", "created": created,
        "ratings": {"working-together": {"current": 6}},
    }), encoding="utf-8")
    return path


def stored_wheels(db: Path, tmp_path: Path) -> list[Assessment]:
    """The wheels in the database at ``db``."""
    context = AppContext.open(db, user_dir=tmp_path / "none")
    try:
        return context.assessments.list()
    finally:
        context.close()


def test_wheel_of_another_version_is_imported_with_a_notice_and_keeps_its_version(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The notice names file, wheel and both versions; the stored wheel and its report say 2023."""
    db = tmp_path / "db.json"
    path = wheel_file(tmp_path, version="2023")
    assert main(["import", "--db", str(db), str(path)]) == 0
    out = capsys.readouterr().out
    assert (f"{path}: wheel 'Before my 1:1': made with AHEP Professional Framework version 2023, "
            "imported beside version 2024") in out
    assert f"{path}: imported 1 wheel" in out
    [wheel] = stored_wheels(db, tmp_path)
    assert wheel.framework_version == "2023"
    assert main(["report", "--db", str(db), "--latest"]) == 0
    report = capsys.readouterr().out
    assert "AHEP Professional Framework (2023; loaded: 2024) · wheel of 2026-11-22 10:15" in report


def test_wheel_of_the_loaded_version_has_no_notice(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Same version: imported quietly, the report header names the one version."""
    db = tmp_path / "db.json"
    assert main(["import", "--db", str(db), str(wheel_file(tmp_path))]) == 0
    assert "made with" not in capsys.readouterr().out
    assert main(["report", "--db", str(db), "--latest"]) == 0
    assert "AHEP Professional Framework (2024) ·" in capsys.readouterr().out


def test_history_names_the_wheels_own_version_where_it_differs() -> None:
    """The history's framework column says the wheel's version beside the loaded one."""
    from screens.wheel.history import framework_text

    wheel = Assessment(1, "ahep", "2023", "x", "2026-11-22T10:15:00+00:00", "2026-11-22T10:15:00+00:00")
    assert framework_text(wheel, "2024") == "ahep (2023; loaded: 2024)"
    assert framework_text(wheel, "2023") == "ahep"


def test_created_without_offset_is_refused_naming_the_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The whole file is refused, with how to write the time; a good file beside it is still imported."""
    db = tmp_path / "db.json"
    bad = wheel_file(tmp_path, "bad.json", created="2026-11-22T10:15:00")
    assert main(["import", "--db", str(db), str(bad)]) == 1
    err = capsys.readouterr().err
    assert (f"{bad}: created: 2026-11-22T10:15:00 has no UTC offset; write it like 2026-11-22T10:15:00+00:00"
            in err)
    assert f"{bad}: not imported" in err
    assert stored_wheels(db, tmp_path) == []


def test_times_without_offset_are_refused_in_every_section(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Objectives, rankings and level-finder records in an all-data file: each field named, nothing written."""
    db = tmp_path / "db.json"
    bundle = tmp_path / "all.json"
    bundle.write_text(json.dumps({
        "format": "framewheel/export@1", "exported": "2026-11-24T09:00:00+00:00",
        "objectives": [{"framework": "ahep", "title": "Develop Working Together", "areas": ["working-together"],
                        "success_criteria": "Rated 8", "created": "2026-11-22T10:20:00+00:00",
                        "updated": "2026-11-22T10:21:00"}],
        "rankings": [{"format": "framewheel/ranking@1", "framework": {"id": "ahep", "version": "2024"},
                      "name": "Team day", "date": "2026-11-22", "created": "2026-11-22T10:30:00",
                      "groups": [["working-together"]]}],
        "level_finder": [{"format": "framewheel/level-finder@1", "framework": {"id": "ahep", "version": "2024"},
                          "label": "Finding", "created": "2026-11-22T10:30:00Z", "updated": "2026-11-22T10:40"}],
    }), encoding="utf-8")
    assert main(["import", "--db", str(db), str(bundle)]) == 1
    err = capsys.readouterr().err
    assert f"{bundle}: objectives[0].updated: 2026-11-22T10:21:00 has no UTC offset" in err
    assert f"{bundle}: rankings[0].created: 2026-11-22T10:30:00 has no UTC offset" in err
    assert f"{bundle}: level_finder[0].updated: 2026-11-22T10:40 has no UTC offset" in err
    assert "level_finder[0].created" not in err  # Z is UTC
    context = AppContext.open(db, user_dir=tmp_path / "none")
    try:
        assert context.development_plan.open_objectives("ahep") == []
    finally:
        context.close()


def test_action_plan_updated_without_offset_is_refused() -> None:
    """An action plan's exchange form names the field."""
    with pytest.raises(PlanFormatError) as caught:
        plan_from_dict({"format": "framewheel/action-plan@1", "project": "P", "updated": "2026-11-22T10:15:00",
                        "sections": []})
    assert caught.value.problems == [
        "updated: 2026-11-22T10:15:00 has no UTC offset; write it like 2026-11-22T10:15:00+00:00"]


def framework_problems(text: str) -> list[str]:
    """The problems of a framework file's text, as a person reads them."""
    with pytest.raises(FrameworkError) as caught:
        parse_framework(text, "f.yaml")
    return [str(problem) for problem in caught.value.problems]


def test_duplicate_scale_label_in_a_flow_mapping_is_reported_at_its_place() -> None:
    """``labels: {1: Aware, 3: Practitioner, 1: Expert}``: the second 1, with line and column of both."""
    text = (DATA / "sixteen-areas.yaml").read_text(encoding="utf-8").replace(
        "labels: {1: Aware, 3: Practitioner, 5: Expert}", "labels: {1: Aware, 3: Practitioner, 1: Expert}")
    line = next(n for n, row in enumerate(text.splitlines(), start=1) if row.startswith("scale:"))
    first = text.splitlines()[line - 1].index("1: Aware") + 1
    second = text.splitlines()[line - 1].index("1: Expert") + 1
    assert framework_problems(text) == [
        f"f.yaml:{line}:{second}: duplicate key '1' in scale.labels (first at line {line} column {first})"]


def test_duplicate_keys_at_any_depth_are_reported() -> None:
    """A nested flow mapping and a block mapping inside a list: each duplicate at its line and column."""
    text = textwrap.dedent(
        """\
        schema: framewheel/framework@1
        id: tiny
        title: Tiny
        version: "1"
        levels:
          - {id: first, title: First}
        areas:
          - id: one
            title: One
            exemplars: {first: [a], first: [b]}
          - {id: two, title: Two}
          - id: three
            title: Three
            title: Third
        scale:
          min: 0
          max: 4
          labels:
            0: none
            0x0: nothing
        """
    )
    assert framework_problems(text) == [
        "f.yaml:10:29: duplicate key 'first' in areas[1].exemplars (first at line 10 column 17)",
        "f.yaml:14:5: duplicate key 'title' in areas[3] (first at line 13)",
        "f.yaml:20:5: duplicate key '0x0' in scale.labels (first at line 19)",
    ]


def test_bundle_exported_without_offset_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The all-data file's own ``exported`` time follows the same rule."""
    bundle = tmp_path / "all.json"
    bundle.write_text(json.dumps({"format": "framewheel/export@1", "exported": "2026-11-24T09:00:00"}), encoding="utf-8")
    assert main(["import", "--db", str(tmp_path / "db.json"), str(bundle)]) == 1
    assert f"{bundle}: exported: 2026-11-24T09:00:00 has no UTC offset" in capsys.readouterr().err
