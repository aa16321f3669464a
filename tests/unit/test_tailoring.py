"""Tailored frameworks: the based_on key and its checks, the copy's text, and the diff from the base."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.tailored import AHEP, NEW_EXEMPLAR, OLD_EXEMPLAR, write_edited_copy
from tui.core.framework_cache import FrameworkCache
from tui.core.frameworks import FrameworkError, load_catalog, load_framework, parse_framework
from tui.core.tailoring import diff_dict, diff_frameworks, diff_lines, diff_markdown, find_base, tailored_text

SMALL = """\
schema: framewheel/framework@1
id: small
title: Small
version: "1"
{based_on}areas:
  - {{id: a, title: A}}
  - {{id: b, title: B}}
  - {{id: c, title: C}}
"""


@pytest.mark.parametrize("value, column", [("ahep", 11), ("ahep@", 11), ("Ahep@2024", 11), ("ahep@20 24", 11), ("'@2024'", 11)])
def test_malformed_based_on_names_file_line_column(value: str, column: int) -> None:
    """A based_on that is not ID@VERSION is refused at its line and column."""
    with pytest.raises(FrameworkError) as raised:
        parse_framework(SMALL.format(based_on=f"based_on: {value}\n"), "copy.yaml")
    message = str(raised.value)
    assert message.startswith(f"copy.yaml:5:{column}: based_on ")
    assert "must be ID@VERSION" in message and "ahep@2024" in message


def test_based_on_must_be_text() -> None:
    """A number or an empty value is refused with its place too."""
    with pytest.raises(FrameworkError) as raised:
        parse_framework(SMALL.format(based_on="based_on: 12\n"), "copy.yaml")
    assert str(raised.value).startswith("copy.yaml:5:11: based_on must be text")
    with pytest.raises(FrameworkError) as raised:
        parse_framework(SMALL.format(based_on='based_on: ""\n'), "copy.yaml")
    assert str(raised.value).startswith("copy.yaml:5:11: based_on is empty")


def test_based_on_loaded_and_cached(tmp_path: Path) -> None:
    """A valid based_on is on the Framework, and survives the framework cache."""
    path = tmp_path / "small.yaml"
    path.write_text(SMALL.format(based_on="based_on: ahep@2024\n"), encoding="utf-8")
    framework = load_framework(path)
    assert framework.based_on == "ahep@2024"
    cache = FrameworkCache(tmp_path / "cache.json")
    cache.put(path, framework)
    assert cache.get(path) is not None and cache.get(path).based_on == "ahep@2024"  # type: ignore[union-attr]
    assert load_framework(AHEP).based_on == ""


def test_tailored_text_keeps_the_file_and_changes_three_lines() -> None:
    """The copy is the base file with id, title and based_on changed: every comment and other line kept."""
    base = AHEP.read_text(encoding="utf-8")
    copy = tailored_text(base, "ahep-college", 'Our "College" AHEP', "ahep@2024")
    base_lines, copy_lines = base.splitlines(), copy.splitlines()
    assert [line for line in copy_lines if line not in base_lines] == [
        "id: ahep-college",
        "# the framework this copy was tailored from (framewheel frameworks diff ahep-college)",
        'based_on: "ahep@2024"',
        'title: "Our \\"College\\" AHEP"',
    ]
    assert [line for line in base_lines if line not in copy_lines] == ["id: ahep", "title: AHEP Professional Framework"]
    framework = parse_framework(copy, "copy.yaml")
    assert (framework.id, framework.title, framework.based_on) == ("ahep-college", 'Our "College" AHEP', "ahep@2024")


def test_a_copy_of_a_copy_replaces_based_on() -> None:
    """Tailoring a tailored framework names the new base, once."""
    first = tailored_text(AHEP.read_text(encoding="utf-8"), "one", "One", "ahep@2024")
    second = tailored_text(first, "two", "Two", "one@2024")
    assert second.count("based_on:") == 1 and 'based_on: "one@2024"' in second


def test_diff_shows_exactly_the_hand_edits(tmp_path: Path) -> None:
    """Rename, add, remove and an exemplar changed: the diff lists those and nothing else (besides the title)."""
    copy = load_framework(write_edited_copy(tmp_path))
    diff = diff_frameworks(load_framework(AHEP), copy)
    assert [(r.id, r.before, r.after) for r in diff.areas_renamed] == [
        ("working-together", "Working Together", "Working Together Across the College")]
    assert [a.id for a in diff.areas_added] == ["digital-practice"]
    assert [a.id for a in diff.areas_removed] == ["wider-context"]
    assert diff.reordered == ()
    assert len(diff.area_changes) == 1
    change = diff.area_changes[0]
    assert change.id == "working-together" and change.fields == ()
    assert [(e.level_id, e.changed, e.added, e.removed) for e in change.exemplars] == [
        ("associate", ((OLD_EXEMPLAR, NEW_EXEMPLAR),), (), ())]
    assert [c.field for c in diff.framework_fields] == ["title"]
    assert not diff.levels_added and not diff.levels_removed and not diff.values_added
    text = "\n".join(diff_lines(diff))
    assert "commitments 1 renamed, 1 added, 1 removed, 1 with other changes" in text
    assert "~ working-together: Working Together -> Working Together Across the College" in text
    assert "+ digital-practice: Digital Practice" in text
    assert "- wider-context: Engaging with the Wider Context" in text
    assert f"~ exemplar at associate: {OLD_EXEMPLAR} -> {NEW_EXEMPLAR}" in text
    assert "## Commitments removed" in diff_markdown(diff)
    assert diff_dict(diff)["areas"]["added"] == [{"id": "digital-practice", "title": "Digital Practice"}]


def test_base_not_loaded_still_loads_with_a_warning(tmp_path: Path) -> None:
    """based_on naming a framework that is not loaded: the copy loads; the diff cannot be shown, and says so."""
    folder = tmp_path / "user"
    folder.mkdir()
    (folder / "small.yaml").write_text(SMALL.format(based_on="based_on: gone@3\n"), encoding="utf-8")
    catalog = load_catalog(user_dir=folder, use_cache=False)
    assert catalog.problems == []
    small = catalog.get("small")
    assert small is not None
    found = find_base(small, catalog.frameworks)
    assert found.base is None and found.tailored
    assert "based on gone@3, which is not loaded, so the changes from it cannot be shown" in found.warning


def test_other_base_version_is_compared_with_a_warning(tmp_path: Path) -> None:
    """based_on naming another edition of a loaded framework: compared with the loaded one, and said."""
    folder = tmp_path / "user"
    path = write_edited_copy(folder)
    path.write_text(path.read_text(encoding="utf-8").replace('based_on: "ahep@2024"', "based_on: ahep@2023"), encoding="utf-8")
    catalog = load_catalog(user_dir=folder, use_cache=False)
    found = find_base(catalog.frameworks["ahep-college"], catalog.frameworks)
    assert found.base is not None and found.base.id == "ahep"
    assert "based on ahep@2023, but ahep@2024 is loaded" in found.warning


def test_diff_of_order_levels_values_and_fields() -> None:
    """Areas put in another order, a level renamed and one removed, a value added, a short label changed."""
    from dataclasses import replace

    base = load_framework(AHEP)
    first, second, *rest = base.areas
    tailored = replace(
        base, id="copy", based_on="ahep@2024",
        areas=(second, replace(first, short="Growth"), *rest),
        levels=(replace(base.levels[0], title="Starter"), *base.levels[1:3]),
        values=(*base.values, replace(base.values[0], id="brave", title="Brave")),
    )
    diff = diff_frameworks(base, tailored)
    assert diff.reordered[:2] == ("responsible-practice", "professional-development")
    assert [(c.id, [(f.field, f.before, f.after) for f in c.fields]) for c in diff.area_changes] == [
        ("professional-development", [("short", "Prof. development", "Growth")])]
    assert [(r.id, r.after) for r in diff.levels_renamed] == [("associate", "Starter")]
    assert diff.levels_removed == ("Fellow",) and diff.values_added == ("Brave",)
    text = "\n".join(diff_lines(diff))
    assert "~ now in the order: responsible-practice, professional-development," in text
    assert "Levels:\n  - Fellow\n  ~ associate: Associate -> Starter" in text
    assert "Values:\n  + Brave" in text
    assert not diff_frameworks(base, replace(base, id="same")).framework_fields
    assert diff_frameworks(base, replace(base, id="same")).empty
