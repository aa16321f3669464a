"""Saved team profiles: the record on disk, the rebuild, compare, the exchange section and the demo team."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.helpers.team_files import BAD_FILES, write_team
from tui.core.frameworks import FrameworkCatalog
from tui.core.team import build_profile
from tui.core.team_exchange import TEAM_PROFILES, check_team_profile, team_profile_to_dict
from tui.core.team_profiles import (
    DEMO_TEAM_SIZE, SavedTeamProfile, compare, demo_saved_profiles, demo_share_documents, files_text,
    likely_framework, saved_from, used_ratings,
)
from tui.context import AppContext
from tui.storage.repositories.team_profiles import TeamProfileRepository


def read_team(folder: Path, catalog: FrameworkCatalog, min_group: int = 5):  # type: ignore[no-untyped-def]
    """The sources and profile of a folder of share files."""
    sources, missing = TeamProfileRepository.read_sources([str(folder)])
    assert missing == []
    return sources, build_profile(sources, catalog, "ahep", min_group)


def test_the_files_used_and_the_ratings_of_each(context: AppContext, tmp_path: Path) -> None:
    """8 of 12 used, 3 left out, the duplicate counted once; the used ratings are those 8 wheels in file order."""
    framework = context.catalog.get("ahep")
    assert framework is not None
    sources, profile = read_team(write_team(tmp_path / "team", framework), context.catalog)
    assert files_text(profile) == "8 of 12 files used, 3 left out, 1 duplicate counted once"
    assert {Path(p.file).name for p in profile.problems} == set(BAD_FILES)
    ratings = used_ratings(sources, profile)
    assert len(ratings) == DEMO_TEAM_SIZE
    assert sorted(json.dumps(r, sort_keys=True) for r in ratings) == sorted(
        json.dumps(doc["ratings"], sort_keys=True) for _, doc in demo_share_documents(framework)[:DEMO_TEAM_SIZE])


def test_the_repository_round_trip_on_disk(context: AppContext, db_path: Path, tmp_path: Path) -> None:
    """Saved: name, framework, counts, min group and ratings in the file on disk; no notes, labels or file names."""
    framework = context.catalog.get("ahep")
    assert framework is not None
    folder = write_team(tmp_path / "team", framework)
    sources, profile = read_team(folder, context.catalog)
    saved = context.team_profiles.add(saved_from(profile, used_ratings(sources, profile), " Lab team 2026 ", "2026-12-01T10:00:00+00:00"))
    context.db.close()
    stored = json.loads(db_path.read_text(encoding="utf-8"))
    records = list(stored["team_profiles"].values())
    assert len(records) == 1
    record = records[0]
    assert record["name"] == "Lab team 2026" and record["framework_id"] == "ahep" and record["framework_version"] == framework.version
    assert record["files"] == {"total": 12, "used": 8, "duplicates": 1} and record["min_group"] == 5 and record["names"] is None
    assert len(record["ratings"]) == 8
    text = json.dumps(record)
    assert "share-0" not in text and str(folder) not in text and "notes" not in text and "label" not in text
    reopened = AppContext.open(db_path, user_dir=tmp_path / "user-frameworks")
    try:
        back = reopened.team_profiles.get(saved.id)
        assert back == saved
        again = back.profile(framework)
        assert again.cells == profile.cells
        assert (again.files_used, again.files_total, len(again.duplicates)) == (8, 12, 1)
        assert [w.kind for w in reopened.saved_work()] == ["team profile"]
        assert reopened.assessments.list() == []
    finally:
        reopened.close()


def test_names_only_when_every_file_opted_in(context: AppContext) -> None:
    """A saved profile keeps the names when all agreed, else None."""
    framework = context.catalog.get("ahep")
    assert framework is not None
    docs = [doc for _, doc in demo_share_documents(framework)[:5]]
    from tui.core.team import SourceFile

    named = [SourceFile(f"{i}.json", {**doc, "person": f"P{i}", "share": "named"}) for i, doc in enumerate(docs)]
    profile = build_profile(named, context.catalog)
    assert saved_from(profile, used_ratings(named, profile), "Named", "2026-12-01T10:00:00+00:00").names == ("P0", "P1", "P2", "P3", "P4")
    mixed = [*named[:4], SourceFile("4.json", {**docs[4], "person": "P4"})]
    profile = build_profile(mixed, context.catalog)
    assert saved_from(profile, used_ratings(mixed, profile), "Mixed", "2026-12-01T10:00:00+00:00").names is None


def test_compare_two_profiles_with_a_withheld_cell(context: AppContext) -> None:
    """Both medians, each n and the change; None (shown "fewer than N") where either is withheld."""
    framework = context.catalog.get("ahep")
    assert framework is not None
    earlier, later = demo_saved_profiles(framework, datetime(2026, 12, 2, tzinfo=timezone.utc))
    assert earlier.created < later.created
    rows = compare(earlier.profile(framework), later.profile(framework))
    assert len(rows) == len(framework.areas) * len(framework.series)
    first = rows[0]
    a, b = earlier.profile(framework).cell(first.area_id, first.series_id), later.profile(framework).cell(first.area_id, first.series_id)
    assert a.spread is not None and b.spread is not None
    assert (first.median_a, first.median_b, first.change) == (a.spread.median, b.spread.median, b.spread.median - a.spread.median)
    withheld = next(r for r in rows if r.area_id == framework.areas[-1].id and r.series_id == framework.series[-1].id)
    assert (withheld.n_a, withheld.median_a, withheld.change) == (4, None, None)


def test_the_demo_team_is_deterministic_and_believable(context: AppContext) -> None:
    """8 anonymous wheels and a duplicate; one area to discuss; one cell below the minimum group."""
    framework = context.catalog.get("ahep")
    assert framework is not None
    docs = demo_share_documents(framework)
    assert docs == demo_share_documents(framework)
    assert len(docs) == 9 and all("person" not in doc and "share" not in doc for _, doc in docs)
    from tui.core.team import SourceFile

    profile = build_profile([SourceFile(name, doc) for name, doc in docs], context.catalog)
    assert profile.files_used == 8 and len(profile.duplicates) == 1
    assert [c.area_id for c in profile.discuss()] == [framework.areas[2].id]
    assert profile.cell(framework.areas[-1].id, framework.series[-1].id).spread is None


def test_likely_framework() -> None:
    """The framework most files name; the preferred one wins a tie."""
    from tui.core.team import SourceFile

    def doc(framework_id: str) -> SourceFile:
        """A file naming ``framework_id``."""
        return SourceFile(framework_id, {"framework": {"id": framework_id}})

    assert likely_framework([doc("a"), doc("b"), doc("b")]) == "b"
    assert likely_framework([doc("a"), doc("b")], preferred="b") == "b"
    assert likely_framework([SourceFile("x", error="bad")]) is None


def test_read_sources_reports_progress(tmp_path: Path) -> None:
    """Every file read is told to the progress callback, from 0 to the total."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(30):
        (folder / f"{i:03d}.json").write_text("{}", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    sources, missing = TeamProfileRepository.read_sources([str(folder), str(tmp_path / "nowhere")], lambda d, t: seen.append((d, t)))
    assert len(sources) == 30 and missing == [str(tmp_path / "nowhere")]
    assert seen[0] == (0, 30) and seen[-1] == (30, 30) and len(seen) == 31


def test_the_exchange_section_round_trip_and_field_messages(context: AppContext) -> None:
    """An exported profile imports back the same; each problem names its field."""
    framework = context.catalog.get("ahep")
    assert framework is not None
    saved = demo_saved_profiles(framework, datetime(2026, 12, 2, tzinfo=timezone.utc))[0]
    doc = team_profile_to_dict(saved)
    problems, back = check_team_profile(json.loads(json.dumps(doc)), context.catalog)
    assert problems == [] and back == saved
    area = framework.areas[0].id
    bad = json.loads(json.dumps(doc))
    bad["min_group"] = 2
    bad["ratings"][1][area]["current"] = 11
    bad["ratings"][2]["nowhere"] = {"current": 1}
    bad["files"]["used"] = -1
    bad["notes"] = "x"
    problems, back = check_team_profile(bad, context.catalog)
    fields = dict(problems)
    assert back is None
    assert "min_group" in fields and fields["ratings[1].%s.current" % area].startswith("11 is not a whole number")
    assert "ratings[2].nowhere" in fields and "files.used" in fields and fields["notes"] == "is not a field of a saved team profile"
    checked = TEAM_PROFILES.check([doc, doc], "team_profiles[{}].", set(), [], context.catalog)
    assert checked.count == 1 and checked.duplicates == ["team_profiles[1]: the team profile '%s' was already imported" % saved.name]


def test_export_and_import_carry_team_profiles(context: AppContext, tmp_path: Path) -> None:
    """The all-data bundle has a team_profiles list; importing it into a fresh database stores them."""
    from tui.core.exchange import to_json
    from tui.transfer import export_all, import_files

    framework = context.catalog.get("ahep")
    assert framework is not None
    for saved in demo_saved_profiles(framework, datetime(2026, 12, 2, tzinfo=timezone.utc)):
        context.team_profiles.add(saved)
    bundle = export_all(context)
    assert len(bundle["team_profiles"]) == 2
    path = tmp_path / "all.json"
    path.write_text(to_json(bundle), encoding="utf-8")
    fresh = AppContext.open(tmp_path / "fresh" / "framewheel.json", user_dir=tmp_path / "user-frameworks")
    try:
        outcomes = import_files(fresh, [str(path)])
        assert all(not o.problems for o in outcomes), [o.problems for o in outcomes]
        assert sorted(p.name for p in fresh.team_profiles.list()) == sorted(p.name for p in context.team_profiles.list())
    finally:
        fresh.close()


@pytest.mark.parametrize("name", ["", "   "])
def test_a_saved_profile_needs_a_name(context: AppContext, name: str) -> None:
    """No name, no save."""
    framework = context.catalog.get("ahep")
    assert framework is not None
    profile = SavedTeamProfile(0, "x", "ahep", framework.version, "", "", 5, 0, 0, 0, None).profile(framework)
    with pytest.raises(ValueError):
        saved_from(profile, [], name, "2026-12-01T10:00:00+00:00")


def test_a_profile_saved_with_another_edition_still_opens(context: AppContext) -> None:
    """Ratings of an area, a series or a scale point the loaded framework no longer has are left out, not an error."""
    framework = context.catalog.get("ahep")
    assert framework is not None
    saved = demo_saved_profiles(framework, datetime(2026, 12, 2, tzinfo=timezone.utc))[0]
    odd = [{**wheel, "gone-area": {"current": 3}, framework.areas[0].id: {**wheel[framework.areas[0].id], "gone-series": 4,
                                                                           "current": 99}} for wheel in saved.ratings]
    from dataclasses import replace

    profile = replace(saved, framework_version="1999", ratings=tuple(odd)).profile(framework)
    assert profile.cell(framework.areas[0].id, "current").n == 0
    assert profile.cell(framework.areas[1].id, "current").n == 8


def test_the_folder_to_suggest_next_time(tmp_path: Path) -> None:
    """A folder is remembered as given; a file by its folder."""
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    assert TeamProfileRepository.folder_of([str(tmp_path)]) == str(tmp_path)
    assert TeamProfileRepository.folder_of([str(tmp_path / "a.json"), "x"]) == str(tmp_path)
    assert TeamProfileRepository.folder_of([]) == ""
