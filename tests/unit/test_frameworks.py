"""The framework loader: valid files load; every kind of mistake is reported at its place."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tui.core.frameworks import FrameworkError, load_catalog, load_framework, parse_framework, shipped_framework_files
from tui.storage.safefile import write_private

GOOD = textwrap.dedent(
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
      - id: one
        title: One
        short: One
        exemplars:
          first: ["I do one."]
          second: ["I lead one."]
      - {id: two, title: Two}
      - {id: three, title: Three}
    roles:
      - id: lead
        title: Lead
        targets: {one: 7, two: second}
    """
)


def problems_of(text: str) -> list[str]:
    """The problem lines reported for ``text`` (file name ``f.yaml``)."""
    with pytest.raises(FrameworkError) as caught:
        parse_framework(text, "f.yaml")
    return [str(problem) for problem in caught.value.problems]


def test_good_file_loads_with_defaults() -> None:
    """A minimal valid file loads, and the default scale and series apply."""
    framework = parse_framework(GOOD, "f.yaml")
    assert framework.id == "tiny"
    assert [area.id for area in framework.areas] == ["one", "two", "three"]
    assert framework.area("one").exemplars["second"] == ("I lead one.",)
    assert (framework.scale.min, framework.scale.max) == (0, 10)
    assert framework.series_ids == ("current", "aspiration", "organisation")
    assert framework.roles[0].targets == {"one": 7, "two": "second"}
    assert framework.area_word == "Behaviour"


def test_shipped_frameworks_all_valid() -> None:
    """Every shipped file loads, and the catalog has AHEP first."""
    assert len(shipped_framework_files()) >= 3
    for path in shipped_framework_files():
        load_framework(path)
    catalog = load_catalog(user_dir=Path("/nonexistent"))
    assert catalog.problems == []
    assert catalog.ordered()[0].id == "ahep"
    ahep = catalog.get("ahep")
    assert len(ahep.areas) == 8 and len(ahep.levels) == 4


def test_yaml_syntax_error_has_line_and_column() -> None:
    """A YAML syntax error names its line and column."""
    lines = problems_of("schema: framewheel/framework@1\nid: [unclosed\ntitle: x\n")
    assert len(lines) == 1
    assert lines[0].startswith("f.yaml:3:")
    assert "YAML syntax" in lines[0]


def test_duplicate_key_reported_at_second_occurrence() -> None:
    """A key given twice is an error at the second one, naming the first line."""
    text = GOOD.replace("title: Tiny framework\n", "title: Tiny framework\ntitle: Again\n")
    assert problems_of(text) == ["f.yaml:4:1: duplicate key 'title' in the framework (first at line 3)"]


def test_unknown_and_missing_keys() -> None:
    """Unknown keys and missing required keys are reported with their places."""
    text = GOOD.replace("  - {id: two, title: Two}\n", "  - {id: two, titel: Two}\n")
    lines = problems_of(text)
    assert any(line.startswith("f.yaml:16:15: unknown key 'titel' in area 2") for line in lines)
    assert any(line == "f.yaml:16:5: missing required key 'title' in area 2" for line in lines)


def test_wrong_types_and_bad_slug() -> None:
    """A number where text belongs, a list where a mapping belongs, and a bad id."""
    text = GOOD.replace('version: "1"', "version: 1").replace("id: tiny", "id: Tiny Framework")
    text = text.replace("  - {id: three, title: Three}", "  - [three, Three]")
    lines = problems_of(text)
    assert 'f.yaml:4:10: version must be text, not a whole number; put it in quotes, e.g. "1"' in lines
    assert any(line.startswith("f.yaml:2:5: id 'Tiny Framework' is not a valid id") for line in lines)
    assert "f.yaml:17:5: area 3 must be a mapping of keys to values, not a list" in lines


def test_all_errors_reported_not_only_first() -> None:
    """Several problems in one file are all reported, in file order."""
    text = GOOD.replace('version: "1"', "version: 1").replace("short: One", "short: A label far too long for the wheel")
    lines = problems_of(text)
    assert len(lines) == 2
    assert lines[0].startswith("f.yaml:4:")
    assert "at most 18" in lines[1] and lines[1].startswith("f.yaml:12:")


def test_exemplars_under_unknown_level() -> None:
    """Exemplars keyed by a level that does not exist are an error at that key."""
    lines = problems_of(GOOD.replace('second: ["I lead one."]', 'third: ["I lead one."]'))
    assert lines == [
        "f.yaml:15:7: area 'one' exemplars name level 'third', which does not exist; levels are: first, second"
    ]


def test_role_targets_checked() -> None:
    """Role targets must name known areas, and values on the scale or level ids."""
    lines = problems_of(GOOD.replace("{one: 7, two: second}", "{one: 11, four: 3, two: fifth}"))
    assert lines == [  # file, line and column of each target
        "f.yaml:21:20: role 'lead' target 11 for 'one' is off the scale (0 to 10)",
        "f.yaml:21:30: role 'lead' targets area 'four', which does not exist",
        "f.yaml:21:38: role 'lead' target 'fifth' for 'two' is neither a value on the scale nor a level id",
    ]


def test_too_few_and_too_many_areas() -> None:
    """A wheel needs 3 to 16 areas."""
    few = GOOD.split("areas:")[0] + "areas:\n  - {id: a, title: A}\n  - {id: b, title: B}\n"
    assert problems_of(few) == ["f.yaml:10:3: a framework needs 3 to 16 areas; this file has 2"]
    many = GOOD.split("areas:")[0] + "areas:\n" + "".join(f"  - {{id: a{i}, title: A{i}}}\n" for i in range(17))
    assert problems_of(many) == ["f.yaml:10:3: a framework needs 3 to 16 areas; this file has 17"]


def test_duplicate_ids() -> None:
    """Two areas with one id are reported at the second."""
    lines = problems_of(GOOD.replace("{id: three, title: Three}", "{id: two, title: Three}"))
    assert lines == ["f.yaml:17:10: duplicate area id 'two' (first at line 16)"]


def test_scale_checks() -> None:
    """Scale max above min; labels on the scale."""
    bad = GOOD + "scale: {min: 5, max: 5}\n"
    assert problems_of(bad) == ["f.yaml:22:22: scale max (5) must be greater than min (5)"]
    labels = GOOD + "scale: {min: 1, max: 5, labels: {0: Never, 5: Always}}\n"
    assert "f.yaml:22:34: scale label 0 is off the scale (1 to 5)" in problems_of(labels)


def test_python_tag_is_an_error_and_runs_nothing(tmp_path: Path) -> None:
    """A !!python tag is refused and nothing in it is executed."""
    marker = tmp_path / "ran"
    text = GOOD.replace(
        "title: Tiny framework", f"title: !!python/object/apply:os.system ['touch {marker}']"
    )
    lines = problems_of(text)
    assert any("tag '!!python/object/apply:os.system' is not allowed" in line for line in lines)
    assert not marker.exists()


def test_wrong_schema_and_empty_file() -> None:
    """Another schema version, and an empty file, are explained."""
    assert problems_of(GOOD.replace("framework@1", "framework@2"))[0] == (
        "f.yaml:1:9: unsupported schema 'framewheel/framework@2'; this framewheel reads 'framewheel/framework@1'"
    )
    assert problems_of("") == ["f.yaml:1:1: the file is empty; a framework needs schema, id, title, version and areas"]


def test_broken_user_file_skipped_not_fatal(tmp_path: Path) -> None:
    """A broken file in the user folder is reported and skipped; the rest still load."""
    (tmp_path / "broken.yaml").write_text("id: [\n", encoding="utf-8")
    (tmp_path / "mine.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "clash.yml").write_text(GOOD.replace("title: Tiny framework", "title: Other"), encoding="utf-8")
    catalog = load_catalog(user_dir=tmp_path)
    assert "tiny" in catalog.frameworks and "ahep" in catalog.frameworks
    paths = {problem.path for problem in catalog.problems}
    assert str(tmp_path / "broken.yaml") in paths
    assert any("already used by" in problem.message for problem in catalog.problems)


def test_unreadable_and_non_utf8_file(tmp_path: Path) -> None:
    """A missing file and a non-UTF-8 file give one clear problem each."""
    with pytest.raises(FrameworkError, match="cannot read"):
        load_framework(tmp_path / "missing.yaml")
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(GOOD.replace("Tiny", "Tin\xff").encode("latin-1"))
    with pytest.raises(FrameworkError, match="not UTF-8"):
        load_framework(latin)


def test_catalog_cache_is_used_only_for_unchanged_valid_files(tmp_path: Path) -> None:
    """A second load takes unchanged files from the cache (same frameworks); a changed file is checked again."""
    from tui.core.framework_cache import FrameworkCache

    folder = tmp_path / "mine"
    folder.mkdir()
    mine = folder / "mine.yaml"
    mine.write_text(GOOD, encoding="utf-8")
    first = load_catalog(user_dir=folder, write_cache=write_private)
    cache = FrameworkCache()
    assert cache.get(mine) == first.get("tiny")
    assert cache.get(shipped_framework_files()[0]) in first.frameworks.values()
    second = load_catalog(user_dir=folder, write_cache=write_private)
    assert second.frameworks == first.frameworks and second.problems == []
    mine.write_text(GOOD.replace('version: "1"', "version: 1"), encoding="utf-8")
    third = load_catalog(user_dir=folder, write_cache=write_private)
    assert "tiny" not in third.frameworks
    assert [p.message for p in third.problems] == ['version must be text, not a whole number; put it in quotes, e.g. "1"']
    assert FrameworkCache().get(mine) is None


def test_damaged_cache_is_ignored(tmp_path: Path) -> None:
    """A cache file that is not valid JSON changes nothing: the frameworks load from their files."""
    from tui.core.framework_cache import cache_path

    load_catalog(user_dir=tmp_path / "none", write_cache=write_private)
    cache_path().write_text("{not json", encoding="utf-8")
    catalog = load_catalog(user_dir=tmp_path / "none", write_cache=write_private)
    assert "ahep" in catalog.frameworks and len(catalog.get("ahep").areas) == 8
    assert cache_path().stat().st_mode & 0o777 == 0o600


def test_a_shipped_file_named_with_framework_opens_it(tmp_path: Path) -> None:
    """``--framework frameworks/aspect.yaml`` (a shipped file by its path) starts on Aspect, not on an 'id already used' error."""
    from tui.context import AppContext

    shipped = Path(__file__).resolve().parents[2] / "frameworks" / "aspect.yaml"
    context = AppContext.open(tmp_path / "data.json", str(shipped), user_dir=tmp_path / "u")
    try:
        assert context.framework_id == "aspect-core-principles"
        assert context.catalog.problems == []
    finally:
        context.close()
